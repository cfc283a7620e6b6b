"""Analyze stage: a `Seed` becomes a `Dossier`.

seed text --spaCy (senter, ner, pack EntityRuler)--> Text
  entities.py   stakeholders, key systems, glossary, designation flags
  dates.py      dated events
  claims.py     attributions, background, unattributed-claim flags
  questions.py  open questions (the parser runs here, on hedged sentences only)
  overrides.py  the editor's corrections from front matter / sidecar
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..dossier import Dossier
from ..errors import ExplainerError, ModelMissing, SeedError
from ..seeds import Seed
from .claims import (
    extract_attributions,
    extract_background,
    hedged_sentence_ids,
    unattributed_flags,
)
from .dates import extract_events
from .entities import extract_entities
from .nlp import load_nlp, main_pass_disabled, parse_pass_disabled
from .overrides import apply_overrides
from .packs import KnowledgeBase
from .questions import extract_questions
from .text import Text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def build_dossier(seed: Seed, doc: Doc, nlp: Language, kb: KnowledgeBase) -> Dossier:
    t = Text.from_doc(doc)
    if not t.sentences:
        raise SeedError("no sentences found in the article text", seed.path)
    entities = extract_entities(t, kb)
    events = extract_events(t, seed.date)
    attributions = extract_attributions(t, entities.stakeholders)
    hedged = {sid: t.text_of(sid) for sid in hedged_sentence_ids(t)}
    questions = extract_questions(nlp, hedged, entities.systems, parse_pass_disabled(nlp))
    dossier = Dossier(
        slug=seed.slug,
        title=seed.title,
        date=seed.date.isoformat() if seed.date else None,
        source=seed.source,
        url=seed.url,
        tags=list(seed.tags),
        sentences=t.sentences,
        stakeholders=entities.stakeholders,
        systems=entities.systems,
        glossary=entities.glossary,
        events=events,
        attributions=attributions,
        background=extract_background(t, {s for e in events for s in e.sentences}),
        questions=questions,
        flags=entities.flags + unattributed_flags(t, attributions),
        seed_file=seed.path.name,
    )
    return apply_overrides(dossier, seed.overrides)


def analyze(seed: Seed, kb: KnowledgeBase) -> Dossier:
    nlp = load_nlp(kb)
    doc = nlp(seed.text, disable=main_pass_disabled(nlp))
    return build_dossier(seed, doc, nlp, kb)


def analyze_many(seeds: Sequence[Seed], kb: KnowledgeBase) -> Iterator[Dossier]:
    """Dossiers in seed order; spaCy batches the texts."""
    nlp = load_nlp(kb)
    docs = nlp.pipe((s.text for s in seeds), disable=main_pass_disabled(nlp), batch_size=16)
    for seed, doc in zip(seeds, docs, strict=True):
        yield build_dossier(seed, doc, nlp, kb)


def analyze_one_safely(seed: Seed, kb: KnowledgeBase) -> Dossier | str:
    """A dossier, or an error message naming the seed: one bad seed must not stop a run."""
    try:
        return analyze(seed, kb)
    except ModelMissing:
        raise  # nothing can be analysed: the whole run stops with the install command
    except ExplainerError as err:
        return str(err)
    except Exception as err:  # a bug must cost one seed, not the corpus
        return f"{seed.path}: internal error while analysing ({type(err).__name__}: {err}); please report it"
