"""The whole generation run: seeds -> dossiers (cached) -> corpus -> pages -> docs/.

One bad seed never stops the others: its error is collected, its previous
pages stay as they were, and the run ends non-zero. `strict` stops at the
first error instead.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import DossierCache, cache_key, code_digest
from .dossier import Dossier
from .errors import ExplainerError, ModelMissing, SeedError, internal_error
from .project import Project
from .seeds import SEED_SUFFIXES, Seed, content_hash, find_seeds, read_seed, seed_name
from .site import (
    MANIFEST,
    WriteReport,
    read_manifest,
    sha256,
    write_atomic,
    write_docs,
    write_mkdocs_defaults,
)
from .timing import phase

if TYPE_CHECKING:
    from .corpus import Corpus
    from .pages import PageSpec

# What a page that could not be generated, and had no earlier version, says in its place:
# the lists link to it, so the site still builds, and the run has named the cause.
FAILED_PAGE = (
    "---\ntitle: Page not available\n---\n\n# Page not available\n\n"
    "This page could not be generated in the last run. The editors have been told why.\n"
)
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

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class RunState:
    """What the last successful run produced, so an unchanged project costs nothing."""

    inputs: str = ""
    manifest: str = ""
    flags: int = 0
    # page -> [fingerprint of its inputs, size, mtime_ns] as written
    pages: dict[str, list[object]] = field(default_factory=dict)
    seeds: dict[str, str] = field(default_factory=dict)  # seed below seeds/ -> its analysis key

    @classmethod
    def load(cls, path: Path) -> RunState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            seeds = {str(k): str(v) for k, v in data.get("seeds", {}).items()}
            return cls(
                str(data["inputs"]), str(data["manifest"]), int(data["flags"]), dict(data["pages"]), seeds
            )
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(self.__dict__, sort_keys=True))

    def is_current(self, inputs: str, docs: Path) -> bool:
        """Same inputs, and docs/ still holds exactly what that run wrote."""
        if not self.inputs or inputs != self.inputs or manifest_digest(docs) != self.manifest:
            return False
        return all((docs / rel).is_file() for rel in read_manifest(docs))


def manifest_digest(docs: Path) -> str:
    path = docs / MANIFEST
    return sha256(path.read_bytes()) if path.exists() else ""


def _analyse_chunk(args: tuple[list[Seed], str | None]) -> list[Dossier | str]:
    """Worker: analyse seeds, returning a dossier or an error message for each, in order."""
    seeds, extra = args
    from .analyze import analyze_many
    from .analyze.packs import load_knowledge

    kb = load_knowledge(Path(extra) if extra else None)
    return [result for _, result in analyze_many(seeds, kb)]


def _analyse_alone(seed: Seed, extra: str | None) -> Dossier | str:
    try:
        return _analyse_chunk(([seed], extra))[0]
    except ModelMissing:
        raise
    except Exception as err:
        return internal_error(seed.path, "analysing", err)


def analyse_seeds(
    seeds: Sequence[Seed], extra_packs: Path | None, jobs: int
) -> Callable[[], Iterator[tuple[Seed, Dossier | str]]]:
    """Start analysing seeds; the returned function yields each seed with its dossier or
    error message. With jobs > 1 the work runs in worker processes from the start, so
    loading spaCy there overlaps with what the caller does meanwhile."""
    if jobs <= 1 or not seeds:

        def serial() -> Iterator[tuple[Seed, Dossier | str]]:
            from .analyze import analyze_many
            from .analyze.packs import load_knowledge

            if seeds:
                yield from analyze_many(seeds, load_knowledge(extra_packs))

        return serial
    workers = min(jobs, max(1, len(seeds) // PARALLEL_THRESHOLD + 1))
    size = max(4, min(64, len(seeds) // (workers * 4) or 1))
    chunks = [list(seeds[i : i + size]) for i in range(0, len(seeds), size)]
    extra = str(extra_packs) if extra_packs else None
    pool = ProcessPoolExecutor(max_workers=workers)
    futures = [pool.submit(_analyse_chunk, (chunk, extra)) for chunk in chunks]

    def collect() -> Iterator[tuple[Seed, Dossier | str]]:
        try:
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    results = future.result()
                except ModelMissing:
                    raise
                except Exception:
                    # A worker died (killed, out of memory, a crash in native code): its
                    # seeds are analysed again here, one by one, so only a culprit fails.
                    results = [_analyse_alone(seed, extra) for seed in chunk]
                yield from zip(chunk, results, strict=True)
        finally:
            pool.shutdown(cancel_futures=True)

    return collect


def _progress_bar(total: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    if total < 20 or not sys.stderr.isatty():
        return (lambda n: None), (lambda: None)
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("Analysing seeds", total=total)
    bar.start()
    return (lambda n: bar.advance(task, n)), bar.stop


@dataclass
class Plan:
    """What this run works from: every seed file with its analysis cache key."""

    seeds: dict[Path, str]  # seed file -> cache key
    extra_packs: Path | None
    salt: tuple[str, str]  # the generator's code and templates: they shape every page
    inputs: str  # digest of everything the generated pages depend on

    def keys_by_name(self, folder: Path) -> dict[str, str]:
        """Each seed's name below `folder` (the project's seeds/) -> its cache key."""
        return {seed_name(path, folder): key for path, key in self.seeds.items()}


def _digest_of(path: Path) -> str:
    return sha256(path.read_bytes()) if path.is_file() else ""


def templates_digest(project: Project) -> str:
    from .render import template_folders

    digest = hashlib.sha256()
    for folder in template_folders(project.templates):
        for path in sorted(folder.glob("*.j2")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def make_plan(project: Project, report: GenerateReport, fail: Callable[[str], None]) -> Plan:
    """Hash every seed (cheap): enough to know what changed without parsing anything."""
    from .analyze.nlp import model_name
    from .analyze.packs import pack_files, packs_digest

    extra = project.knowledge if project.knowledge.is_dir() else None
    digest = packs_digest(pack_files(extra))
    model = model_name()
    seeds: dict[Path, str] = {}
    paths, others = find_seeds(project.seeds)
    report.seeds = len(paths)
    for other in others:
        report.warnings.append(
            f"{other}: not a seed, skipped (seeds are {', '.join(SEED_SUFFIXES)}; "
            "save the article as text or as a web page)"
        )
    for path in paths:
        try:
            # The file's place in seeds/ is part of the key: it decides the page address.
            seeds[path] = cache_key(content_hash(path) + seed_name(path, project.seeds), digest, model)
        except OSError as err:
            fail(f"{path}: cannot read file: {err.strerror}")
    salt = (code_digest(), templates_digest(project))
    # The editor's corpus corrections and the addresses given so far shape pages too.
    corpus_files = [_digest_of(p) for p in (project.corpus_overrides, project.addresses, project.seen)]
    inputs = hashlib.sha256(
        repr((salt, sorted((str(p), k) for p, k in seeds.items()), corpus_files)).encode()
    ).hexdigest()
    return Plan(seeds, extra, salt, inputs)


def load_dossiers(
    project: Project, plan: Plan, report: GenerateReport, fail: Callable[[str], None], jobs: int | None
) -> tuple[list[Dossier], dict[str, str]]:
    """Dossiers for every seed (from the cache where possible) and their keys by slug."""
    cache = DossierCache(project.cache)
    dossiers: dict[Path, Dossier] = {}
    todo: list[Seed] = []
    hits: list[Path] = []
    for path, key in plan.seeds.items():
        if cache.has(key):
            hits.append(path)
            continue
        try:
            seed = read_seed(path, project.seeds)
        except SeedError as err:
            fail(str(err))
            continue
        except Exception as err:  # a bug in reading one page must not stop the others
            fail(internal_error(path, "reading", err))
            continue
        report.warnings.extend(seed.warnings)
        todo.append(seed)
    if todo:
        from .analyze.packs import load_knowledge

        load_knowledge(plan.extra_packs)  # validates every pack first: a bad pack stops the run
    results = analyse_seeds(todo, plan.extra_packs, jobs or min(os.cpu_count() or 1, 4))
    for path in hits:  # meanwhile, the workers load spaCy
        hit = cache.get(plan.seeds[path])
        if hit is not None:
            dossiers[path] = hit
            report.cached += 1
        else:
            fail(f"{path}: cached analysis is unreadable; delete .cache/ and run again")
    if todo:  # still waiting for the workers: do the corpus's name work for what is here
        from .corpus.identity import prepare_names
        from .corpus.stories import english_frequencies

        prepare_names(dossiers.values())
        english_frequencies()
    advance, done = _progress_bar(len(todo))
    try:
        for seed, result in results():
            advance(1)
            if isinstance(result, str):
                fail(result)
                continue
            dossiers[seed.path] = result
            cache.put(plan.seeds[seed.path], result)
            report.analysed += 1
    finally:
        done()
    cache.prune(set(plan.seeds.values()))
    unique = _unique_slugs(project, dossiers, fail)
    return [d for _, d in unique], {d.slug: plan.seeds[path] for path, d in unique}


def _unique_slugs(
    project: Project, dossiers: dict[Path, Dossier], fail: Callable[[str], None]
) -> list[tuple[Path, Dossier]]:
    """One page per seed, files in path order. A slug taken from a file name that an
    earlier seed already has ("2025/budget.txt" after "2024/budget.txt") gets its folder,
    then a hash, added; a slug the editor chose that is taken is an error."""
    from dataclasses import replace

    from .seeds import default_slug
    from .slugs import name_hash, slugify

    owners: dict[str, Path] = {}
    out = []
    from_file = {p: d.slug == default_slug(p) for p, d in dossiers.items()}
    for path in sorted(dossiers, key=str):
        d = dossiers[path]
        slug = d.slug
        if slug in owners and from_file[path]:
            rel = seed_name(path, project.seeds)
            slug = slugify(rel.rsplit(".", 1)[0].replace("/", "-"), fallback="article")
            if slug in owners:
                slug = f"{d.slug[:70]}-{name_hash(rel)}"
        if slug in owners:
            fail(
                f"{path}: slug '{d.slug}' is already used by {seed_name(owners[slug], project.seeds)}; "
                "set a different 'slug'"
            )
            continue
        owners[slug] = path
        out.append((path, d if slug == d.slug else replace(d, slug=slug)))
    return sorted(out, key=lambda pd: str(pd[0]))


def generate(project: Project, strict: bool = False, jobs: int | None = None) -> GenerateReport:
    """Seeds to docs/. Pages of seeds that failed keep their previous version."""
    report = GenerateReport()
    write_mkdocs_defaults(project.mkdocs_defaults)

    def fail(message: str) -> None:
        report.errors.append(message)
        if strict:
            raise ExplainerError(message)

    with phase("hash seeds"):
        plan = make_plan(project, report, fail)
    state = RunState.load(project.cache.parent / "state.json")
    if report.ok and state.is_current(plan.inputs, project.docs):
        report.cached, report.flags = len(plan.seeds), state.flags
        return report

    # Thousands of dossiers are made and then live for the whole run: the cyclic
    # collector walking them again and again cost a third of loading and of the
    # corpus stage (BBC corpus, 2,222 cached dossiers: 1.3 -> 0.8 s, 3.8 -> 2.7 s).
    gc.disable()
    try:
        with phase("analyse and load"):
            dossiers, keys = load_dossiers(project, plan, report, fail, jobs)
    finally:
        gc.enable()
    gc.freeze()
    try:
        _pages(project, plan, state, report, fail, dossiers, keys, jobs)
    finally:
        gc.unfreeze()  # `serve` runs again in this process
    return report


def _pages(
    project: Project,
    plan: Plan,
    state: RunState,
    report: GenerateReport,
    fail: Callable[[str], None],
    dossiers: list[Dossier],
    keys: dict[str, str],
    jobs: int | None,
) -> None:
    """The corpus and every page from the dossiers, written to docs/."""
    from .first_seen import record_seen
    from .pages import fingerprint, render_all
    from .render import explainer_path

    seen = record_seen(project.seen, [d.seed_file for d in dossiers if not d.date], dt.date.today())
    first_seen = {d.slug: seen[d.seed_file] for d in dossiers if d.seed_file in seen}
    with phase("corpus and page plan"):
        dossiers, specs, corpus = plan_pages(project, dossiers, keys, fail, first_seen)
    report.flags = sum(len(d.flags) for d in dossiers)
    fingerprints = {spec.path: fingerprint(plan.salt, spec.fingerprint) for spec in specs}
    previous = read_manifest(project.docs)
    with phase("find unchanged pages"):
        keep = {
            s.path
            for s in specs
            if _unchanged_page(project.docs, s.path, fingerprints[s.path], state, previous)
        }
    jobs = jobs or min(os.cpu_count() or 1, 4)
    with phase("render"):
        pages, failures = render_all([s for s in specs if s.path not in keep], jobs)
    for failure in failures:
        fail(failure.error)
    # An explainer that failed and has no earlier page leaves the site: the lists are
    # planned again without it, so no page links to a page that is not there.
    gone = {f.seed_file for f in failures if f.seed_file and f.spec_path not in previous}
    if gone:
        dossiers, specs, corpus = plan_pages(
            project, [d for d in dossiers if d.seed_file not in gone], keys, fail, first_seen
        )
        fingerprints = {spec.path: fingerprint(plan.salt, spec.fingerprint) for spec in specs}
        keep &= {s.path for s in specs}
        pages, again = render_all([s for s in specs if s.path not in keep], jobs)
        reported = {f.spec_path for f in failures}
        for failure in again:
            if failure.spec_path not in reported:
                fail(failure.error)
        failures = again
    # A page that failed, and the page of a seed that failed, keep their last good
    # version rather than vanishing from the site; a page with none says what happened.
    failed_pages = {f.spec_path for f in failures}
    failed_pages.update(explainer_path(slug) for slug in _failed_slugs(project, dossiers))
    planned = {s.path for s in specs}
    for rel in sorted(failed_pages):
        if rel in previous and rel not in pages and (project.docs / rel).exists():
            pages[rel] = (project.docs / rel).read_text(encoding="utf-8")
        elif rel in planned and rel not in pages:
            pages[rel] = FAILED_PAGE
    with phase("write docs"):
        report.write = write_docs(project.docs, pages, frozenset(keep))
    report.warnings.extend(report.write.warnings)
    for error in report.write.errors:
        fail(error)
    _save_addresses(project, corpus)
    if report.ok:
        stamps = {rel: [fp, *_stamp(project.docs / rel)] for rel, fp in fingerprints.items()}
        seeds = plan.keys_by_name(project.seeds)
        RunState(plan.inputs, manifest_digest(project.docs), report.flags, stamps, seeds).save(
            project.cache.parent / "state.json"
        )


def _save_addresses(project: Project, corpus: Corpus) -> None:
    """The addresses given this run, kept for the next: saved after the pages, so a run
    cut short gives the same addresses again."""
    text = corpus.addresses.to_json()
    path = project.addresses
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def _unchanged_page(docs: Path, rel: str, fp: str, state: RunState, manifest: dict[str, str]) -> bool:
    """Whether the page on disk is what the last run wrote from these same inputs."""
    recorded = state.pages.get(rel)
    if not recorded or recorded[0] != fp or rel not in manifest:
        return False
    if list(_stamp(docs / rel)) == recorded[1:]:
        return True
    try:  # touched since: still current if the bytes are what the manifest records
        return sha256((docs / rel).read_bytes()) == manifest[rel]
    except OSError:
        return False


def _failed_slugs(project: Project, dossiers: list[Dossier]) -> list[str]:
    """Slugs of seed files present but not analysed in this run (by default slug)."""
    from .seeds import default_slug

    have = {d.seed_file for d in dossiers}
    paths, _ = find_seeds(project.seeds)  # unreadable files too: they are not in the plan
    return [default_slug(p) for p in paths if seed_name(p, project.seeds) not in have]


def plan_pages(
    project: Project,
    dossiers: list[Dossier],
    keys: dict[str, str],
    fail: Callable[[str], None],
    first_seen: dict[str, str] | None = None,
) -> tuple[list[Dossier], list[PageSpec], Corpus]:
    """The corpus and the plan of every page. Both are pure functions of the dossiers, so a
    bug one dossier triggers is found by leaving dossiers out: the culprit is reported by
    its seed and the site is built from the rest. `first_seen`: undated explainers -> the
    day first seen."""
    from .analyze.packs import load_knowledge
    from .corpus import build_corpus
    from .corpus.addresses import load_book
    from .corpus.overrides import load_overrides
    from .pages import plan_site
    from .render import environment

    compiled = project.root / ".explainer" / "templates-compiled"
    compiled.mkdir(parents=True, exist_ok=True)
    env = environment(project.templates, compiled)
    kb = load_knowledge(project.knowledge if project.knowledge.is_dir() else None)
    overrides = load_overrides(project.corpus_overrides)
    book = load_book(project.addresses)
    built: list[Corpus] = []

    def build(ds: list[Dossier]) -> list[PageSpec]:
        with phase("corpus"):
            corpus = build_corpus(ds, kb, overrides, book)
        built[:] = [corpus]
        with phase("page plan"):
            return plan_site(env, ds, corpus, {d.slug: keys[d.slug] for d in ds}, first_seen)

    try:
        return dossiers, build(dossiers), built[0]
    except Exception:
        culprits = _culprits(dossiers, build)
    rest = [d for d in dossiers if all(d is not c for c, _ in culprits)]
    try:
        specs = build(rest)
    except Exception as err:  # no dossier is to blame: a bug in the corpus-wide pages themselves
        raise ExplainerError(internal_error("the site", "planning the pages", err)) from None
    for d, cause in culprits:
        fail(internal_error(project.seeds / d.seed_file, "building the corpus", cause))
    return rest, specs, built[0]


def _culprits(
    dossiers: list[Dossier], build: Callable[[list[Dossier]], object]
) -> list[tuple[Dossier, Exception]]:
    """Dossiers without which `build` succeeds: each one that fails alone, then, while the
    rest still fails together, the first dossier of the shortest failing prefix (binary
    search, so a large corpus costs a few dozen builds, not one per pair)."""
    found: list[tuple[Dossier, Exception]] = []
    rest = []
    for d in dossiers:
        try:
            build([d])
            rest.append(d)
        except Exception as err:
            found.append((d, err))
    while rest:
        error = _failure_of(build, rest)
        if error is None:
            break
        lo, hi = 1, len(rest)  # build(rest[:hi]) fails; find the smallest such prefix
        while lo < hi:
            mid = (lo + hi) // 2
            shorter = _failure_of(build, rest[:mid])
            if shorter is None:
                lo = mid + 1
            else:
                hi, error = mid, shorter
        found.append((rest[hi - 1], error))
        del rest[hi - 1]
    return found


def _failure_of(build: Callable[[list[Dossier]], object], dossiers: list[Dossier]) -> Exception | None:
    try:
        build(dossiers)
    except Exception as err:
        return err
    return None
