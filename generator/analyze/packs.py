"""Knowledge packs: YAML data an editor extends without touching code.

Each file in `generator/knowledge/` (or an extra folder given by the user) has
a `kind` and a list of `entries`. Loading validates every entry and reports a
bad one by file and line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import PackError

BUILTIN_PACKS = Path(__file__).resolve().parent.parent / "knowledge"

# kind of a pack entry -> the spaCy label the EntityRuler gives its mentions
LABELS = {
    "system": "SYSTEM",
    "country": "GPE",
    "place": "LOC",
    "organization": "ORG",
    "media": "MEDIA",
    "person": "PERSON",
    "term": "TERM",
}


@dataclass(frozen=True)
class Entry:
    kind: str  # a key of LABELS
    name: str
    aliases: tuple[str, ...] = ()
    category: str | None = None
    origin: str | None = None
    role: str | None = None
    country: str | None = None
    expansion: str | None = None
    term_kind: str | None = None
    maker: str | None = None
    in_service: int | None = None  # year of entry into service
    operators: tuple[str, ...] = ()
    description: str | None = None  # what an organisation is: "Russian state arms exporter"
    pack: str = ""  # the pack file it comes from, without .yml: named on the page

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)  # surface form -> entry key
    not_entities: frozenset[str] = frozenset()
    digest: str = ""

    def lookup(self, surface: str) -> Entry | None:
        key = self.surfaces.get(surface)
        return self.entries[key] if key else None

    def systems(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == "system"]

    def titled_person(self, surname: str, title: str) -> Entry | None:
        """The one person of the packs a title and surname name ("President Obama",
        "Prime Minister Cameron"): surname and the title's last word in their office."""
        office = title.lower().rstrip(".").split()[-1:]
        matches = [
            e
            for e in self.entries.values()
            if e.kind == "person"
            and e.name.split()[-1] == surname
            and e.role
            and office
            and office[0] in e.role.lower().split()
        ]
        return matches[0] if len(matches) == 1 else None


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Records the line of every mapping, so a bad entry can be named by line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_FIELDS: dict[str, dict[str, bool]] = {  # pack kind -> field -> required
    "systems": {
        "name": True,
        "category": True,
        "origin": True,
        "aliases": False,
        "maker": False,
        "in_service": False,
        "operators": False,
    },
    "countries": {"name": True, "aliases": False, "demonyms": False, "capitals": False},
    "organizations": {"name": True, "description": False, "country": False, "aliases": False},
    "media": {"name": True, "description": False, "aliases": False},
    "people": {"name": True, "role": False, "country": False, "aliases": False},
    "glossary": {"term": True, "expansion": True, "kind": False, "aliases": False},
}
_PLACE_FIELDS = {"name": True, "aliases": False}


def _check_entry(raw: Any, spec: dict[str, bool], path: Path, line: int) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise PackError("each entry must be a mapping such as {name: …}", path, line)
    line = raw.pop("__line__", line)
    for key, value in raw.items():
        if key not in spec:
            raise PackError(f"unknown field '{key}' (allowed: {', '.join(spec)})", path, line)
        if key in ("aliases", "demonyms", "capitals", "operators"):
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise PackError(f"'{key}' must be a list of names", path, line)
        elif key == "in_service":
            if not isinstance(value, int) or isinstance(value, bool) or not 1800 <= value <= 2100:
                raise PackError(f"'{key}' must be a year such as 2007", path, line)
        elif not isinstance(value, str) or not value.strip():
            raise PackError(f"'{key}' must be non-empty text", path, line)
    for key, required in spec.items():
        if required and key not in raw:
            raise PackError(f"entry is missing '{key}'", path, line)
    return raw


def _entries_of(kind: str, raw: dict[str, Any], path: Path, line: int) -> list[Entry]:
    spec = _FIELDS[kind]
    r = _check_entry(raw, spec, path, line)
    aliases = tuple(r.get("aliases", ()))
    if kind == "systems":
        return [
            Entry(
                "system",
                r["name"],
                aliases,
                category=r["category"],
                origin=r["origin"],
                maker=r.get("maker"),
                in_service=r.get("in_service"),
                operators=tuple(r.get("operators", ())),
            )
        ]
    if kind == "countries":
        extra = tuple(r.get("demonyms", ())) + tuple(r.get("capitals", ()))
        return [Entry("country", r["name"], aliases + extra)]
    if kind == "organizations":
        country, description = r.get("country"), r.get("description")
        return [Entry("organization", r["name"], aliases, country=country, description=description)]
    if kind == "media":
        return [Entry("media", r["name"], aliases, description=r.get("description"))]
    if kind == "people":
        return [Entry("person", r["name"], aliases, role=r.get("role"), country=r.get("country"))]
    return [Entry("term", r["term"], aliases, expansion=r["expansion"], term_kind=r.get("kind", "acronym"))]


def read_pack(path: Path) -> tuple[list[Entry], list[str]]:
    """Entries and `not_entities` of one pack file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise PackError(f"malformed YAML: {err.problem}", path, line) from None
    except (OSError, UnicodeDecodeError) as err:
        raise PackError(f"cannot read pack: {err}", path) from None
    if not isinstance(data, dict) or data.get("kind") not in _FIELDS:
        raise PackError(f"a pack needs 'kind:' one of {', '.join(_FIELDS)}", path, 1)
    kind = data["kind"]
    entries: list[Entry] = []
    raw_entries = data.get("entries") or []
    if not isinstance(raw_entries, list):
        raise PackError("'entries' must be a list", path)
    for raw in raw_entries:
        entries.extend(_entries_of(kind, raw, path, 0))
    for raw in data.get("places") or []:
        r = _check_entry(raw, _PLACE_FIELDS, path, 0)
        entries.append(Entry("place", r["name"], tuple(r.get("aliases", ()))))
    entries = [replace(e, pack=path.stem) for e in entries]
    not_entities = data.get("not_entities") or []
    if not isinstance(not_entities, list) or not all(isinstance(x, str) for x in not_entities):
        raise PackError("'not_entities' must be a list of names", path)
    return entries, not_entities


def pack_files(extra: Path | None = None) -> list[Path]:
    files = sorted(BUILTIN_PACKS.glob("*.yml"))
    if extra is not None and extra.is_dir():
        files += sorted(extra.glob("*.yml"))
    return files


def packs_digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_LOADED: dict[str, KnowledgeBase] = {}


def _capitalised(name: str) -> str:
    """A name of several words with each later lower-case word capitalised ("Mac Mini")."""
    first, *rest = name.split(" ")
    return " ".join([first, *(w[:1].upper() + w[1:] if w.isalpha() and w.islower() else w for w in rest)])


def load_knowledge(extra: Path | None = None) -> KnowledgeBase:
    """All packs merged (once per process and pack content). A later pack may extend an
    earlier entry's aliases."""
    files = pack_files(extra)
    digest = packs_digest(files)
    if digest in _LOADED:
        return _LOADED[digest]
    kb = KnowledgeBase(digest=digest)
    not_entities: set[str] = set()
    for path in files:
        entries, skip = read_pack(path)
        not_entities.update(skip)
        for entry in entries:
            old = kb.entries.get(entry.key)
            if old is not None:
                merged = tuple(dict.fromkeys(old.aliases + entry.aliases))
                entry = replace(old, aliases=merged)
            kb.entries[entry.key] = entry
    # Names first, so a name keeps its own entry over another entry's alias.
    for key, entry in kb.entries.items():
        kb.surfaces.setdefault(entry.name, key)
    for key, entry in kb.entries.items():
        for alias in entry.aliases:
            kb.surfaces.setdefault(alias, key)
    # Product names are written both ways: "Mac mini" and "Mac Mini".
    for key, entry in kb.entries.items():
        if entry.kind == "system":
            for surface in (entry.name, *entry.aliases):
                kb.surfaces.setdefault(_capitalised(surface), key)
    kb.not_entities = frozenset(not_entities)
    _LOADED[digest] = kb
    return kb
