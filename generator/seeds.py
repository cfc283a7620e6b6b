"""Parse stage: a seed file (plus optional sidecar) becomes a `Seed` record.

Seeds are untrusted: bytes are decoded defensively, metadata is validated
against one schema (`FIELDS`), slugs are restricted to URL-safe characters so
no seed can name a path outside `docs/`, and an article that is not in English
is refused with its language named (the analysis is English-only).
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
from .slugs import RESERVED, SLUG_RE, slugify

TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm", ".mhtml", ".mht")  # saved web pages
SEED_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
SIDECAR_SUFFIXES = (".yml", ".yaml")
MAX_TEXT_BYTES = 2_000_000  # article text: a long feature is ~100 KB; more is not an article
# A page saved with "Save page as… complete" carries scripts, styles and inline data
# around the article: several MB is common, so pages are limited by what a page can be.
MAX_PAGE_BYTES = 50_000_000


@dataclass(frozen=True)
class Overrides:
    """An editor's corrections, kept in front matter or sidecar so they survive regeneration."""

    summary: str | None = None
    questions: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # names of extracted items to leave out
    pin: tuple[str, ...] = ()  # names to list first in their section
    rename: tuple[tuple[str, str], ...] = ()  # (extracted name, editor's name)
    story: str | None = None  # the story it belongs to (a name the editor gives), or "own"


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
    author: str | None = None
    file: str = ""  # the path below seeds/ ("2025/budget.txt"): names the seed in messages


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
    if text in RESERVED:
        raise ValueError(f"'{key}': {text!r} is reserved; choose another slug")
    if not SLUG_RE.match(text):
        raise ValueError(
            f"'{key}': {text[:60]!r} is not a safe slug (lowercase letters, digits, '-' and '_' only)"
        )
    return text


def _story(value: Any, key: str) -> str:
    text = _str(value, key)
    if not SLUG_RE.match(text):
        raise ValueError(
            f"'{key}': {text[:60]!r} is not a story name (lowercase letters, digits, '-' and '_'; "
            "or 'own' for a story of its own)"
        )
    return text


def _rename(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"'{key}' must map extracted names to new names")
    return tuple((_str(k, key), _str(v, key)) for k, v in value.items())


def _language(value: Any, key: str) -> str:
    text = _str(value, key).lower()
    if not re.fullmatch(r"[a-z]{2,3}", text):
        raise ValueError(f"'{key}' must be a language code such as en, fr or ru, got {text[:20]!r}")
    return text


# The one schema for front matter and sidecars: key -> validator.
FIELDS = {
    "title": _str,
    "author": _str,
    "language": _language,
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
    "story": _story,
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


def one_line(text: str) -> str:
    return " ".join(text.split())


def normalize(text: str) -> str:
    """NFC, Unix newlines, no control characters, no trailing blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # Control and format characters out (zero-width spaces, bidi overrides): looked up
    # once per distinct character, not per character of a long page.
    drop = {
        ord(ch): None for ch in set(text) if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf")
    }
    text = text.translate(drop)
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


def page_metadata(raw: dict[str, Any]) -> dict[str, Any]:
    """What a saved page says of itself (title, date, …), keeping only valid values: a
    page's odd metadata is no reason to refuse its article."""
    meta = {}
    for key, value in raw.items():
        try:
            meta[key] = FIELDS[key](value, key)
        except (KeyError, ValueError):
            continue
    return meta


def sidecar_path(path: Path) -> Path:
    return path.with_suffix(".yml")


HEADLINE_MAX = 150  # characters: a headline is a line, not a paragraph


def split_headline(body: str) -> tuple[str | None, str]:
    """A first line that stands alone before a blank line and reads as a headline (no
    full stop at its end, short) is the headline, not the story's first sentence: plain
    text as news arrives ("Labour plans maternity pay rise" over the story). A Markdown
    heading ("# …") there counts too."""
    first, sep, rest = body.partition("\n\n")
    line = first.strip()
    if not sep or "\n" in line or not rest.strip():
        return None, body
    line = re.sub(r"^#{1,6}\s+", "", line).strip()
    if not line or len(line) > HEADLINE_MAX or line[-1] in ".,;:" or not any(c.isalpha() for c in line):
        return None, body
    return line, rest.lstrip("\n")


def fallback_title(body: str, limit: int = 90) -> str:
    """The first sentence, cut at a word boundary: honest, if plain."""
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0].strip()
    first = re.sub(r"\s+", " ", first).rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def default_slug(path: Path) -> str:
    """The page address from the file name, transliterated ("Новости.html" -> "novosti")."""
    return slugify(path.stem, fallback="article")


def _read_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in SEED_SUFFIXES:
        raise SeedError(f"unsupported seed type '{path.suffix}' (use {', '.join(SEED_SUFFIXES)})", path)
    limit = MAX_PAGE_BYTES if suffix in PAGE_SUFFIXES else MAX_TEXT_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            kind = "saved pages" if suffix in PAGE_SUFFIXES else "text seeds"
            raise SeedError(f"file is {size:,} bytes; {kind} are limited to {limit:,} bytes", path)
        return path.read_bytes()
    except OSError as err:
        raise SeedError(f"cannot read file: {err.strerror}", path) from None


def read_seed(path: Path, root: Path | None = None) -> Seed:
    """Read and validate one seed file and its sidecar, if any. `root` is the seeds
    folder the file was found in, so a seed in a subfolder is named by its place there."""
    data = _read_bytes(path)
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if path.suffix.lower() in PAGE_SUFFIXES:
        from .html import extract_article  # trafilatura is heavy: import on demand

        body, page_meta = extract_article(data, path)
        meta = page_metadata(page_meta)
    else:
        text = normalize(decode(data, path))
        raw_meta, body = split_front_matter(text, path)
        meta, warnings = validate_meta(raw_meta, path)

    side = sidecar_path(path)
    if side.exists() and side != path:
        # The editor's sidecar has the last word over what the file itself says.
        side_text = normalize(decode(side.read_bytes(), side))
        side_meta, side_warnings = validate_meta(_load_yaml_mapping(side_text, side, first_line=1), side)
        meta = {**meta, **side_meta}
        warnings += side_warnings

    body = normalize(body)
    headline = None
    if path.suffix.lower() in TEXT_SUFFIXES:
        headline, body = split_headline(body)
    if not body.strip():
        raise SeedError("no article text (file is blank apart from metadata)", path)
    if len(body.encode("utf-8")) > MAX_TEXT_BYTES:
        raise SeedError(
            f"the article text is {len(body.encode('utf-8')):,} bytes; articles are limited to "
            f"{MAX_TEXT_BYTES:,} bytes",
            path,
        )
    from .language import require_english

    require_english(body, meta.get("language"), path)

    title = meta.get("title") or headline or fallback_title(body)
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
            story=meta.get("story"),
        ),
        warnings=tuple(warnings),
        title_from_text="title" not in meta and headline is None,
        author=meta.get("author"),
        file=seed_name(path, root),
    )


def seed_name(path: Path, root: Path | None) -> str:
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.name


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def find_seeds(folder: Path) -> tuple[list[Path], list[Path]]:
    """Seed files in reading order, subfolders included ("seeds/2025/…", as editors file
    them), and the other files found there, which the caller warns about. Sidecars
    (`.yml`) and hidden files are neither."""
    if not folder.is_dir():
        return [], []
    seeds, others = [], []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or _hidden(path, folder):
            continue
        suffix = path.suffix.lower()
        if suffix in SEED_SUFFIXES:
            seeds.append(path)
        elif suffix not in SIDECAR_SUFFIXES:
            others.append(path)
    return seeds, others


def content_hash(path: Path) -> str:
    """Hash of the seed and its sidecar: what decides whether re-analysis is needed."""
    digest = hashlib.sha256(path.read_bytes())
    side = sidecar_path(path)
    if side.exists():
        digest.update(b"\0sidecar\0" + side.read_bytes())
    return digest.hexdigest()
