"""Entity page addresses stay put as the corpus grows; a merge leaves a redirect
(corpus/addresses.py, through build_corpus)."""

from __future__ import annotations

from pathlib import Path

from generator.corpus import build_corpus
from generator.corpus.addresses import AddressBook, Claimant, assign, load_book
from generator.corpus.overrides import parse_overrides
from tests.corpus_fixtures import dossier, org, person


def claimant(key: str, name: str, *keys: str) -> Claimant:
    return Claimant(key, "stakeholders", name, frozenset({key, *keys}))


def test_a_new_entity_takes_a_slug_of_its_name_and_keeps_it() -> None:
    first, book = assign([claimant("person:tony blair", "Tony Blair")], AddressBook())
    assert first == {"person:tony blair": "stakeholders/tony-blair"}
    # Later the same entity is known by more names and a new one arrives: nothing moves.
    later, book2 = assign(
        [
            claimant("person:tony blair", "Tony Blair", "person:anthony blair"),
            claimant("person:cherie blair", "Cherie Blair"),
        ],
        book,
    )
    assert later["person:tony blair"] == "stakeholders/tony-blair"
    assert later["person:cherie blair"] == "stakeholders/cherie-blair"
    assert book2.pages["stakeholders/tony-blair"][0] == "person:tony blair"


def test_a_renamed_entity_keeps_its_first_address() -> None:
    # The first articles call him "Ebbers"'s firm by a short name; a fuller name wins later.
    _, book = assign([claimant("organization:worldcom", "WorldCom")], AddressBook())
    out, _ = assign([claimant("organization:mci worldcom", "MCI WorldCom", "organization:worldcom")], book)
    assert out == {"organization:mci worldcom": "stakeholders/worldcom"}


def test_a_merge_keeps_the_older_address_and_redirects_the_other() -> None:
    _, book = assign(
        [
            claimant("organization:bba", "BBA"),
            claimant("organization:british bankers association", "British Bankers Association"),
        ],
        AddressBook(),
    )
    merged = claimant(
        "organization:british bankers association", "British Bankers Association", "organization:bba"
    )
    out, book2 = assign([merged], book)
    assert out == {"organization:british bankers association": "stakeholders/bba"}
    assert book2.moved == {"stakeholders/british-bankers-association": "stakeholders/bba"}
    # The retired address is never given to another entity.
    newcomer, _ = assign([merged, claimant("organization:other", "British Bankers Association")], book2)
    assert newcomer["organization:other"] not in (
        "stakeholders/bba",
        "stakeholders/british-bankers-association",
    )


def test_two_entities_of_one_name_get_two_stable_addresses() -> None:
    owens = [
        claimant("person:michael owen", "Michael Owen"),
        claimant("person:michael owen@s2", "Michael Owen"),
    ]
    first, book = assign(owens, AddressBook())
    assert len(set(first.values())) == 2
    again, _ = assign(list(reversed(owens)), book)
    assert again == first  # the order of the claimants no longer matters once given


STORY = [
    dossier("a1", person("Tony Blair"), org("Labour Party"), title="Blair sets out plans"),
    dossier("a2", person("Tony Blair"), org("Labour Party"), person("Jo Witness")),
]


def test_pages_keep_their_addresses_as_articles_are_added(tmp_path: Path) -> None:
    first = build_corpus(STORY)
    before = {p.entity.key: p.path for p in first.pages.values()}
    assert before["person:tony blair"] == "stakeholders/tony-blair.md"
    more = [*STORY, dossier("a3", person("Anthony Blair", "Tony Blair"), org("Labour Party"))]
    second = build_corpus(more, book=first.addresses)
    after = {p.entity.key: p.path for p in second.pages.values()}
    assert all(after.get(k) == v for k, v in before.items() if k in after)
    (tmp_path / "book.json").write_text(second.addresses.to_json())
    assert load_book(tmp_path / "book.json") == second.addresses


def test_a_merge_by_the_editor_redirects_the_retired_page() -> None:
    corpus = [
        dossier("b1", org("BBC News Online"), org("Ofcom")),
        dossier("b2", org("BBC News Online"), org("Ofcom")),
        dossier("b3", org("BBC"), org("Ofcom")),
        dossier("b4", org("BBC"), org("Ofcom")),
    ]
    first = build_corpus(corpus)
    assert {"stakeholders/bbc-news-online.md", "stakeholders/bbc.md"} <= {
        p.path for p in first.pages.values()
    }
    merged = build_corpus(
        corpus, overrides=parse_overrides({"same": [["BBC", "BBC News Online"]]}), book=first.addresses
    )
    paths = {p.path for p in merged.pages.values()}  # the older address (given first) stays
    assert "stakeholders/bbc.md" in paths and "stakeholders/bbc-news-online.md" not in paths
    assert merged.redirects == {"stakeholders/bbc-news-online.md": "stakeholders/bbc.md"}
