"""The analysed text: spaCy's Doc with the seed's sentences and their ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dossier import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class Text:
    doc: Doc
    sentences: list[Sentence]
    spans: list[Span]  # the spaCy span of each sentence, same order
    token_sid: list[str | None]  # sentence id of every token (None for whitespace between)
    raw: str  # doc.text, which spaCy rebuilds on every access

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
            for token in span:
                token_sid[token.i] = sid
        return cls(doc, sentences, spans, token_sid, doc.text)

    def sid_at(self, token_i: int) -> str | None:
        return self.token_sid[token_i]

    def sentence_of(self, sid: str) -> Span:
        return self.spans[int(sid[1:]) - 1]

    def text_of(self, sid: str) -> str:
        return self.sentences[int(sid[1:]) - 1].text


def clean(text: str) -> str:
    """One line of text, whitespace folded."""
    return " ".join(text.split())
