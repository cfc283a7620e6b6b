"""Render stage: Dossiers become Markdown pages, through the Jinja2 templates.

Seed text is untrusted. Every `{{ value }}` in a template is escaped for
Markdown and HTML by default (the environment's `finalize`); only values the
generator built itself (links to sentence anchors) are marked safe. Templates
never analyse: they only lay out what the Dossier holds.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import multiprocessing
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .corpus import Claim, Conflict, Corpus, EntityPage, Mention, page_tags, tag_pages
from .dossier import Dossier, Event, Relation, to_json
from .explainer_view import (
    STAKEHOLDER_ORDER,
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


def environment(templates: Path | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(f) for f in template_folders(templates)]),
        autoescape=False,  # HTML autoescaping is not Markdown escaping; `finalize` does both
        finalize=md,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
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
    alone: dict[str, Any] = {"entity_links": {}, "related": [], "conflicts": [], "tag_links": []}
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


LATEST_ON_HOME = 30
# Corpus-wide pages stay one page up to these sizes, then split by month (or year):
# a reader should not download every question of 10,000 articles at once.
SECTION_LIMIT = 100  # explainers
TIMELINE_LIMIT = 500  # events
SECTION_DIR = "months"
MENTION_LIMIT = 100  # explainers listed on one entity page
CLAIMS_SHOWN = 10  # reports listed for one conflict on corpus-wide pages
OTHER_REPORTS = 3  # other articles' reports named in an explainer's conflict note
USES_SHOWN = 20  # explainers listed for one glossary term, newest first
SECTIONS = {
    "questions": "Open questions",
    "background": "Background",
    "sources": "Sources & attributions",
    "review": "Review notes",
}


def _month_groups(newest: list[Dossier]) -> list[tuple[str, str, list[Dossier]]]:
    """(key, label, dossiers) per month of article date, newest first; undated last."""
    groups: dict[str, list[Dossier]] = {}
    for d in newest:
        groups.setdefault(d.date[:7] if d.date else "undated", []).append(d)
    return [(key, date_label(key) if key != "undated" else "Undated", ds) for key, ds in groups.items()]


def _timeline(page: Callable[..., None], dossiers: list[Dossier], keys: dict[str, str]) -> None:
    """One timeline page while it is short; then an index of months and a page per month
    (a year of a large corpus is too long for one page, and for Zensical's index)."""
    events = sorted(
        ((d, e) for d in dossiers for e in d.events),
        key=lambda de: (de[1].date is None, de[1].date or "", de[0].slug, int(de[1].sentences[0][1:])),
    )
    common: dict[str, Any] = {"page_title": "Timeline", "part": None, "parts": [], "root": ""}
    if len(events) <= TIMELINE_LIMIT:
        page("timeline.md", [(keys[d.slug], e) for d, e in events], "timeline.md.j2", events=events, **common)
        return
    months: dict[str, list[tuple[Dossier, Event]]] = {}
    for d, e in events:
        months.setdefault(e.date[:7] if e.date else "undated", []).append((d, e))
    labels = {m: "Undated" if m == "undated" else date_label(m) for m in months}
    parts = [(labels[m], f"timeline/{m}.md", len(es)) for m, es in months.items()]
    page("timeline.md", parts, "timeline.md.j2", events=[], **{**common, "parts": parts})
    for month, month_events in months.items():
        page(
            f"timeline/{month}.md",
            [(keys[d.slug], e) for d, e in month_events],
            "timeline.md.j2",
            events=month_events,
            page_title=f"Timeline: {labels[month]}",
            part=month,
            parts=[],
            root="../",
        )


def _date_span(dates: list[str | None]) -> str:
    months = [date_label(d[:7]) for d in dates if d]
    if not months:
        return "undated"
    return months[0] if months[0] == months[-1] else f"{months[0]} – {months[-1]}"


def _paged(
    page: Callable[..., None],
    path: str,
    template: str,
    title: str,
    oldest_first: list[Any],
    inputs: tuple[object, object, Callable[[list[Any]], object]],
    date_of: Callable[[Any], str | None],
    **context: Any,
) -> None:
    """A page listing the newest MENTION_LIMIT items. Past that, every item is also in
    archive parts of MENTION_LIMIT each, oldest first, so a new article changes the page
    and the last part only. `inputs`: what the main page shows besides the items, what a
    part shows besides them, and the items' own fingerprint."""
    main_inputs, part_inputs, shown = inputs
    common = {"home": path, "total": len(oldest_first), **context}
    if len(oldest_first) <= MENTION_LIMIT:
        page(
            path,
            (main_inputs, shown(oldest_first)),
            template,
            page_title=title,
            part=None,
            parts=[],
            items=oldest_first[::-1],
            **common,
        )
        return
    chunks = [oldest_first[i : i + MENTION_LIMIT] for i in range(0, len(oldest_first), MENTION_LIMIT)]
    folder = path.removesuffix(".md")
    parts = [
        (
            f"{i * MENTION_LIMIT + 1}–{i * MENTION_LIMIT + len(c)}",
            f"{folder}/{i + 1}.md",
            _date_span([date_of(x) for x in c]),
        )
        for i, c in enumerate(chunks)
    ]
    latest = oldest_first[-MENTION_LIMIT:][::-1]
    page(
        path,
        (main_inputs, shown(latest), parts),
        template,
        page_title=title,
        part=None,
        parts=parts,
        items=latest,
        **common,
    )
    # A part shows only what it holds (not the growing list of parts), so it stays unchanged.
    paths = [p for _, p, _ in parts]
    for i, ((label, part_path, _), chunk) in enumerate(zip(parts, chunks, strict=True)):
        near = (paths[i - 1] if i else None, paths[i + 1] if i + 1 < len(paths) else None)
        page(
            part_path,
            (part_inputs, shown(chunk), near),
            template,
            page_title=f"{title}: explainers {label}",
            part=label,
            parts=[],
            near=near,
            items=chunk,
            **common,
        )


def _entity(
    page: Callable[..., None], e: EntityPage, keys: dict[str, str], conflict_fp: dict[int, str]
) -> None:
    oldest_first = sorted(e.mentions, key=lambda m: (m.dossier.date or "", m.slug))
    facts = (e.section, e.slug, e.name, e.kind, e.facts, e.known, e.related)
    conflicts = [conflict_fp[id(c)] for c in e.conflicts]

    def shown(mentions: list[Mention]) -> list[tuple[str, str, str, list[str]]]:
        return [(m.slug, keys[m.slug], m.title, m.sentence_ids) for m in mentions]

    inputs = ((facts, conflicts), e.name, shown)
    _paged(
        page,
        e.path,
        "entity.md.j2",
        e.name,
        oldest_first,
        inputs,
        lambda m: m.dossier.date,
        e=e,
        claims_shown=CLAIMS_SHOWN,
    )


def _tag(
    page: Callable[..., None], tag: str, path: str, dossiers: list[Dossier], keys: dict[str, str]
) -> None:
    oldest_first = sorted(dossiers, key=lambda d: (d.date or "", d.slug))

    def shown(ds: list[Dossier]) -> list[tuple[str, str, str | None]]:
        return [(d.slug, d.title, d.date) for d in ds]

    _paged(page, path, "tag.md.j2", tag, oldest_first, (tag, tag, shown), lambda d: d.date, tag=tag)


@dataclass(frozen=True)
class ConflictNote:
    """A conflict as one explainer shows it: its own claims and the first few others.
    Only this goes into the page's fingerprint, so a new report joining a large
    conflict does not re-render every explainer already in it."""

    subject: str
    kind: str
    own: tuple[Claim, ...]
    others: tuple[Claim, ...]
    more: bool
    entity: str | None  # whose page lists every report


def conflict_notes(
    slug: str, conflicts: list[Conflict], own_claims: dict[int, dict[str, list[Claim]]]
) -> list[ConflictNote]:
    notes = []
    for c in conflicts:
        own = own_claims[id(c)].get(slug, [])
        others: list[Claim] = []
        for claim in c.claims:  # stops after a few: conflicts can hold thousands of claims
            if claim.slug != slug:
                others.append(claim)
                if len(others) == OTHER_REPORTS:
                    break
        more = len(c.claims) > len(own) + len(others)
        entity = c.entities[0] if c.entities else None
        notes.append(ConflictNote(c.subject, c.kind, tuple(own), tuple(others), more, entity))
    return notes


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: rendering is deferred, so a caller holding the page from an
    earlier run with the same fingerprint can skip it."""

    path: str
    fingerprint: str  # changes whenever anything the page shows may change
    render: Callable[[], str]
    seed_file: str = ""  # an explainer's seed (below seeds/): blamed if its page fails


@dataclass(frozen=True)
class RenderFailure:
    """A page whose rendering raised: the run reports it and goes on with the others."""

    spec_path: str
    seed_file: str
    error: str


def _render_one(spec: PageSpec) -> str | RenderFailure:
    try:
        return spec.render()
    except Exception as err:  # one page's bug must not cost the site
        from .errors import internal_error

        where = f"seeds/{spec.seed_file}" if spec.seed_file else f"docs/{spec.path}"
        return RenderFailure(spec.path, spec.seed_file, internal_error(where, "rendering its page", err))


def fingerprint(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def render_site(
    env: Environment, dossiers: list[Dossier], corpus: Corpus, keys: dict[str, str] | None = None
) -> list[PageSpec]:
    """Every generated page of the site. `keys` identify each dossier's content by slug
    (the analysis cache keys); without them the dossiers are hashed."""
    keys = keys or {d.slug: fingerprint(to_json(d)) for d in dossiers}
    macros = env.get_template("_macros.md.j2").module
    common = {"m": macros, "claims_shown": CLAIMS_SHOWN}
    newest = sort_newest_first(dossiers)
    by_title = sorted(dossiers, key=lambda d: (d.title.lower(), d.slug))
    everything = fingerprint(sorted(keys.items()))
    conflict_fp = {id(c): fingerprint(c) for c in corpus.conflicts}  # shared by many pages
    own_claims: dict[int, dict[str, list[Claim]]] = {}
    for c in corpus.conflicts:
        for claim in c.claims:
            own_claims.setdefault(id(c), {}).setdefault(claim.slug, []).append(claim)
    specs: list[PageSpec] = []

    def page(path: str, inputs: object, template: str, **context: Any) -> None:
        specs.append(
            PageSpec(path, fingerprint(path, inputs), partial(render_page, env, template, path, **context))
        )

    tags = tag_pages(dossiers)
    for d in dossiers:
        names = [*(s.name for s in d.systems), *(h.name for h in d.stakeholders)]
        links = {n: corpus.entities[n].path for n in names if n in corpus.entities}
        # Chips under the title: the editor's tags, then the main countries and systems,
        # each linked to its own page (a tag that names an entity, to the entity's page).
        chips = [
            (tag, links[tag] if tag in links else tags[tag.lower()].path)
            for tag in page_tags(d)
            if tag in links or tag.lower() in tags
        ]
        extra: dict[str, Any] = {
            "entity_links": links,
            "related": corpus.related.get(d.slug, []),
            "conflicts": conflict_notes(d.slug, corpus.conflicts_for(d.slug), own_claims),
            "tag_links": chips,
        }
        parts = (
            keys[d.slug],
            sorted(links.items()),
            [(r.slug, r.title, r.shared) for r in extra["related"]],  # not the score: shifts with N
            extra["conflicts"],
            chips,
        )
        specs.append(
            PageSpec(
                explainer_path(d.slug),
                fingerprint(parts),
                partial(render_explainer, env, d, extra),
                d.seed_file,
            )
        )
    page("index.md", everything, "index.md.j2", latest=newest[:LATEST_ON_HOME], total=len(newest), **common)
    by_month = _month_groups(newest)
    paged = len(dossiers) > SECTION_LIMIT
    month_parts = [(label, f"{SECTION_DIR}/{key}.md", len(ds)) for key, label, ds in by_month]
    page(
        f"{EXPLAINERS_DIR}/index.md",
        everything,
        "explainers_index.md.j2",
        page_title="All explainers",
        part=None,
        parts=[(lb, f"../{p}", n) for lb, p, n in month_parts] if paged else [],
        months=[] if paged else [(label, ds) for _, label, ds in by_month],
        total=len(dossiers),
        root="../",
        **common,
    )
    if paged:
        for key, label, ds in by_month:
            page(
                f"{SECTION_DIR}/{key}.md",
                [keys[d.slug] for d in ds],
                "explainers_index.md.j2",
                page_title=f"Explainers: {label}",
                part=key,
                parts=[],
                months=[(label, ds)],
                total=len(ds),
                root="../",
                **common,
            )
    entities = sorted(corpus.entities.values(), key=lambda e: (e.name.lower(), e.name))
    for e in entities:
        _entity(page, e, keys, conflict_fp)
    page(
        "systems/index.md",
        everything,
        "systems_index.md.j2",
        entities=[e for e in entities if e.section == "systems"],
        **common,
    )
    groups = [
        (kind, [e for e in entities if e.section == "stakeholders" and e.kind == kind])
        for kind in STAKEHOLDER_ORDER
    ]
    page(
        "stakeholders/index.md",
        everything,
        "stakeholders_index.md.j2",
        groups=[g for g in groups if g[1]],
        **common,
    )
    terms: dict[str, tuple[str | None, str, list[tuple[Dossier, str]]]] = {}
    for d in newest:
        for g in d.glossary:
            uses = terms.setdefault(g.term, (g.expansion, g.kind, []))[2]
            uses.append((d, g.sentences[0] if g.sentences else "s1"))
    page(
        "glossary.md",
        everything,
        "glossary.md.j2",
        terms=[(t, *terms[t]) for t in sorted(terms, key=str.lower)],
        uses_shown=USES_SHOWN,
        **common,
    )
    _timeline(page, dossiers, keys)
    for name, title in SECTIONS.items():
        if not paged:
            page(
                f"{name}.md",
                everything,
                f"{name}.md.j2",
                page_title=title,
                part=None,
                parts=[],
                part_label="Month",
                dossiers=by_title,
                conflicts=corpus.conflicts,
                root="",
                **common,
            )
            continue
        page(
            f"{name}.md",
            (everything, month_parts),
            f"{name}.md.j2",
            page_title=title,
            part=None,
            parts=[(lb, f"{name}/{k}.md", n) for k, lb, n in ((k, lb, len(ds)) for k, lb, ds in by_month)],
            part_label="Month",
            dossiers=[],
            conflicts=corpus.conflicts,
            root="",
            **common,
        )
        for key, label, ds in by_month:
            in_month = sorted(ds, key=lambda d: (d.title.lower(), d.slug))
            page(
                f"{name}/{key}.md",
                [keys[d.slug] for d in in_month],
                f"{name}.md.j2",
                page_title=f"{title}: {label}",
                part=key,
                parts=[],
                part_label="Month",
                dossiers=in_month,
                conflicts=[],
                root="../",
                **common,
            )
    for t in tags.values():
        _tag(page, t.name, t.path, t.dossiers, keys)
    tag_list = sorted(((t.name, t.path, len(t.dossiers)) for t in tags.values()), key=lambda t: t[0].lower())
    page("tags.md", tag_list, "tags.md.j2", tags=tag_list)
    page("search.md", (), "search.md.j2")
    return specs


# Pages handed to forked renderers: the specs hold the Jinja environment and the
# dossiers, which cannot be pickled, but a forked process inherits them.
_FORKED: list[PageSpec] = []
PARALLEL_PAGES = 400  # below this, starting processes costs more than it saves


def _render_slice(bounds: tuple[int, int]) -> list[str | RenderFailure]:
    return [_render_one(spec) for spec in _FORKED[bounds[0] : bounds[1]]]


def render_all(specs: list[PageSpec], jobs: int = 1) -> tuple[dict[str, str], list[RenderFailure]]:
    """Every page's Markdown, and the pages that failed; in `jobs` forked processes when
    there are many (a template change re-renders every page of a large site). The output
    does not depend on jobs."""
    if jobs < 2 or len(specs) < PARALLEL_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        results = [_render_one(spec) for spec in specs]
    else:
        global _FORKED
        _FORKED = specs
        step = -(-len(specs) // (jobs * 4))
        try:
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                slices = [(i, i + step) for i in range(0, len(specs), step)]
                results = [r for part in pool.map(_render_slice, slices) for r in part]
        finally:
            _FORKED = []
    pages = {}
    failures = []
    for spec, result in zip(specs, results, strict=True):
        if isinstance(result, RenderFailure):
            failures.append(result)
        else:
            pages[spec.path] = result
    return pages, failures
