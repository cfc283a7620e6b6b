"""What each sentence does for the reader: news of the article's own days, long-standing
context, or a statement of what is at stake.

These are sentence-level judgements from the article's dates and its own words, kept
short: each list holds a few sentences and the rest stays in the source text. A
sentence goes to one list at most: a statement of consequence to Why it matters, news
(dated near the article's day, or reported, announced, approved) to What's new,
history and long-standing context to Background.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dossier import Event, Statement
from .text import Text

LIMIT = 4  # sentences in What's new and in Background
STAKES_LIMIT = 3
RECENT_DAYS = 45  # an event this many days before the article, or on its day, is news
HISTORY_DAYS = 365  # an event longer ago than this is background

BACKGROUND_RE = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:(?:long|already|consistently|repeatedly|previously|historically|"
    r"traditionally|also|been|often)\s+)*(?!to\b)[a-z]+(?:ed|en|wn|ung|ound|ought|aught|ade|eld|et)\b|"
    r"had\s+(?:long|already|previously|earlier)|long-standing|longstanding|for decades|"
    r"for years|historically|traditionally|since (?:19|20)\d\d|in (?:19|20)\d\d|"
    r"broader (?:context|strategy)|part of a broader)",
    re.I,
)
# Reporting of the day: what was announced, approved, decided or is under way now.
NEWS_RE = re.compile(
    r"\b(?:announced|approved|unveiled|confirmed|agreed|signed|launched|ordered|decided|voted|ruled|"
    r"reported|revealed|said on|told|is (?:reportedly )?(?:considering|weighing|planning|preparing)|"
    r"plans to|this week|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"today|yesterday|last night)\b",
    re.I,
)
# The article's own statements of consequence: what is at stake.
STAKES_RE = re.compile(
    r"\b(?:could (?:reshape|undermine|transform|complicate|change|alter|threaten|trigger|derail|boost|hurt|"
    r"lead to|result in|affect|strain|jeopardi[sz]e|disrupt|end|mean)|"
    r"risks? (?:straining|undermining|triggering|deepening|losing|alienating)|"
    r"would (?:mark|make|give|allow|become|be the (?:first|largest|biggest))|"
    r"implications?|consequences?|at stake|significant (?:leap|shift|step|blow|boost)|"
    r"pave the way|threaten(?:s|ed|ing)?|jeopardi[sz]e|game[- ]changer|landmark|unprecedented|"
    r"signals? (?:a|an|the)|underscores?|highlights? the|crucial|key (?:test|moment|step))\b",
    re.I,
)


def _days_before(date: str, ref: dt.date) -> int | None:
    """Days from an event's start to the article's date (negative: after it)."""
    start = date.split("/")[0]
    parts = [int(p) for p in start.split("-")]
    if len(parts) == 1:
        day = dt.date(parts[0], 12, 31)  # a year: its last day, so "2019" is recent in 2019
    elif len(parts) == 2:
        day = dt.date(parts[0], parts[1], 28)
    else:
        day = dt.date(parts[0], parts[1], parts[2])
    return (ref - day).days


def _first_person_quote(text: str) -> bool:
    return bool(re.match(r"^[“\"‘']", text.strip()))


STRONG_HISTORY_RE = re.compile(
    r"\b(?:long-standing|longstanding|for decades|for years|historically|traditionally|has long|have long|"
    r"had long|since (?:19|20)\d\d|decades-old|years-long)\b",
    re.I,
)


def _recent_and_old(events: list[Event], ref: dt.date | None) -> tuple[set[str], set[str]]:
    """Sentences dating an event near the article's day, and long before it."""
    recent: set[str] = set()
    old: set[str] = set()
    for e in events:
        if e.date and ref is not None:
            before = _days_before(e.date, ref)
            if before is not None and -1 <= before <= RECENT_DAYS:
                recent.update(e.sentences)
            elif before is not None and before > HISTORY_DAYS:
                old.update(e.sentences)
    return recent, old


def news_leaning(t: Text, events: list[Event], ref: dt.date | None) -> dict[str, float]:
    """For the In brief: how far each sentence reads as the day's news (above 0) or as
    background (below 0)."""
    recent, old = _recent_and_old(events, ref)
    lean = {}
    for sentence, _ in t.story():
        if sentence.id in old or (BACKGROUND_RE.search(sentence.text) and sentence.id not in recent):
            lean[sentence.id] = -1.5
        elif sentence.id in recent or NEWS_RE.search(sentence.text):
            lean[sentence.id] = 0.8
    return lean


def sentence_roles(
    t: Text, events: list[Event], ref: dt.date | None, weight: dict[str, int], shown: set[str]
) -> tuple[list[Statement], list[Statement], list[Statement]]:
    """(What's new, Background, Why it matters), each in reading order. `weight`: how
    many of the story's stakeholders and systems each sentence names; where a list has
    more candidates than room, the sentences that name more of them are kept. Sentences
    in `shown` (the In brief) are not repeated."""
    recent, old = _recent_and_old(events, ref)
    news: list[tuple[tuple[int, ...], Statement]] = []
    background: list[tuple[tuple[int, ...], Statement]] = []
    stakes: list[tuple[tuple[int, ...], Statement]] = []
    for sentence, _ in t.story():
        text = t.told(sentence)
        if text.endswith("?") or len(text.split()) < 6 or _first_person_quote(text) or sentence.id in shown:
            continue  # headings, fragments and quotations (Sources lists those)
        position = int(sentence.id[1:])
        named = weight.get(sentence.id, 0)
        if STAKES_RE.search(text):
            stakes.append(((-named, position), Statement(text, [sentence.id])))
            continue  # a statement of consequence says why it matters, not what happened
        is_background = bool(BACKGROUND_RE.search(text)) or sentence.id in old
        if sentence.id in recent or (NEWS_RE.search(text) and not is_background):
            news.append(((sentence.id not in recent, -named, position), Statement(text, [sentence.id])))
        elif is_background:
            strong = bool(STRONG_HISTORY_RE.search(text)) or sentence.id in old
            background.append(((not strong, -named, position), Statement(text, [sentence.id])))
    return _best(news, LIMIT), _best(background, LIMIT), _best(stakes, STAKES_LIMIT)


def _best(ranked: list[tuple[tuple[int, ...], Statement]], limit: int) -> list[Statement]:
    """The `limit` best by rank, shown in reading order."""
    chosen = sorted(ranked, key=lambda rs: rs[0])[:limit]
    return [s for _, s in sorted(chosen, key=lambda rs: int(rs[1].sentences[0][1:]))]
