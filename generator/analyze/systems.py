"""Named systems no pack lists: craft, ships, aircraft models, flights, programmes,
products (apps, platforms, consoles, services).

A system is named in a few ways news writes, each found whole:

- a name before a system noun: "the Blue Ghost lander", "its Starship reusable
  launch vehicle" (the noun says what it is and is not part of the name);
- a name whose last word is the kind of thing it is: "the James Webb Space
  Telescope", "the Laser Interferometer Gravitational-Wave Observatory",
  "the Volatiles Investigating Polar Exploration Rover (VIPER)";
- ships, aircraft, cars and flights by prefix, maker and model (`vehicles`);
- names the sentence sets beside a system or a kind of one (`system_peers`).

Knowledge-pack names are firm boundaries ("Russian fighters" names no system),
except places, which a system's name may contain ("the Power of Siberia pipeline").
A pack name that is one plain word ("Tor", "Lancet", "Abrams", "Galileo") is a
system only where the article shows it means one (`pack_system_meant`): "J.J.
Abrams", the publisher Tor and The Lancet are not weapons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .packs import Entry, KnowledgeBase
from .text import Text, clean

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns that, after a capitalised name, say the name is a system ("the Baltic
# Connector pipeline", "the Blue Ghost lander").
SYSTEM_NOUNS = {
    "pipeline": "pipeline", "lander": "lander", "rover": "rover", "satellite": "satellite",
    "satellites": "satellite", "rocket": "rocket", "reactor": "nuclear reactor", "telescope": "telescope",
    "spacecraft": "spacecraft", "probe": "space probe", "drone": "drone", "drones": "drone",
    "missile": "missile", "missiles": "missile", "submarine": "submarine", "submarines": "submarine",
    "frigate": "frigate", "destroyer": "destroyer", "carrier": "aircraft carrier", "tank": "tank",
    "tanks": "tank", "jet": "aircraft", "jets": "aircraft", "fighter": "fighter aircraft",
    "fighters": "fighter aircraft", "helicopter": "helicopter", "helicopters": "helicopter", "chip": "chip",
    "chips": "chip", "radar": "radar", "howitzer": "howitzer", "interceptor": "interceptor",
    "interceptors": "interceptor", "processor": "chip", "vehicle": "vehicle", "capsule": "capsule",
    "program": "programme", "programme": "programme", "mission": "mission", "airliner": "aircraft",
    "airliners": "aircraft", "plane": "aircraft", "planes": "aircraft", "aircraft": "aircraft",
    "vessel": "ship", "ship": "ship", "icebreaker": "ship", "cable": "undersea cable",
    "reactors": "nuclear reactor", "app": "app", "apps": "app", "platform": "platform",
    "console": "games console", "consoles": "games console", "smartphone": "smartphone",
    "smartphones": "smartphone", "handset": "phone", "laptop": "laptop", "laptops": "laptop",
    "tablet": "tablet", "browser": "web browser", "service": "service", "phone": "phone", "phones": "phone",
    "camera": "camera", "website": "website", "upgrade": "software update", "jukebox": "media player",
    "virus": "computer virus", "worm": "computer virus", "software": "software", "system": "operating system",
    "engine": "engine", "printer": "printer", "handheld": "handheld device", "blog": "blog", "weblog": "blog",
    "drug": "drug", "trojan": "computer virus", "Trojan": "computer virus", "bug": "computer virus",
    "project": "project", "SUV": "car", "SUVs": "car", "car": "car", "cars": "car", "hatchback": "car",
    "saloon": "car", "sedan": "car", "coupe": "car", "toy": "toy", "robot": "robot", "robots": "robot",
}  # fmt: skip
# Kinds a brand name follows: "cholesterol drug Crestor", "anti-coagulant pill Exanta"
NAMED_AFTER_KIND = {
    "drug": "drug", "medicine": "drug", "pill": "drug", "vaccine": "vaccine", "painkiller": "drug",
    "antibiotic": "drug", "antidepressant": "drug",
}  # fmt: skip
GUESSED = {"PERSON", "GPE"}  # spaCy's guesses for a brand it does not know
# Kinds of system a company makes and names after itself ("Apple Arcade").
PRODUCTS = {
    "app", "platform", "games console", "smartphone", "phone", "laptop", "tablet", "web browser", "service",
    "software", "printer", "handheld device", "car", "toy", "robot",
}  # fmt: skip
# Kinds of product no one is named with ("the Robosapiens toy"): one word spaCy guesses is
# a person is its name, unless the article shows a person by it.
UNPEOPLED = {"toy", "robot", "games console", "software", "app", "web browser", "handheld device"}
# Kinds of system no person is: a name before them is the system's, whatever spaCy guessed.
NO_ONES = {"computer virus", "operating system", "blog", "engine"}
# Words between a name and "service" or "camera" that say what kind it is.
BETWEEN_KINDS = {
    "streaming", "subscription", "gaming", "video", "music", "cloud", "mobile", "messaging", "digital",
}  # fmt: skip
# Nouns that name a system only with a word of kind between: "the Disney+ streaming
# service", not "the Tory service" or "the BBC service".
NEEDS_KIND = {
    "service": BETWEEN_KINDS, "camera": BETWEEN_KINDS, "system": {"operating"}, "engine": {"search", "game"},
}  # fmt: skip
# Last words that make a capitalised name a system's own ("James Webb Space Telescope").
NAMED_HEADS = {
    "Telescope": "telescope", "Observatory": "observatory", "Rover": "rover", "Lander": "lander",
    "Station": "space station", "Spacecraft": "spacecraft", "Probe": "space probe", "Explorer": "space probe",
    "Satellite": "satellite", "Pipeline": "pipeline", "Programme": "programme", "Program": "programme",
    "Interconnector": "interconnector", "Reactor": "nuclear reactor", "Rocket": "rocket",
    "Initiative": "programme", "Line": "railway line", "Railway": "railway", "Tunnel": "tunnel",
    "Dam": "dam", "Constellation": "satellite constellation",
}  # fmt: skip
# Words of a sentence about a work in the making, not a system: "the Casino Royale project".
SHOW_BUSINESS = {"film", "films", "movie", "movies", "director", "actor", "actress", "album", "band", "play"}
# Words before "Line" that make it a company's name ("Norwegian Cruise Line", the film
# studio New Line).
SHIPPING_LINES = {"Cruise", "Cruises", "Shipping", "Steamship", "America", "Ferry", "Ferries", "New"}
COMPASS = {"North", "South", "East", "West"}
# Lowercase words allowed between a name and its system noun: "Starship reusable launch vehicle".
BETWEEN = {
    "reusable", "launch", "moon", "lunar", "space", "cargo", "crewed", "uncrewed", "robotic", "gas", "oil",
    "nuclear", "research", "fighter", "attack", "stealth", "passenger", "commercial", "streaming",
    "subscription", "gaming", "video", "music", "cloud", "mobile", "messaging", "smart", "electric",
    "digital", "operating", "search", "game", "hybrid", "rally", "racing", "sports", "concept",
}  # fmt: skip
LINKS = {"of", "for", "and", "-", "&"}
NOT_NAMES = {"NORP", "GPE", "PERSON", "DATE", "CARDINAL", "MONEY", "PERCENT"}
BRACKETED = re.compile(r"^\s*\(([A-Z][A-Z0-9-]{1,12})\)")


@dataclass
class SystemSpan:
    start: int
    end: int
    name: str
    category: str
    short: str | None = None  # "VIPER" after "Volatiles Investigating Polar Exploration Rover (VIPER)"
    line: str | None = None  # the pack system a model belongs to ("system:Xbox" of "Xbox Live")


def _firm(t: Text) -> set[int]:
    return {
        i
        for ent in t.ents
        if ent.ent_id_ and not ent.ent_id_.startswith("place:")
        for i in range(ent.start, ent.end)
    }


def _capital(t: Text, i: int) -> bool:
    return t.tokens[i].text[:1].isupper()


def _name_start(t: Text, end: int, lo: int, firm: set[int]) -> int:
    """The first token of the capitalised name ending just before `end`: capitalised
    words, figures, and "of"/"for"/"-" between capitalised words ("Laser
    Interferometer Gravitational-Wave Observatory", "Power of Siberia")."""
    first = end
    i = end - 1
    while i >= lo and i not in firm:
        token = t.tokens[i]
        if (
            token.text[:1].isupper()
            or token.like_num
            or (token.text in ("-", "’", "'") and first < end)
            or (token.text == "+" and i - 1 >= lo and _capital(t, i - 1))  # "Disney+", "ESPN+"
            or (token.lower_ in LINKS and i - 1 >= lo and _capital(t, i - 1) and first < end)
        ):
            first = i
        else:
            break
        i -= 1
    while first < end and not _capital(t, first):
        first += 1  # a name starts with a capital, not a figure or a link word
    return first


def _with_maker(t: Text, first: int) -> int:
    """Where a product named with its maker starts: "Apple Arcade", "ESPN+" (the maker a
    pack organisation right before the product's own words or a plus sign)."""
    anchor = first - 1 if first > 0 and t.tokens[first - 1].text == "+" else first
    for ent in t.ents:
        if ent.end == anchor and ent.ent_id_.startswith(("organization:", "media:")):
            return ent.start
    return first


# Words of a sentence about computers: a virus in one is a program ("the Zar worm"; the Sars virus is not).
COMPUTING = {
    "computer", "computers", "pc", "pcs", "e-mail", "email", "e-mails", "emails", "windows", "software",
    "program", "programs", "internet", "net", "online", "web", "anti-virus", "microsoft", "users", "machines",
}  # fmt: skip


def _viruses(t: Text, first: int, end: int) -> list[SystemSpan]:
    """ "the Zar worm", "the Netsky and Sasser virus families" (two), in a sentence about computers."""
    sid = t.token_sid[first]
    if not sid or not {w.lower_ for w in t.sentence_of(sid)} & COMPUTING:
        return []
    parts, start = [], first
    for i in range(first, end + 1):
        if i == end or t.tokens[i].lower_ == "and":
            if i > start:
                parts.append(SystemSpan(start, i, clean(t.doc[start:i].text), "computer virus"))
            start = i + 1
    return parts


def _maker_alone(t: Text, first: int, end: int) -> bool:
    """One word spaCy calls an organisation, with no figure or inner capital of a model's."""
    word = t.tokens[first].text
    return end - first == 1 and t.tokens[first].ent_type_ == "ORG" and word.isalpha() and word[1:].islower()


# Words of a broadcaster's name: its programme is a show ("the BBC World Service programme Go Digital").
BROADCASTERS = {"BBC", "ITV", "Radio", "TV", "Channel", "Service", "Television", "CNN", "Sky"}


def _on_air(t: Text, i: int, end: int | None = None) -> bool:
    """Whether a broadcaster is named in the four words before token `i` (or in the name
    up to `end`)."""
    window = t.tokens[max(0, i - 4) : end or i]
    return any(w.text in BROADCASTERS or w.ent_id_.startswith("media:") for w in window)


def _short_form(t: Text, end: int) -> str | None:
    m = BRACKETED.match(t.raw[t.doc[end - 1].idx + len(t.doc[end - 1].text) :])
    return m.group(1) if m else None


def _modifies(t: Text, i: int) -> bool:
    """Whether the noun at `i` only describes the noun after it ("car company")."""
    return i + 1 < len(t.doc) and t.doc[i + 1].tag_ in ("NN", "NNS")


def _noun_phrases(t: Text, kb: KnowledgeBase, firm: set[int]) -> list[SystemSpan]:
    from .system_peers import acts  # they build on this module's spans
    from .vehicles import CAR_BRANDS, makers_only

    found = []
    for sentence in t.spans:
        lo = max(sentence.start, t.dateline_end)
        for token in t.tokens[sentence.start : sentence.end]:
            i = token.i
            if i < lo:
                continue
            category = NAMED_HEADS.get(token.text)
            if token.text == "Line" and i > lo and t.tokens[i - 1].text in SHIPPING_LINES:
                category = None
            if category is not None and i > lo and _capital(t, i - 1) and i - 1 not in firm:
                first = _name_start(t, i, lo, firm)
                while first - 1 >= lo and t.tokens[first - 1].text in COMPASS:
                    first -= 1  # "the East Coast Main Line": a pack's word opens the name
                while first < i and t.tokens[first].tag_ == "DT":
                    first += 1  # "The Laser Interferometer …": no article in a name
                if i - first >= 1:
                    name = clean(t.doc[first : i + 1].text)
                    found.append(SystemSpan(first, i + 1, name, category, _short_form(t, i + 1)))
                continue
            category = SYSTEM_NOUNS.get(token.text)
            if category is None:
                continue
            before = i
            while before - 1 >= lo and t.doc[before - 1].lower_ in BETWEEN and i - before < 2:
                before -= 1
            if token.text in NEEDS_KIND and t.doc[i - 1].lower_ not in NEEDS_KIND[token.text]:
                continue  # "the Tory service", "the Chip and Pin system"
            first = _name_start(t, before, lo, firm)
            while first < before and t.tokens[first].tag_ == "DT":
                first += 1  # "The 777 program": no article in a name
            if category in PRODUCTS:
                first = _with_maker(t, first)
            if category in ("programme", "website") and _on_air(t, first, before):
                continue  # "the BBC World Service programme Go Digital", "the Radio Times website"
            if category in PRODUCTS and category != "car" and _maker_alone(t, first, before):
                continue  # "Motorola mobile phones": who makes them, not their name
            if category == "project" and {w.lower_ for w in sentence} & SHOW_BUSINESS:
                continue  # "the Casino Royale project": a film in the making
            if category in ("car", "phone") and _modifies(t, i):
                continue  # "the Maserati car company", "a confidential Obama phone call"
            # "its redesigned Avalon sedan": a maker's model, whatever the tagger took it for
            owned = (
                category == "car"
                and any(w.tag_ in ("PRP$", "POS") for w in t.tokens[max(0, first - 2) : first])
                and not all(w.text in CAR_BRANDS for w in t.tokens[first:before])  # "Webb's Ford sedan"
            )
            if category == "car" and makers_only(t, first, before) and not owned:
                continue  # "Opel and Vauxhall cars", "the Maserati car company"
            if first >= before or all(w.like_num for w in t.tokens[first:before]):
                continue  # a bare number names no system on its own
            name = clean(t.doc[first:before].text)
            words = t.tokens[first:before]
            if not any(w.tag_ in ("NNP", "NNPS") or any(c.isdigit() for c in w.text) for w in words):
                continue  # "The mission", "New vehicle sales": a capital at the sentence start
            # "the Zafi worm": no person's own kind of thing, whatever spaCy's label
            labels = NOT_NAMES - {"PERSON"} if category in NO_ONES else NOT_NAMES
            if category == "car" and not any(w.ent_id_.startswith("place:") for w in words):
                labels = labels - {"GPE"}  # "its Cayenne SUV": a model named after a place
            if owned:
                labels = labels - {"ORG"}
            if category in UNPEOPLED and before - first == 1 and not acts(t, name):
                labels = labels - {"PERSON"}  # "the Robosapiens toy": no one the article names
            if any(e.start == first and e.end == before and e.label_ in labels for e in t.ents):
                continue  # "Australian drones", "Trump's jets": a nation or a person, not a name
            if (
                name in kb.not_entities
                or kb.lookup(name) is not None
                or re.fullmatch(r"[A-Z][A-Za-z]?\d*", name)
            ):
                continue
            if category == "computer virus":
                found += _viruses(t, first, before)
                continue
            found.append(SystemSpan(first, before, name, category))
    return found


def pack_name_end(t: Text, start: int, kind: str = "") -> int | None:
    """Where the pack name that starts at token `start` ends, if one does; of one kind
    ("system:") where `kind` is given."""
    return next(
        (e.end for e in t.ents if e.start == start and e.ent_id_ and e.ent_id_.startswith(kind)), None
    )


def pack_name_start(t: Text, end: int, kind: str = "") -> int | None:
    """Where the pack name that ends just before token `end` starts, if one does."""
    return next((e.start for e in t.ents if e.end == end and e.ent_id_ and e.ent_id_.startswith(kind)), None)


def _proper_run(t: Text, start: int, firm: set[int], inner_capital: bool = False) -> int:
    """Where the run of proper nouns from `start` ends (`start` itself if none begins there)."""
    end = start
    doc = t.doc
    while end < len(doc) and end not in firm and doc[end].tag_ in ("NNP", "NNPS"):
        if not (_capital(t, end) or (inner_capital and any(c.isupper() for c in doc[end].text))):
            break
        end += 1
    return end


def _measured(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "the new 16-inch MacBook Pro": a device named after its screen size, the size
    kept (the 13-inch and 16-inch models are two)."""
    found = []
    doc = t.doc
    for token in t.tokens:
        if "inch" not in token.lower_ or (
            token.lower_ not in ("inch", "-inch") and not re.fullmatch(r"\d+(?:\.\d)?-inch", token.lower_)
        ):
            continue
        size = token.lower_.split("-")[0] if "-" in token.lower_ else ""
        start = token.i
        if not size and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].like_num:
            size, start = doc[token.i - 2].text, token.i - 2
        end = _proper_run(t, token.i + 1, firm)
        if (
            size
            and end > token.i + 1
            and not any(e.start <= token.i + 1 < e.end and e.label_ in NOT_NAMES for e in doc.ents)
        ):
            found.append(
                SystemSpan(start, end, f"{size}-inch {clean(doc[token.i + 1 : end].text)}", "device")
            )
    return found


def _projects(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "Microsoft's Project xCloud": a programme named as one."""
    found = []
    doc = t.doc
    for token in t.tokens:
        if token.text != "Project":
            continue
        end = _proper_run(t, token.i + 1, firm, inner_capital=True)  # "Project xCloud"
        if end > token.i + 1:
            found.append(SystemSpan(token.i, end, clean(doc[token.i : end].text), "programme"))
    return found


def _plus_services(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "Disney+", "Apple TV+": a name ending in a plus sign is a subscription service."""
    found = []
    doc = t.doc
    for token in t.tokens:
        if not (len(token.text) > 2 and token.text.endswith("+") and token.text[:1].isupper()):
            continue
        first = token.i
        while (
            first - 1 >= 0
            and first - 1 not in firm
            and _capital(t, first - 1)
            and doc[first - 1].tag_ == "NNP"
        ):
            first -= 1  # "Apple TV+"
        found.append(SystemSpan(first, token.i + 1, clean(doc[first : token.i + 1].text), "service"))
    return found


def _appositions(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "the tech giant's game streaming service, Stadia, launched": a system noun, then its
    name between commas."""
    found = []
    doc = t.doc
    for token in t.tokens:
        category = SYSTEM_NOUNS.get(token.text)
        start = token.i + 2
        if category is None or start >= len(doc) or doc[token.i + 1].text != ",":
            continue
        if token.text in NEEDS_KIND and doc[token.i - 1].lower_ not in NEEDS_KIND[token.text]:
            continue
        end = _proper_run(t, start, firm)
        if category == "programme" and _on_air(t, token.i):
            continue
        # spaCy guesses PERSON for an unknown name after "streaming service,": it gives way
        ents = [e for e in doc.ents if e.start <= start < e.end]
        if (
            end > start
            and end < len(doc)
            and doc[end].text in (",", ".")
            and not any(e.label_ in NOT_NAMES - {"PERSON"} for e in ents)
        ):
            found.append(SystemSpan(start, end, clean(doc[start:end].text), category))
    return found


def _brands_after_kind(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "cholesterol drug Crestor", "rival medicine Tarceva": a medicine's kind, then its brand."""
    found = []
    doc = t.doc
    for token in t.tokens:
        category = NAMED_AFTER_KIND.get(token.text)
        start = token.i + 1
        if category is None or start >= len(doc) or token.i in firm:
            continue
        end = _proper_run(t, start, firm)
        ents = [e for e in doc.ents if e.start < end and start < e.end]
        if end > start and not any(e.label_ in NOT_NAMES - GUESSED for e in ents):
            found.append(SystemSpan(start, end, clean(doc[start:end].text), category))
    return found


# Words that, after a product line a pack knows, name one of its models or services
# ("Xbox Live", "iPod Photo", "iPad Pro", "Nintendo Switch Lite", "PlayStation Network").
MODEL_WORDS_AFTER_LINE = {
    "live", "network", "photo", "pro", "mini", "lite", "plus", "max", "air", "touch", "nano", "shuffle",
    "classic", "auto", "go", "portable", "store", "music", "video", "messenger", "ultra",
}  # fmt: skip
SMALL_MODELS = {"mini", "nano", "shuffle"}  # written in lower case: "iPod mini"
# What "Pro" may describe after a line, not a model of it ("the Switch Pro controller").
ACCESSORIES = {"controller", "controllers", "case", "cases", "cover", "covers", "keyboard", "charger", "pen"}


MODEL_LETTERS = {"X", "S", "XL", "SE", "XS", "XR"}  # "Xbox One X", "iPhone XS": a model by its letters


def _model_word(word: Token) -> bool:
    """A word that names a model of the line before it: "Pro", "mini", "Ultra", "X"."""
    if word.text in MODEL_LETTERS:
        return True
    capital = word.text[:1].isupper() or word.lower_ in SMALL_MODELS  # not "the iTunes music store"
    return capital and word.lower_ in MODEL_WORDS_AFTER_LINE


def _numbered_release(entry: Entry, word: Token) -> bool:
    """ "Windows 2000", "Xbox 2": a release of an operating system or console by its number."""
    kind = entry.category or ""
    return ("operating system" in kind or "console" in kind) and word.text.isdigit() and len(word.text) <= 4


def _models_of_known(t: Text, kb: KnowledgeBase, firm: set[int]) -> list[SystemSpan]:
    """ "Xbox Live", "iPod Photo", "iPad Pro": a system a pack knows, run on into a word
    that names one of its models or services; not where the name runs on further ("Pro
    Controller", "Series 5"): which model that is, the words do not say."""
    found = []
    doc = t.doc
    for ent in doc.ents:
        entry = kb.entries.get(ent.ent_id_) if ent.ent_id_.startswith("system:") else None
        nxt = ent.end
        if entry is None or nxt >= len(doc) or doc[nxt - 1].whitespace_ != " " or nxt in firm:
            continue
        word = doc[nxt]
        if not (_model_word(word) or _numbered_release(entry, word)):
            continue
        end = nxt + 1
        if end < len(doc) and doc[end - 1].whitespace_ == " " and _model_word(doc[end]) and not word.like_num:
            end += 1  # "iPhone 11 Pro Max", "Xbox One X"
        after = doc[end] if end < len(doc) else None
        runs_on = after is not None and (after.like_num or after.tag_ in ("NNP", "NNPS", "POS"))
        if runs_on or (after is not None and after.lower_ in ACCESSORIES):
            continue
        written = clean(doc[ent.start : ent.end].text)
        # "Apple iPad Pro" and "iPad Pro" are one model: the line as the pack names it
        line = entry.name if written.endswith(entry.name) else written
        name = f"{line} {doc[nxt:end].text}"
        # a model the pack lists, with or without its maker ("Apple iPod mini"), is the pack's
        if kb.lookup(name) is None and kb.lookup(name.split(" ", 1)[-1]) is None:
            kind = (entry.category or "product") if word.text.isdigit() else "product"
            found.append(SystemSpan(ent.start, end, name, kind, line=entry.key))
    return found


def named_systems(t: Text, kb: KnowledgeBase) -> list[SystemSpan]:
    """Every named system no pack entry covers, longest first where they overlap."""
    from .products import named_products  # it builds on this module's spans
    from .system_peers import system_peers
    from .vehicles import vehicles

    firm = _firm(t)
    spans = vehicles(t, firm) + _noun_phrases(t, kb, firm)
    spans += _measured(t, firm) + _projects(t, firm) + _plus_services(t, firm) + _appositions(t, firm)
    spans += _brands_after_kind(t, firm) + _models_of_known(t, kb, firm)
    spans += named_products(t, firm)
    found = _longest_first(spans)
    return [_singular(t, s) for s in _longest_first(found + system_peers(t, firm, found))]


def _singular(t: Text, span: SystemSpan) -> SystemSpan:
    """ "Creative Zens", "Subaru Imprezas": a system named in the plural, named as the
    article names one of them."""
    one = span.name[:-1]
    if not span.name.endswith("s") or span.name.endswith("ss") or " " not in span.name:
        return span
    if re.search(rf"(?<!\w){re.escape(one)}(?!\w)", t.raw):
        return replace(span, name=one)
    return span


def _longest_first(spans: list[SystemSpan]) -> list[SystemSpan]:
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[SystemSpan] = []
    taken: set[int] = set()
    for span in spans:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        out.append(span)
    return out


GENERIC_CATEGORY_WORDS = {"system", "systems", "of", "and", "the", "a"}


def plain_word(name: str) -> bool:
    """One word of letters spelled as a word: "Tor", "Abrams", not "Tor-M1", "THAAD" or
    "iPod"."""
    return name.isalpha() and name[:1].isupper() and (name[1:].islower() or not name[1:])


def pack_system_meant(t: Text, entry: Entry, start: int, end: int, firm_keys: set[str]) -> bool:
    """Whether a pack system written as one plain word (tokens start:end) is that system.

    Anything but one word of letters is firm ("Tor-M1", "THAAD", "Orion spacecraft").
    One word is the system when the article also names it in a firm form (`firm_keys`),
    names its maker ("SpaceX's Starship"), says what kind of thing it is in the same
    sentence ("Tor air defence", "the Lancet loitering munition"), or puts a system
    noun after it ("Patriot missiles", "Abrams tanks")."""
    if end - start != 1 or not plain_word(t.doc[start:end].text) or entry.key in firm_keys:
        return True
    after = t.tokens[end].lower_ if end < len(t.tokens) else ""
    if after in SYSTEM_NOUNS or after in ("system", "systems"):
        return True
    if entry.maker:
        maker = re.split(r",| now | and |\(", entry.maker)[0].strip()
        if maker and re.search(rf"(?<!\w){re.escape(maker)}(?!\w)", t.raw):
            return True
    sid = t.token_sid[start]
    if not sid or not entry.category:
        return False
    sentence = t.sentence_of(sid).text.lower()
    kinds = [w for w in entry.category.lower().split() if w not in GENERIC_CATEGORY_WORDS]
    return any(re.search(rf"\b{re.escape(k)}", sentence) for k in kinds)
