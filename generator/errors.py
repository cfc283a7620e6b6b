"""Errors an editor can act on: each names the file, and the line where known."""

from __future__ import annotations

from pathlib import Path


class ExplainerError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


class SeedError(ExplainerError):
    """A seed (or its sidecar) cannot be read or is invalid."""


class PackError(ExplainerError):
    """A knowledge pack is malformed."""


class ModelMissing(ExplainerError):
    """No spaCy English model is installed."""
