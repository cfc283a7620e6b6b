"""The Dossier: what analysis found in one seed, the contract between stages.

Every item carries `sentences`, the ids (``s1``, ``s2`` …) of the seed
sentences that support it. The JSON form is what `explainer extract --json`
prints and what the cache stores; `from_dict(to_dict(d)) == d` holds.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

SCHEMA_VERSION = 6


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str


@dataclass
class Stakeholder:
    name: str
    kind: str  # country | person | organization | media | place
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    known: bool = True  # listed in a knowledge pack
    country: str | None = None
    editorial: bool = False
    # What the knowledge pack says it is ("Russian state arms exporter"), and which pack.
    description: str | None = None
    pack: str | None = None


@dataclass
class System:
    name: str
    category: str | None = None
    origin: str | None = None
    aliases: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    known: bool = True
    editorial: bool = False
    # What the systems pack says of it (none for a system no pack lists).
    maker: str | None = None
    in_service: int | None = None
    operators: list[str] = field(default_factory=list)
    pack: str | None = None


@dataclass
class GlossaryEntry:
    term: str
    expansion: str | None
    sentences: list[str] = field(default_factory=list)
    kind: str = "acronym"  # law | treaty | acronym


@dataclass
class Event:
    date: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | start/end | None
    when: str  # the date as written in the seed
    text: str
    sentences: list[str] = field(default_factory=list)
    # True when the date was worked out from the article's own date ("last month",
    # "on Tuesday", "in April" in a past-tense sentence): shown beside what was written.
    relative: bool = False
    # Why an event has no date: "year not certain" ("in April" told in no clear tense),
    # "no fixed date" ("last week"), "article date not known" (the seed gives none).
    undated: str | None = None
    # After the article's day (a date later than it, or told in the future): What to watch.
    ahead: bool = False


@dataclass
class Attribution:
    """Who said what: `source` is the fullest name the article gives (or, for an
    unnamed source, its words: "two people familiar with the matter")."""

    source: str
    via: str | None
    claim: str
    sentences: list[str] = field(default_factory=list)
    role: str | None = None  # as the article puts it: "Wikileaks editor-in-chief"
    named: bool = True  # False: "officials said", "a person familiar with the talks"
    quote: bool = False  # the claim is the speaker's own words, in quotation marks


@dataclass
class Relation:
    """`source` <kind> `target`: "United States" sanctions "India"."""

    source: str
    kind: str  # buys from | sells to | opposes | sanctions | partners with
    target: str
    sentences: list[str] = field(default_factory=list)


@dataclass
class Statement:
    """A background statement or an open question."""

    text: str
    sentences: list[str] = field(default_factory=list)
    editorial: bool = False


@dataclass
class Flag:
    kind: str  # unknown_designation | transliteration | unattributed | conflict
    text: str
    suggestion: str | None
    sentences: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class Dossier:
    slug: str
    title: str
    date: str | None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: str | None = None  # the editor's, from front matter; never generated
    sentences: list[Sentence] = field(default_factory=list)
    brief: list[Statement] = field(default_factory=list)  # In brief: what happened
    news: list[Statement] = field(default_factory=list)  # What's new: the article's own days
    stakes: list[Statement] = field(default_factory=list)  # Why it matters
    stakeholders: list[Stakeholder] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    background: list[Statement] = field(default_factory=list)
    questions: list[Statement] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    seed_file: str = ""
    story: str | None = None  # the editor's `story:`: a story's name, or "own"

    def sentence_text(self, sid: str) -> str:
        # Ids are s1, s2, … in order, so the number is the position.
        n = int(sid[1:]) if sid[1:].isdigit() else 0
        if 0 < n <= len(self.sentences) and self.sentences[n - 1].id == sid:
            return self.sentences[n - 1].text
        raise KeyError(sid)


_ITEM_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "stakeholders": Stakeholder,
    "systems": System,
    "glossary": GlossaryEntry,
    "events": Event,
    "attributions": Attribution,
    "relations": Relation,
    "background": Statement,
    "brief": Statement,
    "news": Statement,
    "stakes": Statement,
    "questions": Statement,
    "flags": Flag,
}

T = TypeVar("T")


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _build(cls: type[T], data: dict[str, Any]) -> T:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
    if names.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in names})


def to_dict(dossier: Dossier) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, **asdict(dossier)}


def from_dict(data: dict[str, Any]) -> Dossier:
    plain = {k: v for k, v in data.items() if k not in _ITEM_TYPES and k != "schema"}
    items: dict[str, list[Any]] = {
        k: [_build(cls, x) for x in data.get(k, [])] for k, cls in _ITEM_TYPES.items()
    }
    return _build(Dossier, {**plain, **items})


def to_json(dossier: Dossier) -> str:
    return json.dumps(to_dict(dossier), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> Dossier:
    return from_dict(json.loads(text))
