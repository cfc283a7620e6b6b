"""Names as the corpus compares them: the forms one entity takes across articles.

A name is written many ways: "Mr Blair", "Blair's", "Tony Blair"; "British Bankers'
Association" and "British Bankers Association"; "Yukos Oil Company" and "Yukos Oil
Co". `name_key` folds what does not tell two entities apart (case, accents,
apostrophes, hyphens, a possessive, a leading "the", an honorific, a company's legal
suffix); `PersonName` splits a person's name into title, given names and surname;
`names_someone` tells a name from a phrase that names no one ("But The Office",
"Asia-Pacific office", "Caribbean island's government").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from cleanco import basename
from text_unidecode import unidecode

from ..analyze.mentions import FEMALE, HONORIFICS, MALE, TITLE_WORDS
from ..analyze.people import gender_of_first_name

# Titles a peer is known by: part of the name ("Lord Falconer"), and a gender.
PEERS = {"lord", "lady", "baroness", "baron", "earl", "viscount", "dame"}
# Words that may stand lower-case inside a proper name.
GLUE = {
    "of", "for", "the", "and", "&", "on", "in", "at", "de", "del", "della", "da", "do", "dos", "du", "la",
    "le", "les", "von", "van", "der", "den", "al", "el", "bin", "ibn", "y", "e", "upon", "under",
}  # fmt: skip
# A capitalised word that opens a sentence, not a name ("But The Office", "Meanwhile Sony").
NOT_NAME_OPENERS = {
    "a", "an", "and", "but", "or", "nor", "so", "yet", "however", "meanwhile", "also", "then", "when",
    "while", "if", "as", "after", "before", "since", "although", "though", "because", "this", "that",
    "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "many", "most", "both",
    "all", "every", "each", "other", "another", "such", "what", "which", "who", "where", "how", "why",
    "former", "new", "last", "next", "following", "according", "unlike", "like", "despite",
}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# The last word of an organisation's or a team's name, never a surname.
ORG_END_WORDS = {
    "plc", "ltd", "limited", "inc", "corp", "corporation", "company", "co", "group", "holdings", "bank",
    "association", "party", "council", "union", "committee", "commission", "authority", "agency",
    "institute", "society", "federation", "foundation", "trust", "board", "office", "department",
    "ministry", "services", "airlines", "airways", "motors", "united", "city", "rovers", "wanderers",
    "athletic", "albion", "fc", "rfc", "club", "university", "college", "school", "hospital", "records",
    "studios", "pictures", "entertainment", "media", "network", "systems", "technologies", "electronics",
    "industries", "international", "partners", "capital", "securities", "exchange", "court", "police",
    "government", "administration", "parliament", "assembly", "league", "organisation", "organization",
}  # fmt: skip
_POSSESSIVE = re.compile(r"(?:'s|')$")
# Words a company's name may be without its legal form ("News Corporation"): kept whole.
BARE_WORDS = {
    "news",
    "general",
    "national",
    "international",
    "united",
    "first",
    "royal",
    "global",
    "standard",
}
GIVEN_PARTICLES = {"ben", "van", "von", "st", "st."}  # also given names, capitalised
# Particles of a surname ("bin Laden", "van Nistelrooy", "de Vijver", "Le Pen").
PARTICLES = {"de", "del", "della", "da", "do", "dos", "du", "la", "le", "van", "von", "der", "den", "ter",
             "al", "el", "bin", "ibn", "ben", "st", "st."}  # fmt: skip


@lru_cache(maxsize=131072)
def plain(form: str) -> str:
    """One spacing, straight apostrophes, no possessive, no leading "the"."""
    text = " ".join(form.replace("’", "'").replace("‘", "'").split())
    text = _POSSESSIVE.sub("", text)
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    return text


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _fold(text: str) -> str:
    # Transliterated (as slugs are), lower case, punctuation gone: "Kilroy-Silk" = "Kilroy
    # Silk", "AT&T" = "AT T", "Müller" = "Muller"; an apostrophe joins ("O'Neill" = "ONeill").
    ascii_text = text if text.isascii() else unidecode(unicodedata.normalize("NFKC", text))
    return " ".join(_NOT_ALNUM.sub(" ", ascii_text.lower().replace("'", "")).split())


def fold_word(word: str) -> str:
    return _fold(word)


def strip_honorific(form: str) -> tuple[str, str | None]:
    """ "Mr Blair" -> ("Blair", "mr"). Peers keep their title: it is how they are known."""
    words = plain(form).split()
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS - PEERS:
        return " ".join(words[1:]), words[0].lower().rstrip(".")
    return " ".join(words), None


def strip_titles(text: str) -> str:
    """ "Prime Minister Tony Blair" -> "Tony Blair": titles before a person's name."""
    words = text.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _legal_endings() -> frozenset[str]:
    """The last words of cleanco's legal forms ("plc", "ltd", "kg"): a name ending in
    none of them has nothing for cleanco to strip (and asking it costs)."""
    from cleanco.clean import prepare_default_terms

    return frozenset(words[-1] for _, words in prepare_default_terms())


@lru_cache(maxsize=65536)
def name_key(form: str, kind: str = "") -> str:
    """The form with what does not tell two entities apart folded away."""
    text, _ = strip_honorific(form)
    if kind == "person":
        text = strip_titles(text)
    elif kind in ("organization", "media"):
        last = text.rsplit(" ", 1)[-1].lower().strip(".,")
        base = basename(text) if last in _legal_endings() else text
        if base and base.lower() not in BARE_WORDS:
            text = base
        text = text.replace(" & ", " and ")
    return _fold(text) or _fold(form) or form.lower()


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts, for telling whom a surname alone may mean."""

    given: tuple[str, ...]  # folded: ("tony",), ("george", "w")
    surname: str  # folded: "blair", "kilroy silk"
    gender: str | None  # "f" | "m": from an honorific, a peer's title or a given name
    peer: bool  # "Lord Falconer": a title, then the name
    # A given name and a surname, or a peer's title and name: a name that can stand for
    # one person; a surname alone cannot, nor an initial and a surname ("B Cohen", as
    # team sheets write). Asked tens of thousands of times a run: worked out once.
    full: bool = field(init=False)
    initial: str = field(init=False)  # first letter of the first given name: "b", "B Cohen"

    def __post_init__(self) -> None:
        object.__setattr__(self, "full", any(len(g) > 1 for g in self.given) or self.peer)
        object.__setattr__(self, "initial", self.given[0][:1] if self.given else "")


def _words(form: str) -> list[str]:
    return [w for w in plain(form).replace(",", " ").split() if w]


@lru_cache(maxsize=65536)
def person_name(form: str) -> PersonName | None:
    """ "Mr Tony Blair" -> given ("tony",), surname "blair", gender "m". None for a form
    that is not a person's name (no letters)."""
    words = _words(form)
    gender = None
    peer = False
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS | PEERS | TITLE_WORDS:
        low = words[0].lower().rstrip(".")
        gender = gender or ("f" if low in FEMALE or low == "baroness" else "m" if low in MALE else None)
        peer = peer or low in PEERS
        words = words[1:]
    if words and words[-1].lower().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
        words = words[:-1]
    if not words:
        return None
    # Surnames with particles ("de Vijver", "van Persie", "bin Laden") keep them; opening
    # the name, a particle that is also a given name ("Ben Cohen", "Van Morrison") is one.
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in PARTICLES:
        if cut == 1 and words[0][:1].isupper() and words[0].lower() in GIVEN_PARTICLES:
            break
        cut -= 1
    surname = _fold(" ".join(words[cut:]))
    given = tuple(_fold(w) for w in words[:cut] if _fold(w))
    if not surname:
        return None
    if given and gender is None:
        gender = gender_of_first_name(" ".join(words))
    return PersonName(given, surname, gender, peer)


def is_given_name(word: str) -> bool:
    """ "Tony", "Emily": a word the first-name lexicon knows, so alone it may be anyone."""
    return gender_of_first_name(f"{word} _") is not None


def initials(form: str) -> str:
    """ "Confederation of British Industry" -> "CBI"; "" when fewer than two capitals."""
    letters = [w[0] for w in plain(form).replace("-", " ").split() if w[:1].isupper()]
    return "".join(letters) if len(letters) >= 2 else ""


def is_acronym(form: str) -> bool:
    text = plain(form).replace(".", "")
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()


# A country's or a leader's body, written after its name in lower case.
RULING_BODIES = {"government", "administration"}


@lru_cache(maxsize=131072)
def names_someone(name: str) -> bool:
    """Whether a name reads as a proper name: capitalised words (glue words aside), no
    sentence opener in front, no possessive inside, no stray bracket or digit run."""
    text = " ".join(name.replace("’", "'").split())
    words = text.split()
    if not words or len(words) > 8 or len(text) > 80:
        return False
    if words[0].lower() in NOT_NAME_OPENERS and len(words) > 1:
        return False
    if re.search(r"'s\s", text) or text.count("(") != text.count(")") or re.search(r"\d{3,}", text):
        return False
    if words[-1].lower() in GLUE or words[-1] in ("-", "–", "&"):
        return False  # cut short: "Jerry Springer - The", "Department of"
    if any(w.lower().strip(".,") in WEEKDAYS for w in words[1:]):
        return False  # a phrase of the sentence: "Commons on Monday"
    for i, word in enumerate(words):
        core = word.strip("().,\"'")
        if not core:
            return False
        if core[0].isupper() or core[0].isdigit() or core in ("&", "-", "'n'"):
            continue
        if 0 < i < len(words) - 1 and core.lower() in GLUE:
            continue
        if i == len(words) - 1 and i > 0 and core in RULING_BODIES:
            continue  # "UK government", "Obama administration", as "Government of China" is
        # A lower-case word: "office", "fourth", "v": a phrase, not a name ("eBay" aside).
        if not (len(core) > 1 and core[1:].lower() != core[1:]):
            return False
    return any(c.isalpha() for c in text)


def org_shaped(name: str) -> bool:
    """ "Manchester United", "Yukos Oil Co", "British Bankers Association": the last word
    is one that only an organisation's name ends with."""
    words = plain(name).rstrip(".").split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in ORG_END_WORDS


@lru_cache(maxsize=131072)
def honorific_of(form: str) -> str | None:
    """ "mr" for "Mr Blair", "lord" for "Lord Falconer"; None for a bare name."""
    words = plain(form).split()
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS | PEERS:
        return words[0].lower().rstrip(".")
    return None
