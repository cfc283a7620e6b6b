"""The editor's loop: one new article into a built site is an incremental build, and its
site is byte for byte the site a full build makes (sitebuild.py, search.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.project import Project
from generator.search import SHARDS, mirror_page
from generator.sitebuild import JOURNAL, build_site, finish_journal
from tests.conftest import FIXTURES, SEED, make_project

CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.suffix != ".yml")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_project(project: Project, target: Path) -> Project:
    shutil.copytree(project.root, target, symlinks=True, ignore=shutil.ignore_patterns("site", ".site-*"))
    return Project(target)


@pytest.mark.slow
def test_one_new_article_builds_incrementally_to_the_bytes_of_a_full_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED, *CORPUS[:-1]])
    generate(project, jobs=1)
    first = build_site(project, builtin_search=False)
    assert not first.incremental and first.shards_indexed >= 1
    before = tree(project.site)
    shutil.copy(CORPUS[-1], project.seeds / CORPUS[-1].name)  # the editor adds an article
    generate(project, jobs=1)
    again = build_site(project, builtin_search=False)
    assert again.incremental
    assert 0 < again.pages_built < len(list(project.docs.rglob("*.md"))) // 2
    after = tree(project.site)
    assert (
        "explainers/106-saved-page/index.html" in after
        and "explainers/106-saved-page/index.html" not in before
    )
    # Pages that do not show the new article were left as they were.
    assert (
        before["explainers/104-chip-controls/index.html"] == after["explainers/104-chip-controls/index.html"]
    )
    full = copy_project(project, tmp_path / "full")
    assert not build_site(full, builtin_search=False, full=True).incremental
    assert tree(full.site) == after
    # Nothing to do: nothing rebuilt, the same bytes again; even when every page's file
    # is newer than the site (a fresh checkout in CI), what decides is the pages' bytes.
    assert build_site(project, builtin_search=False).pages_built == 0
    for page in project.docs.rglob("*.md"):
        page.touch()
    assert build_site(project, builtin_search=False).pages_built == 0
    assert tree(project.site) == after


@pytest.mark.slow
def test_a_removed_article_leaves_the_site_with_its_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED, *CORPUS])
    generate(project, jobs=1)
    build_site(project, builtin_search=False)
    assert (project.site / "explainers" / "105-lander-delay" / "index.html").is_file()
    (project.seeds / "105-lander-delay.txt").unlink()
    (project.seeds / "105-lander-delay.yml").unlink()
    generate(project, jobs=1)
    assert build_site(project, builtin_search=False).incremental
    assert not (project.site / "explainers" / "105-lander-delay" / "index.html").exists()
    full = copy_project(project, tmp_path / "full")
    build_site(full, builtin_search=False, full=True)
    assert tree(full.site) == tree(project.site)


def test_a_killed_run_is_finished_from_its_journal(tmp_path: Path) -> None:
    site, stage = tmp_path / "site", tmp_path / ".site-x"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("old")
    (site / "gone.html").write_text("old")
    (stage / "a").mkdir(parents=True)
    (stage / "a" / "index.html").write_text("new")
    journal = tmp_path / JOURNAL
    plan = {
        "renames": [[str(stage / "a" / "index.html"), str(site / "a" / "index.html")]],
        "shards": [],
        "removals": [str(site / "gone.html")],
    }
    journal.write_text(json.dumps(plan))
    # Killed after the commit point: the next run completes the plan, and only once.
    assert finish_journal(journal)
    assert (site / "a" / "index.html").read_text() == "new" and not (site / "gone.html").exists()
    assert not journal.exists() and not finish_journal(journal)


def test_the_search_mirror_holds_what_is_searchable_only() -> None:
    page = (
        '---\ntitle: "Su-57 &amp; India"\nsearch_index: true\n---\n\n# Su-57 &amp; India\n\n'
        'Reading time: 2 min\n\n## Who\'s who\n\n``` explainer-html\n<ul><li><a href="../x/">'
        "<strong>Vladimir Putin</strong></a>, President of Russia</li></ul>\n"
        "<ul data-pagefind-ignore><li>Related: <a>Another story</a></li></ul>\n```\n\n"
        "``` mermaid\nflowchart LR\n```\n"
    )
    mirrored = mirror_page(page)
    assert mirrored is not None
    assert "<title>Su-57 &amp; India</title>" in mirrored
    assert "<p>Vladimir Putin, President of Russia</p>" in mirrored and "<p>Who&#x27;s who</p>" in mirrored
    assert "Another story" not in mirrored and "flowchart" not in mirrored and "Reading time" not in mirrored
    assert mirror_page(page.replace("search_index: true\n", "")) is None
    assert SHARDS > 1
