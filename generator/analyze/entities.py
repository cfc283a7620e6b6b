"""Stakeholders, key systems and glossary terms, from the names in the text.

The parts, in the order they run:

  systems.py        named systems no pack lists ("the Blue Moon lander", "USS …")
  mentions.py       every other name, cut to the name, with its kind
  designations.py   model designations, with typo and transliteration warnings
  organisations.py  which organisation spans are names
  relabel.py        persons spaCy took for organisations or places, and the reverse
  people.py         one entry per person, under the fullest name, with a role

Knowledge-pack matches (the EntityRuler's `ent_id_`) give canonical names and
facts. What no pack lists is kept too, marked `known=False`, so a new
pipeline, start-up or minister still reaches the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..dossier import Flag, GlossaryEntry, Stakeholder, System
from .audience import is_outlet_name, spoken_to
from .designations import CYRILLIC_RE, DESIGNATION_RE, looks_like_designation, resolve_designation
from .mentions import (
    CORPORATE_TAILS,
    HONORIFICS,
    POSSESSIVE,
    TITLE_WORDS,
    Found,
    Mention,
    entity_mentions,
    honorific_gender,
    strip_article,
)
from .organisations import (
    COMPANY_NOUNS,
    COMPANY_WORDS,
    described_as,
    home_government,
    is_organisation,
    possessed_orgs,
    spelt_out_orgs,
    spoken_bodies,
    suffixed_orgs,
)
from .packs import Entry, KnowledgeBase
from .people import (
    ONE_OF_A_NATION,
    ONLY_A_PERSONS,
    cluster_people,
    gender_of_first_name,
    genders_from_pronouns,
    honorific_bodies,
    speaks,
    surnames_after_honorifics,
    untagged_speakers,
)
from .relabel import (
    NOT_SURNAMES,
    bodies_named_as_people,
    common_word,
    cut_at_dashes,
    families,
    groups_named_as_people,
    not_people,
    people_mislabelled,
    places_named_as_people,
    products_named_as_bodies,
    products_named_as_people,
)
from .systems import named_systems, pack_system_meant, plain_word
from .text import Text, clean
from .works import titles_of_works

NUMBER_UNITS = (
    "squadrons|squadron|divisions|division|regiments|regiment|batteries|battery|units|unit|"
    "systems|system|aircraft|jets|fighters|launchers|vessels|ships|submarines|tanks|drones|"
    "satellites|missiles|helicopters|brigades|sets|airframes|interceptors|howitzers"
)
LAW_WORDS = frozenset({"Act", "Bill", "Directive"})  # the last word of a law's name
STAKEHOLDER_KINDS = {"country", "place", "organization", "media", "person"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class NameSpan:
    """Where the text names a stakeholder or system: tokens [start, end)."""

    start: int
    end: int
    name: str
    kind: str


@dataclass
class Entities:
    stakeholders: list[Stakeholder]
    systems: list[System]
    glossary: list[GlossaryEntry]
    flags: list[Flag]
    spans: list[NameSpan] = field(default_factory=list)  # every mention, in reading order
    genders: dict[str, str] = field(default_factory=dict)  # person -> "f" | "m", where the text says
    antecedents: dict[int, str] = field(default_factory=dict)  # pronoun token -> name (attributions.py)
    # "the government" of an article that names none: its country's ("UK government")
    home_government: str | None = None
    sure_antecedents: dict[int, str] = field(default_factory=dict)  # those a question may name
    # outlets named only as the one a speaker told ("told NBC News"): no party to the story
    told: list[NameSpan] = field(default_factory=list)


def _sid_number(sid: str) -> int:
    return int(sid[1:])


def _sorted_sids(sids: Iterable[str]) -> list[str]:
    return sorted(set(sids), key=_sid_number)


class _Collector:
    """Entities found so far, by key, and where each was named."""

    def __init__(self) -> None:
        self.found: dict[str, Found] = {}
        self.spans: list[NameSpan] = []
        self.told: list[NameSpan] = []  # outlets only spoken to, kept for "told NBC News"
        self.system_mentions: list[tuple[str, int, int, str]] = []  # key, start, end, sid
        self.lines: set[str] = set()  # pack systems named in one of their models ("Xbox" in "Xbox Live")

    def add(self, key: str, make: Found, surface: str, sid: str, start: int, end: int) -> Found:
        item = self.found.setdefault(key, make)
        item.add(surface, sid, start)
        self.spans.append(NameSpan(start, end, item.name, item.kind))
        if item.kind == "system":
            self.system_mentions.append((key, start, end, sid))
        return item


def extract_entities(t: Text, kb: KnowledgeBase) -> Entities:
    out = _Collector()
    flags: list[Flag] = []
    taken = _systems_first(t, kb, out)
    mentions = [_kin_of_a_known_person(t, m) for m in entity_mentions(t, kb, taken)]
    designations: list[tuple[str, int, int, str]] = []
    people: list[Mention] = []
    others: list[Mention] = []
    firm_keys = (
        {k for k, f in out.found.items() if f.kind == "system"}
        | out.lines
        | {
            m.entry.key
            for m in mentions
            if m.entry is not None and m.entry.kind == "system" and not plain_word(m.name)
        }
    )
    for m in mentions:
        if m.entry is None and m.name.lower() in ONE_OF_A_NATION:
            continue  # "the Spaniard believed": a person the article names elsewhere
        if m.entry is not None:
            if m.entry.kind == "person":
                people.append(m)
            elif m.entry.kind == "system" and not pack_system_meant(t, m.entry, m.start, m.end, firm_keys):
                continue  # "J.J. Abrams", the publisher Tor: the word, not the pack's system
            else:
                entry = m.entry
                out.add(entry.key, Found(entry, entry.name, entry.kind), m.name, m.sid, m.start, m.end)
        elif looks_like_designation(m.name):
            designations.append((m.name, m.start, m.end, m.sid))
        elif m.label == "PERSON":
            people.append(m)
        elif not _spans_a_clause(t, m):
            others.append(m)
    # "her performance in Hotel Rwanda": a film's title is no party to the story
    people, others = _without_titles(t, people, others)
    covered = {i for m in mentions for i in range(m.start, m.end)} | taken  # named or read as a system
    designations += _untagged_designations(t, kb, covered)
    designations = _not_biology(t, designations)
    seen_systems = {f.name for f in out.found.values() if f.kind == "system"}
    for surface, start, end, sid in designations:
        target, flag = resolve_designation(surface, sid, kb, seen_systems)
        if flag is not None:
            flags.append(flag)
        if target is not None:
            entry = kb.entries[f"system:{target}"]
            out.add(entry.key, Found(entry, entry.name, "system"), surface, sid, start, end)
        else:
            out.add(f"system:{surface}", Found(None, surface, "system"), surface, sid, start, end)

    people += untagged_speakers(t, covered)
    people += surnames_after_honorifics(t, people, covered)
    for m in honorific_bodies(people, others):
        others.remove(m)
        people.append(Mention(m.start + 1, m.end, m.name.split()[-1], "PERSON", m.sid))  # "Mr Cable"
    _not_people(not_people(people, others), "ORG", people, others)
    _not_people(places_named_as_people(people), "GPE", people, others)
    _not_people(bodies_named_as_people(t, people), "ORG", people, others)
    cut_at_dashes(t, people)
    products, symbols = products_named_as_people(t, people)
    for m in products + symbols + groups_named_as_people(people):
        people.remove(m)
    bodies_that_are_products = products_named_as_bodies(others)
    for m in bodies_that_are_products + families(people, others):
        others.remove(m)
    for m in products + bodies_that_are_products:  # "the new MacBook Pro": a system no pack lists
        out.add(f"system:{m.name}", Found(None, m.name, "system"), m.name, m.sid, m.start, m.end)
    persons, _ = cluster_people(t, people + people_mislabelled(t, people, others), kb)
    genders = {}
    for person in persons:
        f = person.found
        out.found[f"person:{f.name}"] = f
        if person.gender:
            genders[f.name] = person.gender
        for m in person.mentions:
            out.spans.append(NameSpan(m.start, m.end, f.name, "person"))
    for name, gender in genders_from_pronouns(t, persons).items():
        genders.setdefault(name, gender)
    in_person = {m.start for p in persons for m in p.mentions}
    _named_others(t, kb, [m for m in others if m.start not in in_person], out)
    # Country names may stand inside an organisation's name ("Swedish Prosecution Authority").
    blocked = {i for s in out.spans if s.kind not in ("country", "place") for i in range(s.start, s.end)}
    named = [(s.start, s.end, s.name) for s in out.spans]
    bodies = suffixed_orgs(t, kb, taken | blocked) + spoken_bodies(t, kb, taken | blocked)
    for start, end, name in bodies + possessed_orgs(t, named):
        at = t.sid_at(start)
        if at:
            out.add(f"organization:{name}", Found(None, name, "organization"), name, at, start, end)
    for start, end, name in spelt_out_orgs(t, kb, taken | blocked):
        surface = clean(t.doc[start:end].text)  # the name, or its initials after it
        at = t.sid_at(start)
        if at:
            out.add(f"organization:{name}", Found(None, name, "organization"), surface, at, start, end)
    home = _the_government(t, kb, out)
    _merge_org_variants(out)
    _merge_short_forms(out, t.raw)
    _one_kind_per_name(out)
    _misspelt_surnames(out)
    _people_with_kin(t, out)
    _companies_taken_for_places(t, out)
    _nicknames(t, out)
    _other_occurrences(t, out)
    _describe_organisations(t, out)
    _only_spoken_to(t, out)
    _add_quantities(t, out)
    out.spans.sort(key=lambda s: (s.start, s.end))
    stakeholders, systems, glossary = _records(out.found)
    told = sorted(out.told, key=lambda s: s.start)
    spans = out.spans
    return Entities(stakeholders, systems, glossary, flags, spans, genders, home_government=home, told=told)


def _kin_of_a_known_person(t: Text, m: Mention) -> Mention:
    """ "Melania Trump": the packs know Donald Trump as "Trump", but a given name of
    someone else before the surname names another person, of his family."""
    entry = m.entry
    if entry is None or entry.kind != "person" or m.end - m.start != 1 or m.start == 0:
        return m
    given = t.tokens[m.start - 1]
    told = honorific_gender(given.lower_)
    if told is not None and gender_of_first_name(entry.name) not in (None, told):
        # "Mrs Trump said", of Donald Trump's wife: not the pack's man
        return Mention(m.start, m.end, m.name, "PERSON", m.sid, honorific=given.text)
    if (
        given.ent_type_
        or given.tag_ != "NNP"
        or not given.text[:1].isupper()
        or given.text in entry.name.split()
        or given.lower_.rstrip(".") in HONORIFICS | TITLE_WORDS
        or t.token_sid[given.i] != m.sid
    ):
        return m
    if gender_of_first_name(f"{given.text} {m.name}") is None and common_word(given.text, 4.0):
        return m  # "Senator Trump", "Republican Trump": a title or a party, no given name
    return Mention(given.i, m.end, f"{given.text} {m.name}", "PERSON", m.sid)


def _without_titles(
    t: Text, people: list[Mention], others: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """Mentions that are no title of a work, where the text names it as one or by the
    same words elsewhere ("from The Phantom of the Opera movie … up for The Phantom of the
    Opera")."""
    spans = titles_of_works(t)
    inside = {i for start, end in spans for i in range(start, end)}
    titles = {strip_article(t.doc[start:end].text) for start, end in spans}

    def a_title(m: Mention) -> bool:
        named_one = bool(inside & set(range(m.start, m.end))) or strip_article(m.name) in titles
        return m.entry is None and named_one

    return [m for m in people if not a_title(m)], [m for m in others if not a_title(m)]


def _not_people(moved: list[Mention], label: str, people: list[Mention], others: list[Mention]) -> None:
    """Names spaCy took for persons, moved to the others under the label they are."""
    for m in moved:
        people.remove(m)
        others.append(Mention(m.start, m.end, m.name, label, m.sid))


def _spans_a_clause(t: Text, m: Mention) -> bool:
    """ "Garrett hit Rudolph": a name spaCy drew over a verb is a clause, not a body."""
    return any(w.text.islower() and w.tag_ in ("VBD", "VBZ", "VBP") for w in t.doc[m.start : m.end])


def _systems_first(t: Text, kb: KnowledgeBase, out: _Collector) -> set[int]:
    """Named systems, found before anything else so spaCy's guesses for their names
    ("Silver Hare" as a facility, "Starship" as a company) give way to them."""
    taken: set[int] = set()
    mentioned = {ent.ent_id_ for ent in t.ents if ent.ent_id_.startswith("system:")}
    for span in named_systems(t, kb):
        sid = t.sid_at(span.start)
        if sid is None:
            continue
        taken.update(range(span.start, span.end))
        if span.line:
            out.lines.add(span.line)  # "Xbox Live" says the article means the Xbox
        # "K2 tanks" after "K2 Black Panther tanks": the short form of a system named here.
        fuller = sorted(k for k in mentioned if k.startswith(f"system:{span.name} "))
        if fuller:
            full = kb.entries[fuller[0]]
            out.add(full.key, Found(full, full.name, "system"), span.name, sid, span.start, span.end)
            continue
        item = out.add(
            f"system:{span.name}", Found(None, span.name, "system"), span.name, sid, span.start, span.end
        )
        item.category = item.category or span.category
        if span.short:
            item.add(span.short, sid)
    for start, end in _next_models(t, taken):
        name = clean(t.doc[start:end].text)
        sid = t.sid_at(start)
        if sid is not None:
            taken.update(range(start, end))
            out.add(f"system:{name}", Found(None, name, "system"), name, sid, start, end)
    # A bracketed short form used later ("VIPER") is the same system.
    shorts = {
        s: f for f in out.found.values() for s in f.surfaces if re.fullmatch(r"[A-Z][A-Z0-9-]{1,12}", s)
    }
    for token in t.tokens:
        f = shorts.get(token.text)
        sid = t.sid_at(token.i)
        if f is not None and token.i not in taken and sid and not token.ent_id_:
            taken.add(token.i)
            out.add(f"system:{f.name}", f, token.text, sid, token.i, token.i + 1)
    return taken


_QUANTITY_WORDS = {"million", "billion", "m", "bn", "%", "percent", "per", "years", "times", "units", "of"}


def _next_models(t: Text, taken: set[int]) -> list[tuple[int, int]]:
    """A pack's system and a model number the pack does not list: "Xbox 2" is not the
    Xbox (nor "the iPhone 6" the first iPhone), and no pack fact about it applies."""
    found = []
    doc = t.doc
    for ent in doc.ents:
        end = ent.end
        if not ent.ent_id_.startswith("system:") or end >= len(doc) or ent.start in taken:
            continue
        number = doc[end]
        after = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if number.text.isdigit() and len(number.text) <= 2 and after not in _QUANTITY_WORDS:
            found.append((ent.start, end + 1))
    return found


def _norm(name: str) -> str:
    """A name for comparison: case, apostrophes and possessives do not count."""
    return " ".join(name.replace("’", "'").replace("'s", "").lower().split())


def _absorb(target: Found, short: Found) -> None:
    """`short`'s mentions become `target`'s: one entity named two ways."""
    for surface in short.surfaces:
        target.add(surface, None)
    for sid in short.sentences:
        target.add(target.name, sid)
    target.first = min(target.first, short.first)


def _merge_org_variants(out: _Collector) -> None:
    """ "U.S. attorney's office" and "Office of Emergency Services" are the start and the
    end of names given in full elsewhere ("U.S. Attorney's Office for the Western
    District of New York", "California Governor's Office of Emergency Services")."""
    orgs = [f for f in out.found.values() if f.kind == "organization" and f.entry is None]
    renamed: dict[str, str] = {}
    for short in orgs:
        a = _norm(short.name)
        if len(a.split()) < 2:
            continue
        longer = [
            f for f in orgs
            if f is not short and len(f.name) > len(short.name)
            and (_norm(f.name).startswith(a + " ") or _norm(f.name).endswith(" " + a))
        ]  # fmt: skip
        if len(longer) != 1:
            continue
        target = longer[0]
        _absorb(target, short)
        renamed[short.name] = target.name
        del out.found[f"organization:{short.name}"]
    if renamed:
        out.spans = [
            NameSpan(s.start, s.end, renamed.get(s.name, s.name), s.kind) if s.kind == "organization" else s
            for s in out.spans
        ]


def _merge_short_forms(out: _Collector, raw: str) -> None:
    """ "Alden" (spaCy's place) is Alden Capital, named in full elsewhere: a one-word name
    no pack knows that begins the name of exactly one organisation is that organisation."""
    orgs = [f for f in out.found.values() if f.kind in ("organization", "media") and " " in f.name]
    renamed: dict[str, Found] = {}
    for key, short in list(out.found.items()):
        if short.entry is not None or short.kind not in ("organization", "place") or " " in short.name:
            continue
        longer = [
            f for f in orgs
            if _norm(f.name).startswith(_norm(short.name) + " ")
            # the IAAF is not the IAAF Council, nor the UN its Security Council, nor Uefa
            # the Uefa Nations League
            and not set(f.name.split()[len(short.name.split()) :]) & PARTS_OF_BODIES
            # "IBM's Workplace" is IBM's, not IBM
            and not (short.kind == "organization" and f.name.split()[0].endswith(("'s", "’s")))
            and not _known_before(short, f)
        ]  # fmt: skip
        if not longer and len(short.name) >= 2:
            # "NAO", "Hefce": the initials of one organisation named in full; of two letters
            # only where the article gives them so: "General Motors (GM)"
            longer = [
                f
                for f in orgs
                if short.name.upper() in _initials(f.name)
                and (len(short.name) >= 3 or f"{f.name} ({short.name})" in raw)
            ]
        if len(longer) != 1:
            continue
        target = longer[0]
        _absorb(target, short)
        renamed[short.name] = target
        del out.found[key]
    if renamed:
        out.spans = [
            NameSpan(s.start, s.end, renamed[s.name].name, renamed[s.name].kind)
            if s.name in renamed and s.kind in ("organization", "place")
            else s
            for s in out.spans
        ]


def _known_before(short: Found, longer: Found) -> bool:
    """Whether the article names `short` alone in two sentences or more (after its first)
    before it first names `longer`: "Next said … Next chief executive … Next Directory" is
    the company, then its catalogue; news gives a name in full first, then shortens it."""
    extra = set(longer.name.split()[len(short.name.split()) :])
    if extra <= OWN_KIND_WORDS:
        return False  # "Delta" is "Delta Airlines" however often it is named first
    opening = min((_sid_number(s) for s in longer.sentences), default=0)
    return sum(1 < _sid_number(s) < opening for s in short.sentences) >= 2


# Last words of a company's own full name, which say what it is: "Delta Airlines".
OWN_KIND_WORDS = CORPORATE_TAILS | {
    "Airlines", "Airways", "Air", "Motors", "Motor", "Group", "Corporation", "Company", "Industries",
    "Technologies", "Holdings", "Bank", "Oil", "Energy", "Telecom", "Communications", "Petroleum",
    "International", "Corp", "Co", "Inc", "Ltd", "Limited", "Stores", "Foods", "Steel", "Mining",
}  # fmt: skip


# A body within a body, or its event, named after it: "Microsoft Research", "Nato
# Council", "Uefa Nations League".
PARTS_OF_BODIES = {
    "Council", "Board", "Committee", "Commission", "Court", "Cup", "Foundation", "Trust", "Research",
    "Division", "Unit", "Office", "Department", "Assembly", "Security", "Institute", "Academy", "League",
    "Championship", "Championships", "Games", "Awards", "Prize", "Trophy", "Festival", "Conference",
    "TV", "Television", "Studios", "Records", "Pictures", "Music", "Films", "Publishing", "Comics",
}  # fmt: skip
SMALL_WORDS = ("of", "and", "the", "for")  # words initials may leave out: "Ministry of Defence"


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s&-]+", name) if w]


def _initials(name: str) -> set[str]:
    """ "National Audit Office" -> NAO, "Oil & Natural Gas Corp" -> ONGC, "Ministry of
    Defence" -> MD or MOD."""
    words = _name_words(name)
    if len(words) < 2:
        return set()
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return {"".join(w[0] for w in ws).upper() for ws in (words, content) if len(ws) >= 2}


def _written_initials(name: str) -> set[str]:
    """Initials as the article writes them, small words in lower case: "MoD", "BoE"."""
    words = _name_words(name)
    mixed = "".join(w[0].lower() if w.lower() in SMALL_WORDS else w[0].upper() for w in words)
    return {mixed} if len(words) >= 3 and mixed != mixed.upper() else set()


def _acronyms(name: str) -> set[str]:
    """How an article may shorten an organisation of three words or more that it names in
    full: "HEFCE" and "Hefce" for the Higher Education Funding Council for England (the
    second only where it is no English word: "Nice" is also a town)."""
    from wordfreq import zipf_frequency

    out = set(_written_initials(name))
    for short in _initials(name):
        if len(short) >= 3:
            out.add(short)
            if zipf_frequency(short.lower(), "en") < 2.5:
                out.add(short.capitalize())
    return out


# When spaCy tags one name as two kinds, the kind most of its mentions have wins; on a
# tie an organisation ("WeWork", "Stadia" read as places too), then a person.
KIND_ORDER = {"organization": 0, "media": 1, "person": 2, "place": 3}


def _kind_evidence(f: Found) -> int:
    """How sure a kind is, lower first: a pack's; a person the text gives a role
    ("talent manager Scooter Braun"); any; a "person" named like a place or a team
    ("Davis Cup", "Manchester United")."""
    if f.entry is not None:
        return 0
    if f.kind == "person":
        words = f.name.split()
        if words[-1] in NOT_SURNAMES or words[-1] == "Cup":
            return 3
        if f.role:
            return 1
    return 2


def _one_kind_per_name(out: _Collector) -> None:
    """One entry per name: "WeWork" the organisation and "WeWork" the place are one."""
    by_name: dict[str, list[tuple[str, Found]]] = {}
    for key, f in out.found.items():
        if f.kind in KIND_ORDER:
            by_name.setdefault(f.name, []).append((key, f))
    kinds: dict[str, str] = {}
    for name, keyed in by_name.items():
        if len(keyed) < 2:
            continue
        _, winner = min(
            keyed, key=lambda kf: (_kind_evidence(kf[1]), -len(kf[1].sentences), KIND_ORDER[kf[1].kind])
        )
        for key, f in keyed:
            if f is winner:
                continue
            for surface in f.surfaces:
                winner.add(surface, None)
            for sid in f.sentences:
                winner.add(winner.name, sid)
            winner.first = min(winner.first, f.first)
            winner.role = winner.role or (f.role if winner.kind == f.kind else None)
            del out.found[key]
        kinds[name] = winner.kind
    if kinds:
        out.spans = [NameSpan(s.start, s.end, s.name, kinds.get(s.name, s.kind)) for s in out.spans]


# "a statement from Lycos", "the statement issued by Lycos": a place issues none.
_ISSUERS = [["statement", "from"], ["issued", "by"], ["spokesman", "for"], ["spokeswoman", "for"]]


def _misspelt_surnames(out: _Collector) -> None:
    """ "Hassel says …", "Hassall made it clear …" where the article names Brian Hassell: a
    one-word name no pack knows, one letter from the surname of exactly one person named in
    full and from no other name, is that person misspelt (news copy often is)."""
    from rapidfuzz.distance import Levenshtein

    people = [f for f in out.found.values() if f.kind == "person" and len(f.name.split()) >= 2]
    renamed: dict[str, Found] = {}
    for key, short in list(out.found.items()):
        if short.entry is not None or " " in short.name or len(short.name) < 5 or short.kind == "system":
            continue
        near = [
            f
            for f in people
            if f.name.split()[-1] != short.name
            and short.name != f.name.split()[-1] + "s"  # "the Bidens": the family
            and f.name.split()[-1][:1] == short.name[:1]
            and Levenshtein.distance(f.name.split()[-1], short.name) == 1
        ]
        # "Brown" where the article names Gordon Brown and Des Browne: Brown's
        taken = any(f.name.split()[-1] == short.name for f in people)
        if len(near) != 1 or taken:
            continue
        _absorb(near[0], short)
        renamed[short.name] = near[0]
        del out.found[key]
    if renamed:
        out.spans = [
            NameSpan(s.start, s.end, renamed[s.name].name, "person") if s.name in renamed else s
            for s in out.spans
        ]


def _people_with_kin(t: Text, out: _Collector) -> None:
    """A one-word name no pack knows, taken for a body or a place, that has an agent, a wife
    or a father ("Juninho's agent has confirmed …", "Juninho's father was in the country"):
    a person's, as the article's "he" for it needs."""
    doc = t.doc
    kin = {
        s.name
        for s in out.spans
        if s.kind in ("organization", "place")
        and len(s.name.split()) == 1
        and s.end + 1 < len(doc)
        and doc[s.end].text in POSSESSIVE
        and doc[s.end + 1].lower_ in ONLY_A_PERSONS
    }
    for name in sorted(kin):
        key = next((f"{k}:{name}" for k in ("organization", "place") if f"{k}:{name}" in out.found), None)
        if key is None or out.found[key].entry is not None:
            continue
        found = out.found.pop(key)  # one kind per name already: no person entry beside it
        found.kind = "person"
        out.found[f"person:{name}"] = found
        out.spans = [NameSpan(s.start, s.end, s.name, "person") if s.name == name else s for s in out.spans]


def _companies_taken_for_places(t: Text, out: _Collector) -> None:
    """A place no pack knows that the text names as a company ("Electrolux saw its shares
    rise ... said Electrolux chief executive Hans Straberg") or as the issuer of a
    statement ("a statement from Lycos") is the company."""
    doc = t.doc
    companies = set()
    for s in out.spans:
        found = out.found.get(f"place:{s.name}")
        if s.kind != "place" or found is None or found.entry is not None:
            continue
        i = s.end + (s.end < len(doc) and doc[s.end].text in POSSESSIVE)
        after = [w.lower_ for w in doc[i : i + 2]]
        before = [w.lower_ for w in doc[max(0, s.start - 2) : s.start]]
        if (
            (after[:1] and (after[0] in COMPANY_WORDS or after == ["chief", "executive"]))
            or before in _ISSUERS
            or (bool(before) and before[-1] in COMPANY_NOUNS)  # "telecoms giant BT"
        ):
            companies.add(s.name)
    for name in sorted(companies):
        found = out.found.pop(f"place:{name}")
        found.kind = "organization"
        out.found[f"organization:{name}"] = found
    out.spans = [
        NameSpan(s.start, s.end, s.name, "organization") if s.kind == "place" and s.name in companies else s
        for s in out.spans
    ]


_NICKNAMED = re.compile(
    r"\b(?:calls? (?:himself|herself)|goes by the (?:[a-z]+ )?name|known online as|nicknamed)"
    r" (?P<name>[A-Z][\w-]+)(?=[\s.,;:])"
)


def _nicknames(t: Text, out: _Collector) -> None:
    """ "One recruit calls himself Heretic", "a blogger who goes by the online name
    Morquendi": a person, whatever spaCy took the word for, wherever the article writes it."""
    covered = {i for s in out.spans for i in range(s.start, s.end)}
    for m in _NICKNAMED.finditer(t.raw):
        name = m.group("name")
        for key, f in list(out.found.items()):
            if f.name == name and f.entry is None and f.kind in ("place", "organization"):
                del out.found[key]
                f.kind = "person"
                out.found[f"person:{name}"] = f
        out.spans = [NameSpan(s.start, s.end, s.name, "person") if s.name == name else s for s in out.spans]
        span = t.doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        sid = t.sid_at(span.start) if span is not None else None
        if span is None or sid is None or any(i in covered for i in range(span.start, span.end)):
            continue
        out.add(f"person:{name}", Found(None, name, "person"), name, sid, span.start, span.end)


def _other_occurrences(t: Text, out: _Collector) -> None:
    """Every other place the text writes a name already found: spaCy tags a name in
    one sentence and misses it in the next ("said a WeWork spokesperson")."""
    covered = {i for s in out.spans for i in range(s.start, s.end)}
    forms: dict[str, Found] = {}
    surnames = Counter(f.name.split()[-1] for f in out.found.values() if f.kind == "person" and " " in f.name)
    for f in out.found.values():
        if f.kind not in ("person", "organization", "media", "system"):
            continue
        names = {f.name, *f.surfaces}
        if f.kind == "person" and " " in f.name and surnames[f.name.split()[-1]] == 1:
            names.add(f.name.split()[-1])  # "Scissors" for "Derek Scissors", where no one shares it
        if f.kind == "organization":
            names |= _acronyms(f.name)
        for form in names:
            if len(form) >= 3 and form[:1].isupper() and form not in forms:
                forms[form] = f
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(t.raw):
        span = t.doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if (
            span is None
            or any(i in covered for i in range(span.start, span.end))
            or span.start < t.dateline_end
        ):
            continue
        sid = t.sid_at(span.start)
        if sid is None:
            continue
        found = forms[m.group(0)]
        found.add(m.group(0), sid, span.start)
        covered.update(range(span.start, span.end))
        out.spans.append(NameSpan(span.start, span.end, found.name, found.kind))


def _describe_organisations(t: Text, out: _Collector) -> None:
    spans: dict[str, list[tuple[int, int]]] = {}
    for s in out.spans:
        if s.kind in ("organization", "media"):
            spans.setdefault(f"{s.kind}:{s.name}", []).append((s.start, s.end))
    for key, where in spans.items():
        found = out.found.get(key)
        if found is not None and found.role is None:
            found.role = described_as(t, where)


# Nouns after a letters-and-number name that make it biology's, not a made thing's:
# "COX-2 inhibitors", "the HER-2 gene", "IL-6 levels".
BIOLOGY = {
    "inhibitor", "inhibitors", "receptor", "receptors", "gene", "genes", "protein", "proteins",
    "enzyme", "enzymes", "antibody", "antibodies", "mutation", "mutations", "hormone", "levels",
}  # fmt: skip


def _the_government(t: Text, kb: KnowledgeBase, out: _Collector) -> str | None:
    """ "the government", where the article names no government: the government of the
    country its known people and bodies belong to (Tony Blair, the Home Office: the UK),
    where they point to one, rather than the country named most (a British debate on Iraq
    names Iraq more than Britain); that one where no such person or body is named. It
    joins Who's who with the sentences that name it, but its mentions are no names for
    the speakers' pronouns ("It said", "he said" after a quotation that opens with "The
    government"). Returns its name."""
    if any(f.kind == "organization" and "government" in f.name.lower().split() for f in out.found.values()):
        return None
    belong: Counter[str] = Counter()
    for f in out.found.values():
        if f.entry is not None and f.entry.country and (f.kind == "person" or _of_the_state(f.entry)):
            belong[f.entry.country] += len(f.sentences)
    if sum(belong.values()) < 2:  # (almost) no one known: the country the article names most
        belong.update(
            {f.entry.name: len(f.sentences) for f in out.found.values() if f.kind == "country" and f.entry}
        )
    ranked = belong.most_common()
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    home = kb.lookup(ranked[0][0])
    if home is None or home.kind != "country":
        return None
    mentions = home_government(t, home)
    for start, _, name in mentions:
        made = out.found.setdefault(f"organization:{name}", Found(None, name, "organization"))
        made.add("government", t.sid_at(start), start)
    return mentions[0][2] if mentions else None


# What a pack's body of a country is when it tells whose government "the government" is:
# a ministry or a party, not a company ("Twitter": U.S. social media platform).
_STATE_BODY = re.compile(
    r"\b(?:ministry|department|party|legislature|congress|parliament|government|president|office|"
    r"army|navy|air force|armed forces|police)\b",
    re.IGNORECASE,
)


def _of_the_state(entry: Entry) -> bool:
    return bool(entry.description and _STATE_BODY.search(entry.description))


def _only_spoken_to(t: Text, out: _Collector) -> None:
    """An outlet or body named only as the one a speaker told ("told BBC Radio 4's Today
    programme") is not a party to the story."""
    for key, f in list(out.found.items()):
        if f.kind not in ("media", "organization"):
            continue
        spans = [s for s in out.spans if s.name == f.name and s.kind == f.kind]
        told_in = {t.sid_at(s.start) for s in spans}
        outlet = f.kind == "media" or is_outlet_name(f.name)
        if spans and told_in >= set(f.sentences) and all(spoken_to(t, s.start, s.end, outlet) for s in spans):
            del out.found[key]
            out.spans = [s for s in out.spans if s not in spans]
            out.told += [s for s in spans if outlet]


def _not_biology(t: Text, designations: list[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """The designations the article never writes before a word of biology (all of one
    spelling go: "Cox-2" is the enzyme of "COX-2 inhibitors" too)."""
    biology = {
        surface.lower()
        for surface, _, end, _ in designations
        if end < len(t.tokens) and t.tokens[end].lower_ in BIOLOGY
    }
    return [d for d in designations if d[0].lower() not in biology]


def _untagged_designations(t: Text, kb: KnowledgeBase, covered: set[int]) -> list[tuple[str, int, int, str]]:
    """Designations spaCy did not tag at all ("Su-5" is usually missed)."""
    found = []
    for token in t.tokens:
        if token.i in covered or token.i < t.dateline_end:
            continue
        if DESIGNATION_RE.match(token.text) or (CYRILLIC_RE.search(token.text) and "-" in token.text):
            sid = t.sid_at(token.i)
            if sid and token.text not in kb.not_entities:
                found.append((token.text, token.i, token.i + 1, sid))
    return found


def _named_others(t: Text, kb: KnowledgeBase, mentions: list[Mention], out: _Collector) -> None:
    """Organisations, places, systems and laws spaCy names that no pack lists."""
    counts = Counter(m.name for m in mentions)
    for m in mentions:
        name = strip_article(m.name)
        if not name or name in kb.not_entities or not any(c.isupper() for c in name):
            continue
        known = kb.lookup(name)
        if known is not None:  # e.g. spaCy's "the Indian Air Force"
            out.add(known.key, Found(known, known.name, known.kind), name, m.sid, m.start, m.end)
        elif m.label == "ORG" and name.split()[-1] in LAW_WORDS:
            # "the Mental Capacity Bill", "the Sarbanes-Oxley Act": a law, not a body
            if len(name.split()) > 1:
                out.add(f"term:{name}", Found(None, name, "term"), m.name, m.sid, m.start, m.end)
        elif m.label == "ORG":
            if is_organisation(t, m, counts, speaks(t, m)):
                out.add(
                    f"organization:{name}", Found(None, name, "organization"), m.name, m.sid, m.start, m.end
                )
        elif m.label in PLACE_LABELS:
            if not re.search(r"\s(?:and|&)\s", name):
                out.add(f"place:{name}", Found(None, name, "place"), m.name, m.sid, m.start, m.end)
        elif m.label == "PRODUCT" and any(c.isdigit() for c in name):
            # spaCy's PRODUCT guesses are often places or brands; a model number is a system.
            out.add(f"system:{name}", Found(None, name, "system"), m.name, m.sid, m.start, m.end)
        elif m.label == "LAW":
            out.add(f"term:{name}", Found(None, name, "term"), m.name, m.sid, m.start, m.end)


def _quantities(t: Text, sid: str, start: int) -> list[str]:
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
    for token in t.tokens[sentence.start : sentence.end]:
        nxt = token.nbor(1) if token.i + 1 < sentence.end else None
        if (
            token.like_num
            and not (token.i > sentence.start and token.nbor(-1).text == "-")  # "A350-900 jets"
            and nxt is not None
            and re.fullmatch(NUMBER_UNITS, nxt.text)
            and not (nxt.i + 1 < sentence.end and nxt.nbor(1).text == "of")
        ):
            out.append((token.i, f"{token.text} {nxt.text}"))
    return out


def _add_quantities(t: Text, out: _Collector) -> None:
    for key, start, _end, sid in out.system_mentions:
        for q in _quantities(t, sid, start):
            if q not in out.found[key].quantities:
                out.found[key].quantities.append(q)
    # A figure with a unit goes to the nearest system named before it in the sentence.
    by_sentence: dict[str, list[tuple[int, str]]] = {}
    for key, start, _end, sid in out.system_mentions:
        by_sentence.setdefault(sid, []).append((start, key))
    for sid, named in by_sentence.items():
        for pos, quantity in _unit_quantities(t, sid):
            before = [m for m in named if m[0] < pos]
            if before:
                key = max(before)[1]
                if quantity not in out.found[key].quantities:
                    out.found[key].quantities.append(quantity)


def _records(found: dict[str, Found]) -> tuple[list[Stakeholder], list[System], list[GlossaryEntry]]:
    def first_mention(f: Found) -> tuple[int, int, str]:
        return (min(int(s[1:]) for s in f.sentences), f.first, f.name)

    stakeholders, systems, glossary = [], [], []
    for f in sorted((f for f in found.values() if f.sentences), key=first_mention):
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
            stakeholders.append(
                Stakeholder(
                    f.name,
                    f.kind,
                    role,
                    aliases,
                    sids,
                    entry is not None,
                    country,
                    description=entry.description if entry else None,
                    pack=entry.pack if entry else None,
                )
            )
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
                    maker=entry.maker if entry else None,
                    in_service=entry.in_service if entry else None,
                    operators=list(entry.operators) if entry else [],
                    pack=entry.pack if entry else None,
                )
            )
        elif f.kind == "term":
            kind = (entry.term_kind or "acronym") if entry else "law"
            glossary.append(GlossaryEntry(f.name, entry.expansion if entry else None, sids, kind))
    return stakeholders, systems, glossary


__all__ = ["Entities", "NameSpan", "clean", "extract_entities"]
