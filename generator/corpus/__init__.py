"""The corpus layer: what many dossiers say together.

One pure step from every dossier to a corpus index, in modules by concern:

  names.py         how the corpus compares names ("Mr Blair" = "Blair")
  identity.py      one entity per real-world person, organisation, place, system
  overrides.py     the editor's corrections (corpus.yml)
  addresses.py     entity page addresses that stay put as the corpus grows
  entity_pages.py  which entities get a page, and what it says of them
  index.py         the A-Z index of every name, with or without a page
  related.py       related explainers
  conflicts.py     articles that disagree on a figure or a date
  stories.py       which articles tell one developing story
  story_pages.py   what a story's reports say together
  tags.py          the editors' tags
  scoring.py       scores against hand-made labels (bench/ and tests)

Page planning (pages.py) reads only the `Corpus` this builds.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dossier import Dossier
from .addresses import AddressBook, Claimant, assign
from .conflicts import Claim, Conflict, date_conflicts, figure_conflicts
from .entity_pages import (
    NAMED_WITH,
    EntityPage,
    Lookup,
    main_actors,
    named,
    named_with,
    worth_a_page,
)
from .identity import Entity, Identities, resolve
from .names import name_key, person_name
from .overrides import CorpusOverrides
from .parallel import in_background
from .related import Related, related_explainers
from .stories import StoryGroup, detect
from .story_pages import StoryPage
from .tags import TagPage, page_tags, tag_pages

if TYPE_CHECKING:
    from ..analyze.packs import KnowledgeBase

__all__ = [
    "Claim",
    "Conflict",
    "Corpus",
    "EntityPage",
    "Related",
    "StoryGroup",
    "StoryPage",
    "TagPage",
    "build_corpus",
    "country_words",
    "page_tags",
    "tag_pages",
]


@dataclass
class Corpus:
    dossiers: list[Dossier]
    identities: Identities
    pages: dict[str, EntityPage]  # entity key -> its page
    related: dict[str, list[Related]]
    conflicts: list[Conflict]
    conflicts_by_slug: dict[str, list[Conflict]]
    addresses: AddressBook = field(default_factory=AddressBook)  # to save with the pages
    redirects: dict[str, str] = field(default_factory=dict)  # retired page path -> current one
    story_groups: list[StoryGroup] = field(default_factory=list)  # every story, one-article ones too
    stories: dict[str, StoryPage] = field(default_factory=dict)  # page path -> story of 2+ reports
    story_by_slug: dict[str, StoryPage] = field(default_factory=dict)  # explainer -> its story's page

    def story_of(self, slug: str) -> StoryPage | None:
        """The story page an explainer's article is part of, if its story has one."""
        return self.story_by_slug.get(slug)

    def conflicts_for(self, slug: str) -> list[Conflict]:
        return self.conflicts_by_slug.get(slug, [])

    def page_of(self, slug: str, name: str) -> EntityPage | None:
        """The page of the entity an explainer names `name`, if it has one."""
        entity = self.identities.entity(slug, name)
        return self.pages.get(entity.key) if entity is not None else None

    def links_for(self, d: Dossier) -> dict[str, str]:
        """An explainer's names -> the entity pages they link to."""
        links = {}
        for item in named(d):
            page = self.page_of(d.slug, item.name)
            if page is not None:
                links[item.name] = page.path
        return links


def country_words(kb: KnowledgeBase) -> dict[str, str]:
    """A country's name, aliases and demonyms (lower case) -> the country: what "the
    British government" or "Britain's government" is the government of."""
    words = {}
    for entry in kb.entries.values():
        if entry.kind == "country":
            for form in (entry.name, *entry.aliases):
                words[form.lower()] = entry.name
                words[f"{form.lower()}'s"] = entry.name
    return words


def _identity_keys(e: Entity) -> frozenset[str]:
    """What an address remembers of its entity: the key, and each name an article gave
    it as its own (not an alias, which another entity may have; not a surname alone,
    which may be anyone's)."""
    family = e.key.split(":", 1)[0]
    keys = {e.key}
    for name in {r.name for r in e.records}:
        parsed = person_name(name) if e.kind == "person" else None
        if e.kind != "person" or (parsed is not None and parsed.full):
            keys.add(f"{family}:{name_key(name, e.kind)}")
    return frozenset(keys)


def _claimants(identities: Identities, actors: dict[str, set[str]]) -> list[Claimant]:
    """Entities worth a page; `actors`: each explainer's main actors."""
    chosen = [e for e in identities.entities if worth_a_page(e, actors)]
    # Entities in more articles first: when two claim one address, the better known keeps it.
    chosen.sort(key=lambda e: (-len(e.slugs), e.key))
    return [
        Claimant(e.key, "systems" if e.kind == "system" else "stakeholders", e.name, _identity_keys(e))
        for e in chosen
    ]


def _story_keys(g: StoryGroup) -> frozenset[str]:
    return frozenset(f"story:{m}" for m in g.members)


def _story_claimants(groups: list[StoryGroup], by_slug: dict[str, Dossier]) -> list[Claimant]:
    """A story of two reports or more gets a page, named after its first report. Its
    address is remembered by its articles, so it stays put as the story grows, and a
    story that absorbs another keeps the older address."""
    return [
        Claimant(f"story:{g.members[0]}", "stories", by_slug[g.members[0]].title, _story_keys(g))
        for g in groups
        if len(g.reports) > 1
    ]


def _story_pages(
    groups: list[StoryGroup], addresses: dict[str, str], by_slug: dict[str, Dossier], identities: Identities
) -> dict[str, StoryPage]:
    pages = {}
    for g in groups:
        address = addresses.get(f"story:{g.members[0]}")
        if address is not None:
            reports = [by_slug[m] for m in g.reports]
            pages[f"{address}.md"] = StoryPage(f"{address}.md", reports, g.copies, identities, g.actors)
    return pages


def _attach_stories(stories: dict[str, StoryPage], pages: dict[str, EntityPage]) -> None:
    """Each entity page lists the stories it is an actor of (the most reports first)."""
    for story in sorted(stories.values(), key=lambda s: (-len(s.reports), s.path)):
        for key in story.actor_keys:
            if key in pages:
                pages[key].stories.append((story.path, story.title, len(story.reports)))


def _attach(pages: dict[str, EntityPage], identities: Identities, conflicts: list[Conflict]) -> None:
    by_name = {p.entity.name: p for p in pages.values()}
    for c in conflicts:
        for name in c.entities:
            if name in by_name:
                by_name[name].conflicts.append(c)
    together = named_with(identities.entities, set(pages))
    names = {e.key: e.name for e in identities.entities}
    for key, page in pages.items():
        ranked = heapq.nsmallest(
            NAMED_WITH, together[key].items(), key=lambda kv: (-kv[1], names[kv[0]], kv[0])
        )
        page.named_with = [(names[k], pages[k].path if k in pages else None, n) for k, n in ranked]


BACKGROUND_MIN = 300  # dossiers from which stories are found in a second process


def build_corpus(
    dossiers: list[Dossier],
    kb: KnowledgeBase | None = None,
    overrides: CorpusOverrides | None = None,
    book: AddressBook | None = None,
) -> Corpus:
    """Everything the site says across articles, from the dossiers alone (plus the packs'
    country names, the editor's corrections and the addresses given so far)."""
    ordered = sorted(dossiers, key=lambda d: d.slug)
    identities = resolve(ordered, overrides, country_words(kb) if kb else {})
    by_slug = {d.slug: d for d in ordered}
    overrides = overrides or CorpusOverrides()
    main = {d.slug: main_actors(d) for d in ordered}
    stories_found = in_background(
        len(ordered) >= BACKGROUND_MIN,
        detect,
        ordered,
        identities,
        overrides.join_stories,
        overrides.apart_stories,
        main,
    )
    names: dict[str, set[str]] = {d.slug: set() for d in ordered}
    for e in identities.entities:
        if not e.unresolved:
            for slug in e.slugs:
                names[slug].add(e.name)
    related = related_explainers(ordered, names)
    entity_claimants = _claimants(identities, main)
    groups = stories_found()
    addresses, new_book = assign(entity_claimants + _story_claimants(groups, by_slug), book or AddressBook())
    stories = _story_pages(groups, addresses, by_slug, identities)
    lookup = Lookup(ordered)
    pages = {
        key: EntityPage(identities.by_key[key], f"{path}.md", by_slug, lookup)
        for key, path in addresses.items()
        if not key.startswith("story:")
    }
    _attach_stories(stories, pages)

    def canonical(slug: str, name: str) -> str:
        entity = identities.entity(slug, name)
        return entity.name if entity is not None else name

    conflicts = figure_conflicts(ordered, canonical) + date_conflicts(ordered, canonical)
    _attach(pages, identities, conflicts)
    by_slug_conflicts: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        for slug in dict.fromkeys(claim.slug for claim in conflict.claims):
            by_slug_conflicts[slug].append(conflict)
    redirects = {f"{old}.md": f"{new}.md" for old, new in new_book.moved.items()}
    return Corpus(
        ordered,
        identities,
        pages,
        related,
        conflicts,
        dict(by_slug_conflicts),
        new_book,
        redirects,
        groups,
        stories,
        {slug: page for page in stories.values() for slug in (*page.slugs, *page.copies)},
    )
