"""Stakeholders, key systems and glossary terms, from entity mentions.

Knowledge-pack matches (the EntityRuler's `ent_id_`) give canonical names and
facts. Everything spaCy finds that no pack lists is kept too, marked
`known=False`, so a new pipeline, start-up or minister still reaches the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..dossier import Flag, GlossaryEntry, Stakeholder, System
from .packs import Entry, KnowledgeBase
from .text import Text, clean

# A model designation: letters, hyphen, digits ("Su-57", "KF-21", "Chandrayaan-3").
DESIGNATION_RE = re.compile(r"^[A-Z][A-Za-z]{0,11}-\d{1,4}[A-Za-z0-9]{0,4}$")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
# Russian designations typed with Latin look-alikes of Cyrillic letters.
LOOKALIKES = (("Cy", "Su"), ("Ty", "Tu"), ("C", "S"), ("P", "R"), ("X", "Kh"))
_CYRILLIC = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯ"
_LATIN = "A B V G D E Zh Z I Y K L M N O P R S T U F Kh Ts Ch Sh Shch Y E Yu Ya"
CYRILLIC_TO_LATIN = {
    **dict(zip(_CYRILLIC, _LATIN.split(" "), strict=True)),
    **dict(zip(_CYRILLIC.lower(), _LATIN.lower().split(" "), strict=True)),
}
# Nouns that, after a capitalised name, say the name is a system ("the Baltic
# Connector pipeline", "the Blue Ghost lander").
SYSTEM_NOUNS = {
    "pipeline": "pipeline",
    "lander": "lander",
    "rover": "rover",
    "satellite": "satellite",
    "satellites": "satellite",
    "rocket": "rocket",
    "reactor": "nuclear reactor",
    "telescope": "telescope",
    "spacecraft": "spacecraft",
    "probe": "space probe",
    "drone": "drone",
    "drones": "drone",
    "missile": "missile",
    "missiles": "missile",
    "submarine": "submarine",
    "submarines": "submarine",
    "frigate": "frigate",
    "destroyer": "destroyer",
    "carrier": "aircraft carrier",
    "tank": "tank",
    "tanks": "tank",
    "jet": "aircraft",
    "jets": "aircraft",
    "fighter": "fighter aircraft",
    "fighters": "fighter aircraft",
    "helicopter": "helicopter",
    "helicopters": "helicopter",
    "chip": "chip",
    "chips": "chip",
    "radar": "radar",
    "howitzer": "howitzer",
    "interceptor": "interceptor",
    "interceptors": "interceptor",
    "processor": "chip",
}
# Last words of organisation names, for organisations spaCy misses because a
# country inside the name was matched first ("China National Petroleum Corporation").
ORG_SUFFIXES = {
    "Corporation",
    "Corp.",
    "Company",
    "Group",
    "Industries",
    "Agency",
    "Authority",
    "Ministry",
    "Department",
    "Bank",
    "Institute",
    "Council",
    "Commission",
    "Organisation",
    "Organization",
    "Aerospace",
    "Technologies",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Administration",
    "Office",
    "Forces",
}
NUMBER_UNITS = (
    "squadrons|squadron|divisions|division|regiments|regiment|batteries|battery|units|unit|"
    "systems|system|aircraft|jets|fighters|launchers|vessels|ships|submarines|tanks|drones|"
    "satellites|missiles|helicopters|brigades|sets|airframes|interceptors|howitzers"
)
TITLES = (
    "Prime Minister",
    "Deputy Prime Minister",
    "President",
    "Vice President",
    "Defence Minister",
    "Defense Minister",
    "Foreign Minister",
    "External Affairs Minister",
    "Foreign Secretary",
    "Defence Secretary",
    "Defense Secretary",
    "Secretary of State",
    "Secretary of Defense",
    "Secretary of War",
    "Chancellor",
    "King",
    "Queen",
    "Crown Prince",
    "Supreme Leader",
    "Army Chief",
    "General",
    "Gen.",
    "Admiral",
    "Adm.",
    "Air Chief Marshal",
    "Air Marshal",
    "Minister",
    "Secretary",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Governor",
    "Mayor",
    "Ambassador",
    "CEO",
    "Chairman",
    "Chairwoman",
    "Chief Executive",
    "Director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "Pope",
)
_TITLE_RE = re.compile(
    r"\b(?P<title>" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+$"
)
_DEMONYM_RE = re.compile(r"\b([A-Z][a-z]+)\s+$")
STAKEHOLDER_KINDS = {"country", "place", "organization", "media", "person"}


@dataclass
class _Found:
    entry: Entry | None
    name: str
    kind: str
    surfaces: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    role: str | None = None
    category: str | None = None
    quantities: list[str] = field(default_factory=list)

    def add(self, surface: str, sid: str | None) -> None:
        if surface not in self.surfaces:
            self.surfaces.append(surface)
        if sid and sid not in self.sentences:
            self.sentences.append(sid)


def _strip_article(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", clean(text))
    return re.sub(r"[’']s?$", "", text).strip()


def _sorted_sids(sids: Iterable[str]) -> list[str]:
    return sorted(set(sids), key=lambda s: int(s[1:]))


@dataclass
class Entities:
    stakeholders: list[Stakeholder]
    systems: list[System]
    glossary: list[GlossaryEntry]
    flags: list[Flag]


def _closest_designation(text: str, kb: KnowledgeBase, seen: set[str]) -> str | None:
    """A known designation one edit away with the same prefix (e.g. "Su-5" -> "Su-57")."""
    prefix = text.split("-")[0]
    candidates = []
    for entry in kb.systems():
        for name in (entry.name, *entry.aliases):
            if name.split("-")[0] != prefix or "-" not in name:
                continue
            distance = Levenshtein.distance(text, name)
            if distance == 1:
                # Prefer what the same article names elsewhere, then a truncation.
                candidates.append((entry.name not in seen, not name.startswith(text), name, entry.name))
    return min(candidates)[3] if candidates else None


def _transliterated(text: str, kb: KnowledgeBase) -> str | None:
    """The known designation meant by a Cyrillic or Cyrillic-look-alike spelling."""
    if CYRILLIC_RE.search(text):
        latin = "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in text)
        entry = kb.lookup(latin)
        return entry.name if entry and entry.kind == "system" else None
    for wrong, right in LOOKALIKES:
        if text.startswith(wrong):
            entry = kb.lookup(right + text[len(wrong) :])
            if entry is not None and entry.kind == "system":
                return entry.name
    return None


def _person_role(t: Text, start_char: int, sid: str, kb: KnowledgeBase) -> str | None:
    sentence = t.sentence_of(sid)
    before = t.raw[sentence.start_char : start_char]
    match = _TITLE_RE.search(before)
    if not match:
        return None
    title = match["title"]
    demonym = _DEMONYM_RE.search(before[: match.start()])
    country = kb.lookup(demonym[1]) if demonym else None
    if country is not None and country.kind == "country":
        return f"{title} of {country.name}"
    return title


def _quantities(t: Text, sid: str, start: int, end: int) -> list[str]:
    """Figures stated for a system mention: "140 Su-57", "five divisions of S-400"."""
    doc = t.doc
    found = []
    sentence = t.sentence_of(sid)
    if start > sentence.start and doc[start - 1].like_num and not doc[start - 1].text.endswith("th"):
        found.append(doc[start - 1].text)
    before = t.raw[sentence.start_char : doc[start].idx]
    match = re.search(rf"\b(\w+)\s+({NUMBER_UNITS})\s+of\s+(?:the\s+)?$", before)
    if match and doc.vocab[match[1]].like_num:
        found.append(f"{match[1]} {match[2]}")
    return found


def _unit_quantities(t: Text, sid: str) -> list[tuple[int, str]]:
    """Figures with a unit anywhere in a sentence ("seven squadrons"), with token position."""
    out = []
    sentence = t.sentence_of(sid)
    for token in sentence:
        nxt = token.nbor(1) if token.i + 1 < sentence.end else None
        if (
            token.like_num
            and nxt is not None
            and re.fullmatch(NUMBER_UNITS, nxt.text)
            and not (nxt.i + 1 < sentence.end and nxt.nbor(1).text == "of")
        ):
            out.append((token.i, f"{token.text} {nxt.text}"))
    return out


def extract_entities(t: Text, kb: KnowledgeBase) -> Entities:
    found: dict[str, _Found] = {}
    flags: list[Flag] = []
    system_mentions: list[tuple[str, int, int, str]] = []  # key, start, end, sid
    designations: list[tuple[str, int, int, str]] = []  # text, start, end, sid

    def remember(key: str, make: _Found, surface: str, sid: str | None) -> _Found:
        item = found.setdefault(key, make)
        item.add(surface, sid)
        return item

    # Capitalised names followed by a system noun: "the Blue Ghost lander". Done first, so
    # spaCy's guesses for such names ("Silver Hare" as a facility) give way to it.
    system_spans = _named_systems(t, kb)
    in_system = {i for start, end, _, _ in system_spans for i in range(start, end)}
    mentioned = {ent.ent_id_ for ent in t.doc.ents if ent.ent_id_.startswith("system:")}
    for start, end, name, category in system_spans:
        sid = t.sid_at(start)
        # "K2 tanks" after "K2 Black Panther tanks": the short form of a system named here.
        fuller = sorted(k for k in mentioned if k.startswith(f"system:{name} "))
        if fuller:
            full = kb.entries[fuller[0]]
            remember(full.key, _Found(full, full.name, "system"), name, sid)
            system_mentions.append((full.key, start, end, sid or ""))
            continue
        key = f"system:{name}"
        item = remember(key, _Found(None, name, "system"), name, sid)
        item.category = item.category or category
        system_mentions.append((key, start, end, sid or ""))
    for start, _end, name in _suffixed_orgs(t, kb):
        remember(f"organization:{name}", _Found(None, name, "organization"), name, t.sid_at(start))

    covered: set[int] = set(in_system)
    for ent in t.doc.ents:
        absorbed = not ent.ent_id_ or ent.ent_id_.startswith("place:")
        if absorbed and any(i in in_system for i in range(ent.start, ent.end)):
            continue
        sid = t.sid_at(ent.start)
        if sid is None:
            continue
        covered.update(range(ent.start, ent.end))
        surface = clean(ent.text)
        if ent.label_ == "NOT_ENTITY":
            continue
        entry = kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None:
            item = remember(entry.key, _Found(entry, entry.name, entry.kind), surface, sid)
            if entry.kind == "system":
                system_mentions.append((entry.key, ent.start, ent.end, sid))
            if entry.kind == "person":
                item.role = item.role or _person_role(t, ent.start_char, sid, kb)
            continue
        if DESIGNATION_RE.match(surface) or CYRILLIC_RE.search(surface):
            designations.append((surface, ent.start, ent.end, sid))
            continue
        name = _strip_article(surface)
        if not name or name in kb.not_entities or not any(c.isupper() for c in name):
            continue
        known = kb.lookup(name)
        if known is not None:  # e.g. spaCy's "the Indian Air Force"
            item = remember(known.key, _Found(known, known.name, known.kind), name, sid)
            if known.kind == "system":
                system_mentions.append((known.key, ent.start, ent.end, sid))
            continue
        if ent.label_ == "PERSON" and len(name.split()) >= 1:
            item = remember(f"person:{name}", _Found(None, name, "person"), surface, sid)
            item.role = item.role or _person_role(t, ent.start_char, sid, kb)
        elif ent.label_ == "ORG":
            remember(f"organization:{name}", _Found(None, name, "organization"), surface, sid)
        elif ent.label_ in ("GPE", "LOC"):
            remember(f"place:{name}", _Found(None, name, "place"), surface, sid)
        elif ent.label_ == "PRODUCT" and any(c.isdigit() for c in name):
            # spaCy's PRODUCT guesses are often places or brands; a model number is a system.
            key = f"system:{name}"
            remember(key, _Found(None, name, "system"), surface, sid)
            system_mentions.append((key, ent.start, ent.end, sid))
        elif ent.label_ == "LAW":
            remember(f"term:{name}", _Found(None, name, "term"), surface, sid)

    # Designations spaCy did not tag at all ("Su-5" is usually missed).
    for token in t.doc:
        if token.i in covered:
            continue
        if DESIGNATION_RE.match(token.text) or (CYRILLIC_RE.search(token.text) and "-" in token.text):
            sid = t.sid_at(token.i)
            if sid and token.text not in kb.not_entities:
                designations.append((token.text, token.i, token.i + 1, sid))

    seen_systems = {f.name for f in found.values() if f.kind == "system"}
    for surface, start, end, sid in designations:
        known = kb.lookup(surface)
        if known is not None and known.kind == "system":
            remember(known.key, _Found(known, known.name, "system"), surface, sid)
            system_mentions.append((known.key, start, end, sid))
            continue
        translit = _transliterated(surface, kb)
        closest = None if translit else _closest_designation(surface, kb, seen_systems)
        target = translit or closest
        if target is not None:
            entry = kb.entries[f"system:{target}"]
            remember(entry.key, _Found(entry, entry.name, "system"), surface, sid)
            system_mentions.append((entry.key, start, end, sid))
            if translit:
                message = (
                    f"“{surface}” looks like a Cyrillic-style spelling of {target}; "
                    "check the designation before publishing."
                )
                flags.append(Flag("transliteration", surface, target, [sid], message))
            else:
                message = f"“{surface}” is not a known designation; {target} is the likely intended one."
                flags.append(Flag("unknown_designation", surface, target, [sid], message))
            continue
        key = f"system:{surface}"
        remember(key, _Found(None, surface, "system"), surface, sid)
        system_mentions.append((key, start, end, sid))

    for key, start, end, sid in system_mentions:
        for q in _quantities(t, sid, start, end):
            if q not in found[key].quantities:
                found[key].quantities.append(q)
    # A figure with a unit goes to the nearest system named before it in the sentence.
    by_sentence: dict[str, list[tuple[int, str]]] = {}
    for key, start, _end, sid in system_mentions:
        by_sentence.setdefault(sid, []).append((start, key))
    for sid, mentions in by_sentence.items():
        for pos, quantity in _unit_quantities(t, sid):
            before = [m for m in mentions if m[0] < pos]
            if before:
                key = max(before)[1]
                if quantity not in found[key].quantities:
                    found[key].quantities.append(quantity)

    _merge_partial_names(found)
    return _records(found, flags)


def _named_systems(t: Text, kb: KnowledgeBase) -> list[tuple[int, int, str, str]]:
    """(start, end, name, category) of "<Capitalised Name> <system noun>" phrases."""
    # Pack entities other than places are firm boundaries: "Russian fighters" names no system.
    firm = {
        i
        for ent in t.doc.ents
        if ent.ent_id_ and not ent.ent_id_.startswith("place:")
        for i in range(ent.start, ent.end)
    }
    found = []
    for sentence in t.spans:
        for token in sentence:
            category = SYSTEM_NOUNS.get(token.text)
            if category is None:
                continue
            first = token.i
            while (
                first - 1 > sentence.start
                and first - 1 not in firm
                and (t.doc[first - 1].text[:1].isupper() or t.doc[first - 1].like_num)
            ):
                first -= 1
            while first < token.i and not t.doc[first].text[:1].isupper():
                first += 1  # a name starts with a capital, not a figure
            if first >= token.i:
                continue
            name = clean(t.doc[first : token.i].text)
            if name in kb.not_entities or kb.lookup(name) is not None or DESIGNATION_RE.match(name):
                continue  # designations go through the typo and transliteration checks instead
            found.append((first, token.i, name, category))
    return found


def _suffixed_orgs(t: Text, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """Capitalised names ending in an organisation word that no entity covers whole."""
    found = []
    ents = list(t.doc.ents)
    for sentence in t.spans:
        for token in sentence:
            if token.text not in ORG_SUFFIXES or token.i == sentence.start:
                continue
            first = token.i
            while first - 1 >= sentence.start and (
                t.doc[first - 1].text[:1].isupper() or t.doc[first - 1].text in ("of", "for", "and")
            ):
                first -= 1
            while first < token.i and not t.doc[first].text[:1].isupper():
                first += 1
            if t.doc[first].lower_ == "the":
                first += 1
            if token.i - first < 1:
                continue
            name = clean(t.doc[first : token.i + 1].text)
            whole = any(e.start <= first and e.end >= token.i + 1 for e in ents)
            if whole or kb.lookup(name) is not None or name in kb.not_entities:
                continue
            found.append((first, token.i + 1, name))
    return found


def _merge_partial_names(found: dict[str, _Found]) -> None:
    """A bare surname ("Sokolov") is the full name used elsewhere ("Ivan Sokolov"), even
    when spaCy took it for an organisation."""
    people = [k for k, f in found.items() if f.kind == "person"]
    candidates = [k for k, f in found.items() if f.kind in ("person", "organization") and f.entry is None]
    for key in candidates:
        item = found[key]
        if " " in item.name:
            continue
        # `people` may name entries merged away earlier in this loop.
        fuller = [
            found[k] for k in people if k != key and k in found and found[k].name.split()[-1] == item.name
        ]
        if len(fuller) == 1 and fuller[0] is not item:
            target = fuller[0]
            for surface in item.surfaces:
                target.add(surface, None)
            target.sentences.extend(s for s in item.sentences if s not in target.sentences)
            target.role = target.role or item.role
            del found[key]


def _records(found: dict[str, _Found], flags: list[Flag]) -> Entities:
    def first_mention(f: _Found) -> tuple[int, str]:
        return (min(int(s[1:]) for s in f.sentences), f.name)

    stakeholders, systems, glossary = [], [], []
    for f in sorted(found.values(), key=first_mention):
        aliases = sorted(s for s in f.surfaces if s != f.name)
        sids = _sorted_sids(f.sentences)
        entry = f.entry
        if f.kind in STAKEHOLDER_KINDS:
            role = f.role
            # The pack's full title wins only when the seed's title agrees with it.
            pack_role = entry.role if entry is not None else None
            if pack_role and (role is None or pack_role.lower().startswith(role.lower())):
                role = pack_role
            country = entry.country if entry else None
            stakeholders.append(Stakeholder(f.name, f.kind, role, aliases, sids, entry is not None, country))
        elif f.kind == "system":
            systems.append(
                System(
                    f.name,
                    entry.category if entry else f.category,
                    entry.origin if entry else None,
                    aliases,
                    f.quantities,
                    sids,
                    entry is not None,
                )
            )
        elif f.kind == "term":
            kind = (entry.term_kind or "acronym") if entry else "law"
            glossary.append(GlossaryEntry(f.name, entry.expansion if entry else None, sids, kind))
    return Entities(stakeholders, systems, glossary, flags)
