"""Pagefind: a search index that loads only the chunks a query needs.

Pagefind reads HTML; it is not given the built site but a mirror (`.explainer/search/`)
of what is worth indexing, made from docs/: for each page whose front matter says
`search_index: true` (explainers, and the pages of entities many explainers name), its
title, headings and the text of the generator's HTML blocks (what the templates mark
`data-pagefind-ignore` is left out: sections that repeat the article's sentences, lists
of links, counts that change with every new article). Generated pages are headings,
a few lines and blocks of HTML the generator wrote (fences.py), so no Markdown engine is
needed, and the index is built beside MkDocs, not after it.

The index is split in SHARDS bundles by a hash of each page's address, merged by the
search page (Pagefind's `mergeIndex`, which shares one WebAssembly module). A build
re-indexes only the shards whose mirror pages changed: a new article touches its own
explainer's shard and few others, since an entity page's indexed text (its name and
what it is) rarely changes. A full build indexes every shard; the bytes are the same.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from .errors import ExplainerError
from .site import write_atomic

INDEXED = ("explainers", "stories", "systems", "stakeholders")  # folders whose pages may be indexed
SHARDS = 8
SHARD_LIST = "shards.json"  # in site/pagefind/: the bundles the search page merges
# What Pagefind writes into each bundle that the search page never loads (its other UIs,
# the module for pages of no known language): eight bundles over, half a megabyte each.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^```\s*([\w-]*)")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}
_BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "div",
    "ul",
    "ol",
    "table",
    "details",
    "summary",
}


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    data = yaml.safe_load(text[4:end]) or {}
    return (data if isinstance(data, dict) else {}), text[end + 5 :]


def searchable_text(fragment: str) -> str:
    """The text of an HTML fragment without the elements marked `data-pagefind-ignore`
    (and their content), one line per block."""
    out: list[str] = []
    pos, ignoring, depth = 0, "", 0
    for m in _TAG.finditer(fragment):
        closing, name, attrs = m.group(1) == "/", m.group(2).lower(), m.group(3)
        if not ignoring:
            out.append(fragment[pos : m.start()])
            pos = m.end()
            if not closing and "data-pagefind-ignore" in attrs and name not in _VOID:
                ignoring, depth = name, 1
            elif name in _BLOCKS:
                out.append("\n")
        elif name == ignoring:
            depth += -1 if closing else 1
            if depth == 0:
                ignoring, pos = "", m.end()
    if not ignoring:
        out.append(fragment[pos:])
    lines = (" ".join(html.unescape(line).split()) for line in "".join(out).splitlines())
    return "\n".join(line for line in lines if line)


def mirror_page(markdown: str) -> str | None:
    """What Pagefind indexes of a generated page, as a small HTML page; None when the
    page is not for the index."""
    meta, body = _front_matter(markdown)
    if not meta.get("search_index"):
        return None
    parts: list[str] = []
    fence: str | None = None
    block: list[str] = []
    for line in body.splitlines():
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1) or "text"
        elif fence is not None and line.startswith("```"):
            if fence == "explainer-html":
                parts.append(searchable_text("\n".join(block)))
            fence, block = None, []
        elif fence == "explainer-html":
            block.append(line)
        elif fence is None and (heading := _HEADING.match(line)):
            # Headings and the generator's HTML carry the text; the few plain lines
            # between them say how many explainers a list holds, which only churns.
            parts.append(searchable_text(heading.group(2)))
    text = "\n".join(p for p in parts if p)
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    title = html.escape(html.unescape(str(meta.get("title") or "")))
    return (
        f"<!doctype html><html lang=en><title>{title}</title><body><main>{paragraphs}</main></body></html>\n"
    )


def mirror_path(rel: str) -> str | None:
    """ "explainers/x.md" -> "explainers/x/index.html" (the page's URL as MkDocs builds
    it); None for a page outside the indexed folders or below them."""
    parts = rel.removesuffix(".md").split("/")
    if len(parts) != 2 or parts[0] not in INDEXED or parts[1] == "index" or not rel.endswith(".md"):
        return None
    return f"{parts[0]}/{parts[1]}/index.html"


def shard_of(path: str) -> int:
    return int(hashlib.sha1(path.encode("utf-8")).hexdigest()[:8], 16) % SHARDS


def refresh_mirror(docs: Path, mirror: Path, pages: Iterable[str] | None) -> set[int]:
    """Bring the mirror up to date with docs/ for `pages` (docs-relative paths), or for
    every page when None (pages gone from docs/ leave it too); the shards that changed."""
    if pages is None:
        if mirror.exists():
            shutil.rmtree(mirror)
        pages = [str(p.relative_to(docs)) for folder in INDEXED for p in (docs / folder).glob("*.md")]
        touched = set(range(SHARDS))
    else:
        touched = set()
    for rel in sorted(pages):
        target_rel = mirror_path(rel)
        if target_rel is None:
            continue
        shard = shard_of(target_rel)
        source, target = docs / rel, mirror / str(shard) / target_rel
        page = mirror_page(source.read_text(encoding="utf-8")) if source.is_file() else None
        if page is None:
            if target.is_file():
                target.unlink()
                touched.add(shard)
        elif not target.is_file() or target.read_text(encoding="utf-8") != page:
            write_atomic(target, page, durable=False)
            touched.add(shard)
    return touched


def _index_shard(mirror: Path, output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    if not any(mirror.glob("*/*/index.html")):
        return  # an empty shard has no bundle
    cmd = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(mirror),
        "--output-path",
        str(output.resolve()),
        "--silent",
        "--glob",
        "{" + ",".join(INDEXED) + "}/*/index.html",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ExplainerError(f"Pagefind indexing failed: {result.stderr.strip()[-800:]}")
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)


def index_site(site: Path, docs: Path, mirror: Path, pages: Iterable[str] | None = None) -> set[int]:
    """Write the search bundles into site/pagefind/: every shard (`pages` None), or the
    shards where the docs pages in `pages` changed what is indexed. The shards written."""
    if not mirror.is_dir():
        pages = None  # no mirror to refresh (a first build, or it was deleted): make it whole
    touched = refresh_mirror(docs, mirror, pages)
    bundles = site / "pagefind"
    with ThreadPoolExecutor(max_workers=2) as pool:  # Pagefind is a process: two at a time
        list(pool.map(lambda k: _index_shard(mirror / str(k), bundles / str(k)), sorted(touched)))
    present = [k for k in range(SHARDS) if any((mirror / str(k)).glob("*/*/index.html"))]
    write_atomic(
        bundles / SHARD_LIST, json.dumps({"bundles": [f"{k}/" for k in present]}) + "\n", durable=False
    )
    return touched
