"""Scores of the corpus layer against hand-made labels: B-cubed precision and recall of
a clustering (entities across articles, stories across seeds), and the pairs it joins
or splits against the labels, so a wrong merge can be read and fixed.

B-cubed (Bagga and Baldwin 1998): for each item, the share of its cluster that belongs
with it (precision) and the share of its labelled group that its cluster holds
(recall), averaged over the items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .identity import Identities
from .names import name_key


@dataclass
class BCubed:
    precision: float
    recall: float
    items: int
    wrong_joins: list[tuple[str, str]] = field(default_factory=list)  # labels joined by the system
    missed_joins: list[tuple[str, str]] = field(default_factory=list)  # one label, split by the system

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Mapping[Any, str], system: Mapping[Any, str]) -> BCubed:
    """`gold` and `system`: item -> cluster label, over the same items."""
    items = sorted(gold, key=repr)
    by_gold: dict[str, set[Hashable]] = defaultdict(set)
    by_system: dict[str, set[Hashable]] = defaultdict(set)
    for item in items:
        by_gold[gold[item]].add(item)
        by_system[system[item]].add(item)
    if not items:
        return BCubed(1.0, 1.0, 0)
    precision = recall = 0.0
    for item in items:
        g, s = by_gold[gold[item]], by_system[system[item]]
        both = len(g & s)
        precision += both / len(s)
        recall += both / len(g)
    wrong = sorted(
        {tuple(sorted({gold[i] for i in s})[:2]) for s in by_system.values() if len({gold[i] for i in s}) > 1}
    )
    missed = sorted(
        {
            tuple(sorted({system[i] for i in g})[:2])
            for g in by_gold.values()
            if len({system[i] for i in g}) > 1
        }
    )
    return BCubed(precision / len(items), recall / len(items), len(items), wrong, missed)  # type: ignore[arg-type]


def load_identity_labels(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Labelled entities by article file name, from every `*.yml` in `folder`."""
    labels: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for article, entries in (data.get("articles") or {}).items():
            labels[str(article)] = list(entries or [])
    return labels


def identity_items(
    labels: Mapping[str, list[dict[str, Any]]], identities: Identities, slug_of: Mapping[str, str]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str], int]:
    """(gold, system, unmatched): each labelled entity of each article that the analysis
    found (by any of its forms), with its label and the system's entity; how many
    labelled entities the analysis did not name at all. Labels opening with "?" (the
    annotator could not tell who) are their own cluster."""
    gold: dict[tuple[str, str], str] = {}
    system: dict[tuple[str, str], str] = {}
    unmatched = 0
    # Each form the article uses, with its entity: names first, then aliases ("Blair"
    # as Tony Blair's alias must not take Mrs Blair where her own record exists).
    by_slug: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for e in identities.entities:
        for r in e.records:
            for form in r.forms:
                by_slug[r.slug].append((int(form != r.name), name_key(form), e.key))
    for article, entries in labels.items():
        slug = slug_of.get(article)
        if slug is None:
            continue
        forms = by_slug.get(slug, [])
        for entry in entries:
            keys = {name_key(f) for f in entry.get("forms") or []}
            hits = sorted({(alias, key) for alias, form, key in forms if form in keys})
            if not hits:
                unmatched += 1
                continue
            label = str(entry["id"])
            gold[(slug, label)] = f"{label}@{slug}" if label.startswith("?") else label
            system[(slug, label)] = hits[0][1]
    return gold, system, unmatched


@dataclass
class StoryScores:
    labelled: BCubed  # the articles of the labelled stories
    section: BCubed  # and every other article of the labels' section, each its own story
    mention_only_joined: list[tuple[str, str]]  # (article, the story it only mentions)


def story_scores(labels: dict[str, Any], story_of: Mapping[str, str]) -> StoryScores:
    """Stories against a label file (`eval/stories/*.yml`): `story_of` maps each seed's
    file name ("business-003.txt") to its story. Reports labelled as one filed twice are
    one story. An article that only mentions a story's subject must not join it."""
    gold: dict[str, str] = {}
    for story, entry in (labels.get("stories") or {}).items():
        for article in entry.get("articles") or []:
            gold[str(article)] = str(story)
    for copies in labels.get("duplicates") or []:
        first = gold.setdefault(str(copies[0]), f"own:{copies[0]}")
        for other in copies[1:]:
            old = gold.get(str(other))
            for article, story in list(gold.items()):
                if story == old:
                    gold[article] = first
            gold[str(other)] = first
    gold = {a: s for a, s in gold.items() if a in story_of}
    sizes = Counter(gold.values())
    labelled = {a: s for a, s in gold.items() if sizes[s] > 1}
    sections = tuple(f"{x}-" for x in labels.get("sections") or [labels.get("section")] if x)
    everything = dict(gold)
    for article in story_of:
        if sections and article.startswith(sections):
            everything.setdefault(article, f"own:{article}")
    members: dict[str, set[str]] = defaultdict(set)
    for article, story in story_of.items():
        members[story].add(article)
    joined = []
    for story, articles in sorted((labels.get("mention_only") or {}).items()):
        for article in articles:
            told_with = members.get(story_of.get(str(article), ""), set()) - {str(article)}
            if any(gold.get(a) == story for a in told_with):
                joined.append((str(article), str(story)))
    return StoryScores(
        bcubed(labelled, {a: story_of[a] for a in labelled}),
        bcubed(everything, {a: story_of[a] for a in everything}),
        joined,
    )
