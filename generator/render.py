"""Render stage: Dossiers become Markdown pages, through the Jinja2 templates.

Seed text is untrusted. Every `{{ value }}` in a template is escaped for
Markdown and HTML by default (the environment's `finalize`); only values the
generator built itself (links to sentence anchors) are marked safe. Templates
never analyse: they only lay out what the Dossier holds.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .dossier import Dossier, Event, Relation
from .explainer_view import (
    reading_time,
    speakers,
    system_facts,
    what_to_watch,
    who_in,
    whos_who,
)

# The default templates: inside the installed package; in a source checkout, the
# repository's top-level templates/ (which the wheel carries as generator/templates).
_HERE = Path(__file__).resolve().parent
PACKAGE_TEMPLATES = _HERE / "templates" if (_HERE / "templates").is_dir() else _HERE.parent / "templates"
EXPLAINERS_DIR = "explainers"

# Characters with a meaning in Markdown or in the extensions we enable, as entities:
# the text then renders as itself and can never become markup.
_MD_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "#": "&#35;",
    "~": "&#126;",
    "^": "&#94;",
}
_MD_TABLE = str.maketrans(_MD_ENTITIES)  # every `{{ }}` of every page goes through md()
_LIST_MARK = re.compile(r"^(\d+)\.")


def md(value: Any) -> str:
    """Seed-derived text as inert Markdown: one line, every active character an entity."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split()).translate(_MD_TABLE)
    # At the start of a block, "1984." opens a list, "!!!" an admonition, "???" a details
    # box, "-", "+", ":" and ">" lists, definitions and quotes: make that first mark inert.
    if text[:1].isdigit():
        text = _LIST_MARK.sub(r"\1&#46;", text)
    if text and not text[0].isalnum() and text[0] not in "&“‘\"'(":
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def front_matter_text(value: str) -> Markup:
    """A front-matter string. Material prints `page.title | striptags`, which un-escapes
    entities, so angle brackets are replaced, not escaped."""
    text = " ".join(value.split()).replace("<", "‹").replace(">", "›")
    return Markup(json.dumps(html.escape(text, quote=True), ensure_ascii=False))


def page_url(path: str) -> str:
    """The URL MkDocs (and Zensical) give a docs page with directory URLs, their default:
    "x/y.md" -> "x/y/", "x/index.md" -> "x/", "index.md" -> ""."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(target: str, here: str) -> Markup:
    """A link from page `here` to `target` ("explainers/x.md#s3"), both paths in docs/, as
    the relative URL the built site uses. Generated pages put most of their links in raw
    HTML, which Python-Markdown passes through untouched (far cheaper for a large site
    than Markdown links); the site's link check proves every one of them."""
    path, _, fragment = str(link(target)).partition("#")
    url = _relative_dir(page_url(path), page_url(here)) if path else ""
    return Markup(f"{url}#{fragment}" if fragment else url)


def _relative_dir(dest: str, base: str) -> str:
    """ "explainers/x/" seen from "systems/su-57/" -> "../../explainers/x/" (both are
    directory URLs; posixpath.relpath would ask the OS for the working directory, and a
    large site computes this some 100,000 times)."""
    to, start = dest.split("/")[:-1], base.split("/")[:-1]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) + "/" if parts else "./"


def cite(sentence_ids: Iterable[str], url: str = "") -> Markup:
    """Links from a claim to its source sentences: on this page, or on the page at the
    relative `url` (built by `relative_url`, so it holds no character to escape)."""
    link(url or "#")
    ids = [sid for sid in sentence_ids if re.fullmatch(r"s\d+", sid)]
    # A label, not a title: Material would show a title as a second tooltip beside the
    # sentence cite.js shows.
    return Markup(
        " ".join(
            f'<a class="cite" href="{url}#{sid}" aria-label="Source sentence {sid[1:]}">{sid[1:]}</a>'
            for sid in ids
        )
    )


@pass_context
def _cite_filter(context: Context, sentence_ids: Iterable[str], target: str = "") -> Markup:
    return cite(sentence_ids, relative_url(target, context["here"]) if target else "")


@pass_context
def _entity_link_filter(context: Context, name: str, entity_links: dict[str, str]) -> Markup:
    """The entity's name in bold, linked to its page when it has one."""
    bold = Markup(f"<strong>{md(name)}</strong>")
    if name not in entity_links:
        return bold
    return Markup(f'<a href="{relative_url(entity_links[name], context["here"])}">{bold}</a>')


@pass_context
def _href_filter(context: Context, target: str) -> Markup:
    return relative_url(target, context["here"])


_LINK_RE = re.compile(r"^[A-Za-z0-9_./#-]+$")


def link(target: str) -> Markup:
    """A relative link the generator built (slugs are validated, so this never fails on seeds)."""
    if not _LINK_RE.match(target) or "://" in target:
        raise ValueError(f"unsafe link target {target!r}")
    return Markup(target)


def anchor(sid: str) -> Markup:
    if not re.fullmatch(r"s\d+", sid):
        raise ValueError(f"bad sentence id {sid!r}")
    return Markup(sid)


def date_label(iso: str | None, as_written: str = "") -> str:
    """ "2025-12-04/2025-12-05" -> "4–5 December 2025"; unresolved dates stay as written."""
    if not iso:
        return as_written or "undated"
    if "/" in iso:
        start, end = iso.split("/")
        sy, sm, sd = (int(x) for x in start.split("-"))
        ey, em, ed = (int(x) for x in end.split("-"))
        if (sy, sm) == (ey, em):
            return f"{sd}–{ed} {calendar.month_name[sm]} {sy}"
        return f"{date_label(start)} – {date_label(end)}"
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"


_MERMAID_UNSAFE = re.compile(r"[^\w\s.,'’&()/+–-]")


def mermaid_text(value: str, limit: int = 70) -> Markup:
    """Text for a Mermaid label: plain words only, so nothing in it is Mermaid syntax,
    Markdown or HTML, and it cannot close the code fence."""
    text = " ".join(_MERMAID_UNSAFE.sub(" ", str(value)).split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return Markup(text or "…")


def relation_graph(relations: list[Relation]) -> Markup:
    """A Mermaid flowchart of who does what to whom."""
    ids: dict[str, str] = {}
    lines = ["flowchart LR"]
    for r in relations:
        for name in (r.source, r.target):
            if name not in ids:
                ids[name] = f"n{len(ids)}"
                lines.append(f'    {ids[name]}["{mermaid_text(name)}"]')
        lines.append(f'    {ids[r.source]} -->|"{mermaid_text(r.kind)}"| {ids[r.target]}')
    return Markup("\n".join(lines))


def timeline_chart(events: list[Event], limit: int = 40) -> Markup:
    """A Mermaid timeline of dated events (undated ones cannot be placed)."""
    dated = [e for e in events if e.date][:limit]
    lines = ["timeline"]
    for label in dict.fromkeys(date_label(e.date) for e in dated):
        texts = [mermaid_text(e.text, 60) for e in dated if date_label(e.date) == label]
        lines.append(f"    {mermaid_text(label)} : " + " : ".join(texts))
    return Markup("\n".join(lines))


def redirect_page(target: str, here: str) -> str:
    """The page left at an address a merge retired ("stakeholders/blair.md"): it sends
    readers and search engines on to the entity's page (`target`)."""
    url = relative_url(target, here)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
        f'<link rel="canonical" href="{url}"><meta name="robots" content="noindex">'
        f'<meta http-equiv="refresh" content="0; url={url}"></head>'
        f'<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body></html>\n'
    )


def safe_url(url: str | None) -> Markup:
    """An http(s) address for an href attribute (seeds are validated; this is the backstop)."""
    if not url or not re.match(r"^https?://", url):
        return Markup("")
    return Markup(html.escape(url, quote=True))


def template_folders(project_templates: Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: a project's templates/ overrides the
    package's by name (copy one there to change it), the package's supply the rest."""
    folders = [PACKAGE_TEMPLATES]
    own = project_templates
    if own is not None and own.is_dir() and own.resolve() != PACKAGE_TEMPLATES.resolve():
        folders.insert(0, own)
    return folders


def environment(templates: Path | None = None, compiled: Path | None = None) -> Environment:
    """The Jinja environment of the page templates; `compiled`: a folder where compiled
    templates are kept between runs (checked against each template's source)."""
    env = Environment(
        loader=FileSystemLoader([str(f) for f in template_folders(templates)]),
        autoescape=False,  # HTML autoescaping is not Markdown escaping; `finalize` does both
        finalize=md,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
    )
    env.filters.update(
        cite=_cite_filter,
        href=_href_filter,
        entity_link=_entity_link_filter,
        date_label=date_label,
        fm=front_matter_text,
        url=safe_url,
        md=md,
        link=link,
        anchor=anchor,
        mermaid_text=mermaid_text,
        relation_graph=relation_graph,
        timeline_chart=timeline_chart,
        system_facts=system_facts,
        who_in=who_in,
        anchor_id=lambda slug: link(slug.replace(".", "-")),
        sentence_no=lambda sid: sid[1:],
    )
    return env


def explainer_path(slug: str) -> str:
    return f"{EXPLAINERS_DIR}/{slug}.md"


def _tidy(markdown: str) -> str:
    """At most one blank line in a row and one final newline: stable diffs."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"


def render_explainer(env: Environment, d: Dossier, extra: dict[str, Any] | None = None) -> str:
    # Without a corpus (`explainer extract`), the page stands alone: no links out.
    alone: dict[str, Any] = {
        "entity_links": {}, "related": [], "conflicts": [], "tag_links": [], "story": None, "seen": None
    }  # fmt: skip
    context = {"here": explainer_path(d.slug), **alone, **(extra or {})}
    watch = what_to_watch(d)
    return render_page(
        env,
        "explainer.md.j2",
        d=d,
        whos_who=whos_who(d),
        speakers=speakers(d.attributions),
        watch=watch,
        reading=reading_time(d, watch),
        **context,
    )


def sort_newest_first(dossiers: Iterable[Dossier]) -> list[Dossier]:
    items = sorted(dossiers, key=lambda d: (d.title.lower(), d.slug))
    return sorted(items, key=lambda d: d.date or "", reverse=True)


def render_page(env: Environment, template: str, here: str, **context: Any) -> str:
    """`here` is the page's path in docs/: relative links are computed from it."""
    return _tidy(env.get_template(template).render(here=here, **context))
