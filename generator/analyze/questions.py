"""Open questions: well-formed questions from hedged or unconfirmed claims.

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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dossier import Attribution, Statement, System
from .claims import hedged_sentence_ids
from .grammar import lemma, pos
from .text import Text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODALS = {"could", "may", "might"}
INTENT_VERBS = {"plan", "intend", "seek", "aim", "hope", "expect", "risk", "want", "prepare"}
DROP_ADVERBS = {"reportedly", "allegedly", "apparently", "however", "also", "now", "reported", "then", "thus"}
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


def _subject_phrase(subj: Token, ctx: Ask, sentence: Span) -> str | None:
    """The subject as a question needs it: antecedent for "that", the person or body for
    "he" or "it", specific for "this deal"; none for "I", "we", "you" (a quotation)."""
    if subj.tag_ in ("WDT", "WP") or subj.lower_ in ("that", "which", "who"):
        verb = subj.head
        if verb.dep_ != "relcl":
            return None
        noun = verb.head
        return _lower_first(_words(_subtree(noun, [verb, *_nonrestrictive(noun)])), noun)
    if any(_first_person(w) for w in subj.subtree) or subj.i < ctx.dateline_end:
        return None  # "our Ukraine policy": the speaker's words, not the article's
    if subj.lower_ in ("it", "this"):
        # "This move … as it risks straining …": the subject of the clause it belongs to
        # ("… that WeWork is facing scrutiny over whether it violated …": WeWork).
        governing = _governing_subject(subj)
        if governing is not None and any(w.tag_ == "PRP$" for w in governing.subtree):
            return None  # "its researchers concluded that it could help": "it" is not sure
        if governing is not None and governing.lower_ not in PRONOUNS:
            return _subject_phrase(governing, ctx, sentence)
    if subj.i in ctx.antecedents:
        return ctx.antecedents[subj.i]  # "he could face decades in jail": Julian Assange could
    if subj.lower_ in PRONOUNS:
        return None  # nobody the text makes sure of
    tokens = _subtree(subj, _nonrestrictive(subj))
    if subj.tag_ in ("NNP", "NNPS") and tokens and tokens[0].lower_ in ("a", "an"):
        return None  # "a rover NASA (plans to fly)": the parser joined an object to the subject
    while tokens and tokens[0].tag_ == "RB" and tokens[0].lower_ in DROP_ADVERBS:
        tokens = tokens[1:]  # "then shielding … could be concentrated": the subject is "shielding …"
    phrase = _words(tokens)
    if phrase[:1].isdigit() and " and " in phrase:
        return None  # "1.64 GW and Seoul": the parser joined a figure to the subject
    first = tokens[0] if tokens else subj
    if first.lower_ in ("this", "these", "that", "those"):
        rest = _words(tokens[1:])
        named = [s.name for s in ctx.systems if s.name not in rest]
        if len(named) == 1 and subj.lower_ in DEAL_NOUNS:
            return f"the {named[0]} {rest}"
        return f"the {rest}"
    return _lower_first(phrase, first)


def _governing_subject(subj: Token) -> Token | None:
    """The subject of the nearest clause above the one `subj` is the subject of; none
    for a clause joined by "and" or "but" ("Nissan showed the Sentra, but it could …"
    may be either)."""
    node = subj.head
    if node.dep_ == "conj":
        return None
    while node.head.i != node.i:
        node = node.head
        if pos(node) in ("VERB", "AUX"):
            found = next((c for c in node.children if c.dep_ in SUBJECTS and c.i < subj.i), None)
            if found is not None:
                return found
    return None


MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.",
    "nov.", "dec.",
}  # fmt: skip
PRONOUNS = {"they", "he", "she", "him", "her", "them", "it", "this", "that", "these", "those"}
INDEFINITES = {"everything", "something", "anything", "nothing", "everyone", "someone", "anyone", "nobody"}
FIRST_PERSON = {"i", "we", "you", "us", "me", "our", "my", "your", "ours"}


def _first_person(word: Token) -> bool:
    """ "we", "our", "us" — not "US President Donald Trump"."""
    return word.lower_ in FIRST_PERSON and word.text != "US" and word.tag_ in ("PRP", "PRP$")


LOWER_FIRST = {
    "the", "a", "an", "this", "these", "those", "that", "its", "their", "his", "her", "our", "some", "any",
    "many", "most", "few", "several", "all", "both", "each", "no", "other", "such", "two", "three", "four",
    "at", "in", "on", "after", "before", "since", "during", "for", "from", "by", "about", "around", "nearly",
    "almost", "more", "less", "over", "up",
}  # fmt: skip


def _capitalised_elsewhere(word: Token) -> bool:
    """ "Respawn" or "Clipper" written with a capital inside a sentence too: a name, where
    "Voters" at the start of one is a common noun."""
    return any(t.text == word.text and not t.is_sent_start and t.i != word.i for t in word.doc)


def _lower_first(phrase: str, first: Token) -> str:
    """ "The deal", "Next steps" -> "the deal", "next steps" inside a question; a name
    ("Starship") stays as written."""
    function_word = first.tag_ in ("DT", "JJ", "JJR", "JJS", "PRP$", "CD", "RB", "PDT") or (
        first.tag_ in ("NN", "NNS") and not first.ent_type_ and not _capitalised_elsewhere(first)
    )
    if not phrase or not (first.lower_ in LOWER_FIRST or (function_word and first.is_sent_start)):
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
    if not subject or len(words.split()) < 2:
        return None  # "Could the company carry?": its object stood before it
    return f"{aux} {subject} {words}?"


def _modal_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    verb = token.head
    if verb.dep_ == "relcl" and not any(c.lower_ == "that" and c.dep_ in SUBJECTS for c in verb.children):
        return None  # "the people who could be affected": a description, not a question
    if any(c.tag_ in ("WRB", "WP", "WDT") and c.i < verb.i and c.dep_ not in SUBJECTS for c in verb.children):
        return None  # "how a team could be put into hibernation": an indirect question
    # The verb's own subject: one borrowed from a conjoined verb is often the parser's guess.
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None or lemma(verb) == "be":
        return None  # "the impact may be less visible" is a judgement, not an open question
    subject = _subject_phrase(subj, ctx, sentence)
    if subject is None:
        return None
    # "may"/"might" open a question as permission would; "could" keeps the hedge.
    return _ask("Could", subject, _predicate(verb, subj, moved=token))


def _intent_question(verb: Token, ctx: Ask, sentence: Span) -> str | None:
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and pos(c) in ("VERB", "AUX")), None)
    subj = _subject(verb)
    if subj is None and verb.dep_ in ("acomp", "xcomp"):
        subj = _subject(verb.head)  # "X is likely to …": the subject of "is"
    told = verb.head if verb.dep_ == "acomp" else verb
    if told.tag_ == "VBD" or any(c.lower_ in ("was", "were", "had") for c in told.children):
        return None  # "was due to be released in September": a past plan, no open question
    if xcomp is None and subj is not None:
        return _scheduled_question(verb, subj, ctx, sentence)
    if xcomp is None or subj is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
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
    head = lemma(xcomp) if inflected else xcomp.text
    words = _words(body)
    words = head + words[len(xcomp.text) :] if words.startswith(xcomp.text) else words
    return f"Will {subject} {words.rstrip('.!?')}?"


def _scheduled_question(verb: Token, subj: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "Sentencing is scheduled for Feb. 14" -> "Will sentencing take place on Feb. 14?" """
    if verb.lower_ not in ("scheduled", "set", "due", "slated", "planned"):
        return None
    when = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "in")), None)
    if when is None or not any(w.ent_type_ == "DATE" for w in when.subtree):
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    date = _words([w for w in when.subtree if w.i != when.i])
    preposition = (
        "in"
        if any(w.lower_ in MONTH_WORDS and not w.like_num for w in when.subtree)
        and not any(w.like_num for w in when.subtree)
        else "on"
    )
    return f"Will {subject} take place {preposition} {date}?" if subject and date else None


def _future_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "A jury will pick the winning design in the first half of next year" -> "Will a jury
    pick the winning design in the first half of next year?": what is due, with its date."""
    verb = token.head
    if token.dep_ != "aux" or not any(e.label_ == "DATE" for e in sentence.ents) or lemma(verb) == "be":
        return None  # "the eyes of the world will be on New Delhi": a way of speaking, not a question
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    return _ask("Will", subject, _predicate(verb, subj, moved=token)) if subject else None


def _raised_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "raising questions about the reason for the delay" -> "What is the reason for the delay?" """
    if token.lower_ != "questions" or lemma(token.head) not in ("raise", "prompt", "spark", "pose"):
        return None
    about = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("about", "over")), None)
    obj = next((c for c in about.children if c.dep_ == "pobj"), None) if about is not None else None
    if obj is None:
        return None
    phrase = _lower_first(_words(obj.subtree), obj.left_edge)
    return f"What is {phrase}?" if len(phrase.split()) >= 2 else None


def _aux_question(verb: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "X is (reportedly) considering Y" -> "Is X considering Y?" """
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    subj = _subject(verb)
    if aux is None or subj is None or aux.lower_ not in ("is", "are", "was", "were", "has", "have"):
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    if subject is None:
        return None
    return _ask(aux.text.capitalize(), subject, _predicate(verb, subj, moved=aux))


def _condition_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "This procurement, if finalized, would …" -> "Will the Su-57 procurement be finalized?" """
    clause = token.head if token.dep_ == "mark" else None
    if clause is None or clause.lower_ not in CONDITIONS:
        return None
    # "… if the contract is finalized": the clause's own subject; else the main one.
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None) or _subject(clause.head)
    if subj is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    return f"Will {subject} be {clause.text}?" if subject else None


def _if_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "It may morph into something bigger if Trump agrees to Beijing's demands" -> "Will
    Trump agree to Beijing's demands?": the condition a hedged outcome waits on."""
    clause = token.head
    outcome = clause.head
    if token.dep_ != "mark" or clause.dep_ != "advcl" or clause.tag_ not in ("VBZ", "VBP"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in MODALS | {"would"} for c in outcome.children):
        return None  # "if" on a plain statement asks nothing
    subj = _subject(clause)
    if subj is None or subj.lower_ in PRONOUNS | INDEFINITES or subj.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None  # "if everything works out", "if something seems wrong": nothing to watch
    subject = _subject_phrase(subj, ctx, sentence)
    if subject is None:
        return None
    words = _words([w for w in _predicate(clause, subj) if w.i != token.i])
    if re.search(r"\b(?:if|whether)\b", words):
        return None
    if not words.startswith(clause.text):
        return None
    return f"Will {subject} {lemma(clause)}{words[len(clause.text) :].rstrip('.!?')}?"


def _deal_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "The potential deal, which includes X, signals …" -> "Will the deal, which includes X, go ahead?" """
    noun = token.head
    if token.lower_ != "potential" or noun.lower_ not in DEAL_NOUNS or noun.dep_ not in SUBJECTS:
        return None
    tokens = [t for t in noun.subtree if t.i != token.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    phrase = _words(tokens)
    if ", " in phrase:
        phrase += ","  # close the clause opened by ", which …"
    return f"Will the {phrase} go ahead?"


def _whether_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "It is unclear whether licences will be granted …" -> "Will licences be granted …?" """
    clause = token.head
    if token.dep_ != "mark" or pos(clause) not in ("VERB", "AUX"):
        return None
    modals = ("will", "would", "can", "could")
    aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in modals), None)
    subj = _subject(clause)
    if aux is None or subj is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    predicate = [t for t in _predicate(clause, subj, moved=aux) if t.i != token.i]
    opener = "Could" if aux.lower_ in ("can", "could") else "Will"
    return _ask(opener, subject, predicate) if subject else None


def _would_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "If the landing succeeds, X would become …" -> "Will X become …?" """
    verb = token.head
    conditions = [c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)]
    subj = _subject(verb)
    if token.dep_ != "aux" or not conditions or subj is None:
        return None
    if any(c.lower_ in CONDITIONS for c in conditions):
        return None  # "if finalized": the open question is the condition, asked on its own
    subject = _subject_phrase(subj, ctx, sentence)
    return _ask("Will", subject, _predicate(verb, subj, conditions, moved=token)) if subject else None


def _plain_whether(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "whether the victim was a good Samaritan" -> "Was the victim a good Samaritan?";
    "whether WeWork violated financial rules" -> "Did WeWork violate financial rules?" """
    clause = token.head
    if token.dep_ != "mark" or not clause.tag_.startswith("VB"):
        return None
    subj = _subject(clause)
    if subj is None or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return None  # with a modal: _whether_question
    subject = _subject_phrase(subj, ctx, sentence)
    if subject is None:
        return None
    aux = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i), None)
    if aux is not None:
        predicate = [w for w in _predicate(clause, subj, moved=aux) if w.i != token.i]
        return _ask(aux.text.capitalize(), subject, predicate)
    predicate = [w for w in _predicate(clause, subj) if w.i != token.i]
    if lemma(clause) == "be":  # "whether the victim was …": "Was the victim …?"
        return _ask(clause.text.capitalize(), subject, [w for w in predicate if w.i != clause.i])
    # A past form with no auxiliary ("whether Trump withheld aid", tagged either way) is past.
    opener = {"VBD": "Did", "VBN": "Did", "VBZ": "Does", "VBP": "Do"}.get(clause.tag_)
    if opener is None:
        return None
    words = _words(predicate)
    if not words.startswith(clause.text):
        return None
    return f"{opener} {subject} {lemma(clause)}{words[len(clause.text) :].rstrip('.!?')}?"


def _yet_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "X has yet to decide" -> "Will X decide?" """
    if token.lower_ != "yet" or lemma(token.head) not in ("have", "be"):
        return None
    verb = token.head
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    subj = _subject(verb)
    if xcomp is None or subj is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return _ask("Will", subject, _predicate(xcomp, None, moved=to)) if subject else None


def _unclear_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "the exact circumstances … remained unclear" -> "What were the exact circumstances …?";
    "The cause of the crash is under investigation" -> "What was the cause of the crash?" """
    verb = token.head if token.dep_ in ("acomp", "pobj") else None
    if token.dep_ == "pobj":
        verb = token.head.head if token.head.lower_ == "under" else None
    if verb is None or lemma(verb) not in ("be", "remain"):
        return None
    subj = _subject(verb)
    if subj is None or subj.lower_ in ("it", "this", "that", "they"):
        return None  # "it is unclear whether …": the whether clause asks
    subject = _subject_phrase(subj, ctx, sentence)
    if subject is None:
        return None
    be = "were" if subj.tag_ == "NNS" else "was"
    return f"What {be} {subject}?"


def _verify_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "It was not possible to independently verify the group's claim" -> "Is the group's claim true?" """
    if lemma(token) not in ("verify", "confirm") or not any(
        w.lower_ in ("not", "impossible", "unable", "no", "cannot") for w in sentence
    ):
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    phrase = _lower_first(_words(_subtree(obj, _nonrestrictive(obj))), obj.left_edge)
    return f"Is {phrase} true?" if phrase else None


UNTOLD_VERBS = {"say", "state", "disclose", "know", "specify", "reveal", "explain", "tell", "announce"}
UNTOLD_NOUNS = {"details", "detail", "information", "word", "indication", "timeline", "timetable"}


def _left_open(clause: Token) -> bool:
    """Whether a "when"/"how" clause is one the article says is not answered: "declined
    to say when …", "no details were given on how …", "it is unclear when …"."""
    above = clause.head
    if lemma(above) in UNTOLD_VERBS:
        return True
    if above.lower_ in ("unclear", "unknown") or any(
        c.lower_ in ("unclear", "unknown") for c in above.children
    ):
        return True
    if above.tag_ == "IN" and above.lower_ in ("on", "about", "of"):
        given = above.head
        nouns = [given, *(c for c in given.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
        return any(
            n.lower_ in UNTOLD_NOUNS and any(d.lower_ in ("no", "not", "few") for d in n.children)
            for n in nouns
        )
    return False


def _wh_question(token: Token, ctx: Ask, sentence: Span) -> str | None:
    """ "He declined to say when the lander would be ready" -> "When will the lander be ready?";
    "No details were given on how the targets will be met" -> "How will the targets be met?" """
    clause = token.head
    if token.lower_ not in ("when", "how", "why") or token.dep_ not in ("advmod",) or clause.i == token.i:
        return None
    if not _left_open(clause):
        return None
    subj = _subject(clause)
    aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in ("would", "will")), None)
    if subj is None or aux is None:
        return None
    subject = _subject_phrase(subj, ctx, sentence)
    predicate = [w for w in _predicate(clause, subj, moved=aux) if w.i != token.i]
    words = _words(predicate).rstrip(".!?")
    # One verb is a whole question here ("When will the plant reopen?").
    return f"{token.text.capitalize()} will {subject} {words}?" if subject and words else None


def _asked_question(sentence: Span) -> str | None:
    """A question the article asks of itself: "the question that has dogged the campaign:
    Who can voters trust?" (headings that the article goes on to answer are left out, and
    so are an interviewer's "Q: What are your hobbies?" and a speaker's "Who are we as a
    nation?": asked of one person, or rhetorical)."""
    text = sentence.text.strip()
    if not text.endswith("?") or ":" not in text:
        return None
    colon = max(t.i for t in sentence if t.text == ":") if any(t.text == ":" for t in sentence) else None
    words = [t for t in sentence if colon is not None and t.i > colon]
    if not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words) or any(
        _first_person(t) for t in words
    ):
        return None
    asked = text.rsplit(":", 1)[1].strip().strip('“”"')
    if re.match(r"(?:who|what|when|where|why|how|which|will|can|could|should|would|is|are|does|do)\b", asked):
        asked = asked[0].upper() + asked[1:]  # "…: who will pay for it?"
    return asked if asked[:1].isupper() and len(asked.split()) >= 3 else None


# Where a second clause joins the one asked about ("…, but that doesn't mean …"), and what
# a cut leaves dangling at the end ("…, or?").
_JOINED = re.compile(
    r"(?:,|\s[–—-])\s+(?:but|although|though|whereas|or so)\b.*$|,?\s+(?:and|but) that[’']s\b.*$"
)
_DANGLING = re.compile(r"[\s,;:–—-]+(?:(?:or|and|but)[\s,]*)?$")


def _tidy(question: str) -> str:
    """The question without a second clause and without punctuation left before its mark."""
    body = _JOINED.sub("", question.removesuffix("?"))
    return _DANGLING.sub("", body) + "?"


def _questions_for(sentence: Span, ctx: Ask) -> list[str]:
    out: list[str] = []
    asked = _asked_question(sentence)
    if asked:
        out.append(asked)
    for token in sentence:
        question = None
        if token.lower_ in MODALS and token.dep_ == "aux":
            question = _modal_question(token, ctx, sentence)
        elif (pos(token) == "VERB" and lemma(token) in INTENT_VERBS) or token.lower_ in (
            "likely",
            "due",
            "set",
            "scheduled",
        ):
            question = _intent_question(token, ctx, sentence)
        elif pos(token) == "VERB" and lemma(token) == "consider":
            question = _aux_question(token, ctx, sentence)
        elif token.lower_ == "if":
            question = _condition_question(token, ctx, sentence) or _if_question(token, ctx, sentence)
        elif token.lower_ == "potential":
            question = _deal_question(token, ctx, sentence)
        elif token.lower_ == "whether":
            question = _whether_question(token, ctx, sentence) or _plain_whether(token, ctx, sentence)
        elif token.lower_ == "would":
            question = _would_question(token, ctx, sentence)
        elif token.lower_ == "yet":
            question = _yet_question(token, ctx, sentence)
        elif token.lower_ in ("unclear", "unknown", "investigation"):
            question = _unclear_question(token, ctx, sentence)
        elif token.lower_ in ("verify", "confirm"):
            question = _verify_question(token, ctx, sentence)
        elif token.lower_ in ("when", "how", "why"):
            question = _wh_question(token, ctx, sentence)
        elif token.lower_ in ("will", "'ll", "’ll"):
            question = _future_question(token, ctx, sentence)
        elif token.lower_ == "questions":
            question = _raised_question(token, ctx, sentence)
        question = _tidy(question) if question else None
        if question and _well_formed(question) and question not in out:
            out.append(question[0].upper() + question[1:])
    if any(q.startswith(("Could", "May", "Might")) for q in out):
        # A sentence whose modal already asks the question needs no "go ahead?" too.
        out = [q for q in out if not q.endswith(" ahead?")] or out
    return out


_BAD = re.compile(
    r",\s*[,.]|\b(?:he|she|they) (?:said|says|added)\b|^\W|\s(?:to|of|for|the|a|and|with|be)\?$"
    r"|^\w+ (?:['’]|(?:Neither|Either|None|Nor)\b)"  # "Could ’ve soured …", "Will Neither inspire …"
)


def _well_formed(question: str) -> bool:
    """A question a reader can read on its own: no stray commas, no "he said" left in,
    no dangling last word, and long enough to ask something."""
    return len(question.split()) >= 4 and not _BAD.search(question)


ANONYMOUS = re.compile(
    r"\b(?:sources?|familiar|briefed|close to|person|people|revelations|reports?|insiders?)\b", re.I
)


def _confirmation(a: Attribution) -> str | None:
    """A claim resting on an anonymous source ("two people familiar with the matter"),
    asked as an open question. What unnamed officials or prosecutors state is not."""
    claim = re.sub(r"\s*,\s*,", ",", a.claim.strip().rstrip("."))
    if a.named or a.quote or not ANONYMOUS.search(a.source) or len(claim.split()) < 5:
        return None
    if claim.endswith("?"):
        return None
    claim = re.sub(r"^(?:But|And|So|Yet|Still),?\s+", "", claim)
    if re.match(r"^(?:I|We|You|My|Our|It|He|She|They|This|That|These|Those)\b", claim, re.I):
        return None  # the speaker's own, or someone or something the claim does not name
    first = claim.split()[0]
    if first.lower() in LOWER_FIRST:
        claim = claim[0].lower() + claim[1:]
    return f"Is it confirmed that {claim}?"


@dataclass(frozen=True)
class Ask:
    """What a rewrite needs beyond the sentence: the systems named in it (for "this
    deal"), and who each "he" and "she" surely stands for (`pronoun_antecedents`)."""

    systems: list[System]
    antecedents: dict[int, str]
    dateline_end: int = 0


def extract_questions(
    t: Text, systems: list[System], attributions: list[Attribution], antecedents: dict[int, str]
) -> list[Statement]:
    """Questions from the hedged and pending sentences, and from claims resting on unnamed
    sources, in reading order."""
    found: list[tuple[int, Statement]] = []
    seen: set[str] = set()

    def add(question: str, sids: list[str]) -> None:
        if question.lower() not in seen:
            seen.add(question.lower())
            found.append((int(sids[0][1:]), Statement(question, sids)))

    for sid in hedged_sentence_ids(t):
        ctx = Ask([s for s in systems if sid in s.sentences], antecedents, t.dateline_end)
        for question in _questions_for(t.sentence_of(sid), ctx):
            add(question, [sid])
    asked = {sid for _, q in found for sid in q.sentences}
    for a in attributions:
        confirm = _confirmation(a)
        if confirm and not set(a.sentences) & asked:
            add(confirm, a.sentences[:1])
    return [q for _, q in sorted(found, key=lambda nq: nq[0])]
