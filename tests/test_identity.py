"""Cross-article identity: the merges that must happen, the ones that must not, the kind
decided across articles, and the editor's corrections (corpus/identity.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.corpus import country_words
from generator.corpus.identity import Identities, resolve
from generator.corpus.overrides import load_overrides, parse_overrides
from generator.errors import ExplainerError
from tests.corpus_fixtures import dossier, org, person

COUNTRIES = {
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "britain's": "United Kingdom",
    "united kingdom": "United Kingdom",
    "french": "France",
    "france": "France",
}


def same(ids: Identities, a: tuple[str, str], b: tuple[str, str]) -> bool:
    first, second = ids.entity(*a), ids.entity(*b)
    assert first is not None and second is not None
    return first is second


# A small corpus about two stories: a Labour leader and a bank lobby.
POLITICS = [
    dossier(
        "p1", person("Tony Blair", "Blair", role="Prime Minister"), org("Labour Party"), org("Downing Street")
    ),
    dossier("p2", person("Tony Blair", "Mr Blair"), org("Labour Party"), person("Gordon Brown", "Brown")),
    # spaCy took "Mr Blair" for an organisation in an article that names him in full too.
    dossier("p3", person("Tony Blair"), org("Mr Blair"), org("Labour Party")),
    # Only the surname, with the story's other names (the Labour Party, Downing Street).
    dossier("p4", person("Blair", role="Prime Minister"), org("Labour Party"), org("Downing Street")),
]


def test_forms_of_one_person_are_one_entity() -> None:
    ids = resolve(POLITICS)
    blair = ids.entity("p1", "Tony Blair")
    assert blair is not None and blair.name == "Tony Blair" and blair.kind == "person"
    assert same(ids, ("p1", "Tony Blair"), ("p2", "Tony Blair"))
    assert same(ids, ("p1", "Tony Blair"), ("p3", "Mr Blair"))  # the honorific, tagged as a firm
    assert same(ids, ("p1", "Tony Blair"), ("p4", "Blair"))  # the surname, placed by its story
    assert any("both forms are in p3" in why for why in blair.evidence)


def test_a_surname_the_story_does_not_place_stays_apart() -> None:
    # "Blair" in a sports story: no name of Tony Blair's stories beside it.
    sport = dossier("s1", person("Blair", role="striker"), org("Chelsea"), org("Premier League"))
    ids = resolve([*POLITICS, sport])
    assert not same(ids, ("p1", "Tony Blair"), ("s1", "Blair"))
    lone = ids.entity("s1", "Blair")
    assert lone is not None and lone.unresolved


def test_two_people_of_one_surname_are_never_merged() -> None:
    corpus = [
        dossier("a1", person("Tony Jones"), org("Cardiff Council")),
        dossier("a2", person("Mary Jones"), org("Cardiff Council")),
        # A surname alone where both Joneses' stories fit equally: undecided.
        dossier("a3", person("Jones"), org("Cardiff Council")),
        # Two Halls in one article, and "Hall" alone there: which one is not known.
        dossier("a4", person("Tony Hall"), person("Jane Hall"), person("Hall")),
    ]
    ids = resolve(corpus)
    assert not same(ids, ("a1", "Tony Jones"), ("a2", "Mary Jones"))
    jones = ids.entity("a3", "Jones")
    assert jones is not None and jones.unresolved and len(jones.records) == 1
    assert not same(ids, ("a4", "Tony Hall"), ("a4", "Hall")) and not same(
        ids, ("a4", "Jane Hall"), ("a4", "Hall")
    )


def test_a_title_that_says_the_gender_rules_out_the_other_person() -> None:
    corpus = [
        dossier("b1", person("Gordon Brown", role="Chancellor"), org("Treasury"), org("Labour Party")),
        dossier("b2", person("Mrs Brown"), org("Treasury"), org("Labour Party")),
    ]
    ids = resolve(corpus)
    assert not same(ids, ("b1", "Gordon Brown"), ("b2", "Mrs Brown"))


def test_a_peers_title_joins_the_one_person_of_that_name_and_gender_in_its_article() -> None:
    corpus = [
        dossier(
            "l1",
            person("Betty Boothroyd"),
            person("Baroness Boothroyd", "Lady Boothroyd"),
            org("House of Lords"),
        ),
        # His mother, by her title, in an article about him: a woman's title, a man's name.
        dossier("l2", person("Mark Thatcher"), person("Lady Thatcher"), org("Equatorial Guinea")),
        # Two of that surname in one article: which one the title means is not known.
        dossier("l3", person("Neil Kinnock"), person("Stephen Kinnock"), person("Lord Kinnock")),
    ]
    ids = resolve(corpus)
    assert same(ids, ("l1", "Betty Boothroyd"), ("l1", "Baroness Boothroyd"))
    assert not same(ids, ("l2", "Mark Thatcher"), ("l2", "Lady Thatcher"))
    assert not same(ids, ("l3", "Neil Kinnock"), ("l3", "Lord Kinnock"))
    assert not same(ids, ("l3", "Stephen Kinnock"), ("l3", "Lord Kinnock"))


def test_organisations_join_across_spellings_acronyms_and_descriptors() -> None:
    corpus = [
        dossier("c1", org("British Bankers' Association"), org("Bank of England")),
        dossier("c2", org("British Bankers Association"), org("Bank of England")),
        dossier("c3", org("Confederation of British Industry"), org("CBI")),  # both in one article
        dossier("c4", org("CBI"), org("Bank of England")),
        dossier("c5", org("Yukos Oil Co"), org("Yukos")),
        dossier("c6", person("Celebrity chef Jamie Oliver"), org("Channel 4")),
        dossier("c7", person("Jamie Oliver"), org("Channel 4")),
    ]
    ids = resolve(corpus)
    assert same(ids, ("c1", "British Bankers' Association"), ("c2", "British Bankers Association"))
    assert same(ids, ("c3", "Confederation of British Industry"), ("c4", "CBI"))
    cbi = ids.entity("c4", "CBI")
    assert cbi is not None and cbi.name == "Confederation of British Industry"
    assert same(ids, ("c5", "Yukos Oil Co"), ("c5", "Yukos")) is False  # "Oil" is part of the name
    assert same(ids, ("c6", "Celebrity chef Jamie Oliver"), ("c7", "Jamie Oliver"))


def test_the_kind_is_what_the_articles_say_together() -> None:
    corpus = [dossier(f"y{i}", org("Yukos"), org("Gazprom")) for i in range(3)]
    corpus.append(dossier("y9", person("Yukos"), org("Gazprom")))  # spaCy's slip in one article
    corpus += [dossier(f"m{i}", person("Manchester United")) for i in range(2)]  # a club's name
    ids = resolve(corpus)
    yukos = ids.entity("y9", "Yukos")
    assert yukos is not None and yukos.kind == "organization" and len(yukos.records) == 4
    united = ids.entity("m0", "Manchester United")
    assert united is not None and united.kind == "organization"


def test_a_countrys_government_is_one_organisation_by_any_of_its_names() -> None:
    corpus = [
        dossier("g1", org("British government")),
        dossier("g2", org("UK government")),
        dossier("g3", org("Britain's government")),
        dossier("g4", org("French government")),
        dossier("g5", org("Government of the United Kingdom")),
        dossier("g6", org("Government of France")),
    ]
    ids = resolve(corpus, country_words=COUNTRIES)
    assert same(ids, ("g1", "British government"), ("g2", "UK government"))
    assert same(ids, ("g1", "British government"), ("g5", "Government of the United Kingdom"))
    assert same(ids, ("g4", "French government"), ("g6", "Government of France"))
    assert not same(ids, ("g5", "Government of the United Kingdom"), ("g6", "Government of France"))
    assert same(ids, ("g1", "British government"), ("g3", "Britain's government"))
    assert not same(ids, ("g1", "British government"), ("g4", "French government"))


def test_country_words_come_from_the_packs(kb: object) -> None:
    words = country_words(kb)  # type: ignore[arg-type]
    assert words["british"] == "United Kingdom" and words["uk"] == "United Kingdom"


def test_the_editor_joins_splits_and_sets_kinds() -> None:
    corpus = [
        dossier("e1", person("Michael Owen"), org("Real Madrid")),
        dossier("e2", person("Michael Owen"), org("Wales Rugby Union")),
        dossier("e3", org("BBC News Online"), org("BBC")),
        dossier("e4", person("Virgin"), org("Richard Branson")),
    ]
    overrides = parse_overrides(
        {
            "different": [["Michael Owen", {"name": "Michael Owen", "in": "e2"}]],
            "same": [["BBC News Online", "BBC"]],
            "kinds": {"Virgin": "organization", "Richard Branson": "person"},
        }
    )
    ids = resolve(corpus, overrides)
    assert not same(ids, ("e1", "Michael Owen"), ("e2", "Michael Owen"))
    first, second = ids.entity("e1", "Michael Owen"), ids.entity("e2", "Michael Owen")
    assert first is not None and second is not None and first.key != second.key  # two pages
    assert same(ids, ("e3", "BBC News Online"), ("e3", "BBC"))
    virgin, branson = ids.entity("e4", "Virgin"), ids.entity("e4", "Richard Branson")
    assert virgin is not None and virgin.kind == "organization"
    assert branson is not None and branson.kind == "person"


def test_a_bad_corrections_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "corpus.yml"
    path.write_text("same:\n  - [Tony Blair]\n")
    with pytest.raises(ExplainerError, match=r"corpus\.yml.*two or more names"):
        load_overrides(path)
    path.write_text("kinds:\n  Yukos: company\n")
    with pytest.raises(ExplainerError, match="'company' is not one of"):
        load_overrides(path)
    path.write_text("same: [\n")
    with pytest.raises(ExplainerError, match=r"corpus\.yml:\d+: malformed YAML"):
        load_overrides(path)
    assert load_overrides(tmp_path / "missing.yml").same == []


def test_the_same_corpus_gives_the_same_entities_whatever_the_order() -> None:
    forward = resolve(POLITICS)
    backward = resolve(list(reversed(POLITICS)))
    assert [(e.key, e.name, e.kind, [r.ref for r in e.records]) for e in forward.entities] == [
        (e.key, e.name, e.kind, [r.ref for r in e.records]) for e in backward.entities
    ]


def test_an_initial_and_a_surname_join_only_a_name_with_that_initial() -> None:
    corpus = [
        dossier("r1", person("Ben Cohen"), org("England rugby union team"), org("Northampton Saints")),
        dossier("r2", person("Sacha Baron Cohen"), org("Channel 4")),
        dossier("r3", person("B Cohen"), org("Northampton Saints")),  # a team sheet
        dossier("r4", person("S Cohen"), org("Northampton Saints")),  # nobody of the corpus fits
    ]
    ids = resolve(corpus)
    assert same(ids, ("r1", "Ben Cohen"), ("r3", "B Cohen"))
    assert not same(ids, ("r2", "Sacha Baron Cohen"), ("r3", "B Cohen"))
    assert not same(ids, ("r1", "Ben Cohen"), ("r4", "S Cohen"))


# Eight articles: two about a Lib Dem spokesman, named "Vince" in one and "Vincent" in
# the other, beside the rarer names of his story; the rest about other things.
OTHERS = [dossier(f"o{i}", org(f"Firm {i}"), org("United Kingdom")) for i in range(6)]
LIB_DEMS = [org("Liberal Democrats"), org("Treasury"), person("Charles Kennedy")]
CABLE = [dossier("c1", person("Vince Cable"), *LIB_DEMS), dossier("c2", person("Vincent Cable"), *LIB_DEMS)]


def test_a_given_name_and_its_short_form_are_one_person_where_the_story_says_so() -> None:
    ids = resolve([*CABLE, *OTHERS, dossier("c3", person("Mr Cable"), org("Liberal Democrats"))])
    assert same(ids, ("c1", "Vince Cable"), ("c2", "Vincent Cable"))
    cable = ids.entity("c1", "Vince Cable")
    assert cable is not None and any("are one person" in why for why in cable.evidence)
    # With one person of that name left, the surname alone is him too.
    assert same(ids, ("c1", "Vince Cable"), ("c3", "Mr Cable"))


def test_one_article_naming_both_forms_joins_them() -> None:
    ids = resolve([dossier("d1", person("Dave Collins"), person("David Collins")), *OTHERS])
    assert same(ids, ("d1", "Dave Collins"), ("d1", "David Collins"))


def test_short_forms_that_may_be_someone_else_stay_apart() -> None:
    # Another field: nothing around them in common.
    apart = [dossier("e1", person("Andrew Scott"), org("Royal Court Theatre")),
             dossier("e2", person("Andy Scott"), org("Brentford"))]  # fmt: skip
    ids = resolve([*apart, *OTHERS])
    assert not same(ids, ("e1", "Andrew Scott"), ("e2", "Andy Scott"))
    # A common surname in one sport's articles: the hooker is not the fly-half.
    rugby = [org("Wales"), org("Dragons"), org("Scarlets")]
    jones = [dossier("j1", person("Stephen Jones"), *rugby), dossier("j2", person("Steve Jones"), *rugby),
             *(dossier(f"j{g}", person(f"{g} Jones")) for g in ("Mary", "Adam", "Carl"))]  # fmt: skip
    ids = resolve([*jones, *OTHERS])
    assert not same(ids, ("j1", "Stephen Jones"), ("j2", "Steve Jones"))
    # "Andy" could be the Andrew or the Andrea of the story: neither.
    three = [dossier("a1", person("Andrew Hart"), *rugby), dossier("a2", person("Andy Hart"), *rugby),
             dossier("a3", person("Andrea Hart"), *rugby)]  # fmt: skip
    ids = resolve([*three, *OTHERS])
    assert not same(ids, ("a1", "Andrew Hart"), ("a2", "Andy Hart"))
    # Another middle name is another person.
    ids = resolve([dossier("t1", person("Tom Jones"), person("Tommy Lee Jones")), *OTHERS])
    assert not same(ids, ("t1", "Tom Jones"), ("t1", "Tommy Lee Jones"))
