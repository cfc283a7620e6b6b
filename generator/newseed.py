"""`explainer new`: bring an article into seeds/ in normal form, once: from a file, from
standard input, or fetched from its web address."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import ExplainerError, SeedError
from .project import Project
from .seeds import FIELDS, decode, find_seeds, normalize, read_seed, split_front_matter
from .site import write_atomic
from .slugs import slugify


def body_hash(text: str) -> str:
    """Identity of an article: its words, whatever the whitespace or metadata."""
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def _slug_for(title: str, taken: set[str]) -> str:
    base = slugify(title, fallback="seed")[:60].strip("-_")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def new_seed(
    project: Project,
    path: Path | None,
    title: str | None,
    date: str | None,
    source: str | None,
    url: str | None,
) -> Path:
    """Write seeds/<slug>.txt and its sidecar; returns the new seed's path."""
    if path is not None:
        if not path.is_file():
            raise ExplainerError(f"no such file: {path}")
        seed = read_seed(path, path.parent)
        meta: dict[str, Any]
        body, meta = (
            seed.text,
            {
                "title": None if seed.title_from_text else seed.title,
                "date": seed.date,
                "source": seed.source,
                "url": seed.url,
            },
        )
    else:
        text = normalize(decode(sys.stdin.buffer.read(), Path("<stdin>")))
        raw, body = split_front_matter(text, Path("<stdin>"))
        meta = {k: raw.get(k) for k in ("title", "date", "source", "url")}
    _apply_given(meta, {"title": title, "date": date, "source": source, "url": url})
    if not body.strip():
        raise SeedError("no article text", path or "<stdin>")
    taken = _refuse_duplicate(project, body, None)
    name = meta.get("title") or (path.stem if path else "seed")
    target = project.seeds / f"{_slug_for(str(name), taken)}.txt"
    _write_seed(target, (body + "\n").encode("utf-8"), meta)
    return target


def new_seed_from_url(
    project: Project,
    url: str,
    given: dict[str, str | None],
    timeout: int,
    allow_private: bool = False,
) -> Path:
    """Fetch the page at `url` and save it as seeds/<slug>.html, as fetched, with its
    address, title and date in the sidecar (`given` values win over the page's)."""
    from .fetch import check_address, fetch_page
    from .html import extract_article

    check_address(url)
    taken = _refuse_duplicate(project, None, url)
    page = fetch_page(url, timeout=timeout, allow_private=allow_private)
    try:
        body, found = extract_article(page.data, Path("page.html"))
    except SeedError as err:
        raise ExplainerError(f"{url}: {err.message}") from None
    meta: dict[str, Any] = {"url": url, "title": found.get("title"), "source": found.get("source")}
    if found.get("date"):
        meta["date"] = FIELDS["date"](found["date"], "date")
    _apply_given(meta, given)
    taken = _refuse_duplicate(project, body, page.url)
    target = project.seeds / f"{_slug_for(str(meta.get('title') or 'page'), taken)}.html"
    _write_seed(target, page.data, meta)
    return target


def _apply_given(meta: dict[str, Any], given: dict[str, Any]) -> None:
    """The editor's values (from the command line) over the article's, each checked."""
    for key, value in given.items():
        if value is not None:
            try:
                meta[key] = FIELDS[key](value, key)
            except ValueError as err:
                raise ExplainerError(str(err)) from None


def _refuse_duplicate(project: Project, body: str | None, url: str | None) -> set[str]:
    """The slugs already taken; an error if the article (its words, or its address) is
    already among the seeds."""
    wanted = body_hash(body) if body is not None else None
    taken: set[str] = set()
    for existing in find_seeds(project.seeds)[0]:
        taken.add(existing.stem)
        try:
            other = read_seed(existing, project.seeds)
        except SeedError:
            continue
        taken.add(other.slug)
        if (wanted is not None and body_hash(other.text) == wanted) or (url and other.url == url):
            raise ExplainerError(f"this article is already in the corpus as {existing}")
    return taken


def _write_seed(target: Path, data: bytes, meta: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    sidecar = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items() if v}
    if sidecar:
        write_atomic(target.with_suffix(".yml"), yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True))
    write_atomic(target, data)
