"""In brief: two or three of the article's own sentences that say what happened.

Sentences are scored on what a reader needs first: the news lede (position), the
story's main actors and systems (coverage of the names the article mentions most,
each counted once across the brief), a figure that matters, and news verbs and
dates (context.py tells news from background). The
best sentence is taken, then the one adding most that the first lacks, while the
brief stays within `MAX_WORDS`. The chosen sentences are shown in reading order,
each cited; none is shortened or reworded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..dossier import Sentence, Statement
from .text import Text, quote_marks

if TYPE_CHECKING:
    from spacy.tokens import Span

MAX_WORDS = 80
MAX_SENTENCES = 3
MIN_WORDS, LONGEST = 6, 50
FINITE = {"VBD", "VBZ", "VBP", "MD"}
LEDE_WORDS = 12  # shorter openings tease ("Enter South Dakota to throw down the gauntlet.")
_FIGURE = re.compile(
    r"(?:\$|€|£|¥)\s?\d|\b\d[\d,.]*\s?(?:%|percent|per cent|billion|million|bn|m\b)|\b\d{2,}\b"
)
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused|did not (?:immediately )?respond|could not (?:immediately )?be reached|"
    r"(?:was|were) not (?:immediately )?available|had no(?: immediate)?)\b.{0,40}\bcomment",
    re.I,
)
_STAT_LINE = re.compile(r"^[A-Z][\w .'’-]{0,30} \((?:[A-Z]{1,4}|\d+(?:-\d+){1,2})\):")
_READER = re.compile(r"\byou(?:r|rs|rself|['’]re|['’]ll|['’]ve)?\b", re.I)
_NEWS = re.compile(
    r"\b(?:said|says|announced|approved|agreed|signed|killed|arrested|charged|launched|ordered|"
    r"reported|plans?|will|has (?:been )?\w+ed|have (?:been )?\w+ed|is (?:set|expected|due) to)\b",
    re.I,
)


def in_brief(
    t: Text, mentions: dict[str, set[str]], leaning: dict[str, float], title: str = ""
) -> list[Statement]:
    """`mentions`: for each stakeholder or system, the ids of the sentences naming it;
    `leaning`: how far a sentence reads as the day's news (> 0) or as background (< 0);
    `title`: the headline, which a page may repeat above its story."""
    headline = _bare(title)
    # The story's main names: those the article comes back to, most often first.
    main = sorted(mentions, key=lambda n: (-len(mentions[n]), n))[:8]
    importance = {name: len(mentions[name]) for name in main}
    candidates: list[tuple[Sentence, str, int, set[str], float]] = []
    for sentence, span in t.story():
        text = t.told(sentence).strip()
        words = len(text.split())
        if (
            not (MIN_WORDS <= words <= LONGEST)
            or text.endswith(("?", ":"))  # a question or a lead-in ("Here's what the reviews say:")
            or text[:1] in "“\"‘'("  # a quotation, or an aside in brackets
            or _echoes(text, headline)
            or _STAT_LINE.match(text)  # "Astronaut (NR): Jaden Siemans 7 saves."
            or _NO_COMMENT.search(text)  # "A spokesperson … declined to comment.": no news
            or text[:1].islower()  # the tail of a quotation spaCy split off
            or t.opens_inside_quotation(span)  # a sentence of a quotation opened before it
            or not _has_finite_verb(span)  # a caption or list item ("Editing in Final Cut Pro")
        ):
            continue
        named = {n for n in main if sentence.id in mentions[n]}
        position = int(sentence.id[1:])
        # The lede says what happened in one full sentence, whatever it names.
        lede = not candidates and position <= 3 and words >= LEDE_WORDS
        base = (
            3.0 / (1 + 0.35 * (position - 1))
            + (1.5 if lede else 0.0)
            + (0.6 if _FIGURE.search(text) else 0.0)
        )
        base += (0.5 if _NEWS.search(text) else 0.0) + leaning.get(sentence.id, 0.0)
        if _READER.search(text) and not quote_marks(text):
            base -= 1.5  # talks to the reader: how-to pages have little else, news much else
        candidates.append((sentence, text, words, named, base))
    chosen: list[tuple[int, str, str]] = []
    covered: set[str] = set()
    budget = MAX_WORDS

    def gain(c: tuple[object, str, int, set[str], float], covered: set[str]) -> float:
        _, _, _, named, base = c
        return base + sum(importance[n] ** 0.5 for n in named - covered) * 0.8

    while candidates and len(chosen) < MAX_SENTENCES:
        fitting = [c for c in candidates if c[2] <= budget]
        if not fitting:
            break
        best = max(fitting, key=lambda c: (gain(c, covered), -int(c[0].id[1:])))
        if chosen and not (best[3] - covered) and gain(best, covered) < 1.5:
            break  # nothing new to tell in the words left
        sentence, text, words, named, _ = best
        chosen.append((int(sentence.id[1:]), sentence.id, text))
        covered |= named
        budget -= words
        candidates.remove(best)
    return [Statement(text, [sid]) for _, sid, text in sorted(chosen)]


def _bare(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _has_finite_verb(span: Span) -> bool:
    """A verb that makes a statement; a participle the tagger read for a past tense counts
    when it has a subject ("My husband just purchased tickets")."""
    return any(
        w.tag_ in FINITE
        or (w.dep_ == "ROOT" and w.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in w.children))
        for w in span
    )


def _echoes(text: str, headline: str) -> bool:
    """The headline repeated above the story, word for word or nearly ("High School
    Roundup: Viera defeats Rockledge" under "HS Roundup: Viera defeats Rockledge")."""
    if not headline:
        return False
    bare = _bare(text)
    # Else near enough, and set as a headline, with no full stop: the lede often shares its words.
    return bare == headline or (
        not text.rstrip().endswith((".", "!", "?", '"', "”")) and fuzz.token_sort_ratio(bare, headline) >= 85
    )
