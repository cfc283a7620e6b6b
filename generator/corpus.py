"""The corpus: what many dossiers say together.

Entity pages, the cross-seed timeline, the glossary, related explainers and
conflicting reports are all derived here from dossiers alone (cached or
fresh), so adding or removing one seed only means re-running this pure step.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .analyze.dates import event_nouns
from .dossier import Dossier, Event, Stakeholder, System
from .slugs import unique_slug

_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
NUMBER_WORDS = {w: i for i, w in enumerate(f"{_SMALL} {_TEENS}".split(" "))}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100})


COUNT_UNITS = {
    "",
    "aircraft",
    "fighter",
    "jet",
    "unit",
    "system",
    "airframe",
    "tank",
    "drone",
    "missile",
    "ship",
    "vessel",
    "submarine",
    "helicopter",
    "satellite",
    "launcher",
}


@dataclass
class Mention:
    dossier: Dossier  # the explainer
    sentence_ids: list[str]

    @property
    def slug(self) -> str:
        return self.dossier.slug

    @property
    def title(self) -> str:
        return self.dossier.title

    @property
    def sentences(self) -> list[tuple[str, str]]:
        """(sentence id, text): looked up only for the pages actually rendered."""
        return [(sid, self.dossier.sentence_text(sid)) for sid in self.sentence_ids]


@dataclass
class EntityPage:
    section: str  # "systems" | "stakeholders"
    slug: str
    name: str
    kind: str  # system category kind or stakeholder kind
    facts: dict[str, str]
    known: bool
    mentions: list[Mention] = field(default_factory=list)
    related: list[tuple[str, str, int]] = field(default_factory=list)  # name, path, count
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.section}/{self.slug}.md"


@dataclass
class Claim:
    slug: str
    title: str
    value: str
    sentences: list[str]


@dataclass
class Conflict:
    subject: str  # "Su-57: number" or "date of the visit (Vladimir Putin)"
    claims: list[Claim]
    entities: list[str]  # whose entity pages show it
    kind: str = "figure"  # figure | date


@dataclass
class Related:
    slug: str
    title: str
    shared: list[str]
    score: float


@dataclass
class Corpus:
    dossiers: list[Dossier]
    entities: dict[str, EntityPage]  # by entity name
    related: dict[str, list[Related]]
    conflicts: list[Conflict]
    conflicts_by_slug: dict[str, list[Conflict]]

    def conflicts_for(self, slug: str) -> list[Conflict]:
        return self.conflicts_by_slug.get(slug, [])


def _entity_pages(dossiers: list[Dossier]) -> dict[str, EntityPage]:
    pages: dict[str, EntityPage] = {}
    used: set[str] = set()

    def page_for(section: str, name: str, kind: str, facts: dict[str, str], known: bool) -> EntityPage:
        if name not in pages:
            slug = unique_slug(name, used, section)
            pages[name] = EntityPage(section, slug, name, kind, facts, known)
        return pages[name]

    for d in dossiers:
        for s in d.systems:
            listed = (
                ("Category", s.category),
                ("Origin", s.origin),
                ("Maker", s.maker),
                ("In service since", str(s.in_service) if s.in_service else None),
                ("Operators", ", ".join(s.operators)),
                ("From the knowledge pack", s.pack),
            )
            facts = {k: v for k, v in listed if v}
            page = page_for("systems", s.name, "system", facts, s.known)
            page.mentions.append(Mention(d, s.sentences))
        for h in d.stakeholders:
            facts = {"Kind": h.kind}
            if h.description:
                facts["What it is"] = h.description
            if h.role:
                facts["Role"] = h.role
            if h.country:
                facts["Country"] = h.country
            if h.pack:
                facts["From the knowledge pack"] = h.pack
            page = page_for("stakeholders", h.name, h.kind, facts, h.known)
            page.mentions.append(Mention(d, h.sentences))
    # Related entities: named in the same sentence, most often first.
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for d in dossiers:
        by_sentence: dict[str, set[str]] = defaultdict(set)
        named: list[Stakeholder | System] = [*d.systems, *d.stakeholders]
        for item in named:
            for sid in item.sentences:
                by_sentence[sid].add(item.name)
        for names in by_sentence.values():
            for a in names:
                for b in names - {a}:
                    together[a][b] += 1
    for name, page in pages.items():
        ranked = sorted(together[name].items(), key=lambda kv: (-kv[1], kv[0]))[:12]
        page.related = [(other, pages[other].path, n) for other, n in ranked if other in pages]
    return pages


def _number(text: str) -> tuple[int | None, str]:
    """ "seven squadrons" -> (7, "squadrons"); "140" -> (140, "")."""
    first, _, unit = text.partition(" ")
    value = NUMBER_WORDS.get(first.lower())
    if value is None:
        digits = first.replace(",", "")
        value = int(digits) if digits.isdigit() else None
    unit = unit.rstrip("s")
    # "120 aircraft", "140 fighters" and a bare "140" all count the system itself.
    return value, "" if unit in COUNT_UNITS else unit


def _figure_conflicts(dossiers: list[Dossier]) -> list[Conflict]:
    figures: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for d in dossiers:
        for s in d.systems:
            for q in s.quantities:
                value, unit = _number(q)
                if value is not None:
                    stated = [i for i in s.sentences if q.split()[0] in d.sentence_text(i)] or s.sentences
                    figures[(s.name, unit)].append(Claim(d.slug, d.title, q, stated[:1]))
    out = []
    for (name, unit), claims in sorted(figures.items()):
        values = {_number(c.value)[0] for c in claims}
        if len(values) > 1 and len({c.slug for c in claims}) > 1:
            label = f"{name}: number of {unit}s" if unit else f"{name}: number"
            out.append(Conflict(label, claims, [name]))
    return out


def _event_key(e: Event, d: Dossier) -> list[tuple[str, str]]:
    nouns = event_nouns(e.text)
    people = [h.name for h in d.stakeholders if h.kind == "person" and set(h.sentences) & set(e.sentences)]
    systems = [s.name for s in d.systems if set(s.sentences) & set(e.sentences)]
    return [(n, who) for n in nouns for who in people + systems]


def _overlaps(a: str, b: str) -> bool:
    """Whether two ISO dates or ranges can describe the same day."""

    def bounds(x: str) -> tuple[str, str]:
        lo, _, hi = x.partition("/")
        return lo, (hi or lo) + "\uffff"

    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    return a_lo <= b_hi and b_lo <= a_hi


def _date_conflicts(dossiers: list[Dossier]) -> list[Conflict]:
    dated: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for d in dossiers:
        for e in d.events:
            if e.date is None:
                continue
            for key in _event_key(e, d):
                dated[key].append(Claim(d.slug, d.title, e.date, e.sentences))
    out = []
    for (noun, who), claims in sorted(dated.items()):
        slugs = {c.slug for c in claims}
        clash = any(a.slug != b.slug and not _overlaps(a.value, b.value) for a in claims for b in claims)
        if len(slugs) > 1 and clash:
            out.append(Conflict(f"date of the {noun} ({who})", claims, [who], kind="date"))
    return out


def _related(dossiers: list[Dossier], limit: int = 5) -> dict[str, list[Related]]:
    """Explainers sharing entities, rare shared entities counting most (like tf-idf)."""
    names = {d.slug: {s.name for s in d.systems} | {h.name for h in d.stakeholders} for d in dossiers}
    titles = {d.slug: d.title for d in dossiers}
    postings: dict[str, list[str]] = defaultdict(list)
    for slug, ns in names.items():
        for n in ns:
            postings[n].append(slug)
    total = len(dossiers)
    weight = {n: math.log(1 + total / len(slugs)) for n, slugs in postings.items()}
    # An entity in most articles ("United States") relates everything to everything:
    # it adds to scores but does not by itself make two explainers related.
    common = {n for n, slugs in postings.items() if len(slugs) > max(50, total // 10)}
    out: dict[str, list[Related]] = {}
    for slug, ns in names.items():
        score: dict[str, float] = defaultdict(float)
        for n in ns - common:
            for other in postings[n]:
                score[other] += weight[n]
        score.pop(slug, None)
        # Full scores (common entities included) only for the best candidates by rare ones.
        shortlist = heapq.nsmallest(limit * 4, score, key=lambda o: (-score[o], o))
        scored = []
        for other in shortlist:
            shared = ns & names[other]
            total_score = round(sum(weight[n] for n in shared), 6)
            top = sorted(shared, key=lambda n: (len(postings[n]), n))[:4]
            scored.append(Related(other, titles[other], top, total_score))
        out[slug] = sorted(scored, key=lambda r: (-r.score, r.title, r.slug))[:limit]
    return out


def build_corpus(dossiers: list[Dossier]) -> Corpus:
    ordered = sorted(dossiers, key=lambda d: d.slug)
    entities = _entity_pages(ordered)
    conflicts = _figure_conflicts(ordered) + _date_conflicts(ordered)
    for conflict in conflicts:
        for name in conflict.entities:
            if name in entities:
                entities[name].conflicts.append(conflict)
    by_slug: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        for slug in dict.fromkeys(claim.slug for claim in conflict.claims):
            by_slug[slug].append(conflict)
    return Corpus(ordered, entities, _related(ordered), conflicts, dict(by_slug))


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
