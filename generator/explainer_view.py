"""What an explainer page shows, laid out from its Dossier for the template.

Nothing here reads the article: these are regroupings of what analysis found (who
said what, by speaker; what each stakeholder does, from the relations; what lies
ahead, from the events and the open questions) and the page's reading time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .dossier import Attribution, Dossier, Stakeholder, System

WORDS_PER_MINUTE = 230  # a common figure for adults reading news on screen
STAKEHOLDER_ORDER = ("country", "person", "organization", "media", "place")
# How a relation reads from its target's side: the same fact, not a new one.
FROM_TARGET = {
    "buys from": "sells to",
    "sells to": "buys from",
    "partners with": "partners with",
    "sanctions": "is sanctioned by",
    "opposes": "is opposed by",
}


@dataclass(frozen=True)
class Speaker:
    """Who said what, for the Sources section: one speaker and their claims."""

    source: str
    role: str | None
    named: bool
    claims: tuple[Attribution, ...]


def speakers(attributions: list[Attribution]) -> list[Speaker]:
    """Attributions grouped by speaker, in the order the article first quotes them."""
    grouped: dict[tuple[str, bool], list[Attribution]] = {}
    for a in attributions:
        grouped.setdefault((a.source, a.named), []).append(a)
    return [
        Speaker(source, next((a.role for a in claims if a.role), None), named, tuple(claims))
        for (source, named), claims in grouped.items()
    ]


@dataclass(frozen=True)
class Doing:
    """One thing a stakeholder does in this story: "buys from" "Russia"."""

    verb: str
    other: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Who:
    """A row of Who's who: the stakeholder, what it does here and how often it is quoted."""

    stakeholder: Stakeholder
    doings: tuple[Doing, ...]
    quoted: int


def _quoted(d: Dossier) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in d.attributions:
        counts[a.source] = counts.get(a.source, 0) + 1
    return counts


def _who(d: Dossier, s: Stakeholder, quoted: dict[str, int]) -> Who:
    doings = [Doing(r.kind, r.target, tuple(r.sentences)) for r in d.relations if r.source == s.name]
    doings += [
        Doing(FROM_TARGET.get(r.kind, r.kind), r.source, tuple(r.sentences))
        for r in d.relations
        if r.target == s.name and r.source != s.name
    ]
    return Who(s, tuple(doings), quoted.get(s.name, 0))


def whos_who(d: Dossier) -> dict[str, list[Who]]:
    """Stakeholders by kind (countries, people, organisations, media, places), each with
    the relations it takes part in and the claims attributed to it."""
    quoted = _quoted(d)
    groups: dict[str, list[Who]] = {kind: [] for kind in STAKEHOLDER_ORDER}
    for s in d.stakeholders:
        groups.setdefault(s.kind, []).append(_who(d, s, quoted))
    return groups


# Kinds of thing that are launched, not put into service: "launched in 2004" for a console.
_PRODUCT_WORDS = frozenset({
    "smartphone", "smartwatch", "tablet", "computer", "player", "store", "console", "browser", "service",
    "assistant", "e-reader", "game", "operating", "aggregator",
})  # fmt: skip


def system_facts(s: System) -> list[str]:
    """What the knowledge pack says a system is, as short phrases for one line:
    "made by Sukhoi", "in service since 2020", "operated by Russia, India"."""
    facts = []
    if s.maker and s.origin:
        facts.append(f"made by {s.maker} ({s.origin})")
    elif s.maker:
        facts.append(f"made by {s.maker}")
    elif s.origin:
        facts.append(f"from {s.origin}")
    if s.in_service:
        product = s.category and _PRODUCT_WORDS & set(s.category.lower().split())
        facts.append(f"launched in {s.in_service}" if product else f"in service since {s.in_service}")
    if s.operators:
        facts.append("operated by " + ", ".join(s.operators))
    return facts


@dataclass(frozen=True)
class Watch:
    """An item of What to watch: an event after the article's day, or an open question."""

    date: str | None
    when: str
    text: str
    sentences: tuple[str, ...]
    question: bool
    editorial: bool = False


def what_to_watch(d: Dossier) -> list[Watch]:
    """Events ahead and open questions together: dated ones soonest first, then the
    undated, in the order the article raises them. A question drawn from the sentence
    of an event ahead is that event: the event is shown, in the article's words."""
    ahead = [e for e in d.events if e.ahead]
    told = {sid for e in ahead for sid in e.sentences}
    items = [Watch(e.date, e.when, e.text, tuple(e.sentences), False) for e in ahead]
    items += [
        Watch(None, "", q.text, tuple(q.sentences), True, q.editorial)
        for q in d.questions
        if not told & set(q.sentences)
    ]

    def order(w: Watch) -> tuple[bool, str, int]:
        first = int(w.sentences[0][1:]) if w.sentences else 10**6  # the editor's questions last
        return (w.date is None, (w.date or "").split("/")[0], first)

    return sorted(items, key=order)


@dataclass(frozen=True)
class ReadingTime:
    brief_seconds: int  # the In brief (or the editor's summary)
    main_minutes: int  # In brief, What's new, Why it matters, Background, What to watch
    article_minutes: int


def _words(*texts: str) -> int:
    return sum(len(t.split()) for t in texts)


def reading_time(d: Dossier, watch: list[Watch]) -> ReadingTime:
    """`watch`: the page's What to watch (`what_to_watch(d)`)."""
    brief = _words(d.summary) if d.summary else _words(*(s.text for s in d.brief))
    main = brief + _words(*(s.text for s in [*d.news, *d.stakes, *d.background]))
    main += _words(*(w.text for w in watch))
    article = _words(*(s.text for s in d.sentences))
    return ReadingTime(
        brief_seconds=max(5, round(brief * 60 / WORDS_PER_MINUTE / 5) * 5),
        main_minutes=max(1, math.ceil(main / WORDS_PER_MINUTE)),
        article_minutes=max(1, math.ceil(article / WORDS_PER_MINUTE)),
    )


def who_in(d: Dossier, name: str) -> Who | None:
    """The Who's who row of one stakeholder in an explainer (for its entity page)."""
    s = next((s for s in d.stakeholders if s.name == name), None)
    return _who(d, s, _quoted(d)) if s is not None else None
