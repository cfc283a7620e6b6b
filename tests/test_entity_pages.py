"""Which entities get a page, what the page says, and the A-Z index of every name
(corpus/entity_pages.py, corpus/index.py)."""

from __future__ import annotations

from generator.corpus import build_corpus
from generator.corpus.index import LETTER_LIMIT, index_entries, index_parts
from generator.corpus.names import names_someone
from generator.dossier import Attribution, Event
from tests.corpus_fixtures import dossier, org, person


def paths(corpus: object) -> set[str]:
    return {p.path for p in corpus.pages.values()}  # type: ignore[attr-defined]


def test_a_countrys_government_written_in_lower_case_gets_a_page_as_its_other_spelling_does() -> None:
    corpus = build_corpus(
        [
            dossier("g1", org("UK government", "government"), org("Government of China"), title="Talks"),
            dossier("g2", org("UK government", "government"), org("Government of China"), title="Deal"),
        ]
    )
    assert {"stakeholders/uk-government.md", "stakeholders/government-of-china.md"} <= paths(corpus)


def test_a_page_for_names_in_two_articles_or_a_main_actor_only() -> None:
    corpus = build_corpus(
        [
            # Gazprom leads the story (its headline); a witness is named once, in passing.
            dossier(
                "a1", org("Gazprom"), person("Jo Witness"), org("Kremlin"), title="Gazprom cuts supplies"
            ),
            dossier("a2", org("Naftogaz"), org("Kremlin"), person("Ivan Petrov"), title="Talks stall"),
        ]
    )
    assert "stakeholders/gazprom.md" in paths(corpus)  # a main actor of one article
    assert "stakeholders/kremlin.md" in paths(corpus)  # named by two articles
    assert "stakeholders/jo-witness.md" not in paths(corpus)
    assert "stakeholders/ivan-petrov.md" not in paths(corpus)
    # Without a page, they are in the A-Z index, linked to each mention.
    entries = {e.name: e for e in index_entries(corpus.identities, corpus.pages, corpus.dossiers)}
    witness = entries["Jo Witness"]
    assert witness.page is None and [(m.slug, m.sentence) for m in witness.mentions] == [("a1", "s2")]
    assert entries["Kremlin"].page == "stakeholders/kremlin.md" and entries["Kremlin"].articles == 2


def test_no_page_and_no_index_entry_for_a_phrase_that_names_no_one() -> None:
    phrases = [
        "But The Office",
        "Asia-Pacific office",
        "Caribbean island's government",
        "Jerry Springer - The",
    ]
    corpus = build_corpus([dossier(f"j{i}", org(p), title=p) for i, p in enumerate(phrases)] * 1)
    corpus = build_corpus([*corpus.dossiers, *(dossier(f"k{i}", org(p)) for i, p in enumerate(phrases))])
    assert paths(corpus) == set()
    names = {e.name for e in index_entries(corpus.identities, corpus.pages, corpus.dossiers)}
    assert names.isdisjoint(phrases)
    assert all(not names_someone(p) for p in phrases)
    assert names_someone("House of Commons") and names_someone("eBay") and names_someone("Tony Blair")


def test_an_unidentified_surname_gets_no_page_but_an_index_entry() -> None:
    corpus = build_corpus(
        [
            dossier("s1", person("Tony Jones"), org("Cardiff Council")),
            dossier("s2", person("Mary Jones"), org("Cardiff Council")),
            dossier("s3", person("Jones"), title="Jones speaks"),
            dossier("s4", person("Jones"), title="Jones again"),
        ]
    )
    assert not any("jones.md" in p and "-" not in p.split("/")[1] for p in paths(corpus))
    entries = [
        e for e in index_entries(corpus.identities, corpus.pages, corpus.dossiers) if e.name == "Jones"
    ]
    assert (
        len(entries) == 1 and entries[0].unresolved and {m.slug for m in entries[0].mentions} == {"s3", "s4"}
    )


def test_an_entity_page_draws_on_every_article() -> None:
    first = dossier(
        "c1", person("Bernie Ebbers", role="former WorldCom chief"), org("WorldCom"), date="2005-03-01"
    )
    first.events = [Event("2005-03-15", "March 15", "Ebbers was convicted.", ["s1"])]
    first.attributions = [Attribution("Bernie Ebbers", None, "I did not know", ["s1"], quote=True)]
    second = dossier("c2", person("Ebbers"), org("WorldCom"), date="2005-07-13")
    second.events = [Event("2005-07-13", "on Wednesday", "Ebbers was sentenced.", ["s1"])]
    corpus = build_corpus([first, second])
    page = next(p for p in corpus.pages.values() if p.entity.name == "Bernie Ebbers")
    assert page.description is not None and page.description.text == "former WorldCom chief"
    assert [(a.event.date, a.dossier.slug) for a in page.acts] == [("2005-07-13", "c2"), ("2005-03-15", "c1")]
    assert [q.attribution.claim for q in page.quotes] == ["I did not know"]
    assert page.named_with == [("WorldCom", "stakeholders/worldcom.md", 2)]
    assert [m.slug for m in page.mentions] == ["c1", "c2"]  # oldest first
    assert page.appearances[1].names == ("Ebbers",)  # as the second article names him


def test_an_article_sent_out_twice_gives_its_quote_and_event_once() -> None:
    copies = []
    for slug, date in (("d1", "2005-02-01"), ("d2", "2005-02-02")):
        d = dossier(slug, person("Betty Boothroyd"), org("House of Lords"), date=date)
        d.events = [Event("2005-02-01", "on Tuesday", "Boothroyd spoke.", ["s1"])]
        d.attributions = [Attribution("Betty Boothroyd", None, "I want a Speaker", ["s1"], quote=True)]
        copies.append(d)
    corpus = build_corpus(copies)
    page = next(p for p in corpus.pages.values() if p.entity.name == "Betty Boothroyd")
    assert [(q.dossier.slug, q.attribution.claim) for q in page.quotes] == [("d2", "I want a Speaker")]
    assert [a.dossier.slug for a in page.acts] == ["d2"]
    assert [m.slug for m in page.mentions] == ["d1", "d2"]  # both articles still listed


def test_the_index_splits_a_crowded_letter_by_two_letters() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [f"B{a}{b}{c} Holdings" for a in letters for b in letters for c in "xyz"][: LETTER_LIMIT + 5]
    crowd = [dossier(f"d{i}", org(name)) for i, name in enumerate(names)]
    corpus = build_corpus([*crowd, dossier("z", org("Zeta Corp"))])
    parts = index_parts(index_entries(corpus.identities, corpus.pages, corpus.dossiers))
    assert "b" not in parts and "ba" in parts and "bh" in parts and "z" in parts
    assert sum(len(v) for k, v in parts.items() if k.startswith("b")) == LETTER_LIMIT + 5
