"""People as an editor lists them: one entry per person, under the fullest name.

News names a person in full once, then by surname ("Persson", "Ms Persson",
"Persson's"). Each short mention joins the full name it refers to: the nearest
one before it with that surname (two Burtons in one story stay two people). A
single word with no full name is a person only on evidence: an honorific or a
title before it, a verb of speech it is the subject of, or a pack entry.

A person's role is in the article's own words: the title before the name
("Interior Minister Wolfgang Peschorn", "Wikileaks editor-in-chief Kristinn
Hrafnsson") or the apposition beside it ("Scott Strenfel, PG&E's principal
meteorologist"; "the then UK Home Secretary, Sajid Javid").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .grammar import lemma
from .mentions import FEMALE, HONORIFICS, MALE, TITLE_WORDS, Found, Mention, honorific_gender
from .text import Text, clean, quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .packs import Entry, KnowledgeBase

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
SPEECH_VERBS = {
    "say", "tell", "add", "state", "announce", "report", "confirm", "claim", "write", "note", "reveal",
    "disclose", "explain", "warn", "argue", "insist", "predict", "acknowledge", "testify", "tweet",
    "deny", "admit", "allege", "comment", "declare", "maintain", "recall", "suggest", "urge", "accuse",
    "ask", "reply", "respond", "agree", "believe", "continue", "decline", "emphasise", "emphasize",
    "stress", "assert", "concede", "contend", "point", "describe", "call", "post", "caution", "estimate",
    "forecast", "expect", "promise", "pledge", "vow", "indicate", "observe", "remark", "answer", "counter",
}  # fmt: skip
ROLE_NOUN_TAGS = {"NN", "NNS"}
# Last words of a title that only a person holds ("executive chair", "spokeswoman").
PERSON_TITLES = {
    "chair", "chairman", "chairwoman", "president", "minister", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "executive", "officer", "director", "ceo", "founder", "co-founder", "analyst",
    "economist", "governor", "senator", "ambassador", "envoy", "chief", "head", "editor", "correspondent",
    "attorney", "lawyer", "judge", "coach", "manager", "commissioner", "mayor", "professor", "scientist",
}  # fmt: skip
# What an apposition calls a person ("Eswar Prasad, a trade professor at Cornell").
ROLE_NOUNS = PERSON_TITLES | {
    "expert", "researcher", "strategist", "consultant", "lecturer", "historian", "fellow", "partner",
    "investor", "founder", "owner", "resident", "student", "teacher", "doctor", "physician", "nurse",
    "engineer", "activist", "author", "writer", "reporter", "journalist", "spokesperson", "aide",
    "adviser", "advisor", "candidate", "lawmaker", "legislator", "representative", "official", "solicitor",
    "barrister", "counsel", "prosecutor", "campaigner", "mp", "leader",
}  # fmt: skip
# Words that may stand inside a title before a name ("Secretary of State Mike Pompeo").
TITLE_GLUE = {"of", "for", "and", "&", "-", "'s", "’s", "the"}

# Who only a person has: "Juninho's agent" is someone's even where the tagger took the
# footballer for a club (a company has lawyers and spokesmen, not an agent or a wife).
ONLY_A_PERSONS = {
    "agent", "publicist", "father", "mother", "wife", "husband", "son", "daughter", "brother", "sister",
    "aunt", "uncle", "cousin", "widow", "girlfriend", "boyfriend", "fiancee", "fiance", "grandmother",
    "grandfather", "niece", "nephew",
}  # fmt: skip


@dataclass
class Person:
    found: Found
    first: str
    last: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None  # "f" | "m", from honorifics and titles only


def _core(name: str) -> list[str]:
    words = [w for w in name.replace(",", " ").split() if w.lower() not in SUFFIXES]
    return words or name.split()


def speaks(t: Text, m: Mention) -> bool:
    """Whether the mention is the subject of a verb of speech ("Smith said")."""
    for token in t.doc[m.start : m.end]:
        if token.dep_ in ("nsubj", "nsubjpass") and lemma(token.head) in SPEECH_VERBS:
            return True
    return False


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")


def untagged_speakers(t: Text, covered: set[int]) -> list[Mention]:
    """People spaCy named nowhere who speak in the story: "Eswar Prasad, a trade professor
    at Cornell, said …", "Jane Roe, who represents Thomas, said …". The subject of a verb
    of speech is a person when it is a first and last name (two or three capitalised
    words, standing alone, no name found there already) that the sentence gives a
    person's role or a "who" clause; "Big Machine, which owns her masters, said" is not."""
    out = []
    for token in t.tokens:
        if token.dep_ != "nsubj" or token.tag_ != "NNP" or lemma(token.head) not in SPEECH_VERBS:
            continue
        words = [c for c in token.lefts if c.dep_ == "compound" and c.tag_ == "NNP"] + [token]
        start, end = words[0].i, token.i + 1
        sid = t.sid_at(start)
        if (
            sid is None
            or not 2 <= end - start <= 3
            or [w.i for w in words] != list(range(start, end))
            or any(i in covered for i in range(start, end))
            or not all(_NAME_WORD.fullmatch(w.text) for w in words)
            or words[0].lower_ in TITLE_WORDS
            or (start > 0 and t.tokens[start - 1].text[:1].isupper())  # "James Van Der Beek"
            or not _described_as_person(token)
        ):
            continue
        out.append(Mention(start, end, clean(t.doc[start:end].text), "PERSON", sid))
    return out


def _surnames_in_full(people: list[Mention]) -> set[str]:
    """The surnames of the people an article names in full."""
    return {m.name.split()[-1] for m in people if len(m.name.split()) >= 2}


def surnames_after_honorifics(t: Text, people: list[Mention], covered: set[int]) -> list[Mention]:
    """ "Mr Cable said", the tagger naming no one there: the surname of a person the
    article names in full, after an honorific, is that person again."""
    surnames = _surnames_in_full(people)
    out = []
    for token in t.tokens[1:]:
        before = t.tokens[token.i - 1]
        if (
            before.lower_ in HONORIFICS
            and token.tag_ == "NNP"
            and token.text in surnames
            and token.i not in covered
            and (sid := t.sid_at(token.i)) is not None
        ):
            out.append(Mention(token.i, token.i + 1, token.text, "PERSON", sid))
    return out


def honorific_bodies(people: list[Mention], others: list[Mention]) -> list[Mention]:
    """ "Mr Cable", tagged an organisation: a person the article names in full."""
    surnames = _surnames_in_full(people)
    return [
        m
        for m in others
        if len(words := m.name.split()) == 2 and words[0].lower() in HONORIFICS and words[1] in surnames
    ]


def _described_as_person(token: Token) -> bool:
    """ "Eswar Prasad, a trade professor at Cornell", "Jane Roe, who represents Thomas"."""
    for child in token.rights:
        if child.dep_ == "appos" and lemma(child) in ROLE_NOUNS:
            return True
        if child.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in child.lefts):
            after = token.doc[token.i + 1 : token.i + 3]
            return len(after) == 2 and after[0].text == "," and after[1].lower_ in ("who", "whom")
    return False


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}  # fmt: skip


def genders_from_pronouns(t: Text, persons: list[Person]) -> dict[str, str]:
    """A person's gender where the text gives it only by a pronoun in the person's own
    clause: "McDowell still laughs at the memory of … his mom" (no other subject and no
    other person between the name and the pronoun, neither inside a quotation). Names the
    text gives both genders are left out."""
    quoted = quoted_tokens(t)
    at = {i: p.found.name for p in persons for m in p.mentions for i in range(m.start, m.end)}
    votes: dict[str, set[str]] = {}
    for p in persons:
        for m in p.mentions:
            subject = next((w for w in t.doc[m.start : m.end] if w.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or m.start in quoted:
                continue
            sentence_end = t.sentence_of(m.sid).end
            for w in t.tokens[m.end : sentence_end]:
                if w.i in quoted or (w.i in at and at[w.i] != p.found.name):
                    break
                if w.lower_ in PRONOUN_GENDER:
                    votes.setdefault(p.found.name, set()).add(PRONOUN_GENDER[w.lower_])
                    break
                if w.dep_ in ("nsubj", "nsubjpass"):
                    break  # "Smith said the president praised his …": someone else's clause
    return {name: next(iter(g)) for name, g in votes.items() if len(g) == 1}


FIRST_NAMES = Path(__file__).resolve().parent / "data" / "first-names.tsv"


@cache
def first_names() -> dict[str, str]:
    """Given names nearly always a man's or a woman's (see scripts/first_names.py)."""
    rows = FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return dict(row.split("\t", 1) for row in rows if row and not row.startswith("#"))


def gender_of_first_name(name: str) -> str | None:
    """ "m" for "Neil Gaiman", "f" for "Teresa Nielsen Hayden", None for "Jean" or "Taylor"."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in HONORIFICS]
    if len(words) < 2:
        return None  # a surname alone says nothing
    return first_names().get(words[0].lower())


def _gender(m: Mention) -> str | None:
    words = {w.lower() for w in f"{m.honorific or ''} {m.title or ''}".split()}
    if words & FEMALE:
        return "f"
    if words & MALE:
        return "m"
    return None


def _honorific_before(t: Text, m: Mention) -> str | None:
    """ "m" or "f" for the honorific just before a name the tagger cut it from ("Mr" Blair)."""
    return honorific_gender(t.tokens[m.start - 1].lower_) if m.start > 0 else None


def _addressed(t: Text, m: Mention) -> str | None:
    """The form of address just before a name the tagger cut it from ("Lord" Janner,
    "Dr" Smith): evidence of a person."""
    if m.start == 0 or m.honorific:
        return None
    before = t.tokens[m.start - 1]
    after = t.tokens[m.end].text if m.end < len(t.tokens) else ""
    if after[:1].isupper() and after.isalpha():
        return None  # "Mr. Ranking Member": a form of address, not a name the tagger cut
    addressing = before.lower_ in HONORIFICS or before.text in ROYALS
    return before.text if addressing and before.text[:1].isupper() else None


ROYALS = {"Prince", "Princess", "King", "Queen"}
PEERAGE = {"Lord", "Lady"} | ROYALS  # ranks that are part of a name


def _gender_of(p: Person) -> str | None:
    """A person's gender as their given name or an honorific tells, so far."""
    return (
        p.gender or gender_of_first_name(p.found.name) or next(filter(None, map(_gender, p.mentions)), None)
    )


def _is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS or (token.tag_ in ROLE_NOUN_TAGS and token.text[:1].islower())


def title_before(t: Text, m: Mention) -> str | None:
    """The run of title words just before a name, in its sentence: "U.S. Defense
    Secretary" before "Mark Esper", "Wikileaks editor-in-chief" before "Kristinn
    Hrafnsson", "Secretary of State" before "Mike Pompeo"."""
    sentence = t.sentence_of(m.sid)
    doc = t.doc
    i = m.start - 1
    first = m.start
    if i >= 0 and doc[i].lower_.rstrip(".") in ("mr", "mrs", "ms", "miss"):
        return None  # "... told the Today programme Mr Blair had ...": no title goes before "Mr"
    while i >= max(sentence.start, t.dateline_end):
        token = doc[i]
        hyphenated = token.text == "-" or (i + 1 < m.start and doc[i + 1].text == "-")
        if token.tag_ == "DT" or (token.is_punct and not hyphenated):
            break
        if token.lower_ == "and" and i > sentence.start and doc[i - 1].ent_type_ == "PERSON":
            break  # "Prime Minister Boris Johnson and opposition leader Jeremy Corbyn": his own title only
        if token.lower_ == "and" and doc[i - 1].lower_ in TITLE_WORDS and doc[i + 1].lower_ in TITLE_WORDS:
            break  # "the Cardinal and Archbishop of Canterbury Dr Rowan Williams": two people
        glue = token.lower_ in TITLE_GLUE and i - 1 >= sentence.start and doc[i - 1].text[:1].isupper()
        named = token.ent_type_ in ("ORG", "GPE", "NORP", "MEDIA") or (
            token.text[:1].isupper() and token.tag_ in ("NNP", "NNPS", "NN", "NNS", "JJ")
        )
        if not (named or glue or hyphenated or _is_title_word(token)):
            break
        first = i
        i -= 1
    while first < m.start and (doc[first].lower_ in TITLE_GLUE or doc[first].is_punct):
        first += 1
    last = m.start
    while last > first and doc[last - 1].lower_ in HONORIFICS:
        last -= 1  # "Archbishop of Canterbury Dr Rowan Williams": "Dr" is a form of address
    words = doc[first:last]
    if not any(_is_title_word(w) for w in words):
        return None  # "the Rt Rev Dr Tom Wright": forms of address, not a role
    text = clean(words.text).replace(" - ", "-")
    if m.title and m.title not in text:
        text = f"{text} {m.title}"
    return text.strip(" ,-") or None


def apposition(t: Text, start: int, end: int) -> str | None:
    """ "X, the minister of …" after the name at tokens start:end, or "the minister, X,"
    before it."""
    doc = t.doc
    head = doc[end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end:
            return None if _a_list(child) else role_phrase(apposition_words(head, child))
    if head.dep_ == "appos" and head.head.i < start:
        owner = head.head
        skip = {w.i for w in head.subtree}
        return role_phrase([w for w in owner.subtree if w.i not in skip and w.i < start])
    return None


def apposition_words(head: Token, first: Token) -> list[Token]:
    """The words of an apposition of `head` that opens with its child `first`, with the
    appositions the parse split off it at a hyphen ("co-author": "co", "-", "author")."""
    words = list(first.subtree)
    for after in (c for c in head.children if c.dep_ == "appos" and c.i > first.i):
        if after.left_edge.i != words[-1].i + 1 or "-" not in (after.text, words[-1].text):
            break
        words += list(after.subtree)
    return words


def _a_list(phrase: Token) -> bool:
    """ "Taylor Swift, her former record label and a couple of politicians": the name opens
    a list of others, each with its own article (not "chairman and chief executive")."""
    return any(
        c.dep_ == "conj" and any(w.dep_ in ("det", "poss") for w in c.children) for c in phrase.children
    )


# Words that open the phrase or clause a role stands in, never the role: articles, and
# conjunctions ("whether WeWork's founder"; "below average" is a role's own).
ROLE_OPENERS = {
    "a", "an", "the", "whether", "if", "that", "because", "although", "though", "while", "when", "and",
    "but", "or",
}  # fmt: skip


def without_dangling_end(words: list[Token]) -> list[Token]:
    """A phrase without the preposition, conjunction or article the parse ended it on
    ("… Regional Operations at", where the object went to a name of its own)."""
    while words and (words[-1].is_punct or words[-1].tag_ in ("IN", "CC", "DT", "TO")):
        words = words[:-1]
    return words


def role_phrase(tokens: list[Token]) -> str | None:
    """An apposition as a role: without its relative clauses, articles and commas."""
    drop: set[int] = set()
    for token in tokens:
        if token.dep_ in ("relcl", "acl", "advcl") or token.lower_ in ("who", "which"):
            drop.update(w.i for w in token.subtree)
    words = [w for w in sorted(tokens, key=lambda w: w.i) if w.i not in drop]
    while words and (words[0].is_punct or words[0].lower_ in ROLE_OPENERS):
        words = words[1:]
    words = without_dangling_end(words)
    if not words or len(words) > 12 or not any(_is_title_word(w) or w.tag_ in ROLE_NOUN_TAGS for w in words):
        return None
    inside = {w.i for w in words}
    head = next((w for w in words if w.head.i not in inside or w.head.i == w.i), words[0])
    if head.tag_ in ("NNS", "NNPS") or (words[0].tag_ == "CD" and words[0].lower_ != "one"):
        return None  # "the two other major black candidates in the race": several people's
    text = "".join(w.text_with_ws for w in words).strip()
    return clean(text) or None


# Words that say nothing as a role on their own ("Beto O'Rourke, former").
BARE_MODIFIERS = {"former", "late", "then", "acting", "interim", "ex", "outgoing", "incoming", "current"}


def role_of(t: Text, m: Mention) -> str | None:
    for role in (title_before(t, m), apposition(t, m.start, m.end), m.title):
        if role and _one_persons_role(role):
            return role
    return None


def _one_persons_role(role: str) -> bool:
    """Not "former" alone, not several people's ("researchers", "judges" before a list
    of names), not a word the name's title was cut from ("end" of "defensive end")."""
    words = role.split()
    if set(role.lower().split()) <= BARE_MODIFIERS:
        return False
    last = words[-1]
    plural = last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))
    if plural and " of " not in role:
        return False
    return not (len(words) == 1 and last in NOT_ROLES)


# Single words an apposition or a cut title leaves that say nothing of the person
# ("the man who kidnapped the child, Michael Webb"; "end" of "defensive end").
NOT_ROLES = {"end", "board", "time", "way", "direction", "work", "group", "letter", "man", "woman", "rival"}


def _full_name_in_text(t: Text, surname: str) -> str | None:
    """ "Eva-Marie Persson" for "Ms Persson" when spaCy saw the full name as no name at
    all: capitalised given names right before the surname, after any title."""
    pattern = re.compile(rf"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)(?:[A-Z]\.\s+)?){re.escape(surname)}\b")
    for m in pattern.finditer(t.raw):
        given = m.group(1).split()[0]
        # Not part of another name: "Francisco Chronicle" in "San Francisco Chronicle".
        span = t.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(w.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "MEDIA") for w in span):
            continue
        if given.lower().rstrip(".") not in TITLE_WORDS | HONORIFICS and given.lower() not in ("the", "a"):
            return clean(f"{m.group(1)}{surname}")
    return None


def _as_a_name(t: Text, name: str) -> bool:
    """Whether the text writes `name` as a person's: never after an article ("the Mac
    Mini") nor as a label before a colon ("New Price Drop: …")."""
    return not re.search(rf"(?:\b(?:[Tt]he|[Aa]n?)\s+{re.escape(name)}\b|\b{re.escape(name)}:)", t.raw)


# Words that begin a surname: "Bin Laden" is Osama bin Laden's, "Van Gogh" Vincent's.
SURNAME_PARTICLES = {
    "bin", "ibn", "al", "el", "van", "von", "de", "da", "del", "della", "di", "du", "le", "la",
}  # fmt: skip


_INITIAL = re.compile(r"[A-Z]\.")  # "J." in "Donald J. Trump"


def _part_name(name: str) -> bool:
    """A name that is only part of one: a surname with its particle ("Bin Laden"), or
    a given name and an initial the parse cut off before the surname ("Donald J.")."""
    core = _core(name)
    if _INITIAL.fullmatch(core[-1]):
        return True
    return len(core) == 2 and core[0].lower() in SURNAME_PARTICLES


def _titled_in_pack(t: Text, m: Mention, surname: str, kb: KnowledgeBase | None) -> Entry | None:
    title = m.title or title_before(t, m)
    return kb.titled_person(surname, title) if kb is not None and title else None


def _ensure(people: dict[str, Person], m: Mention, name: str, entry: Entry | None = None) -> Person:
    """The person of that name, made from the mention (or the pack `entry`) if new."""
    if name not in people:
        core = _core(name)
        people[name] = Person(Found(entry or m.entry, name, "person"), core[0], core[-1])
    return people[name]


def cluster_people(
    t: Text, mentions: list[Mention], kb: KnowledgeBase | None = None
) -> tuple[list[Person], dict[int, str]]:
    """People, one per person, and the canonical name of each mention (by its start).
    `kb`: the packs, which may name in full a person the article names by title and
    surname alone ("President Obama")."""
    people: dict[str, Person] = {}
    full = [m for m in mentions if m.entry is not None or (len(_core(m.name)) > 1 and not _part_name(m.name))]
    # The longest form first: "Patrick W. Carlineo Jr." absorbs "Patrick Carlineo".
    for m in sorted(full, key=lambda m: (-len(m.name), m.start)):
        name = m.entry.name if m.entry is not None else m.name
        core = _core(name)
        same = next(
            (p for p in people.values() if p.first == core[0] and p.last == core[-1] and m.entry is None),
            None,
        )
        person = same or _ensure(people, m, name)
        person.mentions.append(m)
    singles = [m for m in mentions if m not in full]
    shared: set[int] = set()  # surnames two people named here share: their titles are no one's role
    for m in singles:
        word = _core(m.name)[-1]
        if _INITIAL.fullmatch(word):
            continue  # "Donald J.": no half name
        entry = _titled_in_pack(t, m, word, kb)
        if entry is not None:
            # "President Obama", though the article names Michelle Obama too: the pack's.
            _ensure(people, m, entry.name, entry).mentions.append(m)
            continue
        candidates = [p for p in people.values() if p.last == word] or [
            p for p in people.values() if p.first == word and len(_core(p.found.name)) >= 2
        ]
        if len(candidates) > 1 and (gender := _gender(m) or _honorific_before(t, m)):
            # "Mr Blair" beside Tony and Cherie Blair: the one his honorific fits
            known = [p for p in candidates if _gender_of(p) == gender]
            fitting = known or [p for p in candidates if _gender_of(p) is None]
            candidates = fitting or candidates
        if len(candidates) > 1:
            shared.add(m.start)
            if m.title:
                continue  # "Vice President Biden" beside Joe and Hunter Biden: which one is not sure
        if candidates:
            before = [(max(x.start for x in p.mentions if x.start < m.start), p) for p in candidates if
                      any(x.start < m.start for x in p.mentions)]  # fmt: skip
            if before:
                person = max(before, key=lambda bp: bp[0])[1]
            else:
                person = min(candidates, key=lambda p: min(x.start for x in p.mentions))
            person.mentions.append(m)
        else:
            fuller = _full_name_in_text(t, word)
            # "The house where Adolf Hitler was born", the tagger seeing only "Hitler": the
            # text writes the full name, with a given name the name list knows.
            in_full = bool(fuller and gender_of_first_name(fuller) and _as_a_name(t, fuller))
            addressed = _addressed(t, m)
            if m.honorific or m.title or speaks(t, m) or in_full or addressed:
                # a peer or a royal is known by rank and name: "Lord Janner", "Prince Harry"
                rank = addressed if addressed in PEERAGE else m.title if m.title in ROYALS else None
                ranked = f"{rank} {m.name}" if rank else None
                _ensure(people, m, fuller or ranked or m.name).mentions.append(m)
    owner: dict[int, str] = {}
    for person in people.values():
        person.mentions.sort(key=lambda m: m.start)
        for m in person.mentions:
            owner[m.start] = person.found.name
            surface = f"{m.honorific} {m.name}" if m.honorific else m.name
            person.found.add(surface, m.sid, m.start)
            person.gender = person.gender or _gender(m)
            if person.found.role is None and m.start not in shared:
                person.found.role = role_of(t, m)
        person.gender = person.gender or gender_of_first_name(person.found.name)
    return sorted(people.values(), key=lambda p: p.found.first), owner


__all__ = [
    "HONORIFICS",
    "PERSON_TITLES",
    "Person",
    "apposition",
    "cluster_people",
    "genders_from_pronouns",
    "role_of",
    "role_phrase",
    "speaks",
    "title_before",
    "without_dangling_end",
]


# One person of a nation, as a word the parser may take for a name ("the Spaniard"): no name.
ONE_OF_A_NATION = {
    "spaniard", "frenchman", "frenchwoman", "englishman", "englishwoman", "scotsman", "scotswoman",
    "welshman", "welshwoman", "irishman", "irishwoman", "dutchman", "briton", "dane", "swede", "finn",
    "pole", "turk", "scot", "kiwi", "aussie", "argentine", "filipino", "yorkshireman",
}  # fmt: skip
