"""Page addresses: short, readable ASCII slugs that never collide.

Names come from seeds (untrusted, any script, any length), so a slug is the
name transliterated to ASCII by python-slugify (Су-57 -> su-57, 習近平 ->
xi-jin-ping), cut at a word boundary. A cut slug, or a name with no letters
or digits at all, carries a short hash of the whole name, so it stays the
same from run to run and two long names that start alike get two pages.
"""

from __future__ import annotations

import hashlib
import re

from slugify import slugify as _transliterate

MAX_SLUG = 80  # characters; every file name stays far below the file system's limit
HASH_LEN = 8
RESERVED = frozenset({"index"})  # a folder's own page
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")  # what a safe slug may contain


def name_hash(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:HASH_LEN]


def _ascii(name: str, limit: int = 0) -> str:
    # Underscores stay: file names such as "000_ed7684f39ec5ab6e" keep their addresses.
    slug = _transliterate(name, max_length=limit, word_boundary=True, regex_pattern=r"[^-a-z0-9_]+")
    return slug.strip("-_")


def slugify(name: str, fallback: str = "entity") -> str:
    """A slug of at most MAX_SLUG characters for `name`; the same name, the same slug."""
    slug = _ascii(name, MAX_SLUG)
    if not slug:
        return f"{fallback}-{name_hash(name)}"
    if len(_ascii(name)) > len(slug):  # cut: the rest of the name lives in the hash
        slug = f"{_ascii(name, MAX_SLUG - HASH_LEN - 1)}-{name_hash(name)}"
    return slug if slug not in RESERVED else f"{slug}-page"


def unique_slug(name: str, used: set[str], folder: str, fallback: str = "entity") -> str:
    """A slug for `name` no other page in `folder` has; records it in `used`. Names are
    offered in a fixed order, so the same corpus always gives the same slugs; a second
    name with the same slug ("S 400" after "S-400") gets its own hash appended."""
    slug = slugify(name, fallback)
    if f"{folder}/{slug}" in used:
        base = slug[: MAX_SLUG - HASH_LEN - 1].rstrip("-")
        slug = f"{base}-{name_hash(name)}"
        salt = 0
        while f"{folder}/{slug}" in used:  # two names with one hash: vanishingly rare
            salt += 1
            slug = f"{base}-{name_hash(f'{name}#{salt}')}"
    used.add(f"{folder}/{slug}")
    return slug
