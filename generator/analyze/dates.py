"""Dated events: date phrases found by spaCy, resolved against the seed's date.

News writes dates without years ("on November 27", "late September",
"December 4-5"). With the seed's date known, the year is the one that puts
the date nearest to it; without it, the date stays as written and `date` is
None: the page never shows a year the article did not give.

Resolution is hand-written on purpose: date libraries parse single dates but
not ranges ("4-5"), parts of months ("late September") or nearest-year choice,
which is the whole problem here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dossier import Event
from .text import Text, clean

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_QUAL = r"(?:(?P<qual>early|mid|late|end of|the end of|beginning of|the beginning of|mid-)\s*)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
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
    # late September / September 2025
    re.compile(rf"^{_QUAL}{_MONTH}(?:,?\s+{_YEAR})?$", re.I),
    # 2025 / early 2025
    re.compile(rf"^{_QUAL}{_YEAR}$", re.I),
]


def _nearest_year(month: int, day: int, ref: dt.date) -> int:
    """The year placing month/day closest to the reference date."""

    def distance(year: int) -> int:
        safe_day = min(day, calendar.monthrange(year, month)[1])
        return abs((dt.date(year, month, safe_day) - ref).days)

    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def resolve(phrase: str, ref: dt.date | None) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM, YYYY or a start/end range) for a date phrase, or None."""
    text = re.sub(r"^(?:on|in|by|since|from|until|during)\s+", "", clean(phrase), flags=re.I)
    text = re.sub(r"^(?:the\s+)?", "", text, flags=re.I)
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = MONTHS[groups["month"].lower()] if groups.get("month") else None
        d1 = int(groups["d1"]) if groups.get("d1") else None
        d2 = int(groups["d2"]) if groups.get("d2") else None
        if month is None:
            return f"{year:04d}" if year else None
        if year is None:
            if ref is None:
                return None
            year = _nearest_year(month, d1 or 15, ref)
        try:
            if d1 is None:
                return f"{year:04d}-{month:02d}"
            start = dt.date(year, month, d1)
            if d2 is None:
                return start.isoformat()
            end = dt.date(year, month, d2)
        except ValueError:
            return None  # "February 30": as written, not guessed
        return f"{start.isoformat()}/{end.isoformat()}" if end > start else None
    return None


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


def extract_events(t: Text, ref: dt.date | None) -> list[Event]:
    events: list[Event] = []
    for ent in t.doc.ents:
        if ent.label_ != "DATE":
            continue
        sid = t.sid_at(ent.start)
        start = ent.start
        if start > 0 and t.doc[start - 1].lower_ in ("early", "mid", "late"):
            start -= 1  # spaCy leaves the qualifier out of "late September"
        phrase = clean(t.doc[start : ent.end].text)
        has_month = any(w.lower().rstrip(".") in MONTHS for w in re.findall(r"[A-Za-z.]+", phrase))
        has_year = re.search(r"\b(?:19|20)\d\d\b", phrase) is not None
        if sid is None or not (has_month or has_year):
            continue  # "long-standing", "recent": not a point in time
        date = resolve(phrase, ref)
        text = _clause(t.text_of(sid), phrase)
        events.append(Event(date, phrase, text, [sid]))
    events = _merge_vaguer(events)
    # Resolved dates first in time order; unresolved ones after, in reading order.
    return sorted(
        events,
        key=lambda e: (e.date is None, e.date or "", int(e.sentences[0][1:])),
    )


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
