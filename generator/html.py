"""Saved web pages as seeds: the article body and metadata, via trafilatura."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import SeedError
from .seeds import decode


def extract_article(data: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    """Main text (paragraphs separated by blank lines) and title/date/url/source, if present."""
    import trafilatura

    html = decode(data, path)
    # No `deduplicate`: trafilatura remembers paragraphs across calls in the process,
    # so the same page would lose text the second time it is read.
    result = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        favor_precision=True,
    )
    if not result:
        raise SeedError("no article text found in this HTML page", path)
    doc = json.loads(result)
    lines = [line.strip() for line in str(doc.get("text") or "").splitlines() if line.strip()]
    if lines and doc.get("title") and lines[0] == str(doc["title"]).strip():
        lines = lines[1:]  # the headline is the page title, not the article's first sentence
    # trafilatura separates paragraphs with single newlines; a paragraph is a sentence boundary.
    body = "\n\n".join(lines)
    meta: dict[str, Any] = {}
    # In trafilatura's JSON, "source" is the canonical address, "source-hostname" the site name.
    for ours, theirs in (
        ("title", "title"),
        ("date", "date"),
        ("source", "source-hostname"),
        ("url", "source"),
    ):
        value = doc.get(theirs)
        if value:
            meta[ours] = value
    if "url" in meta and not str(meta["url"]).startswith(("http://", "https://")):
        del meta["url"]
    return body, meta
