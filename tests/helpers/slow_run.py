"""Run the CLI with every file rename slowed down, so a test can kill -9 the process
while it is committing docs/ (or swapping site/) and check what is left behind."""

from __future__ import annotations

import os
import sys
import time

from generator import site
from generator.cli import main

_replace = os.replace


def slow_replace(src: object, dst: object) -> None:
    time.sleep(float(os.environ.get("SLOW_RENAME_SECONDS", "0.05")))
    _replace(src, dst)  # type: ignore[arg-type]


site.os.replace = slow_replace  # type: ignore[attr-defined]
sys.exit(main(sys.argv[1:]))
