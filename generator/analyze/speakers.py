"""Who speaks: the person or body a verb of speech's subject stands for.

A name is replaced by the fullest form the article gives (entities.py has merged
"Persson" into "Eva-Marie Persson"); "he"/"she" is the last person named before it whom
the text does not give the other gender; "it" the last organisation; a role alone
("Austria's interior minister") the person the article gives that role; a description
("the 27-year-old", "said the American") the person named last; a document ("the
statement said") whoever issued it. A subject that names nobody ("officials", "two
people familiar with the matter", "Morrison's lawyer") is an unnamed source.
attributions.py finds the verbs and the claims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from ..dossier import Attribution
from .anonymity import MASTHEAD
from .claims import strip_claim
from .entities import Entities, NameSpan
from .grammar import coarse, lemma
from .mentions import POSSESSIVE, TITLE_WORDS
from .organisations import BODIES_BY_NAME, ORG_ANAPHORS, ORG_HEADS, SPOKES, the_alone
from .people import (
    ONE_OF_A_NATION,
    ONLY_A_PERSONS,
    PERSON_TITLES,
    ROLE_NOUNS,
    apposition_words,
    gender_of_first_name,
    without_dangling_end,
)
from .text import Text, clean, quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    "broker", "brokers", "dealer", "dealers", "banker", "bankers", "strategist", "strategists",
}  # fmt: skip
# Words that make a party's plural name some of its members: "senior Tories", "rebel Democrats"
SOME_MEMBERS = {"senior", "leading", "rebel", "backbench", "prominent", "other", "top", "moderate", "former"}
QUANTIFIERS = {"some", "many", "one", "several", "most", "all", "none", "few"}  # "some of Trump's defenders"
# Who speaks for or beside a person, as themselves: "Morrison's lawyer said" is not
# Morrison, nor "Ford's father told" Ford.
REPRESENTATIVES = ONLY_A_PERSONS | {
    "lawyer", "lawyers", "attorney", "attorneys", "rep", "representative", "spokesman", "spokeswoman",
    "spokesperson", "solicitor", "barrister", "counsel", "aide", "adviser", "advisor", "assistant",
    "manager", "coach", "friend", "partner",
}  # fmt: skip
# "a WeWork spokesperson", "PG&E officials", "health department officials": the body speaks.
# "the paper said": the publication the article named.
OUTLET_ANAPHORS = {"paper", "newspaper", "magazine", "tabloid", "daily", "weekly", "broadsheet"}
SPOKESPEOPLE = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "executive",
    "executives",
}
REPORTS = {
    "report", "data", "study", "survey", "analysis", "figures", "statistics", "estimates", "research", "poll",
    "review", "investigation", "audit", "calculations", "projections", "findings",
}  # fmt: skip
DOCUMENTS = {"statement", "report", "letter", "release", "email", "filing", "post", "tweet", "memo", "notice"}
BODY_KINDS = {"organization", "media", "country"}
NAMED_BODIES = {"organization", "media"}  # a body by its own name, not a country


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
    of_people = _modifying_people(t, entities, spans)
    examples = frozenset(i for s in entities.spans if an_example(t, s) for i in range(s.start, s.end))
    subjects: list[tuple[str, str, bool, int]] = []  # (name, kind, main clause, token) so far
    out: dict[int, str] = {}
    sure: dict[int, str] = {}
    title: Token | None = None  # the last "the prime minister" outside a name and a quotation
    said: list[NameSpan] = []  # epithets that stand for a person: "the 21-year-old"
    genders = dict(entities.genders)  # and those a "she" or "he" the text is sure of tells
    for token in t.tokens:
        low = token.lower_
        if _definite_title(token, spans, quoted) and not _in_what_was_said(token):
            title = token
        # "quoted him as saying": the one quoted speaks, as "he" would
        quoted_one = low in ("him", "her") and token.dep_ == "dobj" and lemma(token.head) == "quote"
        kinds = PEOPLE_KINDS if low in ("he", "she") or quoted_one else BODY_KINDS if low == "it" else None
        if kinds is not None:
            gender = "f" if low in ("she", "her") else "m" if low in ("he", "him") else None
            fits = [
                (n, main, at)
                for n, k, main, at in reversed(subjects)
                if k in kinds and genders.get(n, gender) == gender
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
            # "former Quantum Leap actor Scott Bakula": a show that names what a person was is
            # not "it"
            named = _last_named(
                entities, token.i, kinds, gender, (quoted | examples) if gender else quoted | of_people
            )
            if named is not None and (
                name is None
                # A subject two sentences back or more gives way to a later name the text
                # says is a woman (or a man): "… his editor Teresa Nielsen Hayden … she recalled".
                or (
                    named.start > at
                    and gender is not None
                    and entities.genders.get(named.name) == gender
                    and sentence_number(t, token.i) - sentence_number(t, at) >= 2
                    and sentence_number(t, named.start) > sentence_number(t, at)
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
                    # '"…," she said' of Jo Walton: no later "he" is her (unless her given
                    # name says otherwise: a "he" taken for Jane Starner teaches nothing)
                    outside = token.i not in quoted and token.dep_ == "nsubj"  # not "he" in a quotation
                    if outside and gender_of_first_name(name) in (None, gender):
                        genders.setdefault(name, gender)
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
        elif (
            token.dep_ == "nsubj"
            and token.i not in quoted
            and (person := _epithet_for(t, token, entities, said))
        ):
            # "the French international defender believes … 'It's only normal …,' he said";
            # "The Spaniard believed … 'I wish …,' the 21-year-old told": each the one before
            out[token.i] = person
            said.append(NameSpan(token.i, token.i + 1, person, "person"))
            subjects.append((person, "person", _main_clause(token), token.i))
    return out, sure


def _modifying_people(t: Text, entities: Entities, spans: Mapping[int, NameSpan]) -> frozenset[int]:
    """The starts of names that only qualify a person's phrase ("former Quantum Leap actor
    Scott Bakula")."""
    out = set()
    for s in entities.spans:
        head = t.tokens[s.end - 1]
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
            if head.i in spans and spans[head.i].kind in PEOPLE_KINDS and spans[head.i] is not s:
                out.add(s.start)
                break
    return frozenset(out)


def _subject_unparsed(token: Token) -> bool:
    """ "... at Carrow Road and Keegan sympathised with ...": a name the parser joined to the
    name before, followed by a verb that has no subject of its own; "Mirza, the first Indian
    woman to win …, will now face": a name the parser left hanging, its apposition taken
    for the subject."""
    doc = token.doc
    if token.dep_ == "npadvmod" and token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
        return any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNS") and c.left_edge.i == token.i + 2
            for c in token.head.children
        )
    if token.dep_ != "conj" or token.i + 1 >= len(doc):
        return False
    verb = doc[token.i + 1]
    return verb.tag_ in ("VBD", "VBZ") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _spokesperson_for(token: Token, spans: Mapping[int, NameSpan]) -> str | None:
    """The body a spokesman subject speaks for ("a UK Film Council spokesman", "a
    spokeswoman for Acme"), if the text names it."""
    if token.lower_ not in SPOKES or token.i in spans:
        return None
    named = [spans[w.i] for w in token.subtree if w.i in spans]
    if any(n.kind in PEOPLE_KINDS for n in named):
        return None  # "A spokesman for the agency, Dean Boyd, said": he is named
    bodies = [n for n in named if n.kind in NAMED_BODIES]
    return bodies[0].name if bodies else None


def _possessor(t: Text, span: NameSpan) -> bool:
    return span.end < len(t.doc) and t.doc[span.end].text in ("'s", "’s", "'", "’")


# Titles a "he" may stand for when written with "the": "the prime minister", "the chancellor".
DEFINITE_TITLES = PERSON_TITLES | {
    "chancellor",
    "premier",
    "leader",
    "bishop",
    "archbishop",
    "cardinal",
    "pope",
}


def _definite_title(token: Token, spans: Mapping[int, NameSpan], quoted: AbstractSet[int]) -> bool:
    """ "the prime minister", "the home secretary": a person's title with "the", no name."""
    return (
        token.lower_ in DEFINITE_TITLES
        # "the Bishop", as British papers write it (not "the Scottish Executive")
        and (token.tag_ == "NN" or (token.tag_ == "NNP" and all(c.dep_ == "det" for c in token.lefts)))
        and token.i not in spans
        and token.i not in quoted
        and _with_the(token)
    )


def _in_what_was_said(token: Token) -> bool:
    """Whether a word is in what someone is said to have said or thought ("Campbell said the
    first minister had ordered a report"): a title there is not who a "he" after it is."""
    return any(up.dep_ == "ccomp" for up in [token, *token.ancestors])


def _with_the(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _titled_since(t: Text, title: Token, pronoun: Token, at: int, named: NameSpan | None) -> bool:
    """Whether a title came after the pronoun's subject and name, in its sentence or the one
    before."""
    after = max(at, named.end - 1 if named is not None else -1)
    return after < title.i < pronoun.i and sentence_number(t, pronoun.i) - sentence_number(t, title.i) <= 1


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


def sentence_number(t: Text, i: int) -> int:
    sid = t.token_sid[i]
    return int(sid[1:]) if sid else 0


DOMINANT = 2  # times as often as any other holder of a title that "the governor" is named


# Clauses that place a thing inside a phrase, not say who speaks: "the research published
# in JAMA Psychiatry", "two suspects being held without trial", "a letter seen by the BBC"
PLACING = {"publish", "print", "carry", "air", "broadcast", "hold", "base", "detain"}


def _phrase_tokens(head: Token) -> list[Token]:
    """A noun phrase without its relative clauses and appositions, and without the clauses
    of the nouns inside it ("the authors of the research published in JAMA Psychiatry":
    the journal published it, the authors speak)."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "appos", "acl") or (child.dep_ == "punct" and child.i > head.i):
            drop.update(w.i for w in child.subtree)
    for w in head.subtree:
        if w.dep_ in ("relcl", "acl") and w.head.i != head.i and lemma(w) in PLACING:
            drop.update(x.i for x in w.subtree)
    return [w for w in head.subtree if w.i not in drop]


def _apposition(head: Token) -> str | None:
    """ "X, a professor at Y who has studied Z, said": the role, as Who's who gives it."""
    first = next((c for c in head.children if c.dep_ == "appos"), None)
    if first is None:
        return None
    subtree = apposition_words(head, first)  # "co-author", which the parse splits in three
    drop = {w.i for c in subtree if c.dep_ in ("relcl", "acl") for w in c.subtree}
    words = without_dangling_end([w for w in subtree if w.i not in drop])
    text = clean("".join(w.text_with_ws for w in words)).strip(" ,")
    return re.sub(r"^(?:a|an|the)\s+", "", text) or None


def names_in(entities: Entities, start: int, end: int, kinds: set[str]) -> list[NameSpan]:
    return [s for s in entities.spans if s.start < end and start < s.end and s.kind in kinds]


Resolved = tuple[str, str | None, bool] | None  # (source, role, named), or no one


def resolve_speaker(t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int) -> Resolved:
    """(source, role, named) for the subject of a verb of speech, or None when it
    cannot be told who spoke."""
    low = subj.lower_
    if low in ("he", "she", "it"):
        return _pronoun_speaker(t, subj, entities, before)
    if low in ("him", "her") and subj.dep_ == "dobj":
        # "quoted him as saying": the one the pronoun stands for, or no one
        name = entities.antecedents.get(subj.i)
        return (name, entity_role(entities, name), True) if name else None
    if (by_person := _work_by(subj, entities)) is not None:
        return by_person, entity_role(entities, by_person), True  # "Brown's Britain, by Robert Peston, says"
    unnamed_anaphor = not any(s.start <= subj.i < s.end for s in entities.spans)
    if unnamed_anaphor and (person := _person_set_off(subj, entities)):
        # "one of the so-called Guildford Four, Gerry Conlon - who … - said": him
        return person, entity_role(entities, person), True
    if unnamed_anaphor and (in_apposition := _body_in_apposition(subj, entities)):
        # "The group which represents vice-chancellors, Universities UK, said"
        return in_apposition, None, True
    det = {c.lower_ for c in subj.children if c.dep_ in ("det", "compound", "poss")}
    if any(c.dep_ == "poss" and names_in(entities, c.i, c.i + 1, {"country"}) for c in subj.children):
        det.add("the")  # "the UK's biggest mortgage lender" is a "the lender"
    party = low == "party" and det == {"the"} and not _party_words(subj)
    if unnamed_anaphor and party and (named_party := _party_named_last(t, entities, subj)) is not None:
        return named_party, None, True  # "Labour hit back … The party on Tuesday challenged"
    # "the management said", "company management said"; not "the national team management"
    its_board = (
        low in ("management", "leadership")
        and bool(det & ({"the", "its"} | ORG_ANAPHORS))
        and not any(c.dep_ == "amod" for c in subj.children)
        and len(det - {"the", "its"}) <= 1
    )
    if unnamed_anaphor and ((low in ORG_ANAPHORS and "the" in det) or its_board):
        return _body_by_anaphor(t, subj, entities, before, at)
    if unnamed_anaphor and low in OUTLET_ANAPHORS and "the" in det:
        # "The paper said", "said the newspaper": the publication named last; "the China
        # Daily newspaper said": the one it names, which the tagger may not have
        masthead = [c for c in subj.children if c.dep_ == "compound" and c.tag_ == "NNP"]
        words = subj.doc[masthead[0].left_edge.i : subj.i] if masthead else None
        if words is not None and all(w.tag_ == "NNP" for w in words):
            return words.text, None, True
        outlet = _outlet_named_last(t, entities, before, at)
        if outlet is not None:
            return outlet, None, True
    if low in ("which", "that") and (issuer := _issuer_of_document_that(subj, entities)) is not None:
        return issuer, entity_role(entities, issuer), True  # "published a blog post that said …"
    if low in ("they", "we", "i", "you", "who", "which", "that") and subj.text != "WHO":
        return _plural_pronoun_speaker(t, subj, entities, before, at)
    if low in REPORTS or low in DOCUMENTS:
        # "the TexAuto Facts report from InfoNation", "The letter, from the Home Office": its author.
        author = [
            s
            for s in entities.spans
            if s.kind in BODY_KINDS | PEOPLE_KINDS
            and subj.i < s.start <= subj.right_edge.i
            and any(_by_or_in(t.tokens[k], s) for k in range(subj.i, s.start))
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
    if (
        low in REPORTS
        and unnamed_anaphor  # not "Market research firm Jupiter Research said": a name
        and names_in(entities, subj.left_edge.i, subj.right_edge.i + 1, BODY_KINDS)
    ):
        # "One small study in 50 people with BED showed": a body named in it, not as its
        # author or owner, did not write it
        return _unnamed(subj), None, False
    if _person_by_epithet(subj, entities):
        # "the 56-year-old said", "said the American"
        name = entities.antecedents.get(subj.i) or _epithet_for(t, subj, entities, [])
        if name or low not in EPITHETS:
            return (name, entity_role(entities, name), True) if name else None
        # "the Romanian international" with no one to be: an unnamed source, as written
    if low in DOCUMENTS and _with_the(subj) and (issuer := _issuer_of(t, subj, entities)) is not None:
        # "Big Machine Records issued a statement ... The statement claimed": theirs; one
        # whose issuer the sentence gives but not by name is no one else's
        return (issuer, None, True) if issuer else None
    decided, document = _document_of_a_speaker(t, subj, entities, before)
    if decided:
        return document
    if unnamed_anaphor and (named := _named_so_before(t, subj, entities)) is not None:
        return named, entity_role(entities, named), True  # "The suspect, Michael Webb, … The suspect said"
    resolved = _resolve_phrase(t, subj, entities)
    if resolved and not resolved[2]:
        return _named_after_all(t, subj, entities, before, at) or resolved
    return resolved


def _named_so_before(t: Text, subj: Token, entities: Entities) -> str | None:
    """The person an article named in apposition to the same bare noun before: "The
    suspect, Michael Webb, was convicted … The suspect said" is Webb; and the body it
    named a group as members of: "The doctors, members of a recently formed group Doctors
    for Camp Closure, … The doctors said" is that group."""
    if subj.tag_ not in ("NN", "NNS") or [c.lower_ for c in subj.children if c.dep_ != "punct"] != ["the"]:
        return None
    people = [s for s in entities.spans if s.kind in PEOPLE_KINDS and s.end <= subj.i]
    for word in reversed(t.tokens[: subj.i]):
        if word.lower_ != subj.lower_ or word.tag_ != subj.tag_:
            continue
        if any(c.dep_ not in ("det", "appos", "punct") for c in word.children):
            continue  # "John Williams, the president of the New York Fed": not "the president"
        beside = [c for c in word.children if c.dep_ == "appos"]
        beside += [word.head] if word.dep_ == "appos" else []
        for other in beside:
            named = _body_of_members(other, entities) if subj.tag_ == "NNS" else None
            named = named or next((s.name for s in reversed(people) if s.start <= other.i < s.end), None)
            if named and (subj.tag_ == "NN" or named != subj.text):
                return named
    return None


def _body_of_members(noun: Token, entities: Entities) -> str | None:
    """ "members of Doctors for Camp Closure": the body they belong to."""
    if noun.lower_ != "members":
        return None
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    inside = {w.i for c in of for o in c.children if o.dep_ == "pobj" for w in o.subtree}
    return next((s.name for s in entities.spans if s.kind == "organization" and s.start in inside), None)


def _document_of_a_speaker(
    t: Text, subj: Token, entities: Entities, before: list[Attribution]
) -> tuple[bool, Resolved]:
    """(decided, who) for "the statement said": the statement of the last named speaker
    (not "the letter signed by seven physicians"); a report only a body's (a person quoted
    on a report did not write it); "the study found" only of a body that spoke just before;
    else the report's writer named earlier. Undecided: not such a subject, or a report
    whose author the text does not give."""
    low = subj.lower_
    if not (
        (low in DOCUMENTS or (low in REPORTS and _with_the(subj)))
        and before
        and not any(c.dep_ in ("acl", "prep", "relcl") for c in subj.children)
    ):
        return False, None
    last = next((a for a in reversed(before) if a.named), None)
    if last and low not in DOCUMENTS and not _spoke_lately(t, last, subj):
        last = None
    if last and low in REPORTS and (last.role or "").lower() in SPOKESPEOPLE:
        last = None  # a spokeswoman's words are no report
    if last and (low not in REPORTS or entity_kind(entities, last.source) in NAMED_BODIES):
        return True, (last.source, last.role, True)
    if low not in REPORTS:
        return True, None
    if (writer := _owner_of(t, subj, entities, by=True)) is not None:
        return True, (writer, None, True)  # "the report by BT ... said Mr Hosford ... the report forecasts"
    return False, None


def _named_after_all(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> Resolved:
    """An unnamed source the text does name: a title for the one who just spoke, a bare
    spokesman for the body that did, "MPs" for the one committee named."""
    if person := _epithet_of_last_speaker(t, subj, entities, before, at):
        return person, entity_role(entities, person), True
    if spoke_for := _spokesperson_went_on(t, subj, entities, before, at):
        return spoke_for
    if committee := _committee_of_mps(t, subj, entities):
        return committee, None, True
    return None


# Members of a parliament, as news writes them.
MEMBERS = {"mps", "meps", "msps", "ams", "mlas", "tds"}


def _committee_of_mps(t: Text, subj: Token, entities: Entities) -> str | None:
    """ "MPs said", "the MPs said", "the committee said" in an article on a committee's
    report: the one committee it names ("The Public Accounts Committee called for …, the
    MPs said"); not where the report is several committees' ("drawn up by two committees")."""
    if re.search(r"\bcommittees\b", t.raw, re.IGNORECASE):
        return None
    dets = [c for c in subj.children if c.dep_ == "det" and c.lower_ == "the"]
    word = subj.lower_ == "mps" or (subj.lower_ == "committee" and dets)
    if not word or len(dets) != len(list(subj.children)):
        return None
    committees = {
        s.name for s in entities.stakeholders if s.kind == "organization" and "committee" in s.name.lower()
    }
    return committees.pop() if len(committees) == 1 else None


def _subject_of_the_sentence(w: Token) -> bool:
    return w.dep_ in ("nsubj", "nsubjpass") and w.head.dep_ == "ROOT"


def _spokesperson_went_on(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> Resolved:
    """ "A spokesman said", for no one named: the body that spoke just before ("A Delta
    spokesperson confirmed … A spokesperson reiterated"), the one whose unnamed spokesman
    did ("a spokesman for Michael Howard said … the spokesman said"), or the body the
    sentence before is about ("But the Home Office defended the measures. A spokesman
    said"); else no one's."""
    bare = all(c.dep_ == "det" and c.lower_ in ("a", "the") for c in subj.children)
    if subj.lower_ not in SPOKES or not bare:
        return None
    here = sentence_number(t, at)
    last = before[-1] if before else None
    if last is not None and here - 1 <= int(last.sentences[-1][1:]) <= here:
        if last.named and entity_kind(entities, last.source) in NAMED_BODIES:
            return last.source, subj.lower_, True
        if not last.named and set(last.source.lower().split()) & SPOKES:
            return last.source, None, False
    if here < 2:
        return None
    sentence = t.spans[here - 2]
    bodies = [
        s
        for s in entities.spans
        if s.kind in NAMED_BODIES
        and sentence.start <= s.start < sentence.end
        and any(_subject_of_the_sentence(t.tokens[k]) for k in range(s.start, s.end))
    ]
    people = names_in(entities, sentence.start, sentence.end, PEOPLE_KINDS)
    return (bodies[0].name, subj.lower_, True) if len(bodies) == 1 and not people else None


def _pronoun_speaker(t: Text, subj: Token, entities: Entities, before: list[Attribution]) -> Resolved:
    """ "he", "she", "it": the name it stands for, or for an "it" that names a body only in
    passing, the body or document that spoke just before."""
    low = subj.lower_
    name = entities.antecedents.get(subj.i)
    if (
        name
        and low == "it"
        and (_named_in_claim(t, subj, entities, name) or not _subject_lately(t, subj, entities, name, before))
    ):
        # A body named only in passing or in what another said is not "it": the body or
        # document that spoke in the sentence before goes on ('… figures gathered by
        # Netcraft. In a statement from Lycos … "…," it said'; "… in the UK, said the
        # report. It said …"); a country gives way to no one else.
        last = before[-1] if before else None
        if last and not _spoke_lately(t, last, subj):
            last = None
        went_on = last.source if last and last.named else None
        if went_on and went_on != name and entity_kind(entities, went_on) in NAMED_BODIES:
            return went_on, None, True
        if last and not last.named and set(last.source.lower().split()) & (DOCUMENTS | REPORTS):
            # "A study, commissioned by X, found … It also found": the study goes on
            return last.source, None, False
        if entity_kind(entities, name) == "country":
            return None
        if not any(a.source == name for a in before) and not _in_a_subject_lately(t, subj, entities, name):
            # "… UPN's parent companies … It also urged": a body named only in passing and
            # never heard from is a guess; the claim is better left unsaid
            return None
    if name is None and low in ("he", "she"):
        return _unnamed_one_went_on(t, subj, before)
    if name and low in ("he", "she") and _named_in_what_is_said(subj, entities, name):
        # "Gerry Conlon … said the families were delighted. He said Mr Blair had spoken
        # with 'such sincerity'": not Mr Blair; the one who spoke just before, if anyone
        last = before[-1] if before else None
        if (
            last is not None
            and last.named
            and last.source != name
            and _spoke_lately(t, last, subj)
            and entity_kind(entities, last.source) in PEOPLE_KINDS
        ):
            return last.source, entity_role(entities, last.source), True
        return None
    if name and low in ("he", "she") and (unnamed := _unnamed_spoke_since(t, subj, entities, name, before)):
        # "one dealer, who asked not to be named, told Reuters … '…,' he said": the dealer,
        # not the analyst named before him
        return unnamed, None, False
    if name and low in ("he", "she") and (later := _spoke_since_named(t, subj, entities, name, before)):
        return later, entity_role(entities, later), True
    return (name, entity_role(entities, name), True) if name else None


def _unnamed_spoke_since(
    t: Text, subj: Token, entities: Entities, name: str, before: list[Attribution]
) -> str | None:
    """One unnamed person ("one dealer", "an analyst") who spoke in the sentence before,
    where `name` was last named before that sentence."""
    last = before[-1] if before else None
    if last is None or last.named or not _spoke_lately(t, last, subj):
        return None
    words = last.source.lower().split()
    if len(words) < 2 or words[0] not in ("one", "a", "an", "another") or words[-1] not in UNNAMED_HEADS:
        return None
    if words[-1].endswith("s") and words[:3] != ["one", "of", "the"]:
        return None  # "a number of analysts": no one "he" is
    opening = t.sentence_of(last.sentences[0]).start
    named_since = any(s.name == name and opening <= s.start < subj.i for s in entities.spans)
    return None if named_since else last.source


def _spoke_since_named(
    t: Text, subj: Token, entities: Entities, name: str, before: list[Attribution]
) -> str | None:
    """The person who spoke in the sentence before, where `name` was last named before that
    sentence: '"The groundwork is there," Buser says. … Early says there is a possibility
    … "Our objective is …," he says' is Early, whose name the model did not tag."""
    last = before[-1] if before else None
    if last is None or not last.named or last.source == name or not _spoke_lately(t, last, subj):
        return None
    if entity_kind(entities, last.source) not in PEOPLE_KINDS:
        return None
    gender = "f" if subj.lower_ == "she" else "m"
    if entities.genders.get(last.source, gender) != gender:
        return None
    sentence = t.sentence_of(last.sentences[0])
    if any(s.name == name and sentence.start < s.end <= subj.i for s in entities.spans):
        return None
    # named there ('according to our correspondent' is not), and not as the owner of what
    # another answers ("he hit back at Mr Mallon's claim that …")
    surname = last.source.split()[-1]
    if not any(w.text == surname and w.dep_ != "poss" for w in sentence):
        return None
    return last.source


def _named_in_what_is_said(subj: Token, entities: Entities, name: str) -> bool:
    """Whether the clause a "he said" reports names `name` as its subject: "He said Mr
    Blair had spoken" is not Mr Blair speaking of himself."""
    said = [c for c in subj.head.children if c.dep_ == "ccomp"]
    subjects = [w for c in said if c.i > subj.i for w in c.children if w.dep_ in ("nsubj", "nsubjpass")]
    # "… they could see Tory leader Michael Howard 'coming in the back door', he added": what
    # is told before the verb names no one telling it
    doc = subj.doc
    told_before = {  # a subject there may be the speaker in narration ("By the time Buckley learned …")
        w.i
        for c in said
        if c.i < subj.i
        and all(doc[k].is_punct for k in range(c.right_edge.i + 1, subj.i))
        # not "While it did not appeal to Julie Graham, she said she did not want to judge it"
        and not any(other.i > subj.i for other in said)
        for w in c.subtree
    }
    if any(s.name == name and s.start <= w.i < s.end for w in subjects for s in entities.spans):
        return True
    return any(
        s.name == name and s.end - 1 in told_before and not _tells(doc[s.end - 1]) for s in entities.spans
    )


def _tells(word: Token) -> bool:
    """Whether a word is the subject of a verb that narrates ("Buckley learned", "said Nick
    Ross"), not of one that is seen or wished ("see Michael Howard coming", "for Mary
    Steenburgen to put her name")."""
    verb = word.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children
    )
    return word.dep_ in ("nsubj", "nsubjpass") and finite


def _spoke_lately(t: Text, a: Attribution, subj: Token) -> bool:
    """Whether `a` was said in the sentence of `subj` or the one before."""
    return int(a.sentences[-1][1:]) >= sentence_number(t, subj.i) - 1


def _unnamed_one_went_on(t: Text, subj: Token, before: list[Attribution]) -> Resolved:
    """ "The prime minister's official spokesman said … But he added: '…'": with no one
    named for "he", the one unnamed person who spoke in that sentence or the one before."""
    last = before[-1] if before else None
    if last is None or not _spoke_lately(t, last, subj):
        return None
    if last.named:
        # "A spokesman for the watchdog said … He added": the body's spokesman goes on
        return (last.source, last.role, True) if (last.role or "").lower() in SPOKES else None
    head = last.source.split(" for ")[0].split()[-1].lower()  # "a spokesman for Michael Howard"
    return (last.source, None, False) if head in REPRESENTATIVES or head in SPOKESPEOPLE else None


def _body_by_anaphor(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> Resolved:
    """ "the utility said", "Company management said": the organisation the story is about."""
    low = subj.lower_
    if any(
        c.dep_ == "amod" and (c.ent_type_ in ("NORP", "GPE") or c.text[:1].isupper()) for c in subj.children
    ):
        # "the German automaker": the body the sentence before is about ("Siemens said … The
        # German company said"), else which one the text must say (not the last carmaker named)
        subject = _body_subject_before(t, entities, subj)
        return (subject, None, True) if subject else (_unnamed(subj), None, False)
    capitalised = subj.text[:1].isupper() and not subj.is_sent_start  # "The Bank said": of England
    if low in BODIES_BY_NAME or low in GOVERNMENTS or capitalised:
        # "the alliance said": only a body whose name says so (the Making Decisions
        # Alliance); "the government": a government, not the last body that spoke
        heads = GOVERNMENTS if low in GOVERNMENTS else {low}
        called = [s.name for s in entities.spans if s.end <= at and heads & set(s.name.lower().split())]
        if not called and low == "government" and entities.home_government and the_alone(subj):
            return entities.home_government, None, True  # "The government said": the UK's
        return (called[-1], None, True) if called else None
    opening = t.sentence_of(t.token_sid[subj.i] or "s1").start
    spoke = next(
        (a for a in reversed(before) if a.named and entity_kind(entities, a.source) in BODY_KINDS), None
    )
    # '"EMI Music's sales …," the company added', just after EMI spoke: EMI, not a name in
    # its words; '"… plans by BT …," the former monopoly said' with no body speaking: BT
    quoted = quoted_tokens(t) if spoke is not None and _spoke_lately(t, spoke, subj) else frozenset()
    here = {
        s.name
        for s in entities.spans
        if s.kind in NAMED_BODIES and opening <= s.start and s.end <= subj.i and s.start not in quoted
    }
    if len(here) == 1:
        # "In a statement from Lycos Europe …, the company denied": the one body named before it
        return here.pop(), None, True
    subject = _body_subject_before(t, entities, subj)
    if subject and (spoke is None or not _spoke_lately(t, spoke, subj)):
        return subject, None, True  # "Rosneft officials were unavailable. But the company has said"
    body = _last_named(entities, at, {"organization"}, None)
    name = spoke.source if spoke else body.name if body else None
    return (name, None, True) if name else None


def _plural_pronoun_speaker(
    t: Text, subj: Token, entities: Entities, before: list[Attribution], at: int
) -> Resolved:
    """ "they" (the last unnamed speakers, or a body that took a plural verb), "who" in a
    relative clause (what it hangs on); "we", "I", "you" and the rest: no one to name."""
    low = subj.lower_
    if low in ("who", "which") and subj.head.dep_ == "relcl":
        return resolve_speaker(t, subj.head.head, entities, before, at)
    if low == "they" and before and not before[-1].named and not _others_since(t, before[-1], subj):
        return before[-1].source, None, False
    if low == "they" and (plural_body := _body_as_they(t, subj, entities)) is not None:
        return plural_body, None, True
    return None


def _party_words(subj: Token) -> bool:
    """ "the Scottish party", "the party faithful": words that make it no plain anaphor."""
    return any(c.dep_ in ("amod", "compound", "nmod") for c in subj.children) or (
        subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].tag_ in ("NN", "NNS")
    )


def _party_named_last(t: Text, entities: Entities, subj: Token) -> str | None:
    """The one political party named in this sentence or the two before, or of several the
    last named as a subject ("Labour hit back … The party on Tuesday challenged the Tories":
    Labour); a party is a "… Party" or one the pack calls a party ("Liberal Democrats")."""
    here = sentence_number(t, subj.i)
    parties = {
        h.name
        for h in entities.stakeholders
        if h.kind == "organization"
        and (h.name.split()[-1] == "Party" or "party" in (h.description or "").lower().split())
    }
    named = [
        s
        for s in entities.spans
        if s.end <= subj.i and s.name in parties and here - sentence_number(t, s.start) <= 2
    ]
    if len({s.name for s in named}) == 1:
        return named[0].name
    subjects = [s for s in named if t.doc[s.end - 1].dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1].name if subjects else None


def _body_as_they(t: Text, subj: Token, entities: Entities) -> str | None:
    """ "Big Machine have denied doing anything wrong. '…,' they said": a body named as
    the subject of a plural verb in the sentence before, as British news writes of a
    company or a band, when no other subject comes between."""
    here = sentence_number(t, subj.i)
    if here < 2:
        return None
    previous = t.sentence_of(f"s{here - 1}")
    quoted = quoted_tokens(t)
    subjects = [
        w for w in t.tokens[previous.start : subj.i] if w.dep_ in ("nsubj", "nsubjpass") and w.i not in quoted
    ]
    if len(subjects) != 1 or subjects[0].conjuncts or not _plural_verb(subjects[0].head):
        return None  # not "Labour and the Tories have attacked …": which of them?
    bodies = names_in(entities, subjects[0].i, subjects[0].i + 1, NAMED_BODIES)
    return bodies[0].name if bodies else None


def _plural_verb(verb: Token) -> bool:
    """ "have denied", "are", "were": a verb that agrees with a plural subject."""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.tag_ == "VBP" or w.lower_ == "were" for w in words)


def _others_since(t: Text, last: Attribution, they: Token) -> bool:
    """Whether "they" may be others than the last unnamed speakers: a plural subject comes
    between ("critics claim … ministers launched their plan and Thursday's figures offer a
    check. They will say"), or a sentence or more passed without them."""
    spoke_in = int(last.sentences[-1][1:])
    if sentence_number(t, they.i) - spoke_in > 1:
        return True
    start = t.sentence_of(last.sentences[-1]).end
    return any(
        w.dep_ in ("nsubj", "nsubjpass") and w.tag_ in ("NNS", "NNPS") for w in t.tokens[start : they.i]
    )


def _named_in_claim(t: Text, subj: Token, entities: Entities, name: str) -> bool:
    """ "… if he left Britain, it said": a country the claim before "it" names is what
    the claim is about, not who says it (a letter, here); a company may speak of itself
    ("Microsoft shares rose, it said")."""
    claim = [c for c in subj.head.children if c.dep_ in ("ccomp", "parataxis") and c.i < subj.i]
    return any(s.name == name and claim[0].left_edge.i <= s.start < subj.i for s in entities.spans if claim)


GOVERNMENTS = {"government", "administration", "executive"}


def _work_by(subj: Token, entities: Entities) -> str | None:
    """The person a work that speaks is by: "Brown's Britain, by Robert Peston, says"."""
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for obj in prep.children:
                people = names_in(entities, obj.left_edge.i, obj.right_edge.i + 1, PEOPLE_KINDS)
                if obj.dep_ == "pobj" and people:
                    return people[0].name
    return None


def _body_subject_before(t: Text, entities: Entities, subj: Token) -> str | None:
    """The organisation named in the subject of the sentence before ("Rosneft officials"),
    or further back while those subjects are themselves "the company" ("Yukos lawyers
    say … The company and its shareholders have vowed … The company wants")."""
    number = sentence_number(t, subj.i) - 1
    while number >= 1:
        sentence = t.sentence_of(f"s{number}")
        subjects = [w for w in t.tokens[sentence.start : sentence.end] if _subject_of_the_sentence(w)]
        for token in subjects:
            inside = names_in(entities, token.left_edge.i, token.right_edge.i + 1, NAMED_BODIES)
            if inside:
                return inside[0].name
        if not any(token.lower_ == subj.lower_ and _with_the(token) for token in subjects):
            return None
        number -= 1
    return None


def _subject_lately(t: Text, subj: Token, entities: Entities, name: str, before: list[Attribution]) -> bool:
    """Whether a body is the subject of a verb in the sentence of "it" or the one before
    ("Iran rejected the offer. It said …"), not only named in passing or in what another
    said ("… in particular the UK, France and Spain, said the report")."""
    claimed = {(a.sentences[-1], a.claim) for a in before if a.source != name}

    def in_a_claim(s: NameSpan) -> bool:
        sid = t.token_sid[s.start]
        return any(sid == at and t.doc[s.start : s.end].text in claim for at, claim in claimed)

    return any(
        any(t.tokens[i].dep_ in ("nsubj", "nsubjpass") for i in range(s.start, s.end)) and not in_a_claim(s)
        for s in _named_lately(t, subj, entities, name)
    )


def _named_lately(t: Text, subj: Token, entities: Entities, name: str) -> list[NameSpan]:
    """Where `name` is named before `subj`, in its sentence or the one before."""
    now = sentence_number(t, subj.i)
    return [
        s
        for s in entities.spans
        if s.name == name and s.start < subj.i and now - 1 <= sentence_number(t, s.start) <= now
    ]


def _in_a_subject_lately(t: Text, subj: Token, entities: Entities, name: str) -> bool:
    """Whether a body is named inside the subject of the sentence of "it" or the one before
    ("Athletics' ruling body the IAAF said", "a Toshiba study found", "An umbrella
    organisation called the Disasters Emergency Committee has been set up"), or first in it."""
    for s in _named_lately(t, subj, entities, name):
        if s.start - t.sentence_of(t.token_sid[s.start] or "s1").start <= 5:
            return True  # a parse that lost the subject still names it first
        head = t.tokens[s.start]
        while head.dep_ not in ("nsubj", "nsubjpass", "ROOT") and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
            return True
    return False


def _outlet_named_last(t: Text, entities: Entities, before: list[Attribution], at: int) -> str | None:
    """The newspaper or magazine last credited with a claim, else the last named (one the
    article calls a paper counts: "Spanish daily ABC", "the Marca newspaper")."""
    masthead = re.compile(rf"\b{MASTHEAD}$")
    called = _called_a_paper(t, entities)
    for a in reversed(before):
        paper = entity_kind(entities, a.source) == "media" or masthead.search(a.source) or a.source in called
        if a.named and paper:
            return a.source
    named = [
        s
        for s in entities.spans
        if s.end <= at and (s.kind == "media" or masthead.search(s.name) or s.name in called)
    ]
    return named[-1].name if named else None


def _called_a_paper(t: Text, entities: Entities) -> set[str]:
    """The bodies the article calls a newspaper or magazine where it names them."""
    out = set()
    for s in entities.spans:
        if s.kind != "organization":
            continue
        before = t.tokens[s.start - 1].lower_ if s.start > 0 else ""
        after = t.tokens[s.end].lower_ if s.end < len(t.tokens) else ""
        if before in OUTLET_ANAPHORS or after in OUTLET_ANAPHORS:
            out.add(s.name)
    return out


def _person_named_last(
    t: Text,
    entities: Entities,
    at: int,
    position: str | None = None,
    earlier: Sequence[NameSpan] = (),
    passed: Sequence[NameSpan] = (),
) -> str | None:
    """The person named last, in this sentence or the one before, a subject before a name
    in passing ("White was introduced to Conte through her coach Remy Korchemy ... The
    27-year-old believes" is White); or else the one person named in the three before.
    `position`: the epithet's title word ("defender"), which rules out a person the
    article gives another title ("the impact manager Jose Mourinho"); `earlier`: more
    mentions to count; `passed`: mentions not to count."""
    here = sentence_number(t, at)
    people = [s for s in (*entities.spans, *earlier) if s.kind == "person" and s.end <= at]
    people = [s for s in people if s not in passed and not an_example(t, s)]
    if position is not None:
        # "the defender" is not the one the article calls its manager
        people = [s for s in people if not _titled_otherwise(entities, s.name, position)]
    near = [s for s in people if sentence_number(t, s.start) >= here - 1]
    window = {s.name for s in people if sentence_number(t, s.start) >= here - 3}
    subjects = [s for s in near if t.doc[s.end - 1].dep_ in ("nsubj", "nsubjpass")]
    # "Hayley Yelling said the team would understand if Radcliffe opted out. '…,' said the
    # European cross-country champion": the one the sentence is about, not one in what she said
    main = [s for s in subjects if t.doc[s.end - 1].head.dep_ == "ROOT"]
    if near:
        return max(main or subjects or near, key=lambda s: s.end).name
    if len(window) > 1:
        # "Jose Mourinho has agreed a deal to replace Mauricio Pochettino … Pochettino was
        # sacked … Mourinho's representatives … The 56-year-old said": the one the story
        # opens with as its subject, where he is among them
        window &= {
            s.name
            for s in people
            if sentence_number(t, s.start) == 1
            and t.doc[s.end - 1].dep_ == "nsubj"
            and t.doc[s.end - 1].head.dep_ == "ROOT"
        }
    return window.pop() if len(window) == 1 else None


def an_example(t: Text, span: NameSpan) -> bool:
    """Whether a name is only an example others are likened to ("the same spotlight as the
    likes of Jonny Wilkinson", "stars such as Beyonce", "players like Henry"): not whom a
    later "he" or "the 23-year-old" stands for."""
    word = t.doc[span.end - 1]
    for up in word.ancestors:
        before = t.doc[up.i - 1].lower_ if up.i > 0 else ""
        if (up.lower_ == "of" and up.head.lower_ == "likes") or (up.lower_ == "as" and before == "such"):
            return True
        if up.lower_ == "like" and up.dep_ == "prep":
            return True
    return False


def _epithet_for(t: Text, subj: Token, entities: Entities, earlier: list[NameSpan]) -> str | None:
    """The person an epithet subject stands for ("the 56-year-old", "the defender"), if it
    is one; `earlier`: the epithets before it, each as a mention of its person."""
    if not _person_by_epithet(subj, entities):
        return None
    position = subj.lower_ if subj.lower_ in PLAYING_POSITIONS | EPITHETS else None
    # Not the subject of a clause joined to the epithet's ("Ferguson's talisman Ruud van
    # Nistelrooy is fit, but the Scot admitted" is Ferguson), nor one named in a quotation.
    quoted = quoted_tokens(t)
    joined = {subj.head.i, *(w.i for w in subj.head.conjuncts)}
    others = [
        s
        for s in entities.spans
        if s.start in quoted
        or (t.doc[s.end - 1].dep_ in ("nsubj", "nsubjpass") and t.doc[s.end - 1].head.i in joined)
    ]
    return _person_named_last(t, entities, subj.i, position, earlier, others)


def _titled_otherwise(entities: Entities, name: str, position: str) -> bool:
    """Whether the article gives a person another position or a post off the field (the
    "impact manager Jose Mourinho" is not "the defender"; a captain may be)."""
    titles = _title_words(entity_role(entities, name) or "") & (PLAYING_POSITIONS | OFF_THE_FIELD)
    if position in EPITHETS:
        titles &= OFF_THE_FIELD  # a midfielder may be "the England captain", a coach not "the star"
    return bool(titles) and position not in titles


# Posts in sport that no player holds.
OFF_THE_FIELD = {
    "manager", "coach", "boss", "chairman", "director", "owner", "president", "referee", "agent",
    "executive", "official", "spokesman", "spokeswoman", "secretary", "minister", "selector",
}  # fmt: skip


def _person_by_epithet(subj: Token, entities: Entities) -> bool:
    """ "the 56-year-old", "the American", "the Frenchman": one person, by age or nation
    (not the nation: "the Americans" are a people, and no name speaks in either)."""
    epithet = "".join(w.text_with_ws for w in subj.subtree).strip().lower()
    if re.fullmatch(r"the \d+ ?- ?year ?- ?old", epithet):
        return True
    if subj.lower_ in PLAYING_POSITIONS and _with_the(subj):
        return True  # "The Manchester United wing revealed": Giggs, not his club
    if subj.lower_ in EPITHETS and subj.tag_ == "NN" and _with_the(subj):
        # "the world indoor champion", "the Oscar-nominated actor", "the Chelsea star": the
        # one the article has been about; not "the star of the show"
        return all(c.dep_ in ("det", "amod", "compound", "nmod", "npadvmod", "nummod") for c in subj.children)
    if subj.tag_ != "NNP" or epithet != f"the {subj.lower_}" or subj.text.isupper():
        return False  # "the US said" is the country
    country = names_in(entities, subj.i, subj.i + 1, {"country"})
    demonym = bool(country) and country[0].name != subj.text and subj.lower_.endswith(DEMONYM_ENDINGS)
    return subj.ent_type_ == "NORP" or demonym or subj.lower_ in ONE_OF_A_NATION


# What news calls the person it is about, without their name: "the Oscar-nominated actor".
EPITHETS = {
    "champion", "actor", "actress", "star", "player", "captain", "skipper", "singer", "rapper", "dj",
    "presenter", "athlete", "youngster", "teenager", "debutant", "veteran", "comedian", "frontman",
    "musician", "novelist", "film-maker", "filmmaker", "olympian", "international",
}  # fmt: skip
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
    one ("Big Machine Records issued a statement", "The company denied it in a statement")
    within five sentences of the last mention of it; "" for an issuer not named there."""
    here = sentence_number(t, subj.i)
    for earlier in reversed(t.tokens[: subj.i]):
        if t.token_sid[earlier.i] is None:
            continue  # a paragraph break, a quotation mark between sentences: no sentence's
        if sentence_number(t, earlier.i) < here - 5:
            return None
        if earlier.lower_ != subj.lower_:
            continue
        here = sentence_number(t, earlier.i)  # "the statement continued … concluded": still it
        issued = earlier.dep_ == "dobj" and lemma(earlier.head) in ISSUING
        # "The company flat-out denied the allegations in a statement": the company's (the
        # parse may hang "in a statement" on the object)
        verb = next((a for a in earlier.ancestors if coarse(a) in ("VERB", "AUX")), earlier)
        stated_in = earlier.dep_ == "pobj" and earlier.head.lower_ == "in" and verb is not earlier
        if not (issued or stated_in):
            continue
        for who in (c for c in verb.children if c.dep_ == "nsubj"):
            named = names_in(entities, who.left_edge.i, who.i + 1, BODY_KINDS | PEOPLE_KINDS)
            if named:
                return named[-1].name
            resolved = resolve_speaker(t, who, entities, [], who.i) if who.lower_ != subj.lower_ else None
            return resolved[0] if resolved and resolved[2] else ""
    return None


def _issuer_of_document_that(subj: Token, entities: Entities) -> str | None:
    """ "Amazon published a blog post that said …": the named subject of putting out the
    document a relative clause's "that" or "which" stands for."""
    verb = subj.head
    document = verb.head
    if verb.dep_ != "relcl" or document.lower_ not in DOCUMENTS | REPORTS or document.dep_ != "dobj":
        return None
    if lemma(document.head) not in ISSUING:
        return None
    for who in (c for c in document.head.children if c.dep_ == "nsubj"):
        named = names_in(entities, who.left_edge.i, who.i + 1, BODY_KINDS | PEOPLE_KINDS)
        if named:
            return named[-1].name
    return None


# Verbs that put a document out: "issued a statement", "released a report".
ISSUING = {"issue", "release", "publish", "post", "send", "put", "write", "sign"}


def _by_or_in(word: Token, author: NameSpan) -> bool:
    """ "a report by X", "from X", "of X", and "a report in the Guardian": the paper's."""
    return word.lower_ in ("by", "from", "of") or (word.lower_ == "in" and author.kind == "media")


def _obtained_by(name: Token) -> bool:
    """ "The statement, which was obtained by Variety", "a study commissioned by the
    executive, Scottish Borders Council and Midlothian Council": who has a document or
    ordered it is not its author."""
    by = next((a for a in name.ancestors if a.lower_ in ("by", "from")), None)
    return by is not None and lemma(by.head) in OBTAINING


# Who has a document or ordered it, not who wrote it: "a letter seen by the BBC".
OBTAINING = {
    "obtain", "see", "review", "receive", "acquire", "view", "get", "share", "leak", "commission", "fund",
    "sponsor",
}  # fmt: skip


def _unnamed(subj: Token) -> str:
    """An unnamed source in its own words, a clause on it left out: "two people familiar
    with the matter"."""
    drop = {x.i for c in subj.children if c.dep_ in ("relcl", "appos") for x in c.subtree}
    return _article_lowered(strip_claim("".join(w.text_with_ws for w in subj.subtree if w.i not in drop)))


def _person_set_off(subj: Token, entities: Entities) -> str | None:
    """The person named just after a subject that names no one, set off by a comma and
    hung on the subject or its verb: "One of the victims, Gerry Conlon, said"."""
    doc = subj.doc
    if subj.tag_ not in ("CD", "NN", "NNS") or names_in(
        entities, subj.left_edge.i, subj.right_edge.i + 1, PEOPLE_KINDS
    ):
        return None
    comma = subj.right_edge.i + 1
    if comma + 1 >= subj.head.i or doc[comma].text != ",":
        return None
    people = [s for s in entities.spans if s.start == comma + 1 and s.kind in PEOPLE_KINDS]
    if not people or people[0].end >= len(doc) or doc[people[0].end].text not in (",", "-", "–", "—"):
        return None
    head = doc[people[0].end - 1]
    return people[0].name if head.head in (subj, subj.head) else None


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
        if w.dep_ == "appos"
        and w.right_edge.i + 2 == verb.i
        and doc[w.right_edge.i + 1].text == ","
        # not a name after "by": "A study, which was commissioned by the executive, X,"
        and not any(a.dep_ in ("agent", "prep") for a in w.ancestors if a.i > subj.i)
    ]
    for child in [*(c for c in subj.children if c.dep_ == "appos"), *closing]:
        if names_in(entities, subj.left_edge.i, child.i + 1, PEOPLE_KINDS):
            continue
        bodies = names_in(entities, child.i, child.i + 1, NAMED_BODIES)
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
    if (own := _named_owner(subj, entities)) is not None:
        return own
    if _is_indefinite(subj) and sentence_number(t, subj.i) <= 2:
        # a lede's "…, a report says." and then "The Hefce report, drawing on …": the same report
        later = (w for w in t.tokens[subj.i + 1 :] if w.lower_ == subj.lower_ and _with_the(w))
        return next((own for w in later if (own := _named_owner(w, entities, by=True)) is not None), None)
    if not _with_the(subj):
        return None
    for earlier in reversed(t.tokens[: subj.i]):
        # "the report by telecoms giant BT … the report concludes": BT's
        if earlier.lower_ == subj.lower_ and (own := _named_owner(earlier, entities, by=True)) is not None:
            return own
    return None


def _organisations_in(entities: Entities, start: int, end: int) -> list[NameSpan]:
    """Organisations named between two tokens, one the tagger took for a place here
    ("telecoms giant BT") counted as what Who's who makes it."""
    organisations = {s.name for s in entities.stakeholders if s.kind == "organization"}
    return [s for s in names_in(entities, start, end, {"organization", "place"}) if s.name in organisations]


# Verbs of doing a study ("conducted by", "carried out by"), not of paying for or printing
# it ("commissioned by", "published by": its authors speak).
CONDUCTING = {"conduct", "carry", "compile", "undertake", "do", "produce", "prepare", "write"}


def _is_indefinite(word: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.children)


def document_author(head: Token, entities: Entities) -> str | None:
    """The body a document's own words give as its author: "a report by UK think-tank
    Demos", "the Hefce report", "The study, conducted by Building Zones"."""
    return _named_owner(head, entities, by=True)


def _possessive(word: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in POSSESSIVE for c in word.children)


def _named_owner(head: Token, entities: Entities, by: bool = False) -> str | None:
    """The organisation a work's own words name: "the Hefce report", "Labour's posters",
    with `by` "the report by BT" (a journal publishes a study; its authors speak)."""
    if names_in(entities, head.i, head.i + 1, BODY_KINDS | PEOPLE_KINDS):
        return None  # "the BBC's World Business Report": a name, no work of its owner's
    for child in head.children:
        if child.dep_ in ("compound", "poss") or (child.dep_ == "nmod" and _possessive(child)):
            # "the Hefce report", "Eurogamer's review", "The Verge's Stadia review"
            bodies = names_in(entities, child.left_edge.i, child.i + 1, NAMED_BODIES)
        elif by and child.dep_ == "prep" and child.lower_ in ("by", "from"):
            bodies = _organisations_in(entities, child.i, child.right_edge.i + 1)
        elif by and child.dep_ == "acl" and lemma(child) in CONDUCTING:
            # "The study, conducted by consultancy Building Zones,": who did it
            agents = [c for c in child.children if c.dep_ == "agent"]
            bodies = [b for a in agents for b in _organisations_in(entities, a.i, a.right_edge.i + 1)]
        else:
            continue
        if bodies:
            return bodies[-1].name
    if by and head.dep_ == "dobj" and lemma(head.head) in CONDUCTING:
        # "Pew Internet conducted an online survey of 2,755 musicians": who did it
        doers = [c for c in head.head.children if c.dep_ == "nsubj"]
        bodies = [b for d in doers for b in _organisations_in(entities, d.left_edge.i, d.i + 1)]
        if len(bodies) == 1:
            return bodies[0].name
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
    two sentences before, when no one else is named between and the title is not another's."""
    owners = [subj, *(c for c in subj.children if c.dep_ == "poss")]  # "the group's secretary"
    titled = lemma(subj) in ROLE_NOUNS | TITLE_WORDS
    if subj.tag_ == "NNS" or not titled or not any(_with_the(o) for o in owners):
        return None
    last = before[-1] if before else None
    if last is None or not last.named or entity_kind(entities, last.source) != "person":
        return None
    here = sentence_number(t, at)
    spoke = int(last.sentences[-1][1:])
    if not here - 2 <= spoke < here:
        return None
    people = [s for s in entities.spans if s.kind == "person"]
    if {s.name for s in people if spoke <= sentence_number(t, s.start) <= here} - {last.source}:
        return None
    in_the_claim = [s for s in people if subj.i < s.start and sentence_number(t, s.start) == here]
    if any(s.name == last.source for s in in_the_claim):
        return None  # "The former finance officer said Mr Ebbers knew": not Mr Ebbers
    role = role_then(entities, last.source) or ""
    titles = _title_words(role) & (ROLE_NOUNS | TITLE_WORDS)
    if another_office(role, {w.lower_ for w in subj.subtree}):
        return None  # "the chancellor" after the shadow chancellor spoke
    if lemma(subj) not in ROLE_NOUNS:
        # an office ("the chancellor", "the foreign secretary") is someone else than the
        # last speaker unless the article gives them that title
        return last.source if subj.lower_ in titles else None
    return last.source if not titles or subj.lower_ in titles else None


def _resolve_phrase(t: Text, subj: Token, entities: Entities) -> tuple[str, str | None, bool] | None:
    """(source, role, named) for a subject that is a phrase of its own, not a word that
    refers back: a person or body named in it, a title the article gives someone, or an
    unnamed source ("two people familiar with the matter")."""
    tokens = _phrase_tokens(subj)
    phrase = _spaced(tokens)
    start, end = min(w.i for w in tokens), max(w.i for w in tokens) + 1
    for child in subj.children if not names_in(entities, subj.i, subj.i + 1, PEOPLE_KINDS) else ():
        if child.dep_ == "appos":
            # "Carlineo's attorney, Sonya Zoghlin, said": the person in apposition speaks.
            named = names_in(entities, child.left_edge.i, child.right_edge.i + 1, PEOPLE_KINDS)
            if named:
                role = phrase.strip(" ,")
                return named[0].name, _without_article(role) or None, True
            if (
                subj.tag_ == "NNS"
                and child.tag_ == "NNP"
                and child.i == subj.i + 1
                and len(list(child.subtree)) == 1
            ):
                # "Telecom analysts Ovum welcomed the move": the firm so named
                return child.text, _without_article(clean(t.doc[start : subj.i + 1].text)) or None, True
    bodies = names_in(entities, start, end, BODY_KINDS)
    spoke_for = [b for b in bodies if b.kind != "country"]
    if spoke_for and spoke_for[0].start == start and _set_off(t, spoke_for[0].end, subj.i):
        # "EADS - Airbus' majority owner - admitted": the name, not the one in its aside
        return spoke_for[0].name, None, True
    if subj.tag_ == "NN" and not names_in(entities, start, end, PEOPLE_KINDS):
        # "its chief executive said": the person the article gives that title, if one.
        title = _title_of(tokens)
        person = _person_with_role(entities, title, subj) or _holder_of_same_post(
            entities, title, subj, tokens
        )
        if person:
            return person, entity_role(entities, person), True
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
        return name, _without_article(rest) or entity_role(entities, name), True
    if _capitalised_body(subj, tokens):
        # "Indiana State Police said": a body's proper name the parse did not tag
        return phrase.removeprefix("The ").removeprefix("the "), None, True
    if (
        (lemma(subj) in UNNAMED_HEADS or subj.lower_ in UNNAMED_HEADS)
        and not (spoke_for and subj.lower_ in SPOKESPEOPLE)
        and not names_in(entities, subj.i, subj.i + 1, BODY_KINDS - {"country"})  # "the Observer said"
    ):
        # "officials", "two people familiar with the matter", "US officials": nobody named.
        return _unnamed(subj), None, False
    if subj.tag_ == "NNPS" and any(c.lower_ in SOME_MEMBERS | QUANTIFIERS for c in subj.children):
        # "Senior Tories believe", "Many Democrats fear": some of the party's members, not
        # the party (that is "the Tories said")
        return _article_lowered(phrase), None, False
    role_text = _apposition(subj)
    head_span = max(
        names_in(entities, subj.i, subj.i + 1, BODY_KINDS | PEOPLE_KINDS),
        key=lambda s: s.end - s.start,
        default=None,
    )
    if head_span is not None and head_span.kind == "country" and (arm := _national_arm(subj, entities)):
        return arm, role_text, True  # "according to eBay UK": the company's, not the country's
    if head_span is not None and head_span.kind in BODY_KINDS:
        # "Public Ombudsman Nadia Cruz's office said": the office, not the person in its name.
        return head_span.name, role_text, True
    # A person inside a body's name is not who speaks: "Obama administration officials".
    people = [
        p
        for p in names_in(entities, start, end, PEOPLE_KINDS)
        if not any(b.start <= p.start and p.end <= b.end for b in bodies)
    ]
    if people:
        # the person the subject word names, not one named in its apposition
        # ("Richard Doherty, one of the pioneers of Blu-ray, told")
        # and not a possessor ("Florian Hamm - Borussia Dortmund's largest investor - said")
        named = [p for p in people if p.end < len(t.tokens) and t.tokens[p.end].text not in ("'s", "’s")]
        own = head_span if head_span is not None and head_span.kind in PEOPLE_KINDS else (named or people)[-1]
        return own.name, role_text or entity_role(entities, own.name), True
    if subj.tag_ in ("NN", "NNS") or subj.lower_ in TITLE_WORDS:
        # "Austria's interior minister said": the person the article gives that title.
        title = _title_of(tokens)
        person = _person_with_role(entities, title, subj)
        if person:
            return person, entity_role(entities, person), True
    if bodies:
        return _body_speaking(t, subj, tokens, phrase, bodies, role_text)
    if not _could_speak(phrase, tokens, subj):
        return None
    if subj.lower_ in TITLE_WORDS and _with_the(subj):
        return _article_lowered(phrase), role_text, False  # "The Chancellor said": no one named
    if (
        subj.tag_ in ("NNP", "NNPS")
        and subj.text[:1].isupper()
        and len(tokens) <= 4
        and subj.lower_ not in MEMBERS  # "MPs said": some members, no body's name
    ):
        return phrase.removeprefix("The ").removeprefix("the "), role_text, True  # a name no one tagged
    if subj.lower_ in KIN and role_text and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", role_text):
        return role_text, _article_lowered(phrase), True  # "said his wife, Sheila": Sheila
    return _article_lowered(phrase), role_text, False


# Whose first name alone the article may give: "said his wife, Sheila".
KIN = {
    "wife", "husband", "widow", "widower", "son", "daughter", "mother", "father", "brother", "sister",
    "partner", "girlfriend", "boyfriend", "fiancee", "fiance", "grandson", "granddaughter",
}  # fmt: skip


def _set_off(t: Text, after: int, head: int) -> bool:
    """Whether a name ending at `after` is followed by its description between dashes,
    the description's head word being `head`."""
    return after < head and t.tokens[after].text in ("-", "–", "—") and t.tokens[head].tag_ in ("NN", "NNS")


def _national_arm(subj: Token, entities: Entities) -> str | None:
    """The company whose national arm a country's name ends ("Microsoft UK", "eBay UK"):
    the company as the article names it, else the name as written."""
    makers = [c for c in subj.children if c.dep_ == "compound" and c.i == subj.i - 1 and c.ent_type_ == "ORG"]
    if not makers:
        return None
    named = names_in(entities, makers[0].i, makers[0].i + 1, {"organization"})
    return named[0].name if named else f"{makers[0].text} {subj.text}"


def _represents_a_person(subj: Token, entities: Entities) -> bool:
    """Whether a lawyer or spokesman subject is someone's ("Morrison's lawyer", "a
    spokesman for Taylor Swift"), not the person named ("spokesman Hugh Robertson")."""
    represented = False
    kin = subj.lower_ in ONLY_A_PERSONS
    for child in subj.children:
        kinds = PEOPLE_KINDS | BODY_KINDS if kin and child.dep_ == "poss" else PEOPLE_KINDS
        named = names_in(entities, child.left_edge.i, child.right_edge.i + 1, kinds)
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
        elif child.dep_ == "amod" and child.lower_ in ("close", "near"):
            represented = represented or bool(named)  # "sources close to Mr Hockney"
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
    if subj.lower_ in NOT_ITS_VOICE or (subj.lower_ in LAWYERS and len(bodies) > 1):
        # "Liverpool fans claimed", "Legitimate Bollywood film distributors": of the body, not it
        return _article_lowered(phrase), None, False
    if subj.lower_ in ONE_HOLDER:
        # "the Arsenal boss said": one person, not the club
        return _article_lowered(phrase), None, False
    if subj.lower_ == "embassy":
        # "The US Embassy in New Delhi reported": the embassy, not the country it is in
        return _without_article(phrase), None, True
    if all(b.kind == "country" for b in bodies) and subj.lower_ not in ORG_HEADS | {"watchdog"}:
        # "Three leading UK video game companies", "Israeli settlers", "South Korea's top car
        # maker": of a country, not it (its ministry, police or army speak for it)
        return _article_lowered(phrase), role_text, False
    # The fullest name in the phrase: "Inner Mongolia health commission", not "Mongolia".
    speaker = max(reversed(bodies), key=lambda b: b.end - b.start)
    rest = re.sub(r"^[’']s?\s*", "", clean(phrase.replace(t.doc[speaker.start : speaker.end].text, "")))
    rest = re.sub(r"\s+(?:for|of|at|from|with)(?:\s+the)?$", "", _without_article(rest))  # "spokesman for"
    # "a WeWork spokesperson", "the US military": the body speaks through them.
    return speaker.name, rest or None, True


# Posts one person holds, who is no body's voice as its spokesman is.
ONE_HOLDER = {"manager", "coach", "boss", "captain", "referee", "agent"}
# Other words for a post, as a role may give it: "the Chelsea boss" is its manager.
SAME_POST = {"boss": ("manager", "coach")}
# "Yukos' US lawyers": of which body, the words alone tell
LAWYERS = {"lawyer", "lawyers", "attorney", "attorneys", "solicitor", "solicitors", "counsel"}
# People of a body who do not speak for it: "Liverpool fans", "Ford workers".
NOT_ITS_VOICE = {
    "fans", "supporters", "residents", "customers", "users", "distributors", "workers", "employees",
    "staff", "members", "voters", "shareholders", "investors", "viewers", "readers", "listeners", "players",
    "students", "parents", "citizens", "farmers", "drivers", "passengers", "consumers", "critics",
    "campaigners", "protesters", "traders", "dealers", "subscribers", "owners", "patients",
    "competitors", "rivals", "opponents", "detractors", "creditors", "suppliers", "people", "lot", "lots",
    "dozens", "hundreds", "thousands", "millions",  # "a whole lot of people on Twitter"
    "donor", "donors", "backer", "backers", "fan", "supporter", "voter", "member", "customer", "worker",
    "shareholder", "investor", "player", "student", "campaigner", "protester", "subscriber",
}  # fmt: skip


def _spaced(tokens: list[Token]) -> str:
    """Words as written, where a word left out (the comma of "Minister for Children, Young
    People …") leaves a space."""
    return clean(
        "".join(
            w.text + (" " if k + 1 < len(tokens) and tokens[k + 1].i != w.i + 1 else w.whitespace_)
            for k, w in enumerate(tokens)
        )
    )


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


def entity_kind(entities: Entities, name: str) -> str | None:
    return next((s.kind for s in entities.spans if s.name == name), None)


def entity_role(entities: Entities, name: str) -> str | None:
    return next((s.role for s in entities.stakeholders if s.name == name and s.role), None)


# A pack's office held in years past: "Prime Minister of the United Kingdom (2007–2010)"
FORMER_OFFICE = re.compile(r"\(\d{4}[–-]\d{4}\)$")


def role_then(entities: Entities, name: str) -> str | None:
    """The role the article or a pack gives someone, where it says what they were when the
    article was written: a pack's office of years past is no such thing (Gordon Brown was
    chancellor in 2005, prime minister from 2007)."""
    role = entity_role(entities, name)
    return None if role and FORMER_OFFICE.search(role) else role


def _title_of(tokens: list[Token]) -> str:
    """The title in a phrase, without whose it is: "the men's solicitor" is a solicitor."""
    owners = {w.i for t in tokens if t.dep_ == "poss" for w in t.subtree}
    return " ".join(
        w.lower_
        for w in tokens
        if w.tag_ in ("NN", "NNS", "NNP")
        and (w.ent_type_ == "" or w.lower_ in TITLE_WORDS)
        and w.i not in owners
    )


def _holder_of_same_post(entities: Entities, title: str, subj: Token, tokens: list[Token]) -> str | None:
    """ "the Newcastle boss": the one person whose role is that post under another word,
    at the body the subject names ("Newcastle manager Graeme Souness"; not "the Toon boss",
    whose nickname no role carries)."""
    named = {w.text for w in tokens if w.text[:1].isupper() and w.i != subj.i and w.lower_ != "the"}
    for post in SAME_POST.get(title, ()):
        person = _person_with_role(entities, post, subj)
        role = entity_role(entities, person) if person else None
        if person and named and role and named <= set(role.split()):
            return person
    return None


def _person_with_role(entities: Entities, title: str, subj: Token, dominant: bool = True) -> str | None:
    """The one person whose role contains every word of `title` ("interior minister").
    Of several, "the governor" is the one the article is about: named before it, and
    named at least twice as often as any other (if `dominant`; else no one)."""
    words = set(title.split())
    if not words or (not words & (TITLE_WORDS | ROLE_NOUNS) and subj.lower_ not in TITLE_WORDS):
        return None
    if any(c.lower_ in ("a", "an", "one", "another") for c in subj.children):
        return None  # "one analyst": someone the article does not name, not its analyst
    written = words | {w.lower_ for w in subj.subtree}
    matches = [
        s.name
        for s in entities.stakeholders
        if s.kind == "person"
        and s.role
        and words <= _title_words(s.role)
        and not another_office(s.role, written)
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


# Words of a role that make it another office than the bare title: "the chancellor" is
# not the shadow chancellor, "the minister" not the prime minister.
OTHER_OFFICE = {"shadow", "deputy", "vice", "former", "ex", "acting", "assistant", "junior", "prime"}


def another_office(role: str, title: set[str]) -> bool:
    """Whether a role is another office than the title's words, as written, name."""
    return bool((_title_words(role) & OTHER_OFFICE) - title)


def _title_words(role: str) -> set[str]:
    words = role.lower().replace("-", " ").split()
    return {TITLE_ABBREVIATIONS.get(w, w) for w in words}
