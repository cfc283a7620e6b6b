"""End to end on the real seed: seeds/ -> docs/ -> a strict MkDocs build with search."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from generator.cli import main
from generator.project import Project
from tests.conftest import SEED, elements, make_project

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("e2e") / "proj", [SEED])
    hostile = project.seeds / "zz-hostile.md"
    hostile.write_text(
        '---\ntitle: "</title><script>alert(\'t\')</script>"\ntags: ["<b>x</b>"]\ndate: 2025-01-02\n---\n'
        "Officials said <script>alert(1)</script> was found.\n\n"
        "A post showed <img src=x onerror=alert(2)> and [a link](javascript:alert(3)).\n\n"
        '<!-- a comment --> {{ config.site_name }} !!! note "x"\n\n'
        + "Averyveryverylongwordwithoutanyspaces" * 40
        + ".\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.root), "build", "--jobs", "1"]) == 0
    return project


def test_strict_build_indexes_the_explainer(built: Project) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    locations = [d["location"] for d in index["docs"]]
    assert "explainers/000_ed7684f39ec5ab6e/" in locations
    page = next(d for d in index["docs"] if d["location"] == "explainers/000_ed7684f39ec5ab6e/")
    assert page["title"] == "India weighs Russian Su-57 fighters and S-500 air defences"


def test_built_page_links_claims_to_sentences(built: Project) -> None:
    # Pages are minified: attributes need no quotes where none is needed.
    html = (built.site / "explainers" / "000_ed7684f39ec5ab6e" / "index.html").read_text()
    tags = elements(html)
    assert ("li", {"id": "s9", "value": "9"}) in tags
    assert ("a", {"class": "cite", "href": "#s9", "aria-label": "Source sentence 9"}) in tags
    assert any(t == "a" and a.get("href") == "../../systems/su-57/" for t, a in tags)
    entity = elements((built.site / "systems" / "su-57" / "index.html").read_text())
    assert any(t == "a" and a.get("href") == "../../explainers/000_ed7684f39ec5ab6e/#s9" for t, a in entity)
    assert len(html) < len(html.replace("><", ">\n<")) and "\n    <" not in html  # minified


def test_hostile_seed_is_plain_text_in_built_html(built: Project) -> None:
    html = (built.site / "explainers" / "zz-hostile" / "index.html").read_text()
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    parsed = elements("<article" + article)
    tags = [t for t, _ in parsed]
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for tag, attrs in parsed:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").startswith("javascript:"), (tag, attrs)
    assert "<!-- a comment -->" not in article and '<div class="admonition note"' not in article
    # the words are all there, as text
    text = unescape(re.sub(r"<[^>]+>", "", article))
    assert "<script>alert(1)</script>" in text and "{{ config.site_name }}" in text
    head = html.split("</head>", 1)[0]
    assert "<script>alert('t')" not in head and "</title><script>" not in head


def test_generation_is_deterministic(built: Project, tmp_path: Path) -> None:
    other = make_project(tmp_path / "again", [SEED, built.seeds / "zz-hostile.md"])
    assert main(["--project", str(other.root), "generate", "--jobs", "1"]) == 0
    assert main(["--project", str(other.root), "generate", "--jobs", "1"]) == 0
    assert tree(other.docs) == tree(built.docs)


def test_extract_json_matches_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in (
        "slug",
        "title",
        "date",
        "sentences",
        "stakeholders",
        "systems",
        "glossary",
        "events",
        "attributions",
        "background",
        "questions",
        "flags",
    ):
        assert key in data
    assert data["sentences"][0] == {"id": "s1", "text": data["sentences"][0]["text"]}
    assert {"name", "kind", "role", "aliases", "sentences"} <= set(data["stakeholders"][0])
    assert {"name", "category", "origin", "aliases", "quantities", "sentences"} <= set(data["systems"][0])


def test_cli_help_and_exit_codes(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "generator.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "generate" in out.stdout and "Exit codes" in out.stdout
    nowhere = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate"], cwd=tmp_path, capture_output=True, text=True
    )
    assert nowhere.returncode == 2 and "no mkdocs.yml" in nowhere.stderr and "Traceback" not in nowhere.stderr


def test_bad_seed_does_not_break_the_others(built: Project, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED])
    assert main(["--project", str(project.root), "generate", "--jobs", "1"]) == 0
    page = project.docs / "explainers" / "000_ed7684f39ec5ab6e.md"
    before = page.read_bytes()
    (project.seeds / "broken.md").write_text("---\ndate: someday\n---\nText.")
    (project.seeds / "empty.txt").write_text("")
    assert main(["--project", str(project.root), "generate", "--jobs", "1"]) == 1
    assert page.read_bytes() == before
    shutil.rmtree(project.root)


def test_extract_prints_the_page_without_a_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    """`explainer extract` without --json renders the one page, linking nowhere else."""
    assert main(["extract", str(SEED)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("---\ntitle: ") and "## What to watch" in page
    assert '<li id="s22" value="22">' in page and "../../" not in page
