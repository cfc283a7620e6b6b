"""The outlets a speaker talked to: "Mr Howard told BBC Radio 4's Today programme",
"speaking to the BBC News website", "in an interview with CNN". An outlet named only so
is where the words were said, not a party to the story, and stays out of Who's who."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import lemma
from .text import Text

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose object, or the object of whose "to", "on" or "with", is the one spoken to.
TOLD = frozenset({"tell"})
_SPOKEN_TO = "speak talk say tell explain add confirm admit insist claim"
SPOKEN_TO = frozenset(_SPOKEN_TO.split())
SAID_ON = frozenset({"say", "speak", "talk", "write", "post", "announce", "tweet"})  # "said on Twitter"
INTERVIEW = frozenset({"interview", "appear", "appearance", "comment", "remark", "statement"})
# Words of an outlet's own name.
_OUTLET_WORDS = """news radio television tv times post chronicle journal herald mail telegraph guardian
express gazette agency press magazine channel broadcasting tribune observer mirror daily weekly
newspaper network bbc cnn cnbc itv npr pbs"""
OUTLET_WORDS = frozenset(_OUTLET_WORDS.split())
# What an outlet's name owns in "BBC Radio 4's Today programme".
_OUTLET_PARTS = """programme program show website site radio channel network station newspaper magazine
podcast broadcast bulletin service news sport online today newsnight politics"""
OUTLET_PARTS = frozenset(_OUTLET_PARTS.split())


def _phrase_head(t: Text, start: int, end: int) -> tuple[Token | None, bool]:
    """The token the name hangs on the sentence by, climbing through "the BBC's …
    programme" and "the BBC News website" to the programme or site; and whether it
    climbed through a programme, a site or a channel."""
    inside = [t.tokens[i] for i in range(start, end)]
    heads = [tok for tok in inside if not start <= tok.head.i < end or tok.head.i == tok.i]
    if len(heads) != 1:
        return None, False
    tok, through_outlet = heads[0], False
    for _ in range(3):
        if tok.dep_ not in ("poss", "compound", "nmod") or tok.head.i == tok.i:
            break
        if tok.head.lower_ in OUTLET_PARTS:
            through_outlet = True
        elif tok.head.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART"):
            break
        tok = tok.head
    return tok, through_outlet


def is_outlet_name(name: str) -> bool:
    """A name that says it is a newspaper, broadcaster or agency ("Daily Mail", "Radio Wales")."""
    return bool(OUTLET_WORDS.intersection(name.lower().replace("'s", " ").split()))


def spoken_to(t: Text, start: int, end: int, outlet: bool) -> bool:
    """Whether the name at tokens [start, end) is where someone's words were said: the
    outlet they told or spoke to (`outlet`: the name is known as one), or the channel
    they said them on ("said on Twitter"). "Told the FBI" is no outlet."""
    tok, through_outlet = _phrase_head(t, start, end)
    if tok is None:
        return False
    outlet = outlet or through_outlet
    # The parse, and where the name stands: the small model reads "told BBC Radio 4's
    # Today programme the delay …" with the programme as a clause of its own.
    before = _word_before(t, start)
    ways: list[tuple[str, Token, Token | None]] = []
    if tok.head.i != tok.i:
        ways.append((tok.dep_, tok.head, tok.head.head))
    if before is not None:
        told = lemma(before) in TOLD
        ways.append(("dobj", before, before) if told else ("pobj", before, _word_before(t, before.i)))
    for dep, head, verb in ways:
        if dep in ("dobj", "dative", "obj") and lemma(head) in TOLD:
            return outlet
        if dep != "pobj" or verb is None or head.lower_ not in ("to", "on", "with"):
            continue
        said = lemma(verb)
        if (head.lower_ == "on" and said in SAID_ON) or (
            outlet and (said in SPOKEN_TO if head.lower_ == "to" else said in INTERVIEW)
        ):
            return True
    return False


def _word_before(t: Text, i: int) -> Token | None:
    """The word before token `i`, an article skipped ("told the BBC")."""
    j = i - 1
    if j >= 0 and t.tokens[j].lower_ in ("the", "a", "an"):
        j -= 1
    return t.tokens[j] if j >= 0 and t.token_sid[j] == t.token_sid[i] else None
