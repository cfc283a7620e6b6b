"""The analysed text: spaCy's Doc with the seed's sentences and their ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dossier import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TOWN_STATE = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s[A-Z]{2}"  # "New York, NY"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# "PARIS (Reuters) -", "DUBAI, Nov 18 -", "HANOI, Vietnam (AP) —", "(Reuters) —",
# "ST. JOSEPH, Mich. (AP) —", "WASHINGTON —": where a wire story was filed, not who is in it.
DATELINE_RE = re.compile(
    r"^\s*(?:"
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)"  # PLACE IN CAPITALS
    r"(?:,\s*[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+)*)?"  # , State or Country
    rf"(?:,?\s*{_MONTH_ABBR}\s+\d{{1,2}})?"  # , Nov 18
    r"\s*(?:\([^()\n]{1,40}\))?"  # (Reuters)
    r"|\([^()\n]{1,40}\)"  # or only (Reuters)
    rf"|{_TOWN_STATE}"  # or New York, NY (a press release)
    r")\s*[—–-]{1,2}\s+"
)


# Lines a news page carries that are not the story: credits, links, captions, tables.
BOILERPLATE_RE = re.compile(
    r"^\(?(?:(?:Additional |Further )?[Rr]eporting|Writing|Editing|Edited|Compiled|Produced) by\b"
    r"|contributed to this report|^(?:E-?mail|Follow|Contact) .{0,60}\b(?:at|on)\b"
    r"|^Editor['’]s note\b|^\(?(?:Read more|Also on|SOURCE|Main image credit|Image credit|Like this story|"
    r"Story continues|Sign up|Subscribe|Click here|Share this)\b"
    # a link's or a picture's label, not "More than 2,500 civilians" or "Watch makers say"
    r"|^\(?(?:More|Related|Source|Photo|Graphic|Watch|Listen)(?:\s*[:|»›–—-]|\s*$|\s+(?:by|credit)\b)"
    r"|^(?:More|Related) (?:[Ss]tories|[Cc]overage|[Aa]rticles|[Ll]inks|[Cc]ontent|[Vv]ideos?|[Nn]ews)\b"
    r"|^©|All [Rr]ights [Rr]eserved|may not be published, broadcast|^\||^_{3,}|^Staff [Rr]eports?$"
    r"|^By [A-Z][a-z]+|\b(?:can|may) be reached at\b|^This copy is for your personal\b"
    r"|^\[\d{1,3}\]\s"  # a numbered reference: "[2] Joint Commission …"
    r"|\(@\w{1,15}\)(?:\s+[A-Z][a-z]+\.? \d{1,2}, \d{4})?$"  # an embedded tweet's signature line
    r"|^[A-Z][a-z]+\.? \d{1,2}, \d{4}$"  # a date on a line of its own: the page's, or a tweet's
)


def is_boilerplate(sentence: str) -> bool:
    return bool(BOILERPLATE_RE.search(sentence.strip()))


def dateline_length(text: str) -> int:
    """Characters of the dateline opening `text`, 0 if none."""
    m = DATELINE_RE.match(text)
    if m is None:
        return 0
    head = m.group(0)
    # A dateline is in capitals, in brackets or a town and a state's postal code ("New
    # York, NY –", as press releases write it); "Dow component Home Depot - …" is not one.
    capitals = re.match(r"\s*[A-Z][A-Z.'’-]{1,}(?:\s|,|$)", head)
    postal = re.match(rf"\s*{_TOWN_STATE}\s*[—–-]", head)
    if not (capitals or postal or head.lstrip().startswith("(")):
        return 0
    return m.end()


@dataclass
class Text:
    doc: Doc
    sentences: list[Sentence]
    spans: list[Span]  # the spaCy span of each sentence, same order
    token_sid: list[str | None]  # sentence id of every token (None for whitespace between)
    raw: str  # doc.text, which spaCy rebuilds on every access
    tokens: list[Token]  # doc's tokens, made once: spaCy makes a new object on every doc[i]
    dateline_end: int = 0  # token index where the dateline (if any) ends
    boilerplate: frozenset[str] = frozenset()  # ids of sentences that are credits, links, tables
    dateline_chars: int = 0  # characters of the dateline opening the text
    quoted: frozenset[int] | None = None  # `quoted_tokens`, made once
    ents: tuple[Span, ...] = ()  # doc.ents, which spaCy rebuilds on every access

    @classmethod
    def from_doc(cls, doc: Doc) -> Text:
        sentences: list[Sentence] = []
        spans: list[Span] = []
        token_sid: list[str | None] = [None] * len(doc)
        for span in doc.sents:
            text = " ".join(span.text.split())
            if not any(ch.isalnum() for ch in text):
                continue
            sid = f"s{len(sentences) + 1}"
            sentences.append(Sentence(sid, text))
            spans.append(span)
            token_sid[span.start : span.end] = [sid] * (span.end - span.start)
        raw = doc.text
        tokens = list(doc)
        chars = dateline_length(raw)
        dateline_end = 0
        if chars:
            dateline_end = next((t.i for t in tokens if t.idx >= chars), len(tokens))
        # The parser sometimes makes the dateline ("OSLA, March 2 (Example Wire) -") a
        # sentence of its own: it is no part of the story.
        skip = frozenset(
            s.id
            for s, span in zip(sentences, spans, strict=True)
            if is_boilerplate(s.text) or (chars and span.end_char <= chars + 1)
        )
        ents = tuple(doc.ents)
        return cls(doc, sentences, spans, token_sid, raw, tokens, dateline_end, skip, chars, ents=ents)

    def sid_at(self, token_i: int) -> str | None:
        """The id of the story sentence holding a token (None between sentences and in
        credits, links and tables, which no section reads)."""
        sid = self.token_sid[token_i]
        return None if sid in self.boilerplate else sid

    def story(self) -> list[tuple[Sentence, Span]]:
        """The sentences of the story itself, with their spans."""
        return [
            (s, span)
            for s, span in zip(self.sentences, self.spans, strict=True)
            if s.id not in self.boilerplate
        ]

    def sentence_of(self, sid: str) -> Span:
        return self.spans[int(sid[1:]) - 1]

    def text_of(self, sid: str) -> str:
        return self.sentences[int(sid[1:]) - 1].text

    def paragraph_start(self, char: int) -> int:
        return self.raw.rfind("\n\n", 0, char) + 1

    def inside_quotation(self, char: int) -> bool:
        """Whether the text at `char` stands inside a quotation: the marks counted from
        its paragraph's start, as a quotation may open sentences before."""
        return quotation_open(self.raw[self.paragraph_start(char) : char])

    def opens_inside_quotation(self, span: Span) -> bool:
        """Whether a sentence starts inside a quotation opened in an earlier sentence."""
        return self.inside_quotation(span.start_char)

    def told(self, sentence: Sentence) -> str:
        """A sentence as a section retells it: without the dateline that opens the story
        ("COLUMBIA, S.C. (AP) — About a dozen …" -> "About a dozen …") or a list item's
        mark ("- SoftBank CEO …"). The article text on the page keeps them."""
        span = self.spans[int(sentence.id[1:]) - 1]
        bullet = re.match(r"[-–—•*]\s+(?=[A-Z0-9“\"])", sentence.text)
        if bullet:  # "- SoftBank CEO Masayoshi Son has told …": a list item's mark
            return sentence.text[bullet.end() :]
        if span.start_char < self.dateline_chars < span.end_char:
            rest = clean(self.raw[self.dateline_chars : span.end_char])
            if rest[:1].isalnum() or rest[:1] in "“\"‘'":
                return rest[:1].upper() + rest[1:]
        return sentence.text


def clean(text: str) -> str:
    """One line of text, whitespace folded."""
    return " ".join(text.split())


def quote_marks(text: str) -> int:
    """Double quotation marks in `text`, whatever their style (news mixes “, ”, " and ’’)."""
    text = text.replace("’’", "”").replace("''", '"').replace("``", "“")
    return sum(text.count(q) for q in '“”"')


_REOPENING = re.compile(r"(?<=[.!?] )[\"“](?=\w)")


def quotation_open(text: str) -> bool:
    """Whether a quotation is open at the end of `text` (a paragraph so far). A mark that
    opens met inside a quotation (`... U-turns. "It's`) is a paragraph of the same
    quotation running on, where the text lost its paragraph breaks."""
    text = text.replace("’’", "”").replace("''", '"').replace("``", "“")
    inside = False
    for m in re.finditer(r'[“”"]', text):
        if not (inside and _REOPENING.match(text, m.start())):
            inside = not inside
    return inside


def quoted_tokens(t: Text) -> frozenset[int]:
    """Tokens inside quotation marks (counted from each paragraph's start, as a quotation
    may run over sentences): a name there is in the speaker's words, no antecedent."""
    if t.quoted is None:
        t.quoted = _quoted(t)
    return t.quoted


def _quoted(t: Text) -> frozenset[int]:
    quoted: set[int] = set()
    marks = 0
    for token in t.tokens:
        if "\n\n" in token.text or (token.i and "\n\n" in t.tokens[token.i - 1].whitespace_):
            marks = 0
        if marks % 2 == 1 and quote_marks(token.text) == 0:
            quoted.add(token.i)
        elif marks % 2 == 1 and _reopens(t, token):
            continue  # `... U-turns. "It's not ...`: a new paragraph of the same quotation
        marks += quote_marks(token.text)
    return frozenset(quoted)


def _reopens(t: Text, mark: Token) -> bool:
    """A quotation mark that opens (`quotation_open`), met inside a quotation."""
    return _REOPENING.match(t.raw, mark.idx) is not None
