"""Whether a claim's source is one the article identifies.

A review note is worth an editor's time only when the claim rests on someone the
article never names: unnamed officials, people familiar with a matter, generic
analysts and critics, reports and surveys no one is named for. A role of someone
named, a phrase that refers back, data and documents are not anonymous; nor is a
report or survey whose publisher or outlet the article names beside it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping

from ..dossier import Stakeholder
from .organisations import ORG_ANAPHORS

# Who stands unnamed behind a claim an editor should source: generic experts and
# critics, insiders, officials, people "familiar with" a matter. Not a role of someone
# the article names ("his lawyer", "a spokesman"), not a phrase that refers back ("the
# insurer", "the prime minister"), not data or a document ("the sales figures").
_ANONYMOUS_WORDS = """
analyst analysts expert experts economist economists critic critics observer observers commentator
commentators pundit pundits insider insiders source sources trader traders diplomat diplomats official
officials researchers scientists academics
"""
ANONYMOUS = frozenset(_ANONYMOUS_WORDS.split())
_FAMILIAR = re.compile(
    r"\b(?:people|persons?|someone|others)\b.*\b(?:familiar|close|knowledge|briefed)\b"
    r"|\b(?:multiple|several|many|some|most|other)\s+(?:\w+\s+)?(?:people|persons)\b",
    re.I,
)
# "the global entertainment industry says": a whole trade, no one in it named.
_COLLECTIVE = re.compile(r"^the\s+(?:[\w-]+\s+){0,3}(?:industry|sector|trade|community)$", re.I)
# "one neo-bank CEO", "a senior executive": someone, with no name given.
_SOMEONE = re.compile(
    r"^(?:one|an?|another)\s+(?:[\w-]+\s+){0,3}"
    r"(?:ceo|chief executive|executive|banker|investor|manager|employee|staffer|insider|person)$",
    re.I,
)
# "Some consumers", "other proponents of the bill"
_SOME = re.compile(r"^(?:some|many|most|several|other)\s+(?:\w+\s+)?\w+s(?:\s+of\s+.+)?$", re.I)
_PUBLICATION = re.compile(r"^(?:an?\s+)(?:\w+\s+){0,2}(?:survey|study|report|poll|research)$", re.I)
# "reports", "late September revelations": reports of no one's.
_REPORTS = re.compile(r"^(?:[\w-]+\s+){0,2}(?:reports|rumou?rs|revelations|leaks)$", re.I)
_REFERS_BACK = re.compile(r"^(?:the|this|that|these|those|his|her|its|their|our|my)\s", re.I)
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
LEGAL_HEDGES = frozenset({"allegedly"})  # charges a named party brings, not a claim without a source
NEARBY = 2  # sentences either side where a publisher or outlet counts as named
_EXPERT_ROLES = frozenset({"expert", "doctor", "analyst", "economist", "researcher", "scientist"})
_OFFICIALS = frozenset({"official", "officials"})
# The people of a body: its "NASA scientists" and "CEA analysts" are not anonymous, as its
# "sources" and "insiders" are.
_STAFF_WORDS = """
analyst analysts expert experts economist economists researchers scientists academics employees staff workers
executives engineers ceo executive banker investor manager employee staffer person
"""
_STAFF = frozenset(_STAFF_WORDS.split())
_NOT_NAMES = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # capitalised, yet no name
# "agency officials", "company officials": officials of a body the article has named.
_BODY_WORDS = "council city club union school hospital police shelter court board commission university"
_BODY_NOUNS = ORG_ANAPHORS | frozenset(_BODY_WORDS.split())
# Data, not a source: "other indicators", "some measures", "studies (10, 11)".
_DATA_NOUNS = frozenset({"indicators", "measures", "figures", "data", "statistics", "numbers", "signs"})
_CITED = re.compile(r"\(\d+(?:\s*[,–-]\s*\d+)*\)\W*$")  # a sentence ending in reference numbers
# "a case report published in the journal BMJ Case Reports", "a study by Ofcom"
_PUBLISHER = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:by|from|published in|in the journal|of)\s+(?:the\s+)?[A-Z]")
# A publication's publisher named in a later sentence: "the report by telecoms giant BT", "the
# survey ... was carried out by consultancy group Capgemini", "BT's report", "the BSA, which
# commissioned the survey".
_WORK = r"(?:survey|study|report|poll|research|findings)"
_NAME = r"[A-Z][\w&.'’-]*"
_PUBLISHED_BY = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Ii]ts|An?)\s+(?:[\w-]+\s+){{0,2}}{_WORK}\b[^.;:]{{0,100}}?\bby\s+(?:[a-z-]+\s+){{0,3}}"
    rf"(?:the\s+)?(?P<name>{_NAME})"
    rf"|\b(?P<owner>{_NAME})(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}{_WORK}\b"
    rf"|\b[Tt]he\s+(?P<brand>{_NAME}(?:\s+{_NAME})*)\s+{_WORK}\s+(?:suggests|says|found|shows|finds|showed)\b"
    rf"|\b[Aa]ccording to an?\s+(?:new\s+)?book\b[^.;:]{{0,60}}?\bby\s+"
    rf"(?:[\w-]+\s+){{0,3}}(?P<author>{_NAME})"
    rf"|\b{_NAME},?\s+(?:which|that|who)\s+(?:commissioned|conducted|carried out|published|ran)"
    rf"\s+the\s+(?:\w+\s+)?{_WORK}\b"
)
PUBLISHER_AFTER = 8  # later sentences in which a publication's publisher may be named
# An outlet credited with a report: "according to the Hollywood Reporter", "according to a new
# Fast Company report", "Vedomosti newspaper reported", "said the newspaper".
_OUTLET_NOUN = r"(?:newspaper|paper|news agency|agency|magazine|website|daily|weekly|broadcaster|report)"
MASTHEAD = (
    r"(?:Reporter|Times|Journal|Post|News|Herald|Telegraph|Guardian|Gazette|Mail|Express|Observer|"
    r"Standard|Tribune|Chronicle|Independent|Mirror|Variety|Billboard)"
)
_OUTLET_CITED = re.compile(
    rf"\b(?:[Aa]ccording to|told|in|by)\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?"
    rf"(?:{_NAME}\s+)*?{_NAME}\s+{_OUTLET_NOUN}\b"
    rf"|\b(?:[Aa]ccording to|told)\s+(?:the\s+)?(?:{_NAME}\s+)*?{MASTHEAD}\b"
    rf"|\b{_NAME}\s+{_OUTLET_NOUN}\s+(?:has\s+)?(?:reported|said|says|reports|quoted|added)\b"
    rf"|\b(?:{_NAME}\s+)*?{MASTHEAD}\s+(?:has\s+)?(?:reported|said|says|say|reports|claimed)\b"
    r"|\b(?:said|reported|reports|says|added|told)\s+the\s+(?:\w+\s+)?"
    r"(?:newspaper|paper|news agency|magazine)\b"
)
# "a recent report from analysts Gartner", "a study by the Pew Internet Project"
_WORK_OF_NAMED = re.compile(rf"\b{_WORK}\s+(?:by|from|of|for)\s+(?:[a-z]+\s+){{0,2}}(?:the\s+)?[A-Z]")
_WORKFORCE = frozenset({"employees", "staff", "workers", "staffers"})
_SAYING = r"(?:said|says|warned|warns|warning|found|finds|reported|reports|revealed|suggests|estimates)\b"
LEDE_SAID = 2  # sentences after the lede in which a body saying so is its source
LEDE = 2  # a news lede's sentences, whose vague "reports claim" the next ones unpack
LEDE_UNPACKED = 4  # sentences after the lede in which its source may be named
_RESEARCHERS = frozenset({"researchers", "scientists", "academics"})
_LEDE_EXPERTS = _RESEARCHERS | {"experts"}  # a lede's generic sources the next sentences may name
_RESEARCH_TEAM = re.compile(
    r"\b(?:[Rr]esearchers|[Ss]cientists|[Aa]cademics|[Ee]xperts|[Aa] team)\s+(?:at|from|of|with)\s+"
    r"(?:the\s+)?(?P<body>[A-Z].*)"
)
RESEARCHERS_BACK = 2  # sentences before in which the researchers' body may be named
OUTLET_NEAR = 1  # sentences either side of "reports say" where crediting an outlet makes them its
OUTLET_BEFORE = 2  # "... the Sunday Times reported." ... "He is said to ...": a report goes on


def anonymous(
    phrase: str,
    sentence: int,
    named: list[Stakeholder],
    text: str = "",
    article: Mapping[int, str] | None = None,
) -> bool:
    """Whether a claim's unnamed source (`phrase`, in sentence number `sentence`, whose
    text is `text`) is one the article does not identify. `named`: the article's
    stakeholders; `article`: its sentences' texts by number."""
    phrase, text = phrase.replace("’", "'"), text.replace("’", "'")
    words = re.findall(r"[\w'-]+", phrase)
    lower = [w.lower() for w in words]
    if not words:
        return False
    after = text.split(phrase, 1)[1] if phrase in text else ""  # the sentence after the phrase
    people = [h for h in named if h.kind == "person"]
    if words[-1][:1].isupper() and any(h.name.split()[-1] == words[-1] for h in people):
        return False  # "veteran industry analyst Ken Doctor": named after all
    if _FAMILIAR.search(phrase):
        return True
    if re.search(r"\d|%|\bof those\b", phrase) or _SPOKES & set(lower) or _CITED.search(text):
        return False  # respondents and figures; a spokesman speaks for someone named
    if _WORK_OF_NAMED.search(phrase):
        return False  # "a recent report from analysts Gartner": its publisher is in the phrase
    if _COLLECTIVE.match(phrase) or _SOMEONE.match(phrase):
        return not _of_a_named_body(words, named, after)
    if _REFERS_BACK.match(phrase) and len(lower) == 2 and lower[1] in _EXPERT_ROLES:
        # "the expert", "the doctor": refers back only to someone the article gives that role
        return not any(h.role and lower[1] in h.role.lower().split() for h in people)
    if _REFERS_BACK.match(phrase) or _DATA_NOUNS & set(lower):
        return False
    if _named_by_apposition(after) or _of_a_named_body(words, named, after):
        return False
    if lower[-1] in _WORKFORCE and _named_near(sentence, named, ("organization",)):
        return False  # "Other employees said ...", among a named firm's workers: that firm's
    if (
        lower[-1] in _RESEARCHERS
        and len(lower) == 1
        and _researchers_named_before(sentence, article or {}, named)
    ):
        return False  # "researchers say" after "Academics from the Institute of Education found"
    if lower[-1] in _LEDE_EXPERTS and _unpacked_after_lede(sentence, named, article or {}):
        return False  # "..., say experts." then "Anti-spam group Spamhaus is warning ..."
    if ANONYMOUS & set(lower) or lower == ["those"]:
        return True
    bodies = _body_names(named)
    if any(re.search(rf"\b{re.escape(name)}\b", phrase) for name in bodies):
        return False  # "Reuters reports", "Nike's marketing team": a body the article names
    if _REPORTS.match(phrase):  # "reports say": whose, if an outlet is credited around them
        return not (
            _PUBLISHER.match(after)
            or _outlet_cited(sentence, named, article or {})
            or _unpacked_after_lede(sentence, named, article or {})
        )
    if _SOME.match(phrase):
        return True
    if _PUBLICATION.search(phrase):  # "a survey", "a new study": anonymous unless its publisher is named
        return not (
            _PUBLISHER.match(after)
            or _named_near(sentence, named, ("organization", "media"))
            or _published_later(sentence, article or {})
            or _unpacked_after_lede(sentence, named, article or {})
        )
    return False


def _published_later(sentence: int, article: Mapping[int, str]) -> bool:
    """ "..., a study says." then "The report, by telecoms giant BT, ...": a lede's
    publication whose publisher the article goes on to name."""
    later = (article.get(n, "") for n in range(sentence + 1, sentence + PUBLISHER_AFTER + 1))
    for m in (m for t in later for m in _PUBLISHED_BY.finditer(t)):
        if (
            m.group("name") or m.group("owner") or m.group("brand") or ""
        ) not in _NOT_NAMES:  # not "by March"
            return True
    return False


def _unpacked_after_lede(sentence: int, named: list[Stakeholder], article: Mapping[int, str]) -> bool:
    """ "..., reports claim." then "..., the Sunday Telegraph reported."; "..., say experts."
    then "Anti-spam group Spamhaus is warning ...": a news lede's vague source that the
    sentences after it go on to name (an outlet credited, a body that published, reported or
    said it)."""
    if sentence > LEDE:
        return False
    later = {n: article.get(n, "") for n in range(sentence + 1, sentence + LEDE_UNPACKED + 1)}
    bodies = "|".join(map(re.escape, _body_names(named)))
    if bodies:
        reported = re.compile(rf"\b(?:{bodies}),?\s+(?:has\s+)?reported\b")
        said = re.compile(
            rf"\b(?:{bodies})(?:\s*\([A-Z]+\))?,?\s+(?:has\s+|is\s+)?{_SAYING}"
            rf"|\b(?:said|says|according to)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{bodies})\b"
        )
        if any(reported.search(t) for t in later.values()):
            return True
        if any(said.search(later.get(n, "")) for n in range(sentence + 1, sentence + LEDE_SAID + 1)):
            return True
    return any(_OUTLET_CITED.search(t) for t in later.values()) or _published_later(sentence, later)


def _researchers_named_before(sentence: int, article: Mapping[int, str], named: list[Stakeholder]) -> bool:
    """A bare "researchers" or "scientists" just after the article names who did the work
    ("Academics from the Institute of Education found", "scientists at Nasa"): those people."""
    bodies = _body_names(named)
    for t in (article.get(n, "") for n in range(sentence - RESEARCHERS_BACK, sentence + 1)):
        for m in _RESEARCH_TEAM.finditer(t):
            if any(m.group("body").startswith(b) for b in bodies):
                return True
    return False


def _outlet_cited(sentence: int, named: list[Stakeholder], article: Mapping[int, str]) -> bool:
    """An outlet named or credited with a report in the sentence of `sentence`, the one after
    or the two before ("told Reuters", "Vedomosti newspaper reported"): the reports are its."""
    span = range(sentence - OUTLET_BEFORE, sentence + OUTLET_NEAR + 1)
    cited = any(_OUTLET_CITED.search(article.get(n, "")) for n in span)
    return cited or _named_near(sentence, named, ("media",), OUTLET_NEAR)


def _named_by_apposition(after: str) -> bool:
    """ "market analysts Chart-Track", "analysts the Radicati Group": the name follows
    (`after`: the sentence after the phrase)."""
    after = after[1:] if after.startswith(", ") else after  # "technology analysts, TDG Research"
    after = after[4:] if after.startswith(" the ") else after
    first = re.match(r" ([A-Z][\w&/.-]*)", after)
    return first is not None and first.group(1).rstrip(".") not in _NOT_NAMES


def _of_a_named_body(words: list[str], named: list[Stakeholder], after: str = "") -> bool:
    """ "NASA officials", "agency officials", "Peoplesoft's other employees", "researchers at
    BDO": people of a body the article names (a country's are not: "US officials" could be
    any of thousands; and "sources" at a body are anonymous by choice)."""
    held = re.match(r"(.+?)\s+((?:at|from|with|of)\s.+)$", " ".join(words))
    if held:  # "researchers at BDO Stoy Hayward"
        words, after = held.group(1).split(), " " + held.group(2)
    if len(words) < 2 and not after:
        return False
    role = words[-1].lower()
    if role not in _OFFICIALS and role not in _STAFF:
        return False
    bodies = _body_names(named)
    if role in _OFFICIALS and len(words) > 1 and words[-2].lower() in _BODY_NOUNS:
        return any(h.kind == "organization" for h in named)
    if role in _OFFICIALS and len(words) > 1 and words[-2].islower():  # "a senior defence official"
        return any(h.kind == "organization" and words[-2].title() in h.name.split() for h in named)
    before = " " + " ".join(words[:-1])
    owner = re.sub(r"(?:'s|’s)(?: \w+)?$", "", before)  # "Peoplesoft's other" → " Peoplesoft"
    if any(before.upper().endswith(" " + a) for a in map(_initials, bodies) if len(a) > 2):
        return True  # "Icann officials": the Internet Corporation for Assigned Names and Numbers
    at = re.match(r"\s+(?:at|from|with|of)\s+(?:the\s+)?(.+)", after)
    return any(
        before.endswith(" " + b) or owner.endswith(" " + b) or (at is not None and at.group(1).startswith(b))
        for b in bodies
    )


def _body_names(named: list[Stakeholder]) -> list[str]:
    """The organisations and media the article names."""
    return [h.name for h in named if h.kind in ("organization", "media")]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _named_near(sentence: int, named: list[Stakeholder], kinds: tuple[str, ...], width: int = NEARBY) -> bool:
    near = {f"s{i}" for i in range(sentence - width, sentence + width + 1)}
    return any(h.kind in kinds and near & set(h.sentences) for h in named)


def unsourced(
    cue: str, sentence: int, named: list[Stakeholder], article: Mapping[int, str] | None = None
) -> bool:
    """Whether a cue such as "reportedly" leaves a claim without a source: not where an
    outlet is credited around it (the report is that outlet's), nor "allegedly", a legal
    hedge on a charge."""
    if cue.lower() in LEGAL_HEDGES:
        return False
    return not (
        cue.lower().startswith(("reported", "report", "is said", "are said"))
        and _outlet_cited(sentence, named, article or {})
    )
