"""Pagefind: a search index that loads only the chunks a query needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import ExplainerError


def index_site(site: Path) -> None:
    """Index the built site in place (writes site/pagefind/)."""
    cmd = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--silent",
        # Explainers and entity pages only: lists, timelines and archive parts repeat what
        # those pages say, and every page indexed costs each reader bytes in Pagefind's
        # page table (downloaded in full for the first query).
        "--glob",
        "{explainers,systems,stakeholders}/*/index.html",
        # Index the article, not the navigation repeated on every page.
        "--root-selector",
        "article.md-content__inner",
        "--exclude-selectors",
        ".headerlink, .md-source-file, pre.mermaid",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ExplainerError(f"Pagefind indexing failed: {result.stderr.strip()[-800:]}")
