"""Titles of films, books, albums and shows, which spaCy's small model takes for people,
places and organisations ("Hotel Rwanda" a place, "Topsy Turvy" a company).

A title is no stakeholder. It is told by the words around it:

- a kind of work right before or after it: "her gritty drama Wasp", "The Phantom of the
  Opera movie";
- in a sentence about films or music, a part or an honour in it: "her performance in
  Hotel Rwanda", "her lead role in Eternal Sunshine of the Spotless Mind", "nominated for
  Gladiator" (not "his role in the Labour Party").

A title runs on over small words between capitalised ones ("Harry Potter and the
Prisoner of Azkaban"), which spaCy cuts into pieces.
"""

from __future__ import annotations

from .text import Text

WORK_NOUNS = {
    "film", "movie", "drama", "comedy", "thriller", "documentary", "musical", "novel", "book", "memoir",
    "album", "single", "song", "sitcom", "soap", "biopic", "blockbuster", "cartoon", "opera",
}  # fmt: skip
# Words before a title that tell a part in it or an honour for it.
CUES = {
    ("role", "in"), ("performance", "in"), ("starring", "in"), ("starred", "in"), ("appeared", "in"),
    ("appears", "in"), ("nominated", "for"), ("nomination", "for"), ("nominations", "for"), ("oscar", "for"),
    ("award", "for"), ("prize", "for"),
}  # fmt: skip
SCREEN_WORDS = {
    "film", "films", "movie", "movies", "actor", "actress", "oscar", "oscars", "bafta", "baftas", "director",
    "starring", "cast", "drama", "screenplay", "album", "singer", "band", "cinema", "box", "grammy",
}  # fmt: skip
# Honours a cue may name instead of a work ("nominated for Oscars").
AWARDS = {
    "Oscar", "Oscars", "Bafta", "Baftas", "Grammy", "Grammys", "Globe", "Globes", "Award", "Awards", "Prize",
    "Emmy", "Emmys", "Brit", "Brits", "Prizes", "Medal",
}  # fmt: skip
NAME_TAGS = ("NNP", "NNPS", "DT")
SMALL_WORDS = {"of", "and", "the", "to", "in", "a", "on", "from", "for", "with"}


def _capitalised(t: Text, i: int) -> bool:
    return 0 <= i < len(t.tokens) and t.tokens[i].text[:1].isupper() and t.tokens[i].tag_ in NAME_TAGS


def _small(t: Text, i: int) -> bool:
    return 0 <= i < len(t.tokens) and t.tokens[i].lower_ in SMALL_WORDS


def _title_end(t: Text, start: int, stop: int) -> int:
    """Where a title from `start` ends: capitalised words, and one or two small words
    between them ("of the Spotless Mind")."""
    end = start
    while end < stop:
        inside = end > start and _small(t, end)
        if _capitalised(t, end) or (inside and end + 1 < stop and _capitalised(t, end + 1)):
            end += 1
        elif inside and _small(t, end + 1) and end + 2 < stop and _capitalised(t, end + 2):
            end += 2
        else:
            break
    return end


def _title_before(t: Text, kind: int, lo: int) -> tuple[int, int] | None:
    """ "from The Phantom of the Opera movie": the title before a kind of work, from its
    first capitalised word."""
    first = kind - 1
    while first - 1 >= lo and (_capitalised(t, first - 1) or _small(t, first - 1)):
        first -= 1
    while first < kind and (not _capitalised(t, first) or t.tokens[first].lower_ in ("the", "a")):
        first += 1
    return (first, kind) if first < kind else None


def titles_of_works(t: Text) -> list[tuple[int, int]]:
    """Token spans (start, end) of the titles of works the text names."""
    found = []
    for sentence in t.spans:
        screen = bool({w.lower_ for w in sentence} & SCREEN_WORDS)
        lo, hi = sentence.start, sentence.end
        for token in sentence:
            i = token.i
            kind = token.text in WORK_NOUNS  # not "Los Angeles Film Critics Association": a name's capital
            cue = screen and i > lo and (t.tokens[i - 1].lower_, token.lower_) in CUES
            start = i + 1 if i + 1 < hi and ((kind and _capitalised(t, i + 1)) or cue) else -1
            if start >= 0:
                while start < hi and t.tokens[start].lower_ in ("the", "a"):
                    start += 1
                end = _title_end(t, start, hi)
                if end > start:
                    found.append((start, end))
            # not "Elvis Presley musical Jailhouse Rock", nor "the Sundance film festival"
            named_after = start >= 0 or (i + 1 < hi and t.tokens[i + 1].tag_ in ("NN", "NNS"))
            if kind and i > lo and _capitalised(t, i - 1) and not named_after:
                before = _title_before(t, i, lo)
                if before:
                    found.append(before)
    return [(start, end) for start, end in found if t.tokens[end - 1].text not in AWARDS]
