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
    result = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=True,
        favor_precision=True,
    )
    if not result:
        raise SeedError("no article text found in this HTML page", path)
    doc = json.loads(result)
    text = str(doc.get("text") or "")
    # trafilatura separates paragraphs with single newlines; a paragraph is a sentence boundary.
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta: dict[str, Any] = {}
    for ours, theirs in (("title", "title"), ("date", "date"), ("source", "sitename"), ("url", "url")):
        value = doc.get(theirs)
        if value:
            meta[ours] = value
    if "url" in meta and not str(meta["url"]).startswith(("http://", "https://")):
        del meta["url"]
    return body, meta
