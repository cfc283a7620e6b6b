"""Docs stage: write the generated pages into docs/ (the site is built by sitebuild.py).

docs/ is shared with editors, so the generator only ever touches files it
wrote itself, as recorded in the manifest (`docs/.explainer-manifest.json`).
A file that is not in the manifest is hand-written and is never overwritten
or deleted; a generated file an editor has since edited is left alone too.

Writes are crash-safe: new contents go to temporary files first, a journal
lists the renames, then the renames run. A run killed at any point leaves
docs/ as it was, or the next run finishes the journal (roll forward), so
docs/ is never a mix of two generations.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExplainerError

MKDOCS_DEFAULTS = Path(__file__).resolve().parent / "mkdocs_defaults.yml"
MANIFEST = ".explainer-manifest.json"
JOURNAL = ".explainer-journal.json"


def sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_MODE = _default_mode()


def write_atomic(path: Path, data: str | bytes, durable: bool = True) -> None:
    """Write via a temporary file in the same folder and rename over the target. Not
    `durable`: no fsync, for files that can be made again (the analysis cache), where a
    crash may lose the file but never leaves half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the file it replaces was not.
        os.fchmod(fd, _MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_mkdocs_defaults(target: Path) -> None:
    """Put the package's MkDocs settings where the project's mkdocs.yml inherits them
    from (`INHERIT:`), so a new release's settings arrive with `pip install -U`."""
    data = MKDOCS_DEFAULTS.read_bytes()
    if not target.is_file() or target.read_bytes() != data:
        write_atomic(target, data)


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # hand-written or hand-edited: left alone
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # pages that could not be written


def read_manifest(docs: Path) -> dict[str, str]:
    path = docs / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ExplainerError(
            "the generator's manifest is damaged; restore it from git or delete it "
            "(files it listed will then be treated as hand-written)",
            path,
        ) from None


def manifest_text(files: dict[str, str]) -> str:
    return json.dumps({"files": files}, indent=1, sort_keys=True) + "\n"


def _inside(docs: Path, rel: str) -> Path:
    target = (docs / rel).resolve()
    if not target.is_relative_to(docs.resolve()) or rel.startswith((".", "/")):
        raise ExplainerError(f"refusing to write outside docs/: {rel!r}")
    return target


def recover(docs: Path) -> bool:
    """Finish a write that was interrupted after its journal was committed."""
    journal = docs / JOURNAL
    if not journal.exists():
        return False
    plan = json.loads(journal.read_text(encoding="utf-8"))
    for tmp, rel in plan["renames"]:
        if (docs / tmp).exists():
            os.replace(docs / tmp, _inside(docs, rel))
    for rel in plan["removals"]:
        _inside(docs, rel).unlink(missing_ok=True)
    write_atomic(docs / MANIFEST, plan["manifest"])
    journal.unlink()
    return True


def write_docs(docs: Path, pages: dict[str, str], keep: frozenset[str] = frozenset()) -> WriteReport:
    """Make docs/ hold exactly `pages` among the generator's files; never touch others.
    `keep` names generated files the caller has checked are current: they stay as they are."""
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    for stale in docs.rglob(".*.gen.tmp"):
        stale.unlink()  # temporaries of a run killed before its journal: never used
    old = read_manifest(docs)
    report = WriteReport()
    new_manifest: dict[str, str] = {}
    staged: list[tuple[str, str]] = []
    for rel in sorted(keep & old.keys()):
        new_manifest[rel] = old[rel]
        report.unchanged.append(rel)
    for rel in sorted(pages):
        try:
            staged_page = _stage(docs, rel, pages[rel], old, report)
        except (OSError, ExplainerError) as err:
            # One page that cannot be written (a name the file system refuses, a
            # permission) leaves its previous version and costs no other page.
            reason = err.strerror if isinstance(err, OSError) else err.message
            report.errors.append(f"docs/{rel}: cannot write the page ({reason})")
            if rel in old:
                new_manifest[rel] = old[rel]
            continue
        if staged_page is None:  # hand-written (not in the manifest), hand-edited or unchanged
            if rel in old:
                new_manifest[rel] = old[rel]
            continue
        staged.append(staged_page)
        new_manifest[rel] = sha256(pages[rel])
        report.written.append(rel)
    removals = []
    for rel, digest in sorted(old.items()):
        if rel in pages or rel in keep:
            continue
        target = _inside(docs, rel)
        if target.exists() and sha256(target.read_bytes()) != digest:
            report.kept.append(rel)
            report.warnings.append(f"docs/{rel} is no longer generated but was edited by hand; kept")
            continue
        removals.append(rel)
        report.removed.append(rel)
    if staged or removals or old != new_manifest:
        plan = {"renames": staged, "removals": removals, "manifest": manifest_text(new_manifest)}
        write_atomic(docs / JOURNAL, json.dumps(plan))  # the commit point
        recover(docs)
        _prune_empty_dirs(docs, removals)
    return report


def _stage(
    docs: Path, rel: str, content: str, old: dict[str, str], report: WriteReport
) -> tuple[str, str] | None:
    """Write a page's new contents to a temporary file beside it: (temporary, page) to
    rename at commit, or None when the page is to stay as it is (noted in `report`)."""
    target = _inside(docs, rel)
    digest = sha256(content)
    if target.exists():
        on_disk = sha256(target.read_bytes())
        if rel not in old:
            report.kept.append(rel)
            report.warnings.append(
                f"docs/{rel} is hand-written (not in the manifest); left as it is, "
                "so the generated page is not published"
            )
            return None
        if on_disk != old[rel]:
            report.kept.append(rel)
            report.warnings.append(
                f"docs/{rel} was edited by hand since it was generated; left as it is. "
                "Put corrections in the seed's front matter or sidecar, then delete the file."
            )
            return None
        if on_disk == digest:
            report.unchanged.append(rel)
            return None
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".gen.tmp", dir=target.parent)
    try:
        os.fchmod(fd, _MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(Path(tmp).relative_to(docs.resolve())), rel


def _prune_empty_dirs(docs: Path, removed: list[str]) -> None:
    for rel in removed:
        parent = (docs / rel).parent
        while parent != docs and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
