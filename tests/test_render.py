"""Render stage: escaping of untrusted text, labels, and the golden page of the first seed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest

from generator.dossier import Dossier, Sentence, Stakeholder
from generator.pipeline import generate
from generator.project import Project
from generator.render import cite, date_label, environment, front_matter_text, md, render_explainer

GOLDEN = Path(__file__).resolve().parent / "golden" / "000_ed7684f39ec5ab6e.md"
EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<!-- hidden --> text",
    "{{ config.secret }} and {% raw %}",
    '!!! danger "Admonition"',
    '--8<-- "/etc/passwd"',
    "**bold** _em_ `code` <b>b</b> &amp; | pipe | {: .cls } #heading ~~del~~",
    "1984. A year at line start",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escaping_renders_as_plain_text(text: str) -> None:
    html = markdown.markdown(f"- {md(text)}", extensions=EXTENSIONS)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<code>" not in html and "<!--" not in html
    assert "<b>" not in html and "<ol" not in html and 'class="cls"' not in html
    # what a reader sees is exactly the original words
    visible = re.sub(r"<[^>]+>", "", html)
    import html as html_lib

    assert " ".join(html_lib.unescape(visible).split()) == " ".join(text.split())


def test_front_matter_text_survives_striptags() -> None:
    from markupsafe import Markup

    value = front_matter_text('</title><script>alert("x")</script>')
    import json

    shown = Markup(json.loads(value)).striptags()  # what Material prints in <title>
    assert "<" not in shown and ">" not in shown


def test_cite_links_only_sentence_ids() -> None:
    assert str(cite(["s3", "s10"])) == (
        '<a class="cite" href="#s3" aria-label="Source sentence 3">3</a> '
        '<a class="cite" href="#s10" aria-label="Source sentence 10">10</a>'
    )
    assert str(cite(["s3"], url="../../explainers/x/")) == (
        '<a class="cite" href="../../explainers/x/#s3" aria-label="Source sentence 3">3</a>'
    )
    assert str(cite(["javascript:x"])) == ""
    with pytest.raises(ValueError):
        cite(["s1"], url="javascript:alert(1)//")
    with pytest.raises(ValueError):
        cite(["s1"], url='x/" onmouseover="alert(1)')


@pytest.mark.parametrize(
    "here",
    [
        "index.md",
        "questions.md",
        "questions/2025-01.md",
        "explainers/index.md",
        "explainers/a.md",
        "systems/su-57/2.md",
    ],
)
@pytest.mark.parametrize(
    "target", ["index.md", "explainers/a.md#s3", "explainers/b.md", "systems/su-57.md", "systems/su-57/2.md"]
)
def test_relative_urls_match_mkdocs(here: str, target: str) -> None:
    """Generated pages link in raw HTML, which MkDocs does not rewrite: the URLs must be
    the ones MkDocs itself computes for its directory URLs."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from generator.render import relative_url

    def url(path: str) -> str:
        return File(path, "docs", "site", use_directory_urls=True).url

    path, _, anchor = target.partition("#")
    expected = get_relative_url(url(path), url(here)) + (f"#{anchor}" if anchor else "")
    assert str(relative_url(target, here)) == expected


@pytest.mark.parametrize(
    ("iso", "label"),
    [
        ("2025-12-04/2025-12-05", "4–5 December 2025"),
        ("2025-09", "September 2025"),
        ("2025-11-27", "27 November 2025"),
        (None, "undated"),
        ("2025", "2025"),
    ],
)
def test_date_labels(iso: str | None, label: str) -> None:
    assert date_label(iso) == label


def test_template_never_evaluates_seed_text() -> None:
    d = Dossier(
        slug="x",
        title="{{ 7 * 7 }}",
        date=None,
        sentences=[Sentence("s1", "{{ 7 * 7 }} {% if 1 %}")],
        stakeholders=[Stakeholder("{{ 6 * 6 }}", "person", sentences=["s1"])],
    )
    page = render_explainer(
        environment(), d, {"entity_links": {}, "related": [], "conflicts": [], "tag_links": []}
    )
    assert "49" not in page and "36" not in page
    assert "&#123;&#123; 7 &#42; 7 &#125;&#125;" in page
    assert 'title: "{{ 7 * 7 }}"' in page  # front matter is YAML data, not Markdown


def test_golden_explainer_page(project: Project) -> None:
    """The generated page for the first seed, byte for byte. To accept a deliberate change:
    UPDATE_GOLDEN=1 pytest tests/test_render.py, then review the diff."""
    generate(project)
    page = (project.docs / "explainers" / "000_ed7684f39ec5ab6e.md").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


def test_mermaid_labels_cannot_escape_the_diagram() -> None:
    from generator.render import mermaid_text, relation_graph

    hostile = 'x"]\n```\n<script>alert(1)</script> click n0 href "javascript:alert(2)" %%{init}%%'
    label = str(mermaid_text(hostile, limit=500))
    assert not set(label) & set('"`<>{}[]%:;\n|#')
    from generator.dossier import Relation

    graph = str(relation_graph([Relation(hostile, "opposes", "India", ["s1"])]))
    assert "```" not in graph and "<script>" not in graph and graph.count('"') == 6


def test_conflict_note_on_an_explainer_stays_short() -> None:
    """An explainer names three other reports and points to the entity page for the rest;
    a new report joining the conflict leaves that note, and the page, unchanged."""
    from generator.corpus import build_corpus
    from generator.dossier import System
    from generator.pages import plan_site, render_all

    def dossier(i: int) -> Dossier:
        return Dossier(
            slug=f"a{i}",
            title=f"Article {i}",
            date="2025-01-01",
            sentences=[Sentence("s1", f"India will buy {100 + i} Su-57 fighters.")],
            systems=[System("Su-57", quantities=[str(100 + i)], sentences=["s1"])],
        )

    dossiers = [dossier(i) for i in range(6)]
    specs = plan_site(environment(), dossiers, build_corpus(dossiers))
    pages, failures = render_all(specs)
    assert failures == []
    note = pages["explainers/a0.md"].split("Conflicting reports", 1)[1].split("## Timeline", 1)[0]
    assert "100 in this article" in note and note.count('href="../a') == 3
    assert 'and more on <a href="../../systems/su-57/">the Su-57 page</a>' in note
    more = [*dossiers, dossier(6)]
    again = {s.path: s.fingerprint for s in plan_site(environment(), more, build_corpus(more))}
    assert again["explainers/a0.md"] == next(s.fingerprint for s in specs if s.path == "explainers/a0.md")
    assert pages["systems/su-57.md"].count('href="../../explainers/a') >= 6  # the entity page lists all


def test_long_entity_pages_split_into_stable_archive_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MENTION_LIMIT explainers, an entity page shows the newest and every mention is
    in exactly one archive part; a newer article changes only the main page and last part."""
    from generator import pages as planner
    from generator.corpus import build_corpus

    monkeypatch.setattr(planner, "MENTION_LIMIT", 3)

    def dossier(i: int) -> Dossier:
        return Dossier(
            slug=f"a{i:02}",
            title=f"Article {i}",
            date=f"2025-{i % 12 + 1:02}-01",
            sentences=[Sentence("s1", f"Russia said something for the {i}th time.")],
            stakeholders=[Stakeholder("Russia", "country", sentences=["s1"])],
        )

    def pages(n: int) -> dict[str, tuple[str, str]]:
        ds = [dossier(i) for i in range(n)]
        specs = planner.plan_site(environment(), ds, build_corpus(ds))
        return {
            s.path: (s.fingerprint, s.render()) for s in specs if s.path.startswith("stakeholders/russia")
        }

    seven = pages(7)
    assert sorted(seven) == sorted(
        ["stakeholders/russia.md", *(f"stakeholders/russia/{k}.md" for k in (1, 2, 3))]
    )
    listed = [
        re.findall(
            r"<h3 id=\"in-a\d+\"[^>]*><a href=\"\.\./\.\./\.\./explainers/(a\d+)/\">",
            seven[f"stakeholders/russia/{k}.md"][1],
        )
        for k in (1, 2, 3)
    ]
    assert [len(x) for x in listed] == [3, 3, 1]
    assert sorted(slug for part in listed for slug in part) == [
        f"a{i:02}" for i in range(7)
    ]  # every mention once
    main = seven["stakeholders/russia.md"][1]
    assert re.findall(r"<h3 id=\"in-a\d+\"[^>]*><a href=\"\.\./\.\./explainers/(a\d+)/\">", main) == [
        "a06",
        "a05",
        "a04",
    ]
    assert "7 explainers name Russia" in main and '<a href="3/">7–7</a>' in main
    # Article 7 is the newest: the first two parts are untouched.
    eight = pages(8)
    changed = {p for p in seven if seven[p][0] != eight[p][0]}
    assert changed == {"stakeholders/russia.md", "stakeholders/russia/3.md"}


def test_pages_rendered_in_processes_are_the_same(monkeypatch: pytest.MonkeyPatch, project: Project) -> None:
    from generator import pages
    from generator.corpus import build_corpus
    from generator.pipeline import GenerateReport, load_dossiers, make_plan

    report = GenerateReport()
    plan = make_plan(project, report, report.errors.append)
    dossiers, keys = load_dossiers(project, plan, report, report.errors.append, 1)
    specs = pages.plan_site(environment(), dossiers, build_corpus(dossiers), keys)
    monkeypatch.setattr(pages, "PARALLEL_PAGES", 2)
    (serial, serial_failures), (forked, _) = (
        pages.render_all(specs, jobs=1),
        pages.render_all(specs, jobs=2),
    )
    assert len(serial) == len(specs) > 20 and forked == serial and serial_failures == []
