"""Errors an editor can act on: each names the file, and the line where known."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

DEBUG_ENV = "EXPLAINER_DEBUG"  # set by `explainer --debug`; worker processes inherit it


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


def internal_error(path: Path | str, stage: str, err: BaseException) -> str:
    """One line for a bug met while working on one seed (or page), so the run goes on;
    the traceback too under --debug."""
    line = f"{path}: internal error while {stage} ({type(err).__name__}: {err}); please report it"
    if os.environ.get(DEBUG_ENV):
        return line + "\n" + "".join(traceback.format_exception(err)).rstrip()
    return line + " (run with --debug for the traceback)"
