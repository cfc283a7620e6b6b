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
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]

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
        '<a class="cite" href="#s3" title="Source sentence 3">3</a> '
        '<a class="cite" href="#s10" title="Source sentence 10">10</a>'
    )
    assert (
        str(cite(["s3"], page="../explainers/x.md"))
        == '[3](../explainers/x.md#s3){ .cite title="Source sentence 3" }'
    )
    assert str(cite(["javascript:x"])) == ""
    with pytest.raises(ValueError):
        cite(["s1"], page="javascript:alert(1)//")


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
        environment(), d, {"entity_links": {}, "related": [], "conflicts": [], "page_tags": []}
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
    from generator.corpus import build_corpus
    from generator.dossier import System
    from generator.render import render_all, render_site

    dossiers = [
        Dossier(
            slug=f"a{i}",
            title=f"Article {i}",
            date="2025-01-01",
            sentences=[Sentence("s1", f"India will buy {100 + i} Su-57 fighters.")],
            systems=[System("Su-57", quantities=[str(100 + i)], sentences=["s1"])],
        )
        for i in range(6)
    ]
    pages = render_all(render_site(environment(), dossiers, build_corpus(dossiers)))
    note = pages["explainers/a0.md"].split("Conflicting reports", 1)[1].split("## Timeline", 1)[0]
    assert "100 in this article" in note and note.count("](a") == 3
    assert "and 2 more on [the Su-57 page](../systems/su-57.md)" in note
    assert pages["systems/su-57.md"].count("](../explainers/a") >= 6  # the entity page lists all
