"""`explainer stories` and `explainer eval --stories`: the stories of a project, for
editors and scripts, and their scores against hand-made labels.

Both read the project as `explainer generate` would (seeds analysed where the cache
does not have them, the editor's corpus.yml, the addresses given so far) and write
nothing: the addresses a story would get are the ones the next run gives it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .corpus import Corpus
from .errors import ExplainerError
from .project import Project
from .render import explainer_path, page_url


@dataclass(frozen=True)
class StoryEntry:
    slug: str
    title: str
    url: str  # relative to the site's root
    seeds: list[str]  # seed paths relative to the project, in the order the story was told
    updated: str | None  # the newest report's date


def project_corpus(project: Project) -> Corpus:
    from .analyze.packs import load_knowledge
    from .corpus import build_corpus
    from .corpus.addresses import load_book
    from .corpus.overrides import load_overrides
    from .pipeline import GenerateReport, load_dossiers, make_plan

    report = GenerateReport()
    kb = load_knowledge(project.knowledge if project.knowledge.is_dir() else None)
    plan = make_plan(project, report, report.errors.append)
    dossiers, _ = load_dossiers(project, plan, report, report.errors.append, None)
    if report.errors:
        raise ExplainerError(f"{len(report.errors)} seeds cannot be read; `explainer check` lists them")
    return build_corpus(dossiers, kb, load_overrides(project.corpus_overrides), load_book(project.addresses))


def story_entries(project: Project, corpus: Corpus) -> list[StoryEntry]:
    """Every story, one-article stories too, the most recently updated first."""
    by_slug = {d.slug: d for d in corpus.dossiers}
    seeds = project.seeds.relative_to(project.root)
    entries = []
    for group in corpus.story_groups:
        page = corpus.story_of(group.members[0])
        if page is not None:
            path, title, updated = page.path, page.title, page.latest.date
        else:
            d = by_slug[group.members[0]]
            path, title, updated = explainer_path(d.slug), d.title, d.date
        slug = path.removesuffix(".md").split("/", 1)[1]
        told = [(seeds / by_slug[m].seed_file).as_posix() for m in group.members]
        entries.append(StoryEntry(slug, title, page_url(path), told, updated))
    entries.sort(key=lambda e: (e.title.lower(), e.slug))
    entries.sort(key=lambda e: (e.updated or "", len(e.seeds)), reverse=True)
    return entries


def stories_json(entries: list[StoryEntry]) -> str:
    data = {"stories": [e.__dict__ for e in entries]}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def stories_text(entries: list[StoryEntry]) -> str:
    told = [e for e in entries if len(e.seeds) > 1]
    lines = [f"{len(entries)} stories, {len(told)} told in two articles or more"]
    for e in told:
        lines.append(f"\n{e.title}  ({len(e.seeds)} articles, {e.updated or 'undated'})  {e.url}")
        lines += [f"  {seed}" for seed in e.seeds]
    return "\n".join(lines) + "\n"


def evaluate_stories(corpus: Corpus, label_files: list[Path]) -> str:
    """B-cubed scores of the stories against each label file, and the mention-only
    articles wrongly joined."""
    from .corpus.scoring import story_scores

    by_slug = {d.slug: d for d in corpus.dossiers}
    story_of = {
        Path(by_slug[m].seed_file).name: f"story{i}"
        for i, g in enumerate(corpus.story_groups)
        for m in g.members
    }
    files = {path.stem: _labels(path) for path in label_files}
    if len(files) > 1:
        files["all of them"] = {
            "stories": {k: v for f in files.values() for k, v in (f.get("stories") or {}).items()},
            "duplicates": [x for f in files.values() for x in f.get("duplicates") or []],
            "mention_only": {k: v for f in files.values() for k, v in (f.get("mention_only") or {}).items()},
            "sections": [f.get("section") for f in files.values()],
        }
    lines = ["| labels | articles | B-cubed P | R | F1 | mention-only joined |", "|---|---|---|---|---|---|"]
    for name, labels in files.items():
        scores = story_scores(labels, story_of)
        joined = len(scores.mention_only_joined)
        for what, b in (("labelled stories", scores.labelled), ("the whole section", scores.section)):
            lines.append(
                f"| {name}, {what} | {b.items} | {b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f} | {joined} |"
            )
        for article, story in scores.mention_only_joined:
            lines.append(f"|  {article} joined {story} | | | | | |")
    return "\n".join(lines) + "\n"


def _labels(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ExplainerError(f"cannot read the story labels: {err}", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("stories"), dict):
        raise ExplainerError("story labels need a 'stories' mapping (see eval/stories/)", path)
    return data
