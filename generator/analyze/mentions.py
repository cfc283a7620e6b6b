"""Name mentions: spaCy's entity spans cut to the name itself, with their kind.

spaCy's spans are often a word too long or too short for a page: "Email Tariq
Malik", "Former National Security Council", "NPR's Feng", "the Diplomatic
Academy of" (its end lost to "Vietnam", which the packs claimed first). A mention
keeps only the name: a leading title or honorific becomes the person's title, a
possessive owner becomes an owner, and a name cut before its end is joined to
the name that follows or dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .packs import Entry, KnowledgeBase
from .text import Text, clean

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME_TAGS = {"NNP", "NNPS"}
COMMON_WORD = 3.0  # Zipf frequency (wordfreq) of an English word no one is named
SURNAME_AT_MOST = 4.0  # above it, a word is more likely English than a surname ("Tech", "Smith")
# Words before a name that say who the person is rather than being the name.
HONORIFICS = {
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord",
    "lady", "rev", "rev.", "revd", "reverend", "rt", "rt.", "hon", "hon.", "fr", "fr.",
}  # fmt: skip
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen", "prince",
    "princess", "princes", "sheikh", "emir", "pope", "general", "gen", "gen.", "admiral", "adm", "adm.",
    "colonel", "col", "col.", "lt", "lt.", "lieutenant", "major", "maj", "maj.", "captain", "capt", "capt.",
    "sergeant", "sgt", "sgt.", "commander", "cmdr", "marshal", "senator", "sen", "sen.", "representative",
    "rep", "rep.", "congressman", "congresswoman", "governor", "gov", "gov.", "mayor", "ambassador",
    "judge", "justice", "chief", "officer", "director", "chairman", "chairwoman", "chair", "ceo", "cfo",
    "coo", "spokesman", "spokeswoman", "spokesperson", "deputy", "attorney", "detective", "inspector",
    "sheriff", "superintendent", "councillor", "councilman", "councilwoman", "premier", "speaker",
    "leader", "founder", "co-founder", "editor", "editor-in-chief", "correspondent", "analyst",
    "economist", "professor", "former", "interim", "acting", "late", "then", "coach", "manager",
    "executive", "chief executive", "head", "envoy", "dr", "pastor", "bishop", "cardinal", "archbishop",
    "imam", "rabbi", "crown", "supreme", "foreign", "defence", "defense", "interior", "finance", "home",
    "health", "trade", "commerce", "energy", "press", "house", "senate", "state", "u.s.", "us",
}  # fmt: skip
FEMALE = {"ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "queen", "princess", "congresswoman",
          "chairwoman", "spokeswoman", "councilwoman"}  # fmt: skip
MALE = {"mr", "mr.", "sir", "lord", "king", "prince", "congressman", "chairman", "spokesman", "councilman"}


def honorific_gender(word: str) -> str | None:
    """ "f" or "m" for a lower-cased honorific or title of one gender ("mrs", "sir")."""
    return "f" if word in FEMALE else "m" if word in MALE else None


# Words that end a cut name: "Bank of the", "Diplomatic Academy of".
OPEN_ENDS = {"of", "for", "the", "and", "&", "on", "in", "at", "to", "de", "del", "la", "von", "van"}
POSSESSIVE = ("'s", "’s", "'", "’")
# A single capitalised word that spaCy calls an organisation but names none on its own.
GENERIC_ORG_WORDS = {
    "court", "government", "police", "state", "ministry", "department", "committee", "agency", "office",
    "council", "commission", "parliament", "congress", "senate", "house", "army", "navy", "military",
    "administration", "authority", "university", "company", "group", "national", "federal", "story",
    "benchmark", "ticker", "security", "bank", "board", "church", "team", "party",
}  # fmt: skip
CORPORATE_TAILS = {"Inc.", "Inc", "Ltd", "Ltd.", "LLC", "Corp.", "Co.", "S.A.", "AG", "plc", "PLC"}
LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
# U.S. states as datelines and listings abbreviate them ("COLUMBIA, S.C.", "Phoenix, AZ"),
# which spaCy often takes for organisations. Only where spaCy already found a name: as
# patterns of their own they would break longer names ("Virginia Giuffre").
US_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "AZ": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "CA": "California", "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "FL": "Florida", "Ga.": "Georgia (U.S. state)", "Ill.": "Illinois", "IL": "Illinois", "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "MI": "Michigan", "Minn.": "Minnesota", "MN": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "NV": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "NJ": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "NY": "New York",
    "N.C.": "North Carolina", "NC": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}  # fmt: skip
# Postal codes that are also something else ("MD" a doctor, "VA" Veterans Affairs, "CT" a
# scan, "CO", "MA", "NE", "SC", "IN", "OR", "ME", "OK", "LA", "PA") are left out; these
# count only where spaCy saw a place or a listing writes "Town, XX".
POSTAL_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AR": "Arkansas", "GA": "Georgia (U.S. state)", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "MO": "Missouri", "MT": "Montana", "NH": "New Hampshire",
    "NM": "New Mexico", "ND": "North Dakota", "RI": "Rhode Island", "SD": "South Dakota", "VT": "Vermont",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia",
}  # fmt: skip
# The words of states' names that may also be a given name or surname ("Virginia Beach",
# "Sierra Nevada", "Carolina Panthers").
STATE_WORDS = {
    w for name in {*US_STATES.values(), *POSTAL_CODES.values()} for w in name.split() if w.isalpha()
} - {"New", "North", "South", "West", "District", "of", "Rhode", "Island", "state"}


@dataclass
class Mention:
    """One name in the text, cut to the name: tokens [start, end) of the doc."""

    start: int
    end: int
    name: str
    label: str  # spaCy's (or the ruler's) label
    sid: str
    entry: Entry | None = None  # the knowledge-pack entry it names, if any
    title: str | None = None  # "Interior Minister" before "Wolfgang Peschorn"
    honorific: str | None = None  # "Ms" before "Persson"
    owner: str | None = None  # "NPR" in "NPR's Feng"


@dataclass
class Found:
    """An entity as the article names it, with every surface form and sentence."""

    entry: Entry | None
    name: str
    kind: str
    surfaces: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    role: str | None = None
    category: str | None = None
    quantities: list[str] = field(default_factory=list)
    first: int = 10**9  # token index of the first mention

    def add(self, surface: str, sid: str | None, at: int | None = None) -> None:
        if surface not in self.surfaces:
            self.surfaces.append(surface)
        if sid and sid not in self.sentences:
            self.sentences.append(sid)
        if at is not None:
            self.first = min(self.first, at)


_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")


# What a person is, which a headline or a sentence's first word capitalises before the
# name: "Rapper 50 Cent", "Striker Nicolas Anelka", "Lawyer David Oblon".
KIND_ACRONYMS = {"ISP", "ISPs", "NGO", "NGOs"}  # kinds of body written before a body's name
DESCRIPTORS = {
    "rapper", "singer", "actor", "actress", "comedian", "striker", "midfielder", "defender",
    "goalkeeper", "winger", "sprinter", "hurdler", "batsman", "bowler", "pop", "star", "veteran",
    "tycoon", "billionaire", "magnate", "designer", "presenter", "broadcaster", "novelist", "author",
    "lawyer", "attorney", "barrister", "solicitor", "cinematographer", "composer", "director", "producer",
    "photographer", "playwright", "poet", "artist", "musician", "guitarist", "drummer", "pianist",
    "economist", "analyst", "journalist", "columnist", "blogger", "entrepreneur", "chef", "coach",
    "employee", "worker", "resident", "witness", "neighbour", "neighbor", "student", "teacher", "nurse",
}  # fmt: skip


def strip_article(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", clean(text))
    return re.sub(r"[’']s?$", "", text).strip()


def _is_sentence_start(t: Text, i: int) -> bool:
    token = t.tokens[i]
    return token.is_sent_start or (i > 0 and t.tokens[i - 1].text in ("“", '"', "‘", "(", "—", "–", "-"))


# Lower-case words that open a person's name: "de Villiers", "van Gaal", "bin Laden".
NAME_PARTICLES = {
    "de", "van", "von", "bin", "al", "el", "da", "di", "la", "le", "du", "del", "della", "dos", "das",
    "ibn", "ter", "den", "der", "af", "zu", "st", "mac",
}  # fmt: skip


def _trim(t: Text, start: int, end: int, person: bool) -> tuple[int, int, list[str]]:
    """The span without leading articles, sentence-initial common words ("Email Tariq
    Malik", "Former National Security Council") and, before a person's name, titles
    and honorifics; without a trailing possessive or punctuation. Returns the words
    taken off the front of a person's name."""
    doc = t.doc
    front: list[str] = []
    while start < end:
        token = doc[start]
        low = token.lower_
        if token.is_punct or low in ("the", "a", "an") or token.text in POSSESSIVE:
            start += 1
        elif not person and token.text in KIND_ACRONYMS and end - start > 1:
            start += 1  # "ISP Freedom2surf": what the body is, before its name
        elif not person and (post := _post_of(doc, start, end)) is not None:
            start = post  # "Founder of Ceres Robotics Inc.": the body, not the post in it
        elif person and (low in HONORIFICS or low in TITLE_WORDS or low in DESCRIPTORS):
            front.append(token.text)
            start += 1
        elif person and token.text[:1].islower() and low not in NAME_PARTICLES and end - start > 1:
            start += 1  # "rang Taylor", whatever the tagger made of "rang"
        elif person and re.fullmatch(r"[A-Z]", token.text) and end - start > 2:
            start += 1  # a player's position in a box score: "F Hamidou Diallo"
        elif person and end - start > 1 and _is_sentence_start(t, start) and _opening_verb(token):
            start += 1
        elif person and (code := _position_code(doc, start, end)) is not None:
            front += [w.text for w in doc[start : code + 1]]  # "Browns DL Sheldon Richardson"
            start = code + 1
        elif token.tag_ not in NAME_TAGS and (
            token.text[:1].islower()
            # "Email Tariq Malik" loses "Email"; "Will Moy" keeps "Will" (tagged as a verb)
            or (_is_sentence_start(t, start) and (not person or end - start > 2))
        ):
            start += 1
        else:
            break
    if person:
        # No digit is part of a person's name: "Uchiyama 6-2", "Aiden Haig 1 goal".
        end = next((i for i in range(start + 1, end) if any(c.isdigit() for c in doc[i].text)), end)
    # Not a trailing possessive or punctuation, nor a score ("Melbourne 1-0", "Chile 3 - 0"
    # as three tokens).
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE or _SCORE.fullmatch(doc[end - 1].text)
    ):
        end -= 1
    if end - start >= 4 and _SCORE.fullmatch(doc[end - 3 : end].text.replace(" ", "")):
        end -= 3
    return start, end, front


# A person's post in a body, which the tagger may read as the start of the body's name
POSTS_IN_A_BODY = {
    "founder", "co-founder", "ceo", "chairman", "chairwoman", "executive", "editor", "professor",
    "manager", "coach", "spokesman", "spokeswoman", "spokesperson",
}  # fmt: skip


def _post_of(doc: Doc, start: int, end: int) -> int | None:
    """Where the body starts after a post "of" it ("CEO and Founder of Ceres Robotics")."""
    at = start
    while at < end and (doc[at].lower_ in POSTS_IN_A_BODY or doc[at].lower_ in ("and", "&", "chief")):
        at += 1
    if at == start or at + 1 >= end or doc[at].lower_ != "of" or doc[at - 1].lower_ not in POSTS_IN_A_BODY:
        return None
    return at + 1


def _person_named_like(t: Text, ent: Span, entry: Entry) -> int | None:
    """The end of a person's name that opens with a one-word pack name for a body or a
    system that is also a given name ("Rafael" Nadal), if a surname follows it: a
    capitalised word no entity claims, rare as an English word (not "Georgia Tech")."""
    if entry.kind not in ("organization", "system", "media") or len(ent) != 1:
        return None
    from wordfreq import zipf_frequency

    from .people import first_names

    if ent.text.lower() not in first_names():
        return None
    doc = t.doc
    people = {w.text for w in doc if w.ent_type_ == "PERSON"}
    end = ent.end
    while end < len(doc) and end - ent.end < 2:
        word = doc[end]
        surname = word.tag_ == "NNP" and word.text.isalpha() and word.text[:1].isupper()
        if not surname or word.ent_type_ not in ("", "PERSON") or word.is_sent_start:
            break
        if word.text not in people and zipf_frequency(word.lower_, "en") >= SURNAME_AT_MOST:
            break
        end += 1
    return end if end > ent.end else None


def _opening_verb(token: Token) -> bool:
    """ "Hosting Cook at Dreamforce is our dream": a sentence's first word, an English word in
    -ing, is not a first name ("Sterling Brown" keeps his), however the parse tags it."""
    low = token.lower_
    if not low.endswith("ing"):
        return False
    from wordfreq import zipf_frequency

    from .people import first_names

    return low not in first_names() and zipf_frequency(low, "en") >= COMMON_WORD


def _position_code(doc: Doc, start: int, end: int) -> int | None:
    """Where a team and a player's position in capitals stand before a full name
    ("Browns DL Sheldon Richardson", "Steelers QB Mason Rudolph"): the position's index."""
    for i in range(start, end - 2):
        if re.fullmatch(r"[A-Z]{2,3}", doc[i].text) and all(w.text[:1].isupper() for w in doc[i + 1 : end]):
            return i
    return None


def _owner(t: Text, start: int, end: int) -> tuple[int, str | None]:
    """ "NPR's Feng": the name after a possessive inside the span, and its owner."""
    for i in range(end - 2, start, -1):  # a possessive at the very end is the name's own
        if t.doc[i].text in POSSESSIVE:
            owner = clean(t.doc[start:i].text)
            return i + 1, owner or None
    return start, None


def entity_mentions(t: Text, kb: KnowledgeBase, taken: set[int]) -> list[Mention]:
    """Every name spaCy or the packs found, outside the dateline and the tokens in
    `taken` (already read as systems), cut to the name."""
    out: list[Mention] = []
    arm_end = 0
    ents = _company_names_joined(t, list(t.ents))
    for n, ent in enumerate(ents):
        if ent.start < t.dateline_end or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.start < arm_end:
            continue  # the rest of a name read with the one before ("Sony" "Pictures Entertainment")
        sid = t.sid_at(ent.start)
        if sid is None or ent.label_ in (
            "DATE",
            "TIME",
            "CARDINAL",
            "ORDINAL",
            "MONEY",
            "PERCENT",
            "QUANTITY",
        ):
            continue
        entry = kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None and (end := _person_named_like(t, ent, entry)) is not None:
            # "Rafael Nadal", "Rafael Benitez": a given name a pack body goes by, then a surname
            out.append(Mention(ent.start, end, clean(t.doc[ent.start : end].text), "PERSON", sid))
            arm_end = end
            continue
        if entry is not None:
            if (end := _arm_of(t, ent, entry)) is not None:
                # "Sony Pictures", "Barclays Capital": an arm of the pack's body, by its own name
                out.append(Mention(ent.start, end, clean(t.doc[ent.start : end].text), "ORG", sid))
                arm_end = end
            elif not _inside_longer_name(t, ent, entry):
                out.append(Mention(ent.start, ent.end, clean(ent.text), ent.label_, sid, entry))
            continue
        previous = ents[n - 1] if n else None
        mention = _cut(t, ent, ents[n + 1] if n + 1 < len(ents) else None, kb, sid)
        if mention is not None and ent.label_ == "ORG":
            owned = _owned_start(t, mention.start, mention.end)
            mention.start = owned if owned > mention.start else _owner_start(t, mention.start, previous)
            mention.name = clean(t.doc[mention.start : mention.end].text)
        if (
            mention is not None
            and ent.label_ == "ORG"
            and previous is not None
            and previous.end == mention.start
            and previous.ent_id_.startswith("country:")
        ):
            # "Chinese" + "Center for Disease Control and Prevention": one organisation
            # (the packs claimed the nationality first).
            mention.start = previous.start
            mention.name = clean(t.doc[previous.start : mention.end].text)
        if mention is not None and ent.label_ == "ORG" and _two_nations(t, kb, previous, mention.start):
            # "British and Irish Lions": the tagger gave the first nation to the packs
            mention.start = previous.start  # type: ignore[union-attr]
            mention.name = clean(t.doc[mention.start : mention.end].text)
            if out and out[-1].start == mention.start:
                out.pop()  # "British" was read as the country
        if mention is not None and mention.name in US_STATES and mention.label != "PERSON":
            mention = Mention(mention.start, mention.end, US_STATES[mention.name], "GPE", sid)
        elif mention is not None and mention.name in POSTAL_CODES and _a_place_code(t, mention):
            mention = Mention(mention.start, mention.end, POSTAL_CODES[mention.name], "GPE", sid)
        if mention is not None and mention.name not in KIND_ACRONYMS:  # "provider (ISP)": a kind
            out.append(mention)
    return out


NATIONAL_ENDINGS = ("ish", "ian", "ese", "ch")  # "Irish", "Australian", "Chinese", "Dutch"


def _two_nations(t: Text, kb: KnowledgeBase, previous: Span | None, start: int) -> bool:
    """Whether a body's name at `start` opens with a nationality after another and "and"
    ("British and" + "Irish Lions")."""
    doc = t.doc
    if previous is None or len(previous) != 1 or previous.end != start - 1 or doc[start - 1].lower_ != "and":
        return False
    first, second = previous.text, doc[start].text

    def national(word: str) -> bool:
        entry = kb.lookup(word)
        return word[:1].isupper() and (
            (entry is not None and entry.kind == "country") or word.endswith(NATIONAL_ENDINGS)
        )

    return previous.label_ in ("GPE", "NORP") and national(first) and national(second) and first != second


def _a_place_code(t: Text, m: Mention) -> bool:
    """ "Meth is IN SD" (spaCy's place) or "Boston, MA" (a listing's town and state)."""
    before = t.tokens[m.start - 2 : m.start] if m.start >= 2 else []
    town = len(before) == 2 and before[1].text == "," and before[0].text[:1].isupper()
    return m.label == "GPE" or town


def _company_names_joined(t: Text, ents: list[Span]) -> list[Span]:
    """ "Nissan North" + "America" + "Inc.": a company name spaCy split at a place inside
    it is one organisation when a corporate ending closes it (the ending left out)."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.label_ == "ORG"
            and not previous.ent_id_
            and ent.label_ in ("GPE", "LOC")
            and previous.end == ent.start
            and ent.end < len(t.tokens)
            and t.tokens[ent.end].text in CORPORATE_TAILS
        ):
            out[-1] = Span(t.doc, previous.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


# Words that name a company's arm after its parent's name: "Sony Pictures", "BT Retail".
ARM_WORDS = {
    "Pictures", "Music", "Entertainment", "Capital", "Retail", "Consumer", "Wholesale", "Securities",
    "Investments", "Networks", "Records", "Studios", "Films", "Publishing", "Holdings", "Labs",
    "Ventures", "Research", "Software", "Electronics", "Interactive",
}  # fmt: skip


def _arm_of(t: Text, ent: Span, entry: Entry) -> int | None:
    """The end of a longer name that opens with a pack body's and goes on with an arm's
    word ("Sony Pictures Entertainment"), if the text has one."""
    if entry.kind != "organization":
        return None
    end = ent.end
    if _arm_in_a_country(t, end):
        return end + 1  # "according to eBay UK", "Microsoft France said": the company's arm there
    while end < len(t.doc) and t.doc[end].text in ARM_WORDS and t.doc[end].ent_type_ in ("", "ORG"):
        end += 1
    if end == ent.end and (unit := _unit_end(t, end) or _committee_end(t, end)):
        return unit  # "Downing Street Strategy Unit", "Commons science and technology committee"
    if end > ent.end and t.doc[end - 1].ent_type_ == "ORG":
        # the tagger's own name for the rest ("Pictures Entertainment") is part of it
        while end < len(t.doc) and t.doc[end].ent_iob_ == "I":
            end += 1
    return end if end > ent.end else None


UNIT_WORDS = {"Unit", "Office", "Team", "Division", "Directorate", "Secretariat"}


def _unit_end(t: Text, at: int) -> int | None:
    """The end of up to three capitalised words from token `at` that end in a unit's word
    ("Strategy Unit", "Press Office"), if they do."""
    doc = t.doc
    for end in range(at + 1, min(at + 4, len(doc) + 1)):
        word = doc[end - 1]
        if not (word.tag_ in ("NNP", "NNPS") and word.text[:1].isupper()) or word.is_sent_start:
            return None
        if word.text in UNIT_WORDS:
            return _of_name_end(doc, end)
    return None


def _of_name_end(doc: Doc, end: int) -> int:
    """The end of a unit's name that goes on with "of" and capitalised words ("DHS Office
    of Inspector General")."""
    at = end
    if at < len(doc) and doc[at].lower_ == "of":
        at += 1 + int(at + 1 < len(doc) and doc[at + 1].lower_ == "the")
        words = at
        while words < len(doc) and doc[words].tag_ in ("NNP", "NNPS") and doc[words].text[:1].isupper():
            words += 1
        if words > at:
            return words
    return end


def _committee_end(t: Text, at: int) -> int | None:
    """The end of a committee named by its subject after a body's name, in either case:
    "(Commons) science and technology committee", "(House of Commons) International
    Development Committee", "(Commons) intelligence and security committee"."""
    doc = t.doc
    for end in range(at + 1, min(at + 7, len(doc) + 1)):
        word = doc[end - 1]
        if word.lower_ == "committee":
            return end if end - 1 > at else None
        if word.is_sent_start or not (word.is_alpha or word.text == "&") or word.lower_ in ("the", "a", "an"):
            return None
        if word.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "CC", "HYPH") or word.lower_ in ("or", "but"):
            return None
    return None


def _arm_in_a_country(t: Text, at: int) -> bool:
    """Whether token `at`, right after a body's name, is a one-word country that ends the
    phrase ("eBay UK said"), not one that qualifies what follows ("White House Russia
    expert")."""
    doc = t.doc
    if at >= len(doc) or not doc[at].ent_id_.startswith("country:") or doc[at].ent_iob_ != "B":
        return False
    after = doc[at + 1] if at + 1 < len(doc) else None
    qualifies = after is not None and after.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD")
    return after is None or (after.ent_iob_ != "I" and not qualifies)


def _inside_longer_name(t: Text, ent: Span, entry: Entry) -> bool:
    """ "Security Council" in "National Security Council": a pack name for a body that is
    the tail of a longer proper name is not that body."""
    if entry.kind not in ("organization", "media") or ent.start == 0:
        return False
    before = t.doc[ent.start - 1]
    return (
        before.tag_ == "NNP"
        and before.text[:1].isupper()
        and not before.ent_type_
        and not before.is_sent_start
    )


def _owned_start(t: Text, start: int, end: int) -> int:
    """ "FX’s Legion", "Braun’s Ithaca Holdings": the tagger keeps an owner before a curly
    possessive in the name (before a straight one it does not). The name starts after it
    where the owner is a name of its own: an acronym, a pack's, or the last word of a longer
    name the article gives ("Scooter Braun"); "Women’s Institute" stays whole."""
    doc = t.doc
    for i in range(start + 1, end - 1):
        if doc[i].text not in POSSESSIVE:
            continue
        owner = doc[start:i]
        # the last word of a longer name the tagger found ("Scooter Braun"), whatever it took it for
        surnames = {e[-1].text for e in doc.ents if len(e) > 1 and not e.start <= start < e.end}
        if (
            (len(owner) == 1 and owner.text.isupper() and len(owner.text) > 1)
            or any(w.ent_id_ for w in owner)
            or (len(owner) == 1 and owner.text in surnames)
        ):
            return i + 1
        return start
    return start


def _owner_start(t: Text, start: int, previous: Span | None) -> int:
    """ "California Governor's" + "Office of Emergency Services": an organisation named
    with its owner's possessive, where the owner is no country or person of its own."""
    doc = t.doc
    if start < 2 or doc[start - 1].text not in POSSESSIVE:
        return start
    first = start - 1
    while first - 1 >= t.dateline_end and doc[first - 1].tag_ == "NNP" and doc[first - 1].text[:1].isupper():
        first -= 1
    owner = doc[first : start - 1]
    if not len(owner) or any(w.ent_id_ or w.ent_type_ in ("PERSON", "DATE", "TIME") for w in owner):
        return start  # (nor "Saturday's" of "Saturday's Rugby Aid": a day, no owner)
    if all(w.ent_type_ in ("GPE", "LOC", "NORP") for w in owner):
        return start  # "Korea's Hyundai": a place's company is the company
    return first


# The words a newspaper's name ends in, which the tagger may leave out of it
MASTHEAD_WORDS = {
    "Leader", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Chronicle", "Examiner",
    "Inquirer", "Courier", "Register", "Dispatch", "Bulletin", "Telegraph", "Observer", "Courant",
    "Advertiser", "Sentinel", "Enquirer", "Statesman", "Argus", "Mercury", "Standard",
}  # fmt: skip


def _masthead_after(doc: Doc, end: int) -> bool:
    """Whether the word after a name is its paper's masthead word, the head the name's
    words hang on ("the Sioux Falls Argus Leader")."""
    if end >= len(doc) or end == 0:
        return False
    word = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    return (
        word.text in MASTHEAD_WORDS
        and (after is None or after.tag_ not in ("NNP", "NNPS"))  # "Senate Leader Mitch McConnell": a title
        and not word.ent_type_
        and word.tag_ == "NNP"
        and doc[end - 1].head.i == end
        and doc[end - 1].dep_ == "compound"
    )


def _cut(t: Text, ent: Span, following: Span | None, kb: KnowledgeBase, sid: str) -> Mention | None:
    start, end = ent.start, ent.end
    owner = None
    if ent.label_ == "PERSON":
        start, owner = _owner(t, start, end)
    label = ent.label_
    rest = t.doc[start + 1 : end]
    if label in ("ORG", "PERSON") and rest and t.doc[start].lower_ in DESCRIPTORS and not rest[0].like_num:
        # "Rapper 50 Cent scores chart first": a headline's capital on what he is, not a name
        label = "PERSON"
    start, end, front = _trim(t, start, end, person=label == "PERSON")
    for i in range(start, end):
        # "Christopher D. Battin: Dealing in …": a name ends at a colon; "Draper, Firefly
        # Aerospace" is two names, of which the first is kept here.
        if t.doc[i].text in (":", ";", "(", "|", "@") or (
            t.doc[i].text == "," and i + 1 < end and t.doc[i + 1].text not in CORPORATE_TAILS
        ):
            end = i
            break
    if start >= end:
        return None
    doc = t.doc
    # A name cut before its end ("the Diplomatic Academy of" + "Vietnam") is joined to
    # the name that follows; a name that still ends open is no name.
    hyphenated = end - 2 >= start and doc[end - 2].text == "-"  # "Moon Jae-in" ends in a name
    if (
        doc[end - 1].lower_ in OPEN_ENDS
        and not hyphenated
        and following is not None
        and following.start == end
    ):
        end = following.end
        # "the Confederation of" + "British" + "Industry", a word spaCy left out of both
        while (
            end < len(doc)
            and doc[end].tag_ in NAME_TAGS
            and doc[end].text[:1].isupper()
            and not doc[end].ent_type_
        ):
            end += 1
    if (doc[end - 1].lower_ in OPEN_ENDS and not hyphenated) or doc[start].lower_ in OPEN_ENDS:
        return None
    if label == "ORG" and end - start >= 2 and _masthead_after(doc, end):
        end += 1  # "the Sioux Falls Argus" + "Leader": a paper's name ends in its masthead word
    name = clean(doc[start:end].text)
    if not any(ch.isupper() for ch in name) or name in kb.not_entities:
        return None
    title = None
    honorific = None
    titles = [w for w in front if w.lower() not in HONORIFICS]
    if len(titles) < len(front):
        honorific = next(w for w in front if w.lower() in HONORIFICS)
    if titles:
        title = " ".join(titles)
    entry = kb.lookup(name) or kb.lookup(strip_article(name))
    return Mention(start, end, name, label, sid, entry, title, honorific, owner)
