"""`explainer init`: a new explainer site, ready to build and to publish.

The files come from `generator/scaffold/`. Nothing already in the folder is ever
overwritten: a non-empty folder is refused unless `--force`, which adds only the
files that are missing. `requirements.txt` installs the generator that runs `init`:
by its version when it came from PyPI, otherwise from a copy in `vendor/`
(generator/upgrade.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExplainerError
from .origin import Origin, installed_origin, site_install
from .project import Project
from .site import write_atomic, write_mkdocs_defaults
from .upgrade import REQUIREMENTS, install_files

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
# The new site's file -> the scaffold file it is made from (and requirements.txt,
# which names the generator that made the site).
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
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
    requirement: str = ""  # the line of requirements.txt that installs the generator
    origin: str = ""  # where the generator came from, in words


def site_name_for(folder: Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Explainers"


def _contents(scaffold: str | None, name: str) -> str:
    if scaffold is None:
        return ""
    text = (SCAFFOLD / scaffold).read_text(encoding="utf-8")
    # Placeholders are replaced one by one: YAML and Markdown hold braces of their own.
    return text.replace("{site_name}", name)


def init_site(
    folder: Path, name: str | None = None, force: bool = False, origin: Origin | None = None
) -> InitReport:
    """`origin`: where the generator came from (default: as pip recorded it)."""
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
    install = None
    if not (folder / REQUIREMENTS).exists():
        # Worked out before anything is written: building a checkout's wheel can fail.
        origin = origin or installed_origin()
        install = site_install(origin)
        report.requirement, report.origin = install.requirement, origin.describe()
    for rel, scaffold in FILES.items():
        target = folder / rel
        if target.exists():
            report.kept.append(rel)
            continue
        write_atomic(target, _contents(scaffold, site_name))
        report.written.append(rel)
    if install is None:
        report.kept.append(REQUIREMENTS)
    else:
        installed = install_files(folder, install, replace=False)
        report.written += installed.written
        report.kept += installed.kept
    write_mkdocs_defaults(Project(folder).mkdocs_defaults)
    return report
