"""The plan of every generated page: one small planner per page family (explainers,
their indexes, entity pages, glossary, timeline, corpus-wide sections, tags), each
adding PageSpecs: a path, a fingerprint of what the page shows, and a deferred render.
Rendering itself (Markdown escaping, links, the Jinja environment) is in render.py.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import unicodedata
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from jinja2 import Environment

from .corpus import Claim, Conflict, Corpus, EntityPage, TagPage, page_tags, tag_pages
from .corpus.entity_pages import ACTS_SHOWN, QUOTES_SHOWN, SENTENCES_SHOWN, Mention
from .corpus.index import index_entries, index_parts
from .dossier import Dossier, Event, to_json
from .explainer_view import STAKEHOLDER_ORDER
from .render import (
    EXPLAINERS_DIR,
    date_label,
    explainer_path,
    redirect_page,
    render_explainer,
    render_page,
    sort_newest_first,
)

LATEST_ON_HOME = 30
INDEX_TOP = 100  # entities per kind on the stakeholder and system indexes; all are in the A-Z
NAMES_DIR = "names"
# Corpus-wide pages stay one page up to these sizes, then split by month (or year):
# a reader should not download every question of 10,000 articles at once.
SECTION_LIMIT = 100  # explainers
TIMELINE_LIMIT = 500  # events
TIMELINE_PART_MIN = 50  # events: fewer in a year go on their decade's page, or century's
SECTION_DIR = "months"
MENTION_LIMIT = 100  # explainers listed on one entity page
CLAIMS_SHOWN = 10  # reports listed for one conflict on corpus-wide pages
OTHER_REPORTS = 3  # other articles' reports named in an explainer's conflict note
STORIES_SHOWN = 10  # stories listed on one entity page, the longest first
USES_SHOWN = 20  # explainers listed for one glossary term, newest first
SECTIONS = {
    "questions": "Open questions",
    "background": "Background",
    "sources": "Sources & attributions",
    "review": "Review notes",
}
# Pages that only gather what every explainer already shows: kept while a site is
# small, not once it is paged (a month's background of many stories tells a reader
# little, and would double the site's size).
GATHERED_ONLY_WHEN_SMALL = ("background", "sources")


def _sections(paged: bool) -> dict[str, str]:
    return {k: v for k, v in SECTIONS.items() if not (paged and k in GATHERED_ONLY_WHEN_SMALL)}


def _month_groups(newest: list[Dossier]) -> list[tuple[str, str, list[Dossier]]]:
    """(key, label, dossiers) per month of article date, newest first; undated last, by
    the first letter of their titles once there are many (by two letters past that)."""
    groups: dict[str, list[Dossier]] = {}
    for d in newest:
        groups.setdefault(d.date[:7] if d.date else "undated", []).append(d)
    out = [(key, date_label(key), ds) for key, ds in groups.items() if key != "undated"]
    undated = sorted(groups.get("undated", []), key=lambda d: (d.title.lower(), d.slug))
    if len(undated) <= SECTION_LIMIT:
        return out + ([("undated", "Undated", undated)] if undated else [])
    by_letter: dict[str, list[Dossier]] = {}
    for d in undated:
        by_letter.setdefault(_initial(d.title, 1), []).append(d)
    for letter, ds in by_letter.items():
        if len(ds) <= SECTION_LIMIT:
            out.append((f"undated-{letter}", f"Undated: {letter.upper()}", ds))
            continue
        by_two: dict[str, list[Dossier]] = {}
        for d in ds:
            by_two.setdefault(_initial(d.title, 2), []).append(d)
        out += [(f"undated-{k}", f"Undated: {k.capitalize()}", two) for k, two in by_two.items()]
    return out


def _initial(title: str, letters: int) -> str:
    """The first letters of a title, for grouping: "0" for anything but a-z."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if c.isalnum())
    return "".join(c if "a" <= c <= "z" else "0" for c in folded[:letters].ljust(letters, "0"))


def _timeline_parts(events: list[tuple[Dossier, Event]]) -> dict[str, list[tuple[Dossier, Event]]]:
    """Events by page: a month of a busy year, a year, a decade, or a century, whichever
    holds enough events (a few dates back to 1642 make one page, not one page a year)."""
    years: Counter[str] = Counter(e.date[:4] for _, e in events if e.date)
    decades: Counter[str] = Counter()
    for year, n in years.items():
        decades[year[:3]] += n
    parts: dict[str, list[tuple[Dossier, Event]]] = {}
    for d, e in events:
        year = e.date[:4] if e.date else ""
        if not year:
            key = "undated"
        elif years[year] > TIMELINE_LIMIT:
            key = e.date[:7] if e.date else year
        elif years[year] >= TIMELINE_PART_MIN:
            key = year
        elif decades[year[:3]] >= TIMELINE_PART_MIN:
            key = f"{year[:3]}0s"
        else:
            key = f"{year[:2]}00s"
        parts.setdefault(key, []).append((d, e))
    return parts


def _part_label(key: str) -> str:
    if key == "undated":
        return "Undated"
    return date_label(key) if len(key) == 7 else key


def _timeline(page: Callable[..., None], dossiers: list[Dossier], keys: dict[str, str]) -> None:
    """One timeline page while it is short; then an index of parts (see _timeline_parts)."""
    events = sorted(
        ((d, e) for d in dossiers for e in d.events),
        key=lambda de: (de[1].date is None, de[1].date or "", de[0].slug, int(de[1].sentences[0][1:])),
    )
    common: dict[str, Any] = {"page_title": "Timeline", "part": None, "parts": [], "root": ""}
    if len(events) <= TIMELINE_LIMIT:
        page("timeline.md", [(keys[d.slug], e) for d, e in events], "timeline.md.j2", events=events, **common)
        return
    grouped = _timeline_parts(events)
    parts = [(_part_label(k), f"timeline/{k}.md", len(es)) for k, es in grouped.items()]
    page("timeline.md", parts, "timeline.md.j2", events=[], **{**common, "parts": parts})
    for key, part_events in grouped.items():
        page(
            f"timeline/{key}.md",
            [(keys[d.slug], e) for d, e in part_events],
            "timeline.md.j2",
            events=part_events,
            page_title=f"Timeline: {_part_label(key)}",
            part=key,
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
    """An entity's page: the synthesis on top, then its part in each story (paged). Its
    fingerprint needs no part of it worked out: the content keys of the explainers it
    appears in cover all it shows of them."""
    conflicts = [conflict_fp[id(c)] for c in e.conflicts]
    about = (e.path, e.entity.key, e.name, e.kind, e.named_with, conflicts, e.stories)

    def shown(mentions: list[Mention]) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(m.slug, keys[m.slug], m.names) for m in mentions]

    everything = shown(e.mentions)  # the synthesis on top draws on every appearance
    _paged(
        page,
        e.path,
        "entity.md.j2",
        e.name,
        e.mentions,
        ((about, everything), e.name, shown),
        lambda m: m.date or None,
        e=e,
        claims_shown=CLAIMS_SHOWN,
        shown_acts=ACTS_SHOWN,
        shown_quotes=QUOTES_SHOWN,
        sentences_shown=SENTENCES_SHOWN,
        stories_shown=STORIES_SHOWN,
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


@dataclass
class _Plan:
    """What every planner shares: the environment, each dossier's content key, and the
    pages planned so far."""

    env: Environment
    keys: dict[str, str]
    common: dict[str, Any]  # passed to every listing template
    everything: str  # fingerprint of the whole corpus, for pages that list all of it
    specs: list[PageSpec] = field(default_factory=list)

    def page(self, path: str, inputs: object, template: str, **context: Any) -> None:
        """Plan `path`, rendered from `template`; `inputs` is all it shows (its fingerprint)."""
        render = partial(render_page, self.env, template, path, **context)
        self.specs.append(PageSpec(path, fingerprint(path, inputs), render))


def plan_site(
    env: Environment,
    dossiers: list[Dossier],
    corpus: Corpus,
    keys: dict[str, str] | None = None,
    first_seen: dict[str, str] | None = None,
) -> list[PageSpec]:
    """Every generated page of the site. `keys` identify each dossier's content by slug
    (the analysis cache keys); without them the dossiers are hashed. `first_seen`:
    undated explainers -> the day the project first saw them (their date in the feed)."""
    keys = keys or {d.slug: fingerprint(to_json(d)) for d in dossiers}
    macros = env.get_template("_macros.md.j2").module
    plan = _Plan(env, keys, {"m": macros, "claims_shown": CLAIMS_SHOWN}, fingerprint(sorted(keys.items())))
    newest = sort_newest_first(dossiers)
    by_month = _month_groups(newest)
    paged = len(dossiers) > SECTION_LIMIT
    tags = tag_pages(dossiers)
    _explainers(plan, dossiers, corpus, tags, first_seen or {})
    _explainer_lists(plan, newest, by_month, paged)
    _entities(plan, corpus)
    _stories(plan, corpus)
    _glossary(plan, newest)
    _timeline(plan.page, dossiers, keys)
    for name, title in _sections(paged).items():
        _section(plan, name, title, dossiers, by_month, corpus.conflicts, paged)
    _tags(plan, tags)
    plan.page("search.md", (), "search.md.j2")
    return plan.specs


def _explainers(
    plan: _Plan, dossiers: list[Dossier], corpus: Corpus, tags: dict[str, TagPage], first_seen: dict[str, str]
) -> None:
    """An explainer's page, with its links into the corpus: entity pages, tag chips,
    related explainers and the conflicts it is part of."""
    own_claims: dict[int, dict[str, list[Claim]]] = {}
    for c in corpus.conflicts:
        for claim in c.claims:
            own_claims.setdefault(id(c), {}).setdefault(claim.slug, []).append(claim)
    for d in dossiers:
        links = corpus.links_for(d)
        # Chips under the title: the editor's tags, then the main countries and systems,
        # each linked to its own page (a tag that names an entity, to the entity's page).
        chips = [
            (tag, links[tag] if tag in links else tags[tag.lower()].path)
            for tag in page_tags(d)
            if tag in links or tag.lower() in tags
        ]
        story = corpus.story_of(d.slug)
        extra: dict[str, Any] = {
            # Only the address: a story's title and size change as it grows, and every
            # explainer of it would be rendered again for each new report.
            "story": story.path if story else None,
            "seen": first_seen.get(d.slug) if not d.date else None,
            "entity_links": links,
            "related": corpus.related.get(d.slug, []),
            "conflicts": conflict_notes(d.slug, corpus.conflicts_for(d.slug), own_claims),
            "tag_links": chips,
        }
        parts = (
            plan.keys[d.slug],
            sorted(links.items()),
            [(r.slug, r.title, r.shared) for r in extra["related"]],  # not the score: shifts with N
            extra["conflicts"],
            chips,
            extra["story"],
            extra["seen"],
        )
        render = partial(render_explainer, plan.env, d, extra)
        plan.specs.append(PageSpec(explainer_path(d.slug), fingerprint(parts), render, d.seed_file))


def _explainer_lists(
    plan: _Plan, newest: list[Dossier], by_month: list[tuple[str, str, list[Dossier]]], paged: bool
) -> None:
    """The home page (the newest explainers) and the list of all explainers: one page
    while it is short, then a page per month."""
    common, keys = plan.common, plan.keys
    plan.page(
        "index.md",
        plan.everything,
        "index.md.j2",
        latest=newest[:LATEST_ON_HOME],
        total=len(newest),
        sections=list(_sections(paged)),
        **common,
    )
    month_parts = [(label, f"../{SECTION_DIR}/{key}.md", len(ds)) for key, label, ds in by_month]
    plan.page(
        f"{EXPLAINERS_DIR}/index.md",
        plan.everything,
        "explainers_index.md.j2",
        page_title="All explainers",
        part=None,
        parts=month_parts if paged else [],
        months=[] if paged else [(label, ds) for _, label, ds in by_month],
        total=len(newest),
        root="../",
        **common,
    )
    if not paged:
        return
    for key, label, ds in by_month:
        plan.page(
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


def _entities(plan: _Plan, corpus: Corpus) -> None:
    """A page per entity worth one, the indexes of them, the A-Z index of every name,
    and a redirect from each address a merge retired."""
    conflict_fp = {id(c): fingerprint(c) for c in corpus.conflicts}  # shared by many pages
    entities = sorted(corpus.pages.values(), key=lambda e: (e.name.lower(), e.name))
    for e in entities:
        _entity(plan.page, e, plan.keys, conflict_fp)
    most_named = sorted(entities, key=lambda e: (-len(e.mentions), e.name.lower(), e.name))
    systems = [e for e in most_named if e.section == "systems"][:INDEX_TOP]
    listed = [(e.path, e.name, e.known, e.facts, len(e.mentions)) for e in systems]
    plan.page("systems/index.md", listed, "systems_index.md.j2", entities=systems, **plan.common)
    groups = [
        (kind, [e for e in most_named if e.section == "stakeholders" and e.kind == kind][:INDEX_TOP])
        for kind in STAKEHOLDER_ORDER
    ]
    groups = [g for g in groups if g[1]]
    listed_groups = [(k, [(e.path, e.name, e.description, len(e.mentions)) for e in es]) for k, es in groups]
    plan.page(
        "stakeholders/index.md", listed_groups, "stakeholders_index.md.j2", groups=groups, top=INDEX_TOP,
        **plan.common,
    )  # fmt: skip
    _names_index(plan, corpus)
    for old, new in sorted(corpus.redirects.items()):
        # A static page where the retired address was: MkDocs copies it as it is.
        path = f"{old.removesuffix('.md')}/index.html"
        plan.specs.append(PageSpec(path, fingerprint(path, new), partial(redirect_page, new, old)))


def _stories(plan: _Plan, corpus: Corpus) -> None:
    """A page per story told in two reports or more, and the list of them, the most
    recently updated first. A story's page changes when one of its reports does, or the
    name or page of one of its actors."""
    by_slug = {d.slug: d for d in corpus.dossiers}
    for story in corpus.stories.values():
        links = {a.name: corpus.pages[a.key].path for a in story.actors if a.key in corpus.pages}
        told = [*story.slugs, *story.copies]
        titles = {slug: by_slug[slug].title for slug in told}
        inputs = (
            [plan.keys[slug] for slug in told],
            sorted(story.copies.items()),
            [(a.key, a.name) for a in story.actors],
            sorted(links.items()),
        )
        dates = {d.slug: d.date for d in story.reports}
        plan.page(story.path, inputs, "story.md.j2", s=story, links=links, titles=titles, dates=dates)
    newest = sorted(corpus.stories.values(), key=lambda s: (s.title.lower(), s.path))
    newest.sort(key=lambda s: (s.latest.date or "", len(s.reports)), reverse=True)
    listed = [(s.path, s.title, len(s.reports), s.latest.date) for s in newest]
    plan.page("stories/index.md", listed, "stories_index.md.j2", stories=newest, **plan.common)


def _names_index(plan: _Plan, corpus: Corpus) -> None:
    """Every name, by letter: its page, or each explainer that names it."""
    parts = index_parts(index_entries(corpus.identities, corpus.pages, corpus.dossiers))
    listing = [(part, f"{NAMES_DIR}/{part}.md", len(entries)) for part, entries in parts.items()]
    plan.page(f"{NAMES_DIR}/index.md", listing, "names_index.md.j2", parts=listing, entries=[], part=None)
    for part, entries in parts.items():
        plan.page(
            f"{NAMES_DIR}/{part}.md", entries, "names_index.md.j2", parts=listing, entries=entries, part=part
        )


def _glossary(plan: _Plan, newest: list[Dossier]) -> None:
    """Every term the explainers define, with the newest uses of each."""
    terms: dict[str, tuple[str | None, str, list[tuple[Dossier, str]]]] = {}
    for d in newest:
        for g in d.glossary:
            uses = terms.setdefault(g.term, (g.expansion, g.kind, []))[2]
            uses.append((d, g.sentences[0] if g.sentences else "s1"))
    plan.page(
        "glossary.md",
        plan.everything,
        "glossary.md.j2",
        terms=[(t, *terms[t]) for t in sorted(terms, key=str.lower)],
        uses_shown=USES_SHOWN,
        **plan.common,
    )


def _section(
    plan: _Plan,
    name: str,
    title: str,
    dossiers: list[Dossier],
    by_month: list[tuple[str, str, list[Dossier]]],
    conflicts: list[Conflict],
    paged: bool,
) -> None:
    """A corpus-wide page (open questions, background, sources, review notes): every
    explainer's part, by title; past SECTION_LIMIT explainers, an index of month pages."""
    common = {"page_title": title, "part_label": "Month", "conflicts": conflicts, **plan.common}
    if not paged:
        by_title = sorted(dossiers, key=lambda d: (d.title.lower(), d.slug))
        plan.page(
            f"{name}.md",
            plan.everything,
            f"{name}.md.j2",
            part=None,
            parts=[],
            dossiers=by_title,
            root="",
            **common,
        )
        return
    parts = [(label, f"{name}/{key}.md", len(ds)) for key, label, ds in by_month]
    month_parts = [(label, f"{SECTION_DIR}/{key}.md", len(ds)) for key, label, ds in by_month]
    plan.page(
        f"{name}.md",
        (plan.everything, month_parts),
        f"{name}.md.j2",
        part=None,
        parts=parts,
        dossiers=[],
        root="",
        **common,
    )
    for key, label, ds in by_month:
        in_month = sorted(ds, key=lambda d: (d.title.lower(), d.slug))
        plan.page(
            f"{name}/{key}.md",
            [plan.keys[d.slug] for d in in_month],
            f"{name}.md.j2",
            part=key,
            parts=[],
            dossiers=in_month,
            root="../",
            **{**common, "page_title": f"{title}: {label}", "conflicts": []},
        )


def _tags(plan: _Plan, tags: dict[str, TagPage]) -> None:
    """A page per editor tag and an index of tags."""
    for t in tags.values():
        _tag(plan.page, t.name, t.path, t.dossiers, plan.keys)
    tag_list = sorted(((t.name, t.path, len(t.dossiers)) for t in tags.values()), key=lambda t: t[0].lower())
    plan.page("tags.md", tag_list, "tags.md.j2", tags=tag_list)


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
