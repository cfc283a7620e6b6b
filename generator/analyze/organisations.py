"""Organisations as an editor lists them: whole names, each one organisation.

spaCy's organisation spans are kept when they are names: not a name cut before
its end ("Bank of the"), not two names joined by "and" ("Orange and
Riverside"), and not a lone common word ("Court", "Benchmark"). A single
word stands as an organisation on evidence: an acronym (NASA, BART), more than
one mention, a verb of speech it is the subject of, or a pack entry.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .grammar import lemma
from .mentions import GENERIC_ORG_WORDS, KIND_ACRONYMS, TITLE_WORDS, Mention
from .packs import Entry, KnowledgeBase
from .people import ONE_OF_A_NATION, ROLE_NOUNS, SPEECH_VERBS
from .text import Text, clean

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Last words of organisation names, for organisations spaCy misses because a
# country inside the name was matched first ("China National Petroleum Corporation").
ORG_SUFFIXES = {
    "Corporation", "Corp.", "Company", "Group", "Industries", "Agency", "Authority", "Ministry",
    "Department", "Bank", "Institute", "Council", "Commission", "Organisation", "Organization",
    "Aerospace", "Technologies", "Inc.", "Ltd", "Ltd.", "Administration", "Office", "Forces", "Services",
    "Party", "Committee", "Court", "University", "Exchange", "Board", "Service", "Association",
    "Center", "Centre", "Centers", "Foundation", "Fund", "Team", "Unit", "Bureau", "Directorate",
}  # fmt: skip
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&.-]{1,7}$")
TICKER_RE = re.compile(r"^[A-Z]{1,}\d[A-Za-z0-9]*$|^\.[A-Z]{2,}$")
# Capitals that are units, titles or common abbreviations, not organisations.
NOT_ACRONYMS = {
    "MW", "GW", "KW", "kW", "GWh", "MWh", "TWh", "kWh", "GDP", "CEO", "CFO", "COO", "CTO", "USD", "EUR",
    "GBP", "UTC", "GMT", "EST", "PST", "AM", "PM", "TV", "PC", "AI", "IPO", "ETF", "SUV", "SUVs", "UAV",
    "ID", "OK", "DNA", "HIV", "MPH", "KPH", "PPE", "API", "URL", "PDF", "CO2", "LNG", "EV", "EVs", "PhD",
    "MP", "MPs", "CT", "MRI",
}  # fmt: skip


# A common noun before a name that makes it a company's: "telecoms giant BT".
COMPANY_NOUNS = {
    "company", "firm", "giant", "consultancy", "retailer", "carrier", "airline", "bank", "lender", "insurer",
    "carmaker", "automaker", "manufacturer", "maker", "publisher", "broadcaster", "operator", "brokerage",
    "conglomerate", "chain", "supplier", "provider", "startup",
}  # fmt: skip
# Words after a name that only a company's takes: "Electrolux's shares", "Electrolux chief
# executive Hans Straberg".
COMPANY_WORDS = {
    "shares", "shareholders", "stock", "subsidiary", "subsidiaries", "brands", "profits", "revenues",
    "boss", "chairman", "spokesman", "spokeswoman", "spokesperson", "ceo",
}  # fmt: skip
# Common nouns an apposition gives a company as: "Chrysler, the US unit of DaimlerChrysler".
COMPANY_APPOSITIONS = COMPANY_NOUNS | {
    "unit", "subsidiary", "arm", "division", "parent", "owner", "rival", "group",
}  # fmt: skip


def is_organisation(t: Text, m: Mention, counts: Counter[str], speaks: bool) -> bool:
    name = m.name
    words = name.split()
    joined = re.search(r"\sand\s", name)
    if joined and not re.search(r"\s(?:of|for)\s", name[: joined.start() + 1]) and _joins_two(t, m):
        return False  # two names joined: "Orange and Riverside" (not "Department of Health and …")
    if "=" in name or any(TICKER_RE.match(w) for w in words):
        return False  # market codes: "Sterling GBP=", "Copper CMCU3"
    if len(words) > 1:
        return True
    if name.lower() in GENERIC_ORG_WORDS | TITLE_WORDS or name in NOT_ACRONYMS or TICKER_RE.match(name):
        return False  # "the Court", "the Bishop said": a common word, a title
    if ACRONYM_RE.match(name):
        return True
    return counts[name] >= 2 or speaks or _named_as_a_company(t, m)


def _named_as_a_company(t: Text, m: Mention) -> bool:
    """A one-word name the sentence calls a company: "carmaker Hyundai", "Korea's Hyundai",
    "Chrysler, the US unit of …", "Hyundai's shares"."""
    doc = t.doc
    before = doc[m.start - 1] if m.start > 0 else None
    if before is not None and (before.lower_ in COMPANY_NOUNS or before.text in KIND_ACRONYMS):
        return True  # "carmaker Hyundai", "ISP Freedom2surf"
    if before is not None and before.text in ("'s", "’s") and m.start > 1:
        return doc[m.start - 2].ent_type_ == "GPE"  # a country's
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.text in ("'s", "’s") and m.end + 1 < len(doc):
        after = doc[m.end + 1]
    if after is not None and after.lower_ in COMPANY_WORDS:
        return True
    root = doc[m.start : m.end].root
    return any(c.dep_ == "appos" and c.lower_ in COMPANY_APPOSITIONS for c in root.children)


def _joins_two(t: Text, m: Mention) -> bool:
    """Whether "and" in a name joins two names ("Orange and Riverside": the second is
    a conjunct of the name's head) or two words inside one ("Health and Safety
    Executive": of a word that qualifies the head)."""
    span = t.doc[m.start : m.end]
    return any(w.dep_ == "conj" and w.head.i == span.root.i for w in span)


# Heads of a capitalised phrase that name a person's rank, not a body ("the Duke said").
_RANKS = {"duke", "duchess", "earl", "lord", "lady", "baron", "baroness", "count", "countess", "dame", "sir"}


def spoken_bodies(t: Text, kb: KnowledgeBase, taken: set[int]) -> list[tuple[int, int, str]]:
    """Bodies no entity names that speak: "the Scottish Executive said", "said the Beijing
    News", "according to the Observer". A capitalised name after "the", as the subject of
    a verb of speech or the source of "according to", is an organisation's, unless its
    last word is a title or a rank ("the Trade and Industry Secretary", "the Duke")."""
    found = []
    doc = t.doc
    for token in t.tokens:
        speaks_here = token.dep_ == "nsubj" and lemma(token.head) in SPEECH_VERBS
        if speaks_here and token.lower_ in SPOKES:
            found += _body_of_spokesman(t, token, taken)
            continue
        according = (
            token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
        )
        if not (speaks_here or according) or token.tag_ not in ("NNP", "NNPS") or not token.is_title:
            continue
        first = token.i
        while (
            first > 0
            and doc[first - 1].is_title
            and doc[first - 1].lower_ != "the"
            and doc[first - 1].head.i in range(first, token.i + 1)
        ):
            first -= 1
        low = token.lower_
        after = doc[token.i + 1 : token.i + 3]
        if len(after) == 2 and after[0].lower_ in ("of", "on", "for", "and", "&") and after[1].is_title:
            continue  # "The Mail on Sunday", "the Bank of Scotland": the name goes on
        if (
            first == 0
            or doc[first - 1].lower_ != "the"
            or any(i in taken for i in range(first, token.i + 1))
            or (low in TITLE_WORDS | ROLE_NOUNS | _RANKS and not _executive_body(doc[first : token.i + 1]))
            or (first == token.i and low in GENERIC_ORG_WORDS | ONE_OF_A_NATION)
        ):
            continue
        name = clean(doc[first : token.i + 1].text)
        if t.sid_at(first) and kb.lookup(name) is None and name not in kb.not_entities:
            found.append((first, token.i + 1, name))
    return found


SPOKES = {"spokesman", "spokeswoman", "spokesperson"}  # who speaks for a body


def _body_of_spokesman(t: Text, token: Token, taken: set[int]) -> list[tuple[int, int, str]]:
    """ "A Defra spokesman said": the capitalised words before the spokesman, that no
    entity covers, name the body they speak for."""
    words = [w for w in token.lefts if w.dep_ == "compound" and w.tag_ == "NNP" and w.text[:1].isupper()]
    if not words or [w.i for w in words] != list(range(words[0].i, token.i)):
        return []
    start = words[0].i
    # "a Defra spokesman": a one-word "person" before a spokesman is a body (a person's
    # would be "Smith's spokesman").
    ents = [e for e in t.ents if not (e.label_ == "PERSON" and len(e) == 1)]
    covered = {i for e in ents for i in range(e.start, e.end)} | taken
    if start == 0 or t.doc[start - 1].lower_ not in ("a", "an", "the"):
        return []
    if covered & set(range(start, token.i)):
        return []
    name = clean(t.doc[start : token.i].text)
    return [(start, token.i, name)] if t.sid_at(start) and name.lower() not in TITLE_WORDS else []


def _executive_body(words: Span) -> bool:
    """ "the Scottish Executive", "the Health and Safety Executive": a body, where
    "the Chief Executive" is a person's title."""
    return words[-1].lower_ == "executive" and len(words) > 1 and words[-2].lower_ not in TITLE_WORDS


def suffixed_orgs(t: Text, kb: KnowledgeBase, taken: set[int]) -> list[tuple[int, int, str]]:
    """Capitalised names ending in an organisation word that no entity covers whole:
    "Bartholomew County Sheriff’s Department", "Joint Narcotics Enforcement Team"."""
    found = []
    ents = list(t.ents)
    doc = t.doc
    for sentence in t.spans:
        for token in t.tokens[sentence.start : sentence.end]:
            if token.text not in ORG_SUFFIXES or token.i == sentence.start or token.i in taken:
                continue
            first = token.i
            while first - 1 >= max(sentence.start, t.dateline_end) and (
                doc[first - 1].text[:1].isupper()
                or doc[first - 1].text in ("of", "for", "and", "’s", "'s", "&")
            ):
                first -= 1
            while first < token.i and not doc[first].text[:1].isupper():
                first += 1
            # not "the", nor the "Former" of "Former National Security Council official X"
            if doc[first].lower_ in ("the", "former"):
                first += 1
            if token.i - first < 1 or any(i in taken for i in range(first, token.i)):
                continue
            end = _name_end(t, token.i + 1, sentence.end)
            name = clean(doc[first:end].text)
            whole = any(e.start <= first and e.end >= end for e in ents)
            if whole or kb.lookup(name) is not None or name in kb.not_entities:
                continue
            found.append((first, end, name))
    return found


# Small words a body's name may hold, and how its initials may write them: "Doctors for
# Camp Closure, D4CC", "Parents 2 Parents".
INITIAL_OF_SMALL_WORD = {"for": ("F", "4", ""), "to": ("T", "2", ""), "and": ("A", "&", ""), "of": ("O", "")}


def _initials_match(words: list[str], short: str) -> bool:
    """Whether `short` spells the initials of `words`, small words written or left out."""
    if not words:
        return not short
    first = words[0]
    forms = INITIAL_OF_SMALL_WORD.get(first.lower(), (first[:1].upper(),))
    return any(short.startswith(f) and _initials_match(words[1:], short[len(f) :]) for f in forms)


def spelt_out_orgs(t: Text, kb: KnowledgeBase, taken: set[int]) -> list[tuple[int, int, str]]:
    """A capitalised name followed by its own initials, which no entity covers: "a
    recently formed group Doctors for Camp Closure, D4CC," names a body (and so does its
    short form)."""
    found = []
    doc = t.doc
    for token in t.tokens[1:]:
        short = token.text
        if not ACRONYM_RE.match(short) or doc[token.i - 1].text not in (",", "(") or token.i in taken:
            continue
        end = token.i - 1
        first = end
        while first > t.dateline_end and (
            doc[first - 1].is_title or doc[first - 1].lower_ in INITIAL_OF_SMALL_WORD
        ):
            first -= 1
        for start in range(first, end - 1):
            words = [w.text for w in doc[start:end]]
            if not doc[start].is_title or not _initials_match(words, short.replace(".", "")):
                continue
            if any(i in taken for i in range(start, end)) or not t.sid_at(start):
                break
            if any(e.start <= start and e.end >= end for e in t.ents):
                break  # a name spaCy saw whole already
            name = clean(doc[start:end].text)
            if kb.lookup(name) is None and name not in kb.not_entities:
                found += [(start, end, name), (token.i, token.i + 1, name)]
            break
    return found


def _name_end(t: Text, end: int, limit: int) -> int:
    """Past "for the Western District of New York" after "U.S. Attorney's Office": a name
    goes on over "of"/"for" (and "the") followed by capitalised words."""
    doc = t.doc
    while end < limit and doc[end].lower_ in ("of", "for", "and", "&"):
        nxt = end + 1
        if nxt < limit and doc[nxt].lower_ == "the":
            nxt += 1
        stop = nxt
        while stop < limit and doc[stop].text[:1].isupper() and doc[stop].tag_ in ("NNP", "NNPS"):
            stop += 1
        if stop == nxt:
            break
        end = stop
    return end


# Common nouns that make "<a country or name> ('s) …" an organisation of its own:
# "the US military", "China's commerce ministry", "Bolivia's public defender's office".
# "the utility said", "the brokerage said": the organisation the article has named.
_ORG_ANAPHOR_WORDS = """
company utility airline agency firm group carrier bank ministry department government administration
organisation organization authority brokerage broker retailer lender insurer automaker carmaker
manufacturer chain startup operator publisher broadcaster network studio regulator watchdog
seller giant supplier provider monopoly tank
"""
# "the alliance said": only a body whose name says so (the Making Decisions Alliance).
_NAMED_BODY_WORDS = "alliance society association federation charity institute foundation coalition"
BODIES_BY_NAME = frozenset(_NAMED_BODY_WORDS.split())
ORG_ANAPHORS = frozenset(_ORG_ANAPHOR_WORDS.split()) | BODIES_BY_NAME
ORG_HEADS = {
    "military", "army", "navy", "government", "ministry", "department", "office", "police", "embassy",
    "parliament", "court", "agency", "authority", "commission", "regulator", "council", "committee",
    "forces", "cabinet", "administration", "prosecutors", "prosecutor", "legislature", "junta", "coalition",
    "association", "federation", "confederation",
}  # fmt: skip
_MODIFIER_TAGS = {"NN", "NNS", "JJ", "POS", "HYPH", "NNP", "NNPS"}
# Who speaks for an organisation named before them.
_ITS_PEOPLE = {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "sources", "source"}


def possessed_orgs(t: Text, named: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Organisations named by a common noun after a country or another name: the name
    is the phrase as written, from the first name to the noun."""
    starts = {start: end for start, end, _ in named}
    inside = {i for start, end, _ in named for i in range(start, end)}
    found = []
    doc = t.doc
    for token in t.tokens:
        # Lower case: "Ministry" capitalised belongs to a proper name ("Interior Ministry").
        # And the head of its phrase: "U.S. military aid" names aid, not the military.
        if token.text not in ORG_HEADS or token.i < t.dateline_end or token.tag_.startswith("VB"):
            continue  # (and not a verb: "Nadal forces a break point")
        # (but "Obama administration officials" are the administration's)
        modifies = token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i
        if modifies and token.head.lower_ not in _ITS_PEOPLE:
            continue
        if token.dep_ == "appos" and token.head.i in inside:
            continue  # "Rosoboronexport, Russia's state arms export agency": what a name is
        if token.text == "prosecutor" and any(c.lower_ in ("a", "an") for c in token.children):
            continue  # "charged by a Greek prosecutor": one person, not the prosecution service
        i = token.i - 1
        first = None
        while i >= 0 and (doc[i].tag_ in _MODIFIER_TAGS or i in inside) and doc[i].text not in (",", "."):
            if i in starts or (doc[i].ent_type_ == "NORP" and doc[i].text[:1].isupper()):
                first = i  # a name, or a nationality: "the Scottish government"
            i -= 1
        if first is None or first == token.i or not t.sid_at(first):
            continue
        while (
            first - 1 >= t.dateline_end and doc[first - 1].tag_ == "NNP" and doc[first - 1].text[:1].isupper()
        ):
            first -= 1  # "Inner" before "Mongolia", where spaCy saw only "Mongolia"
        if any(
            doc[k].tag_ in ("NN", "NNS")
            and doc[k].text[:1].isupper()
            and k not in inside
            and doc[k].ent_type_ != "ORG"  # "Germany's BdB private banks association"
            for k in range(first, token.i)
        ):
            continue  # capitalised common words belong to a proper name spaCy did not see
        first = _after_its_place(doc, first, token.i)
        found.append((first, token.i + 1, clean(doc[first : token.i + 1].text)))
    return found


def _after_its_place(doc: Doc, first: int, head: int) -> int:
    """Where a body's name starts after the place that owns it: "Germany's BdB private
    banks association" is the BdB's association (as "Korea's Hyundai" is Hyundai)."""
    for i in range(first, head - 1):
        named = doc[i + 1].ent_type_ == "ORG" and doc[i + 1].text[:1].isupper()
        if doc[i].text in ("'s", "’s") and named and doc[first].ent_type_ == "GPE":
            return i + 1
    return first


def home_government(t: Text, country: Entry) -> list[tuple[int, int, str]]:
    """ "The government said …" where the article is about one country and names no
    government: that country's ("UK government"), at each "the government" meant
    alone (not "the previous government", not "a government")."""
    short = next((a for a in country.aliases if a.isalpha() and a.isupper() and len(a) == 2), None)
    name = f"{short} government" if short else f"Government of {country.name}"
    found = []
    for token in t.tokens:
        if token.text != "government" or token.i < t.dateline_end or not t.sid_at(token.i):
            continue
        if the_alone(token) and token.dep_ not in ("compound", "amod"):
            found.append((token.i, token.i + 1, name))
    return found


def the_alone(noun: Token) -> bool:
    """ "The government", not "the previous government", "this government" or "a government"."""
    before = [c for c in noun.children if c.i < noun.i]
    return len(before) == 1 and before[0].lower_ == "the"


def described_as(t: Text, spans: list[tuple[int, int]]) -> str | None:
    """What the article says an organisation is: a noun phrase set off by a comma right
    after one of its names ("Rosoboronexport, Russia's state arms exporter, said …").
    Strict, since a wrong description is worse than none: a common noun at its head, no
    figures, and more than a bare noun ("the group" says nothing)."""
    from .people import role_phrase  # people's roles are read from appositions too

    doc = t.doc
    for _, end in sorted(spans):
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end].sent != doc[end + 1].sent:
            continue
        head = next((c for c in doc[end - 1].children if c.dep_ == "appos" and c.i > end), None)
        if head is None or head.tag_ not in ("NN", "NNS") or head.lower_ in VAGUE_HEADS:
            continue
        words = list(head.subtree)
        # "Gazprom, the world's biggest gas company, a move that …": the apposition ends at its comma
        comma = next((w.i for w in words if w.i > head.i and w.text == ","), None)
        words = [w for w in words if comma is None or w.i < comma]
        after = words[-1].i + 1
        if (
            words[0].i != end + 1
            or any(w.like_num or w.text in "$€£%()" for w in words)
            # "…, the Stadia port of the game is not smooth": a subject, not an apposition
            or (after < doc[end].sent.end and not doc[after].is_punct)
            or words[-1].lower_ in ("and", "or")
        ):
            continue
        phrase = role_phrase(words)
        if phrase and (" " in phrase or words[0].lower_ in ("a", "an", "the")):
            return phrase
    return None


# Heads of appositions that say nothing of what an organisation is.
VAGUE_HEADS = {
    "group", "one", "part", "point", "table", "call", "day", "time", "thing", "way", "example", "case",
    "lot", "number", "list", "member", "side", "end", "top", "home", "place",
}  # fmt: skip
