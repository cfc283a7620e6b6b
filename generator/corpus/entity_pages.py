"""Entity pages: which entities get a page, and what the page says of them.

An entity gets a page when more than one article names it, or when it is a main actor
of one (named in the headline or the In brief); never for a surname the corpus could
not tie to one person, nor for a phrase that names no one. Every other name stays on
its explainer's Who's who and in the A-Z index.

A page is a synthesis, not a dump: what the entity is (the pack's description, or the
articles' own words for it), what it did, dated, across all articles, what it said,
who it is most often named with, and its part in each story, with the sentences that
name it folded away.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from ..dossier import Attribution, Dossier, Event, Stakeholder, System
from ..explainer_view import Doing, Who, whos_who
from .identity import Entity, Record
from .names import name_key, names_someone

T = TypeVar("T")

ACTS_SHOWN = 25  # dated doings on the page, newest first
SENTENCES_SHOWN = 2  # of the sentences naming it in one explainer; the explainer has all
QUOTES_SHOWN = 12
NAMED_WITH = 8
SEARCHED_FROM = 3  # explainers naming an entity before its page is in the search index
MAIN_ACTORS = 2  # of the most-named in an article, how many may be its main actors


_WORDS = re.compile(r"[\w'’-]+")


def named(d: Dossier) -> list[Stakeholder | System]:
    """Everything a dossier names: its stakeholders and its systems."""
    return [*d.stakeholders, *d.systems]


def main_actors(d: Dossier, most: int = MAIN_ACTORS) -> set[str]:
    """The stakeholders and systems a story is about: named in its headline, or among its
    `most` most-named that its In brief names too (the brief is chosen for its actors)."""
    brief = {sid for s in d.brief for sid in s.sentences}
    lowered = d.title.lower()
    title = " " + " ".join(_WORDS.findall(lowered)) + " "

    def in_title(form: str) -> bool:
        low = form.lower()  # a quick test first: most names are not in the headline
        return low in lowered and f" {' '.join(_WORDS.findall(low))} " in title

    def forms(item: Stakeholder | System) -> list[str]:
        first = item.name.split()[0]
        # A system's designation stands for it in a headline ("K2" for K2 Black Panther).
        short = [first] if isinstance(item, System) and any(c.isdigit() for c in first) else []
        return [item.name, *item.aliases, *short]

    items = named(d)
    out = {i.name for i in items if any(in_title(f) for f in forms(i))}
    ranked = sorted(items, key=lambda i: (-len(i.sentences), i.sentences[:1]))
    out.update(i.name for i in ranked[:most] if len(i.sentences) >= 2 and brief & set(i.sentences))
    return out


def worth_a_page(entity: Entity, actors: dict[str, set[str]]) -> bool:
    if entity.unresolved or not names_someone(entity.name):
        return False
    if len(entity.slugs) > 1:
        return True
    return any(r.name in actors.get(r.slug, ()) for r in entity.records)


@dataclass(frozen=True)
class Appearance:
    """The entity in one explainer: how that article names it, and what it does there."""

    dossier: Dossier
    names: tuple[str, ...]  # the dossier's names for it (usually one)
    sentence_ids: tuple[str, ...]
    role: str | None
    doings: tuple[Doing, ...]
    quoted: int

    @property
    def slug(self) -> str:
        return self.dossier.slug

    def first_sentences(self, n: int) -> list[tuple[str, str]]:
        """(id, text) of the first `n` sentences naming it: looked up only when shown."""
        return [(sid, self.dossier.sentence_text(sid)) for sid in self.sentence_ids[:n]]


@dataclass(frozen=True)
class Act:
    """A dated event of one article in a sentence that names the entity."""

    dossier: Dossier
    event: Event


@dataclass(frozen=True)
class Quote:
    dossier: Dossier
    attribution: Attribution


@dataclass(frozen=True)
class Description:
    """What the entity is: a pack's words (with the pack) or an article's (cited)."""

    text: str
    pack: str | None = None
    slug: str | None = None  # the explainer whose article says so
    sentence: str | None = None
    others: int = 0  # how many other articles say the same


class Lookup:
    """A dossier's stakeholders and systems, and its Who's who rows, by name: worked out
    once per dossier, when a page being rendered first asks."""

    def __init__(self, dossiers: list[Dossier]):
        self._dossiers = {d.slug: d for d in dossiers}
        self._items: dict[str, dict[str, Stakeholder | System]] = {}
        self._rows: dict[str, dict[str, Who]] = {}

    def items(self, slug: str) -> dict[str, Stakeholder | System]:
        if slug not in self._items:
            self._items[slug] = {item.name: item for item in reversed(named(self._dossiers[slug]))}
        return self._items[slug]

    def rows(self, d: Dossier) -> dict[str, Who]:
        if d.slug not in self._rows:
            self._rows[d.slug] = {w.stakeholder.name: w for rows in whos_who(d).values() for w in rows}
        return self._rows[d.slug]


def _appearance(d: Dossier, records: list[Record], lookup: Lookup) -> Appearance:
    names = tuple(r.name for r in records)
    sids: set[str] = set()
    role = None
    doings: list[Doing] = []
    quoted = 0
    items = lookup.items(d.slug)
    for name in names:
        if name in items:
            sids.update(items[name].sentences)
    rows = lookup.rows(d)
    for name in names:
        who = rows.get(name)
        if who is not None:
            role = role or who.stakeholder.role
            doings += who.doings
            quoted += who.quoted
    ordered = tuple(sorted(sids, key=lambda s: int(s[1:])))
    return Appearance(d, names, ordered, role, tuple(doings), quoted)


def _description(entity: Entity, lookup: Lookup) -> Description | None:
    """The pack's description (for a system: its category and origin); else the role or
    apposition most articles give."""
    for r in entity.records:
        h = lookup.items(r.slug).get(r.name)
        if isinstance(h, Stakeholder) and h.description:
            return Description(h.description, pack=h.pack)
        if isinstance(h, System) and h.known and h.category:
            what = f"{h.category} ({h.origin})" if h.origin else h.category
            return Description(what, pack=h.pack)
    said: dict[str, list[Record]] = defaultdict(list)
    for r in entity.records:
        if r.role:
            said[r.role].append(r)
    if not said:
        return None
    role, records = max(said.items(), key=lambda kv: (len({r.slug for r in kv[1]}), len(kv[0]), kv[0]))
    first = min(records, key=lambda r: r.slug)
    item = lookup.items(first.slug).get(first.name)
    sentence = item.sentences[0] if item is not None and item.sentences else None
    return Description(role, slug=first.slug, sentence=sentence, others=len({r.slug for r in records}) - 1)


def _dated(d: Dossier) -> str:
    return d.date or ""


def _acts(appearances: list[Appearance]) -> list[Act]:
    acts = []
    for a in appearances:
        mine = set(a.sentence_ids)
        acts += [Act(a.dossier, e) for e in a.dossier.events if e.date and mine & set(e.sentences)]
    acts.sort(key=lambda x: (x.event.date or "", _dated(x.dossier), x.dossier.slug), reverse=True)
    return _once(acts, lambda x: (x.event.date, x.event.text))


def _quotes(appearances: list[Appearance]) -> list[Quote]:
    quotes = [
        Quote(a.dossier, at)
        for a in appearances
        for at in a.dossier.attributions
        if at.named and at.source in a.names
    ]
    quotes.sort(key=lambda q: (_dated(q.dossier), q.dossier.slug), reverse=True)
    return _once(quotes, lambda q: q.attribution.claim)


def _once(items: list[T], key: Callable[[T], object]) -> list[T]:
    """The first of items that say the same thing: a story sent out twice (the BBC
    corpus holds dozens of articles twice) or told again in a follow-up."""
    seen: set[object] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _facts(entity: Entity, lookup: Lookup) -> dict[str, str]:
    facts = {"Kind": entity.kind}
    for r in entity.records:
        item = lookup.items(r.slug).get(r.name)
        if isinstance(item, System) and item.known:
            listed = (
                ("Category", item.category),
                ("Origin", item.origin),
                ("Maker", item.maker),
                ("In service since", str(item.in_service) if item.in_service else None),
                ("Operators", ", ".join(item.operators)),
            )
            facts.update({k: v for k, v in listed if v})
        elif isinstance(item, Stakeholder) and item.country and item.kind != "country":
            facts.setdefault("Country", item.country)
    forms = [f for f in entity.forms if f != entity.name and name_key(f) != name_key(entity.name)]
    if forms:
        facts["Also named"] = ", ".join(forms[:8])
    return facts


def named_with(entities: list[Entity], keys: set[str]) -> dict[str, Counter[str]]:
    """For each entity of `keys` (those with a page), the other entities named in the
    same articles, by articles."""
    in_article: dict[str, list[str]] = defaultdict(list)
    for e in entities:
        if not e.unresolved:
            for slug in e.slugs:
                in_article[slug].append(e.key)
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for named_here in in_article.values():
        for a in named_here:
            if a in keys:
                together[a].update(b for b in named_here if b != a)
    return together


@dataclass(frozen=True)
class Mention:
    """Where an entity appears, as much as deciding its page needs: which explainer,
    its date, and the dossier's names for it (its content key covers the rest)."""

    slug: str
    date: str
    names: tuple[str, ...]


class EntityPage:
    """One entity's page. What it shows is worked out when the page is rendered: a run
    renders only the pages whose inputs changed, and decides which from `mentions`."""

    def __init__(self, entity: Entity, path: str, by_slug: dict[str, Dossier], lookup: Lookup):
        self.entity = entity
        self.path = path  # "stakeholders/tony-blair.md"
        self.section = "systems" if entity.kind == "system" else "stakeholders"
        self.named_with: list[tuple[str, str | None, int]] = []  # name, page, explainers
        self.conflicts: list[object] = []
        self.stories: list[tuple[str, str, int]] = []  # story page, title, reports
        self._by_slug, self._lookup = by_slug, lookup
        names: dict[str, list[str]] = defaultdict(list)
        for r in entity.records:
            names[r.slug].append(r.name)
        mentions = [Mention(slug, by_slug[slug].date or "", tuple(ns)) for slug, ns in names.items()]
        self.mentions = sorted(mentions, key=lambda m: (m.date, m.slug))  # oldest first

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def kind(self) -> str:
        return self.entity.kind

    @property
    def known(self) -> bool:
        return self.entity.known

    @property
    def searchable(self) -> bool:
        """In the search index: an entity many explainers name (for one or two, the
        explainers themselves are what a search should find)."""
        return len(self.mentions) >= SEARCHED_FROM or self.known

    def appearances_of(self, mentions: list[Mention]) -> list[Appearance]:
        records: dict[str, list[Record]] = defaultdict(list)
        for r in self.entity.records:
            records[r.slug].append(r)
        return [_appearance(self._by_slug[m.slug], records[m.slug], self._lookup) for m in mentions]

    @cached_property
    def appearances(self) -> list[Appearance]:  # oldest first
        return self.appearances_of(self.mentions)

    @cached_property
    def facts(self) -> dict[str, str]:
        return _facts(self.entity, self._lookup)

    @cached_property
    def description(self) -> Description | None:
        return _description(self.entity, self._lookup)

    @cached_property
    def acts(self) -> list[Act]:  # dated, newest first
        return _acts(self.appearances)

    @cached_property
    def quotes(self) -> list[Quote]:  # newest first
        return _quotes(self.appearances)
