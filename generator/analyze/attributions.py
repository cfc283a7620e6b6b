"""Who said what, the way news writes it.

Read off each sentence's dependency parse:

    X said (that) CLAIM / CLAIM, X said. / "CLAIM," she said.
    X told Reuters CLAIM / X added CLAIM / In a statement, X said CLAIM
    according to X, CLAIM / CLAIM, said X, a spokesman for Y.

The speaker is the subject of a verb of speech. A name is replaced by the
fullest form the article gives (entities.py has merged "Persson" into
"Eva-Marie Persson"); "he"/"she" is the last person named before it whom the
text does not give the other gender; "it" the last organisation; a role alone
("Austria's interior minister") the person the article gives that role. A
subject that names nobody ("officials", "two people familiar with the matter")
is an unnamed source: kept, marked, and flagged for the editor. A quotation
that runs on into the next sentence stays with its speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from ..dossier import Attribution
from .entities import Entities, NameSpan
from .grammar import is_verb, lemma
from .mentions import TITLE_WORDS
from .organisations import BODIES_BY_NAME, ORG_ANAPHORS, ORG_HEADS
from .people import PERSON_TITLES, ROLE_NOUNS, without_dangling_end
from .text import Text, clean, quotation_open, quote_marks, quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPEECH = {
    "say", "tell", "add", "state", "announce", "report", "confirm", "claim", "write", "note", "reveal",
    "disclose", "explain", "warn", "argue", "insist", "predict", "acknowledge", "testify", "tweet", "deny",
    "admit", "allege", "comment", "declare", "maintain", "recall", "suggest", "urge", "stress", "emphasise",
    "emphasize", "assert", "concede", "contend", "caution", "estimate", "reply", "respond", "answer",
    "counter", "indicate", "accuse", "complain", "observe", "remark", "pledge", "promise", "vow",
    "believe", "think", "reiterate", "assure", "threaten", "hint", "boast", "joke", "quip", "lament",
    "recount", "conclude", "speculate", "mention", "forecast", "point", "describe", "expect", "call",
    "reject", "dismiss", "brand", "blast", "tout", "see", "hail", "label", "denounce",
}  # fmt: skip
URGING = {"urge", "warn", "advise", "caution"}  # "urged people to ...": the advice is the claim
# Verbs that say only by judging something "as" something: "rejected the claims as false"
JUDGING = {"reject", "dismiss", "brand", "blast", "tout", "see", "hail", "label", "denounce"}
SUBJECT_FIRST = {"expect", "call", "urge", "advise"}  # verbs whose speaker is never the name after them
# How the writer reports speech ("All companies said"), as a quotation rarely does
NARRATING = {"say", "add", "tell", "claim", "insist", "argue", "explain", "note", "state", "report"}
# Verbs that say only with their particle: "pointed out that …", not "pointed to the door".
PARTICLE = {"point": "out"}
_IRREGULAR = {"say": {"said"}, "tell": {"told"}, "write": {"wrote", "written"}, "think": {"thought"}}


def _forms(verb: str) -> set[str]:
    """Spellings a verb may take ("said", "denies", "admitted"): a cheap test that spares
    the lemmatizer most tokens (more spellings than real ones does no harm)."""
    out = {verb, f"{verb}s", f"{verb}es", f"{verb}ed", f"{verb}d", f"{verb}ing", f"{verb}{verb[-1]}ed"}
    out |= {f"{verb}{verb[-1]}ing", f"{verb[:-1]}ing", f"{verb[:-1]}ied", f"{verb[:-1]}ies"}
    return out | _IRREGULAR.get(verb, set())


SPEECH_FORMS = frozenset(form for verb in SPEECH for form in _forms(verb))
PEOPLE_KINDS = {"person"}
# Heads of subjects that name nobody: such a source is kept as unnamed.
UNNAMED_HEADS = {
    "official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts", "people",
    "person", "diplomat", "diplomats", "authorities", "police", "investigator", "investigators",
    "prosecutor", "prosecutors", "observer", "observers", "critic", "critics", "trader", "traders",
    "economist", "economists", "insider", "insiders", "aide", "aides", "resident", "residents", "witness",
    "witnesses", "doctor", "doctors", "scientist", "scientists", "researcher", "researchers", "adviser",
    "advisers", "advisor", "advisors", "executive", "executives", "lawmaker", "lawmakers", "activist",
    "activists", "spokesman", "spokeswoman", "spokesperson", "someone", "employee", "employees",
    "commenter", "commenters", "user", "users", "poster", "posters", "member", "members", "representative",
}  # fmt: skip
QUANTIFIERS = {"some", "many", "one", "several", "most", "all", "none", "few"}  # "some of Trump's defenders"
# Who speaks for or beside a person, as themselves: "Morrison's lawyer said" is not
# Morrison, nor "Ford's father told" Ford.
REPRESENTATIVES = {
    "lawyer", "lawyers", "attorney", "attorneys", "rep", "representative", "spokesman", "spokeswoman",
    "spokesperson", "agent", "publicist", "solicitor", "barrister", "counsel", "aide", "adviser",
    "advisor", "assistant", "manager", "coach", "father", "mother", "wife", "husband", "son", "daughter",
    "brother", "sister", "aunt", "uncle", "cousin", "friend", "widow", "partner", "girlfriend",
    "boyfriend", "fiancee", "fiance", "grandmother", "grandfather", "niece", "nephew",
}  # fmt: skip
TITLE_TAGS = {"DT", "POS", "JJ", "NN", "NNS", "RB", "VBN", "HYPH", "IN", "NNP", ","}
# "a WeWork spokesperson", "PG&E officials", "health department officials": the body speaks.
SPOKESPEOPLE = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "executive",
    "executives",
}
# Verbs that are speech only with a clause or a quotation: "added 20 points", "announced
# the investigations", "answered a question" say nothing.
NEEDS_CLAUSE = {
    "add",
    "announce",
    "answer",
    "respond",
    "reply",
    "report",
    "reveal",
    "post",
    "indicate",
    "point",
}
REPORTS = {
    "report", "data", "study", "survey", "analysis", "figures", "statistics", "estimates", "research", "poll",
    "review", "investigation", "audit",
}  # fmt: skip
FINDINGS = {"find", "show", "conclude"}  # what a report does: "the study found that …"
DOCUMENTS = {"statement", "report", "letter", "release", "email", "filing", "post", "tweet", "memo", "notice"}
BODY_KINDS = {"organization", "media", "country"}
NAMED_BODIES = {"organization", "media"}  # a body by its own name, not a country
QUOTES_OPEN = '“"‘'
QUOTES_CLOSE = '”"’'
_QUOTED = re.compile(r"[“\"]([^“”\"]{8,})[”\"]")


def pronoun_antecedents(t: Text, entities: Entities) -> tuple[dict[int, str], dict[int, str]]:
    """The person or body each "he", "she" and "it" stands for, by token, and of those
    the ones a question may name (`sure`): "he" or "she" where the last subject and the
    nearest name agree. A question put to the wrong person states a wrong fact, where a
    speaker's line can still be read beside its sentence; "it" is too often a thing
    ("it could take 24-48 hours to look like jam") to name a company. A pronoun
    refers to the last subject of its kind (a person for "he" and "she", an organisation
    for "it") that is not inside a quotation, or to the main subject of that subject's
    sentence if it has one; failing that, to the last name of its kind. In "He was
    arrested for the call to the offices of Omar. During the call, he asked…" the
    second "he" is the man arrested, not Omar; in "Figgins declined to say whether
    Thomas slept on the night Epstein died. '…,' he said" it is Figgins; in "'Heads
    needed to roll the day Epstein died,' he said" it is not the man quoted about."""
    spans = {i: s for s in entities.spans for i in range(s.start, s.end)}
    quoted = quoted_tokens(t)
    subjects: list[tuple[str, str, bool, int]] = []  # (name, kind, main clause, token) so far
    out: dict[int, str] = {}
    sure: dict[int, str] = {}
    title: Token | None = None  # the last "the prime minister" outside a name and a quotation
    for token in t.tokens:
        low = token.lower_
        if _definite_title(token, spans, quoted):
            title = token
        kinds = PEOPLE_KINDS if low in ("he", "she") else BODY_KINDS if low == "it" else None
        if kinds is not None:
            gender = "f" if low == "she" else "m" if low == "he" else None
            fits = [
                (n, main, at)
                for n, k, main, at in reversed(subjects)
                if k in kinds and entities.genders.get(n, gender) == gender
            ]
            # The last subject; if it is an embedded clause's in an earlier sentence, that
            # sentence's main subject (in its own sentence, the clause's: "Bloomberg reported
            # that WeWork faces scrutiny over whether it violated rules" is WeWork).
            name, at = None, -1
            if fits:
                name, main, at = fits[0]
                if not main and t.token_sid[at] != t.token_sid[token.i]:
                    opening = t.sentence_of(t.token_sid[at] or "s1").start
                    name = next((n for n, m, a in fits if m and opening <= a < at), name)
            named = _last_named(entities, token.i, kinds, gender, quoted)
            if named is not None and (
                name is None
                # A subject two sentences back or more gives way to a later name the text
                # says is a woman (or a man): "… his editor Teresa Nielsen Hayden … she recalled".
                or (
                    named.start > at
                    and gender is not None
                    and entities.genders.get(named.name) == gender
                    and _sentence_number(t, token.i) - _sentence_number(t, at) >= 2
                    and _sentence_number(t, named.start) > _sentence_number(t, at)
                    and not _possessor(t, named)  # "... at Epstein's mansion. ... he was": not Epstein
                )
            ):
                name = named.name
            if low != "it" and title is not None and _titled_since(t, title, token, at, named):
                # "... prompted the prime minister to say ... He told MPs": the title's holder, if
                # the article says who holds it; else no one, rather than the man named before
                name = _person_with_role(entities, _title_of(_phrase_tokens(title)), title, dominant=False)
            if name is not None:
                out[token.i] = name
                if gender is not None and named is not None and named.name == name:
                    sure[token.i] = name
                if token.dep_ in ("nsubj", "nsubjpass") and token.i not in quoted:
                    subjects.append((name, next(iter(kinds)), _main_clause(token), token.i))
            continue
        if (
            (token.dep_ in ("nsubj", "nsubjpass") or _subject_unparsed(token))
            and token.i in spans
            and token.i not in quoted
        ):
            span = spans[token.i]
            subjects.append((span.name, span.kind, _main_clause(token), token.i))
        elif token.dep_ == "nsubj" and token.i not in quoted and (body := _spokesperson_for(token, spans)):
            # "A spokesman for the UK Film Council said ... He added": the body's spokesman
            subjects.append((body, "person", _main_clause(token), token.i))
    return out, sure


def _subject_unparsed(token: Token) -> bool:
    """ "... at Carrow Road and Keegan sympathised with ...": a name the parser joined to the
    name before, followed by a verb that has no subject of its own."""
    doc = token.doc
    if token.dep_ != "conj" or token.i + 1 >= len(doc):
        return False
    verb = doc[token.i + 1]
    return verb.tag_ in ("VBD", "VBZ") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _spokesperson_for(token: Token, spans: Mapping[int, NameSpan]) -> str | None:
    """The body a spokesman subject speaks for ("a UK Film Council spokesman", "a
    spokeswoman for Acme"), if the text names it."""
    if token.lower_ not in ("spokesman", "spokeswoman", "spokesperson") or token.i in spans:
        return None
    named = [spans[w.i] for w in token.subtree if w.i in spans]
    if any(n.kind in PEOPLE_KINDS for n in named):
        return None  # "A spokesman for the agency, Dean Boyd, said": he is named
    bodies = [n for n in named if n.kind in NAMED_BODIES]
    return bodies[0].name if bodies else None


def _possessor(t: Text, span: NameSpan) -> bool:
    return span.end < len(t.doc) and t.doc[span.end].text in ("'s", "’s", "'", "’")


# Titles a "he" may stand for when written with "the": "the prime minister", "the chancellor".
DEFINITE_TITLES = PERSON_TITLES | {"chancellor", "premier"}


def _definite_title(token: Token, spans: Mapping[int, NameSpan], quoted: AbstractSet[int]) -> bool:
    """ "the prime minister", "the home secretary": a person's title with "the", no name."""
    return (
        token.lower_ in DEFINITE_TITLES
        and token.tag_ == "NN"
        and token.i not in spans
        and token.i not in quoted
        and _with_the(token)
    )


def _with_the(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _titled_since(t: Text, title: Token, pronoun: Token, at: int, named: NameSpan | None) -> bool:
    """Whether a title came after the pronoun's subject and name, in its sentence or the one
    before."""
    after = max(at, named.end - 1 if named is not None else -1)
    return after < title.i < pronoun.i and _sentence_number(t, pronoun.i) - _sentence_number(t, title.i) <= 1


def _main_clause(subject: Token) -> bool:
    """Whether a subject is the main clause's ("Figgins declined to say whether …"), not
    an embedded one's ("… whether Thomas slept …")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _last_named(
    entities: Entities, at: int, kinds: set[str], gender: str | None, quoted: AbstractSet[int] = frozenset()
) -> NameSpan | None:
    """The nearest name of its kind before token `at`, outside quotations, of a gender
    that fits (or not known)."""
    fitting = [
        s
        for s in entities.spans
        if s.end <= at
        and s.kind in kinds
        and s.start not in quoted
        and entities.genders.get(s.name, gender) == gender
    ]
    return max(fitting, key=lambda s: s.end, default=None)


def _sentence_number(t: Text, i: int) -> int:
    sid = t.token_sid[i]
    return int(sid[1:]) if sid else 0


def extract_attributions(t: Text, entities: Entities) -> list[Attribution]:
    entities.antecedents, entities.sure_antecedents = pronoun_antecedents(t, entities)
    found: list[Attribution] = []
    carried: list[Attribution] = []  # sentences given to the last speaker as their quotation goes on
    last: Attribution | None = None
    for sentence, span in t.story():
        here = _in_sentence(t, span, entities, found)
        if here:
            # `"…. …," said X` names the speaker of the sentences its quotation opened in.
            claimed = {sid for a in here for sid in a.sentences if sid != sentence.id}
            found = [a for a in found if not (a in carried and claimed & set(a.sentences))]
            found.extend(here)
            # the speaker whose quotation may run on: "admitted it would be 'very difficult' and said ..."
            last = next((a for a in reversed(here) if a.quote), here[-1])
            continue
        goes_on = last is not None and _continues_quote(t, span, last) and not _narrates(span)
        opens = last is not None and not goes_on and _quotes_last_speaker(t, span, last, entities)
        if last is not None and (goes_on or opens):
            claim = _strip_claim(sentence.text)
            if len(claim.split()) >= 3:
                carried.append(
                    Attribution(last.source, None, claim, [sentence.id], last.role, last.named, True)
                )
                found.append(carried[-1])
                if opens:
                    last = carried[-1]
                continue
        last = None
    return _merge(_works_by_author(t, entities, found))


# "the new book", "a letter": a work the article may name the author of elsewhere
_WORK_SOURCE = re.compile(
    r"^(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?(book|letter|report|study|survey|memo)$", re.I
)


def _works_by_author(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """ "The new book claims ..." where the article speaks of "journalist Robert Peston's new
    book", or "a letter said ..." where "The letter, from the Home Office" comes later: the
    work is its author's, when the article names one author for it. "A survey" is a new
    one, not the survey of someone named elsewhere, unless a later sentence takes it up
    and names its author."""
    out = []
    for a in found:
        m = None if a.named else _WORK_SOURCE.match(a.source)
        author = None
        if m:
            definite = a.source.split()[0].lower() in ("the", "this", "that")
            after = None if definite else t.sentence_of(a.sentences[-1]).end
            author = _author_of(t, entities, m.group(1).lower(), after)
        out.append(replace(a, source=author, named=True) if author else a)
    return out


def _author_of(t: Text, entities: Entities, work: str, after: int | None) -> str | None:
    """The one person or body the article gives as a `work`'s author ("Peston's new book",
    "the letter, from the Home Office"); only "the letter, from ..." after token `after`,
    if given."""
    authors = set()
    owned_by = re.compile(rf"(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?{work}s?\b")
    taken_up = re.compile(
        rf"\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?{work},?\s+(?:from|by|sent by)\s+(?:the\s+)?$", re.I
    )
    kinds = BODY_KINDS | PEOPLE_KINDS
    for s in entities.spans:
        if s.kind not in kinds or (after is not None and s.start < after):
            continue
        following = t.raw[t.doc[s.end - 1].idx + len(t.doc[s.end - 1].text) :][:40]
        before = t.raw[max(0, t.doc[s.start].idx - 50) : t.doc[s.start].idx]
        owned = after is None and owned_by.match(following)
        if owned or taken_up.search(before):
            authors.add(s.name)
    return authors.pop() if len(authors) == 1 else None


def _in_sentence(t: Text, span: Span, entities: Entities, before: list[Attribution]) -> list[Attribution]:
    spoken: list[Attribution] = []
    according: list[Attribution] = []
    sid = t.token_sid[span.start] or ""
    for token in t.tokens[span.start : span.end]:
        if token.lower_ == "according" and _next_is_to(token):
            attribution = _according_to(t, span, token, entities, sid)
            found = according
        elif (
            (_says(token) or (_a_finding(token) and is_verb(token)))
            # speech reported within the quote, unless the quotation was left open
            and (not t.inside_quotation(token.idx) or _narrates(span, token))
            and not _reported(token)
        ):
            attribution = _speech_verb(t, span, token, entities, before + spoken, sid)
            found = spoken
        else:
            continue
        if attribution is not None and attribution.claim and len(attribution.claim.split()) >= 2:
            found.append(attribution)
            found.extend(_conjoined(token, attribution, entities))
    if spoken and according:
        # "X said CLAIM, according to Reuters": X speaks, through Reuters.
        for a in spoken:
            a.via = a.via or according[0].source
        return spoken
    return spoken + according


def _conjoined(verb: Token, attribution: Attribution, entities: Entities) -> list[Attribution]:
    """ "The United Nations and European Union stressed ...": each named subject says it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not attribution.named:
        return []
    first = _names_in(entities, subjects[0].i, subjects[0].i + 1, BODY_KINDS | PEOPLE_KINDS)
    if not first or first[0].name != attribution.source:
        return []  # the attribution's speaker is not the first of the conjoined subjects
    out = []
    for other in subjects[0].conjuncts:
        names = _names_in(entities, other.i, other.i + 1, BODY_KINDS | PEOPLE_KINDS)
        if names and names[0].name != attribution.source:
            out.append(replace(attribution, source=names[0].name, role=_role(entities, names[0].name)))
    return out


def _that_said(token: Token) -> bool:
    """ "That said, the DEA says ...": an idiom ("even so"), no one speaking."""
    doc = token.doc
    return (
        token.lower_ == "said"
        and token.i > 0
        and doc[token.i - 1].lower_ == "that"
        and bool(doc[token.i - 1].is_sent_start)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
    )


def _says(token: Token) -> bool:
    """Whether a word is a verb of saying used as one ("said", "pointed out", "branded X
    as Y"), not "That said," or "pointed to the door"."""
    return (
        token.lower_ in SPEECH_FORMS
        and is_verb(token)
        and lemma(token) in SPEECH
        and _used_to_say(token)
        and not _that_said(token)
    )


def _used_to_say(verb: Token) -> bool:
    """Whether a verb that says only in some uses is in one: with its particle ("pointed
    out"), judging something as something, or calling it something quoted."""
    if lemma(verb) in JUDGING:
        return _judged_as(verb) is not None
    if lemma(verb) == "call":
        # "called it an 'extremely adverse development'", not "called the police", "what it
        # calls 'matters'", "a group calling itself X" or "a cantata called X"
        objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
        return (
            verb.dep_ not in ("acl", "relcl")
            and bool(objects)
            and objects[0] not in ("what", "which", "that", "itself", "himself", "herself", "themselves")
            and any(c.dep_ == "oprd" for c in verb.children)
            and bool(quote_marks(verb.doc[verb.i :].text))
        )
    particle = PARTICLE.get(lemma(verb))
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def _narrates(span: Span, verb: Token | None = None) -> bool:
    """A sentence with no quotation mark whose main verb is a third person saying ("All
    companies said they were investing"): the writer again, where a quotation was left
    open (text that lost its paragraph breaks also loses closing marks), not the
    speaker's words."""
    root = span.root
    if (verb is not None and verb.i != root.i) or quote_marks(span.text):
        return False
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    return (
        root.tag_ == "VBD"
        and lemma(root) in NARRATING
        and bool(subjects)
        and subjects[0].pos_ in ("NOUN", "PROPN")
    )


def _a_finding(verb: Token) -> bool:
    """ "A report by Amnesty International found that …": what a study found or showed
    is its author's claim."""
    if lemma(verb) not in FINDINGS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(lemma(s) in REPORTS or s.lower_ in REPORTS for s in subjects) and any(
        c.dep_ == "ccomp" for c in verb.children
    )


def _reported(verb: Token) -> bool:
    """Speech inside what someone else said ("X said whether he believes …"), or in a
    condition ("if he says …"): part of a claim, not a claim of its own."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in verb.children):
        return True
    node = verb
    direct = True  # the verb is the clause of the one above, so far
    while node.head.i != node.i:
        coordinated = node.dep_ == "conj"  # "X rejected it, and Y told us ...": Y's own claim
        direct = direct and node.dep_ == "ccomp"
        node = node.head
        if not coordinated and (
            (direct and _a_finding(node))  # "Surveys have shown that the majority expect ...": theirs
            # not "X had been expected to ..., but Y hinted", nor "rejected the offer, saying ..."
            or (_says(node) and lemma(node) not in SUBJECT_FIRST)
        ):
            return True
    return False


def _next_is_to(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def _quotation_opening(t: Text, sid: str) -> list[str]:
    """The earlier sentences of a quotation that ends in sentence `sid`, back to the one
    where it opens (`"Nissan has … sedans. With more than … The lower stance …," said
    X`): none if `sid` does not start inside a quotation, or if its opening is not found
    within a few sentences of the same paragraph."""
    if not t.opens_inside_quotation(t.sentence_of(sid)):
        return []
    number = int(sid[1:])
    earlier: list[str] = []
    for back in range(number - 1, max(0, number - 6), -1):
        earlier.insert(0, f"s{back}")
        if not t.opens_inside_quotation(t.sentence_of(f"s{back}")):
            return earlier
    return []


DOMINANT = 2  # times as often as any other holder of a title that "the governor" is named
GOES_ON = {"continue", "go", "begin", "start", "keep", "proceed", "repeat"}  # "continued to insist"


def _subject(verb: Token, entities: Entities) -> Token | None:
    """The speaker's word: the verb's active subject (a passive one is what was said:
    "job cuts will be announced"); of two, the one naming someone, then the nearer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if (
        not subjects
        and verb.head.i != verb.i
        and (
            verb.dep_ == "conj"
            or (verb.dep_ == "xcomp" and lemma(verb.head) in GOES_ON)
            or (
                verb.dep_ == "advcl"
                and verb.tag_ == "VBG"
                and verb.head.pos_ in ("VERB", "AUX")
                and lemma(verb) not in INFERRING  # "drew a large crowd, suggesting that"
            )
        )
    ):
        # "and added", "continues to insist", "He defended the plan, saying": the subject
        # of the verb it goes with (not "is expected to announce": what someone may yet
        # say is no claim of theirs)
        return _subject(verb.head, entities)
    if not subjects:
        return None
    named = {i for s in entities.spans for i in range(s.start, s.end)}
    after = [s for s in subjects if s.i > verb.i]
    if after and verb.i > 0 and verb.doc[verb.i - 1].text in (",", "”", '"'):
        subjects = after  # "…, in particular the UK, France and Spain, said the report"

    # of two naming no one, the word for who speaks: "A spokesperson who did not wish to be
    # named because of agency policy said" (the parser makes "policy" a subject too)
    def rank(s: Token) -> tuple[bool, bool, int]:
        naming = any(w.i in named for w in s.subtree)
        speaks = naming or s.lower_ in UNNAMED_HEADS or lemma(s) in ROLE_NOUNS
        return not naming, not speaks, abs(verb.i - s.i)

    return min(subjects, key=rank)


def _speaker_before(t: Text, span: Span, verb: Token, entities: Entities) -> NameSpan | None:
    """ "…," chairman, CEO and president Craig Menear said: the name just before a verb
    of speech that the parser gave no subject."""
    for s in entities.spans:
        if s.end == verb.i and s.start >= span.start and s.kind in PEOPLE_KINDS | BODY_KINDS:
            return s
    return _surname_before(t, span, verb, entities)


def _surname_before(t: Text, span: Span, verb: Token, entities: Entities) -> NameSpan | None:
    """ "Early still says": a surname that is also a word ("Early", "Young", "Price"), which
    the parse took for an adverb, just before the verb, of one person named before it."""
    i = verb.i - 1
    while i > span.start and t.doc[i].lower_ in ("still", "also", "now", "later", "then"):
        i -= 1
    word = t.doc[i]
    if i < span.start or not word.text[:1].isupper() or word.ent_type_:
        return None
    people = {h.name for h in entities.stakeholders if h.kind == "person" and h.name.split()[-1] == word.text}
    named_before = any(s.name in people and s.end <= i for s in entities.spans)
    return NameSpan(i, i + 1, people.pop(), "person") if len(people) == 1 and named_before else None


def _speaker_after(t: Text, span: Span, verb: Token, entities: Entities) -> NameSpan | None:
    """ "…, said The We Company's recently named executive chair Marcelo Claure": the
    name right after a verb of speech that the parser gave no subject."""
    if verb.i == span.start or t.doc[verb.i - 1].text not in (",", "”", '"', "’"):
        return None
    window = [
        s
        for s in entities.spans
        if verb.i < s.start <= verb.i + 20 and s.start < span.end and s.kind in PEOPLE_KINDS | BODY_KINDS
    ]
    # "said The We Company's executive chair Marcelo Claure": the person, not the company.
    for s in sorted(window, key=lambda s: (s.kind not in PEOPLE_KINDS, s.start)):
        between = t.doc[verb.i + 1 : s.start]
        if all(w.text[:1].isupper() or w.tag_ in TITLE_TAGS for w in between):
            return s
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """A noun phrase without its relative clauses and appositions."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "appos", "acl") or (child.dep_ == "punct" and child.i > head.i):
            drop.update(w.i for w in child.subtree)
    return [w for w in head.subtree if w.i not in drop]


def _apposition(head: Token) -> str | None:
    """ "X, a professor at Y who has studied Z, said": the role, as Who's who gives it."""
    for child in head.children:
        if child.dep_ == "appos":
            drop = {w.i for c in child.subtree if c.dep_ in ("relcl", "acl") for w in c.subtree}
            words = without_dangling_end([w for w in child.subtree if w.i not in drop])
            text = clean("".join(w.text_with_ws for w in words)).strip(" ,")
            return re.sub(r"^(?:a|an|the)\s+", "", text) or None
    return None


def _names_in(entities: Entities, start: int, end: int, kinds: set[str]) -> list[NameSpan]:
    return [s for s in entities.spans if s.start < end and start < s.end and s.kind in kinds]


def _resolve(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> tuple[str, str | None, bool] | None:
    """(source, role, named) for the subject of a verb of speech, or None when it
    cannot be told who spoke."""
    low = subj.lower_
    if low in ("he", "she", "it"):
        name = entities.antecedents.get(subj.i)
        return (name, _role(entities, name), True) if name else None
    unnamed_anaphor = not any(s.start <= subj.i < s.end for s in entities.spans)
    if unnamed_anaphor and (in_apposition := _body_in_apposition(subj, entities)):
        # "The group which represents vice-chancellors, Universities UK, said"
        return in_apposition, None, True
    det = {c.lower_ for c in subj.children if c.dep_ in ("det", "compound", "poss")}
    its_board = low in ("management", "leadership") and bool(det & ({"the", "its"} | ORG_ANAPHORS))
    if unnamed_anaphor and ((low in ORG_ANAPHORS and "the" in det) or its_board):
        # "the utility said", "Company management said": the organisation the story is about.
        if low in BODIES_BY_NAME:
            called = [s.name for s in entities.spans if s.end <= at and low in s.name.lower().split()]
            return (called[-1], None, True) if called else None
        name = next(
            (a.source for a in reversed(before) if a.named and _kind(entities, a.source) in BODY_KINDS), None
        )
        body = _last_named(entities, at, {"organization"}, None)
        name = name or (body.name if body else None)
        return (name, None, True) if name else None
    if low in ("they", "we", "i", "you", "who", "which", "that") and subj.text != "WHO":
        if low in ("who", "which") and subj.head.dep_ == "relcl":
            return _resolve(t, subj.head.head, entities, before, at)
        if low == "they" and before and not before[-1].named:
            return before[-1].source, None, False
        return None
    if low in REPORTS or low in DOCUMENTS:
        # "the TexAuto Facts report from InfoNation", "The letter, from the Home Office": its author.
        author = [
            s
            for s in entities.spans
            if s.kind in BODY_KINDS | PEOPLE_KINDS
            and subj.i < s.start <= subj.right_edge.i
            and any(t.tokens[k].lower_ in ("by", "from", "of") for k in range(subj.i, s.start))
            and not _obtained_by(t.tokens[s.start])
        ]
        if author:
            # "a survey by Penelope Abernathy of the University of X": the person, not where she works
            people = [a for a in author if a.kind in PEOPLE_KINDS]
            return (people[0] if people else author[-1]).name, None, True
        if (named_author := _named_after_by(t, subj)) is not None:
            return named_author, None, True
    if (low in REPORTS or low in DOCUMENTS or low in OWNED_WORKS) and (owner := _owner_of(t, subj, entities)):
        # "The Hefce report said", "Labour's new posters say", "the report also showed"
        return owner, None, True
    if low in REPORTS and _names_in(entities, subj.left_edge.i, subj.right_edge.i + 1, BODY_KINDS):
        # "One small study in 50 people with BED showed": a body named in it, not as its
        # author or owner, did not write it
        return _unnamed(subj), None, False
    if _person_by_epithet(subj, entities):
        # "the 56-year-old said", "said the American": the person named last, in this
        # sentence or the one before; or else the one person named in the three before.
        here = _sentence_number(t, at)
        people = [s for s in entities.spans if s.kind == "person" and s.end <= at]
        near = [s for s in people if _sentence_number(t, s.start) >= here - 1]
        window = {s.name for s in people if _sentence_number(t, s.start) >= here - 3}
        # a subject before a name in passing: "White was introduced to Conte through her
        # coach Remy Korchemy ... The 27-year-old believes" is White
        subjects = [s for s in near if t.doc[s.end - 1].dep_ in ("nsubj", "nsubjpass")]
        if near:
            name = max(subjects or near, key=lambda s: s.end).name
        elif len(window) == 1:
            name = window.pop()
        else:
            return None
        return name, _role(entities, name), True
    if low in DOCUMENTS and _with_the(subj) and (issuer := _issuer_of(t, subj, entities)):
        # "Big Machine Records issued a statement ... The statement claimed": theirs
        return issuer, None, True
    if low in DOCUMENTS and before and not any(c.dep_ in ("acl", "prep", "relcl") for c in subj.children):
        # "the statement said": the statement of the last named speaker (not "the letter
        # signed by seven physicians"); a report only a body's (a person quoted on a
        # report did not write it)
        last = next((a for a in reversed(before) if a.named), None)
        if last and (low not in REPORTS or _kind(entities, last.source) in NAMED_BODIES):
            return last.source, last.role, True
        if low not in REPORTS:
            return None
        if (writer := _owner_of(t, subj, entities, by=True)) is not None:
            return writer, None, True  # "the report by BT ... said Mr Hosford ... the report forecasts"
    resolved = _resolve_phrase(t, subj, entities)
    if resolved and not resolved[2] and (person := _epithet_of_last_speaker(t, subj, entities, before, at)):
        return person, _role(entities, person), True
    return resolved


def _person_by_epithet(subj: Token, entities: Entities) -> bool:
    """ "the 56-year-old", "the American", "the Frenchman": one person, by age or nation
    (not the nation: "the Americans" are a people, and no name speaks in either)."""
    epithet = "".join(w.text_with_ws for w in subj.subtree).strip().lower()
    if re.fullmatch(r"the \d+ ?- ?year ?- ?old", epithet):
        return True
    if subj.lower_ in PLAYING_POSITIONS and _with_the(subj):
        return True  # "The Manchester United wing revealed": Giggs, not his club
    if subj.tag_ != "NNP" or epithet != f"the {subj.lower_}" or subj.text.isupper():
        return False  # "the US said" is the country
    country = _names_in(entities, subj.i, subj.i + 1, {"country"})
    demonym = bool(country) and country[0].name != subj.text and subj.lower_.endswith(DEMONYM_ENDINGS)
    return subj.ent_type_ == "NORP" or demonym


# A player by the place they play: "the Manchester United wing", "the Chelsea striker".
PLAYING_POSITIONS = {
    "wing", "winger", "striker", "midfielder", "defender", "goalkeeper", "keeper", "forward", "full-back",
    "centre-back", "fly-half", "scrum-half", "flanker", "hooker", "prop", "lock", "batsman", "bowler",
    "sprinter", "hurdler", "playmaker", "quarterback",
}  # fmt: skip
# How a person of a nation is called: "American", "Japanese", "Frenchman", "Spaniard", "Briton".
DEMONYM_ENDINGS = ("an", "ese", "man", "ard", "on", "ot", "ss", "sh", "ch", "i", "ek", "rk")


# What a body puts out that may speak for it: "Labour's new posters say ..."
OWNED_WORKS = {"poster", "posters", "website", "advert", "adverts", "leaflet", "leaflets", "manifesto"}


def _issuer_of(t: Text, subj: Token, entities: Entities) -> str | None:
    """Who issued the document a subject refers back to, named as the subject of issuing
    one in the three sentences before: "Big Machine Records issued a statement"."""
    here = _sentence_number(t, subj.i)
    for earlier in reversed(t.tokens[: subj.i]):
        if _sentence_number(t, earlier.i) < here - 3:
            return None
        if earlier.lower_ != subj.lower_ or earlier.dep_ != "dobj" or lemma(earlier.head) not in ISSUING:
            continue
        for who in (c for c in earlier.head.children if c.dep_ == "nsubj"):
            named = _names_in(entities, who.left_edge.i, who.i + 1, BODY_KINDS | PEOPLE_KINDS)
            return named[-1].name if named else None
    return None


# Verbs whose "-ing" after a clause is the writer's inference more often than speech.
INFERRING = {"suggest", "indicate", "signal"}
# Verbs that put a document out: "issued a statement", "released a report".
ISSUING = {"issue", "release", "publish", "post", "send", "put"}


def _obtained_by(name: Token) -> bool:
    """ "The statement, which was obtained by Variety": who has a document is not its author."""
    by = name.head if name.dep_ == "pobj" else name.head.head
    return by.lower_ in ("by", "from") and lemma(by.head) in OBTAINING


# Who has a document, not who wrote it: "a letter seen by the BBC".
OBTAINING = {"obtain", "see", "review", "receive", "acquire", "view", "get", "share", "leak"}


def _unnamed(subj: Token) -> str:
    """An unnamed source in its own words, a clause on it left out: "two people familiar
    with the matter"."""
    drop = {x.i for c in subj.children if c.dep_ in ("relcl", "appos") for x in c.subtree}
    return _article_lowered(_strip_claim("".join(w.text_with_ws for w in subj.subtree if w.i not in drop)))


def _body_in_apposition(subj: Token, entities: Entities) -> str | None:
    """The body an apposition names outright ("The group ..., Universities UK,"), not one
    inside a role ("Dr Martins, a professor at Columbia University,")."""
    doc = subj.doc
    verb = subj.head
    # the subject's own apposition, or one the parser hung deeper that ends just before
    # the verb: "The group which represents vice-chancellors, Universities UK, said"
    closing = [
        w
        for w in subj.subtree
        if w.dep_ == "appos" and w.right_edge.i + 2 == verb.i and doc[w.right_edge.i + 1].text == ","
    ]
    for child in [*(c for c in subj.children if c.dep_ == "appos"), *closing]:
        if _names_in(entities, subj.left_edge.i, child.i + 1, PEOPLE_KINDS):
            continue
        bodies = _names_in(entities, child.i, child.i + 1, NAMED_BODIES)
        if bodies:
            return bodies[0].name
        words = list(child.subtree)
        if child in closing and 2 <= len(words) <= 5 and all(w.text[:1].isupper() for w in words):
            return "".join(w.text_with_ws for w in words).strip()  # a body's name no one tagged
    return None


def _owner_of(t: Text, subj: Token, entities: Entities, by: bool = False) -> str | None:
    """The body a document or work belongs to by its own words ("the Hefce report",
    "Labour's posters"), or, for "the report", the body that an earlier mention of the
    same word named ("The Hefce report ... The report also showed"), or, with `by`, its
    author ("the report by BT")."""
    owners = {"organization"}  # a journal publishes a study; its authors speak

    def named_owner(head: Token, by: bool = False) -> str | None:
        if _names_in(entities, head.i, head.i + 1, BODY_KINDS | PEOPLE_KINDS):
            return None  # "the BBC's World Business Report": a name, no work of its owner's
        for child in head.children:
            if child.dep_ in ("compound", "poss"):
                bodies = _names_in(entities, child.left_edge.i, child.i + 1, owners)
            elif by and child.dep_ == "prep" and child.lower_ in ("by", "from"):
                bodies = _names_in(entities, child.i, child.right_edge.i + 1, owners)  # "the report by BT"
            else:
                continue
            if bodies:
                return bodies[-1].name
        return None

    if (own := named_owner(subj)) is not None:
        return own
    if not _with_the(subj):
        return None
    for earlier in reversed(t.tokens[: subj.i]):
        if earlier.lower_ == subj.lower_ and (own := named_owner(earlier, by=by)) is not None:
            return own
    return None


def _named_after_by(t: Text, subj: Token) -> str | None:
    """ "A statement by Symbian said": the proper name after "by" or "from" in a document's
    phrase, when the analysis found no entity there."""
    words = [w for w in subj.subtree if w.i > subj.i]
    for k, w in enumerate(words[:-1]):
        if w.lower_ not in ("by", "from") or lemma(w.head) in OBTAINING:
            continue
        run: list[str] = []
        for x in words[k + 1 :]:
            if x.lower_ == "the" and not run:
                continue
            if x.tag_ not in ("NNP", "NNPS") or not x.text[:1].isupper():
                break
            run.append(x.text)
        return " ".join(run) or None
    return None


def _epithet_of_last_speaker(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> str | None:
    """ "The Fabian Society's Sundar Katwala said ... The political reform group's general
    secretary told ...": a definite title, given no name, for the person who spoke in the
    sentence before, when no one else is named between and the title is not another's."""
    owners = [subj, *(c for c in subj.children if c.dep_ == "poss")]  # "the group's secretary"
    if subj.tag_ == "NNS" or lemma(subj) not in ROLE_NOUNS or not any(_with_the(o) for o in owners):
        return None
    last = before[-1] if before else None
    if last is None or not last.named or _kind(entities, last.source) != "person":
        return None
    here = _sentence_number(t, at)
    if int(last.sentences[-1][1:]) != here - 1:
        return None
    people = [s for s in entities.spans if s.kind == "person"]
    if {s.name for s in people if here - 1 <= _sentence_number(t, s.start) <= here} - {last.source}:
        return None
    titles = _title_words(_role(entities, last.source) or "") & ROLE_NOUNS
    return last.source if not titles or subj.lower_ in titles else None


def _resolve_phrase(t: Text, subj: Token, entities: Entities) -> tuple[str, str | None, bool] | None:
    """(source, role, named) for a subject that is a phrase of its own, not a word that
    refers back: a person or body named in it, a title the article gives someone, or an
    unnamed source ("two people familiar with the matter")."""
    tokens = _phrase_tokens(subj)
    phrase = clean("".join(w.text_with_ws for w in tokens))
    start, end = min(w.i for w in tokens), max(w.i for w in tokens) + 1
    for child in subj.children if not _names_in(entities, subj.i, subj.i + 1, PEOPLE_KINDS) else ():
        if child.dep_ == "appos":
            # "Carlineo's attorney, Sonya Zoghlin, said": the person in apposition speaks.
            named = _names_in(entities, child.left_edge.i, child.right_edge.i + 1, PEOPLE_KINDS)
            if named:
                role = phrase.strip(" ,")
                return named[0].name, _without_article(role) or None, True
    bodies = _names_in(entities, start, end, BODY_KINDS)
    spoke_for = [b for b in bodies if b.kind != "country"]
    if subj.tag_ == "NN" and not _names_in(entities, start, end, PEOPLE_KINDS):
        # "its chief executive said": the person the article gives that title, if one.
        title = _title_of(tokens)
        person = _person_with_role(entities, title, subj)
        if person:
            return person, _role(entities, person), True
    someones = subj.lower_ in REPRESENTATIVES or subj.tag_ == "NNS" or subj.lower_ in QUANTIFIERS
    if someones and _represents_a_person(subj, entities):
        # "Morrison's lawyer said", "a spokesman for Taylor Swift", "some of Trump's
        # defenders": not Morrison, not Swift, not Trump
        return _article_lowered(phrase), None, False
    known = _known_person(phrase, entities)
    if known is not None and not bodies:
        # "veteran industry analyst Ken Doctor", "Doctor": a person the article names.
        name, words = known
        rest = phrase.removesuffix(words).strip(" ,")
        return name, _without_article(rest) or _role(entities, name), True
    if _capitalised_body(subj, tokens):
        # "Indiana State Police said": a body's proper name the parse did not tag
        return phrase.removeprefix("The ").removeprefix("the "), None, True
    if (lemma(subj) in UNNAMED_HEADS or subj.lower_ in UNNAMED_HEADS) and not (
        spoke_for and subj.lower_ in SPOKESPEOPLE
    ):
        # "officials", "two people familiar with the matter", "US officials": nobody named.
        return _unnamed(subj), None, False
    role_text = _apposition(subj)
    head_span = max(
        _names_in(entities, subj.i, subj.i + 1, BODY_KINDS | PEOPLE_KINDS),
        key=lambda s: s.end - s.start,
        default=None,
    )
    if head_span is not None and head_span.kind in BODY_KINDS:
        # "Public Ombudsman Nadia Cruz's office said": the office, not the person in its name.
        return head_span.name, role_text, True
    # A person inside a body's name is not who speaks: "Obama administration officials".
    people = [
        p
        for p in _names_in(entities, start, end, PEOPLE_KINDS)
        if not any(b.start <= p.start and p.end <= b.end for b in bodies)
    ]
    if people:
        name = people[-1].name
        return name, role_text or _role(entities, name), True
    if subj.tag_ in ("NN", "NNS") or subj.lower_ in TITLE_WORDS:
        # "Austria's interior minister said": the person the article gives that title.
        title = _title_of(tokens)
        person = _person_with_role(entities, title, subj)
        if person:
            return person, _role(entities, person), True
    if bodies:
        return _body_speaking(t, subj, tokens, phrase, bodies, role_text)
    if not _could_speak(phrase, tokens, subj):
        return None
    if subj.tag_ in ("NNP", "NNPS") and subj.text[:1].isupper() and len(tokens) <= 4:
        return phrase.removeprefix("The ").removeprefix("the "), role_text, True  # a name no one tagged
    return _article_lowered(phrase), role_text, False


def _represents_a_person(subj: Token, entities: Entities) -> bool:
    """Whether a lawyer or spokesman subject is someone's ("Morrison's lawyer", "a
    spokesman for Taylor Swift"), not the person named ("spokesman Hugh Robertson")."""
    represented = False
    for child in subj.children:
        named = _names_in(entities, child.left_edge.i, child.right_edge.i + 1, PEOPLE_KINDS)
        # "one of their lawyers, Michalis Dimitrakopoulos": the lawyer is named
        in_apposition = [
            w
            for w in child.subtree
            if w.dep_ == "appos" and w.head.i != subj.i and lemma(w.head) in REPRESENTATIVES
        ]
        if in_apposition and any(n.start >= in_apposition[0].left_edge.i for n in named):
            return False
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("for", "of")):
            represented = represented or bool(named)
        elif named:
            return False  # "Kenteris' lawyer Gregory Ioannidis": the lawyer is named
    return represented


def _body_speaking(
    t: Text, subj: Token, tokens: list[Token], phrase: str, bodies: list[NameSpan], role_text: str | None
) -> tuple[str, str | None, bool]:
    """(source, role, named) for a phrase naming bodies and no one who speaks for them."""
    if len(bodies) > 1 and subj.tag_ == "NNS" and any(w.lower_ == "and" for w in tokens):
        # "the Russian and Syrian defense ministries said": both, as one source
        return _without_article(phrase), role_text, True
    if all(b.kind == "country" for b in bodies) and subj.lower_ not in ORG_ANAPHORS | ORG_HEADS:
        # "Three leading UK video game companies", "Israeli settlers": of a country, not it.
        return _article_lowered(phrase), role_text, False
    # The fullest name in the phrase: "Inner Mongolia health commission", not "Mongolia".
    speaker = max(reversed(bodies), key=lambda b: b.end - b.start)
    rest = clean(phrase.replace(t.doc[speaker.start : speaker.end].text, "")).strip(" ’'s")
    rest = re.sub(r"\s+(?:for|of|at|from|with)(?:\s+the)?$", "", _without_article(rest))  # "spokesman for"
    # "a WeWork spokesperson", "the US military": the body speaks through them.
    return speaker.name, rest or None, True


def _without_article(text: str) -> str:
    """ "the company's chief executive" as a role: "company's chief executive"."""
    return re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.I)


def _article_lowered(phrase: str) -> str:
    """An unnamed source as a sentence would go on: "The analysts" is "the analysts"."""
    return re.sub(r"^(?:The|A|An)\s+", lambda m: m.group(0).lower(), phrase)


# Heads that are no one: "Another (wrote)", "Fifty-one percent (said)", "Correction".
NOBODY = {
    "another", "some", "nothing", "none", "all", "most", "percent", "number", "correction",
    "setup", "images", "facts", "testing",
}  # fmt: skip


def _could_speak(phrase: str, tokens: list[Token], subj: Token) -> bool:
    """Whether a phrase no name was found in can be a source: not a word standing for
    no one, nor the writer ("my toddler", "our initial testing"), nor a whole clause."""
    if len(re.findall(r"[A-Za-z]{2,}", phrase)) == 0 or len(tokens) > 12:
        return False
    if subj.lower_ in NOBODY or lemma(subj) in NOBODY:
        return False
    return not any(w.lower_ in ("my", "our", "us", "we", "i") and w.tag_ in ("PRP", "PRP$") for w in tokens)


def _capitalised_body(subj: Token, tokens: list[Token]) -> bool:
    """A head such as "Police" written with a capital inside a sentence, after other
    capitalised words: the end of a proper name ("Indiana State Police"), not "police"."""
    if subj.lower_ not in ("police", "authorities", "prosecutors") or subj.is_sent_start:
        return False
    words = [w for w in tokens if w.is_alpha and w.lower_ != "the"]
    return subj.text[:1].isupper() and len(words) >= 2 and all(w.text[:1].isupper() for w in words)


def _known_person(phrase: str, entities: Entities) -> tuple[str, str] | None:
    """(name, the words naming them) when a phrase ends with the full name, or a surname
    of one person only, of someone the article names."""
    people = [s for s in entities.stakeholders if s.kind == "person"]
    for s in people:
        if phrase == s.name or phrase.endswith(" " + s.name):
            return s.name, s.name
    last = phrase.rsplit(" ", 1)[-1]
    if not last[:1].isupper():
        return None
    owners = {s.name for s in people if last in s.aliases or s.name.split()[-1] == last}
    return (owners.pop(), last) if len(owners) == 1 else None


def _kind(entities: Entities, name: str) -> str | None:
    return next((s.kind for s in entities.spans if s.name == name), None)


def _role(entities: Entities, name: str) -> str | None:
    return next((s.role for s in entities.stakeholders if s.name == name and s.role), None)


def _title_of(tokens: list[Token]) -> str:
    """The title in a phrase, without whose it is: "the men's solicitor" is a solicitor."""
    owners = {w.i for t in tokens if t.dep_ == "poss" for w in t.subtree}
    return " ".join(
        w.lower_ for w in tokens if w.tag_ in ("NN", "NNS", "NNP") and w.ent_type_ == "" and w.i not in owners
    )


def _person_with_role(entities: Entities, title: str, subj: Token, dominant: bool = True) -> str | None:
    """The one person whose role contains every word of `title` ("interior minister").
    Of several, "the governor" is the one the article is about: named before it, and
    named at least twice as often as any other (if `dominant`; else no one)."""
    words = set(title.split())
    if not words or (not words & (TITLE_WORDS | ROLE_NOUNS) and subj.lower_ not in TITLE_WORDS):
        return None
    if any(c.lower_ in ("a", "an", "one", "another") for c in subj.children):
        return None  # "one analyst": someone the article does not name, not its analyst
    matches = [
        s.name
        for s in entities.stakeholders
        if s.kind == "person" and s.role and words <= _title_words(s.role)
    ]
    if len(matches) == 1:
        return matches[0]
    if not (matches and dominant) or not any(c.lower_ == "the" for c in subj.children):
        return None
    named = Counter(s.name for s in entities.spans if s.name in matches).most_common()
    if not named:
        return None
    first, times = named[0]
    runner_up = named[1][1] if len(named) > 1 else 0
    before = any(s.name == first and s.end <= subj.i for s in entities.spans)
    return first if before and times >= DOMINANT * max(1, runner_up) else None


# Titles as news abbreviates them before a name: "Republican Gov. Eric Holcomb".
TITLE_ABBREVIATIONS = {
    "gov.": "governor", "gov": "governor", "sen.": "senator", "rep.": "representative",
    "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "capt.": "captain",
    "supt.": "superintendent", "atty.": "attorney", "sec.": "secretary", "pres.": "president",
}  # fmt: skip


def _title_words(role: str) -> set[str]:
    words = role.lower().replace("-", " ").split()
    return {TITLE_ABBREVIATIONS.get(w, w) for w in words}


def _claim_tokens(verb: Token, span: Span) -> list[Token] | None:
    """What was said: the verb's clausal complement ("said that CLAIM"), or the clause
    the verb comments on ("CLAIM, X said."), or the clause after "that" where the
    parser hung it elsewhere ("told reporters at a press conference that CLAIM")."""
    if (outside := _parenthetical(verb, span)) is not None:
        return outside
    if (judged := _judged_as(verb)) is not None:
        return judged
    if lemma(verb) == "call" or lemma(verb) in URGING:
        # "called it a 'landmark judgment'", "urged people to be cautious of ...": what
        # follows the verb, its object with what is said of it (not a name: "Everyone
        # called him Mike")
        complements = [
            c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.tag_ not in ("NNP", "NNPS")
        ]
        said = _object_with(verb, complements)
        if said is not None:
            return said
    # of two clauses ("A may not last; Reed has said that B"), the one "that" opens
    clauses = sorted(
        (c for c in verb.children if c.dep_ == "ccomp"),
        key=lambda c: not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children),
    )
    if clauses:
        return list(clauses[0].subtree)
    for child in verb.children:
        before_verb = child.dep_ in ("advcl", "parataxis") and child.i < verb.i and not verb.is_sent_start
        if before_verb and any(w.text in (",", "”", '"') for w in verb.doc[child.right_edge.i : verb.i]):
            return list(child.subtree)
    if lemma(verb) in NEEDS_CLAUSE or any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return _that_clause(verb, span)
    head = verb.head
    comma_before = verb.i > span.start and verb.doc[verb.i - 1].text in (",", "”", '"', "’")
    # "after the committee concluded …" is no attribution; "As Emily Feng reports, …" is.
    marked = any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)
    if verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and head.i < verb.i and not marked:
        subject = _subject_span(verb)
        if comma_before or (subject is not None and verb.doc[subject[0] - 1].text in (",", "”", '"', "’")):
            skip = {w.i for w in verb.subtree}
            return [w for w in head.subtree if w.i not in skip]
    return _that_clause(verb, span)


def _judged_as(verb: Token) -> list[Token] | None:
    """ "branded the Tory plans as 'fantasy economics'", "touted the plan as making
    strides": the object and what it is judged as ("see" only with a quotation: "sees the
    lineup as its 'Achilles heel'")."""
    if lemma(verb) not in JUDGING:
        return None
    judged = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and len(list(c.subtree)) > 1]
    tokens = _object_with(verb, judged)
    if tokens is None or (lemma(verb) == "see" and not quote_marks("".join(w.text_with_ws for w in tokens))):
        return None
    return tokens


def _object_with(verb: Token, complements: list[Token]) -> list[Token] | None:
    """The verb's object and the first of its complements, in text order ("the plans" +
    "as 'fantasy economics'"), if it has both."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or not complements:
        return None
    return sorted([*objects[0].subtree, *complements[0].subtree], key=lambda w: w.i)


def _parenthetical(verb: Token, span: Span) -> list[Token] | None:
    """ "It has achieved this, Mr Weiner believes, by a canny mix", "Then, says Mr K, the
    world found out": the speaker set off by commas inside the claim; the claim is the
    sentence around them, whatever the parser hung on the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj", "ROOT"):
        return None
    # the subject's words up to its head: a clause the parser hung on the name is the claim's
    lo, hi = min(verb.i, subjects[0].left_edge.i), max(verb.i, subjects[0].i)
    doc = verb.doc
    if not (span.start < lo - 1 and hi + 2 < span.end - 1):
        return None
    if doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    after = doc[hi + 2]
    who = [w for w in (after, *after.ancestors) if w.dep_ == "appos" and w.head.i == subjects[0].i]
    if who and who[0].right_edge.i + 2 < span.end - 1 and doc[who[0].right_edge.i + 1].text == ",":
        hi = who[0].right_edge.i  # "This system, says Richard Locksley, a professor at X, helps"
        after = doc[hi + 2]
    elif who:
        return None  # `…, said X, a professor at Y`: what follows the name is who X is
    if quote_marks(doc[span.start : lo - 1].text) or after.lower_ in ("who", "which", "whose"):
        return None
    outside = [w for w in span if not lo - 1 <= w.i <= hi + 1]
    return outside if len([w for w in outside if w.i > hi]) >= 3 else None


def _that_clause(verb: Token, span: Span) -> list[Token] | None:
    for token in verb.doc[verb.i + 1 : span.end]:
        if (
            token.lower_ == "that"
            and token.i + 1 < span.end
            and (
                token.dep_ == "mark"
                # "tells the paper that he fought": read as "the paper that he fought" (a relative clause)
                or (lemma(verb) == "tell" and token.head.dep_ == "relcl" and token.head.head.head.i == verb.i)
            )
        ):
            return list(verb.doc[token.i + 1 : span.end])
    return None


def _claim_text(t: Text, span: Span, verb: Token, subj: Token, tokens: list[Token]) -> str:
    """The claim as the article words it, whole: after the verb, the rest of the
    sentence ("said that CLAIM."); before it, the sentence up to the speaker ("CLAIM,
    X said."). The parser's subtree of the claim may leave out words it hung elsewhere."""
    first, last = min(w.i for w in tokens), max(w.i for w in tokens)
    doc = verb.doc
    # a speaker set off by commas is already left out, and a clause hung on the name is the claim's
    skip = set() if _parenthetical(verb, span) is not None else {w.i for w in subj.subtree}
    for w in verb.subtree:
        if w.lower_ in ("citing", "quoting"):
            skip.update(x.i for x in w.subtree)
    start = max(span.start, t.dateline_end)  # "GENEVA (Test Wire) —" is no part of a claim
    if first > verb.i and lemma(verb) == "call":
        # "called it 'immaterial') and Gannett reportedly laid off": up to the quotation's end
        closing = [w.i for w in doc[verb.i : span.end] if w.text in ("”", '"')]
        words = [w for w in doc[first : max([last, *closing]) + 1] if w.i not in skip]
    elif first > verb.i and lemma(verb) in JUDGING:
        # "... as 'patently false', and analysts told ...": the judgement ends the claim
        words = [w for w in doc[first : last + 1] if w.i not in skip]
    elif first > verb.i:
        words = [w for w in doc[first : _claim_end(verb, last, span)] if w.i not in skip]
    elif last < verb.i:
        end = min(verb.i, min(skip) if skip and min(skip) > last else verb.i)
        words = [w for w in doc[start:end] if w.i not in skip]
    else:
        words = [w for w in sorted(tokens, key=lambda w: w.i) if w.i not in skip]
    # words either side of a gap (a speaker set off by commas) keep a space between them
    return "".join(
        w.text + (" " if k + 1 < len(words) and words[k + 1].i != w.i + 1 else w.whitespace_)
        for k, w in enumerate(words)
    )


def _claim_end(verb: Token, last: int, span: Span) -> int:
    """Where a claim after its verb ends: at the sentence's end, or before a clause the
    writer adds with a subject of its own ("BMW said it would build 100,000 a year, but
    the target was quickly reached"; "..., while the police deny it")."""
    end = span.end
    for child in verb.children:
        if child.i <= last:
            continue
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        own_subject = bool(subjects)
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        joined = [c for c in verb.children if c.dep_ == "cc" and last < c.i < child.i]
        # "..., but critics fear": a new party after "but"; "... and there was no cause for
        # alarm", "but it could not borrow" go on telling what was said
        if (
            child.dep_ == "conj"
            and joined
            and joined[-1].lower_ in ("but", "yet")
            and any(s.tag_ not in ("PRP", "EX") for s in subjects)
        ):
            end = min(end, joined[-1].i)
        elif child.dep_ == "advcl" and own_subject and marks & CONTRASTING:
            end = min(end, child.left_edge.i)
    return end


# Words that open the writer's counterpoint to what was said: "..., while the police deny it".
CONTRASTING = {"while", "whereas", "although", "though", "but"}


def _subject_span(verb: Token) -> tuple[int, int] | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    words = [w.i for w in subjects[0].subtree]
    return min(words), max(words) + 1


def _strip_claim(text: str) -> str:
    text = re.sub(r"\s*,(?:\s*,)+", ",", clean(text))  # where a cited source was taken out
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


def _quoted(span: Span) -> str | None:
    # two closing single marks stand for a double one on some sites
    found = _QUOTED.findall(span.text.replace("’’", "”").replace("''", '"'))
    return " … ".join(clean(q).strip(" ,.") for q in found) if found else None


def _via(verb: Token) -> str | None:
    for token in verb.subtree:
        if token.lower_ in ("citing", "quoting") and token.i + 1 < len(token.doc):
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj", "obj")]
            if objects:
                return clean("".join(w.text_with_ws for w in objects[0].subtree)).strip(" ,")
    return None


def _speech_verb(
    t: Text, span: Span, verb: Token, entities: Entities, before: list[Attribution], sid: str
) -> Attribution | None:
    declined = verb.head.i != verb.i and verb.dep_ != "advcl" and lemma(verb.head) in ("decline", "refuse")
    if declined or _negated(verb) or _supposed(verb):
        return None  # "declined to comment", "did not say", "others may argue"
    subj = _subject(verb, entities)
    if subj is None and lemma(verb) in SUBJECT_FIRST:
        return None  # "everyone does, indeed, expect Gordon Brown to ...": Brown does not speak
    if subj is None:
        speaker = _speaker_after(t, span, verb, entities) or _speaker_before(t, span, verb, entities)
        if speaker is None:
            return None
        claim = _quoted(span) or _strip_claim(t.doc[span.start : min(speaker.start, verb.i)].text)
        tokens = _claim_tokens(verb, span) if len(claim.split()) < 2 else []
        if tokens:  # "Early says there is a possibility ...": what follows the verb
            claim = _strip_claim(_claim_text(t, span, verb, t.doc[speaker.start], tokens))
        role = _role(entities, speaker.name)
        return Attribution(speaker.name, None, claim, [sid], role, True, bool(_quoted(span)))
    if subj.i < span.start or subj.i >= span.end:
        return None
    who = _resolve(t, subj, entities, before, subj.i)
    if who is None:
        return None
    source, role, named = who
    tokens = _claim_tokens(verb, span)
    quote = _quoted(span)
    if tokens:
        claim = _strip_claim(_claim_text(t, span, verb, subj, tokens))
        if lemma(verb) == "deny" and min(w.i for w in tokens) > verb.i:
            claim = f"{verb.lower_} {claim}"  # "denied she planned to retire": not that she did
    elif quote:
        claim = quote
    elif len(span) <= 8 and span.start > 0 and sid != "s1":
        # `“…?’” Holmes testified.` split into two sentences: the quote is the one before.
        previous = t.sentence_of(f"s{int(sid[1:]) - 1}")
        claim = _quoted(previous) or ""
        if not claim:
            return None
        return Attribution(source, None, claim, [f"s{int(sid[1:]) - 1}", sid], role, named, True)
    else:
        # "said in a statement: CLAIM": what follows a colon.
        rest = [w for w in t.tokens[verb.i + 1 : span.end] if w.i not in {x.i for x in subj.subtree}]
        text = "".join(w.text_with_ws for w in rest)
        if ":" not in text or lemma(verb) not in ("say", "add", "write", "tweet", "state", "announce"):
            return None
        claim = _strip_claim(text.split(":", 1)[1])
        if len(claim.split()) < 4:
            return None
    # `X said: "It is true ...` with no closing mark: a quotation that runs on into the
    # next paragraphs, which go on being X's.
    is_quote = (quote is not None and quote.split()[0] in claim) or quotation_open(
        t.doc[verb.i + 1 : span.end].text
    )
    sids = [sid]
    earlier = [] if _narrates(span) else _quotation_opening(t, sid)
    if earlier:
        # `"The president wants a bigger deal. Bigger than …" said X`: the quotation began
        # in a sentence before.
        claim = " … ".join([*(_strip_claim(t.text_of(e)) for e in earlier), claim])
        sids = [*earlier, sid]
        is_quote = True
    return Attribution(source, _via(verb), claim, sids, role, named, is_quote)


def _supposed(verb: Token) -> bool:
    """ "others may argue that …": what someone might say, which no one has."""
    return any(
        c.dep_ == "aux" and c.text in ("may", "might", "could") for c in verb.children
    )  # not "May said"


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _according_to(t: Text, span: Span, token: Token, entities: Entities, sid: str) -> Attribution | None:
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    who = _resolve(t, objects[0], entities, [], objects[0].i)
    if who is None:
        return None
    source, role, named = who
    phrase_end = max(w.i for w in objects[0].subtree) + 1
    via = None
    # "It's unclear whether … — both were said to have run into issues, according to THR";
    # "no insurance: according to estimates from India, only one-quarter …": the clause
    # after the last dash, colon or semicolon before it
    breaks = [w.i for w in token.doc[span.start : token.i] if w.text in ("—", "–", ";", ":")]
    start = breaks[-1] + 1 if breaks else span.start
    rest = [w for w in span if start <= w.i and not (token.i <= w.i < phrase_end)]
    # "According to Bloomberg, citing an anonymous source, CLAIM"
    words = "".join(w.text_with_ws for w in rest)
    m = re.match(r"^\s*,?\s*(?:citing|quoting)\s+([^,]+),", words)
    if m:
        via = clean(m.group(1))
        words = words[m.end() :]
    claim = _strip_claim(words)
    return Attribution(source, via, claim, [sid], role, named, False)


def _continues_quote(t: Text, span: Span, last: Attribution) -> bool:
    """A sentence inside a quotation opened in an earlier sentence, with no speaker of
    its own: the same speaker goes on. Within a paragraph the marks are counted from
    the last speaker's sentence (spaCy may leave a closing mark after the full stop as
    a "sentence" of its own, so the count runs up to this sentence); a new paragraph
    goes on with the quotation only if it opens with a quotation mark, as news writes."""
    if not last.quote or not last.sentences:
        return False
    said = t.sentence_of(last.sentences[-1]).start_char
    paragraph = t.paragraph_start(span.start_char)
    text = span.text.strip()
    before = t.raw[max(said, paragraph) : span.start_char].strip()
    if not t.raw[paragraph : span.start_char].strip():  # the sentence opens a paragraph
        previous = t.raw[said : span.start_char].strip()
        return text[:1] in '“"' and previous[-1:] not in '”"'
    return quotation_open(before) or (text[:1] in '“"' and before[-1:] not in '”"')


def _quotes_last_speaker(t: Text, span: Span, last: Attribution, entities: Entities) -> bool:
    """A paragraph that opens with a quotation and names no speaker, just after a person's
    words ("Mr Dunn warned that ...", then "'If companies are hiring ...'"; or a quotation
    of theirs that closed): news gives the quotation to that person."""
    if not last.named or _kind(entities, last.source) not in PEOPLE_KINDS:
        return False
    paragraph = t.paragraph_start(span.start_char)
    previous = t.sentence_of(last.sentences[-1])
    return (
        not t.raw[paragraph : span.start_char].strip()
        and span.text.lstrip()[:1] in '“"'
        and int(last.sentences[-1][1:]) == _sentence_number(t, span.start) - 1
        and not quotation_open(previous.text)
    )


def _merge(found: list[Attribution]) -> list[Attribution]:
    """One attribution per sentence and speaker (a speech verb and "according to" in the
    same sentence name one claim)."""
    first: dict[tuple[str, str], int] = {}
    out: list[Attribution] = []
    for a in found:
        key = (a.sentences[0], a.source)
        if key not in first:
            first[key] = len(out)
            out.append(a)
            continue
        kept = out[first[key]]
        if a.claim not in kept.claim and kept.claim not in a.claim:
            # "called the term 'outrageous' and said his client was innocent": both claims
            out[first[key]] = replace(kept, claim=f"{kept.claim} … {a.claim}", quote=kept.quote or a.quote)
    return out
