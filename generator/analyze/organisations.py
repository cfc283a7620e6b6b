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

from .mentions import GENERIC_ORG_WORDS, Mention
from .packs import KnowledgeBase
from .text import Text, clean

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


def is_organisation(t: Text, m: Mention, counts: Counter[str], speaks: bool) -> bool:
    name = m.name
    words = name.split()
    joined = re.search(r"\sand\s", name)
    if joined and not re.search(r"\s(?:of|for)\s", name[: joined.start() + 1]):
        return False  # two names joined: "Orange and Riverside" (not "Department of Health and …")
    if "=" in name or any(TICKER_RE.match(w) for w in words):
        return False  # market codes: "Sterling GBP=", "Copper CMCU3"
    if len(words) > 1:
        return True
    if name.lower() in GENERIC_ORG_WORDS or name in NOT_ACRONYMS or TICKER_RE.match(name):
        return False
    if ACRONYM_RE.match(name):
        return True
    return counts[name] >= 2 or speaks


def suffixed_orgs(t: Text, kb: KnowledgeBase, taken: set[int]) -> list[tuple[int, int, str]]:
    """Capitalised names ending in an organisation word that no entity covers whole:
    "Bartholomew County Sheriff’s Department", "Joint Narcotics Enforcement Team"."""
    found = []
    ents = list(t.doc.ents)
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
            if doc[first].lower_ == "the":
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
"""
# "the alliance said": only a body whose name says so (the Making Decisions Alliance).
_NAMED_BODY_WORDS = "alliance society association federation charity institute foundation coalition"
BODIES_BY_NAME = frozenset(_NAMED_BODY_WORDS.split())
ORG_ANAPHORS = frozenset(_ORG_ANAPHOR_WORDS.split()) | BODIES_BY_NAME
ORG_HEADS = {
    "military", "army", "navy", "government", "ministry", "department", "office", "police", "embassy",
    "parliament", "court", "agency", "authority", "commission", "regulator", "council", "committee",
    "forces", "cabinet", "administration", "prosecutors", "prosecutor", "legislature", "junta", "coalition",
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
        if token.text not in ORG_HEADS or token.i < t.dateline_end:
            continue
        # (but "Obama administration officials" are the administration's)
        modifies = token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i
        if modifies and token.head.lower_ not in _ITS_PEOPLE:
            continue
        if token.dep_ == "appos" and token.head.i in inside:
            continue  # "Rosoboronexport, Russia's state arms export agency": what a name is
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
            doc[k].tag_ in ("NN", "NNS") and doc[k].text[:1].isupper() and k not in inside
            for k in range(first, token.i)
        ):
            continue  # capitalised common words belong to a proper name spaCy did not see
        found.append((first, token.i + 1, clean(doc[first : token.i + 1].text)))
    return found


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
