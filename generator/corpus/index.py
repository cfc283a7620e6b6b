"""The A-Z index: every name the explainers give, with its page or its mentions.

Most names appear once (a witness, a small firm); they get no page of their own but
are listed here, by letter, each linking to every explainer that names it. A surname
the corpus could not tie to one person is listed as written, with its mentions, and
marked so. A phrase that names no one is left out.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..dossier import Dossier
from .entity_pages import EntityPage, named
from .identity import Identities
from .names import names_someone

LETTER_LIMIT = 600  # names on one letter's page; past that, a page per two letters


@dataclass(frozen=True)
class IndexMention:
    slug: str
    title: str
    sentence: str  # the first sentence naming it


@dataclass(frozen=True)
class IndexEntry:
    name: str
    kind: str
    page: str | None  # its entity page, if it has one
    mentions: tuple[IndexMention, ...]  # when it has no page
    articles: int
    unresolved: bool


def _letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.lstrip("'\"(‘“"))[:1].upper()
    return first if "A" <= first <= "Z" else "0"


def _part(name: str, letter: str, two: bool) -> str:
    if not two:
        return letter.lower()
    second = unicodedata.normalize("NFKD", name.lstrip("'\"(‘“"))[1:2].lower()
    return f"{letter.lower()}{second if 'a' <= second <= 'z' else '0'}"


def index_entries(
    identities: Identities, pages: dict[str, EntityPage], dossiers: list[Dossier]
) -> list[IndexEntry]:
    """One entry per entity (unresolved surnames: one per name as written), sorted."""
    by_slug = {d.slug: d for d in dossiers}
    grouped: dict[tuple[str, str], list[IndexMention]] = defaultdict(list)
    entries = []
    for e in identities.entities:
        if not names_someone(e.name):
            continue
        page = pages.get(e.key)
        mentions = []
        if page is None:
            for r in sorted(e.records, key=lambda r: r.slug):
                d = by_slug[r.slug]
                first = next((i.sentences[0] for i in named(d) if i.name == r.name and i.sentences), "s1")
                mentions.append(IndexMention(d.slug, d.title, first))
        if e.unresolved:
            grouped[(e.name, e.kind)] += mentions
            continue
        entries.append(
            IndexEntry(e.name, e.kind, page.path if page else None, tuple(mentions), len(e.slugs), False)
        )
    for (name, kind), mentions in grouped.items():
        ordered = tuple(sorted(set(mentions), key=lambda m: m.slug))
        entries.append(IndexEntry(name, kind, None, ordered, len({m.slug for m in ordered}), True))
    entries.sort(key=lambda x: (x.name.lower(), x.name, x.kind, x.unresolved))
    return entries


def index_parts(entries: list[IndexEntry]) -> dict[str, list[IndexEntry]]:
    """Entries by page: "a", "b", … ("0" for names opening with a digit or a sign); a
    letter with more than LETTER_LIMIT names is split by its first two letters."""
    by_letter: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in entries:
        by_letter[_letter(entry.name)].append(entry)
    parts: dict[str, list[IndexEntry]] = {}
    for letter in sorted(by_letter):
        items = by_letter[letter]
        two = len(items) > LETTER_LIMIT
        for entry in items:
            parts.setdefault(_part(entry.name, letter, two), []).append(entry)
    return parts
