"""`explainer init`: a new explainer site, ready to build and to publish.

The files come from `generator/scaffold/`. Nothing already in the folder is ever
overwritten: a non-empty folder is refused unless `--force`, which adds only the
files that are missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import ExplainerError
from .project import Project
from .site import write_atomic, write_mkdocs_defaults

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
# The new site's file -> the scaffold file it is made from.
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
    "requirements.txt": "requirements.txt",
    ".github/workflows/pages.yml": "pages.yml",
    "seeds/example.txt": "example.txt",
    "seeds/example.yml": "example.yml",
    "templates/README.md": "templates-README.md",
    "knowledge/README.md": "knowledge-README.md",
    "docs/assets/.gitkeep": None,  # the site's own files go here; git keeps no empty folder
}


@dataclass
class InitReport:
    root: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def site_name_for(folder: Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Explainers"


def _contents(scaffold: str | None, name: str) -> str:
    if scaffold is None:
        return ""
    text = (SCAFFOLD / scaffold).read_text(encoding="utf-8")
    # Placeholders are replaced one by one: YAML and Markdown hold braces of their own.
    return text.replace("{site_name}", name).replace("{version}", __version__)


def init_site(folder: Path, name: str | None = None, force: bool = False) -> InitReport:
    if folder.exists() and not folder.is_dir():
        raise ExplainerError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise ExplainerError(
            f"{folder} is not empty; `explainer init --force {folder}` adds the missing files "
            "and leaves every file already there as it is"
        )
    if '"' in (name or "") or "\n" in (name or ""):
        raise ExplainerError("the site's name cannot hold quotation marks or line breaks")
    report = InitReport(folder.resolve())
    site_name = name or site_name_for(folder)
    for rel, scaffold in FILES.items():
        target = folder / rel
        if target.exists():
            report.kept.append(rel)
            continue
        write_atomic(target, _contents(scaffold, site_name))
        report.written.append(rel)
    write_mkdocs_defaults(Project(folder).mkdocs_defaults)
    return report
