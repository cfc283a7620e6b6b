from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.analyze.packs import KnowledgeBase, load_knowledge
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seeds" / "000_ed7684f39ec5ab6e.txt"
GOLD = FIXTURES / "eval" / "000_ed7684f39ec5ab6e.gold.yml"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


def make_project(folder: Path, seeds: list[Path] = ()) -> Project:  # type: ignore[assignment]
    """A fresh explainer project: the repository's mkdocs.yml, given seeds (the generator
    brings the rest)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "docs").mkdir()
    (folder / "seeds").mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / "seeds" / seed.name)
        sidecar = seed.with_suffix(".yml")
        if sidecar.exists():
            shutil.copy(sidecar, folder / "seeds" / sidecar.name)
    return Project(folder)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "proj", [SEED])


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element of a page with its attributes, as a browser reads it (built pages
    are minified: an attribute's quotes and the order of attributes may go)."""
    parser = _Elements()
    parser.feed(html)
    return parser.tags
