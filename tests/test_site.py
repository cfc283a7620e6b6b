"""Site stage: the manifest protects hand-written files; writes are all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import ExplainerError
from generator.site import JOURNAL, MANIFEST, read_manifest, recover, write_docs
from generator.sitebuild import swap_in


def test_writes_and_records_in_manifest(tmp_path: Path) -> None:
    report = write_docs(tmp_path, {"a.md": "A\n", "sub/b.md": "B\n"})
    assert sorted(report.written) == ["a.md", "sub/b.md"]
    assert (tmp_path / "sub" / "b.md").read_text() == "B\n"
    assert set(read_manifest(tmp_path)) == {"a.md", "sub/b.md"}
    again = write_docs(tmp_path, {"a.md": "A\n", "sub/b.md": "B\n"})
    assert again.written == [] and sorted(again.unchanged) == ["a.md", "sub/b.md"]


def test_hand_written_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("my own home page\n")
    report = write_docs(tmp_path, {"index.md": "generated\n", "x.md": "X\n"})
    assert (tmp_path / "index.md").read_text() == "my own home page\n"
    assert report.kept == ["index.md"] and "hand-written" in report.warnings[0]
    assert "index.md" not in read_manifest(tmp_path)
    write_docs(tmp_path, {})  # nothing generated any more: still never deleted
    assert (tmp_path / "index.md").exists() and not (tmp_path / "x.md").exists()


def test_hand_edited_generated_file_is_kept(tmp_path: Path) -> None:
    write_docs(tmp_path, {"a.md": "v1\n"})
    (tmp_path / "a.md").write_text("v1 plus an editor's fix\n")
    report = write_docs(tmp_path, {"a.md": "v2\n"})
    assert (tmp_path / "a.md").read_text() == "v1 plus an editor's fix\n"
    assert "edited by hand" in report.warnings[0]
    write_docs(tmp_path, {})
    assert (tmp_path / "a.md").exists()


def test_removed_pages_are_deleted_with_empty_folders(tmp_path: Path) -> None:
    write_docs(tmp_path, {"systems/x.md": "X\n", "keep.md": "K\n"})
    report = write_docs(tmp_path, {"keep.md": "K\n"})
    assert report.removed == ["systems/x.md"]
    assert not (tmp_path / "systems").exists()


def test_paths_outside_docs_are_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for bad in ("../escape.md", "/etc/x.md", ".hidden.md"):
        report = write_docs(docs, {bad: "x", "fine.md": "y"})
        assert report.errors == [
            f"docs/{bad}: cannot write the page (refusing to write outside docs/: {bad!r})"
        ]
        assert report.written in (["fine.md"], [])  # the other page is written all the same
    assert not (tmp_path / "escape.md").exists() and not (docs / ".hidden.md").exists()
    assert (docs / "fine.md").read_text() == "y"


def test_interrupted_write_is_rolled_forward(tmp_path: Path) -> None:
    """A run killed after committing its journal but before the renames: the next run
    finishes it, so docs/ holds the new generation, never half of each."""
    write_docs(tmp_path, {"a.md": "old a\n", "b.md": "old b\n"})
    (tmp_path / ".a.md.x.gen.tmp").write_text("new a\n")
    (tmp_path / ".b.md.y.gen.tmp").write_text("new b\n")
    manifest = json.dumps({"files": {"a.md": "-", "b.md": "-"}})
    plan = {
        "renames": [[".a.md.x.gen.tmp", "a.md"], [".b.md.y.gen.tmp", "b.md"]],
        "removals": [],
        "manifest": manifest,
    }
    (tmp_path / JOURNAL).write_text(json.dumps(plan))
    assert recover(tmp_path)
    assert (tmp_path / "a.md").read_text() == "new a\n" and (tmp_path / "b.md").read_text() == "new b\n"
    assert not (tmp_path / JOURNAL).exists()
    assert json.loads((tmp_path / MANIFEST).read_text()) == {"files": {"a.md": "-", "b.md": "-"}}


def test_uncommitted_temporaries_are_discarded(tmp_path: Path) -> None:
    write_docs(tmp_path, {"a.md": "old\n"})
    (tmp_path / ".a.md.z.gen.tmp").write_text("half-written")
    write_docs(tmp_path, {"a.md": "old\n"})
    assert not list(tmp_path.glob(".*.gen.tmp"))
    assert (tmp_path / "a.md").read_text() == "old\n"


def test_damaged_manifest_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(ExplainerError, match="manifest is damaged"):
        write_docs(tmp_path, {"a.md": "x"})


def test_swap_in_replaces_whole_tree(tmp_path: Path) -> None:
    site, new = tmp_path / "site", tmp_path / "new"
    (site / "old").mkdir(parents=True)
    (new / "fresh").mkdir(parents=True)
    swap_in(new, site)
    assert (site / "fresh").exists() and not (site / "old").exists() and not new.exists()
