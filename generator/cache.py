"""Dossier cache: re-analyse a seed only when its bytes, the packs or the generator change."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from . import __version__
from .dossier import SCHEMA_VERSION, Dossier, from_json, to_dict
from .site import write_atomic

# What a Dossier depends on besides the seed and the packs: a change to rendering must
# not throw away hours of analysis of a large corpus.
ANALYSIS_CODE = ("analyze", "dossier.py", "seeds.py", "html.py", "errors.py")


@functools.cache
def code_digest(parts: tuple[str, ...] = ()) -> str:
    """The generator's own source (or only `parts` of it): changed code means new
    output, even before anyone bumps the version."""
    digest = hashlib.sha256(f"{__version__}\0{SCHEMA_VERSION}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        name = str(path.relative_to(package))
        if not parts or name.split("/", 1)[0] in parts:
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_key(seed_hash: str, packs_digest: str, model: str) -> str:
    parts = [seed_hash, packs_digest, model, code_digest(ANALYSIS_CODE)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class DossierCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> Dossier | None:
        path = self._path(key)
        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or damaged: analyse again

    def put(self, key: str, dossier: Dossier) -> None:
        write_atomic(self._path(key), json.dumps(to_dict(dossier), ensure_ascii=False), durable=False)

    def prune(self, keep: set[str]) -> int:
        """Delete entries no seed uses any more."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*.json"):
            if path.stem not in keep:
                path.unlink()
                removed += 1
        return removed
