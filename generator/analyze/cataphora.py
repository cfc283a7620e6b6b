"""Who the lede's unnamed title is.

News ledes often give a speaker by title alone and name them a sentence or two on:

    The US stock market watchdog's chairman has said he is willing to soften ...
    In a speech at the LSE, William Donaldson promised "several initiatives".

The title is that person when nothing says otherwise: they are the first person the
article names after it, soon after, nobody else is named between, they speak in the
article themselves, and the role the article or a pack gives them is not another one
("the chancellor" is not a shadow chancellor, nor a prime minister).
"""

from __future__ import annotations

from dataclasses import replace

from ..dossier import Attribution
from .entities import Entities
from .mentions import TITLE_WORDS
from .people import PERSON_TITLES
from .speakers import PEOPLE_KINDS, another_office, role_then, sentence_number
from .text import Text

LEDE_SENTENCES = 2  # story sentences the title may be in
NAMED_WITHIN = 3  # sentences after the title the person must be named in
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
