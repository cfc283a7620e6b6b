"""Products technology news names without a system noun after them.

Technology reporting names phones, games, programs and services in a few set ways, each
found here with the evidence it carries:

- a list after a kind of thing (Hearst's patterns): "file-sharing programs BitTorrent,
  eDonkey and DirectConnect", "smartphones like the XDA II, Nokia 6600 and Orange E200",
  "programs such as Ad-Aware and Spybot", "titles, including Sony EyeToy Play";
- a maker and a model number: "Nokia 6600", "Sharp's 902", "Motorola Razr V3";
- a code name, or a name after its kind: "code-named Asteroid", "a service called Euro1080";
- a title and its number where the sentence is about games or computers: "Doom 3",
  "Half-Life 2", "the Commodore 64" (not "Channel 4", "FTSE 100" or a film's sequel).

Pack names stay firm (`firm`): "sites such as Google" leave Google the company.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .grammar import coarse
from .systems import NOT_NAMES, SYSTEM_NOUNS, SystemSpan, _capital, _name_start, pack_name_end
from .text import Text, clean

if TYPE_CHECKING:
    from spacy.tokens import Span

# Kinds of product a list may follow, and what each item of it is.
LIST_KINDS = {
    "games": "game", "titles": "game", "programs": "software",
    "applications": "software", "apps": "app", "services": "service", "sites": "website",
    "websites": "website", "networks": "network", "phones": "phone", "handsets": "phone",
    "smartphones": "smartphone", "mobiles": "phone", "devices": "device", "gadgets": "device",
    "players": "media player", "consoles": "games console", "computers": "computer",
    "machines": "computer", "cameras": "camera", "browsers": "web browser", "tools": "software",
    "viruses": "computer virus", "worms": "computer virus", "drugs": "drug", "painkillers": "drug",
    "medicines": "drug",
}  # fmt: skip
# Words before a kind that say it is technology's ("music players", not "England players").
TECH_MODIFIERS = {
    "music", "media", "mp3", "video", "computer", "online", "file-sharing", "sharing", "peer-to-peer",
    "mobile", "portable", "digital", "handheld", "software", "web", "internet", "search", "anti-virus",
    "spyware", "security", "messaging", "gaming", "console", "pc", "older", "new", "popular", "rival",
    "other", "top", "best-selling", "3g", "camera", "smart", "such", "free", "open-source", "chat",
}  # fmt: skip
# Kinds that name products only after one of those words ("such players" is no evidence).
NEEDS_MODIFIER = {"players", "networks", "sites", "machines", "titles", "games", "services", "tools"}
# Small words inside a name given in full ("Dogs without Borders").
TITLE_WORDS = frozenset({"without", "with", "the", "to"})  # "Napster to Go"
SHARING = {"file-sharing", "sharing", "peer-to-peer", "p2p"}
# Kinds whose list needs no modifier after "such as" or "like" ("services like TiVo To Go";
# not "players like Henry" nor "games such as the Six Nations").
SAY_WHAT_THEY_ARE = {"services", "sites", "tools", "machines"}
DOMAIN = re.compile(r"\.(?:com|org|net|co\.uk|org\.uk)$", re.IGNORECASE)
INTRODUCERS = ("such as", "like", "including", "", "especially", "notably")
# Words of a sentence about games or computers, for a title with a number.
TECH_CONTEXT = {
    "game", "games", "gaming", "gamers", "console", "consoles", "computer", "computers", "pc", "software",
    "shooter", "sequel", "handset", "phone", "phones", "gadget", "gadgets", "playstation", "xbox",
    "nintendo", "titles", "program",
}  # fmt: skip
NOT_TECH_CONTEXT = {"film", "films", "movie", "movies", "cinema", "box", "album", "single", "band", "tv"}
# First words of a name and a number that are no product: channels, indices, parts of laws.
NOT_NUMBERED = {
    "Channel", "Radio", "BBC", "Formula", "Chapter", "Section", "Article", "Top", "FTSE", "Nikkei",
    "Fortune", "Euro", "World", "Phase", "Stage", "Level", "Year", "Grade", "Class", "Page", "Room",
    "Group", "Live", "Band", "Number", "No", "Vol", "Volume", "Part", "Series", "Season", "Sky", "ITV",
    "E4", "More4", "Route", "Highway", "Interstate", "Terminal", "Gate", "Platform", "Table", "Figure",
}  # fmt: skip
# Tokens a model's name stops before: standards, not part of it ("Sharp's 902 3G phone").
STANDARDS = {"3G", "2G", "4G", "GSM", "MP3", "DVD", "HD", "TV", "PC", "CD", "GPRS", "Wi-Fi", "WiFi"}
# Words a list of products may hold that name no product ("applications like TV, voice mail").
GENERIC = STANDARDS | {
    "HDTV", "SMS", "MMS", "GPS", "PDA", "PDAs", "PCs", "DVDs", "CDs", "TVs", "DAB", "IT", "AI",
}  # fmt: skip
# spaCy's guesses that give way in a list or after "called" ("Spybot" is no place).
GUESSES = {"PERSON", "GPE"}
MIXED = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")  # letters and figures in one word
MODEL = re.compile(r"^(?=.*\d)[A-Za-z]{0,4}-?\d{1,5}[A-Za-z]{0,3}$|^[A-Z]{1,3}\d{0,4}$")


def _item_end(t: Text, start: int, firm: set[int], inner_words: frozenset[str] = frozenset()) -> int:
    """Where a product name starting at `start` ends: capitalised or camel-case words,
    figures, and ":", "-", "+", "." or "of"/"for" inside it ("Need for Speed: Underground 2",
    "Suprnova.org", "Sky+")."""
    doc = t.doc
    end = start
    while end < len(doc) and end not in firm:
        text = doc[end].text
        inner = end > start and end + 1 < len(doc) and _capital(t, end + 1)
        if end > start and _glued(t, end):
            end += 2  # "One.Tel", "Zafi.D": a dot inside a name
            continue
        figure = doc[end].like_num and end > start
        word = text[:1].isupper() or any(c.isupper() for c in text[1:3]) or figure
        joint = (text in (":", "-", "+", "of", "for") or text in inner_words) and inner
        joint = joint or (text == "+" and end > start)
        if word or joint:
            end += 1
        else:
            break
    while end > start and (doc[end - 1].text in (":", "-", "of", "for") or doc[end - 1].text in inner_words):
        end -= 1
    return end


def _glued(t: Text, i: int) -> bool:
    """Whether token `i` is a dot written between two parts of one name, no space either side."""
    doc = t.doc
    if doc[i].text != "." or i + 1 >= len(doc) or not doc[i + 1].text[:1].isalnum():
        return False
    return doc[i - 1].idx + len(doc[i - 1].text) == doc[i].idx and doc[i].idx + 1 == doc[i + 1].idx


def _items(t: Text, start: int, firm: set[int]) -> list[tuple[int, int]]:
    """The names of a list starting at `start`: "the XDA II, Nokia 6600 and the Orange E200"."""
    doc = t.doc
    found = []
    i = start
    closed = False  # a list's last name comes after "and" or "or"
    while i < len(doc):
        while i < len(doc) and (doc[i].lower_ in ("the", "a", "an") or doc[i].text in ("'s", "’s")):
            i += 1
        if i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s") and _capital(t, i):
            i += 2  # "EA's Need for Speed": the maker is not the product's name
        end = pack_name_end(t, i, "system:") or _item_end(
            t, i, firm
        )  # "programs BitTorrent, eDonkey and …": a pack's among them
        if end == i:
            break
        found.append((i, end))
        i = end
        if closed:
            return found
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ in ("and", "or"):
            i += 1
            closed = True
        elif i < len(doc) and doc[i - 1].text != ",":
            break
    # "services, such as CBS All Access, Disney has made": no "and", so the list was one name
    return found[:1]


def _listed(t: Text, firm: set[int]) -> list[SystemSpan]:
    """Products listed after their kind: "file-sharing programs BitTorrent, eDonkey and
    DirectConnect", "programs such as Ad-Aware and Spybot"."""
    found = []
    doc = t.doc
    for token in t.tokens:
        category = LIST_KINDS.get(token.lower_)
        if category is None or token.i + 1 >= len(doc):
            continue
        modifier = doc[token.i - 1].lower_ if token.i > 0 else ""
        start = token.i + 1
        if doc[start].text == ",":
            start += 1
        rest = " ".join(w.lower_ for w in doc[start : start + 2])
        introducer = next((w for w in INTRODUCERS if w and (rest + " ").startswith(w + " ")), "")
        start += len(introducer.split())
        items = _items(t, start, firm)
        # "websites AppleInsider.com and PowerPage.org": addresses say what they are
        addresses = bool(items) and all(DOMAIN.search(doc[a:b].text) for a, b in items)
        tech = modifier in TECH_MODIFIERS or addresses or (introducer and token.lower_ in SAY_WHAT_THEY_ARE)
        if token.lower_ in NEEDS_MODIFIER and not tech:
            continue
        if token.lower_ == "networks" and modifier not in SHARING:
            continue  # "networks such as Razor 1911": warez groups, not services
        if not introducer and (doc[token.i + 1].text == "," or not tech):
            continue  # "programs BitTorrent, …" only with a kind word: "Sony games Sony made"
        for first, end in items:
            if doc[first:end].text in GENERIC or first in firm:
                continue
            if _plain_name(t, first, end, NOT_NAMES - GUESSES):
                found.append(SystemSpan(first, end, clean(doc[first:end].text), category))
    return found


def _plain_name(t: Text, first: int, end: int, labels: frozenset[str] | set[str] = NOT_NAMES) -> bool:
    """A name no entity label says is a person, place, date or figure, and not one word
    spelled as a common noun with a capital (a sentence's first word)."""
    doc = t.doc
    if any(e.label_ in labels and e.start < end and first < e.end for e in doc.ents):
        return False
    return not (end - first == 1 and doc[first].is_sent_start)


def _models(t: Text, firm: set[int]) -> list[SystemSpan]:
    """A maker and a model number: "Nokia 6600", "Sharp's 902", "Motorola Razr V3"."""
    found = []
    doc = t.doc
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) > 2:
            continue  # a maker's name is short ("Wedding Cantata BWV 216" is a cantata)
        i = ent.end
        if i < len(doc) and doc[i].text in ("'s", "’s"):
            i += 1
        end = i
        while (
            end < len(doc)
            and not _standard(t, end)
            and (MODEL.match(doc[end].text) or (_capital(t, end) and doc[end].tag_ == "NNP" and end - i < 2))
        ):
            end += 1
        while end > i and not any(c.isdigit() for c in doc[end - 1].text):
            end -= 1  # "Nokia 6600 Smart" keeps its number last
        model = doc[i:end]
        if not (end > i and _a_model(t, i, end)) or ent.text.split()[0] in NOT_NUMBERED:
            continue
        if _a_score(t, end - 1):
            continue
        if any(e.label_ in ("DATE", "MONEY", "PERCENT", "QUANTITY") for e in model.ents):
            continue
        if i > ent.end and any(w.is_alpha for w in model):
            # "Sony's PlayStation 2": the product's own name, without its maker
            found.append(SystemSpan(i, end, clean(model.text), "device"))
        else:
            found.append(SystemSpan(ent.start, end, f"{ent.text} {clean(model.text)}", "device"))
    return found


def _a_model(t: Text, start: int, end: int) -> bool:
    """Whether tokens start:end read as a model: letters with figures ("P900", "Razr V3"),
    or figures alone of three or more followed by no noun they count ("Nokia 6600,", not
    "the WTO's 148 members", "Apple's 60GB iPod" or "Band Aid 20 single")."""
    doc = t.doc
    text = doc[start:end].text
    if not any(c.isdigit() for c in text) or re.fullmatch(r"(19|20)\d\d", text):
        return False
    if any(c.isalpha() for c in text):
        return True
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text == "-":
        return False  # "Samsung's 102-inch plasma"
    counted = after is not None and (after.text[:1].islower() or after.text in ("GB", "MB", "%", "m", "bn"))
    return len(text) >= 3 and (not counted or after is None or after.lower_ in SYSTEM_NOUNS)


def _a_score(t: Text, i: int) -> bool:
    """Whether the number at token `i` is a score: "beat Shinobu Asagoe 6-4 6-4",
    "Pittsburgh Penguins 5, Boston Bruins 2"."""
    doc = t.doc
    after = doc[i + 1 : i + 6]
    if len(after) >= 2 and after[0].text in ("-", "–") and after[1].like_num:
        return True
    first = i - 1
    while first > 0 and doc[first].text[:1].isupper():
        first -= 1
    if first < i - 1 and first > 0 and doc[first].text == "," and doc[first - 1].like_num:
        return True  # the second side's
    if not len(after) or after[0].text != ",":
        return False
    rest = list(after[1:])
    names = 0
    while names < len(rest) and rest[names].text[:1].isupper():
        names += 1
    return 0 < names < len(rest) and rest[names].like_num


def _standard(t: Text, i: int) -> bool:
    """ "3G", which spaCy may cut in two ("3", "G")."""
    doc = t.doc
    if doc[i].text in STANDARDS:
        return True
    split = i + 1 < len(doc) and doc[i].idx + len(doc[i].text) == doc[i + 1].idx
    return split and f"{doc[i].text}{doc[i + 1].text}" in STANDARDS


def _code_names(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "a device code-named Asteroid": a product not yet launched, by its code name."""
    found = []
    doc = t.doc
    for token in t.tokens:
        low = token.lower_
        start = token.i + 1
        if low == "codenamed" or (low == "named" and token.i >= 2 and doc[token.i - 2].lower_ == "code"):
            end = _item_end(t, start, firm)
            if end > start and _plain_name(t, start, end):
                found.append(SystemSpan(start, end, clean(doc[start:end].text), "product"))
    return found


def _kind(word: str) -> str | None:
    return SYSTEM_NOUNS.get(word) or LIST_KINDS.get(word) or LIST_KINDS.get(f"{word}s")


def _called(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "a HDTV service in Europe called Euro1080", "a program called Skulls": a product
    named after its kind."""
    found = []
    doc = t.doc
    for token in t.tokens:
        if token.lower_ not in ("called", "dubbed", "named") or token.dep_ != "acl":
            continue
        # "a HDTV service in Europe called Euro1080": the kind may be a phrase up
        kinds = [token.head] + [a for a in list(token.head.ancestors)[:2] if coarse(a) == "NOUN"]
        category = next((_kind(a.lower_) for a in kinds if _kind(a.lower_)), None)
        start = token.i + 1
        end = _item_end(t, start, firm, TITLE_WORDS)  # "a group blog called Dogs without Borders"
        labels = NOT_NAMES - GUESSES
        if MIXED.search(doc[start:end].text):
            labels -= {"DATE", "CARDINAL"}  # "Euro1080", which the tagger took for a date
        if category and end > start and _plain_name(t, start, end, labels):
            found.append(SystemSpan(start, end, clean(doc[start:end].text), category))
    return found


def _numbered(t: Text, firm: set[int]) -> list[SystemSpan]:
    """A title and its number in a sentence about games or computers: "Doom 3",
    "Half-Life 2", "the Commodore 64"."""
    found = []
    doc = t.doc
    for sentence in t.spans:
        words = {w.lower_ for w in sentence}
        if not words & TECH_CONTEXT or words & NOT_TECH_CONTEXT:
            continue
        for token in sentence:
            i = token.i
            if not (token.like_num and re.fullmatch(r"\d{1,3}", token.text)) or i == sentence.start:
                continue
            first = i
            while (
                first - 1 > sentence.start
                and first - 1 not in firm
                and (
                    _capital(t, first - 1)
                    or (
                        doc[first - 1].text in ("-", ":", "for", "of")
                        and _capital(t, first - 2)
                        and first < i
                    )
                )
            ):
                first -= 1
            while first < i and doc[first].text in ("The", "-"):
                first += 1
            if (
                first == i
                or doc[first].text in NOT_NUMBERED
                or not _plain_name(t, first, i, NOT_NAMES - {"PERSON"})
            ):
                continue
            if doc[first - 1].text == "(" or doc[i + 1 : i + 2].text == ")" or _a_score(t, i):
                continue  # "Ravenhill (Price 90)": a substitute's minute
            if doc[first].is_sent_start and i - first == 1 and doc[first].tag_ not in ("NNP", "NNPS"):
                continue
            found.append(SystemSpan(first, i + 1, clean(doc[first : i + 1].text), "product"))
    return found


SUBTITLE_WORDS = frozenset({"from", "the", "of"})  # "…: Escape from Butcher Bay"
HEADLINE_CAPITALS = 0.8  # share of a sentence's words capitalised, beside the name, in a headline
GAME_WORDS = {"game", "games", "gaming", "gamers", "console", "consoles", "titles"}
ABOUT_TECH = 3  # words of games or computers an article needs for a subtitled name to be a product


def _subtitled(t: Text, firm: set[int]) -> list[SystemSpan]:
    """A title and its subtitle after a colon, in an article about games or computers:
    "Need for Speed: Underground", "GoldenEye: Rogue Agent" (not a film's, nor a speaker's
    tag before a quotation, "Sir Alex Ferguson: '…'")."""
    words = [w.lower_ for w in t.tokens]
    tech = [w for w in words if w in TECH_CONTEXT]
    if len(tech) < ABOUT_TECH or sum(w in NOT_TECH_CONTEXT for w in words) >= len(tech):
        return []
    if set(tech) <= {"game", "games"}:
        return []  # sport's words too: a line-up's "Subs Not Used: Pellegrino"
    category = "game" if GAME_WORDS.intersection(words) else "product"
    found = []
    doc = t.doc
    for sentence in t.spans:
        for colon in sentence:
            i = colon.i
            if colon.text != ":" or i in firm or i + 1 >= len(doc) or not _capital(t, i + 1):
                continue
            first = _title_start(t, _name_start(t, i, sentence.start, firm), sentence.start, firm)
            end = _subtitle_end(t, i + 1, firm) if first < i else i
            named = _plain_name(t, first, i, NOT_NAMES - {"PERSON"})  # "Harbour Heist", tagged a person
            if end <= i + 1 or not named or _not_a_subtitle(t, first, i, end):
                continue
            found.append(SystemSpan(first, end, clean(doc[first:end].text), category))
    return found


def _subtitle_end(t: Text, start: int, firm: set[int]) -> int:
    """Where a subtitle ends: capitalised words and figures, and the small words between
    them ("Escape from Butcher Bay", "The Return of the King")."""
    doc = t.doc
    end = start
    while end < len(doc) and end not in firm:
        word = doc[end]
        if word.text[:1].isupper() or (word.like_num and end > start):
            end += 1
            continue
        ahead = end
        while ahead < len(doc) and doc[ahead].lower_ in SUBTITLE_WORDS:
            ahead += 1
        if ahead == end or ahead >= len(doc) or not _capital(t, ahead) or ahead in firm:
            break
        end = ahead
    return end


def _title_start(t: Text, first: int, lo: int, firm: set[int]) -> int:
    """Where a title starts, back over "of the" between its words: "The Lord of the Rings"."""
    j = first - 1
    while j > lo and t.tokens[j].lower_ in ("of", "the"):
        j -= 1
    if j < first - 1 and _capital(t, j) and j not in firm:
        return _title_start(t, _name_start(t, j + 1, lo, firm), lo, firm)
    return first


def _not_a_subtitle(t: Text, first: int, colon: int, end: int) -> bool:
    """ "watching TV: A handful of chips": a clause after the colon; "Jets 2, Predators 1:
    Patrik Laine scored": a score; a label in a list of features, no verb in its sentence;
    "New Release: Last Chance to Buy …": a headline, every word capitalised."""
    doc = t.doc
    after = doc[colon + 1 : end]
    if (len(after) == 1 and after[0].tag_ in ("DT", "PRP")) or doc[colon - 1].like_num:
        return True
    sentence = doc[colon].sent
    # the parser may end a sentence at the colon: the verb can be in the next one
    stop = doc[colon + 1].sent.end if colon == sentence.end - 1 else sentence.end
    if not any(w.tag_ in ("VBD", "VBZ", "VBP", "MD") for w in doc[sentence.start : stop]):
        return True  # "Connectivity Technology: Wireless Connect via Bluetooth": a label, no sentence
    return headline_cased(sentence, range(first, end))


def headline_cased(sentence: Span, skip: range = range(0)) -> bool:
    """Whether the sentence's longer words (those outside `skip`) are capitalised, as a
    headline's are ("New Release: Last Chance to Buy …")."""
    words = [w for w in sentence if w.is_alpha and len(w) > 3 and w.i not in skip]
    return len(words) >= 3 and sum(w.text[:1].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def named_products(t: Text, firm: set[int]) -> list[SystemSpan]:
    return (
        _listed(t, firm)
        + _models(t, firm)
        + _code_names(t, firm)
        + _called(t, firm)
        + _numbered(t, firm)
        + _subtitled(t, firm)
    )
