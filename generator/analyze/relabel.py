"""Persons spaCy's small model labels as organisations or places, and the reverse.

spaCy tags "Brad Marchand" and "Boone Jenner" in a list of goals as organisations,
and "Chronicle" after "The San Francisco Chronicle" as a person. These functions
move such names to the kind the rest of the article shows.
"""

from __future__ import annotations

from collections import Counter

from .mentions import GENERIC_ORG_WORDS, STATE_WORDS, TITLE_WORDS, Mention
from .organisations import ORG_ANAPHORS, ORG_HEADS, ORG_SUFFIXES
from .people import PERSON_TITLES, ROLE_NOUNS, gender_of_first_name, speaks, title_before
from .text import Text

BODY_WORDS = GENERIC_ORG_WORDS | ORG_HEADS | ORG_ANAPHORS  # "Fabian Society" is no person
MISTAKEN_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")  # what spaCy's small model calls a person


def people_mislabelled(t: Text, people: list[Mention], others: list[Mention]) -> list[Mention]:
    """Persons spaCy took for organisations or places: a single word that is the
    surname of a person named in full ("Clarke said"), and a two- or three-word
    name after a person's title ("executive chair Marcelo Claure"), before "who"
    ("Montell Figgins, who represents Thomas, said") or opening with a given name
    (`_given_name_first`)."""
    out = []
    # "Walter Reed hospital": a name that modifies a noun names a place or body after someone.
    modifiers = {m.name for m in others if _modifies_a_noun(t, m)}
    for m in others:
        words = m.name.split()
        if m.label in MISTAKEN_LABELS and _surname_after_title_and_given_name(t, m):
            # "Cardinal Cormac Murphy-O'Connor", where spaCy saw only "Murphy-O'Connor"
            m.start -= 1
            m.name = f"{t.tokens[m.start].text} {m.name}"
            m.title = title_before(t, m)
            out.append(m)
        elif m.label in MISTAKEN_LABELS and 2 <= len(words) <= 3 and not set(words) & ORG_SUFFIXES:
            title = title_before(t, m) if all(w[:1].isupper() for w in words) else None
            if title and title.split()[-1].lower() in PERSON_TITLES:
                m.title = title
                out.append(m)
            elif all(w[:1].isupper() for w in words) and (
                _who_follows(t, m)
                or (gender_of_first_name(m.name) is not None and _titled_after(t, m))
                or (
                    _given_name_first(m)
                    and m.name not in modifiers
                    and (len(words) == 2 or _surname_alone(t, m))
                )
                or (m.entry is None and m.label in ("FAC", "LOC") and speaks(t, m))
            ):
                out.append(m)  # "Sundar Katwala said": a building or a region does not speak
    # "SNP Holyrood leader Nicola Sturgeon … Ms Sturgeon said": a name the text gives an
    # honorific is a person's, in full and alone
    honoured = {w.text for w in t.tokens[1:] if t.tokens[w.i - 1].lower_.rstrip(".") in PERSONAL_HONORIFICS}
    for m in others:
        words = m.name.split()
        if (
            m not in out
            and m.label in MISTAKEN_LABELS
            and m.entry is None
            and len(words) == 2  # not "EADS Philippe Camus", a company before the name
            and words[-1] in honoured
            and all(w[:1].isupper() for w in words)
            and not set(words) & ORG_SUFFIXES
            and words[-1] not in NOT_SURNAMES
        ):
            out.append(m)
    surnames = {m.name.split()[-1] for m in people + out if len(m.name.split()) >= 2}
    out += [m for m in others if m.label in MISTAKEN_LABELS and m.name in surnames and m not in out]
    return out


PERSONAL_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr"}


# Given names that are also places or outlets ("Denver Post", "Virginia Beach", "Fox News").
PLACE_GIVEN_NAMES = {
    "Denver", "Dallas", "Houston", "Austin", "Orlando", "Phoenix", "Charlotte", "Florence", "Paris",
    "Sydney", "Victoria", "Jordan", "Chelsea", "Madison", "Lincoln", "Jackson", "Washington", "Fox",
    "Sterling", "Don", "Sierra", "Alden", "Bartholomew", "Marion", "Montgomery", "Warren", "Clay",
}  # fmt: skip
# Last words of places and bodies, never a surname in a list of players.
NOT_SURNAMES = {
    "County", "City", "Beach", "Post", "News", "Hospital", "Capital", "Times", "Journal", "Herald",
    "Tribune", "Press", "Park", "Valley", "Springs", "Falls", "Lake", "River", "Bay", "Island", "Hills",
    "Street", "Avenue", "Road", "Square", "Hall", "Stadium", "Arena", "Airport", "Station", "Bridge",
    "Records", "Media", "Holdings", "Partners", "Ventures", "Labs", "Studios", "Entertainment", "Pictures",
    "Motors", "Airlines", "Airways", "Energy", "Health", "Club", "FC", "United", "Tech", "State",
}  # fmt: skip


def _modifies_a_noun(t: Text, m: Mention) -> bool:
    last = t.tokens[m.end - 1]
    return last.dep_ == "compound" and last.head.i >= m.end and last.head.text.islower()


def _surname_after_title_and_given_name(t: Text, m: Mention) -> bool:
    """One capitalised word after a title and a given name: "Cardinal Cormac" before it."""
    if m.entry is not None or len(m.name.split()) != 1 or m.start < 2 or not m.name[:1].isupper():
        return False
    given, title = t.tokens[m.start - 1], t.tokens[m.start - 2]
    return (
        given.tag_ == "NNP"
        and given.ent_type_ == ""
        and gender_of_first_name(f"{given.text} {m.name}") is not None
        and title.lower_ in TITLE_WORDS
        and title.text[:1].isupper()
    )


def _given_name_first(m: Mention) -> bool:
    """ "Mason Rudolph", "Brad Marchand": two words, the first a given name nearly always
    one gender's, the second a surname: spaCy's organisation or place in a list of players."""
    words = m.name.split()
    if (
        m.entry is not None
        or len(words) not in (2, 3)
        or m.label == "NORP"
        or gender_of_first_name(m.name) is None
    ):
        return False  # nor "Roman Catholics", a faith
    first, *rest = words
    return (
        all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in rest)
        and first not in PLACE_GIVEN_NAMES
        and not set(rest) & (NOT_SURNAMES | COMPANY_TAILS)
        and not {w.lower() for w in rest} & BODY_WORDS  # "Fabian Society"
        and not set(words) & STATE_WORDS
    )


def _surname_alone(t: Text, m: Mention) -> bool:
    """Whether the last word of a three-word name stands alone elsewhere, as a person's
    surname does ("Penelope Muse Abernathy … Abernathy reported"; not "the Finals"), and
    no word after the first is a common word."""
    words = m.name.split()
    last, before = words[-1], words[-2]
    if any(common_word(w) for w in words[1:]):
        return False  # "Davis Cup Finals", "Christian Medical Fellowship"
    return any(
        w.text == last
        and w.i > 0
        and t.tokens[w.i - 1].text not in (before, "the", "The")
        and not m.start <= w.i < m.end
        for w in t.tokens
    )


def common_word(word: str, zipf: float = 4.4) -> bool:
    """A word at least as common in English as `zipf` (wordfreq's scale): surnames and
    given names are rarer than "finals", "medical" (4.4) or "senator" (4.6)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= zipf


# Last words of a company's name that no person's ends with ("Dick Clark Productions").
COMPANY_TAILS = {
    "Productions", "Records", "Studios", "Pictures", "Entertainment", "Media", "Holdings", "Partners",
    "Ventures", "Labs", "Motors", "Airlines", "Airways", "Group", "Corporation", "Company", "Industries",
    "Technologies", "Foundation", "Institute", "Associates", "Enterprises", "Films", "Publishing",
}  # fmt: skip


def not_people(people: list[Mention], others: list[Mention]) -> list[Mention]:
    """Names spaCy took for persons that are organisations: a single word that ends an
    organisation's name given in full elsewhere ("The Chronicle says" after "The San
    Francisco Chronicle"), and a name ending in a company's word ("Dick Clark Productions")."""
    endings = {m.name.split()[-1]: m.name for m in others if m.label == "ORG" and len(m.name.split()) >= 2}
    return [
        m
        for m in people
        if m.entry is None
        and (
            (" " not in m.name and m.name in endings)
            or (" " in m.name and m.name.split()[-1] in COMPANY_TAILS)
        )
    ]


# Plural nouns for people that end no one's name: "Minister for Children, Young People and
# Families Margaret Hodge" names one person, not "Young People".
GROUP_NOUNS = {
    "People", "Families", "Children", "Women", "Men", "Workers", "Parents", "Pupils", "Students", "Fans",
    "Voters", "Carers", "Residents", "Citizens", "Veterans", "Consumers", "Patients", "Users",
}  # fmt: skip


def groups_named_as_people(people: list[Mention]) -> list[Mention]:
    """Names spaCy took for persons that name a group of people ("Young People")."""
    return [m for m in people if m.entry is None and " " in m.name and m.name.split()[-1] in GROUP_NOUNS]


def bodies_named_as_people(t: Text, people: list[Mention]) -> list[Mention]:
    """One-word names spaCy tagged as persons that the text calls "it": "Yukos had
    claimed it had transferred $27m", "Yukos made its bankruptcy application" (twice or
    more, and more often than "he" or "she")."""
    single = {m.name for m in people if m.entry is None and " " not in m.name and m.label == "PERSON"}
    single -= {m.name.split()[-1] for m in people if " " in m.name}  # a surname: "Gerrard"
    its: Counter[str] = Counter()
    his: Counter[str] = Counter()
    for m in people:
        if m.name in single:
            after = {w.lower_ for w in t.tokens[m.end : m.end + 4]}
            its[m.name] += bool(after & {"it", "its"})
            his[m.name] += bool(after & {"he", "his", "him", "she", "her"})
    bodies = {name for name, n in its.items() if n >= 2 and n > his[name]}
    bodies |= {m.name for m in people if m.name in single and _after_a_body_noun(t, m)}
    # "Manchester United", "Tampa Bay Buccaneers FC": a body's last word is no surname
    tails = NOT_SURNAMES - PLACE_TAILS
    return [m for m in people if m.name in bodies or (" " in m.name and m.name.split()[-1] in tails)]


def _after_a_body_noun(t: Text, m: Mention) -> bool:
    """ "Russian oil and gas company Yukos", "the firm Yukos": named as a body's name."""
    return m.start > 0 and t.tokens[m.start - 1].lower_ in ORG_ANAPHORS


# Last words of places spaCy takes for people ("Sioux Falls", "Palm Springs").
PLACE_TAILS = {
    "Falls", "Beach", "Springs", "City", "County", "Valley", "Lake", "River", "Bay", "Island", "Hills",
    "Heights", "Harbor", "Harbour",
}  # fmt: skip


def places_named_as_people(people: list[Mention]) -> list[Mention]:
    """Names spaCy tagged as persons that end in a place's word and open with no given
    name: "Sioux Falls"."""
    return [
        m
        for m in people
        if m.entry is None
        and " " in m.name
        and m.name.split()[-1] in PLACE_TAILS
        and gender_of_first_name(m.name) is None  # "Mike Lake" is a man
    ]


# Last words of product names spaCy takes for people ("MacBook Pro", "Switch Lite").
PRODUCT_TAILS = {"Pro", "Lite", "Ultra", "Max", "Plus", "Mini", "Air", "Edition", "Series", "Console"}


def families(people: list[Mention], others: list[Mention]) -> list[Mention]:
    """ "the Bidens", "the Beckhams": a family by the surname of people the article names,
    who are in Who's who themselves; no place or body."""
    surnames = {m.name.split()[-1] for m in people if " " in m.name}
    return [m for m in others if " " not in m.name and m.name.endswith("s") and m.name[:-1] in surnames]


def products_named_as_bodies(others: list[Mention]) -> list[Mention]:
    """Names spaCy tagged as organisations that are products: "MacBook Pro", "Galaxy
    Ultra" (not "Korean Air", an airline, nor "Canal Plus", a broadcaster)."""
    tails = PRODUCT_TAILS - {"Air", "Plus", "Series", "Edition"}
    return [
        m
        for m in others
        if m.entry is None and m.label == "ORG" and len(m.name.split()) >= 2 and m.name.split()[-1] in tails
    ]


def cut_at_dashes(t: Text, people: list[Mention]) -> None:
    """Names spaCy ran past a spaced dash, cut at it: "Moazzam Begg - have" is the name
    before the dash, "MPs - Keith Vaz" the one after."""
    for m in people:
        if m.entry is not None or m.label != "PERSON":
            continue
        dash = next((i for i in range(m.start + 1, m.end) if t.tokens[i].text in ("-", "–", "—")), None)
        if dash is None or not t.tokens[dash].whitespace_:
            continue
        after = t.doc[dash + 1 : m.end].text
        if dash - m.start == 1 and after[:1].isupper() and gender_of_first_name(after):
            m.start, m.name = dash + 1, after
        else:
            m.end, m.name = dash, t.doc[m.start : dash].text


def products_named_as_people(t: Text, people: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Names spaCy tagged as persons that are things: (products, to be systems; names
    with a symbol in them, "® Honey", or ending in a word written small, "Blu-ray disc",
    to be dropped). A name counts as a product where
    any of its mentions is shaped like one."""
    products: set[str] = set()
    for m in people:
        if m.entry is not None or m.label != "PERSON":
            continue
        words = m.name.split()
        measured = m.start > 0 and t.tokens[m.start - 1].lower_.endswith("-inch")  # "a 16-inch MacBook Pro"
        if len(words) >= 2 and (words[-1] in PRODUCT_TAILS or measured):
            products.add(m.name)
    symbols = [
        m
        for m in people
        if m.entry is None
        and (any(not (c.isalpha() or c in " .'’-") for c in m.name) or _work_title(t, m) or _common_tail(m))
    ]
    return [m for m in people if m.name in products and m not in symbols], symbols


def _common_tail(m: Mention) -> bool:
    """ "A Blu-ray disc": no one's name ends in a common word written small."""
    words = m.name.split()
    return len(words) >= 2 and words[-1].isalpha() and words[-1].islower()


def _work_title(t: Text, m: Mention) -> bool:
    """ "The Da Vinci Code": a name after "the" that ends in a common English word no
    one is named is a book's or a film's, not a person's."""
    from wordfreq import zipf_frequency

    from .people import first_names

    last = m.name.split()[-1].lower()
    after_the = m.start > 0 and t.tokens[m.start - 1].lower_ == "the"
    return (
        after_the
        and len(m.name.split()) >= 2
        and last not in first_names()
        and zipf_frequency(last, "en") >= 4.0
    )


def _titled_after(t: Text, m: Mention) -> bool:
    """ "Jim Press, vice president and chief operating officer of …": a given name, and an
    apposition with a person's title, whatever the last word is elsewhere."""
    root = t.doc[m.start : m.end].root
    return any(
        c.dep_ == "appos" and c.i > root.i and any(w.lower_ in ROLE_NOUNS for w in c.subtree if w.i <= c.i)
        for c in root.children
    )


def _who_follows(t: Text, m: Mention) -> bool:
    """ "Montell Figgins, who represents …": a relative clause only a person takes, right
    after the name ("the Jeongdong Theater who strives" is an organisation's slogan)."""
    after = t.tokens[m.end : m.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].lower_ in ("who", "whom")
