"""Small grammar helpers over spaCy tokens: word class, lemma, tense.

The pipeline runs without spaCy's attribute ruler and lemmatizer (see nlp.py):
word classes come from the tagger's fine-grained tags, and the few lemmas the
analysis needs are computed on demand with the model's own lemmatizer rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

# The tagger's Penn Treebank tags -> universal parts of speech (the mapping the
# model's attribute ruler applies).
TAG_POS = {
    "_SP": "SPACE", ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT",
    '""': "PUNCT", "''": "PUNCT", ":": "PUNCT", "$": "SYM", "#": "SYM", "AFX": "ADJ", "CC": "CCONJ",
    "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NIL": "X", "NN": "NOUN", "NNP": "PROPN",
    "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "WDT": "DET", "WP": "PRON", "WP$": "DET", "WRB": "SCONJ", "ADD": "X", "NFP": "PUNCT", "XX": "X",
}  # fmt: skip
AUXILIARIES = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}
FUTURE_MARKERS = {"will", "'ll", "’ll", "shall", "wo"}
# "is expected to", "is scheduled for", "is due to": the event lies ahead.
SCHEDULE_WORDS = {
    "expected", "scheduled", "due", "set", "slated", "planned", "poised", "going", "likely", "plan", "plans",
    "hope", "hopes", "aim", "aims", "intend", "intends", "upcoming", "next", "later", "forthcoming",
}  # fmt: skip

_LEMMATIZER: Any = None
# (word, part of speech) -> lemma. The lemmatizer keeps no cache for the forms it
# returns early (proper nouns, base forms), which are most of the words asked about.
_LEMMAS: dict[tuple[int, str], str] = {}


def use_lemmatizer(lemmatizer: Any) -> None:
    """The model's lemmatizer, whose rules `lemma` applies one token at a time."""
    global _LEMMATIZER
    _LEMMATIZER = lemmatizer
    _LEMMAS.clear()


def pos(token: Token) -> str:
    return TAG_POS.get(token.tag_, "X")


def coarse(token: Token) -> str:
    """The token's coarse part of speech ("NOUN", "VERB", "AUX"), from its tag where the
    pipeline set none (only `lemma` sets it, on the tokens it is asked about)."""
    return str(token.pos_) or ("AUX" if token.lower_ in AUXILIARIES else pos(token))


def lemma(token: Token) -> str:
    """The token's lemma ("said" -> "say"), computed on first use."""
    if token.lemma_:
        return str(token.lemma_)
    if _LEMMATIZER is None:
        return str(token.lower_)
    if not token.pos_:
        token.pos_ = "AUX" if token.lower_ in AUXILIARIES else pos(token)
    key = (token.orth, token.pos_)
    known = _LEMMAS.get(key)
    if known is None:
        try:
            found = _LEMMATIZER.rule_lemmatize(token)
        except (KeyError, ValueError):
            found = [token.lower_]
        known = _LEMMAS[key] = found[0] if found else token.lower_
    token.lemma_ = known
    return known


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
TIMES_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midnight"}


def governing_verb(token: Token) -> Token | None:
    """The verb a word belongs to: "evicted" for "April" in "was evicted in April"."""
    current = token
    for _ in range(30):  # heads of heads, never past the sentence root
        if is_verb(current) and current.dep_ not in ("amod", "compound"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def hangs_on_noun(token: Token) -> bool:
    """Whether a word modifies a noun ("Trump's July 25 call", "the testimony Tuesday",
    "the three fatalities on Tuesday") rather than a verb: the clause's tense then says
    when the noun is talked about, not when its event happened."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    if head.lower_ in TIMES_OF_DAY and head.dep_ == "poss" and head.head.tag_ in NOUN_TAGS:
        return True  # "after Monday night's loss": the loss was on Monday night
    if head.i == token.i or head.tag_ not in NOUN_TAGS or head.lower_ in TIMES_OF_DAY:
        return False  # "Thursday morning" is one date, whose verb governs it
    return token.dep_ in ("compound", "nmod", "npadvmod", "poss", "nummod", "amod", "pobj")


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _told_in_past(verb: Token) -> bool:
    if verb.tag_ == "VBD" or _auxiliaries(verb) & {"was", "were", "had", "did"}:
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "acl") and not _auxiliaries(verb):
        # A main verb read as a participle ("OSLA (Wire) — Forty fishermen gathered …",
        # "Man arrested in Oslo"), or a participle after its noun ("his physical exam,
        # conducted in February", "tariffs planned for Oct. 15"): told in the past.
        return True
    # "was due to be released": the schedule word hangs on a past-tense "was"
    return verb.dep_ in ("acomp", "attr") and verb.head.tag_ == "VBD"


def _schedule(verb: Token) -> Token | None:
    """The word that puts a clause in the future, if any: "scheduled" in "is scheduled
    for Feb. 14", "expected" in "is expected to begin", "due" in "is due in February"."""
    if verb.lower_ in SCHEDULE_WORDS and verb.tag_ in ("VBN", "JJ", "VBG", "VBZ", "VBP", "VB"):
        if verb.dep_ == "acl" and any(c.dep_ == "case" for c in verb.head.children):
            return None  # "during the band's set Monday night": a noun the tagger read as a verb
        return verb
    for child in verb.children:
        if child.dep_ in ("acomp", "attr") and child.lower_ in SCHEDULE_WORDS:
            return verb
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and (head.lower_ in SCHEDULE_WORDS or lemma(head) in SCHEDULE_VERBS):
        return head
    return None


SCHEDULE_VERBS = {"expect", "schedule", "plan", "set", "hope", "aim", "intend", "prepare", "promise", "vow"}


# Verbs whose infinitive was done when they were: "decided to weigh in", "managed to score".
CARRIED_OUT = {
    "decide", "choose", "opt", "elect", "manage", "begin", "start", "try", "attempt", "refuse", "decline",
}  # fmt: skip


def tense(verb: Token | None) -> str:
    """ "past", "future", "present", "conditional" or "unknown" (no verb) of the clause
    a verb heads, from its tag, its auxiliaries and the words that schedule it. A
    schedule told in the past ("was due to be released in September") is "unknown":
    the date may lie either side of the article's."""
    if verb is None:
        return "unknown"
    words = _auxiliaries(verb)
    if words & FUTURE_MARKERS:
        return "future"
    scheduler = _schedule(verb)
    if scheduler is not None:
        return "unknown" if _told_in_past(scheduler) else "future"
    if _told_in_past(verb):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'s", "’s"}:
        return "past"
    if words & {"would", "could", "might", "may", "should", "must", "can"}:
        return "conditional"
    done = verb.dep_ == "xcomp" and lemma(verb.head) in CARRIED_OUT and _told_in_past(verb.head)
    if verb.tag_ == "VB" and done:
        # "decided to weigh in on the fight on Monday": done when decided
        return "past"
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl", "acl") and verb.head.i != verb.i:
        noun = verb.head
        if verb.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without"):
            # "talks intensified, with talks continuing into Tuesday night": told as the
            # verb the "with" hangs on is
            return tense(noun.head.head) if is_verb(noun.head.head) else "unknown"
        return tense(noun)
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return "unknown"
