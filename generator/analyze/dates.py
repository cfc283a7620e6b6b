"""Dated events: date phrases found by spaCy, resolved against the article's date.

News writes dates without years ("on November 27", "late September", "in
April"), as weekdays ("on Tuesday") and relative to the day it is written
("last month", "next year"). With the article's date known, a date is placed
by the tense it is told in:

- told in the past ("was evicted in April") -> the most recent such date on or
  before the article's;
- told in the future ("will", "is scheduled to", "is expected to", "is due")
  -> the next one on or after it;
- otherwise the nearest, but only when it lies within three months of the
  article's date; beyond that the year is not certain and the date is shown
  as written.

Without the article's date nothing relative is resolved: the page never shows
a year the article did not give. Phrases with no fixed point ("last week",
"in the coming weeks") stay as written.

dateparser (measured on the reference set) resolves weekdays and months but
not by tense, puts "Tuesday" in an article dated Tuesday a week back, and
reads neither ranges ("December 4-5") nor parts of months ("late
September"), which is most of this problem: the resolution stays here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING

from ..dossier import Event
from .grammar import TIMES_OF_DAY, governing_verb, hangs_on_noun, is_verb, lemma, tense
from .text import Text, clean, quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_QUAL = r"(?:(?P<qual>early|mid|late|end of|the end of|beginning of|the beginning of|mid-)\s*)?"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
_PATTERNS = [
    # December 4-5 / December 4 to 5 / December 4–5, 2025
    re.compile(
        rf"^{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?$",
        re.I,
    ),
    # 4-5 December (2025)
    re.compile(
        rf"^(?P<d1>\d{{1,2}})\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})\s+{_MONTH}(?:,?\s+{_YEAR})?$", re.I
    ),
    # November 27 / November 27, 2025
    re.compile(rf"^{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?$", re.I),
    # 27 November (2025)
    re.compile(rf"^(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?$", re.I),
    # late September / September 2025 / this past May
    re.compile(rf"^(?:this past\s+)?{_QUAL}{_MONTH}(?:,?\s+{_YEAR})?$", re.I),
    # 2025 / early 2025 / the end of 2025
    re.compile(rf"^{_QUAL}{_YEAR}$", re.I),
    # the last quarter of 2004 / the first half of 2005 / the last week of 2003: in that year
    re.compile(
        rf"^(?P<part>first|second|third|fourth|final|last)\s+(?:few\s+)?"
        rf"(?:quarter|half|weeks?|days|months)\s+of\s+{_YEAR}$",
        re.I,
    ),
    # between 1990 and 2004 / 1990-2004: dated at its start, as "from 1990 to 2004" is
    # ("in 1997 and 2001" is two years, not a span)
    re.compile(rf"^between\s+{_YEAR}\s*(?:-|–|and|to)\s*\d{{4}}$", re.I),
    re.compile(rf"^{_YEAR}\s*(?:-|–|to)\s*\d{{4}}$", re.I),
]
# Relative to the article's day, in days.
DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}  # fmt: skip
_REL_MONTH = re.compile(r"^(?:(?:earlier|later|early|late)\s+)?(last|this|next)\s+month$", re.I)
_REL_YEAR = re.compile(
    r"^(?:(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+|(?:earlier|later|early|late|the end of)\s+)?"
    r"(?P<which>last|this|next)\s+year$",
    re.I,
)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>last|next|this|this past|this coming)\s+)?(?P<day>"
    + "|".join(WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_SEASON = re.compile(
    r"^(?:(?P<which>last|this|next|this past|this coming)\s+|(?:early|late|mid-?)\s*)?"
    r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>(?:1[5-9]|20)\d\d))?$",
    re.I,
)
# The months seasons start in, as news north of the equator counts them.
SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}
NEAREST_DAYS = 92  # an untensed date this close to the article's is placed; farther, it is not
NOUN_DAYS = 183


def _shift_month(ref: dt.date, months: int) -> str:
    n = ref.year * 12 + ref.month - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _year_for(month: int, day: int | None, ref: dt.date, told: str) -> int | None:
    """The year of a month (and day) by the tense it is told in; none for a line of a list."""
    if told == "listed":
        return None
    probe = day or (1 if told == "past" else calendar.monthrange(ref.year, month)[1])
    this_year = dt.date(ref.year, month, min(probe, calendar.monthrange(ref.year, month)[1]))
    if told == "past":
        return ref.year if this_year <= ref else ref.year - 1
    if told == "future":
        end = dt.date(ref.year, month, calendar.monthrange(ref.year, month)[1]) if day is None else this_year
        return ref.year if end >= ref else ref.year + 1

    def distance(year: int) -> int:
        safe = min(day or 15, calendar.monthrange(year, month)[1])
        return abs((dt.date(year, month, safe) - ref).days)

    # Untold ("would leave the EU on Oct. 31" may be past or future) or on a noun: the
    # nearest, if near enough to be sure; a noun ("the July 25 call") is allowed half a
    # year back, but ahead only as far as an untold date unless its clause is in the
    # future ("still down from the March high" in November is no March to come).
    def allowed(year: int) -> bool:
        if told not in ("noun", "noun-ahead"):
            return distance(year) <= NEAREST_DAYS
        ahead = dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1])) > ref
        return distance(year) <= (NEAREST_DAYS if ahead and told == "noun" else NOUN_DAYS)

    year = min((ref.year - 1, ref.year, ref.year + 1), key=distance)
    return year if allowed(year) else None


def _weekday(m: re.Match[str], ref: dt.date, told: str) -> str | None:
    day = WEEKDAYS[m["day"].lower()]
    which = (m["which"] or "").lower()
    back = (ref.weekday() - day) % 7
    ahead = (day - ref.weekday()) % 7
    if which in ("last", "this past"):
        return (ref - dt.timedelta(days=back or 7)).isoformat()
    if which in ("next", "this coming"):
        return (ref + dt.timedelta(days=ahead or 7)).isoformat()
    if back == 0:
        return ref.isoformat()  # "on Tuesday" in an article of a Tuesday: that day
    if told in ("past", "noun") and ahead == 1:
        return None  # a Monday evening's "stocks were mixed in early trading Tuesday" in Asia
    if told in ("past", "noun"):  # "the testimony Tuesday": the last one
        return (ref - dt.timedelta(days=back)).isoformat()
    if told in ("future", "conditional", "present"):
        return (ref + dt.timedelta(days=ahead)).isoformat()
    return None


def _season(m: re.Match[str], ref: dt.date) -> str | None:
    """The year of a season: "last spring" in November 2019 is 2019, "next summer" 2020,
    "spring 2018" 2018. Winter, which straddles two years, only with its year."""
    if m["year"]:
        return m["year"]
    start = SEASON_STARTS.get(m["season"].lower())
    if start is None:
        return None
    which = (m["which"] or "").lower()
    began = dt.date(ref.year, start, 1)
    ended = dt.date(ref.year, start + 2, calendar.monthrange(ref.year, start + 2)[1])
    if which in ("last", "this past"):
        return str(ref.year if ended < ref else ref.year - 1)
    if which in ("next", "this coming"):
        return str(ref.year if began > ref else ref.year + 1)
    return str(ref.year) if which == "this" else None


def _relative(text: str, ref: dt.date, told: str) -> str | None:
    low = text.lower()
    m = _SEASON.match(text)
    if m:
        return _season(m, ref)
    if low in DAY_WORDS:
        if text == "Today" and told == "present":
            return None  # "Today, plague infections are rare": nowadays, not a day
        return (ref + dt.timedelta(days=DAY_WORDS[low])).isoformat()
    m = _WEEKDAY.match(text)
    if m:
        return _weekday(m, ref, told)
    m = _REL_MONTH.match(text)
    if m:
        if m.group(1).lower() == "next" and told == "past":
            return None  # "the next month, they…": after some earlier date, not the article's
        return _shift_month(ref, {"last": -1, "this": 0, "next": 1}[m.group(1).lower()])
    m = _REL_YEAR.match(text)
    if m:
        if m["which"].lower() == "next" and told == "past":
            return None  # "The next year, the Taliban released two videos"
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        if m["half"]:
            first = m["half"].lower() == "first"
            return f"{year}-01-01/{year}-06-30" if first else f"{year}-07-01/{year}-12-31"
        return f"{year:04d}"
    return None


# "until at least 2008", "as early as March 2005": the date is the bound's, where it
# names its year
_BOUND = re.compile(
    r"^(?:(?:until|by|from)\s+)?"
    r"(?:at (?:the )?(?:least|latest|earliest)|as (?:early|late|soon) as|no (?:later|earlier) than)\s+",
    re.I,
)


def resolve(phrase: str, ref: dt.date | None, told: str = "unknown") -> tuple[str | None, bool]:
    """(ISO date, range or None, and whether it was worked out from the article's date)
    for a date phrase told in the tense `told`."""
    # "November 3—nine days before", "2004 - three of them": the date ends at a dash
    text = re.split(r"\s*[—–]\s*(?=[A-Za-z])|\s+-\s+(?=[A-Za-z])", clean(phrase))[0]
    if re.search(r"\b\d{4}\b", text):
        text = _BOUND.sub("", text)  # not "as early as next year": next after when?
    text = re.sub(r"^(?:on|in|by|since|from|until|during|for|at)\s+", "", text, flags=re.I)
    text = re.sub(r"[’']s$", "", text)
    text = re.sub(r"^(?:the|one|a)\s+", "", text, flags=re.I)
    if ref is not None:
        relative = _relative(text, ref, told)
        if relative is not None:
            return relative, True
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = MONTHS[groups["month"].lower()] if groups.get("month") else None
        d1 = int(groups["d1"]) if groups.get("d1") else None
        d2 = int(groups["d2"]) if groups.get("d2") else None
        if month is None and groups.get("part") and re.search(r"\b(?:weeks?|days)\b", text, re.I):
            # "the last week of 2003" is in its December, "the first days of 2005" its January
            part = groups["part"].lower()
            edge = 12 if part in ("last", "final") else 1 if part == "first" else None
            return (f"{year:04d}-{edge:02d}", False) if year and edge else (f"{year:04d}", False)
        if month is None:
            return (f"{year:04d}", False) if year else (None, False)
        inferred = year is None
        if year is None:
            if ref is None:
                return None, False
            if text.lower().startswith("this past"):
                told = "past"
            if d1 is not None and d1 > calendar.monthrange(ref.year, month)[1] and month != 2:
                return None, False
            year = _year_for(month, d1, ref, told)
            if year is None:
                return None, False
        try:
            if d1 is None:
                return f"{year:04d}-{month:02d}", inferred
            start = dt.date(year, month, d1)
            if d2 is None:
                return start.isoformat(), inferred
            end = dt.date(year, month, d2)
        except ValueError:
            return None, False  # "February 30": as written, not guessed
        return (f"{start.isoformat()}/{end.isoformat()}", inferred) if end > start else (None, False)
    return None, False


def _clause(sentence: str, phrase: str) -> str:
    """The comma-delimited part of the sentence that holds the date, if it says enough."""
    parts = re.split(r",\s+", sentence)
    for part in parts:
        if phrase in part:
            # A short part ("In late September") or one that continues another ("which
            # began …", "the company said on …") is a fragment: the sentence says more.
            if len(part.split()) < 6 or (part is not parts[0] and part[:1].islower()):
                return sentence
            return part
    return sentence


def _is_point_in_time(phrase: str) -> bool:
    """A month, a year, a weekday, a season or a day, month or year relative to the
    article: not a duration ("seven years") nor an age ("48-year-old")."""
    words = {w.lower().rstrip(".") for w in re.findall(r"[A-Za-z.]+", phrase)}
    if words & MONTHS.keys() or words & WEEKDAYS.keys():
        return True
    if re.search(r"\b(?:1[5-9]|20)\d\d\b", phrase) and not re.search(r"\b(?:1[5-9]|20)\d0s\b", phrase):
        return True
    low = clean(phrase).lower()
    bare = re.sub(r"^(?:in|on|by|during)\s+", "", low)
    return bool(
        low in DAY_WORDS
        or _told_season(bare)
        or _REL_MONTH.match(bare)
        or _REL_YEAR.match(bare)
        or re.search(r"\b(?:last|this|next)\s+(?:week|month|year)\b", low)
    )


def _told_season(text: str) -> bool:
    """A season the phrase places itself: "last spring", "summer 2020"; not "the summer"."""
    m = _SEASON.match(text)
    return m is not None and bool(m["which"] or m["year"])


_STREET = re.compile(
    r"^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Place|Lane|Boulevard|Blvd\.?|Way|Court)$"
)


RESCHEDULE = {"move", "delay", "postpone", "push", "reschedule", "shift", "defer", "bring", "extend", "set"}


def _rescheduled(root: Token, verb: Token) -> bool:
    """A date that a change of plan points to: "moved to March 19", "delayed until May"."""
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("to", "until", "till") and lemma(verb) in RESCHEDULE


def _address(t: Text, ent: Span) -> bool:
    """ "1909 Jolinda Drive": a house number, not a year."""
    following = t.doc[ent.end : ent.end + 3]
    return any(_STREET.match(w.text) for w in following)


# What a year before a noun dates ("the 2016 election", "a 2018 survey"): occasions. Before
# any other noun the year says which one ("the 2021 RAV4", "WeWork's 2025 bond", "the
# 2020 Democratic hopeful"), not when the sentence's event happened.
OCCASIONS = frozenset(
    """
    accord acquisition act agreement allegation analysis appearance attack audit award ban
    bombing campaign caucus census championship conference coup crash crisis cup deal
    decision disaster draft earthquake election festival final fire flight flood game games
    hurricane inquiry interview invasion investigation ipo launch law meeting merger mission
    olympic olympics order outbreak pandemic physical plan poll primary probe protest race
    recession redesign referendum report review riot ruling sanction season session shooting
    show speech storm strike study summit survey talk talks test tour tournament treaty
    trial trip uprising verdict visit vote war
    """.split()  # noqa: SIM905
)


def _year_as_label(ent: Span) -> bool:
    """A bare year that qualifies a noun other than an occasion."""
    root = ent.root
    if not re.fullmatch(r"(?:the\s+)?(?:1[5-9]|20)\d\d", ent.text, re.I):
        return False
    head = root.head
    if (
        head.i == root.i - 1
        and head.tag_ in ("NN", "NNP")
        and head.text[:1].isupper()
        and head.lower_ not in MONTHS
    ):
        return True  # "Euro 2020", "Expo 2020": a name's year
    if root.dep_ not in ("nummod", "compound", "amod", "nmod", "poss") or root.head.i < root.i:
        return False
    return root.head.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ") and lemma(root.head) not in OCCASIONS


SPEAKERS_DAYS = {"tomorrow", "yesterday"}
YEAR_PREPOSITIONS = {
    "in", "by", "until", "till", "since", "from", "through", "before", "after", "to", "around", "(",
}  # fmt: skip


def _not_a_year(ent: Span, ref: dt.date | None) -> bool:
    """ "a total score of 2072": a four-figure number far from the article's year, with
    no word that makes it a time ("in 2034", "by 2047" are years)."""
    if ref is None or not re.fullmatch(r"\d{4}", ent.text) or abs(int(ent.text) - ref.year) <= 10:
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return before not in YEAR_PREPOSITIONS


def _why_undated(phrase: str, ref: dt.date | None) -> str:
    if ref is None:
        return "article date not known"
    words = {w.lower().rstrip(".") for w in re.findall(r"[A-Za-z.]+", phrase)}
    return "year not certain" if words & MONTHS.keys() else "no fixed date"


def _phrase(t: Text, ent: Span) -> str:
    start = ent.start
    if start > 0 and t.doc[start - 1].lower_ in ("early", "mid", "late"):
        start -= 1  # spaCy leaves the qualifier out of "late September"
    return clean(t.doc[start : ent.end].text)


# Days with a weekday in their name: "Black Friday" is no Friday near the article's day.
NAMED_DAYS = {"black", "cyber", "good", "super", "ash", "holy", "easter", "palm", "bloody", "shrove"}


def _named_day(t: Text, ent: Span) -> bool:
    return ent.start > 0 and t.tokens[ent.start - 1].lower_ in NAMED_DAYS and ent.text[:1].isupper()


def _recurring(ent: Span) -> bool:
    """ "end Saturday publication", "Friday prayers": a weekday naming a kind of thing
    (a noun it qualifies with no article of its own), no day."""
    if len(ent) != 1 or ent.root.lower_ not in WEEKDAYS or ent.root.dep_ != "compound":
        return False
    head = ent.root.head
    if head.tag_ not in ("NN", "NNS") or head.lower_ in TIMES_OF_DAY or head.lower_ in ("time", "session"):
        return False  # "Monday morning", "Friday's session": a day after all
    return not any(c.dep_ in ("det", "poss") for c in head.children)


_WEEKDAY_DATE = re.compile(
    rf"^(?:on\s+)?(?P<day>{'|'.join(WEEKDAYS)}),?\s+{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?$", re.I
)
_DAY_MONTH = re.compile(rf"^{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?$", re.I)


def _by_weekday(weekday: str, day_month: re.Match[str], ref: dt.date) -> str | None:
    """The date of "Monday, Nov. 18" nearest the article's on which Nov. 18 is a Monday."""
    month, day = MONTHS[day_month["month"].lower()], int(day_month["d1"])
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == WEEKDAYS[weekday.lower()]:
            candidates.append(candidate)
    return min(candidates, key=lambda c: abs((c - ref).days)).isoformat() if candidates else None


def _weekday_pairs(t: Text, ref: dt.date | None) -> tuple[set[int], dict[int, str]]:
    """ "Monday night (Nov. 18)", "on sale Friday, Dec. 6": the weekday fixes the year of
    the day and month beside it, and is no event of its own. Returns (weekday entities to
    skip, the date of each day-and-month entity so fixed), by entity start."""
    skip: set[int] = set()
    pinned: dict[int, str] = {}
    if ref is None:
        return skip, pinned
    ents = [e for e in t.ents if e.label_ == "DATE"]  # not "night", between the two
    for ent in ents:
        both = _WEEKDAY_DATE.match(clean(ent.text))
        date = _by_weekday(both["day"], both, ref) if both else None
        if date:
            pinned[ent.start] = date
    for weekday, other in itertools.pairwise(ents):
        m = _WEEKDAY.match(clean(weekday.text))
        if m is None or m["which"] or other.start - weekday.end > 3:
            continue
        between = t.doc[weekday.end : other.start]
        if any(w.is_alpha and w.lower_ not in ("morning", "afternoon", "evening", "night") for w in between):
            continue
        day_month = _DAY_MONTH.match(clean(other.text))
        date = _by_weekday(m["day"], day_month, ref) if day_month else None
        if date:
            skip.add(weekday.start)
            pinned[other.start] = date
    return skip, pinned


def _as_of(t: Text, ent: Span) -> bool:
    """Whether a date follows "as of" or "as at"."""
    doc = t.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "at") and doc[ent.start - 2].lower_ == "as"


def _listed(t: Text, ent: Span, verb: Token | None) -> bool:
    """A line of a list ("Sept. 12 -- Shoreline Amphitheatre"): nothing tells the tense, so
    nothing tells the year of a month in it (a weekday is still the nearest one)."""
    if not any(w.lower_.rstrip(".") in MONTHS for w in ent):
        return False
    sentence = t.sentence_of(t.token_sid[ent.start] or "s1")
    if (
        ent.start == sentence.start
        and ent.end < sentence.end
        and t.tokens[ent.end].text in ("-", "--", "–", "—", ":", "@")
    ):
        return True
    return verb is None and not any(is_verb(w) for w in sentence)


def extract_events(t: Text, ref: dt.date | None) -> list[Event]:
    events: list[Event] = []
    skip, pinned = _weekday_pairs(t, ref)
    quoted = quoted_tokens(t)
    for ent in t.ents:
        if ent.label_ not in ("DATE", "TIME") or ent.start in skip or _named_day(t, ent) or _recurring(ent):
            continue
        sid = t.sid_at(ent.start)
        phrase = _phrase(t, ent)
        if sid is None or ent.start < t.dateline_end or not _is_point_in_time(phrase):
            continue
        if _address(t, ent) or _year_as_label(ent) or _not_a_year(ent, ref):
            continue
        if ent.start in quoted and ent.text.lower() in SPEAKERS_DAYS:
            continue  # "give me until tomorrow?" in a quotation: the speaker's day, not the article's
        verb = _conjunct_after(ent, governing_verb(ent.root))
        told = tense(verb)
        if verb is not None and _rescheduled(ent.root, verb):
            told = "future"  # "has been moved to March 19": the new date lies ahead
        if _as_of(t, ent):
            told = "past"  # "24.4% of the company as of March 20": a count taken already
        weekday = any(w.lower_ in WEEKDAYS for w in ent)
        if hangs_on_noun(ent.root) and told != "past" and not (told == "future" and weekday):
            # "Trump's July 25 call": when the call was is not in the verb ("is likely to
            # face questions about …"); a weekday ahead in a future clause is ("a meeting on Friday").
            told = "noun-ahead" if told == "future" else "noun"
        if _listed(t, ent, verb):
            told = "listed"
        date, relative = (pinned[ent.start], True) if ent.start in pinned else resolve(phrase, ref, told)
        if ent.label_ == "TIME" and date is None:
            continue  # "10 p.m." and the like: no day of their own
        text = _clause(t.told(t.sentences[int(sid[1:]) - 1]), phrase)
        why = None if date else _why_undated(phrase, ref)
        events.append(Event(date, phrase, text, [sid], relative, why, _ahead(date, ref, told)))
    dated = [(e.start_char, e.end_char) for e in t.ents if e.label_ in ("DATE", "TIME")]
    events += _dates_spacy_missed(t, dated, ref)
    events = _merge_vaguer(events)
    # Resolved dates first in time order; unresolved ones after, in reading order.
    return sorted(
        events,
        key=lambda e: (e.date is None, e.date or "", int(e.sentences[0][1:])),
    )


# Dates with a year written out: found in the text itself when spaCy tags none
# ("in the wake of the September 11, 2001 attacks").
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH.replace('(?P<month>', '(?:')}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:1[5-9]|20)\d\d"
    rf"|\d{{1,2}}\s+{_MONTH.replace('(?P<month>', '(?:')}\s+(?:1[5-9]|20)\d\d)\b",
    re.I,
)


def _conjunct_after(ent: Span, verb: Token | None) -> Token | None:
    """ "went in search of stories and from October onward they will be released": a date
    after "and", before a verb joined to the one the parser hung it on, is that verb's."""
    if verb is None or ent.start < verb.i:
        return verb
    joined = any(w.lower_ in ("and", "but") for w in ent.doc[verb.i + 1 : ent.start])
    for conj in verb.children:
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if joined and conj.dep_ in ("conj", "advcl") and subject is not None and subject.i >= ent.end:
            return conj
    return verb


def _ahead(date: str | None, ref: dt.date | None, told: str) -> bool:
    """Whether an event lies after the article's day: its date begins later, or it is told
    in the future within the article's own month or year ("later this month"), or with no
    date at all."""
    if date is None or ref is None:
        return told == "future"
    start, today = date.split("/")[0], ref.isoformat()
    if today.startswith(start):
        return told == "future"
    return start > today


def _dates_spacy_missed(t: Text, covered: list[tuple[int, int]], ref: dt.date | None) -> list[Event]:
    out = []
    for sentence, span in t.story():
        text = t.raw[span.start_char : span.end_char]
        for m in _FULL_DATE.finditer(text):
            start, end = span.start_char + m.start(), span.start_char + m.end()
            if any(a < end and start < b for a, b in covered) or (
                not m.group(0)[:1].isupper() and not m.group(0)[:1].isdigit()
            ):
                continue
            date, _ = resolve(m.group(0), None)
            if date:
                text = _clause(t.told(sentence), m.group(0))
                ahead = _ahead(date, ref, "unknown")
                out.append(Event(date, clean(m.group(0)), text, [sentence.id], ahead=ahead))
    return out


EVENT_NOUNS = ("visit", "summit", "talks", "meeting", "launch", "test", "signing", "delivery", "election")
_EVENT_NOUN_RE = re.compile(r"\b(" + "|".join(EVENT_NOUNS) + r")\b", re.I)


def event_nouns(text: str) -> list[str]:
    """The kinds of event a text names ("visit", "launch"), in EVENT_NOUNS order."""
    found = {m.lower() for m in _EVENT_NOUN_RE.findall(text)}
    return [n for n in EVENT_NOUNS if n in found]


def _merge_vaguer(events: list[Event]) -> list[Event]:
    """ "the December visit" after "a visit on December 4-5" is that visit, not a second event."""
    kept: list[Event] = []
    for event in events:
        nouns = set(event_nouns(event.text))
        precise = None
        if event.date and len(event.date) == 7 and nouns:
            precise = next(
                (
                    other
                    for other in events
                    if other is not event
                    and other.date
                    and len(other.date) > 7
                    and other.date.startswith(event.date)
                    and nouns & set(event_nouns(other.text))
                ),
                None,
            )
        if precise is None:
            kept.append(event)
        else:
            precise.sentences = sorted({*precise.sentences, *event.sentences}, key=lambda s: int(s[1:]))
    return kept
