"""Related explainers: articles that share entities, rare shared entities counting most."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass

from ..dossier import Dossier

# An entity named in more than this many explainers (or this share of them) does not
# by itself propose related explainers: candidates come from rarer names, which also
# keeps the work near linear (a name in n explainers would propose n² pairs).
COMMON_MIN, COMMON_SHARE = 20, 50


@dataclass
class Related:
    slug: str
    title: str
    shared: list[str]
    score: float


def related_explainers(
    dossiers: list[Dossier], names: dict[str, set[str]] | None = None, limit: int = 5
) -> dict[str, list[Related]]:
    """Explainers sharing entities, rare shared entities counting most (like tf-idf).
    `names`: each explainer's entities as the corpus names them (default: as written)."""
    if names is None:
        names = {d.slug: {s.name for s in d.systems} | {h.name for h in d.stakeholders} for d in dossiers}
    titles = {d.slug: d.title for d in dossiers}
    postings: dict[str, list[str]] = defaultdict(list)
    for slug, ns in names.items():
        for n in ns:
            postings[n].append(slug)
    total = len(dossiers)
    weight = {n: math.log(1 + total / len(slugs)) for n, slugs in postings.items()}
    # An entity in most articles ("United States") relates everything to everything:
    # it adds to scores but does not by itself make two explainers related.
    common = {n for n, slugs in postings.items() if len(slugs) > max(COMMON_MIN, total // COMMON_SHARE)}
    out: dict[str, list[Related]] = {}
    for slug, ns in names.items():
        score: dict[str, float] = defaultdict(float)
        for n in ns - common:
            for other in postings[n]:
                score[other] += weight[n]
        score.pop(slug, None)
        # Full scores (common entities included) only for the best candidates by rare ones.
        shortlist = heapq.nsmallest(limit * 4, score, key=lambda o: (-score[o], o))
        scored = []
        mine_common = ns & common
        for other in shortlist:
            shared = ns & names[other]
            # The rare names' part is scored already; add the common ones they share.
            total_score = round(score[other] + sum(weight[n] for n in mine_common & names[other]), 6)
            top = sorted(shared, key=lambda n: (len(postings[n]), n))[:4]
            scored.append(Related(other, titles[other], top, total_score))
        out[slug] = sorted(scored, key=lambda r: (-r.score, r.title, r.slug))[:limit]
    return out
