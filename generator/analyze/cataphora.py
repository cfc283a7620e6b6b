"""Who the lede's unnamed title, or unnamed report, is.

News ledes often give a speaker by title alone and name them a sentence or two on:

    The US stock market watchdog's chairman has said he is willing to soften ...
    In a speech at the LSE, William Donaldson promised "several initiatives".

The title is that person when nothing says otherwise: they are the first person the
article names after it, soon after, nobody else is named between, they speak in the
article themselves, and the role the article or a pack gives them is not another one
("the chancellor" is not a shadow chancellor, nor a prime minister).

A lede's report is often the same: "…, a report suggests." and then "…, the UNECE
said" or "according to a report by UK think-tank Demos". The report is that body's when
it is the one body the next sentences give as speaking or as a report's author, no person
comes first, and the article names no other report's author.
"""

from __future__ import annotations

from dataclasses import replace

from ..dossier import Attribution
from .entities import Entities
from .mentions import TITLE_WORDS
from .people import PERSON_TITLES
from .speakers import (
    NAMED_BODIES,
    PEOPLE_KINDS,
    REPORTS,
    another_office,
    document_author,
    entity_kind,
    role_then,
    sentence_number,
)
from .text import Text

LEDE_SENTENCES = 2  # story sentences the title may be in
NAMED_WITHIN = 3  # sentences after the title the person must be named in
AUTHOR_WITHIN = 2  # sentences after the lede's report its author must be named in
TITLES = (TITLE_WORDS | PERSON_TITLES | {"leader", "captain", "boss"}) - {"officer", "chief", "head"}


def named_after_the_lede(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """`found`, with the lede's unnamed titled speaker named where the article goes on
    to name them (and every later claim under that title given to them too)."""
    story = [int(s.id[1:]) for s, _ in t.story()]
    lede = set(story[:LEDE_SENTENCES])
    who: dict[str, tuple[str, str]] = {}  # unnamed title -> (person, role as written)
    for a in found:
        if a.named or a.source in who or not a.sentences or int(a.sentences[0][1:]) not in lede:
            continue
        person = _introduced_next(t, entities, a, story, found)
        if person is not None:
            who[a.source] = (person, a.source.removeprefix("the ").removeprefix("The "))
    if not who:
        return found
    return [
        replace(a, source=who[a.source][0], role=who[a.source][1], named=True)
        if not a.named and a.source in who
        else a
        for a in found
    ]


def _title(source: str) -> str | None:
    """The title a definite singular source ends in: "the US watchdog's chairman"."""
    words = source.split()
    if len(words) < 2 or words[0].lower() != "the" or words[-1] != words[-1].lower():
        return None
    return words[-1] if words[-1] in TITLES else None


def _introduced_next(
    t: Text, entities: Entities, a: Attribution, story: list[int], found: list[Attribution]
) -> str | None:
    title = _title(a.source)
    if title is None:
        return None
    at = int(a.sentences[0][1:])
    first_named: dict[str, int] = {}
    for span in entities.spans:
        if span.kind in PEOPLE_KINDS:
            first_named.setdefault(span.name, sentence_number(t, span.start))
    if any(n <= at for n in first_named.values()):
        return None  # someone named already: the title may be theirs, or not
    window = [n for n in story if at < n <= at + NAMED_WITHIN]
    newcomers = sorted((n, name) for name, n in first_named.items() if n in window)
    if not newcomers or (len(newcomers) > 1 and newcomers[1][0] == newcomers[0][0]):
        return None
    person = newcomers[0][1]
    speaks = any(b.named and b.source == person for b in found)
    return person if speaks and _may_hold(entities, person, title, a.source) else None


def _may_hold(entities: Entities, person: str, title: str, source: str) -> bool:
    """Whether nothing the article or a pack says of the person gives them another office."""
    role = role_then(entities, person)
    if not role:
        return True
    holds = title in role.lower().replace("-", " ").split()
    return holds and not another_office(role, set(source.lower().split()))


def report_named_after_the_lede(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """`found`, with the lede's unnamed report ("…, a report says", "research suggests")
    given to the body the next sentences name as its author, and every later "the report"
    with it."""
    story = [int(s.id[1:]) for s, _ in t.story()]
    lede = set(story[:LEDE_SENTENCES])
    opening = next(
        (
            a
            for a in found
            if not a.named and a.sentences and int(a.sentences[0][1:]) in lede and _a_report(a.source)
        ),
        None,
    )
    if opening is None:
        return found
    author = _author_named_next(t, entities, int(opening.sentences[0][1:]), story, found)
    if author is None or _authors_of_reports(t, entities) - {author}:
        return found
    written = [a is opening or (not a.named and _the_report(a.source, author)) for a in found]
    return [replace(a, source=author, named=True) if by else a for a, by in zip(found, written, strict=True)]


def _a_report(source: str) -> bool:
    """ "a report", "a new report", "research": a report the words do not name."""
    words = source.lower().split()
    return len(words) <= 4 and words[-1] in REPORTS and (words[0] in ("a", "an") or len(words) == 1)


def _the_report(source: str, author: str) -> bool:
    """ "the report", "the new study", "the study, for net security firm Preventon": the
    one already spoken of."""
    words = source.lower().replace(",", " ").split()
    if author in source and len(words) > 2 and words[0] == "the" and words[1] in REPORTS:
        return True
    return 2 <= len(words) <= 3 and words[0] == "the" and words[-1] in REPORTS


def _author_named_next(
    t: Text, entities: Entities, at: int, story: list[int], found: list[Attribution]
) -> str | None:
    """The one body that speaks, is named a report's author, or (right after the lede's
    report) does what the sentence says, in the first of the next sentences to name a body
    or a person; None where that is a person, or two bodies."""
    for n in (n for n in story if at < n <= at + AUTHOR_WITHIN):
        named = [s for s in entities.spans if sentence_number(t, s.start) == n]
        if any(s.kind in PEOPLE_KINDS for s in named):
            return None
        bodies = {s.name for s in named if s.kind in NAMED_BODIES}
        here = [a for a in found if a.sentences and a.sentences[0] == f"s{n}"]
        if not bodies:
            if here:
                return None  # "according to market analysts In-Stat/MDR": a speaker no one tagged
            continue
        authors = {a.source for a in here if a.named and entity_kind(entities, a.source) in NAMED_BODIES}
        # "say researchers at BDO Stoy Hayward"
        authors |= {b for a in here if not a.named for b in bodies if b in a.source}
        authors |= {
            author
            for w in t.spans[n - 1]
            if w.lower_ in REPORTS and (author := document_author(w, entities)) in bodies
        }
        if not authors and n == min(k for k in story if k > at):
            # "The National Audit Office praised ministers for …"
            authors |= {s.name for s in named if s.name in bodies and _subject_of_the_sentence(t, s.start)}
        return authors.pop() if len(authors) == 1 else None
    return None


def _subject_of_the_sentence(t: Text, i: int) -> bool:
    word = t.tokens[i]
    while word.dep_ == "compound" and word.head.i != word.i:
        word = word.head
    return word.dep_ == "nsubj" and word.head.dep_ == "ROOT"


def _authors_of_reports(t: Text, entities: Entities) -> set[str]:
    """Every body the article names as a report's author."""
    reports = (w for w in t.tokens if w.lower_ in REPORTS)
    return {author for w in reports if (author := document_author(w, entities)) is not None}
