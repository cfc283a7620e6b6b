"""Names the sentence itself puts beside a system, which are systems too.

What a name is, spaCy guesses from its spelling, and for a brand it does not know it
guesses wrong ("Killzone" a person, "Snapfish" a nationality). The sentence says more:

- a name listed with systems is one of their kind: "If you have finished Doom 3, Half
  Life 2 and Halo 2", "a hole in Media Player, Windows Messenger and MSN Messenger";
- a name set beside a kind of system, either way round, is one: "Phoenix Torrents,
  another popular BitTorrent site, has", "its mobile phone, the W800, which", "a hybrid
  SUV - the Mariner - to market".

A name the article shows acting (saying, buying, hiring; "Mr", a chief executive of its
own) is a company or a person, whatever it is listed with.
"""

from __future__ import annotations

from collections.abc import Sequence

from .grammar import coarse, lemma
from .products import GENERIC, _item_end, _items, headline_cased
from .systems import (
    NEEDS_KIND,
    NOT_NAMES,
    SYSTEM_NOUNS,
    SystemSpan,
    _capital,
    _name_start,
    _on_air,
    pack_name_end,
    pack_name_start,
)
from .text import Text, clean

# Kinds of system a name may be set beside, beyond the system nouns: "another popular
# BitTorrent site", "the Nintendo title", "Mr Tansley's invention".
APPOSED_KINDS = {
    **SYSTEM_NOUNS,
    "site": "website", "game": "game", "title": "game", "program": "software", "invention": "device",
    "SUV": "car", "car": "car", "toy": "toy", "robot": "robot", "gadget": "device", "device": "device",
    "player": "media player", "model": "product",
}  # fmt: skip
# Kinds that are a game's only where the sentence is about games ("the Nintendo title").
GAME_WORDS = {"game", "games", "gaming", "console", "consoles", "nintendo", "sony", "xbox", "playstation"}
# Verbs only a company or a person is the subject of.
ACTING = {
    "say", "tell", "announce", "add", "claim", "report", "plan", "hire", "buy", "acquire", "employ",
    "agree", "warn", "expect", "hope", "believe", "deny", "admit", "insist", "argue",
}  # fmt: skip
# What only a company or a person has: "Creative's chief executive", "Napster's boss".
ACTORS_OWN = {
    "chief", "boss", "spokesman", "spokeswoman", "spokesperson", "founder", "executive", "president",
    "chairman", "director", "shares", "profits", "profit", "staff", "employees", "shareholders",
}  # fmt: skip
# Last words of an organisation's name: "the Food and Agriculture Organisation".
BODIES = {
    "Organisation", "Organization", "Association", "Agency", "Council", "Commission", "Committee", "Group",
    "Company", "Corporation", "Bank", "Fund", "Institute", "Society", "Union", "Authority", "Office",
    "Department", "Ministry", "Party", "Trust", "Foundation", "University", "Board", "League", "Federation",
    "Programme", "Inc", "Ltd", "plc", "Corp", "Co",
}  # fmt: skip
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady"}
# Tags of a word a name does not follow: it would be part of a longer phrase.
RUN_ON = {"JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS"}
# What opens a phrase that says what a name is ("another popular BitTorrent site").
DETERMINED = {"DT", "PRP$", "POS"}
FIGURES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
DASHES = {"-", "–", "—"}


def system_peers(t: Text, firm: set[int], spans: list[SystemSpan]) -> list[SystemSpan]:
    """Systems the names already found bring with them, and names beside a kind."""
    return _listed_with(t, firm, spans) + _beside_a_kind(t, firm)


def _known(t: Text, spans: list[SystemSpan]) -> list[tuple[int, int]]:
    known = [(s.start, s.end) for s in spans]
    return known + [(e.start, e.end) for e in t.ents if e.ent_id_.startswith("system:")]


def _list_items(
    t: Text, conjunction: int, firm: set[int], known: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The names of the list whose last "and"/"or" is token `conjunction`, in order;
    `known`: the systems found already, each one item."""
    doc = t.doc
    sentence = doc[conjunction].sent
    start = conjunction + 1
    while start < sentence.end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    last = (start, pack_name_end(t, start) or _item_end(t, start, firm))
    items = [last]
    if last[1] == start:
        if doc[start].lower_ not in ("other", "others"):
            return []
        items = []  # "Apple's iTunes, Napster and other net music download services"
    end = conjunction - 1 if doc[conjunction - 1].text == "," else conjunction
    while end > sentence.start:
        first = pack_name_start(t, end) or _name_start(t, end, sentence.start, firm)
        if first >= end:
            first = next((a for a, b in known if b == end), first)  # a system read already: "Nokia 6600"
        line = pack_name_start(t, first, "system:")
        first = line if line is not None else first  # "Windows Messenger": a pack's line opens it
        if first >= end:
            break
        items.insert(0, (first, end))
        before = first - 1
        while before > sentence.start and doc[before].lower_ in ("the", "a", "an"):
            before -= 1
        if doc[before].text != ",":
            break
        end = before
    return items if len(items) >= 2 else []


def _listed_with(t: Text, firm: set[int], spans: list[SystemSpan]) -> list[SystemSpan]:
    known = _known(t, spans)
    found = []
    for token in t.tokens:
        if token.lower_ not in ("and", "or") or token.i == 0:
            continue
        if headline_cased(token.sent):
            continue  # "Sign up for the Disney +, Hulu, and ESPN+ Package and Save $5/Month"
        items = _list_items(t, token.i, firm, known)
        if not any(s < b and a < e for a, b in items for s, e in known) or _lists_actors(t, items):
            continue
        for first, end in items:
            if any(s < end and first < e for s, e in known) or not _a_name(t, first, end, firm):
                continue
            if t.doc[first:end].text in GENERIC or (end < len(t.doc) and t.doc[end].tag_ == "POS"):
                continue  # "Xenon, and Nintendo's Revolution": the maker, not a third console
            # of what kind, the list does not say: Hotmail listed with MSN Messenger is no messenger
            found.append(SystemSpan(first, end, clean(t.doc[first:end].text), ""))
    return found


def _lists_actors(t: Text, items: list[tuple[int, int]]) -> bool:
    """Whether a pack names one of the items as a body or a person: "satellites from Nasa,
    the European Space Agency and the Disaster Monitoring Constellation" lists who owns them."""
    actors = ("organization:", "person:", "media:")
    # the whole item, not a maker's name before its model ("Nokia 6600")
    return any(
        t.doc[a].ent_id_.startswith(actors) and all(t.doc[k].ent_id_ == t.doc[a].ent_id_ for k in range(a, b))
        for a, b in items
    )


def _beside_a_kind(t: Text, firm: set[int]) -> list[SystemSpan]:
    found = []
    doc = t.doc
    for token in t.tokens:
        several = token.text.endswith("s") and token.text[:-1] in APPOSED_KINDS and token.tag_ == "NNS"
        category = APPOSED_KINDS.get(token.text[:-1] if several else token.text)
        if category is None or not 0 < token.i < len(doc) - 2:
            continue
        apart = _apart(t, token.i + 1)
        # "Cambiemos, an online puzzle game that offered …": set apart before it, a clause after
        ends = apart or doc[token.i + 1].lower_ in ("that", "which") or doc[token.i + 1].text in (".", ";")
        first = _phrase_start(t, token.i)
        if not ends or first is None or doc[token.i - 1].lower_ == "think" or not _a_kind_here(t, token.i):
            continue  # a think tank is no tank
        names = [_name_before(t, first - 1, firm)] if not several else []
        if apart:
            names += _names_after(t, token.i + 1, firm) if several else [_name_after(t, token.i + 1, firm)]
        for start, end in names:
            if end > start and _a_name(t, start, end, firm):
                found.append(SystemSpan(start, end, clean(doc[start:end].text), category))
    return found


def _names_after(t: Text, comma: int, firm: set[int]) -> list[tuple[int, int]]:
    """The names set apart after a kind in the plural: "Microsoft's two previous programs,
    Passport and Hailstorm, aimed …" (the list closed by a comma or the sentence's end)."""
    items = _items(t, comma + 1, firm)
    if len(items) < 2:
        return []
    end = items[-1][1]
    closed = end < len(t.doc) and (_apart(t, end) or t.doc[end].text == ".")
    return items if closed else []


def _name_after(t: Text, comma: int, firm: set[int]) -> tuple[int, int]:
    """The name set apart after a kind: "its mobile phone, the W800, which"."""
    doc = t.doc
    start = comma + 1
    while start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = _item_end(t, start, firm)
    closed = end < len(doc) and (_apart(t, end) or doc[end].text == ".")
    return (start, end) if closed else (start, start)


def _name_before(t: Text, comma: int, firm: set[int]) -> tuple[int, int]:
    """The name a kind is set apart after: "Phoenix Torrents, another popular BitTorrent site,"."""
    if comma <= 0 or not _apart(t, comma):
        return (0, 0)
    return (_name_start(t, comma, t.doc[comma].sent.start, firm), comma)


def _apart(t: Text, i: int) -> bool:
    """Whether token `i` sets a phrase apart: a comma, or a dash with spaces round it
    (not the hyphen of "PH-S6500")."""
    token = t.doc[i]
    return token.text == "," or (
        token.text in DASHES and i > 0 and bool(t.doc[i - 1].whitespace_) and bool(token.whitespace_)
    )


def _a_kind_here(t: Text, i: int) -> bool:
    """Whether the noun at `i` says what kind of system is named beside it."""
    doc = t.doc
    word = doc[i].text
    if coarse(doc[i]) not in ("NOUN", "PROPN"):
        return False
    if word in NEEDS_KIND and doc[i - 1].lower_ not in NEEDS_KIND[word]:
        return False
    if word in ("programme", "program", "website") and _on_air(t, i):
        return False
    if word in ("title", "game", "player"):
        return bool({w.lower_ for w in doc[i].sent} & GAME_WORDS)
    return True


def _phrase_start(t: Text, i: int) -> int | None:
    """The first word of the noun phrase headed by `i`, if it opens with a determiner
    or an owner: "another popular BitTorrent site", "Mr Tansley's invention" (not the
    bare nouns of a list: "your TV, phone, tablet or laptop")."""
    doc = t.doc
    first = doc[i].left_edge.i
    while any(_apart(t, k) for k in range(first, i)):
        first += 1
    determined = any(w.tag_ in DETERMINED for w in doc[first:i])
    return first if determined else None


def _a_name(t: Text, first: int, end: int, firm: set[int]) -> bool:
    """A name, not a figure, a place the packs know, or one the article shows acting."""
    doc = t.doc
    words = doc[first:end]
    if not len(words) or any(i in firm for i in range(first, end)) or not _capital(t, first):
        return False
    opening = words[0].is_sent_start and words[0].tag_ != "NNP"  # "Today, the site said"
    if all(w.like_num for w in words) or (len(words) == 1 and (opening or len(words[0]) < 3)):
        return False
    if first > 0 and not words[0].is_sent_start and (first - 1 in firm or doc[first - 1].tag_ in RUN_ON):
        return False  # "several new small SUVs", "Xbox One X": part of a longer phrase
    if words[-1].text in APPOSED_KINDS or words[-1].text.rstrip("s") in APPOSED_KINDS:
        return False
    for e in doc.ents:
        if e.start <= first < e.end and e.label_ in FIGURES:
            return False  # "2004", "March 2005" (not "Doom 3")
        if e.start < end and first < e.end and e.ent_id_.startswith("place:"):
            return False
        if e.start == first and e.end == end and e.label_ in NOT_NAMES - {"PERSON", "GPE", "NORP"}:
            return False
    return words[-1].text not in BODIES and not acts(t, clean(words.text))


def acts(t: Text, name: str) -> bool:
    """Whether the article shows `name` as a company or a person anywhere: after a title,
    acting, owning what only they own, or as part of a person's longer name."""
    doc = t.doc
    if any(e.label_ == "PERSON" and len(e) > 1 and name in e.text.split() for e in doc.ents):
        return True
    length = len(name.split())
    for token in t.tokens:
        first = token.i - length + 1
        if first < 0 or doc[first : token.i + 1].text != name:
            continue
        if first > 0 and doc[first - 1].text in TITLES:
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and lemma(token.head) in ACTING:
            return True
        if (
            token.i + 2 < len(doc)
            and doc[token.i + 1].tag_ == "POS"
            and doc[token.i + 2].lower_ in ACTORS_OWN
        ):
            return True
    return False
