"""Open questions: well-formed questions from hedged or unconfirmed claims.

Only hedged sentences are parsed (the parser is the costly part of spaCy).
Each question is built from the sentence's own words by one of a few
syntactic rewrites; a sentence no rewrite fits yields no question rather
than a malformed one.

    "The potential deals could reshape …"      -> "Could the potential deals reshape …?"
    "India plans to purchase 140 Su-57 …"      -> "Will India purchase 140 Su-57 …?"
    "India is reportedly considering talks …"  -> "Is India considering talks …?"
    "This procurement, if finalized, would …"  -> "Will the Su-57 procurement be finalized?"
    "The potential deal, which includes …"     -> "Will the deal, which includes …, go ahead?"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..dossier import Statement, System

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODALS = {"could", "may", "might"}
INTENT_VERBS = {"plan", "intend", "seek", "aim", "hope", "expect", "risk", "want", "prepare"}
DROP_ADVERBS = {"reportedly", "allegedly", "apparently", "however", "also", "now", "reported"}
DEAL_NOUNS = {
    "deal",
    "deals",
    "purchase",
    "purchases",
    "sale",
    "sales",
    "agreement",
    "acquisition",
    "contract",
    "procurement",
    "order",
}
CONDITIONS = {"finalized", "finalised", "approved", "signed", "confirmed", "completed"}
SUBJECTS = ("nsubj", "nsubjpass")


def _words(tokens: Iterable[Token]) -> str:
    text = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!’])", r"\1", text)
    return text.strip(" ,;:")


def _subtree(token: Token, without: Iterable[Token] = ()) -> list[Token]:
    drop = {d.i for t in without for d in t.subtree}
    return [t for t in token.subtree if t.i not in drop]


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    # "… prepares and could sign": a conjoined verb shares the first verb's subject.
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _nonrestrictive(token: Token) -> list[Token]:
    """Clauses set off by commas (", which …", ", if finalized,") that a question can drop."""
    return [
        c
        for c in token.children
        if c.dep_ in ("relcl", "advcl", "appos", "acl") and c.i > 0 and c.doc[c.left_edge.i - 1].text == ","
    ]


def _subject_phrase(subj: Token, systems: list[System], sentence: Span) -> str | None:
    """The subject as a question needs it: antecedent for "that", specific for "this deal"."""
    if subj.tag_ in ("WDT", "WP") or subj.lower_ in ("that", "which", "who"):
        verb = subj.head
        if verb.dep_ != "relcl":
            return None
        noun = verb.head
        return _lower_first(_words(_subtree(noun, [verb, *_nonrestrictive(noun)])), noun)
    if subj.lower_ in ("it", "this", "they", "he", "she"):
        main = sentence.root
        main_subj = _subject(main)
        if main_subj is None or main_subj.i == subj.i or main_subj.lower_ in ("it", "this", "they"):
            return None
        subj = main_subj
    tokens = _subtree(subj, _nonrestrictive(subj))
    phrase = _words(tokens)
    first = tokens[0] if tokens else subj
    if first.lower_ in ("this", "these", "that", "those"):
        rest = _words(tokens[1:])
        named = [s.name for s in systems if s.name not in rest]
        if len(named) == 1 and subj.lower_ in DEAL_NOUNS:
            return f"the {named[0]} {rest}"
        return f"the {rest}"
    return _lower_first(phrase, first)


def _lower_first(phrase: str, first: Token) -> str:
    if first.pos_ == "PROPN" or first.text.isupper() or not phrase:
        return phrase
    return phrase[0].lower() + phrase[1:]


def _predicate(
    verb: Token, subj: Token | None, drop: Iterable[Token] = (), moved: Token | None = None
) -> list[Token]:
    """The verb phrase minus its subject, the auxiliary moved to the front of the question,
    hedges, and what stands before the subject."""
    # "According to Bloomberg, India is …": modifiers left of the subject are not the claim.
    leading = [c for c in verb.children if subj is not None and c.right_edge.i < subj.left_edge.i]
    parts = [*drop, *leading, *_nonrestrictive(verb), *([subj] if subj is not None else [])]
    removed = {t.i for d in parts for t in d.subtree}
    return [
        t
        for t in verb.subtree
        if t.i not in removed
        and not (moved is not None and t.i == moved.i)
        and not (t.lower_ in DROP_ADVERBS and t.head.i == verb.i)
    ]


def _ask(aux: str, subject: str, predicate: list[Token]) -> str | None:
    words = _words(predicate).rstrip(".!?")
    if not subject or not words:
        return None
    return f"{aux} {subject} {words}?"


def _modal_question(token: Token, systems: list[System], sentence: Span) -> str | None:
    verb = token.head
    subj = _subject(verb)
    if subj is None or verb.lemma_ == "be":
        return None  # "the impact may be less visible" is a judgement, not an open question
    subject = _subject_phrase(subj, systems, sentence)
    if subject is None:
        return None
    # "may"/"might" open a question as permission would; "could" keeps the hedge.
    return _ask("Could", subject, _predicate(verb, subj, moved=token))


def _intent_question(verb: Token, systems: list[System], sentence: Span) -> str | None:
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    subj = _subject(verb)
    if xcomp is None or subj is None:
        return None
    subject = _subject_phrase(subj, systems, sentence)
    if subject is None:
        return None
    # "is expected to be discussed": keep the passive "be", drop only "to".
    passive = any(c.dep_ == "auxpass" for c in xcomp.children)
    advcl = [c for c in xcomp.children if c.dep_ == "advcl"]
    to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    body = _predicate(xcomp, None, advcl, moved=to)
    if not body:
        return None
    inflected = xcomp.tag_ in ("VBG", "VBZ", "VBD") or (xcomp.tag_ == "VBN" and not passive)
    head = xcomp.lemma_ if inflected else xcomp.text
    words = _words(body)
    words = head + words[len(xcomp.text) :] if words.startswith(xcomp.text) else words
    return f"Will {subject} {words.rstrip('.!?')}?"


def _aux_question(verb: Token, systems: list[System], sentence: Span) -> str | None:
    """ "X is (reportedly) considering Y" -> "Is X considering Y?" """
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    subj = _subject(verb)
    if aux is None or subj is None or aux.lower_ not in ("is", "are", "was", "were", "has", "have"):
        return None
    subject = _subject_phrase(subj, systems, sentence)
    if subject is None:
        return None
    return _ask(aux.text.capitalize(), subject, _predicate(verb, subj, moved=aux))


def _condition_question(token: Token, systems: list[System], sentence: Span) -> str | None:
    """ "This procurement, if finalized, would …" -> "Will the Su-57 procurement be finalized?" """
    clause = token.head if token.dep_ == "mark" else None
    if clause is None or clause.lower_ not in CONDITIONS:
        return None
    # "… if the contract is finalized": the clause's own subject; else the main one.
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None) or _subject(clause.head)
    if subj is None:
        return None
    subject = _subject_phrase(subj, systems, sentence)
    return f"Will {subject} be {clause.text}?" if subject else None


def _deal_question(token: Token, systems: list[System], sentence: Span) -> str | None:
    """ "The potential deal, which includes X, signals …" -> "Will the deal, which includes X, go ahead?" """
    noun = token.head
    if token.lower_ != "potential" or noun.lower_ not in DEAL_NOUNS or noun.dep_ not in SUBJECTS:
        return None
    tokens = [t for t in noun.subtree if t.i != token.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    phrase = _words(tokens)
    if ", " in phrase:
        phrase += ","  # close the clause opened by ", which …"
    return f"Will the {phrase} go ahead?"


def _whether_question(token: Token, systems: list[System], sentence: Span) -> str | None:
    """ "It is unclear whether licences will be granted …" -> "Will licences be granted …?" """
    clause = token.head
    if token.dep_ != "mark" or clause.pos_ not in ("VERB", "AUX"):
        return None
    modals = ("will", "would", "can", "could")
    aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in modals), None)
    subj = _subject(clause)
    if aux is None or subj is None:
        return None
    subject = _subject_phrase(subj, systems, sentence)
    predicate = [t for t in _predicate(clause, subj, moved=aux) if t.i != token.i]
    opener = "Could" if aux.lower_ in ("can", "could") else "Will"
    return _ask(opener, subject, predicate) if subject else None


def _would_question(token: Token, systems: list[System], sentence: Span) -> str | None:
    """ "If the landing succeeds, X would become …" -> "Will X become …?" """
    verb = token.head
    conditions = [c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)]
    subj = _subject(verb)
    if token.dep_ != "aux" or not conditions or subj is None:
        return None
    if any(c.lower_ in CONDITIONS for c in conditions):
        return None  # "if finalized": the open question is the condition, asked on its own
    subject = _subject_phrase(subj, systems, sentence)
    return _ask("Will", subject, _predicate(verb, subj, conditions, moved=token)) if subject else None


def _questions_for(sentence: Span, systems: list[System]) -> list[str]:
    out: list[str] = []
    for token in sentence:
        question = None
        if token.lower_ in MODALS and token.dep_ == "aux":
            question = _modal_question(token, systems, sentence)
        elif token.lemma_ in INTENT_VERBS and token.pos_ == "VERB":
            question = _intent_question(token, systems, sentence)
        elif token.lemma_ == "consider" and token.pos_ == "VERB":
            question = _aux_question(token, systems, sentence)
        elif token.lower_ == "if":
            question = _condition_question(token, systems, sentence)
        elif token.lower_ == "potential":
            question = _deal_question(token, systems, sentence)
        elif token.lower_ == "whether":
            question = _whether_question(token, systems, sentence)
        elif token.lower_ == "would":
            question = _would_question(token, systems, sentence)
        if question and question not in out:
            out.append(question[0].upper() + question[1:])
    if any(q.startswith(("Could", "May", "Might")) for q in out):
        # A sentence whose modal already asks the question needs no "go ahead?" too.
        out = [q for q in out if not q.endswith(" ahead?")] or out
    return out


def extract_questions(parsed: dict[str, Doc], systems: list[System]) -> list[Statement]:
    """Questions from the parsed hedged sentences (id -> parsed Doc), in reading order."""
    found: list[Statement] = []
    seen: set[str] = set()
    for sid, doc in parsed.items():
        in_sentence = [s for s in systems if sid in s.sentences]
        span = doc[:]
        for question in _questions_for(span, in_sentence):
            if question.lower() not in seen:
                seen.add(question.lower())
                found.append(Statement(question, [sid]))
    return found
