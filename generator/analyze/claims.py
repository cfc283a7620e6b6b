"""What is background, and which claims are hedged or unsourced.

These are sentence-level judgements from surface cues. They are kept
deliberately conservative: a sentence that matches no cue is left out rather
than guessed into a section. Who said what is attributions.py.
"""

from __future__ import annotations

import re

from ..dossier import Attribution, Flag, Statement
from .text import Text

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
    r"proposed|risks|likely|unclear|uncertain|possible|possibly|would|yet to|scheduled|due to|set to|"
    r"aims? to|hopes? to|under investigation|unknown|verify|confirm|declined to|did not (?:say|disclose)|"
    r"will|questions (?:about|over))\b"
    r"|\?\s*[”\"]?$",
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


def unattributed_flags(t: Text, attributions: list[Attribution]) -> list[Flag]:
    """Claims an editor should source before publishing: those the article gives to an
    unnamed source, and those resting on "reportedly" and the like with no source."""
    flags = []
    unnamed = {a.sentences[0]: a for a in attributions if not a.named}
    named = {sid for a in attributions if a.named for sid in a.sentences}
    for sentence, _ in t.story():
        source = unnamed.get(sentence.id)
        if source is not None:
            message = (
                f"The claim rests on an unnamed source (“{source.source}”); "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unnamed_source", sentence.text, None, [sentence.id], message))
            continue
        m = UNSOURCED_RE.search(sentence.text)
        if m and sentence.id not in named:
            message = (
                f"The claim rests on “{m.group(0)}” without naming a source; "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unattributed", sentence.text, None, [sentence.id], message))
    return flags


def hedged_sentence_ids(t: Text) -> list[str]:
    return [s.id for s, _ in t.story() if HEDGE_RE.search(s.text)]


def extract_background(t: Text, event_sids: set[str]) -> list[Statement]:
    """Context and history: sentences in the perfect tense or with history cues."""
    out = []
    for sentence, _ in t.story():
        if BACKGROUND_RE.search(sentence.text) and not (
            sentence.id in event_sids and "had " in sentence.text
        ):
            out.append(Statement(sentence.text, [sentence.id]))
    return out
