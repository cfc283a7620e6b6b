"""`explainer serve`: MkDocs' live preview, plus regeneration when seeds or packs change."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .project import Project


def _snapshot(folders: list[Path]) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    stamps[str(path)] = path.stat().st_mtime
    return stamps


def serve(project: Project, addr: str, regenerate: Callable[[], int], poll: float = 1.0) -> int:
    """Serve docs/ with MkDocs; regenerate docs/ whenever a seed, pack or template changes."""
    regenerate()
    watched = [
        project.seeds,
        project.knowledge,
        project.templates,
        Path(__file__).resolve().parent / "knowledge",
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            addr,
            "--config-file",
            str(project.root / "mkdocs.yml"),
        ],
        cwd=project.root,
        env=env,
    )
    seen = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(poll)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                regenerate()  # MkDocs notices the changed pages and reloads the browser
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0
