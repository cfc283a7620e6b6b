"""Conflicting reports: two articles that give one figure or one date differently.

A system's count ("140 Su-57" against "120 aircraft") and an event's date (the launch
of one lander on two days) are compared across articles; only disagreements between
different articles are reported, each claim citing its sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..analyze.dates import event_nouns
from ..dossier import Dossier, Event

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
class Claim:
    slug: str
    title: str
    value: str
    sentences: list[str]


@dataclass
class Conflict:
    subject: str  # "Su-57: number" or "date of the visit (Vladimir Putin)"
    claims: list[Claim]
    entities: list[str]  # the entities (canonical names) whose pages show it
    kind: str = "figure"  # figure | date


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


# (explainer, the name a dossier uses) -> the entity's name across the corpus
Canonical = Callable[[str, str], str]


def _as_written(slug: str, name: str) -> str:
    return name


def figure_conflicts(dossiers: list[Dossier], canonical: Canonical = _as_written) -> list[Conflict]:
    figures: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for d in dossiers:
        for s in d.systems:
            for q in s.quantities:
                value, unit = _number(q)
                if value is not None:
                    stated = [i for i in s.sentences if q.split()[0] in d.sentence_text(i)] or s.sentences
                    figures[(canonical(d.slug, s.name), unit)].append(Claim(d.slug, d.title, q, stated[:1]))
    out = []
    for (name, unit), claims in sorted(figures.items()):
        values = {_number(c.value)[0] for c in claims}
        if len(values) > 1 and len({c.slug for c in claims}) > 1:
            label = f"{name}: number of {unit}s" if unit else f"{name}: number"
            out.append(Conflict(label, claims, [name]))
    return out


def _event_key(e: Event, d: Dossier, canonical: Canonical) -> list[tuple[str, str]]:
    nouns = event_nouns(e.text)
    people = [h.name for h in d.stakeholders if h.kind == "person" and set(h.sentences) & set(e.sentences)]
    systems = [s.name for s in d.systems if set(s.sentences) & set(e.sentences)]
    return [(n, canonical(d.slug, who)) for n in nouns for who in people + systems]


def _overlaps(a: str, b: str) -> bool:
    """Whether two ISO dates or ranges can describe the same day."""

    def bounds(x: str) -> tuple[str, str]:
        lo, _, hi = x.partition("/")
        return lo, (hi or lo) + "\uffff"

    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    return a_lo <= b_hi and b_lo <= a_hi


def date_conflicts(dossiers: list[Dossier], canonical: Canonical = _as_written) -> list[Conflict]:
    dated: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for d in dossiers:
        for e in d.events:
            if e.date is None:
                continue
            for key in _event_key(e, d, canonical):
                dated[key].append(Claim(d.slug, d.title, e.date, e.sentences))
    out = []
    for (noun, who), claims in sorted(dated.items()):
        slugs = {c.slug for c in claims}
        clash = any(a.slug != b.slug and not _overlaps(a.value, b.value) for a in claims for b in claims)
        if len(slugs) > 1 and clash:
            out.append(Conflict(f"date of the {noun} ({who})", claims, [who], kind="date"))
    return out
