"""Real-world benchmark: the whole pipeline over a folder of saved news pages.

    python bench/bench_realworld.py --pages DIR [--truth ground-truth.json]

Copies every page (`.html`, `.htm`, `.mhtml`, or gzip-compressed `.html.gz`) into
the seeds of a temporary project, runs `explainer build` on it in a fresh
process, and reports pages built, refusals by reason, internal errors and
seconds per page. With a ground truth in the format of the public
article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark:
`{page id: {"articleBody": ...}}`, page id = file name without `.html`), it also
scores the article body the seeds are read with, token-shingle F1 / precision /
recall computed as that benchmark's evaluate.py does, side by side with plain
`trafilatura.extract` defaults in the same run. The pages are not part of this
repository: fetch them and pass their folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.bench_generate import append_results  # noqa: E402

PAGE_SUFFIXES = (".html", ".htm", ".mhtml", ".mht")


# --- the article-extraction benchmark's score, written out from its description -------------

_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives over 4-word shingles, as shares
    of their sum, so a long article weighs as much as a short one."""
    want, got = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        w, g = want.get(key, 0), got.get(key, 0)
        tp += min(w, g)
        fp += max(0, g - w)
        fn += max(0, w - g)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    if hit == miss == 0:
        return 0.0
    return hit / (hit + miss)


def body_scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall): precision and recall averaged over pages, F1 of the averages."""
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


# --- the run ---------------------------------------------------------------------------------


def page_id(path: Path) -> str:
    name = path.name.removesuffix(".gz")
    return name.rsplit(".", 1)[0]


def collect_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.removesuffix(".gz").lower().endswith(PAGE_SUFFIXES))


def page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def make_project(folder: Path, pages: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)  # --keep names a folder that may not exist yet
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    seeds = folder / "seeds"
    seeds.mkdir()
    for path in pages:
        suffix = Path(path.name.removesuffix(".gz")).suffix
        (seeds / f"{page_id(path)}{suffix}").write_bytes(page_bytes(path))
    return folder


def reason(message: str) -> str:
    """An error line's message with the particulars (names, sizes) taken out."""
    language = re.search(r"seed is in ([\w ]+) \(", message)
    if language:
        return f"not English: {language.group(1)}"
    if "internal error" in message:
        return "internal error: " + message.split("internal error", 1)[1][:80]
    return re.sub(r"\d[\d,]*", "N", message)[:90]


def build(project: Path, jobs: int) -> tuple[float, int, list[str]]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "build", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        print(proc.stderr[-3000:], file=sys.stderr)
    return elapsed, proc.returncode, proc.stderr.splitlines()


def extraction_scores(pages: list[Path], truth: dict[str, dict[str, str]]) -> dict[str, object]:
    import trafilatura

    from generator.errors import SeedError
    from generator.html import extract_article

    ours, plain = [], []
    seconds = []
    for path in pages:
        key = page_id(path)
        if key not in truth:
            continue
        data = page_bytes(path)
        start = time.perf_counter()
        try:
            body, _ = extract_article(data, Path(path.name.removesuffix(".gz")))
        except SeedError:
            body = ""
        seconds.append(time.perf_counter() - start)
        baseline = trafilatura.extract(data.decode("utf-8", "replace")) or ""
        true = truth[key].get("articleBody", "")
        ours.append(shingle_counts(true, body))
        plain.append(shingle_counts(true, baseline))
    return {
        "pages": len(ours),
        "ours": body_scores(ours),
        "plain": body_scores(plain),
        "seconds": statistics.median(seconds),
    }


_TAG = re.compile(r"<[^>]+>")
_FENCE = re.compile(r"^```.*$", re.M)


def _visible_words(markdown: str) -> int:
    text = _FENCE.sub("", _TAG.sub(" ", markdown))
    return len(re.sub(r"[#*|>-]+", " ", text).split())


def _section(page: str, heading: str) -> str:
    return page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0] if f"\n## {heading}\n" in page else ""


@dataclass
class Reading:
    pages: int
    brief: int
    watch: int
    whos: int
    words_before: float


def reading_measures(explainers: Path) -> Reading:
    """What a reader meets on each generated explainer: an In brief, a What to watch with
    something in it, a Who's who that says who people and organisations are, and the
    words before the first section heading (title, chips and meta line)."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(explainers.glob("*.md")) if p.name != "index.md"]
    pages = [p for p in pages if "## Source text" in p]  # not the failed-page placeholders
    brief = sum("\n## In brief\n" in p for p in pages)
    watch = sum("<li>" in _section(p, "What to watch") for p in pages)
    # A person's role follows the name after a comma; an organisation's pack entry after a colon.
    role = re.compile(r"<li><(?:a [^>]*><)?strong>[^<]*</strong>(?:</a>)?(?:, |: )")
    whos = sum(bool(role.search(_section(p, "Who's who"))) for p in pages)
    before = [_visible_words(p.split("\n---\n", 1)[1].split("\n## ", 1)[0]) for p in pages]
    return Reading(len(pages), brief, watch, whos, statistics.median(before) if before else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, required=True, help="folder of saved pages")
    parser.add_argument("--truth", type=Path, help="ground-truth.json of the article-extraction benchmark")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--keep", type=Path, help="keep the built project in this folder")
    args = parser.parse_args()

    pages = collect_pages(args.pages)
    if not pages:
        sys.exit(f"no saved pages in {args.pages}")
    with tempfile.TemporaryDirectory(prefix="bench-real-") as tmp:
        project = make_project(Path(args.keep or tmp), pages)
        seconds, status, log = build(project, args.jobs)
        built = len(list((project / "site" / "explainers").glob("*/index.html")))
        reading = reading_measures(project / "docs" / "explainers")
    errors = [line.removeprefix("error: ") for line in log if line.startswith("error: ")]
    reasons = Counter(reason(e.split(": ", 1)[1] if ": " in e else e) for e in errors)
    internal = sum(n for r, n in reasons.items() if r.startswith("internal error"))
    dead = status not in (0, 1)

    lines = [
        f"\n## Real pages: {len(pages)} saved pages from {args.pages.name} ({time.strftime('%Y-%m-%d')})\n",
        f"Command: `python bench/bench_realworld.py --pages {args.pages.name}"
        + (f" --truth {args.truth.name}" if args.truth else "")
        + f" --jobs {args.jobs}`  ",
        "Whole pipeline: `explainer build` (analysis, pages, MkDocs, Pagefind) in a fresh process.\n",
        "| measure | result |",
        "|---|---|",
        f"| pages built | {built} of {len(pages)} |",
        f"| refused | {len(errors) - internal} |",
        f"| internal errors | {internal} |",
        f"| dead runs | {int(dead)} (exit status {status}) |",
        f"| seconds per page | {seconds / len(pages):.2f} ({seconds:.1f} s in all, {args.jobs} processes) |",
    ]
    n = reading.pages or 1
    lines += [
        "",
        f"What a reader meets on the {reading.pages} explainers built:",
        "",
        "| measure | result |",
        "|---|---|",
        f"| an In brief | {reading.brief} ({reading.brief / n:.0%}) |",
        f"| What to watch with an item | {reading.watch} ({reading.watch / n:.0%}) |",
        f"| Who's who giving a role or what an organisation is | {reading.whos} ({reading.whos / n:.0%}) |",
        f"| median words before the first section heading (title, chips, meta line) | {reading.words_before:g} |",
    ]
    if reasons:
        lines += ["", "Refusals and errors by reason:", ""]
        lines += [f"- {n} × {r}" for r, n in sorted(reasons.items(), key=lambda rn: (-rn[1], rn[0]))]
    if args.truth:
        truth = json.loads(args.truth.read_text(encoding="utf-8"))
        scores = extraction_scores(pages, truth)
        (f1, p, r), (bf1, bp, br) = scores["ours"], scores["plain"]  # type: ignore[misc]
        lines += [
            "",
            f"Article body against the ground truth ({scores['pages']} pages; token-shingle scores "
            "as the benchmark's evaluate.py computes them):",
            "",
            "| extractor | F1 | precision | recall |",
            "|---|---|---|---|",
            f"| Seed Explainer (`generator/html.py`) | {f1:.3f} | {p:.3f} | {r:.3f} |",
            f"| trafilatura.extract, defaults | {bf1:.3f} | {bp:.3f} | {br:.3f} |",
            "",
            f"Median time to read one page: {scores['seconds'] * 1000:.0f} ms.",
        ]
    append_results(args.results, [*lines, ""])
    if dead or internal:
        sys.exit(1)


if __name__ == "__main__":
    main()
