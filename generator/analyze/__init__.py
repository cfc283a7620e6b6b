"""Analyze stage: a `Seed` becomes a `Dossier`.

seed text --spaCy (tagger, parser, ner, pack EntityRuler)--> Text
  entities.py      stakeholders, key systems, glossary, designation flags
  dates.py         dated events, told in the past or the future
  attributions.py  who said what
  brief.py         In brief: the sentences that say what happened
  context.py       What's new, Background, Why it matters
  claims.py        hedged and unsourced-claim flags
  anonymity.py     whether a claim's source is one the article identifies
  questions.py     open questions, from hedged and pending statements
  overrides.py     the editor's corrections from front matter / sidecar
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..dossier import Dossier
from ..errors import ExplainerError, ModelMissing, SeedError, internal_error
from ..seeds import Seed
from .attributions import extract_attributions
from .brief import in_brief
from .claims import unattributed_flags
from .context import news_leaning, sentence_roles
from .dates import extract_events
from .entities import extract_entities
from .nlp import disabled, load_nlp
from .overrides import apply_overrides
from .packs import KnowledgeBase
from .questions import extract_questions
from .relations import extract_relations
from .text import Text

if TYPE_CHECKING:
    from spacy.language import Language


BATCH = 32  # seeds per spaCy batch: big enough to amortise, small enough to stream


def build_dossier(seed: Seed, t: Text, kb: KnowledgeBase) -> Dossier:
    """The dossier of one seed from its analysed text."""
    entities = extract_entities(t, kb)
    events = extract_events(t, seed.date)
    attributions = extract_attributions(t, entities)
    mentions = {h.name: set(h.sentences) for h in entities.stakeholders}
    mentions.update({s.name: set(s.sentences) for s in entities.systems})
    weight = {s.id: sum(s.id in m for m in mentions.values()) for s in t.sentences}
    brief = in_brief(
        t, mentions, news_leaning(t, events, seed.date), "" if seed.title_from_text else seed.title
    )
    news, background, stakes = sentence_roles(
        t, events, seed.date, weight, {s for b in brief for s in b.sentences}
    )
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
        brief=brief,
        news=news,
        background=background,
        stakes=stakes,
        questions=extract_questions(t, entities.systems, attributions, entities.sure_antecedents),
        flags=entities.flags + unattributed_flags(t, attributions, entities.stakeholders),
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
    """One batch through spaCy (much faster on batches than on single texts), then each
    seed's dossier on its own, so a bug costs that seed only."""
    docs = nlp.pipe([s.text for s in seeds], disable=disabled(nlp))
    out: list[Dossier | str] = []
    for seed, doc in zip(seeds, docs, strict=True):
        t = Text.from_doc(doc)
        if not t.sentences:
            out.append(f"{seed.path}: no sentences found in the article text")
            continue
        try:
            out.append(build_dossier(seed, t, kb))
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
