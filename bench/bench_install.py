"""Install benchmark: from the wheel to a built site, as a newsroom starts.

    python bench/bench_install.py [--runs 3]

Builds the wheel, then per run: a fresh virtual environment (pip upgraded first, as any
set-up does), `pip install <wheel>` (timed), `explainer init` and `explainer build`
(timed), and a second `explainer build` with one new seed (its log line). pip's cache is
used as it is: warm after the first run, as on a machine that installed before. Medians
of the runs go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.bench_generate import append_results  # noqa: E402
from generator.origin import CHECKOUT_LOCAL  # noqa: E402

SECOND_SEED = ROOT / "tests" / "fixtures" / "pages" / "isles-win.html"


def run(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    installs, builds, warnings, second = [], [], [], ""
    with tempfile.TemporaryDirectory(prefix="bench-install-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT, work / "src", ignore=shutil.ignore_patterns(*CHECKOUT_LOCAL))
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "-q",
                "-w",
                str(work / "w"),
                str(work / "src"),
            ],
            work,
        )
        (wheel,) = (work / "w").glob("*.whl")
        for i in range(args.runs):
            env = work / f"env{i}"
            venv.create(env, with_pip=True)
            pip = [str(env / "bin" / "python"), "-m", "pip"]
            run([*pip, "install", "-q", "--upgrade", "pip"], work)
            took, out = run([*pip, "install", "-q", str(wheel)], work)
            installs.append(took)
            warnings += [
                line for line in out.splitlines() if "warning" in line.lower() and "is ignored" not in line
            ]
            explainer = str(env / "bin" / "explainer")
            t1, out1 = run([explainer, "init", f"site{i}"], work)
            t2, out2 = run([explainer, "build"], work / f"site{i}")
            builds.append(t1 + t2)
            warnings += [line for line in (out1 + out2).splitlines() if "warning" in line.lower()]
            shutil.copy(SECOND_SEED, work / f"site{i}" / "seeds" / SECOND_SEED.name)
            _, out3 = run([explainer, "build"], work / f"site{i}")
            second = next(line for line in out3.splitlines() if " analysed, " in line)
            shutil.rmtree(env)
    total = [a + b for a, b in zip(installs, builds, strict=True)]
    lines = [
        f"\n## Install: from the wheel to a built site ({time.strftime('%Y-%m-%d')})\n",
        f"Command: `python bench/bench_install.py --runs {args.runs}` (fresh virtual environment each "
        "run, pip upgraded first, pip's cache as it is: warm after the first run).\n",
        "| measure | median | runs |",
        "|---|---|---|",
        f"| `pip install <wheel>` | {statistics.median(installs):.1f} s | {', '.join(f'{x:.1f}' for x in installs)} |",
        f"| `explainer init` + `explainer build` | {statistics.median(builds):.1f} s | {', '.join(f'{x:.1f}' for x in builds)} |",
        f"| install + build (target < 60 s) | {statistics.median(total):.1f} s | {', '.join(f'{x:.1f}' for x in total)} |",
        "",
        f"Warnings printed by install, init and build: {len(warnings)}"
        + (f" ({'; '.join(sorted(set(warnings)))[:300]})" if warnings else "")
        + ".  ",
        f"Second build after adding one seed: `{second}`",
        "",
    ]
    append_results(args.results, lines)


if __name__ == "__main__":
    main()
