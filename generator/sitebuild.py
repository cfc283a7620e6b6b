"""Build stage: docs/ becomes site/, with MkDocs and Pagefind.

A full build writes a whole new site into a temporary folder and swaps it in with one
atomic exchange: a failed build leaves the previous site untouched.

After a small change the build is incremental, with the same bytes as a full build:
- MkDocs builds "dirty" into an empty staging folder: only pages whose Markdown is
  newer than their HTML in site/ (the explainer plugin answers MkDocs from the live
  site). That is exact because no generated page embeds another: the navigation lists
  index pages only, whose titles are fixed, and the feed is read from every explainer's
  front matter, not from the pages built;
- the search index is rebuilt for the shards whose pages changed (search.py), beside
  MkDocs;
- the staged files then replace site/'s through a journal (the list of renames and
  removals is written first, like docs/'s), so a run killed at any point leaves the
  previous site or the next run finishes the new one.
A full build happens whenever anything that shapes every page changed (the generator,
MkDocs or its settings, the site address, the search choice), and with `--full`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .errors import ExplainerError
from .project import Project
from .site import read_manifest, write_atomic
from .timing import phase

JOURNAL = "site-journal.json"  # in .explainer/: the renames of an incremental build


@dataclass
class BuildState:
    """What the site in site/ was built from (`.explainer/site-state.json`)."""

    settings: str = ""
    docs: dict[str, str] = field(default_factory=dict)  # the docs manifest it was built from
    files: list[str] = field(default_factory=list)  # the site's files MkDocs made (not the index)

    @classmethod
    def load(cls, path: Path) -> BuildState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            docs = {str(k): str(v) for k, v in data["docs"].items()}
            return cls(str(data["settings"]), docs, [str(f) for f in data["files"]])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, path: Path) -> None:
        data = {"settings": self.settings, "docs": self.docs, "files": self.files}
        write_atomic(path, json.dumps(data, sort_keys=True))


@dataclass
class BuildReport:
    incremental: bool
    pages_built: int
    shards_indexed: int


def settings_digest(project: Project, builtin_search: bool, pagefind: bool) -> str:
    """Everything that shapes every page of the site at once."""
    from .cache import code_digest

    digest = hashlib.sha256()
    for path in (project.root / "mkdocs.yml", project.mkdocs_defaults):
        digest.update(path.read_bytes() if path.is_file() else b"")
    versions = [metadata.version(p) for p in ("mkdocs", "mkdocs-material", "pagefind", "minify-html")]
    parts = (code_digest(), versions, os.environ.get("SITE_URL", ""), builtin_search, pagefind, sys.version)
    digest.update(repr(parts).encode())
    return digest.hexdigest()


def _run_mkdocs(
    root: Path, out: Path, strict: bool, live: Path | None, generated: frozenset[str], changed: frozenset[str]
) -> tuple[set[str], list[str]]:
    """MkDocs into `out`; with `live`, dirty: only what changed since `live` was built
    (`changed` of the `generated` pages; other files by time). The pages it wrote, and
    every file of the site it describes (site-relative)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                problems.append(record.getMessage())

    def not_the_dirty_warning(record: logging.LogRecord) -> bool:
        # MkDocs warns that a dirty build may leave other pages stale; here none embeds
        # another page (see the module's note), and strict mode would count it.
        return not record.getMessage().startswith("A 'dirty' build")

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    build_logger = logging.getLogger("mkdocs.commands.build")
    logger.addHandler(handler)
    build_logger.addFilter(not_the_dirty_warning)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
        plugin = config.plugins.get("explainer")
        if plugin is None and live is not None:
            raise ExplainerError("an incremental build needs the explainer plugin in mkdocs.yml")
        if plugin is not None:
            plugin.live, plugin.generated, plugin.changed = live, generated, changed
        build(config, dirty=live is not None)
        return set(getattr(plugin, "written", set())), sorted(getattr(plugin, "site_files", []))
    except (MkDocsException, OSError) as err:
        detail = "\n".join([*problems[-15:], str(err)])
        raise ExplainerError(f"MkDocs build failed; the previous site is untouched.\n{detail}") from None
    finally:
        logger.removeHandler(handler)
        build_logger.removeFilter(not_the_dirty_warning)


class _Indexing(threading.Thread):
    """Pagefind beside MkDocs (its processes wait without holding Python's lock)."""

    def __init__(self, project: Project, site: Path, pages: list[str] | None):
        super().__init__(name="pagefind", daemon=True)
        self.args = (site, project.docs, project.search_mirror, pages)
        self.error: BaseException | None = None
        self.shards: set[int] = set()

    def run(self) -> None:
        from .search import index_site

        try:
            self.shards = index_site(*self.args)
        except BaseException as err:
            self.error = err


def _build_into(
    project: Project,
    out: Path,
    strict: bool,
    pagefind: bool,
    live: Path | None,
    docs: dict[str, str],
    changed: list[str] | None,
) -> tuple[set[str], list[str], set[int]]:
    """MkDocs into `out`, and beside it the search index (into a folder of its own, then
    moved into `out`: a full MkDocs build starts by emptying its folder)."""
    search_out = Path(tempfile.mkdtemp(prefix=".site-search-", dir=project.root))
    indexing = _Indexing(project, search_out, changed) if pagefind else None
    try:
        if indexing is not None:
            indexing.start()
        try:
            with phase("mkdocs"):
                written, files = _run_mkdocs(
                    project.root, out, strict, live, frozenset(docs), frozenset(changed or ())
                )
        finally:
            if indexing is not None:
                with phase("pagefind, after mkdocs"):
                    indexing.join()
        if indexing is not None and indexing.error is not None:
            raise indexing.error
        if (search_out / "pagefind").is_dir():
            os.replace(search_out / "pagefind", out / "pagefind")
    finally:
        shutil.rmtree(search_out, ignore_errors=True)
    return written, files, indexing.shards if indexing else set()


def _stage_journal(stage: Path, site: Path, stale: list[str]) -> dict[str, list[list[str]] | list[str]]:
    """The renames that put the staged files in place, and the removals."""
    renames: list[list[str]] = []
    for folder, _, names in os.walk(stage):
        rel = Path(folder).relative_to(stage)
        if rel.parts[:1] == ("pagefind",) and len(rel.parts) >= 2:
            continue  # a shard's bundle is replaced whole, below
        renames += [[str(Path(folder) / n), str(site / rel / n)] for n in names]
    bundles = stage / "pagefind"
    shards = sorted(p.name for p in bundles.iterdir() if p.is_dir()) if bundles.is_dir() else []
    return {
        "renames": sorted(renames),
        "shards": [[str(bundles / k), str(site / "pagefind" / k)] for k in shards],
        "removals": [str(site / rel) for rel in stale],
    }


def finish_journal(journal: Path) -> bool:
    """Carry out the renames an incremental build committed to (roll forward)."""
    if not journal.is_file():
        return False
    plan = json.loads(journal.read_text(encoding="utf-8"))
    for source, target in plan["renames"]:
        if os.path.exists(source):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
    for source, target in plan["shards"]:
        if os.path.exists(source):
            if os.path.exists(target) and not _exchange(Path(source), Path(target)):
                shutil.rmtree(target)
                os.replace(source, target)
            elif not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(source, target)
    for path in plan["removals"]:
        if os.path.isfile(path):
            os.unlink(path)
    journal.unlink()
    return True


def build_site(
    project: Project,
    strict: bool = True,
    builtin_search: bool = True,
    pagefind: bool = True,
    full: bool = False,
) -> BuildReport:
    """Build docs/ into site/: incrementally where the previous site allows, else in
    full. MkDocs runs in this process, so killing the run also stops the build."""
    root, site_dir = project.root, project.site
    state_dir = root / ".explainer"
    finish_journal(state_dir / JOURNAL)  # a run killed while putting a build in place
    for leftover in root.glob(".site-*"):
        if leftover.is_dir() and leftover.name != f".{site_dir.name}-old":  # swap_in restores that one
            # left by a killed build (the project lock rules out a live one)
            shutil.rmtree(leftover, ignore_errors=True)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # mkdocs.yml reads this through !ENV: Material's own search only for small sites.
    os.environ["EXPLAINER_BUILTIN_SEARCH"] = "true" if builtin_search else "false"
    # The site's one date-stamped file (sitemap.xml.gz) carries this, not the build's time.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    state = BuildState.load(state_dir / "site-state.json")
    settings = settings_digest(project, builtin_search, pagefind)
    docs_now = read_manifest(project.docs)
    # Material's built-in search indexes the pages it builds: a dirty build would lose the rest.
    incremental = not (full or builtin_search) and site_dir.is_dir() and state.settings == settings
    out = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    try:
        if incremental:
            same = {r for r, d in docs_now.items() if state.docs.get(r) == d}
            changed = sorted({*docs_now, *state.docs} - same)
            written, files, shards = _build_into(project, out, strict, pagefind, site_dir, docs_now, changed)
            removed = sorted(set(state.files) - set(files))
            plan = json.dumps(_stage_journal(out, site_dir, removed))
            write_atomic(state_dir / JOURNAL, plan)  # the commit point
            finish_journal(state_dir / JOURNAL)
            shutil.rmtree(out, ignore_errors=True)
        else:
            written, files, shards = _build_into(project, out, strict, pagefind, None, docs_now, None)
            swap_in(out, site_dir)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    BuildState(settings, docs_now, files).save(state_dir / "site-state.json")
    return BuildReport(incremental, len(written), len(shards))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2 RENAME_EXCHANGE), so a
    reader or a killed run never sees neither. False where the system cannot."""
    if sys.platform != "linux":
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(new: Path, target: Path) -> None:
    """Replace target with new; the old tree is removed only once the new one is in place."""
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        if not target.exists():
            os.replace(old, target)  # a run killed between two plain renames: restore first
        else:
            shutil.rmtree(old)
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
