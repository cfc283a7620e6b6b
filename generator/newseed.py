"""`explainer new`: bring an article into seeds/ in normal form, once."""

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
    given: dict[str, Any] = {"title": title, "date": date, "source": source, "url": url}
    for key, value in given.items():
        if value is not None:
            try:
                meta[key] = FIELDS[key](value, key)
            except ValueError as err:
                raise ExplainerError(str(err)) from None
    if not body.strip():
        raise SeedError("no article text", path or "<stdin>")
    wanted = body_hash(body)
    taken: set[str] = set()
    for existing in find_seeds(project.seeds)[0]:
        taken.add(existing.stem)
        try:
            other = read_seed(existing, project.seeds)
        except SeedError:
            continue
        taken.add(other.slug)
        if body_hash(other.text) == wanted:
            raise ExplainerError(f"this article is already in the corpus as {existing}")
    name = meta.get("title") or (path.stem if path else "seed")
    slug = _slug_for(str(name), taken)
    project.seeds.mkdir(parents=True, exist_ok=True)
    target = project.seeds / f"{slug}.txt"
    sidecar = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items() if v}
    if sidecar:
        write_atomic(target.with_suffix(".yml"), yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True))
    write_atomic(target, body + "\n")
    return target
