"""Who said what, the way news writes it.

Read off each sentence's dependency parse:

    X said (that) CLAIM / CLAIM, X said. / "CLAIM," she said.
    X told Reuters CLAIM / X added CLAIM / In a statement, X said CLAIM
    according to X, CLAIM / CLAIM, said X, a spokesman for Y.

The speaker is the subject of a verb of speech, whom speakers.py names (the fullest
name the article gives, the person a pronoun, a title or a description stands for, or
an unnamed source: kept, marked, and flagged for the editor). The claim is the clause
the verb governs or comments on, trimmed of the writer's own words around it. A
quotation that runs on into the next sentence stays with its speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..dossier import Attribution
from .cataphora import named_after_the_lede, report_named_after_the_lede
from .claims import strip_claim
from .entities import Entities, NameSpan
from .grammar import coarse, is_verb, lemma
from .organisations import ORG_ANAPHORS, ORG_HEADS
from .people import PRONOUN_GENDER, ROLE_NOUNS, gender_of_first_name
from .speakers import (
    BODY_KINDS,
    DOCUMENTS,
    ISSUING,
    OUTLET_ANAPHORS,
    PEOPLE_KINDS,
    QUANTIFIERS,
    REPORTS,
    UNNAMED_HEADS,
    entity_kind,
    entity_role,
    names_in,
    pronoun_antecedents,
    resolve_speaker,
    sentence_number,
)
from .text import Text, clean, quotation_open, quote_marks, quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that say only as a stance, with a clause or object of their own ("demanded
# assurances that …"); a quotation near them is no claim of theirs
TAKING_A_STANCE = {"demand", "question", "challenge", "fear"}
DISPUTING = {"dispute", "refute"}  # "disputed that …", "refuted suggestions that …"
# Verbs that state a wish or a feeling as their object ("reiterated his desire to stay")
EXPRESSING = {"reiterate", "express", "restate"}  # not "voice": "will voice a goose"
WISHES = {
    "desire", "wish", "willingness", "commitment", "intention", "hope", "determination", "interest",
    "confidence", "concern", "support", "opposition", "frustration", "disappointment", "belief", "fear",
    "doubt", "view",
}  # fmt: skip
# "criticised the plans for …", "blamed her defeat on injuries": whom, and for what
FAULTING = {"criticise": "for", "criticize": "for", "blame": "on"}
# Verbs that say only beside a quotation: '"…," he continued', 'she whispered: "…"'
QUOTING = {
    "continue", "whisper", "beg", "volunteer", "bemoan", "plead", "exclaim", "retort", "interject", "shout",
    "yell", "scream", "order",
}  # fmt: skip
SPEECH = {
    "say", "tell", "add", "state", "announce", "report", "confirm", "claim", "write", "note", "reveal",
    "disclose", "explain", "warn", "argue", "insist", "predict", "acknowledge", "testify", "tweet", "deny",
    "admit", "allege", "comment", "declare", "maintain", "recall", "suggest", "urge", "stress", "emphasise",
    "emphasize", "assert", "concede", "contend", "caution", "estimate", "reply", "respond", "answer",
    "counter", "indicate", "accuse", "complain", "observe", "remark", "pledge", "promise", "vow",
    "believe", "think", "reiterate", "assure", "threaten", "hint", "boast", "joke", "quip", "lament",
    "recount", "conclude", "speculate", "mention", "forecast", "point", "describe", "expect", "call",
    "reject", "dismiss", "brand", "blast", "tout", "see", "hail", "label", "denounce", "make",
} | TAKING_A_STANCE | DISPUTING | set(FAULTING) | QUOTING | EXPRESSING  # fmt: skip
FIGURING = {"report", "forecast", "predict"}  # verbs that say with a figure for object
URGING = {"urge", "warn", "advise", "caution", "challenge"}  # "urged people to ...": the advice is the claim
# Verbs of a stance rather than a statement: the claim keeps the verb, or it would read as
# the speaker's assertion ("denied she planned to retire", "demanded assurances that …")
PROMISING = {"promise", "pledge", "vow", "threaten"}  # "promised to raise the issue": what they will do
STANCES = {"deny", "accuse"} | TAKING_A_STANCE | PROMISING | DISPUTING | set(FAULTING)
# Verbs that say only by judging something "as" something: "rejected the claims as false"
JUDGING = {"reject", "dismiss", "brand", "blast", "tout", "see", "hail", "label", "denounce"}
SUBJECT_FIRST = {"expect", "call", "urge", "advise"}  # verbs whose speaker is never the name after them
# How the writer reports speech ("All companies said"), as a quotation rarely does
NARRATING = {"say", "add", "tell", "claim", "insist", "argue", "explain", "note", "state", "report"}
# Verbs that say only with their particle: "pointed out that …", not "pointed to the door".
PARTICLE = {"point": "out"}
_IRREGULAR = {
    "say": {"said"}, "tell": {"told"}, "write": {"wrote", "written"}, "think": {"thought"}, "make": {"made"},
}  # fmt: skip


def _forms(verb: str) -> set[str]:
    """Spellings a verb may take ("said", "denies", "admitted"): a cheap test that spares
    the lemmatizer most tokens (more spellings than real ones does no harm)."""
    out = {verb, f"{verb}s", f"{verb}es", f"{verb}ed", f"{verb}d", f"{verb}ing", f"{verb}{verb[-1]}ed"}
    out |= {f"{verb}{verb[-1]}ing", f"{verb[:-1]}ing", f"{verb[:-1]}ied", f"{verb[:-1]}ies"}
    return out | _IRREGULAR.get(verb, set())


SPEECH_FORMS = frozenset(form for verb in SPEECH for form in _forms(verb))
TITLE_TAGS = {"DT", "POS", "JJ", "NN", "NNS", "RB", "VBN", "HYPH", "IN", "NNP", ","}
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
FINDINGS = {"find", "show", "conclude"}  # what a report does: "the study found that …"
RESEARCHERS = {"researchers", "scientists", "team", "analysts", "economists", "experts", "tests", "testing"}
# Clauses of time or contrast, which set a scene rather than say what was claimed
CONCEDING = {"while", "whilst", "although", "though"}  # "while X admitted …, he said …"
SETTING = {"while", "whilst", "although", "though", "as", "after", "before", "when", "since", "because"}
_QUOTED = re.compile(r"[“\"]([^“”\"]{8,})[”\"]")


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
        if introduced := _quotation_after_colon(t, span, entities, labelled_only=True):
            # "- Burnley boss Steve Cotterill: '…'": a new speaker, whoever spoke before
            found.append(introduced)
            last = introduced
            continue
        if (inside := _label_within(t, span, entities)) is not None:
            # '… harder than it was already." - Southampton boss Harry Redknapp: "We know …':
            # one speaker's quotation ends and the next one's opens in one "sentence"
            found.extend(_split_at_label(t, span, sentence.id, inside, last, entities))
            last = found[-1]
            continue
        # '"… ?" / Schiff asked.': the next sentence names another speaker
        tagged = last is not None and _tagged_next(t, sentence.id, last, entities)
        goes_on = (
            last is not None
            and not tagged
            and _continues_quote(t, span, last)
            and not _narrates(span)
            and not _has_own_speaker(t, span, last, entities)
            and not _names_the_speaker(span, last, entities)
        )
        opens = last is not None and not (goes_on or tagged) and _quotes_last_speaker(t, span, last, entities)
        if not (goes_on or opens) and (introduced := _quotation_after_colon(t, span, entities)):
            found.append(introduced)
            last = introduced
            continue
        if not (goes_on or opens) and (subject := _quotes_the_subject_before(t, span, entities, found)):
            last, opens = subject, True
        if last is not None and not (goes_on or opens) and _ends_in_their_words(t, span, last, entities):
            # 'The government wanted a culture where retirement ages were "consigned to the
            # past".' after the minister spoke: his words, reported
            reported = strip_claim(sentence.text)
            found.append(replace(last, claim=reported, sentences=[sentence.id], quote=False))
            last = found[-1]
            continue
        if last is not None and (goes_on or opens):
            claim = _before_its_tag(span) or strip_claim(sentence.text)
            if len(claim.split()) >= 3:
                carried.append(
                    Attribution(last.source, last.via, claim, [sentence.id], last.role, last.named, True)
                )
                found.append(carried[-1])
                if opens:
                    last = carried[-1]
                continue
            if goes_on:
                continue  # '"That\'s it.': too brief a claim, but the quotation goes on
        last = None
    found.extend(_interview_answers(t, entities, found))
    found.extend(_embedded_posts(t, entities, found))
    found.extend(_views_of_speakers(t, entities, found))
    found = report_named_after_the_lede(t, entities, named_after_the_lede(t, entities, found))
    return _merge(_works_by_author(t, entities, found))


def _views_of_speakers(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """ "For Jupiter analyst Olivier Beauvillain, Yahoo's decision was an error": a view the
    writer gives as a person's, where that person speaks elsewhere in the article (not "For
    Beckham, the injury means six weeks out", narration about someone)."""
    speakers = {a.source for a in found if a.named and entity_kind(entities, a.source) in PEOPLE_KINDS}
    said = {(sid, a.source) for a in found for sid in a.sentences}
    out = []
    for sentence, span in t.story():
        words = [w for w in span if not w.is_space]
        opening = 1 if words and words[0].lower_ in ("but", "and") else 0
        if len(words) < opening + 6 or words[opening].lower_ != "for":
            continue
        people = names_in(entities, words[opening].i + 1, words[opening].i + 6, PEOPLE_KINDS)
        root = span.root
        if not people or people[0].name not in speakers or (sentence.id, people[0].name) in said:
            continue
        between = t.doc[words[opening].i + 1 : people[0].start]
        commas = [w.i for w in t.doc[people[0].end : root.i] if w.text == ","]
        if any(is_verb(w) for w in between) or not commas or t.doc[people[0].end].text != ",":
            continue
        claim = strip_claim(t.doc[commas[-1] + 1 : span.end].text)
        if len(claim.split()) >= 4:
            role = entity_role(entities, people[0].name)
            out.append(Attribution(people[0].name, None, claim, [sentence.id], role, True, False))
    return out


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
        if token.lower_ == "according" and _next_is_to(token) and not t.inside_quotation(token.idx):
            # not in a quotation: "… influence what they see according to their tastes," he said
            attribution = _according_to(t, span, token, entities, before + spoken, sid)
            found = according
        elif token.lower_ in STATEMENT_NOUNS and (
            attribution := _possessed_statement(t, token, entities, sid)
        ):
            found = spoken
        elif (
            (_says(token) or (is_verb(token) and _a_finding(token)))
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


# What one says, as a noun whose owner said it: "Mr Trump's announcement that …"
STATEMENT_NOUNS = {
    "announcement", "claim", "claims", "assertion", "admission", "statement", "testimony", "warning",
    "insistence", "promise", "pledge", "denial", "argument", "allegation", "prediction", "boast",
    "acknowledgment", "acknowledgement", "confession", "contention", "assurance", "declaration",
    "fears", "concerns", "warnings", "complaints", "suggestions", "accusations", "assurances",
}  # fmt: skip
# "fears from some Tories", "complaints from other MPs": some of a group, not one owner
SOME_OF = (QUANTIFIERS - {"one", "none"}) | {"other", "others"}


def _possessed_statement(t: Text, noun: Token, entities: Entities, sid: str) -> Attribution | None:
    """ "Mr. Trump's Oct. 11 announcement that the two had reached a 'historic' deal",
    "Schiff's admission that he didn't know the name", "complaints from Oliver Letwin that
    …": the owner says the clause."""
    owners = [c for c in noun.children if c.dep_ == "poss"] or [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i
        for o in c.children
        if o.dep_ == "pobj" and not any(d.lower_ in SOME_OF for d in o.children)
    ]
    clauses = [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    if len(owners) != 1 or not clauses:
        return None
    named = names_in(entities, owners[0].left_edge.i, owners[0].i + 1, PEOPLE_KINDS | BODY_KINDS)
    if not named or named[-1].end - 1 != owners[0].i:
        return None
    words = [w for w in clauses[0].subtree if not (w.dep_ == "mark" and w.head == clauses[0])]
    claim = strip_claim("".join(w.text_with_ws for w in words))
    if len(claim.split()) < 3:
        return None
    name = named[-1].name
    return Attribution(name, None, claim, [sid], entity_role(entities, name), True, False)


def _conjoined(verb: Token, attribution: Attribution, entities: Entities) -> list[Attribution]:
    """ "The United Nations and European Union stressed ...": each named subject says it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not attribution.named:
        return []
    first = names_in(entities, subjects[0].i, subjects[0].i + 1, BODY_KINDS | PEOPLE_KINDS)
    if not first or first[0].name != attribution.source:
        return []  # the attribution's speaker is not the first of the conjoined subjects
    out = []
    for other in subjects[0].conjuncts:
        names = names_in(entities, other.i, other.i + 1, BODY_KINDS | PEOPLE_KINDS)
        if names and names[0].name != attribution.source:
            out.append(replace(attribution, source=names[0].name, role=entity_role(entities, names[0].name)))
    return out


def _made_clear(verb: Token) -> bool:
    """ "Mr Snow made clear exchange rates had not been on the agenda", "made it clear that"."""
    return _clear_at(verb) is not None and any(c.dep_ == "ccomp" for c in verb.children)


def _clear_at(verb: Token) -> int | None:
    """Where "clear" stands in "made clear" or "made it clear"."""
    after = [w.lower_ for w in verb.doc[verb.i + 1 : verb.i + 3]]
    if after[:1] == ["clear"]:
        return verb.i + 1
    return verb.i + 2 if after == ["it", "clear"] else None


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
    if lemma(verb) == "make":
        return _made_clear(verb)
    if lemma(verb) in JUDGING:
        return _judged_as(verb) is not None
    if lemma(verb) in QUOTING:
        # '"…," he continued', not "continued to rise" or "continued the work" (the parse
        # may end a sentence at the closing mark: the words just before count too)
        sentence = verb.doc[min(verb.sent.start, max(0, verb.i - 4)) : verb.sent.end].text
        after = [c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.i > verb.i]
        return bool(quote_marks(sentence)) and not after
    if lemma(verb) in FAULTING:
        return bool(_faulted_for(verb))
    if lemma(verb) == "confirm" and _confirms_a_belief(verb):
        return False
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    if said and all(_names_a_thing(c) for c in said) and not quote_marks(verb.sent.text):
        # "the company has added what it calls smart folders": a thing, not what was said
        return False
    if lemma(verb) == "claim" and any(c.dep_ == "dobj" for c in verb.children):
        # "claimed the individual titles", "claimed victory": won, not said
        return any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    if _demand(verb) is not None:
        return True  # "called on ministers to reassure people …", "called for an inquiry": a demand
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


def _calls_on(verb: Token) -> bool:
    """ "called on ministers to reassure people": "on" someone, and what they are to do."""
    whom = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
    to_do = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
    return to_do and any(o.dep_ == "pobj" for o in whom)


# Things that "call for" what they require, and say nothing: plans, laws, texts.
PRESCRIBING = {
    "budget", "plan", "plans", "script", "recipe", "section", "law", "act", "bill", "proposal", "proposals",
    "deal", "agreement", "strategy", "rules", "regulations", "legislation", "contract", "treaty", "scheme",
    "programme", "program", "design", "formula", "policy", "measure", "measures", "blueprint", "forecast",
    "situation", "occasion", "job", "role", "rule", "standard", "guidelines", "constitution", "clause",
}  # fmt: skip


def _demand(verb: Token) -> list[Token] | None:
    """What "called on ministers to …" and "called for an inquiry" ask, as the claim."""
    if lemma(verb) == "call" and _calls_on(verb):
        asked = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ == "on") or c.dep_ == "xcomp"]
        return [w for c in asked if c.i > verb.i for w in c.subtree]
    if (demand := _called_for(verb)) is not None:
        return [verb, *demand.subtree]  # "called for their findings to be made public"
    return None


def _called_for(verb: Token) -> Token | None:
    """What "called for" asks: "for an inquiry", or the clause "for their findings to be
    made public" (the parser's "for" then marks the clause), if the verb has one."""
    if lemma(verb) != "call" or verb.i + 1 >= len(verb.doc) or verb.nbor().lower_ != "for":
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in PRESCRIBING for c in verb.children):
        return None  # "the budget calls for the sell-off …", "the recipe called for sugar": it requires
    after = verb.nbor()
    if after.head.i == verb.i and after.dep_ == "prep" and any(o.dep_ == "pobj" for o in after.children):
        return after
    clause = after.head
    return clause if after.dep_ == "mark" and clause.head.i == verb.i and clause.dep_ == "advcl" else None


def _names_a_thing(clause: Token) -> bool:
    """A clause that is a free relative ("what it calls smart folders"), not a statement."""
    first = clause.left_edge  # its own object or subject: not "What they did … was the issue"
    own = first.head.i == clause.i and first.dep_ in ("dobj", "nsubj")
    return own and first.lower_ in ("what", "whatever")


BELIEFS = {"belief", "suspicion", "suspicions", "fear", "fears", "view", "impression", "perception", "notion",
           "stereotype", "theory", "assumption", "idea"}  # fmt: skip


def _confirms_a_belief(verb: Token) -> bool:
    """ "it confirms the belief that the company seldom has new ideas": a thing that bears
    a belief out says nothing (not "Officials confirmed fears that …": a pronoun or a
    demonstrative, no one, is the subject)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lower_ in ("it", "this", "that") for s in subjects) and any(
        c.dep_ == "dobj" and c.lower_ in BELIEFS for c in verb.children
    )


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
        and coarse(subjects[0]) in ("NOUN", "PROPN")
    )


def _a_finding(verb: Token) -> bool:
    """ "A report by Amnesty International found that …": what a study found or showed
    is its author's claim."""
    if lemma(verb) not in FINDINGS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any((lemma(s) in REPORTS or s.lower_ in REPORTS) and s.tag_ not in ("NNP", "NNPS") for s in subjects):
        return bool(clauses)  # not "Summary Studies show": a heading run into a name
    # of another finder, only a clause "that" opens or, after "found", one with a subject of
    # its own ("The CBI found some firms managed to …"); not "England found themselves
    # striving", "will find out whether", the "chat show" of "Ex-chat show host has said"
    clauses = [c for c in clauses if coarse(c) in ("VERB", "AUX")]  # not "found it difficult to talk"
    that = any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children)
    found = verb.lower_ == "found" and any(
        c.i > verb.i
        and any(
            w.dep_ in ("nsubj", "nsubjpass") and not w.lower_.endswith(("self", "selves")) for w in c.children
        )
        and not any(m.dep_ == "mark" for m in c.children)
        for c in clauses
    )
    # "Gillick showed that he is a contender by claiming victory": a deed that shows, not a claim
    heads = [verb, *clauses]
    by_deed = any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children)
        for h in heads
        for c in h.children
    )
    return (that or found) and not by_deed and any(_finds(s) for s in subjects)


def _finds(subject: Token) -> bool:
    """Who, besides a study, finds: a named researcher or body ("NetRatings found that …"),
    those who research, or "it" and "they", which stand for one of them."""
    # not a report word a heading ran into, opening the sentence: "Summary Studies show that"
    word = subject.lower_
    singular = {word, word.removesuffix("s"), word.removesuffix("ies") + "y"}
    heading = bool(singular & REPORTS) and bool(subject.left_edge.is_sent_start)
    named = subject.tag_ in ("NNP", "NNPS") and not heading
    return subject.lower_ in RESEARCHERS or named or subject.lower_ in ("it", "they")


WHEN_MARKS = {"after", "before", "when", "since", "until", "once"}  # a clause that dates another


def _reported(verb: Token) -> bool:
    """Speech inside what someone else said ("X said whether he believes …"), or in a
    condition ("if he says …"): part of a claim, not a claim of its own."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in verb.children):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and _says(verb.head):
        return False  # "denied this, telling French media that …": the same speaker, saying more
    if _conceded(verb):
        return False  # "while Sella admitted he liked the style, he said …": a claim of its own
    node = verb
    direct = True  # the verb is the clause of the one above, so far
    while node.head.i != node.i:
        if node.dep_ == "relcl" and node.head.dep_ == "dobj":
            return False  # "believed the waitress, who said …": the one believed, not what
        coordinated = node.dep_ == "conj"  # "X rejected it, and Y told us ...": Y's own claim
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in WHEN_MARKS for m in node.children):
            return False  # "X said he acted after Politico reported the aid had been paused": Politico's
        direct = direct and node.dep_ == "ccomp"
        node = node.head
        if not coordinated and (
            (direct and _a_finding(node))  # "Surveys have shown that the majority expect ...": theirs
            # not "X had been expected to ..., but Y hinted", nor "rejected the offer, saying ..."
            # a question ("questioned why …, when Clarke had indicated …") holds no claim of its own
            or (_says(node) and lemma(node) not in SUBJECT_FIRST and lemma(node) != "question")
        ):
            return True
    return False


def _conceded(verb: Token) -> bool:
    """ "while Sella admitted …", "although X suggested …": speech in a clause of contrast,
    with a subject of its own."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONCEDING for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _according_to_in(sentence: Span) -> bool:
    """Whether a sentence credits what it says to someone "according to" them."""
    return any(w.lower_ == "according" and _next_is_to(w) for w in sentence)


def _next_is_to(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def _quotation_opening(t: Text, sid: str) -> list[str]:
    """The earlier sentences of a quotation that ends in sentence `sid`, back to the one
    where it opens (`"Nissan has … sedans. With more than … The lower stance …," said
    X`): none if `sid` does not start inside a quotation, or if its opening is not found
    within a few sentences of the same paragraph."""
    number = int(sid[1:])
    if not t.opens_inside_quotation(t.sentence_of(sid)):
        # a quotation over two paragraphs: the first left open, the next opening again
        # ('"I knew there must be a way …' then '"The number … will grow," he said.')
        before = f"s{number - 1}"
        if number > 1 and all(_opens_with_a_mark(t.sentence_of(x).text) for x in (sid, before)):
            # the text up to the next sentence: a closing mark the splitter gave to it counts
            run = t.raw[t.sentence_of(before).start_char : t.sentence_of(sid).start_char]
            return [before] if quotation_open(run) else []
        return []
    earlier: list[str] = []
    for back in range(number - 1, max(0, number - 6), -1):
        earlier.insert(0, f"s{back}")
        if not t.opens_inside_quotation(t.sentence_of(f"s{back}")):
            return earlier
    return []


def _opens_with_a_mark(text: str) -> bool:
    return text.lstrip()[:1] in '“"'


GOES_ON = {"continue", "go", "begin", "start", "keep", "proceed", "repeat"}  # "continued to insist"


RELATIVES = {"whose", "which", "who", "whom", "where"}
# Verbs that get someone to speak: "prompted the prime minister to say"
PROMPTING = {"prompt", "lead", "force", "spur", "compel", "push", "cause", "drive"}


def _subject(verb: Token, entities: Entities) -> Token | None:
    """The speaker's word: the verb's active subject (a passive one is what was said:
    "job cuts will be announced"); of two, the one naming someone, then the nearer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and (quoted := _quoted_as_saying(verb)) is not None:
        # "Reuters quoted a central bank official as saying", "He was quoted as saying"
        speaker = [c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")]
        return speaker[0] if speaker else None
    if not subjects and _participle_after_a_place(verb):
        # "Taylor Swift posted on Twitter accusing Big Machine": she accuses, not Twitter
        return _subject(verb.head.head.head, entities)
    if not subjects and verb.dep_ == "xcomp" and lemma(verb.head) in PROMPTING:
        # "The pressure prompted the prime minister to say …": the one prompted says it
        prompted = [c for c in verb.head.children if c.dep_ == "dobj"]
        # not "led the French manufacturer to announce", which the story's own company is not
        return prompted[0] if prompted and prompted[0].lower_ not in ORG_ANAPHORS else None
    if not subjects and _participle_on_an_issued_document(verb):
        # "The company released a statement saying it would appeal": the company says so
        return _subject(verb.head.head, entities)
    if (
        not subjects
        and verb.head.i != verb.i
        and (
            verb.dep_ == "conj"
            or (verb.dep_ == "xcomp" and lemma(verb.head) in GOES_ON)
            or (
                verb.dep_ == "advcl"
                and verb.tag_ == "VBG"
                and coarse(verb.head) in ("VERB", "AUX")
                and lemma(verb) not in INFERRING  # "drew a large crowd, suggesting that"
                # not a verb inside the quotation: '"Xavi did things …," the paper beams, adding'
                and not _quotation_between(verb, verb.head)
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
    # named because of agency policy said" (the parser makes "policy" a subject too);
    # of two naming someone, a name itself before a role naming where it is held: "Blake
    # Lee-Harwood, campaigns director at Greenpeace, said" (two subjects to the parser)
    def rank(s: Token) -> tuple[bool, bool, bool, int]:
        naming = any(w.i in named for w in s.subtree)
        speaks = naming or s.lower_ in UNNAMED_HEADS or lemma(s) in ROLE_NOUNS
        return not naming, s.i < verb.i and s.i not in named, not speaks, abs(verb.i - s.i)

    return min(subjects, key=rank)


def _participle_on_an_issued_document(verb: Token) -> bool:
    """ "issued a statement warning that …", "released a letter saying …": the participle
    says what the document does, for whoever issued it."""
    document = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and document.lower_ in DOCUMENTS
        and document.dep_ == "dobj"
        and lemma(document.head) in ISSUING
    )


def _participle_after_a_place(verb: Token) -> bool:
    """A participle the parse hung on the object of a preposition ("posted on Twitter
    accusing"), which goes with the verb before it."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.dep_ == "pobj"
        and noun.tag_ == "NNP"  # not "with analysts predicting": they predict
        and noun.head.lower_ in ("on", "in", "via")
        and coarse(noun.head.head) in ("VERB", "AUX")
    )


def _quotation_between(a: Token, b: Token) -> bool:
    return any(w.tag_ in ("''", "``") for w in a.doc[min(a.i, b.i) : max(a.i, b.i)])


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


# Verbs whose "-ing" after a clause is the writer's inference more often than speech.
INFERRING = {"suggest", "indicate", "signal"}


def _clause_taken_for_a_noun(child: Token) -> bool:
    """ "The most consistent way that CBP measures seizures is by pounds, not by value, an
    agency spokesman told us": a clause the parser hung on the verb as a noun phrase."""
    return child.dep_ in ("npadvmod", "dative") and any(
        w.tag_ in ("VBZ", "VBD", "VBP") and w.dep_ in ("relcl", "ccomp") for w in child.subtree
    )


def _told_to(verb: Token) -> bool:
    """ "told WeWork executives to look for new sources of revenue": an instruction, whose
    words are the claim, as "urged … to" (not "told reporters that …")."""
    if lemma(verb) != "tell" or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return _to_clause(verb) is not None


def _to_clause(verb: Token) -> Token | None:
    """The "to …" clause after a verb: "promised to raise the issue", "told them to look"."""
    done = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    return done[0] if done and any(m.dep_ == "aux" and m.lower_ == "to" for m in done[0].children) else None


def _claim_tokens(verb: Token, span: Span) -> list[Token] | None:
    """What was said: the verb's clausal complement ("said that CLAIM"), or the clause
    the verb comments on ("CLAIM, X said."), or the clause after "that" where the
    parser hung it elsewhere ("told reporters at a press conference that CLAIM")."""
    conceded = _conceded(verb)
    if conceded and (own := [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]):
        # "although X suggested the financier may have been murdered, …": its own clause
        return list(own[0].subtree)
    if lemma(verb) in EXPRESSING and (wish := _stance(verb)) is not None:
        return wish  # "expressed concern that …", "reiterated his desire to stay"
    if lemma(verb) == "express":
        return None  # "as MPs were expressing their fears, it emerged that …": nothing said
    if lemma(verb) == "make":
        # "made clear exchange rates had not been on the agenda", "made it clear that …":
        # the clause after "clear", which the parser may have taken into it
        if (clear := _clear_at(verb)) is None:
            return None
        clause = [w for c in verb.children if c.dep_ == "ccomp" for w in c.subtree if w.i > clear]
        return [w for w in clause if not (w.i == clear + 1 and w.lower_ == "that")] or None
    if not conceded and (quotation := _quotation_after_comma(verb)) is not None:
        return quotation  # (not "…," Ms Chada said, adding that while the minister has promised …)
    if (outside := _parenthetical(verb, span)) is not None:
        return outside
    if (judged := _judged_as(verb)) is not None:
        return judged
    if (demand := _demand(verb)) is not None:
        return demand
    if lemma(verb) == "call" or lemma(verb) in URGING or _told_to(verb):
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
    # and not a setting put first ("Should the offer be accepted, Mr Murray said he …")
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.i > verb.i for c in complements):
        complements = [c for c in complements if c.i > verb.i or not _a_setting(c)]
    clauses = sorted(
        complements, key=lambda c: not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    )
    if clauses:
        return _clause_split_at_its_subject(verb, clauses[0]) or list(clauses[0].subtree)
    for child in verb.children:
        before_verb = (
            (child.dep_ in ("advcl", "parataxis") or _clause_taken_for_a_noun(child))
            and child.i < verb.i
            and not verb.is_sent_start
        )
        # not a clause of time or contrast ("While some solutions are in use, Delhi demands …",
        # "As the charges were unsealed, Sawyer said"); "if Labour wins, …" may be the claim's
        marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
        before_verb = before_verb and not marks & SETTING
        if before_verb and any(w.text in (",", "”", '"') for w in verb.doc[child.right_edge.i : verb.i]):
            return list(child.subtree)
    if (stance := _stance(verb)) is not None:
        return stance
    if _as_one_reports(verb):
        # "As Emily Feng reports for NPR, the first cases came to light last week": the
        # clause the aside opens
        skip = {w.i for w in verb.subtree}
        return [w for w in verb.head.subtree if w.i not in skip and w.i > verb.i]
    if lemma(verb) in NEEDS_CLAUSE or any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return _that_clause(verb, span) or _clause_in_object(verb)
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


def _a_setting(clause: Token) -> bool:
    """ "Should the offer be fully accepted, …" (an "if" without "if"), "Aiming to stir
    growth, …" (a participle with no subject of its own): what the saying is set in."""
    first = clause.left_edge
    if first.tag_ in ("VBG", "VBN") and first.is_sent_start:
        return True
    return (
        first.lower_ in ("should", "had", "were")
        and first.dep_ in ("aux", "auxpass")
        and first.head.i == clause.i
    )


def _clause_split_at_its_subject(verb: Token, clause: Token) -> list[Token] | None:
    """ "said the Dome cost taxpayers £28.7m to maintain it": a claim the parser broke,
    hanging its subject on the verb as an object and keeping a subjectless rest as the
    clause; the words from the verb on (not "warned the BBC that …": whom it was said to)."""
    doc = verb.doc
    own = ("nsubj", "nsubjpass", "csubj", "expl", "mark")  # a subject, or "that": a clause whole
    if clause.i < verb.i or lemma(verb) in ADDRESSING or any(c.dep_ in own for c in clause.children):
        return None
    taken = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i and c.tag_ != "PRP"]
    if not taken or any(w.is_punct for w in doc[verb.i + 1 : clause.left_edge.i]):
        return None
    start = verb.i + 2 if doc[verb.i + 1].lower_ == "that" else verb.i + 1
    return list(doc[start : clause.right_edge.i + 1])


def _as_one_reports(verb: Token) -> bool:
    """ "As X reports, CLAIM": an aside opening the sentence, with a subject and a comma."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.dep_ == "ROOT"
        and verb.i < head.i
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and verb.doc[verb.right_edge.i + 1].text == ","
    )


def _quotation_after_comma(verb: Token) -> list[Token] | None:
    """'he said, "I have a horror of being obvious."', 'Asked why, he replied, "…"': the
    quotation after the comma (the parser may make it the sentence's root, the verb an aside)."""
    doc, sentence = verb.doc, verb.sent
    opening = verb.i + 2
    if opening + 1 >= sentence.end or doc[verb.i + 1].text != "," or doc[opening].text not in ('"', "“"):
        return None
    if any(w.text in QUOTE_LABEL_MARKS for w in doc[sentence.start : verb.i]):
        return None  # '"…," he said, "…"': one quotation around its tag, read as such
    closing = next((w.i for w in doc[opening + 1 : sentence.end] if w.text in ('"', "”")), sentence.end)
    return list(doc[opening + 1 : closing])


def _opens_quotation(doc: Doc, colon: int, end: int) -> bool:
    """Whether token `colon` is a colon followed, before `end`, by an opening quotation mark."""
    return colon + 1 < end and doc[colon].text == ":" and doc[colon + 1].text in ('"', "“")


def _stance_words(verb: Token, first: int) -> str:
    """The stance a claim keeps: the verb, with the few words between it and the claim
    ("pledged childcare would be …", "demanding that …"), not a clause of its own."""
    gap = verb.doc[verb.i + 1 : first]
    if len(gap) <= 3 and not any(w.is_punct and w.text not in ('"', "“", "'") for w in gap):
        return verb.doc[verb.i : first].text
    return verb.text


def _stance(verb: Token) -> list[Token] | None:
    """What a stance takes beyond a clause: "accused Tony Blair of performing U-turns" (whom,
    and of what), "demanded assurances that …" (the object with its clause), "promised to
    raise the issue" (what they will do)."""
    if lemma(verb) in FIGURING:
        # "McClatchy reported a loss of $304.7 million", "State media have reported only a
        # handful of deaths": a figure the speaker gives (not "reported the crime to police");
        # "Deloitte is forecasting economic growth of 2% this year": one they expect
        figures = [c for c in verb.children if c.dep_ == "dobj" and _a_figure(c)]
        given = lemma(verb) != "report" or _reported_already(verb)
        return list(figures[0].subtree) if figures and given else None
    if lemma(verb) == "accuse":
        return _object_with(verb, [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"])
    if lemma(verb) in FAULTING:
        return _object_with(verb, _faulted_for(verb))
    if lemma(verb) in {"demand"} | DISPUTING:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            clauses = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")]
            if any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children):
                return list(obj.subtree)
    if lemma(verb) in EXPRESSING:
        # "reiterated his desire to stay at Anfield", "expressed a willingness to come"
        wishes = [c for c in verb.children if c.dep_ == "dobj" and (c.lower_ in WISHES or lemma(c) in WISHES)]
        if wishes and any(c.dep_ in ("acl", "prep", "ccomp") for c in wishes[0].children):  # not "which …"
            return list(wishes[0].subtree)
    if lemma(verb) in PROMISING and _promises(verb) and (done := _to_clause(verb)) is not None:
        return list(done.subtree)
    return None


def _faulted_for(verb: Token) -> list[Token]:
    """The "for …" of "criticised X for …", the "on …" of "blamed X on …"."""
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == FAULTING[lemma(verb)]]


def _reported_already(verb: Token) -> bool:
    """Not a figure still to come ("HSBC will report profits of £9.4bn, according to
    analysts' forecasts", "is expected to report")."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return not modal and verb.dep_ != "xcomp" and not _according_to_in(verb.sent)


def _a_figure(phrase: Token) -> bool:
    """A noun phrase that states a figure: a number, an amount or a share in it."""
    return any(
        (w.like_num and w.ent_type_ not in ("DATE", "TIME", "ORDINAL")) or w.ent_type_ in ("MONEY", "PERCENT")
        for w in phrase.subtree
    )  # not "reported details of the tour that stops there on July 22"


def _promises(verb: Token) -> bool:
    """Whether "promised to …" is the subject's own pledge: not one the sentence credits to
    another ("Donor nations have promised to give $717m, according to the United Nations"),
    and "threatens to" only of someone ("the ban threatens to reignite tensions")."""
    if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return False
    if _according_to_in(verb.sent):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.tag_ in ("NN", "NNS") and any(c.tag_ in ("NNP", "NNPS") for c in s.children) for s in subjects):
        return False  # "the Black Friday Apple deals promise to be better": things, not Apple
    return lemma(verb) != "threaten" or any(s.tag_ in ("NNP", "NNPS", "PRP") for s in subjects)


def _clause_in_object(verb: Token) -> list[Token] | None:
    """A clause the parse hung on the verb's object: "said more than 15,000 people
    registered" (the object is the clause's subject: the claim is both), "told BBC Two's
    Newsnight programme there was a danger" (the object is who was told: the claim is the
    clause). Not a relative clause ("told the man who ran the shop")."""
    if lemma(verb) not in ("say", "tell"):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i):
            words = list(clause.subtree)
            finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children
            )
            relative = any(w.tag_ in ("WDT", "WP", "WP$", "WRB") or w.lower_ == "that" for w in words[:3])
            by_agent = any(c.dep_ == "agent" for c in clause.children)
            if relative or by_agent or not (finite or (clause.tag_ == "VBN" and lemma(verb) == "say")):
                continue
            return list(obj.subtree) if lemma(verb) == "say" else words
    return None


def _judged_as(verb: Token) -> list[Token] | None:
    """ "branded the Tory plans as 'fantasy economics'", "touted the plan as making
    strides": the object and what it is judged as ("see" only with a quotation: "sees the
    lineup as its 'Achilles heel'")."""
    if lemma(verb) == "describe" and (quote_marks(verb.sent.text) or _reflexive_object(verb)):
        # 'described the results as "pretty modest"': the quotation is the claim; "described
        # themselves as …" answers a survey
        return None
    if lemma(verb) not in JUDGING and lemma(verb) != "describe":  # "described the win as the highlight of …"
        return None
    judged = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and len(list(c.subtree)) > 1]
    tokens = _object_with(verb, judged)
    if tokens is None or (lemma(verb) == "see" and not quote_marks("".join(w.text_with_ws for w in tokens))):
        return None
    return tokens


def _reflexive_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)


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


def _of_another_speaker(mark: Token, verb: Token) -> bool:
    """Whether the clause "that" opens hangs on another verb between it and `verb`: a verb
    of speech on the way up from it, one in a relative clause ("believed the waitress, who
    said that …"), or a verb with a subject of its own joined to `verb` ("he described it
    as X - and rumours persist that …")."""
    if any(_says(a) for a in mark.ancestors if verb.i < a.i < mark.i):
        return True  # "told BBC News X and said there was no evidence that …": what "said" says
    head = mark.head.head
    if head.i == verb.i or not verb.i < head.i < mark.i:
        return False
    if head.dep_ == "relcl":
        return _says(head)
    return head.dep_ == "conj" and head.head.i == verb.i and any(c.dep_ == "nsubj" for c in head.children)


def _that_clause(verb: Token, span: Span) -> list[Token] | None:
    for token in verb.doc[verb.i + 1 : span.end]:
        if verb.dep_ == "relcl" and not verb.is_ancestor(token):
            break  # "the terrorists who threaten Britain are well aware that …": not theirs
        if (
            token.lower_ == "that"
            and token.i + 1 < span.end
            and (
                # not a clause of another verb: "believed the waitress, who said that I started it"
                (token.dep_ == "mark" and not _of_another_speaker(token, verb))
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
    elif first > verb.i and _judged_as(verb) is not None:
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


# What a writer's aside names another's stance on: "…, a prospect Vindman denied"
ASIDE_NOUNS = {
    "prospect", "claim", "charge", "allegation", "accusation", "suggestion", "assertion", "notion",
    "idea", "view", "account", "version", "characterisation", "characterization", "description",
}  # fmt: skip


def _an_aside(doc: Doc, comma: int) -> bool:
    """Whether the comma at `comma` opens a writer's aside on another's stance: ", a
    prospect Vindman denied", ", a claim the company rejects"."""
    words = doc[comma : comma + 8]
    if len(words) < 5 or words[0].text != "," or words[1].lower_ not in ("a", "an"):
        return False
    if words[2].lower_ not in ASIDE_NOUNS:
        return False
    rest = list(words[3:])
    k = 1 if rest[0].lower_ == "the" else 0
    while k < len(rest) and (rest[k].tag_ in ("NNP", "NNPS", "PRP") or (k and rest[k].tag_ == "NN")):
        k += 1
    return 0 < k < len(rest) and rest[k].lower_ in SPEECH_FORMS


def _said_of_a_noun(verb: Token) -> bool:
    """ "…, a prospect Vindman denied earlier in the day": a verb of saying whose only object
    is the noun the writer's aside hangs it on."""
    if verb.dep_ == "relcl" and verb.head.lower_ in ASIDE_NOUNS:
        return not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
    commas = [w.i for w in verb.doc[max(verb.sent.start, verb.i - 7) : verb.i] if w.text == ","]
    return bool(commas) and _an_aside(verb.doc, commas[-1])


def _claim_end(verb: Token, last: int, span: Span) -> int:
    """Where a claim after its verb ends: at the sentence's end, or before a clause the
    writer adds with a subject of its own ("BMW said it would build 100,000 a year, but
    the target was quickly reached"; "..., while the police deny it"; "…, a prospect
    Vindman denied")."""
    end = span.end
    if (
        verb.dep_ == "advcl"
        and verb.head.i > verb.i
        and verb.right_edge.i >= last
        and any(c.dep_ == "mark" and c.lower_ in SETTING for c in verb.children)
    ):
        # "While Grisham said the trip was a checkup, he did not have …": the main clause is
        # the writer's (not "As Gupta noted at the time, CLAIM": there the main clause is the claim)
        end = min(end, verb.right_edge.i + 1)
    for w in verb.doc[verb.i + 1 : span.end]:
        if w.text == "," and _an_aside(verb.doc, w.i):
            end = min(end, w.i)
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


def _before_its_tag(span: Span) -> str | None:
    """The quotation of a sentence that is one and its tag ('"I\'m not privy to everybody\'s
    diary," he said.'), without the tag."""
    text = span.text.strip()
    found = _QUOTED.match(text.replace("’’", "”").replace("''", '"'))
    if found is None:
        return None
    tag = text[found.end() :].split()
    if not tag or len(tag) > 4 or not any(w.strip(".,") in SPEECH_FORMS for w in tag):
        return None
    return clean(found.group(1)).strip(" ,.")


def _quoted(span: Span) -> str | None:
    # two closing single marks stand for a double one on some sites
    found = _QUOTED.findall(span.text.replace("’’", "”").replace("''", '"'))
    # not a title quoted beside the words ('… said on CNBC's "Trading Nation"')
    said = [q for q in found if not _a_title(q)] or found
    return " … ".join(clean(q).strip(" ,.") for q in said) if said else None


def _a_title(quoted: str) -> bool:
    words = quoted.split()
    return len(words) <= 4 and all(w[:1].isupper() for w in words)


def _quoted_as_saying(verb: Token) -> Token | None:
    """The "quoted" of "X quoted Y as saying", "Y was quoted as saying", if `verb` is its
    "saying"."""
    if verb.lower_ != "saying" or verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quoted = verb.head.head
    return quoted if lemma(quoted) == "quote" and verb.head.dep_ == "prep" else None


# "said in an interview with CNN", "in a statement emailed to NBC News": what a speaker
# said to an outlet, which is where it appeared.
TOLD_IN = {"interview", "interviews", "statement", "email", "e-mail", "remarks", "comments", "conversation"}


def _outlet_told(verb: Token, entities: Entities) -> str | None:
    """The news outlet the speaker told: "told NBC News", "said in an interview with the
    Times", "speaking to CNN" (never an outlet named in what was said)."""
    outlets = [*(s for s in entities.spans if s.kind == "media"), *entities.told]
    media = {i: s.name for s in outlets for i in range(s.start, s.end)}
    if not media:
        return None
    heard: list[Token] = []
    if lemma(verb) == "tell":
        heard += [c for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in (c for c in child.children if c.dep_ == "pobj" and c.lower_ in TOLD_IN):
                heard += [o for w in noun.subtree if w.dep_ == "prep" for o in w.children if o.dep_ == "pobj"]
        elif child.dep_ == "advcl" and lemma(child) in ("speak", "talk"):
            heard += [o for w in child.children if w.dep_ == "prep" for o in w.children if o.dep_ == "pobj"]
    return next((media[w.i] for w in heard if w.i in media), None)


def _via(verb: Token, entities: Entities) -> str | None:
    if (outlet := _outlet_told(verb, entities)) is not None:
        return outlet
    if (quoted := _quoted_as_saying(verb)) is not None:
        # "Reuters quoted …", "was quoted by the Interfax news agency as saying": where it appeared
        by = [o for c in quoted.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        who = [c for c in quoted.children if c.dep_ == "nsubj"] or by
        if who:
            return clean("".join(w.text_with_ws for w in who[0].subtree)).strip(" ,")
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
    if declined or _negated(verb) or _supposed(verb) or _said_of_a_noun(verb) or _adds_to(verb):
        return None  # "declined to comment", "did not say", "others may argue", "will add to the cost"
    if verb.dep_ == "amod":
        return None  # "the promised players", as the parse reads it: a word on a noun says nothing
    subj = _subject(verb, entities)
    if subj is None and lemma(verb) in SUBJECT_FIRST:
        return None  # "everyone does, indeed, expect Gordon Brown to ...": Brown does not speak
    if subj is None:
        speaker = _speaker_after(t, span, verb, entities) or _speaker_before(t, span, verb, entities)
        if speaker is None:
            return None
        quoting = _opens_quotation(verb.doc, verb.i + 1, span.end)
        if quoting:
            # 'When asked if …, Owen said: "…"': what he said follows the colon
            claim = strip_claim(t.doc[verb.i + 2 : span.end].text)
        else:
            claim = _quoted(span) or strip_claim(t.doc[span.start : min(speaker.start, verb.i)].text)
        tokens = _claim_tokens(verb, span) if len(claim.split()) < 2 else []
        if tokens:  # "Early says there is a possibility ...": what follows the verb
            claim = strip_claim(_claim_text(t, span, verb, t.doc[speaker.start], tokens))
        role = entity_role(entities, speaker.name)
        return Attribution(speaker.name, None, claim, [sid], role, True, quoting or bool(_quoted(span)))
    if subj.i < span.start or subj.i >= span.end:
        return None
    who = resolve_speaker(t, subj, entities, before, subj.i)
    if who is None or (not who[2] and who[0].split()[0].lower() in RELATIVES):
        return None  # "the 30-year-old, whose current contract runs out, has made it clear": not the contract
    source, role, named = who
    tokens = _claim_tokens(verb, span)
    quote = _quoted(span)
    if tokens:
        claim = strip_claim(_claim_text(t, span, verb, subj, tokens))
        # "reported a loss of $387m", "reiterated his desire to stay", "urged the WTO to
        # conclude talks": the verb stays with its object
        objects = lemma(verb) in FIGURING | EXPRESSING | URGING or _told_to(verb)
        reported = objects and any(c.dep_ == "dobj" and c in tokens for c in verb.children)
        first = min(w.i for w in tokens)
        calls_on = lemma(verb) == "call" and _calls_on(verb)  # "called on ministers to …"
        if (lemma(verb) in STANCES or reported or calls_on) and first > verb.i:
            claim = f"{_stance_words(verb, first)} {claim}"
    elif lemma(verb) in TAKING_A_STANCE | {"express"} or _conceded(verb):
        # "the 'new terrorism' demands new powers": a quotation in it is no claim; nor is
        # one around "while the city's police deny accusations"
        return None
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
        claim = strip_claim(text.split(":", 1)[1])
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
        claim = " … ".join([*(strip_claim(t.text_of(e)) for e in earlier), claim])
        sids = [*earlier, sid]
        is_quote = True
    via = _via(verb, entities)
    if via is None and lemma(verb) == "add" and before and before[-1].source == source:
        via = before[-1].via  # '"…," Arroyo added' goes on telling NBC News what she told it
    return Attribution(source, via, claim, sids, role, named, is_quote)


def _supposed(verb: Token) -> bool:
    """ "others may argue that …", "As Sherlock would say, …": what someone might say,
    which no one has here."""
    aux = {c.text for c in verb.children if c.dep_ == "aux"}
    as_would = "would" in aux and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return bool(aux & {"may", "might", "could"}) or as_would  # not "May said"


def _negated(verb: Token) -> bool:
    """ "did not say", "Neither Mr Howard nor Mr Letwin would say": nothing was said."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "neg" for c in verb.children) or any(
        w.lower_ == "neither" for s in subjects for w in s.children if w.dep_ in ("preconj", "det")
    )


DASHES = ("—", "–", "--")
BREAKS = (*DASHES, ";", ":")  # marks that set a clause apart within a sentence


def _according_to(
    t: Text, span: Span, token: Token, entities: Entities, before: list[Attribution], sid: str
) -> Attribution | None:
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    # "According to the organisation": the body that has been speaking, as for "the
    # organisation said"; "according to the report": not the last body that spoke
    spoken = before if objects[0].lower_ in ORG_ANAPHORS | OUTLET_ANAPHORS else []
    who = resolve_speaker(t, objects[0], entities, spoken, objects[0].i)
    if who is None:
        return None
    source, role, named = who
    phrase_end = max(w.i for w in objects[0].subtree) + 1
    titled = objects[0].lower_ in ORG_HEADS | ORG_ANAPHORS | ROLE_NOUNS  # not "analysts' forecasts, HSBC, …"
    if not named and titled and (name := _name_in_apposition(t, phrase_end, entities)) is not None:
        # "According to the statistics office, Destatis, …": the name the office is given
        source, role, named = name.name, source.removeprefix("the ") or role, True
        phrase_end = name.end + 1
    via = None
    # "It's unclear whether … — both were said to have run into issues, according to THR";
    # "no insurance: according to estimates from India, only one-quarter …": the clause
    # after the last dash, colon or semicolon before it
    breaks = [w.i for w in token.doc[span.start : token.i] if w.text in BREAKS]
    start = breaks[-1] + 1 if breaks else span.start
    # "… -- and the fact that Trump has made 13,000 false claims, according to X -- there is
    # every reason …": a dash pair closes the claim too
    closing = [w.i for w in token.doc[phrase_end : span.end] if w.text in DASHES] if breaks else []
    end = closing[0] if closing and token.doc[breaks[-1]].text in DASHES else span.end
    rest = [w for w in span if start <= w.i < end and not (token.i <= w.i < phrase_end)]
    # "According to Bloomberg, citing an anonymous source, CLAIM"
    words = "".join(w.text_with_ws for w in rest)
    m = re.match(r"^\s*,?\s*(?:citing|quoting)\s+([^,]+),", words)
    if m:
        via = clean(m.group(1))
        words = words[m.end() :]
    claim = strip_claim(words)
    return Attribution(source, via, claim, [sid], role, named, False)


def _name_in_apposition(t: Text, at: int, entities: Entities) -> NameSpan | None:
    """A name between commas just after a phrase: ", Destatis,"."""
    doc = t.doc
    if at + 2 >= len(doc) or doc[at].text != ",":
        return None
    kinds = BODY_KINDS | PEOPLE_KINDS | {"place"}  # "Destatis", the tagger's place
    names = [s for s in entities.spans if s.start == at + 1 and s.kind in kinds]
    return names[0] if names and names[0].end < len(doc) and doc[names[0].end].text == "," else None


def _continues_quote(t: Text, span: Span, last: Attribution) -> bool:
    """A sentence inside a quotation opened in an earlier sentence, with no speaker of
    its own: the same speaker goes on. Within a paragraph the marks are counted up to
    this sentence (spaCy may leave a closing mark after the full stop as a "sentence" of
    its own); a new paragraph goes on with the quotation only if it opens with a quotation
    mark, as news writes."""
    if not last.quote or not last.sentences:
        return False
    said = t.sentence_of(last.sentences[-1]).start_char
    paragraph = t.paragraph_start(span.start_char)
    text = span.text.strip()
    # the marks counted from the paragraph's start: from the speaker's last sentence, a
    # quotation that opened before it and closed in it would read as one opening
    before = t.raw[paragraph : span.start_char].strip()
    if not before:  # the sentence opens a paragraph
        previous = t.raw[said : span.start_char].strip()
        return text[:1] in '“"' and previous[-1:] not in '”"'
    if text[:1] in '“"' and before[-1:] in '”"' and last.named:
        # `… a lot." "If growth should subside …`: the speaker's quotation closed and another
        # opened, with no one else between, as paragraphs run together in some text
        return True
    return quotation_open(before) or (text[:1] in '“"' and before[-1:] not in '”"')


def _has_own_speaker(t: Text, span: Span, last: Attribution, entities: Entities) -> bool:
    """'"Oh my," Lucas responded with a sigh': a verb of saying outside the quotation,
    with a name for its subject, names another speaker than the last (one too brief to
    be a claim)."""
    quoted = quoted_tokens(t)
    names = {i: s.name for s in entities.spans for i in range(s.start, s.end) if span.start <= i < span.end}
    # '"We will win," he said' where "he" stands for another, or cannot be the last
    # speaker (a man after a woman): not the last speaker's words either
    gender = entities.genders.get(last.source) or gender_of_first_name(last.source)
    for w in span:
        if w.lower_ in ("he", "she") and w.i not in quoted:
            other = gender is not None and PRONOUN_GENDER[w.lower_] != gender
            names[w.i] = entities.antecedents.get(w.i) or ("" if other else last.source)
    return any(
        w.i not in quoted
        and ((w.text in SPEECH_FORMS and lemma(w) in SPEECH) or lemma(w) == "ask")  # '"…?" Aderholt asked'
        and any(_names_another(c, quoted, names, last) for c in w.children)
        for w in span
    )


def _adds_to(verb: Token) -> bool:
    """ "which, critics say, will add substantially to the cost": adding to a thing, no saying."""
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    things = [o for c in to for o in c.children if o.dep_ == "pobj"]
    return (
        lemma(verb) == "add"
        and any(o.tag_ in ("NN", "NNS") and o.lower_ not in UNNAMED_HEADS | AUDIENCES for o in things)
        and not any(c.dep_ == "ccomp" for c in verb.children)
        and not quote_marks(verb.sent.text)
    )


AUDIENCES = {"reporters", "journalists", "mps", "delegates", "viewers", "listeners", "audience", "crowd"}


def _tagged_next(t: Text, sid: str, last: Attribution, entities: Entities) -> bool:
    """'"So it's fair to say you have not fixed it?" / Schiff asked.': the next sentence is
    only a speaker's tag, split off by the parser, naming another speaker than the last."""
    number = int(sid[1:])
    if number >= len(t.spans):
        return False
    following = t.spans[number]
    words = [w for w in following if not w.is_punct and not w.is_space]
    return len(words) <= 4 and _has_own_speaker(t, following, last, entities)


def _names_another(subject: Token, quoted: frozenset[int], names: dict[int, str], last: Attribution) -> bool:
    return (
        subject.dep_ == "nsubj"
        and subject.i not in quoted
        and (subject.tag_ in ("NNP", "NNPS") or subject.lower_ in ("he", "she"))
        and names.get(subject.i) != last.source
    )


PRONOUNS_SPEAKING = {"he", "she", "they", "i", "we"}


def _quotes_last_speaker(t: Text, span: Span, last: Attribution, entities: Entities) -> bool:
    """A paragraph that opens with a quotation and names no speaker, just after a person's
    words ("Mr Dunn warned that ...", then "'If companies are hiring ...'"; or a quotation
    of theirs that closed): news gives the quotation to that person."""
    if not last.named or entity_kind(entities, last.source) not in PEOPLE_KINDS:
        return False
    previous = t.sentence_of(last.sentences[-1])
    if t.raw[t.paragraph_start(span.start_char) : span.start_char].strip():
        # inside a paragraph (some corpora run a story's paragraphs together): not a
        # quotation whose verb of saying has a subject of its own ('"…," said M&S')
        quoted = quoted_tokens(t)
        if any(
            w.i not in quoted
            and lemma(w) in SPEECH
            and any(c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SPEAKING for c in w.children)
            for w in span
        ):
            return False
    return (
        _opens_with_a_mark(span.text)
        and int(last.sentences[-1][1:]) == sentence_number(t, span.start) - 1
        and not quotation_open(previous.text)
        and not _has_own_speaker(t, span, last, entities)  # '"Oh my," Lucas responded with a sigh'
        and not _names_the_speaker(span, last, entities)  # '"… rumours Oakes would quit'
    )


def _ends_in_their_words(t: Text, span: Span, last: Attribution, entities: Entities) -> bool:
    """A sentence of narration, right after a person spoke, that names no one and ends in a
    quotation of three words or more, not theirs just quoted, with no verb of saying: the
    person's words, reported."""
    if not last.named or entity_kind(entities, last.source) not in PEOPLE_KINDS:
        return False
    if int(last.sentences[-1][1:]) != sentence_number(t, span.start) - 1 or _opens_with_a_mark(span.text):
        return False
    quoted = quoted_tokens(t)
    words = [w for w in span if not w.is_punct and not w.is_space]
    tail = list(itertools.takewhile(lambda w: w.i in quoted, reversed(words)))
    echoed = " ".join(w.text for w in reversed(tail[-3:])) in t.sentence_of(last.sentences[-1]).text
    return (
        len(tail) >= 3
        and not echoed  # '… with "investing for growth."': the writer quoting back what was said
        and len(tail) < len(words)
        and not any(w.i not in quoted and lemma(w) in SPEECH for w in span)
        and not names_in(entities, span.start, span.end, PEOPLE_KINDS | BODY_KINDS)
    )


def _person_of(subject: Token, entities: Entities) -> str | None:
    """The person a subject names, or the one its "he" or "she" stands for."""
    if subject.lower_ in ("he", "she"):
        return entities.antecedents.get(subject.i)
    named = names_in(entities, subject.i, subject.i + 1, PEOPLE_KINDS)
    return named[0].name if named else None


def _quotation_after_colon(
    t: Text, span: Span, entities: Entities, labelled_only: bool = False
) -> Attribution | None:
    """ "Johansson was more restrained in his assessment: 'I have to improve my serve …'":
    a quotation after a colon, in a sentence of narration whose one subject is a person
    and names no one else before the colon."""
    words = list(span)
    colon = next((w.i for w in words if w.text == ":"), None)
    if colon is None or not _opens_quotation(t.doc, colon, span.end):
        return None
    name = _speaker_label(t, span, colon, entities)
    if name is None:
        if labelled_only:
            return None
        # the parser may hang the narration on the quotation's verb: its subject is before the colon
        subjects = [w for w in words if w.i < colon and w.dep_ in ("nsubj", "nsubjpass") and w.head.i < colon]
        if len(subjects) != 1 or lemma(subjects[0].head) in ADDRESSING | SPEECH:
            return None  # a verb of saying is read as such: '"He told BBC Sport: …"'
        name = _person_of(subjects[0], entities)
    people = {s.name for s in names_in(entities, span.start, colon, PEOPLE_KINDS)} - {name}
    if name is None or people or entity_kind(entities, name) not in PEOPLE_KINDS:
        return None
    claim = strip_claim(t.doc[colon + 1 : span.end].text)
    if len(claim.split()) < 3 or claim.rstrip("”\"’'").endswith("?"):
        return None
    sid = t.token_sid[span.start] or "s1"
    return Attribution(name, None, claim, [sid], entity_role(entities, name), True, True)


QUOTE_LABEL_MARKS = {'"', "“", "”", "'", "‘", "’"}
LABEL_DASHES = {"-", *DASHES, "•", "*"}  # what opens a speaker's label: "- Blackburn boss Mark Hughes:"
LABEL_MARKS = LABEL_DASHES | QUOTE_LABEL_MARKS


def _label_within(t: Text, span: Span, entities: Entities) -> tuple[int, int, str] | None:
    """(the dash, the colon, who) of a speaker's label inside a sentence, after a closing
    quotation mark: '…." - Southampton boss Harry Redknapp: "We know …'."""
    for dash in (w for w in span if w.text in LABEL_DASHES and w.i > span.start):
        before = dash.i - 1
        while before > span.start and t.doc[before].is_space:
            before -= 1
        if t.doc[before].text not in QUOTE_LABEL_MARKS:
            continue
        colon = next((w.i for w in t.doc[dash.i : span.end] if w.text == ":"), None)
        if colon is None or not _opens_quotation(t.doc, colon, span.end):
            continue
        label = t.doc[dash.i + 1 : colon]
        if not any(coarse(w) in ("VERB", "AUX") for w in label):
            people = names_in(entities, dash.i + 1, colon, PEOPLE_KINDS)
            if len(people) == 1 and people[0].end == colon:
                return dash.i, colon, people[0].name
    return None


def _split_at_label(
    t: Text, span: Span, sid: str, inside: tuple[int, int, str], last: Attribution | None, entities: Entities
) -> list[Attribution]:
    """The end of the last speaker's quotation, if one was open, and the new speaker's."""
    dash, colon, name = inside
    out = []
    ending = strip_claim(t.doc[span.start : dash].text.strip())
    if last is not None and last.quote and len(ending.split()) >= 3:
        out.append(Attribution(last.source, last.via, ending, [sid], last.role, last.named, True))
    opening = strip_claim(t.doc[colon + 1 : span.end].text)
    out.append(Attribution(name, None, opening, [sid], entity_role(entities, name), True, True))
    return out


# The signature an embedded post keeps: "— The Nigerian Senate (@NGRSenate) October 9, 2018"
_SIGNATURE = re.compile(
    r"^[—–-]?\s*(?P<name>[^()@]{2,60}?)\s*\(@\w{1,30}\)\s*(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})?$"
)
_POST_DATE = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4}$")
_POST_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)")


def _embedded_posts(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """A post embedded in the page, its words a paragraph and its signature the next
    ("— Robert Maguire (@RobertMaguire_) November 18, 2019"): the paragraph is the
    account's. Not one that introduces ("See tweets:") or that another claim holds."""
    story = t.story()
    claimed = {sid for a in found for sid in a.sentences}
    out = []
    # the signature may be taken for page furniture: every sentence is read for one
    for k, (sentence, span) in enumerate(zip(t.sentences, t.spans, strict=True)):
        signed = _SIGNATURE.match(sentence.text.strip())
        dated = k + 1 < len(t.sentences) and _POST_DATE.match(t.sentences[k + 1].text.strip())
        if signed is None or not (signed.group("date") or dated):
            continue  # "By Jane Doe (@janedoe)": a byline, no post
        paragraph = t.paragraph_start(span.start_char)
        before = t.paragraph_start(max(paragraph - 2, 0))
        post = [(s, sp) for s, sp in story if before <= sp.start_char < paragraph]
        text = " ".join(s.text for s, _ in post).strip()
        if not post or text.endswith(":") or any(s.id in claimed for s, _ in post) or _SIGNATURE.match(text):
            continue
        claim = strip_claim(_POST_LINK.sub("", text))
        if len(claim.split()) >= 4:
            name = _signer(signed.group("name").strip(), entities)
            out.append(
                Attribution(
                    name, None, claim, [s.id for s, _ in post], entity_role(entities, name), True, True
                )
            )
    return out


def _signer(name: str, entities: Entities) -> str:
    """The person or body the article names for a post's signature: "Rep. Ilhan Omar" is
    Ilhan Omar; "Josh Apte" the one Apte of the article whose name has his initial."""
    known = [e.name for e in entities.spans if e.kind in PEOPLE_KINDS | BODY_KINDS and name.endswith(e.name)]
    if known:
        return max(known, key=len)
    surname = name.split()[-1] if " " in name else None
    same = {
        e.name
        for e in entities.spans
        if e.kind in PEOPLE_KINDS and e.name.split()[-1] == surname and e.name[:1] == name[:1]
    }
    return same.pop() if len(same) == 1 else name


_QUESTION = re.compile(r"^(?:Q|Question)\s*(?:[:.]|$)")
_ANSWER = re.compile(r"^(?:A|Answer)\s*:\s*")


def _interview_answers(t: Text, entities: Entities, found: list[Attribution]) -> list[Attribution]:
    """A question-and-answer interview ("Q: How do you prioritise your day?" / "A: I have
    been well served …"): every answer, to the next question, is the words of the one
    person the opening names. Two questions and two answers at least; none if the
    opening names no one, or several."""
    story = t.story()
    kinds = ["q" if _QUESTION.match(s.text) else "a" if _ANSWER.match(s.text) else "" for s, _ in story]
    if kinds.count("q") < 2 or kinds.count("a") < 2:
        return []
    opening = story[min(3, len(story) - 1)][1].end
    people = {n.name for n in names_in(entities, 0, opening, PEOPLE_KINDS)}
    if len(people) != 1:
        return []
    name = people.pop()
    claimed = {sid for a in found for sid in a.sentences}
    out, answering = [], False
    for (sentence, _), kind in zip(story, kinds, strict=True):
        answering = kind == "a" or (answering and kind != "q")
        claim = strip_claim(_ANSWER.sub("", sentence.text))
        if answering and sentence.id not in claimed and len(claim.split()) >= 3:
            out.append(Attribution(name, None, claim, [sentence.id], entity_role(entities, name), True, True))
    return out


def _names_the_speaker(span: Span, last: Attribution, entities: Entities) -> bool:
    """'"Earlier in December, there were rumours O'Leary would quit …': a sentence that
    names the speaker by name is the writer's, whatever stray mark opens it (a person's:
    a body's spokesman names it)."""
    mentions = [
        s
        for s in entities.spans
        if s.name == last.source and s.kind in PEOPLE_KINDS and span.start <= s.start < span.end
    ]
    # '[again]," Heyward said.': the tag of the quotation, not narration about him
    tags = any(
        c.dep_ == "nsubj" and m.start <= c.i < m.end
        for w in span
        if _says(w)
        for c in w.children
        for m in mentions
    )
    # '"… the accordion playing drives me nuts," McDowell laughed': a name just after the
    # quotation closes tags it, whatever the verb
    after_quotation = any(m.start > span.start and span.doc[m.start - 1].text in ('"', "”") for m in mentions)
    return bool(mentions) and not tags and not after_quotation


def _speaker_label(t: Text, span: Span, colon: int, entities: Entities) -> str | None:
    """ "- Blackburn boss Mark Hughes: 'Burnley are resolute …'": a sentence that opens
    with a person's name (and role), no verb, then a colon and a quotation, as previews and
    interviews set out who says what."""
    label = [w for w in t.doc[span.start : colon] if w.text not in LABEL_MARKS and not w.is_space]
    if not label or any(coarse(w) in ("VERB", "AUX") for w in label):
        return None
    people = names_in(entities, label[0].i, colon, PEOPLE_KINDS)
    return people[0].name if len(people) == 1 and people[0].end == colon else None


# Verbs that put a question or a task to someone else, whose answer may follow
ADDRESSING = {"ask", "question", "quiz", "press", "interview", "tell", "urge", "challenge", "invite"}


def _quotes_the_subject_before(
    t: Text, span: Span, entities: Entities, found: list[Attribution]
) -> Attribution | None:
    """A quotation with no speaker of its own, just after a sentence of narration about one
    person ("Mr Negroponte has adapted the idea to his own work in Cambodia …", then "'We put
    in 25 laptops …'"): news gives it to that person, its subject. Only where no one else is
    named beside them, and not after a question put to someone ("Lucas asked them about …")."""
    text = span.text.lstrip()
    sid = t.token_sid[span.start] or "s1"
    if text[:1] not in '“"' or sid == "s1":
        return None
    before = f"s{int(sid[1:]) - 1}"
    if before in t.boilerplate or any(before in a.sentences for a in found):
        return None
    previous = t.sentence_of(before)
    narration = previous.text.strip()
    if narration[:1] in "“\"‘'" or quotation_open(narration) or narration.rstrip("”\"’')")[-1:] not in ".!?":
        # a quotation, or a sentence that stops short ("… hit singles like 1978's") or
        # introduces a document ("… contains the following statement:")
        return None
    root = previous.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or lemma(root) in ADDRESSING:
        return None
    subject = subjects[0]
    name = _person_of(subject, entities)
    others = {s.name for s in names_in(entities, previous.start, previous.end, PEOPLE_KINDS)} - {name}
    if name is None or others or entity_kind(entities, name) not in PEOPLE_KINDS:
        return None
    claim = strip_claim(span.text)
    if len(claim.split()) < 3 or span.text.strip().rstrip("”\"’'").endswith("?"):
        return None  # a question put to a hearing asserts nothing
    said = Attribution(name, None, claim, [sid], entity_role(entities, name), True, True)
    if _has_own_speaker(t, span, said, entities) or _tagged_next(t, sid, said, entities):
        return None  # '"…," Suter acknowledged', '"… ?" / Schiff asked.'
    return said


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
        if a.claim not in kept.claim:
            # "called the term 'outrageous' and said his client was innocent": both claims;
            # a part the new claim holds whole ("worst nightmare") gives way to it
            parts = [p for p in kept.claim.split(" … ") if p not in a.claim]
            out[first[key]] = replace(kept, claim=" … ".join([*parts, a.claim]), quote=kept.quote or a.quote)
    return out
