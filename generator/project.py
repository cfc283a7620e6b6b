"""Where things live in an explainer project (the folder holding mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ExplainerError


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def knowledge(self) -> Path:
        """The project's own packs, added to the built-in ones."""
        return self.root / "knowledge"

    @property
    def corpus_overrides(self) -> Path:
        """The editor's corrections across the corpus (who is who)."""
        return self.root / "corpus.yml"

    @property
    def seen(self) -> Path:
        """The day each undated seed was first seen (its date in the feed)."""
        return self.root / ".explainer-seen.json"

    @property
    def addresses(self) -> Path:
        """Every entity page address given so far, so pages keep theirs."""
        return self.root / ".explainer-addresses.json"

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "dossiers"

    @property
    def mkdocs_defaults(self) -> Path:
        """The package's MkDocs settings, which the project's mkdocs.yml inherits."""
        return self.root / ".explainer" / "mkdocs-defaults.yml"

    @property
    def search_mirror(self) -> Path:
        """What the search index is built from (see search.py)."""
        return self.root / ".explainer" / "search"

    @property
    def lock(self) -> Path:
        return self.root / ".explainer.lock"


def find_project(start: Path | None = None) -> Project:
    """The nearest folder at or above `start` with a mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return Project(folder)
    raise ExplainerError(
        f"no mkdocs.yml in {here} or any folder above it; run inside an explainer project or pass --project"
    )
