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
