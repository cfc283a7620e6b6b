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
from ..errors import ExplainerError, ModelMissing, SeedError, internal_error
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
from .relations import extract_relations
from .text import Text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


BATCH = 32  # seeds per spaCy batch: big enough to amortise, small enough to stream


def build_dossier(seed: Seed, t: Text, parsed: dict[str, Doc], kb: KnowledgeBase) -> Dossier:
    """The dossier of one seed from its analysed text and its parsed hedged sentences."""
    entities = extract_entities(t, kb)
    events = extract_events(t, seed.date)
    attributions = extract_attributions(t, entities.stakeholders)
    dossier = Dossier(
        slug=seed.slug,
        title=seed.title,
        date=seed.date.isoformat() if seed.date else None,
        source=seed.source,
        url=seed.url,
        author=seed.author,
        tags=list(seed.tags),
        sentences=t.sentences,
        stakeholders=entities.stakeholders,
        systems=entities.systems,
        glossary=entities.glossary,
        events=events,
        attributions=attributions,
        relations=extract_relations(t, entities.stakeholders),
        background=extract_background(t, {s for e in events for s in e.sentences}),
        questions=extract_questions(parsed, entities.systems),
        flags=entities.flags + unattributed_flags(t, attributions),
        seed_file=seed.file or seed.path.name,
    )
    return apply_overrides(dossier, seed.overrides)


def _failure(seed: Seed, err: Exception) -> str:
    if isinstance(err, ModelMissing):
        raise err  # nothing can be analysed: the whole run stops with the install command
    if isinstance(err, ExplainerError):
        return str(err)
    return internal_error(seed.path, "analysing", err)


def _batch(seeds: Sequence[Seed], nlp: Language, kb: KnowledgeBase) -> list[Dossier | str]:
    """One batch: the main pass over whole texts, then one parser pass over all their
    hedged sentences together (spaCy is much faster on batches than on single texts)."""
    docs = list(nlp.pipe([s.text for s in seeds], disable=main_pass_disabled(nlp)))
    texts: list[Text | str] = []
    for seed, doc in zip(seeds, docs, strict=True):
        t = Text.from_doc(doc)
        texts.append(t if t.sentences else f"{seed.path}: no sentences found in the article text")
    wanted = [
        (i, sid, t.text_of(sid))
        for i, t in enumerate(texts)
        if isinstance(t, Text)
        for sid in hedged_sentence_ids(t)
    ]
    parsed_docs = nlp.pipe([w[2] for w in wanted], disable=parse_pass_disabled(nlp))
    parsed: dict[int, dict[str, Doc]] = {}
    for (i, sid, _), parsed_doc in zip(wanted, parsed_docs, strict=True):
        parsed.setdefault(i, {})[sid] = parsed_doc
    out: list[Dossier | str] = []
    for i, (seed, analysed) in enumerate(zip(seeds, texts, strict=True)):
        if isinstance(analysed, str):
            out.append(analysed)
            continue
        try:
            out.append(build_dossier(seed, analysed, parsed.get(i, {}), kb))
        except Exception as err:  # a bug must cost one seed, not the corpus
            out.append(_failure(seed, err))
    return out


def analyze_many(seeds: Sequence[Seed], kb: KnowledgeBase) -> Iterator[tuple[Seed, Dossier | str]]:
    """Each seed with its dossier or an error message naming it, in seed order."""
    if not seeds:
        return
    nlp = load_nlp(kb)
    for start in range(0, len(seeds), BATCH):
        chunk = seeds[start : start + BATCH]
        try:
            results = _batch(chunk, nlp, kb)
        except ModelMissing:
            raise
        except Exception:
            # Something in the batch broke spaCy itself: find the culprit seed by seed.
            results = []
            for seed in chunk:
                try:
                    results.extend(_batch([seed], nlp, kb))
                except Exception as err:
                    results.append(_failure(seed, err))
        yield from zip(chunk, results, strict=True)


def analyze(seed: Seed, kb: KnowledgeBase) -> Dossier:
    """One seed's dossier; raises ExplainerError (naming the seed) when it cannot be made."""
    ((_, result),) = analyze_many([seed], kb)
    if isinstance(result, str):
        raise SeedError(result.removeprefix(f"{seed.path}: "), seed.path)
    return result
