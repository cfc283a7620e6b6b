"""Checks over a whole built site: no broken internal link, and the same sources build
with Zensical, the Material team's successor to MkDocs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.cli import main
from generator.project import Project
from tests.conftest import FIXTURES, SEED, make_project

CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.suffix != ".yml")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        attr = {"a": "href", "link": "href", "script": "src", "img": "src"}.get(tag)
        if attr and values.get(attr):
            self.links.append(str(values[attr]))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, link: str, base: str = "/") -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for external links.
    `base` is the path of site_url, under which absolute links (404.html) live."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):
        assert parts.path.startswith(base), f"{link} is outside the site's base {base}"
        target = (site / unquote(parts.path[len(base) :])).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    assert target.is_relative_to(site.resolve()), f"{link} leaves the site"
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("checks") / "proj", [SEED, *CORPUS])
    assert main(["--project", str(project.root), "build", "--jobs", "1"]) == 0
    return project


def test_no_broken_internal_links(built: Project) -> None:
    site = built.site.resolve()
    config = (built.root / "mkdocs.yml").read_text()
    base = urlsplit(re.search(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', config)[1]).path  # type: ignore[index]
    pages = sorted(site.rglob("*.html"))
    parsed = {p: parse(p) for p in pages}
    broken = []
    checked = 0
    for page, links in parsed.items():
        for link in links.links:
            hit = resolve(site, page, link, base)
            if hit is None:
                continue
            target, fragment = hit
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no #{fragment})")
    assert checked > 2000, checked  # the check really walked the site
    assert broken == [], "\n".join(broken[:20])


def test_link_checker_catches_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#nope">bad</a><a href="b/">bad</a>')
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>')
    page = tmp_path / "index.html"
    results = [resolve(tmp_path, page, link) for link in parse(page).links]
    assert results[0] is not None and results[0][0].exists()
    assert results[1] is not None and "nope" not in parse(results[1][0]).ids
    assert results[2] is not None and not results[2][0].exists()


def test_same_sources_build_with_zensical(built: Project, tmp_path: Path) -> None:
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert zensical, "zensical is a test dependency (pyproject [test])"
    project = tmp_path / "z"
    shutil.copytree(built.docs, project / "docs")
    shutil.copy(built.root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(built.root / ".explainer", project / ".explainer")  # the inherited defaults
    result = subprocess.run(
        [zensical, "build", "--strict", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "explainers" / "000_ed7684f39ec5ab6e" / "index.html").read_text()
    assert '<li id="s9" value="9">' in page and 'class="cite"' in page
    assert re.search(r'href="(\.\./)+systems/su-57/?"', page)
    assert (project / "site" / "systems" / "su-57" / "index.html").exists()
