"""The whole generation run: seeds -> dossiers (cached) -> corpus -> pages -> docs/.

One bad seed never stops the others: its error is collected, its previous
pages stay as they were, and the run ends non-zero. `strict` stops at the
first error instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import DossierCache, cache_key
from .dossier import Dossier
from .errors import ExplainerError, SeedError
from .project import Project
from .seeds import Seed, content_hash, find_seeds, read_seed
from .site import WriteReport, read_manifest, write_docs

PARALLEL_THRESHOLD = 24  # below this, starting worker processes costs more than it saves


@dataclass
class GenerateReport:
    seeds: int = 0
    analysed: int = 0
    cached: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: int = 0
    write: WriteReport = field(default_factory=WriteReport)
    dossiers: list[Dossier] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _analyse_chunk(args: tuple[list[Seed], str | None]) -> list[tuple[int, Dossier | str]]:
    """Worker: analyse seeds, returning a dossier or an error message for each."""
    seeds, extra = args
    from .analyze import analyze_many
    from .analyze.packs import load_knowledge

    kb = load_knowledge(Path(extra) if extra else None)
    return [(i, result) for i, (_, result) in enumerate(analyze_many(seeds, kb))]


def analyse_seeds(
    seeds: Sequence[Seed], extra_packs: Path | None, jobs: int, progress: Callable[[int], None]
) -> Iterator[tuple[Seed, Dossier | str]]:
    """Dossiers (or error messages) for seeds, in parallel when there are many."""
    if jobs <= 1 or len(seeds) < PARALLEL_THRESHOLD:
        from .analyze import analyze_many
        from .analyze.packs import load_knowledge

        for seed, result in analyze_many(seeds, load_knowledge(extra_packs)):
            yield seed, result
            progress(1)
        return
    size = max(4, min(64, len(seeds) // (jobs * 4) or 1))
    chunks = [list(seeds[i : i + size]) for i in range(0, len(seeds), size)]
    extra = str(extra_packs) if extra_packs else None
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, results in zip(
            chunks, pool.map(_analyse_chunk, [(c, extra) for c in chunks]), strict=True
        ):
            for i, result in results:
                yield chunk[i], result
            progress(len(chunk))


def _progress_bar(total: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    if total < 20 or not sys.stderr.isatty():
        return (lambda n: None), (lambda: None)
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("Analysing seeds", total=total)
    bar.start()
    return (lambda n: bar.advance(task, n)), bar.stop


def load_dossiers(
    project: Project, report: GenerateReport, strict: bool = False, jobs: int | None = None
) -> list[Dossier]:
    from .analyze.nlp import model_name
    from .analyze.packs import load_knowledge, pack_files, packs_digest

    extra = project.knowledge if project.knowledge.is_dir() else None
    load_knowledge(extra)  # validates every pack before any work: a bad pack stops the run
    digest = packs_digest(pack_files(extra))
    model = model_name()
    cache = DossierCache(project.cache)
    paths = find_seeds(project.seeds)
    report.seeds = len(paths)
    dossiers: dict[Path, Dossier] = {}
    todo: list[tuple[Seed, str]] = []
    keys: set[str] = set()

    def fail(message: str) -> None:
        report.errors.append(message)
        if strict:
            raise ExplainerError(message)

    for path in paths:
        try:
            key = cache_key(content_hash(path), digest, model)
        except OSError as err:
            fail(f"{path}: cannot read file: {err.strerror}")
            continue
        keys.add(key)
        hit = cache.get(key)
        if hit is not None:
            dossiers[path] = hit
            report.cached += 1
            continue
        try:
            seed = read_seed(path)
        except SeedError as err:
            fail(str(err))
            continue
        report.warnings.extend(seed.warnings)
        todo.append((seed, key))

    advance, done = _progress_bar(len(todo))
    try:
        by_path = {seed.path: key for seed, key in todo}
        jobs = jobs or min(os.cpu_count() or 1, 4)
        for seed, result in analyse_seeds([s for s, _ in todo], extra, jobs, advance):
            if isinstance(result, str):
                fail(result)
                continue
            dossiers[seed.path] = result
            cache.put(by_path[seed.path], result)
            report.analysed += 1
    finally:
        done()
    cache.prune(keys)
    return _unique_slugs(dossiers, report, fail)


def _unique_slugs(
    dossiers: dict[Path, Dossier], report: GenerateReport, fail: Callable[[str], None]
) -> list[Dossier]:
    """Two seeds may not claim one page; the first by file name keeps it."""
    owners: dict[str, Path] = {}
    out = []
    for path in sorted(dossiers):
        d = dossiers[path]
        if d.slug in owners:
            fail(f"{path}: slug '{d.slug}' is already used by {owners[d.slug].name}; set a different 'slug'")
            continue
        owners[d.slug] = path
        out.append(d)
    return out


def generate(project: Project, strict: bool = False, jobs: int | None = None) -> GenerateReport:
    """Seeds to docs/. Pages of seeds that failed keep their previous version."""
    from .corpus import build_corpus
    from .render import environment, explainer_path, render_site

    report = GenerateReport()
    dossiers = load_dossiers(project, report, strict, jobs)
    report.dossiers = dossiers
    report.flags = sum(len(d.flags) for d in dossiers)
    env = environment(project.templates)
    pages = render_site(env, dossiers, build_corpus(dossiers))
    if report.errors:
        # A seed that failed keeps its last good page rather than vanishing from the site.
        previous = read_manifest(project.docs)
        failed_slugs = _failed_slugs(project, dossiers)
        for slug in failed_slugs:
            rel = explainer_path(slug)
            if rel in previous and rel not in pages and (project.docs / rel).exists():
                pages[rel] = (project.docs / rel).read_text(encoding="utf-8")
    report.write = write_docs(project.docs, pages)
    report.warnings.extend(report.write.warnings)
    return report


def _failed_slugs(project: Project, dossiers: list[Dossier]) -> list[str]:
    """Slugs of seed files present but not analysed in this run (by default slug)."""
    from .seeds import default_slug

    have = {d.seed_file for d in dossiers}
    out = []
    for path in find_seeds(project.seeds):
        if path.name not in have:
            try:
                out.append(default_slug(path))
            except SeedError:
                continue
    return out
