"""Which claims are hedged, and which rest on no named source.

These are sentence-level judgements from surface cues. They are kept
deliberately conservative: a sentence that matches no cue is left out rather
than guessed into a section. A claim's text is trimmed here for every stage that
shows one. Who said what is attributions.py (the verbs and claims) and speakers.py (who
the speaker is); what is news, background or at stake is context.py.
"""

from __future__ import annotations

import re

from ..dossier import Attribution, Flag, Stakeholder
from .anonymity import anonymous, unsourced
from .text import Text, clean, quotation_open

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


QUOTED = re.compile(r"^\s*[\"“]")


def unattributed_flags(t: Text, attributions: list[Attribution], named: list[Stakeholder]) -> list[Flag]:
    """Claims an editor should source before publishing: those the article gives to a
    source it does not identify, and those resting on "reportedly" and the like with no
    source. `named`: the article's stakeholders, who may be the source after all."""
    flags = []
    unnamed = {a.sentences[0]: a for a in attributions if not a.named}
    sourced: dict[str, list[str]] = {}  # sentence -> its named speakers' claims
    for a in attributions:
        if a.named:
            for sid in a.sentences:
                sourced.setdefault(sid, []).append(a.claim)
    article = {int(s.id[1:]): s.text for s, _ in t.story()}
    for sentence, _ in t.story():
        source = unnamed.get(sentence.id)
        number = int(sentence.id[1:])
        if source is not None and anonymous(source.source, number, named, sentence.text, article):
            message = (
                f"The claim rests on an unnamed source (“{source.source}”); "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unnamed_source", sentence.text, None, [sentence.id], message))
            continue
        m = UNSOURCED_RE.search(sentence.text)
        # a sentence opening a quotation is its speaker's words, cue and all ("These revelations")
        no_source = (
            not _hedge_sourced(sentence.text, m.group(0) if m else "", sourced.get(sentence.id, []))
            and source is None
            and not QUOTED.match(sentence.text)
        )
        if m and no_source and unsourced(m.group(0), number, named, article):
            message = (
                f"The claim rests on “{m.group(0)}” without naming a source; "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unattributed", sentence.text, None, [sentence.id], message))
    return flags


def _hedge_sourced(sentence: str, hedge: str, claims: list[str]) -> bool:
    """Whether a named speaker's claim holds the hedged words: one that is most of the
    sentence, or has the hedge in it. "GateHouse reportedly laid off 60 (the company
    called it 'immaterial')" still rests on "reportedly"."""
    words = len(sentence.split())
    return any(hedge.lower() in c.lower() or len(c.split()) * 2 >= words for c in claims)


def hedged_sentence_ids(t: Text) -> list[str]:
    return [s.id for s, _ in t.story() if HEDGE_RE.search(s.text)]


QUOTES_OPEN = '“"‘'
QUOTES_CLOSE = '”"’'


def strip_claim(text: str) -> str:
    """A claim's text as a page shows it: no "that" or colon before it, no full stop
    after, no quotation mark left open at one end only."""
    text = re.sub(r"\s*,(?:\s*,)+", ",", clean(text))  # where a cited source was taken out
    # 'He added: "…"' taken whole: the words after the colon are the claim
    text = re.sub(
        r"^(?:He|She|They|It|[A-Z][a-z]+) (?:added|said|says|adds|continued|went on):\s+(?=[\"“])", "", text
    )
    # "that" opening a claim, not the pronoun: "Apple says that is what you can expect"
    text = re.sub(r"^(?:that(?!\s+(?:is|was|'s|will|would|has|had|seems?)\b)|:|,)\s+", "", text)
    text = text.strip(" ,;:—–-")
    if text[:1] in QUOTES_OPEN and text.count(text[:1]) + text.count("”") <= 2:
        text = text[1:]
    text = text.rstrip(".")
    text = text.strip(" ,;:" + QUOTES_OPEN + QUOTES_CLOSE)
    if quotation_open(text):
        # `the plans as "fantasy economics"`: the closing mark the strip took, given back
        opening = max(text.rfind('"'), text.rfind("“"))
        text += "”" if text[opening] == "“" else '"'
    return text
