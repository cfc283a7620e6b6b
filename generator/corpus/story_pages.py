"""A story's explainer: what every report of one story says together.

Each line cites its report and sentence. The newest report gives the title and the In
brief; What's new is what it adds over the earlier ones (sentences, actors, events they
do not have); Background is every report's, told once; Who's who merges the reports'
(one entry per entity, its role as the latest report gives it, and an earlier one
where it changed); the timeline tells each event once, citing every report that tells
it, and where two reports give one event two dates, both are shown with their
sources; what lay ahead in an earlier report is followed up where a later one tells it as
done, or still open.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..dossier import Attribution, Dossier, Event, Stakeholder, Statement
from .entity_pages import named
from .identity import Identities
from .stories import STOP_WORDS

WORD = re.compile(r"[a-z0-9][a-z0-9'-]+")
# A story of twenty reports would otherwise repeat most of them: each list shows its
# most telling part, and the reports, linked at the end, hold the rest.
BACKGROUND_SHOWN = 8
ACTORS_SHOWN = 15
QUESTIONS_SHOWN = 10
SPEAKERS_SHOWN = 6
CLAIMS_SHOWN = 2
SAME_SENTENCE = 0.6  # word overlap (Jaccard) above which two sentences say the same
# What kind of event a dated sentence tells, by its words' stems: two reports' "the
# auction" and "was auctioned" are one event when they are of the same actors.
_EVENT_STEMS = """
auction sale sell sold buy bought bid offer takeover merge merger deal acquisition acquir
bankrupt bankruptcy court trial hear hearing verdict ruling rule appeal sentenc jail charg convict
acquit arrest resign quit sack elect election vote ballot referendum poll campaign launch releas
publish open close strike protest meet meeting summit talk visit sign treaty agreement budget
report result profit loss fine ban law bill debate announc deadline delay postpon cancel
rais cut lower increas invest list float
"""
EVENT_STEMS = frozenset(_EVENT_STEMS.split())


def event_kinds(text: str) -> set[str]:
    """The event stems a sentence's words begin with ("auctioned" -> "auction")."""
    out = set()
    for w in WORD.findall(text.lower()):
        for n in range(len(w), 2, -1):
            if w[:n] in EVENT_STEMS:
                out.add(w[:n])
                break
    return out


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP_WORDS)


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_SENTENCE


@dataclass(frozen=True)
class Cited:
    """A line of the story's page: the words of one report's sentence, and where."""

    text: str
    slug: str  # the report's explainer
    sentences: tuple[str, ...]
    also: tuple[tuple[str, tuple[str, ...]], ...] = ()  # other reports telling the same


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    kind: str
    role: str | None  # as the latest report naming it gives it
    earlier_role: str | None  # a different role an earlier report gave
    reports: tuple[str, ...]  # explainers naming it, oldest first
    page: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    when: str
    text: str
    told: tuple[tuple[str, tuple[str, ...]], ...]  # (report, sentences), each report once


@dataclass(frozen=True)
class Disagreement:
    subject: str
    claims: tuple[tuple[str, str, tuple[str, ...]], ...]  # (value, report, sentences)


@dataclass(frozen=True)
class Speaker:
    name: str
    claims: list[tuple[Attribution, str]]  # (claim, report), the latest, oldest first
    total: int  # claims in all reports


@dataclass(frozen=True)
class Question:
    text: str
    slug: str
    sentences: tuple[str, ...]
    answer: Cited | None  # a later report's sentence that tells it as done


class StoryPage:
    """One story's page. What it says is worked out when it is rendered: a run renders
    only the pages whose inputs changed."""

    def __init__(
        self,
        path: str,
        reports: list[Dossier],
        copies: dict[str, str],
        identities: Identities,
        actor_keys: frozenset[str] = frozenset(),
    ):
        self.path = path  # "stories/yukos-sale.md"
        self.reports = reports  # oldest first, copies left out
        self.copies = copies  # a report filed again (its explainer) -> the report it repeats
        self.actor_keys = actor_keys  # who the story is about (not a name given in passing)
        self._identities = identities

    @property
    def latest(self) -> Dossier:
        return self.reports[-1]

    @property
    def title(self) -> str:
        return self.latest.title

    @property
    def slugs(self) -> list[str]:
        return [d.slug for d in self.reports]

    @cached_property
    def brief(self) -> list[Cited]:
        return [Cited(s.text, self.latest.slug, tuple(s.sentences)) for s in self.latest.brief]

    @cached_property
    def _new(self) -> tuple[list[Cited], list[str]]:
        return _new_in_latest(self.reports, self._identities)

    @property
    def new(self) -> list[Cited]:
        return self._new[0]

    @property
    def new_actors(self) -> list[str]:
        return self._new[1]

    @cached_property
    def all_background(self) -> list[Cited]:
        return _background(self.reports)

    @property
    def background(self) -> list[Cited]:
        """The first `BACKGROUND_SHOWN` (the reports hold the rest)."""
        return self.all_background[:BACKGROUND_SHOWN]

    @cached_property
    def actors(self) -> list[Actor]:
        """Who the story is about (named in a report's headline or In brief, or in two
        of its sentences): a name given in passing is on that report's explainer."""
        return sorted(self.all_actors, key=lambda a: -len(a.reports))[
            :ACTORS_SHOWN
        ]  # stable: first named first

    @cached_property
    def all_actors(self) -> list[Actor]:
        return [a for a in _actors(self.reports, self._identities) if a.key in self.actor_keys]

    @cached_property
    def _event_keys(self) -> dict[int, set[tuple[str, str]]]:
        """What each report's events are about, worked out once for the timeline and the
        questions: the id of the event -> its (kind of event, actor) pairs."""
        return {id(e): _event_keys(e, d, self._identities) for d in self.reports for e in d.events}

    @cached_property
    def _timeline(self) -> tuple[list[TimelineEntry], list[Disagreement]]:
        return _timeline(self.reports, self._identities, self._event_keys)

    @property
    def timeline(self) -> list[TimelineEntry]:
        return self._timeline[0]

    @property
    def disagreements(self) -> list[Disagreement]:
        return self._timeline[1]

    @cached_property
    def all_questions(self) -> list[Question]:
        return _questions(self.reports, self._event_keys)

    @property
    def questions(self) -> list[Question]:
        """Those a later report followed up first, then the latest reports' open ones."""
        answered = [q for q in self.all_questions if q.answer]
        still_open = [q for q in reversed(self.all_questions) if not q.answer]
        return (answered + still_open)[:QUESTIONS_SHOWN]

    @cached_property
    def sources(self) -> list[Speaker]:
        return _sources(self.reports, self._identities)


def _told_before(text: str, earlier: list[Dossier]) -> bool:
    mine = words(text)
    return any(similar(mine, words(s.text)) for d in earlier for s in d.sentences)


def _new_in_latest(reports: list[Dossier], identities: Identities) -> tuple[list[Cited], list[str]]:
    """What the newest report adds besides its In brief: its news and dated sentences that
    no earlier report tells, and the actors no earlier report names."""
    latest, earlier = reports[-1], reports[:-1]
    candidates: list[Statement] = [*latest.news]
    candidates += [Statement(e.text, list(e.sentences)) for e in latest.events if e.date]
    seen = {" ".join(b.sentences) for b in latest.brief}  # the page's In brief tells those
    new = []
    for statement in candidates:
        key = " ".join(statement.sentences)
        if key in seen or _told_before(statement.text, earlier):
            continue
        seen.add(key)
        new.append(Cited(statement.text, latest.slug, tuple(statement.sentences)))
    before = {
        e.key for d in earlier for item in named(d) if (e := identities.entity(d.slug, item.name)) is not None
    }
    actors = []
    for item in named(latest):
        e = identities.entity(latest.slug, item.name)
        if e is not None and not e.unresolved and e.key not in before and len(item.sentences) >= 2:
            actors.append(e.name)
    return new, sorted(dict.fromkeys(actors))


def _background(reports: list[Dossier]) -> list[Cited]:
    """Every report's background, each statement once (the first report telling it),
    with the other reports that tell it too."""
    out: list[tuple[frozenset[str], Cited, list[tuple[str, tuple[str, ...]]]]] = []
    for d in reports:
        for item in d.background:
            mine = words(item.text)
            match = next((entry for entry in out if similar(mine, entry[0])), None)
            if match is None:
                out.append((mine, Cited(item.text, d.slug, tuple(item.sentences)), []))
            elif match[1].slug != d.slug:
                match[2].append((d.slug, tuple(item.sentences)))
    return [Cited(c.text, c.slug, c.sentences, tuple(also)) for _, c, also in out]


@dataclass
class _Seen:
    name: str
    kind: str
    roles: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)


def _actors(reports: list[Dossier], identities: Identities) -> list[Actor]:
    """One entry per entity the reports name, in the order the story first names them."""
    seen: dict[str, _Seen] = {}
    for d in reports:  # oldest first: the last role written is the latest
        for item in named(d):
            e = identities.entity(d.slug, item.name)
            if e is None or e.unresolved:
                continue
            entry = seen.setdefault(e.key, _Seen(e.name, e.kind))
            role = item.role if isinstance(item, Stakeholder) else item.category
            if role and (not entry.roles or entry.roles[-1] != role):
                entry.roles.append(role)
            if d.slug not in entry.reports:
                entry.reports.append(d.slug)
    out = []
    for key, x in seen.items():
        earlier = x.roles[-2] if len(x.roles) > 1 else None
        out.append(Actor(key, x.name, x.kind, x.roles[-1] if x.roles else None, earlier, tuple(x.reports)))
    return out


def _event_keys(e: Event, d: Dossier, identities: Identities) -> set[tuple[str, str]]:
    """What an event is about: its kind of event ("visit") and who, across the corpus."""
    nouns = event_kinds(e.text)
    who = set()
    for item in named(d):
        entity = identities.entity(d.slug, item.name)
        if entity is not None and not entity.unresolved and set(item.sentences) & set(e.sentences):
            who.add(entity.key)
    return {(n, w) for n in nouns for w in who}


@dataclass
class _Told:
    date: str
    when: str
    text: str
    words: frozenset[str]
    keys: set[tuple[str, str]]
    told: list[tuple[str, tuple[str, ...]]]


def _timeline(
    reports: list[Dossier], identities: Identities, event_keys: dict[int, set[tuple[str, str]]]
) -> tuple[list[TimelineEntry], list[Disagreement]]:
    """Each dated event once, citing every report that tells it (the same date and the
    same words, or the same kind of event of the same actors); where two reports date
    one such event differently, a disagreement."""
    entries: list[_Told] = []
    by_key: dict[tuple[str, str], list[tuple[str, str, tuple[str, ...]]]] = defaultdict(list)
    for d in reports:
        for e in d.events:
            if not e.date:
                continue
            keys = event_keys[id(e)]
            for key in keys:
                by_key[key].append((e.date, d.slug, tuple(e.sentences)))
            mine = words(e.text)
            same = next(
                (x for x in entries if x.date == e.date and (similar(mine, x.words) or keys & x.keys)), None
            )
            if same is None:
                entries.append(_Told(e.date, e.when, e.text, mine, keys, [(d.slug, tuple(e.sentences))]))
            elif all(slug != d.slug for slug, _ in same.told):
                same.told.append((d.slug, tuple(e.sentences)))
    timeline = [
        TimelineEntry(x.date, x.when, x.text, tuple(x.told)) for x in sorted(entries, key=lambda x: x.date)
    ]
    names = {e.key: e.name for e in identities.entities}
    disagreements = []
    for (kind, who), claims in sorted(by_key.items()):
        dates = {c[0] for c in claims}
        if len(dates) > 1 and len({c[1] for c in claims}) > 1 and not _overlapping(dates):
            subject = f"date of the {kind} ({names.get(who, who)})"
            disagreements.append(Disagreement(subject, tuple(sorted(claims))))
    return timeline, disagreements


def _overlapping(dates: set[str]) -> bool:
    """Whether the dates can all be one day ("2005-03" and "2005-03-15" can)."""
    ordered = sorted(dates, key=len)
    return all(d.startswith(ordered[0].split("/")[0]) for d in ordered)


def _questions(reports: list[Dossier], event_keys: dict[int, set[tuple[str, str]]]) -> list[Question]:
    """What lay ahead in a report, and whether a later report tells it as done: the same
    kind of event of the same actors, no longer ahead. Open questions the analysis
    found are listed as still open unless such an event answers them."""
    out = []
    for i, d in enumerate(reports):
        later = reports[i + 1 :]
        ahead = [e for e in d.events if e.ahead]
        for e in ahead:
            keys = event_keys[id(e)]
            answer = None
            for other in later:
                done = next(
                    (x for x in other.events if not x.ahead and keys & event_keys[id(x)]),
                    None,
                )
                if done is not None:
                    answer = Cited(done.text, other.slug, tuple(done.sentences))
            out.append(Question(e.text, d.slug, tuple(e.sentences), answer))
        for q in d.questions:
            if q.editorial:
                continue
            out.append(Question(q.text, d.slug, tuple(q.sentences), None))
    return out


def _sources(reports: list[Dossier], identities: Identities) -> list[Speaker]:
    """Who said what, in which report: the named speakers (as the corpus names them)
    who said most, each with their latest claims."""
    said: dict[str, list[tuple[Attribution, str]]] = {}
    for d in reports:
        for a in d.attributions:
            entity = identities.entity(d.slug, a.source) if a.named else None
            if entity is not None and not entity.unresolved:
                said.setdefault(entity.name, []).append((a, d.slug))
    ranked = sorted(said.items(), key=lambda kv: -len(kv[1]))[:SPEAKERS_SHOWN]  # stable: first named first
    return [Speaker(who, claims[-CLAIMS_SHOWN:], len(claims)) for who, claims in ranked]
