"""Who said what, what is background, and which claims are hedged or unsourced.

These are sentence-level judgements from surface cues. They are kept
deliberately conservative: a sentence that matches no cue is left out rather
than guessed into a section.
"""

from __future__ import annotations

import re

from ..dossier import Attribution, Flag, Stakeholder, Statement
from .text import Text

_NAME = r"(?P<source>(?:The\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|the|for|[A-Z][\w.&’'-]*))*)"
_VIA = r"(?:,?\s+(?:citing|quoting)\s+(?P<via>[^,]+))?"
_REPORT_VERBS = (
    r"reported|reports|said|says|told|stated|announced|claimed|claims|confirmed|wrote|"
    r"writes|quoted|noted|revealed|disclosed|added"
)
ATTRIBUTION_PATTERNS = [
    # According to Bloomberg, citing an anonymous source, CLAIM
    re.compile(rf"\b[Aa]ccording to {_NAME}{_VIA},\s+(?P<claim>.+)$"),
    # The Times of India reported on November 27 that CLAIM
    re.compile(
        rf"{_NAME}(?:,\s+(?:citing|quoting)\s+(?P<via>[^,]+),)?\s+(?:{_REPORT_VERBS})"
        r"(?:\s+(?:on|in|late|early|last|this)\s+[\w\s-]{1,30}?)?\s+that\s+(?P<claim>.+)$"
    ),
    # CLAIM, Reuters reported (citing …).
    re.compile(rf"^(?P<claim>.+?),\s+{_NAME}\s+(?:{_REPORT_VERBS}){_VIA}\.?$"),
]
# Cues that a claim rests on someone unnamed.
UNSOURCED_RE = re.compile(
    r"\b(?:reportedly|allegedly|is said to|are said to|rumou?red|revelations|reports (?:indicate|suggest)|"
    r"sources (?:say|said|suggest)|it is understood|unconfirmed reports?|according to (?:sources|reports)|"
    r"(?:people|persons|sources|officials) (?:close to|familiar with))\b",
    re.I,
)
# Hedges: the sentence states something not (yet) settled.
HEDGE_RE = re.compile(
    r"\b(?:reportedly|considering|considers|plans? to|planning to|intends? to|expected to|"
    r"if (?:finali[sz]ed|approved|signed|confirmed|completed)|could|may|might|potential|whether|"
    r"proposed|risks|likely|unclear|uncertain|possible|possibly|would)\b",
    re.I,
)
BACKGROUND_RE = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:(?:long|already|consistently|repeatedly|previously|historically|"
    r"traditionally|also|been|often)\s+)*(?!to\b)[a-z]+(?:ed|en|wn|ung|ound|ought|aught|ade|eld|et)\b|"
    r"had\s+(?:long|already|previously|earlier)|long-standing|longstanding|for decades|"
    r"for years|historically|traditionally|since (?:19|20)\d\d|in (?:19|20)\d\d|"
    r"broader (?:context|strategy)|part of a broader)",
    re.I,
)


def _source_name(raw: str, stakeholders: list[Stakeholder]) -> str | None:
    """The stakeholder a source phrase names, or None if it names none."""
    raw = re.sub(r"^(?:the)\s+", "", raw.strip(), flags=re.I)
    for s in stakeholders:
        for form in (s.name, *s.aliases):
            bare = re.sub(r"^(?:the)\s+", "", form, flags=re.I)
            if bare and (raw == bare or raw.startswith(bare + " ")):
                return s.name
    return None


def extract_attributions(t: Text, stakeholders: list[Stakeholder]) -> list[Attribution]:
    found = []
    for sentence in t.sentences:
        for pattern in ATTRIBUTION_PATTERNS:
            m = pattern.search(sentence.text)
            if not m:
                continue
            source = _source_name(m["source"], stakeholders)
            if source is None:
                continue
            via = m.groupdict().get("via")
            claim = m["claim"].strip().rstrip(".")
            found.append(Attribution(source, via.strip() if via else None, claim, [sentence.id]))
            break
    return found


def unattributed_flags(t: Text, attributions: list[Attribution]) -> list[Flag]:
    attributed = {sid for a in attributions for sid in a.sentences}
    flags = []
    for sentence in t.sentences:
        m = UNSOURCED_RE.search(sentence.text)
        if m and sentence.id not in attributed:
            message = (
                f"The claim rests on “{m.group(0)}” without naming a source; "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unattributed", sentence.text, None, [sentence.id], message))
    return flags


def hedged_sentence_ids(t: Text) -> list[str]:
    return [s.id for s in t.sentences if HEDGE_RE.search(s.text)]


def extract_background(t: Text, event_sids: set[str]) -> list[Statement]:
    """Context and history: sentences in the perfect tense or with history cues."""
    out = []
    for sentence in t.sentences:
        if BACKGROUND_RE.search(sentence.text) and not (
            sentence.id in event_sids and "had " in sentence.text
        ):
            out.append(Statement(sentence.text, [sentence.id]))
    return out
