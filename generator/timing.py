"""Phase timings for benchmarks: `EXPLAINER_TIMINGS=1` prints how long each stage of a
run took to stderr ("timing: corpus 2.31 s"). Off by default: output stays the same."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "EXPLAINER_TIMINGS"


@contextmanager
def phase(name: str) -> Iterator[None]:
    if not os.environ.get(ENV):
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"timing: {name} {time.perf_counter() - start:.2f} s", file=sys.stderr)
