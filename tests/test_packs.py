"""Knowledge packs: coverage of the shipped data and validation of bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyze.packs import KnowledgeBase, load_knowledge
from generator.errors import PackError


def test_systems_pack_covers_the_domains(kb: KnowledgeBase) -> None:
    systems = kb.systems()
    assert len(systems) >= 150
    assert all(s.category and s.origin for s in systems)
    categories = " ".join(s.category or "" for s in systems)
    for word in (
        "fighter",
        "surface-to-air",
        "missile",
        "destroyer",
        "submarine",
        "tank",
        "unmanned",
        "satellite",
        "pipeline",
    ):
        assert word in categories, word


def test_consumer_products_the_tagger_takes_for_people_are_systems(kb: KnowledgeBase) -> None:
    from generator.analyze import analyze
    from tests.test_realnews import seed

    d = analyze(
        seed(
            "Fans of The Sims and Tomb Raider can download them from the App Store, and the old "
            "Apple Macintosh still runs AOL Instant Messenger."
        ),
        kb,
    )
    assert {"The Sims", "Tomb Raider", "App Store", "Macintosh", "AOL Instant Messenger"} <= {
        s.name for s in d.systems
    }
    assert not [s.name for s in d.stakeholders if s.kind == "person"]


def test_aliases_and_demonyms_resolve(kb: KnowledgeBase) -> None:
    assert kb.lookup("American").name == "United States"  # type: ignore[union-attr]
    assert kb.lookup("Washington").name == "United States"  # type: ignore[union-attr]
    assert kb.lookup("S-400 Triumf").name == "S-400"  # type: ignore[union-attr]
    assert kb.lookup("Bloomberg").kind == "media"  # type: ignore[union-attr]
    assert kb.lookup("Donbass").kind == "place"  # type: ignore[union-attr]
    assert kb.lookup("CAATSA").kind == "term"  # type: ignore[union-attr]


def test_a_name_beats_another_entrys_alias(kb: KnowledgeBase) -> None:
    for key, entry in kb.entries.items():
        assert kb.surfaces[entry.name] == key or kb.entries[kb.surfaces[entry.name]].name == entry.name


def test_project_pack_extends_builtin(tmp_path: Path) -> None:
    (tmp_path / "extra.yml").write_text(
        "kind: systems\nentries:\n  - {name: Blue Ghost, category: lunar lander, origin: United States}\n"
    )
    kb = load_knowledge(tmp_path)
    assert kb.lookup("Blue Ghost").category == "lunar lander"  # type: ignore[union-attr]


def test_packs_say_what_systems_and_organisations_are(kb: KnowledgeBase) -> None:
    """Key systems and Who's who show these facts with the pack named."""
    s400 = kb.lookup("S-400")
    assert s400 is not None and s400.pack == "systems"
    assert (s400.maker, s400.in_service) == ("Almaz-Antey", 2007) and "India" in s400.operators
    known = [s for s in kb.systems() if s.in_service]
    assert len(known) >= 150 and all(1900 < (s.in_service or 0) <= 2026 for s in known)
    orgs = [e for e in kb.entries.values() if e.kind in ("organization", "media")]
    assert orgs and all(e.description for e in orgs), [e.name for e in orgs if not e.description]
    assert kb.lookup("Reuters").description == "international news agency"  # type: ignore[union-attr]


def test_project_pack_entries_name_their_file(tmp_path: Path) -> None:
    (tmp_path / "space.yml").write_text(
        "kind: organizations\nentries:\n  - {name: Lunar Outpost, description: U.S. rover maker}\n"
    )
    entry = load_knowledge(tmp_path).lookup("Lunar Outpost")
    assert entry is not None and (entry.pack, entry.description) == ("space", "U.S. rover maker")


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("kind: systems\nentries:\n  - {name: X-1, origin: Y}\n", "missing 'category'", 3),
        (
            "kind: systems\nentries:\n  - {name: X-1, category: c, origin: Y, colour: red}\n",
            "unknown field 'colour'",
            3,
        ),
        (
            "kind: systems\nentries:\n  - {name: X-1, category: c, origin: Y}\n"
            "  - {name: Z, category: c, origin: [a]}\n",
            "'origin' must be non-empty text",
            4,
        ),
        ("kind: weapons\nentries: []\n", "a pack needs 'kind:'", 1),
        ("kind: systems\nentries:\n  - {name: [unclosed\n", "malformed YAML", None),
        ("kind: media\nentries:\n  - just a string\n", "must be a mapping", None),
        (
            "kind: systems\nentries:\n  - {name: X-1, category: c, origin: Y, in_service: soon}\n",
            "'in_service' must be a year",
            3,
        ),
        (
            "kind: systems\nentries:\n  - {name: X-1, category: c, origin: Y, operators: Russia}\n",
            "'operators' must be a list of names",
            3,
        ),
        ("kind: countries\nentries:\n  - {name: Ruritania, description: a kingdom}\n", "unknown field", 3),
    ],
)
def test_bad_pack_entry_names_file_and_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    (tmp_path / "bad.yml").write_text(text)
    with pytest.raises(PackError) as err:
        load_knowledge(tmp_path)
    assert message in str(err.value)
    assert "bad.yml" in str(err.value)
    if line is not None:
        assert err.value.line == line
