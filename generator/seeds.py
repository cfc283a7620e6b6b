"""Parse stage: a seed file (plus optional sidecar) becomes a `Seed` record.

Seeds are untrusted: bytes are decoded defensively, metadata is validated
against one schema (`FIELDS`), slugs are restricted to URL-safe characters so
no seed can name a path outside `docs/`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SeedError

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_SEED_BYTES = 2_000_000  # a long feature is ~100 KB; anything larger is not an article
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
RESERVED_SLUGS = {"index"}  # explainers/index.md is the list of all explainers


@dataclass(frozen=True)
class Overrides:
    """An editor's corrections, kept in front matter or sidecar so they survive regeneration."""

    summary: str | None = None
    questions: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # names of extracted items to leave out
    pin: tuple[str, ...] = ()  # names to list first in their section
    rename: tuple[tuple[str, str], ...] = ()  # (extracted name, editor's name)


@dataclass(frozen=True)
class Seed:
    path: Path
    slug: str
    title: str
    date: dt.date | None
    text: str
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    overrides: Overrides = field(default_factory=Overrides)
    warnings: tuple[str, ...] = ()
    title_from_text: bool = False


def _str(value: Any, key: str) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError(f"'{key}' must be text")
    text = str(value).strip()
    if not text:
        raise ValueError(f"'{key}' is empty")
    return text


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"'{key}' must be a list of text")
    return tuple(_str(v, key) for v in value)


def _date(value: Any, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"'{key}': {value!r} is not a date (write YYYY-MM-DD)")


def _url(value: Any, key: str) -> str:
    text = _str(value, key)
    if not re.match(r"^https?://[^\s<>\"']+$", text):
        raise ValueError(f"'{key}' must be an http(s) address, got {text[:60]!r}")
    return text


def _slug(value: Any, key: str) -> str:
    text = _str(value, key)
    if text in RESERVED_SLUGS:
        raise ValueError(f"'{key}': {text!r} is reserved; choose another slug")
    if not SLUG_RE.match(text):
        raise ValueError(
            f"'{key}': {text[:60]!r} is not a safe slug (lowercase letters, digits, '-' and '_' only)"
        )
    return text


def _rename(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"'{key}' must map extracted names to new names")
    return tuple((_str(k, key), _str(v, key)) for k, v in value.items())


# The one schema for front matter and sidecars: key -> validator.
FIELDS = {
    "title": _str,
    "date": _date,
    "source": _str,
    "url": _url,
    "tags": _str_list,
    "slug": _slug,
    "summary": _str,
    "questions": _str_list,
    "drop": _str_list,
    "pin": _str_list,
    "rename": _rename,
}


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8, else Windows-1252 when every byte is defined there."""
    if not data.strip():
        raise SeedError("file is empty", path)
    if b"\x00" in data[:8192]:
        raise SeedError("looks like a binary file (contains NUL bytes), not an article", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pos = utf8_error.start
        line = data.count(b"\n", 0, pos) + 1
        raise SeedError(
            f"not UTF-8 text: byte 0x{data[pos]:02x} at offset {pos} cannot be decoded; "
            "save the file as UTF-8",
            path,
            line,
        ) from None


def normalize(text: str) -> str:
    """NFC, Unix newlines, no control characters, no trailing blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _load_yaml_mapping(text: str, path: Path, first_line: int) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        line = first_line + (err.problem_mark.line if err.problem_mark else 0)
        raise SeedError(f"malformed YAML: {err.problem}", path, line) from None
    except yaml.YAMLError as err:
        raise SeedError(f"malformed YAML: {err}", path, first_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SeedError("metadata must be a mapping of key: value", path, first_line)
    return data


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Separate a leading `---` YAML block from the article body."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1 or text[end + 4 : end + 5] not in ("", "\n"):
        raise SeedError("front matter opened with '---' is never closed", path, 1)
    meta = _load_yaml_mapping(text[4:end], path, first_line=2)
    return meta, text[end + 4 :].lstrip("\n")


def validate_meta(raw: dict[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in raw.items():
        validator = FIELDS.get(str(key))
        if validator is None:
            known = ", ".join(FIELDS)
            warnings.append(f"{path}: unknown key '{key}' ignored (known keys: {known})")
            continue
        if value is None:
            continue
        try:
            meta[str(key)] = validator(value, str(key))
        except ValueError as err:
            raise SeedError(str(err), path) from None
    return meta, warnings


def sidecar_path(path: Path) -> Path:
    return path.with_suffix(".yml")


def fallback_title(body: str, limit: int = 90) -> str:
    """The first sentence, cut at a word boundary: honest, if plain."""
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0].strip()
    first = re.sub(r"\s+", " ", first).rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def default_slug(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")
    if slug in RESERVED_SLUGS:
        slug += "-article"
    if not SLUG_RE.match(slug):
        raise SeedError("cannot derive a safe slug from the file name; set 'slug' in metadata", path)
    return slug


def read_seed(path: Path) -> Seed:
    """Read and validate one seed file and its sidecar, if any."""
    if path.suffix.lower() not in SEED_SUFFIXES:
        raise SeedError(f"unsupported seed type '{path.suffix}' (use {', '.join(SEED_SUFFIXES)})", path)
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise SeedError(f"file is {size:,} bytes; seeds are limited to {MAX_SEED_BYTES:,} bytes", path)
        data = path.read_bytes()
    except OSError as err:
        raise SeedError(f"cannot read file: {err.strerror}", path) from None

    raw_meta: dict[str, Any] = {}
    if path.suffix.lower() in (".html", ".htm"):
        from .html import extract_article  # trafilatura is heavy: import on demand

        body, raw_meta = extract_article(data, path)
    else:
        text = normalize(decode(data, path))
        raw_meta, body = split_front_matter(text, path)

    side = sidecar_path(path)
    if side.exists() and side != path:
        side_text = normalize(decode(side.read_bytes(), side))
        raw_meta = {**_load_yaml_mapping(side_text, side, first_line=1), **raw_meta}
        meta, warnings = validate_meta(raw_meta, side)
    else:
        meta, warnings = validate_meta(raw_meta, path)

    body = normalize(body)
    if not body.strip():
        raise SeedError("no article text (file is blank apart from metadata)", path)

    title = meta.get("title") or fallback_title(body)
    return Seed(
        path=path,
        slug=meta.get("slug") or default_slug(path),
        title=title,
        date=meta.get("date"),
        text=body,
        source=meta.get("source"),
        url=meta.get("url"),
        tags=meta.get("tags", ()),
        overrides=Overrides(
            summary=meta.get("summary"),
            questions=meta.get("questions", ()),
            drop=meta.get("drop", ()),
            pin=meta.get("pin", ()),
            rename=meta.get("rename", ()),
        ),
        warnings=tuple(warnings),
        title_from_text="title" not in meta,
    )


def find_seeds(folder: Path) -> list[Path]:
    """Seed files in reading order; `.yml` sidecars are not seeds."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith(".")
    )


def content_hash(path: Path) -> str:
    """Hash of the seed and its sidecar: what decides whether re-analysis is needed."""
    digest = hashlib.sha256(path.read_bytes())
    side = sidecar_path(path)
    if side.exists():
        digest.update(b"\0sidecar\0" + side.read_bytes())
    return digest.hexdigest()
