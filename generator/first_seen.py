"""The day the project first saw each undated seed: what the feed dates it by.

A plain-text article dropped into seeds/ has no date. The feed still lists it, at the
day a run first met it, marked as undated. That day is recorded in
`.explainer-seen.json` beside `mkdocs.yml` (commit it with the site) and never
changes, so the same project builds the same feed whatever the day of the build.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from .errors import ExplainerError
from .site import write_atomic

FILE_NAME = ".explainer-seen.json"


def load_seen(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): dt.date.fromisoformat(str(v)).isoformat() for k, v in data["seeds"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise ExplainerError(
            "the record of when undated seeds were first seen is damaged; restore it from git "
            "(deleting it dates them all today)",
            path,
        ) from None


def record_seen(path: Path, undated: Iterable[str], today: dt.date) -> dict[str, str]:
    """Undated seeds (their names below seeds/) -> the day first seen, `today` for those
    not seen before; saved when that adds or drops one."""
    before = load_seen(path)
    seen = {name: before.get(name, today.isoformat()) for name in sorted(set(undated))}
    if seen != before:
        write_atomic(path, json.dumps({"seeds": seen}, indent=1, ensure_ascii=False) + "\n")
    return seen
