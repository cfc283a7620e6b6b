"""Who buys from, sells to, opposes, sanctions or partners with whom.

A relation is read off one sentence: a cue ("imposing sanctions on") between
two stakeholder mentions, the actor being the nearest country or organisation
before the cue and the other party the nearest after it. Only explicit cues
count; every relation keeps the sentence it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dossier import Relation, Stakeholder
from .text import Text

PARTY_KINDS = ("country", "organization")


@dataclass(frozen=True)
class _Cue:
    kind: str
    pattern: re.Pattern[str]


def _cue(kind: str, pattern: str) -> _Cue:
    return _Cue(kind, re.compile(pattern))


_BUY = r"purchas\w*|buy\w*|bought|acqui\w*|procur\w*|import\w*|order\w*"
_SELL = r"sell\w*|sold|supplie[sd]|supplying|export(?:s|ed|ing)|deliver\w*"
_BUY_NOW = r"to\s+(?:purchase|buy|procure|acquire)|bought|purchased|procured|acquired"

CUES = [
    # "Washington imposing sanctions on India", "the EU sanctioned Rosneft"
    _cue("sanctions", r"\b(?:impos|slapp|levy)\w*\s+(?:new\s+|further\s+)?sanctions\s+(?:on|against)\b"),
    _cue("sanctions", r"\bsanction(?:ed|ing)\b"),
    # "which has consistently opposed New Delhi's procurement"
    _cue("opposes", r"\b(?:oppos(?:e|es|ed|ing)|object(?:s|ed|ing)?\s+to|condemn(?:s|ed|ing)?)\b"),
    # "plans to purchase 140 Su-57 fighters from Russia"
    _cue("buys from", rf"\b(?:{_BUY})\b[^.;]*?\bfrom\b"),
    # "to purchase Russian fighter aircraft", "New Delhi's procurement of Russian weapons"
    _cue("buys from", rf"\b(?:{_BUY_NOW})\s+(?=[A-Z])"),
    _cue("buys from", r"[’']s\s+(?:procurement|purchases?|acquisitions?|imports?)\s+of\s+(?=[A-Z])"),
    # "signed a contract for 180 K2 tanks from Hyundai Rotem", "China receives Russian gas"
    _cue("buys from", r"\b(?:contract|deal|order)\b[^.;]*?\bfrom\b"),
    _cue("buys from", r"\breceiv(?:es|ed|ing)\s+(?=[A-Z])"),
    # "India has long relied on Russia for military hardware"
    _cue("buys from", r"\brel(?:y|ies|ied|ying)\s+on\b(?=[^.;]*\bfor\b)"),
    # "Russia will deliver the S-400 to India"
    _cue("sells to", rf"\b(?:{_SELL})\b[^.;]*?\bto\b"),
    # "India-Russia cooperation", "a partnership with Moscow"
    _cue("partners with", r"\b(?:cooperation|partnership|alliance|ties)\s+with\b"),
    _cue("partners with", r"(?<=\w)[-–](?=\w+\s+(?:cooperation|partnership|ties)\b)"),
]


def _mentions(sentence: str, stakeholders: list[Stakeholder]) -> list[tuple[int, int, str]]:
    """(start, end, name) of every country or organisation mention, left to right."""
    found: list[tuple[int, int, str]] = []
    for s in stakeholders:
        if s.kind not in PARTY_KINDS:
            continue
        for form in sorted({s.name, *s.aliases}, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence):
                if not any(a < m.end() and m.start() < b for a, b, _ in found):
                    found.append((m.start(), m.end(), s.name))
    return sorted(found)


def extract_relations(t: Text, stakeholders: list[Stakeholder]) -> list[Relation]:
    by_key: dict[tuple[str, str, str], Relation] = {}
    for sentence, _ in t.story():
        mentions = _mentions(sentence.text, stakeholders)
        if len({name for _, _, name in mentions}) < 2:
            continue
        for cue in CUES:
            for m in cue.pattern.finditer(sentence.text):
                before = [x for x in mentions if x[1] <= m.start()]
                after = [x for x in mentions if x[0] >= m.end() - 1]
                if not before or not after:
                    continue
                actor, other = before[-1][2], after[0][2]
                if actor == other:
                    continue
                key = (actor, cue.kind, other)
                relation = by_key.setdefault(key, Relation(actor, cue.kind, other, []))
                if sentence.id not in relation.sentences:
                    relation.sentences.append(sentence.id)
    return sorted(by_key.values(), key=lambda r: (int(r.sentences[0][1:]), r.source, r.kind, r.target))
