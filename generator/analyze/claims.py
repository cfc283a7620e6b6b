"""Which claims are hedged, and which rest on no named source.

These are sentence-level judgements from surface cues. They are kept
deliberately conservative: a sentence that matches no cue is left out rather
than guessed into a section. Who said what is attributions.py; what is news, background
or at stake is context.py.
"""

from __future__ import annotations

import calendar
import re

from ..dossier import Attribution, Flag, Stakeholder
from .text import Text

# Cues that a claim rests on someone unnamed.
UNSOURCED_RE = re.compile(
    r"\b(?:reportedly|allegedly|is said to|are said to|rumou?red|revelations|reports (?:indicate|suggest)|"
    r"sources (?:say|said|suggest)|it is understood|unconfirmed reports?|according to (?:sources|reports)|"
    r"(?:people|persons|sources|officials) (?:close to|familiar with))\b",
    re.I,
)
# Who stands unnamed behind a claim an editor should source: generic experts and
# critics, insiders, officials, people "familiar with" a matter. Not a role of someone
# the article names ("his lawyer", "a spokesman"), not a phrase that refers back ("the
# insurer", "the prime minister"), not data or a document ("the sales figures").
_ANONYMOUS_WORDS = """
analyst analysts expert experts economist economists critic critics observer observers commentator
commentators pundit pundits insider insiders source sources trader traders diplomat diplomats official
officials researchers scientists academics
"""
ANONYMOUS = frozenset(_ANONYMOUS_WORDS.split())
_FAMILIAR = re.compile(
    r"\b(?:people|persons?|someone|others)\b.*\b(?:familiar|close|knowledge|briefed)\b"
    r"|\b(?:multiple|several|many|some|most|other)\s+(?:\w+\s+)?(?:people|persons)\b",
    re.I,
)
# "Some consumers", "other proponents of the bill"
_SOME = re.compile(r"^(?:some|many|most|several|other)\s+(?:\w+\s+)?\w+s(?:\s+of\s+.+)?$", re.I)
_PUBLICATION = re.compile(r"^(?:an?\s+)(?:\w+\s+){0,2}(?:survey|study|report|poll|research)$", re.I)
# "reports", "late September revelations": reports of no one's.
_REPORTS = re.compile(r"^(?:[\w-]+\s+){0,2}(?:reports|rumou?rs|revelations|leaks)$", re.I)
_REFERS_BACK = re.compile(r"^(?:the|this|that|these|those|his|her|its|their|our|my)\s", re.I)
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
LEGAL_HEDGES = frozenset({"allegedly"})  # charges a named party brings, not a claim without a source
NEARBY = 2  # sentences either side where a publisher or outlet counts as named
_EXPERT_ROLES = frozenset({"expert", "doctor", "analyst", "economist", "researcher", "scientist"})
_OFFICIALS = frozenset({"official", "officials"})
_NOT_NAMES = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # capitalised, yet no name
# "agency officials", "company officials": officials of a body the article has named.
_BODY_WORDS = """
agency company firm bank ministry department council city club union airline school hospital police
shelter court board commission regulator university
"""
_BODY_NOUNS = frozenset(_BODY_WORDS.split())
# Data, not a source: "other indicators", "some measures", "studies (10, 11)".
_DATA_NOUNS = frozenset({"indicators", "measures", "figures", "data", "statistics", "numbers", "signs"})
_CITED = re.compile(r"\(\d+(?:\s*[,–-]\s*\d+)*\)\W*$")  # a sentence ending in reference numbers
# "a case report published in the journal BMJ Case Reports", "a study by Ofcom"
_PUBLISHER = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:by|from|published in|in the journal|of)\s+(?:the\s+)?[A-Z]")


def anonymous(
    phrase: str,
    sentence: int,
    named: list[Stakeholder],
    text: str = "",
) -> bool:
    """Whether a claim's unnamed source (`phrase`, in sentence number `sentence`, whose
    text is `text`) is one the article does not identify. `named`: the article's
    stakeholders."""
    words = re.findall(r"[\w'-]+", phrase)
    lower = [w.lower() for w in words]
    if not words:
        return False
    people = [h for h in named if h.kind == "person"]
    if words[-1][:1].isupper() and any(h.name.split()[-1] == words[-1] for h in people):
        return False  # "veteran industry analyst Ken Doctor": named after all
    if _FAMILIAR.search(phrase):
        return True
    if re.search(r"\d|%|\bof those\b", phrase) or _SPOKES & set(lower) or _CITED.search(text):
        return False  # respondents and figures; a spokesman speaks for someone named
    if _REFERS_BACK.match(phrase) and len(lower) == 2 and lower[1] in _EXPERT_ROLES:
        # "the expert", "the doctor": refers back only to someone the article gives that role
        return not any(h.role and lower[1] in h.role.lower().split() for h in people)
    if _REFERS_BACK.match(phrase) or _DATA_NOUNS & set(lower):
        return False
    if _named_by_apposition(phrase, text) or _of_a_named_body(words, named):
        return False
    if ANONYMOUS & set(lower) or lower == ["those"]:
        return True
    bodies = [h.name for h in named if h.kind in ("organization", "media")]
    if any(re.search(rf"\b{re.escape(name)}\b", phrase) for name in bodies):
        return False  # "Reuters reports", "Nike's marketing team": a body the article names
    if _SOME.match(phrase) or _REPORTS.match(phrase):
        return True
    if _PUBLICATION.search(phrase):  # "a survey", "a new study": anonymous unless its publisher is named
        after = text.split(phrase, 1)[1] if phrase in text else ""
        return not (_PUBLISHER.match(after) or _named_near(sentence, named, ("organization", "media")))
    return False


def _named_by_apposition(phrase: str, text: str) -> bool:
    """ "market analysts Chart-Track", "analysts the Radicati Group": the name follows."""
    if phrase not in text:
        return False
    after = text.split(phrase, 1)[1]
    after = after[4:] if after.startswith(" the ") else after
    first = re.match(r" ([A-Z][\w&/.-]*)", after)
    return first is not None and first.group(1).rstrip(".") not in _NOT_NAMES


def _of_a_named_body(words: list[str], named: list[Stakeholder]) -> bool:
    """ "NASA officials", "agency officials": the officials of a body the article names
    (a country's are not: "US officials" could be any of thousands)."""
    if len(words) < 2 or words[-1].lower() not in _OFFICIALS:
        return False
    if words[-2].lower() in _BODY_NOUNS:
        return any(h.kind == "organization" for h in named)
    before = " " + " ".join(words[:-1])
    return any(before.endswith(" " + h.name) for h in named if h.kind == "organization")


def _named_near(sentence: int, named: list[Stakeholder], kinds: tuple[str, ...]) -> bool:
    near = {f"s{i}" for i in range(sentence - NEARBY, sentence + NEARBY + 1)}
    return any(h.kind in kinds and near & set(h.sentences) for h in named)


def unsourced(cue: str, sentence: int, named: list[Stakeholder]) -> bool:
    """Whether a cue such as "reportedly" leaves a claim without a source: not where an
    outlet is named beside it (the report is that outlet's), nor "allegedly", a legal
    hedge on a charge."""
    if cue.lower() in LEGAL_HEDGES:
        return False
    return not (
        cue.lower().startswith(("reported", "report", "is said", "are said"))
        and _named_near(sentence, named, ("media",))
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


def unattributed_flags(t: Text, attributions: list[Attribution], named: list[Stakeholder]) -> list[Flag]:
    """Claims an editor should source before publishing: those the article gives to a
    source it does not identify, and those resting on "reportedly" and the like with no
    source. `named`: the article's stakeholders, who may be the source after all."""
    flags = []
    unnamed = {a.sentences[0]: a for a in attributions if not a.named}
    sourced = {sid for a in attributions if a.named for sid in a.sentences}
    for sentence, _ in t.story():
        source = unnamed.get(sentence.id)
        number = int(sentence.id[1:])
        if source is not None and anonymous(source.source, number, named, sentence.text):
            message = (
                f"The claim rests on an unnamed source (“{source.source}”); "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unnamed_source", sentence.text, None, [sentence.id], message))
            continue
        m = UNSOURCED_RE.search(sentence.text)
        if m and sentence.id not in sourced and source is None and unsourced(m.group(0), number, named):
            message = (
                f"The claim rests on “{m.group(0)}” without naming a source; "
                "find the original report or say it is unconfirmed."
            )
            flags.append(Flag("unattributed", sentence.text, None, [sentence.id], message))
    return flags


def hedged_sentence_ids(t: Text) -> list[str]:
    return [s.id for s, _ in t.story() if HEDGE_RE.search(s.text)]
