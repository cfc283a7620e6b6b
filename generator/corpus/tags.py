"""The editors' tags, and the chips under an explainer's title."""

from __future__ import annotations

from dataclasses import dataclass

from ..dossier import Dossier
from ..slugs import unique_slug


@dataclass
class TagPage:
    name: str  # as first written (by slug order of the articles)
    path: str
    dossiers: list[Dossier]


def tag_pages(dossiers: list[Dossier]) -> dict[str, TagPage]:
    """The editors' tags, by lower-cased name: "Energy" and "energy" are one tag."""
    pages: dict[str, TagPage] = {}
    used: set[str] = set()
    for d in sorted(dossiers, key=lambda d: d.slug):
        for tag in dict.fromkeys(t.lower() for t in d.tags):
            if tag not in pages:
                slug = unique_slug(tag, used, "tags", fallback="tag")
                name = next(t for t in d.tags if t.lower() == tag)
                pages[tag] = TagPage(name, f"tags/{slug}.md", [])
            pages[tag].dossiers.append(d)
    return pages


def page_tags(d: Dossier, top: int = 3) -> list[str]:
    """Front-matter tags plus the article's most-mentioned countries and systems."""
    countries = sorted(
        (h for h in d.stakeholders if h.kind == "country"), key=lambda h: (-len(h.sentences), h.name)
    )[:top]
    systems = sorted((s for s in d.systems if s.known), key=lambda s: (-len(s.sentences), s.name))[:top]
    tags = [*d.tags, *(h.name for h in countries), *(s.name for s in systems)]
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.lower(), tag)
    return list(seen.values())
