"""A real corpus at scale: the BBC News corpus (or any folder of plain-text articles).

    python bench/bench_realcorpus.py --seeds DIR [--sizes 500 1000] [--new 3]

DIR holds the articles flat (for the BBC corpus of github.com/dejanbatanjac/
bbc-article-classify-bert: `cp bbc/*/NNN.txt` renamed `SECTION-NNN.txt`). The articles are
not part of this repository. Measured, in one run:

- spaCy alone on the texts (the full pipeline, `nlp.pipe`, two processes), then a cold
  `explainer generate` (two processes): articles per second, and the ratio;
- `explainer build` on what was generated (MkDocs and Pagefind, in full);
- the site: bytes and files per article, pages by kind;
- one new article into the built site: `explainer build`, seconds (median of `--new`
  articles, each added to the site built by the previous), and whether its site has
  the bytes of a full build of the same project;
- entities with more than one page (the same folded name; or, in one article, one name
  a titled or shortened form of another, the two on two pages);
- the stories: seconds to find them in the whole corpus, how many, and with `--stories
  FILE…` (eval/stories/*.yml) their scores against the labels;
- for `--sizes` (the first N articles of a fixed shuffle), the site's bytes and files,
  from the same analyses, and a straight-line fit projecting 10,000 articles.
Results are appended to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.bench_generate import append_results  # noqa: E402

EXPLAINER = [sys.executable, "-m", "generator.cli"]


def shuffled(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    random.Random(2225).shuffle(files)  # every section in every subset
    return files


def make_project(folder: Path, seeds: list[Path], cache: Path | None = None) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "seeds").mkdir()
    for path in seeds:
        shutil.copy(path, folder / "seeds" / path.name)
    if cache is not None:
        shutil.copytree(cache, folder / ".cache")
    return folder


def run(project: Path, *args: str) -> float:
    return run_output(project, *args)[0]


def run_output(project: Path, *args: str) -> tuple[float, str]:
    """Seconds, and what the run printed (stdout and stderr)."""
    start = time.perf_counter()
    done = subprocess.run(
        [*EXPLAINER, "--project", str(project), *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return time.perf_counter() - start, done.stdout + done.stderr


def written_pages(output: str) -> int:
    """Pages `explainer generate` wrote (its summary line: "pages: N written")."""
    found = re.search(r"pages: (\d+) written", output)
    return int(found.group(1)) if found else -1


def story_measures(project: Path) -> tuple[float, int, int, int]:
    """Seconds to find the stories of the whole corpus (median of three, in this
    process), stories told in two articles or more, articles in them, the longest."""
    from generator.analyze.packs import load_knowledge
    from generator.cache import DossierCache
    from generator.corpus import country_words
    from generator.corpus.identity import resolve
    from generator.corpus.stories import detect
    from generator.project import Project

    p = Project(project)
    cache = DossierCache(p.cache)
    dossiers = [d for path in sorted(p.cache.glob("*/*.json")) if (d := cache.get(path.stem)) is not None]
    dossiers.sort(key=lambda d: d.slug)
    identities = resolve(dossiers, None, country_words(load_knowledge()))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        groups = detect(dossiers, identities)
        times.append(time.perf_counter() - start)
    told = [g for g in groups if len(g.reports) > 1]
    return (
        statistics.median(times),
        len(told),
        sum(len(g.members) for g in told),
        max(len(g.members) for g in told),
    )


def spacy_alone(seeds: list[Path]) -> float:
    """Seconds for spaCy's full English pipeline over the texts, two processes."""
    code = (
        "import sys, spacy, time\n"
        "from generator.analyze.nlp import model_name\n"
        "paths = open(sys.argv[1]).read().split('\\n')\n"
        "texts = [open(p, encoding='latin-1').read() for p in paths]\n"
        "nlp = spacy.load(model_name())\n"
        "start = time.perf_counter()\n"
        "for _ in nlp.pipe(texts, n_process=2, batch_size=32): pass\n"
        "print(time.perf_counter() - start)\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(p) for p in seeds))
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, listing.name], check=True, capture_output=True, text=True, cwd=ROOT
        )
    finally:
        os.unlink(listing.name)
    return float(out.stdout.strip().splitlines()[-1])


def site_measures(site: Path) -> tuple[int, int, Counter[str]]:
    """File bytes, files, and HTML pages by top folder."""
    total = files = 0
    kinds: Counter[str] = Counter()
    for folder, _, names in os.walk(site):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(folder, name))
            if name == "index.html":
                rel = Path(folder).relative_to(site)
                kinds[rel.parts[0] if rel.parts else "home"] += 1
    return total, files, kinds


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def duplicate_pages(project: Path) -> tuple[int, int, list[str]]:
    """(entities sharing a folded name with another's page, same-article pairs of a name
    and its titled or shortened form on two pages, examples)."""
    from generator.analyze.packs import load_knowledge
    from generator.cache import DossierCache
    from generator.corpus import build_corpus
    from generator.corpus.addresses import load_book
    from generator.corpus.names import name_key, person_name, strip_honorific
    from generator.project import Project

    p = Project(project)
    cache = DossierCache(p.cache)
    dossiers = [d for path in sorted(p.cache.glob("*/*.json")) if (d := cache.get(path.stem)) is not None]
    corpus = build_corpus(dossiers, load_knowledge(), None, load_book(p.addresses))
    by_name = Counter(name_key(page.name, page.kind) for page in corpus.pages.values())
    same_name = sum(n for n in by_name.values() if n > 1)
    pairs, examples = 0, []
    for d in corpus.dossiers:
        links = corpus.links_for(d)
        people = [h.name for h in d.stakeholders if h.name in links and h.kind == "person"]
        for a in people:
            for b in people:
                short, full = person_name(strip_honorific(a)[0]), person_name(b)
                if a == b or short is None or full is None or links[a] == links[b]:
                    continue
                if short.surname == full.surname and not short.given and full.given:
                    pairs += 1
                    examples.append(f"{a} / {b} ({d.slug})")
    return same_name, pairs, examples[:10]


def fit(sizes: list[int], values: list[float]) -> tuple[float, float]:
    """Least-squares line through (size, value): (intercept, slope)."""
    mean_x, mean_y = statistics.fmean(sizes), statistics.fmean(values)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(sizes, values, strict=True)) / sum(
        (x - mean_x) ** 2 for x in sizes
    )
    return mean_y - slope * mean_x, slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 1000])
    parser.add_argument("--new", type=int, default=3, help="new articles added one by one to the built site")
    parser.add_argument(
        "--work", type=Path, default=None, help="keep the projects here (default: a temporary folder)"
    )
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--stories", type=Path, nargs="*", default=[], help="story labels to score")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="realcorpus-"))
    files = shuffled(args.seeds)
    extra, base = files[: args.new], files[args.new :]
    n = len(base)

    spacy_s = spacy_alone(base)
    print(f"spaCy alone: {spacy_s:.1f} s", flush=True)
    project = make_project(work / f"all-{n}", base)
    generate_s = run(project, "generate", "--jobs", "2")
    print(f"generate: {generate_s:.1f} s", flush=True)
    build_s = run(project, "build")
    total, nfiles, kinds = site_measures(project / "site")
    print(f"build: {build_s:.1f} s; site {total} bytes, {nfiles} files; {dict(kinds)}", flush=True)

    loop, rendered = [], []
    for path in extra:  # the editor's loop: one new article, then build
        shutil.copy(path, project / "seeds" / path.name)
        seconds, output = run_output(project, "build")
        loop.append(seconds)
        rendered.append(written_pages(output))
        print(f"one new article: {loop[-1]:.1f} s, {rendered[-1]} pages written", flush=True)
    stories_s, stories, in_stories, longest = story_measures(project)
    scores = ""
    if args.stories:
        scores = subprocess.run(
            [*EXPLAINER, "--project", str(project), "eval", "--stories", *map(str, args.stories)],
            check=True, capture_output=True, text=True, cwd=ROOT,
        ).stdout  # fmt: skip
    full = make_project(work / "full-check", [], None)
    for item in (
        "seeds",
        "docs",
        ".cache",
        ".explainer",
        ".explainer-addresses.json",
        ".explainer-seen.json",
    ):
        source = project / item
        if source.is_dir():
            shutil.copytree(source, full / item, dirs_exist_ok=True)
        else:
            shutil.copy(source, full / item)
    shutil.rmtree(full / ".explainer" / "search", ignore_errors=True)
    run(full, "build", "--full")
    same_bytes = tree(full / "site") == tree(project / "site")
    same_name, pairs, examples = duplicate_pages(project)

    points = []
    for size in sorted(args.sizes):
        sub = make_project(work / f"sub-{size}", base[:size], project / ".cache")
        run(sub, "build")
        b, f, _ = site_measures(sub / "site")
        points.append((size, b, f))
    points.append((n, total, nfiles))
    sizes = [p[0] for p in points]
    at = 10_000
    fitted = []
    if len(points) >= 2:  # a line needs two sizes (`--sizes` with none gives one)
        a_b, s_b = fit(sizes, [p[1] for p in points])
        a_f, s_f = fit(sizes, [p[2] for p in points])
        fitted = [
            f"| {at} (fitted: {s_b / 1000:.1f} KB and {s_f:.2f} files per article, plus {a_b / 1e6:.1f} MB and {a_f:.0f} files) | {(a_b + s_b * at) / 1e6:.0f} MB | {a_f + s_f * at:.0f} |"
        ]
    lines = [
        f"\n## Real corpus: {n} articles of {args.seeds.name} ({time.strftime('%Y-%m-%d')})\n",
        f"Command: `python bench/bench_realcorpus.py --seeds DIR --sizes {' '.join(map(str, args.sizes))} --new {args.new}`  ",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n",
        "| measure | result |",
        "|---|---|",
        f"| spaCy alone (full pipeline, 2 processes) | {spacy_s:.1f} s, {n / spacy_s:.1f} articles/s |",
        f"| cold `explainer generate` (2 processes) | {generate_s:.1f} s, {n / generate_s:.1f} articles/s ({spacy_s / generate_s:.2f}x spaCy alone) |",
        f"| `explainer build` after it (MkDocs and Pagefind, in full) | {build_s:.1f} s |",
        f"| site | {total / 1e6:.1f} MB in {nfiles} files: {total / n / 1000:.1f} KB and {nfiles / n:.2f} files per article |",
        f"| pages by kind | {', '.join(f'{k} {v}' for k, v in kinds.most_common())} |",
        f"| one new article into the built site, to a built site | median {statistics.median(loop):.1f} s ({', '.join(f'{x:.1f}' for x in loop)}) |",
        f"| pages written for each new article (of {kinds.total()}) | {', '.join(map(str, rendered))} |",
        f"| that site, byte for byte a full build's | {'yes' if same_bytes else 'NO'} |",
        f"| stories of the whole corpus (in the corpus stage) | {stories_s:.2f} s: {stories} told in two articles or more, holding {in_stories} articles; the longest {longest} |",
        f"| entity pages sharing a folded name | {same_name} |",
        f"| a name and its titled or shortened form on two pages, in one article | {pairs} |",
        "",
        "| articles | site bytes | files |",
        "|---|---|---|",
        *(f"| {s} | {b / 1e6:.1f} MB | {f} |" for s, b, f in points),
        *fitted,
    ]
    if examples:
        lines += ["", "Pairs on two pages, first ten: " + "; ".join(examples)]
    if scores:
        lines += ["", "Stories against the labels (`explainer eval --stories`):", "", scores]
    append_results(args.results, lines)


if __name__ == "__main__":
    main()
