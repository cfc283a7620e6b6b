"""Model designations ("Su-57", "KF-21", "Chandrayaan-3"), and the editor's warnings
about them: a designation one edit from a known one ("Su-5" -> Su-57) and a
Cyrillic or Cyrillic-look-alike spelling ("C-500" -> S-500)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..dossier import Flag
from .packs import KnowledgeBase

# A model designation: letters, hyphen, digits ("Su-57", "KF-21", "Chandrayaan-3").
DESIGNATION_RE = re.compile(r"^[A-Z][A-Za-z]{0,11}-\d{1,4}[A-Za-z0-9]{0,4}$")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
# Russian designations typed with Latin look-alikes of Cyrillic letters.
LOOKALIKES = (("Cy", "Su"), ("Ty", "Tu"), ("C", "S"), ("P", "R"), ("X", "Kh"))
_CYRILLIC = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯ"
_LATIN = "A B V G D E Zh Z I Y K L M N O P R S T U F Kh Ts Ch Sh Shch Y E Yu Ya"
CYRILLIC_TO_LATIN = {
    **dict(zip(_CYRILLIC, _LATIN.split(" "), strict=True)),
    **dict(zip(_CYRILLIC.lower(), _LATIN.lower().split(" "), strict=True)),
}


def looks_like_designation(text: str) -> bool:
    return bool(DESIGNATION_RE.match(text)) or (bool(CYRILLIC_RE.search(text)) and "-" in text)


def closest_designation(text: str, kb: KnowledgeBase, seen: set[str]) -> str | None:
    """A known designation one edit away with the same prefix (e.g. "Su-5" -> "Su-57")."""
    prefix = text.split("-")[0]
    candidates = []
    for entry in kb.systems():
        for name in (entry.name, *entry.aliases):
            if name.split("-")[0] != prefix or "-" not in name:
                continue
            if Levenshtein.distance(text, name) == 1 and not _another_model(text, name):
                # Prefer what the same article names elsewhere, then a truncation.
                candidates.append((entry.name not in seen, not name.startswith(text), name, entry.name))
    return min(candidates)[3] if candidates else None


def _another_model(text: str, name: str) -> bool:
    """ "RS-25" beside "RS-24", "F-15" beside "F-16": one digit for another names a
    different model (an engine, not a missile), where a digit left out is a typo."""
    if len(text) != len(name):
        return False
    return any(a != b and a.isdigit() and b.isdigit() for a, b in zip(text, name, strict=True))


def transliterated(text: str, kb: KnowledgeBase) -> str | None:
    """The known designation meant by a Cyrillic or Cyrillic-look-alike spelling."""
    if CYRILLIC_RE.search(text):
        latin = "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in text)
        entry = kb.lookup(latin)
        return entry.name if entry and entry.kind == "system" else None
    for wrong, right in LOOKALIKES:
        if text.startswith(wrong):
            entry = kb.lookup(right + text[len(wrong) :])
            if entry is not None and entry.kind == "system":
                return entry.name
    return None


def resolve_designation(
    surface: str, sid: str, kb: KnowledgeBase, seen: set[str]
) -> tuple[str | None, Flag | None]:
    """The known system a designation names (by name, spelling or one typo away), with
    the flag an editor must see when it was not written as the pack writes it."""
    known = kb.lookup(surface)
    if known is not None and known.kind == "system":
        return known.name, None
    translit = transliterated(surface, kb)
    if translit is not None:
        message = (
            f"“{surface}” looks like a Cyrillic-style spelling of {translit}; "
            "check the designation before publishing."
        )
        return translit, Flag("transliteration", surface, translit, [sid], message)
    closest = closest_designation(surface, kb, seen)
    if closest is not None:
        message = f"“{surface}” is not a known designation; {closest} is the likely intended one."
        return closest, Flag("unknown_designation", surface, closest, [sid], message)
    return None, None
