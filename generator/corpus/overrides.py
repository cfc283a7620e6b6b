"""The editor's corrections across the corpus, in `corpus.yml` beside `mkdocs.yml`.

```yaml
same:                  # one entity, whatever the analysis says
  - [Tony Blair, Mr Blair]
different:             # never one entity
  - [Gordon Brown, {name: Brown, in: sport-123}]   # one article's "Brown" only
kinds:                 # the kind of an entity
  Yukos: organization
stories:               # explainers (their file names), as stories group them
  join:  [[business-003, business-025]]    # their stories are one
  apart: [[business-045, business-138]]    # never in one story
```

A name matches every record of that name (case, apostrophes, honorifics aside); `{name:
…, in: EXPLAINER}` only that explainer's. The file is read at every run, so a
correction survives regeneration; a mistake in it stops the run with the line named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import ExplainerError
from .names import name_key

if TYPE_CHECKING:
    from .identity import Record

KINDS = ("person", "organization", "media", "country", "place", "system")
FILE_NAME = "corpus.yml"


@dataclass(frozen=True)
class Ref:
    """A name, everywhere or in one explainer."""

    name: str
    slug: str | None = None

    def matches(self, record: Record) -> bool:
        if self.slug is not None and record.slug != self.slug:
            return False
        key = name_key(self.name)
        return name_key(record.name) == key or (self.slug is not None and key in map(name_key, record.forms))


@dataclass(frozen=True)
class CorpusOverrides:
    same: list[list[Ref]] = field(default_factory=list)
    different: list[tuple[Ref, Ref]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # folded name -> kind
    join_stories: list[tuple[str, str]] = field(default_factory=list)  # explainer slugs
    apart_stories: list[tuple[str, str]] = field(default_factory=list)

    def kind_of(self, name: str) -> str | None:
        return self.kinds.get(name_key(name)) if self.kinds else None


def _ref(value: Any, where: str) -> Ref:
    if isinstance(value, str) and value.strip():
        return Ref(value.strip())
    if isinstance(value, dict) and isinstance(value.get("name"), str) and set(value) <= {"name", "in"}:
        slug = value.get("in")
        if slug is not None and not isinstance(slug, str):
            raise ValueError(f"{where}: 'in' must be an explainer's address (its file name)")
        return Ref(value["name"].strip(), slug)
    raise ValueError(f"{where}: each entry is a name or {{name: NAME, in: EXPLAINER}}")


def _ref_list(value: Any, where: str, size: int | None = None) -> list[Ref]:
    if not isinstance(value, list) or len(value) < 2 or (size is not None and len(value) != size):
        wanted = "two names" if size == 2 else "two or more names"
        raise ValueError(f"{where}: give a list of {wanted}, such as [Tony Blair, Mr Blair]")
    return [_ref(v, where) for v in value]


def _story_pairs(data: Any, key: str) -> list[tuple[str, str]]:
    pairs = []
    for i, v in enumerate(data.get(key) or []):
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) and x.strip() for x in v)):
            raise ValueError(
                f"stories, {key}, entry {i + 1}: give two explainers, such as [business-003, business-025]"
            )
        pairs.append((v[0].strip(), v[1].strip()))
    return pairs


def _stories(data: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    if data is None:
        return [], []
    if not isinstance(data, dict) or set(data) - {"join", "apart"}:
        raise ValueError("'stories' has 'join' and 'apart', each a list of two explainers")
    return _story_pairs(data, "join"), _story_pairs(data, "apart")


def parse_overrides(data: Any) -> CorpusOverrides:
    """The corrections in a parsed `corpus.yml`; ValueError names what is wrong."""
    if data is None:
        return CorpusOverrides()
    if not isinstance(data, dict):
        raise ValueError("the file must be a mapping with 'same', 'different', 'kinds' and 'stories'")
    unknown = set(data) - {"same", "different", "kinds", "stories"}
    if unknown:
        raise ValueError(f"unknown key '{sorted(unknown)[0]}' (known: same, different, kinds, stories)")
    same = [_ref_list(v, f"same, entry {i + 1}") for i, v in enumerate(data.get("same") or [])]
    different = []
    for i, v in enumerate(data.get("different") or []):
        a, b = _ref_list(v, f"different, entry {i + 1}", size=2)
        different.append((a, b))
    kinds: dict[str, str] = {}
    raw_kinds = data.get("kinds") or {}
    if not isinstance(raw_kinds, dict):
        raise ValueError("'kinds' maps names to kinds, such as Yukos: organization")
    for name, kind in raw_kinds.items():
        if kind not in KINDS:
            raise ValueError(f"kinds: {name}: '{kind}' is not one of {', '.join(KINDS)}")
        kinds[name_key(str(name))] = kind
    join, apart = _stories(data.get("stories"))
    return CorpusOverrides(same, different, kinds, join, apart)


def load_overrides(path: Path) -> CorpusOverrides:
    """`corpus.yml`, or no corrections when the project has none."""
    if not path.is_file():
        return CorpusOverrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise ExplainerError(f"malformed YAML: {err.problem}", path, line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ExplainerError(f"cannot read the corrections: {err}", path) from None
    try:
        return parse_overrides(data)
    except ValueError as err:
        raise ExplainerError(str(err), path) from None
