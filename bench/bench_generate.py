"""Generator benchmark: cold throughput, no-op and one-new-seed regeneration, peak memory.

Each measurement runs the real CLI (`explainer generate`) in a fresh process on a
synthetic corpus, so start-up, model loading and file I/O are all counted; the
MkDocs build is not (see bench_site.py). Results are appended to RESULTS.md.

    python bench/bench_generate.py --count 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import write_corpus  # noqa: E402

TARGETS = {"cold seeds/s": ">= 20", "no-op s": "< 1", "one new seed s": "< 2"}


def run(project: Path, *args: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `explainer generate` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "generate", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"generate failed:\n{proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def append_results(path: Path, lines: list[str]) -> None:
    """Print a results section and append it to RESULTS.md."""
    text = "\n".join(lines)
    print(text)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def make_project(folder: Path, count: int) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    write_corpus(folder / "seeds", count)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-gen-") as tmp:
        project = make_project(Path(tmp), args.count)
        cold, cold_rss = run(project, "--jobs", str(args.jobs))
        noop = [run(project)[0] for _ in range(args.repeat)]
        one_new = []
        for i in range(args.repeat):
            new = project / "seeds" / f"new-{i}.txt"
            shutil.copy(project / "seeds" / "bench-00000.txt", new)
            with new.open("a") as handle:
                handle.write(f"A fresh sentence number {i} was added to this copy.\n")
            one_new.append(run(project)[0])

    rows = {
        "cold seeds/s": f"{args.count / cold:.1f} ({cold:.1f} s for {args.count} seeds, {args.jobs} processes)",
        "no-op s": f"{statistics.median(noop):.2f} (median of {args.repeat}; min {min(noop):.2f}, max {max(noop):.2f})",
        "one new seed s": f"{statistics.median(one_new):.2f} (median of {args.repeat}; "
        f"min {min(one_new):.2f}, max {max(one_new):.2f})",
        "peak RSS of one process": f"{cold_rss / 1024:.0f} MiB (largest of the runs; workers counted separately)",
    }
    lines = [
        f"\n## Generator, {args.count} synthetic seeds ({time.strftime('%Y-%m-%d')})\n",
        f"Command: `python bench/bench_generate.py --count {args.count} --repeat {args.repeat} --jobs {args.jobs}`  ",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}\n",
        "| measure | result | target |",
        "|---|---|---|",
        *(f"| {k} | {v} | {TARGETS.get(k, '—')} |" for k, v in rows.items()),
        "",
    ]
    append_results(args.results, lines)


if __name__ == "__main__":
    main()
