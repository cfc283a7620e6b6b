"""Site benchmark: full build time, bytes per explainer, search cost per query, and
MkDocs vs Zensical build time, for synthetic corpora of several sizes.

For each size: a fresh project with N synthetic seeds is generated (cold, 2 processes),
built with MkDocs, indexed with Pagefind, and built again from the same docs/ with
Zensical. A headless Chromium (Debian's, via Playwright) then runs one query on the
Pagefind search page and sums the bytes of every response it needed. A last row
indexes the largest site's pages twice over (2N pages) to see how the query cost
grows. Results are appended to RESULTS.md.

    python bench/bench_site.py --sizes 100 1000 5000
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.bench_generate import append_results, make_project  # noqa: E402
from generator.cli import BUILTIN_SEARCH_LIMIT  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.sitebuild import build_site  # noqa: E402

# A typical query (a system named in a few articles) and a worst case (a word in every one).
QUERIES = {"typical": "Su-57", "worst": "sanctions"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def query_cost(site: Path, query: str) -> tuple[int, int, float, int]:
    """Bytes as served, bytes gzip-compressed (what a compressing host such as GitHub
    Pages sends), milliseconds to results, and responses, for a first search.

    Bytes: everything under pagefind/ that a reader's browser fetches when it opens the
    Search page with the query (Pagefind's UI, its search library, the index and the
    results shown). Time: Pagefind's own API in a fresh page, from the call to the data
    of the first five results."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: list[tuple[int, int]] = []

    def record(response: object) -> None:
        if "/pagefind/" not in response.url or not response.ok:  # type: ignore[attr-defined]
            return
        body = response.body()  # type: ignore[attr-defined]
        # Pagefind's index files are compressed already; text and wasm the host compresses.
        sizes.append((len(body), min(len(body), len(gzip.compress(body, 6)))))

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page.on("response", record)
            page.goto(f"{base}search/?query={query}")
            # "N results for …" (or "No results"): the UI has finished this query.
            page.wait_for_function(
                "/results? for/i.test(document.querySelector('#pagefind-summary')?.textContent || '')",
                timeout=60_000,
            )
            page.wait_for_load_state("networkidle")
            page.remove_listener("response", record)
            fresh = browser.new_page()
            fresh.goto(base)
            latency = fresh.evaluate(
                """async (query) => {
                    const pagefind = await import(new URL("pagefind/pagefind.js", location.href).href);
                    await pagefind.options({ ranking: { pageLength: 0.1 } });
                    const start = performance.now();
                    const found = await pagefind.search(query);
                    await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
                    return performance.now() - start;
                }""",
                query,
            )
            browser.close()
    finally:
        server.shutdown()
    return sum(s[0] for s in sizes), sum(s[1] for s in sizes), latency, len(sizes)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def zensical_build(project: Project, folder: Path) -> str:
    """Zensical on a copy of the same docs/ and mkdocs.yml: time and peak memory."""
    folder.mkdir()
    shutil.copytree(project.docs, folder / "docs")
    shutil.copy(project.root / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(project.root / ".explainer", folder / ".explainer")  # the inherited defaults
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or "zensical"
    start = time.perf_counter()
    z = subprocess.run(
        [zensical, "build", "--clean"], cwd=folder, capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - start
    # The largest child so far; Zensical is by far the largest the benchmark starts.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
    shutil.rmtree(folder)
    if z.returncode == 0:
        return f"{took:.1f} s (peak {peak:.1f} GiB)"
    if z.returncode == -signal.SIGKILL:
        return f"killed after {took:.0f} s at {peak:.1f} GiB (out of memory)"
    output = (z.stdout + z.stderr).strip().splitlines() or ["no output"]
    return f"failed after {took:.0f} s: {output[-1][:160]}"


def bench(n: int, workdir: Path, zensical: bool) -> dict[str, str]:
    folder = workdir / f"n{n}"
    folder.mkdir()
    project = Project(make_project(folder, n))
    t0 = time.perf_counter()
    generate(project, jobs=2)
    t1 = time.perf_counter()
    build_site(project, strict=True, builtin_search=n <= BUILTIN_SEARCH_LIMIT)
    t2 = t3 = time.perf_counter()  # Pagefind runs beside MkDocs now
    pages = list((project.site / "explainers").glob("*/index.html"))
    explainer_kb = sum(p.stat().st_size for p in pages) / len(pages) / 1024
    site_mb = folder_bytes(project.site) / 2**20
    queries = {kind: query_cost(project.site, q) for kind, q in QUERIES.items()}
    z_time = zensical_build(project, workdir / f"z{n}") if zensical else "not run"
    # Again from the analysed articles, as an editor runs it after a template change:
    # `explainer build` in a fresh process, every page rendered, built and indexed, no NLP.
    (project.root / ".cache" / "state.json").unlink()
    shutil.rmtree(project.docs)
    explainer = [
        sys.executable,
        "-m",
        "generator.cli",
        "--project",
        str(project.root),
        "build",
        "--jobs",
        "2",
    ]
    t6 = time.perf_counter()
    subprocess.run(explainer, check=True, capture_output=True)
    t7 = time.perf_counter()
    return {
        "explainers": str(n),
        "pages": str(sum(1 for _ in project.site.rglob("index.html"))),
        "generate (cold)": f"{t1 - t0:.1f} s",
        "MkDocs and Pagefind (side by side)": f"{t2 - t1:.1f} s",
        "full build": f"{t3 - t0:.1f} s",
        "build from analysed articles": f"{t7 - t6:.1f} s",
        "Zensical build": z_time,
        "HTML per explainer": f"{explainer_kb:.1f} KB",
        "site per explainer": f"{site_mb * 1024 / n:.0f} KB ({site_mb:.0f} MB in all)",
        **{
            f"first query, {kind} ({QUERIES[kind]})": f"{c / 1024:.0f} KB gzip ({r / 1024:.0f} KB raw), {ms:.0f} ms"
            for kind, (r, c, ms, _) in queries.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--zensical-up-to", type=int, default=5000, help="build with Zensical only up to this many explainers"
    )
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        for n in args.sizes:
            rows.append(bench(n, Path(tmp), zensical=n <= args.zensical_up_to))
            print(rows[-1], flush=True)
    keys = list(rows[0])
    lines = [
        f"\n## Site, {', '.join(str(n) for n in args.sizes)} synthetic explainers ({time.strftime('%Y-%m-%d')})\n",
        f"Command: `python bench/bench_site.py --sizes {' '.join(str(n) for n in args.sizes)}`  ",
        "Search: a first query ("
        + ", ".join(f'{k}: "{q}"' for k, q in QUERIES.items())
        + ") on the Search page of a fresh browser: bytes of everything it fetched from pagefind/ (UI,"
        " library, index, results shown), as served and gzip-compressed as a host like GitHub Pages sends"
        " them; time through Pagefind's API, from the call to the data of the first five results."
        f" Material's built-in search is on up to {BUILTIN_SEARCH_LIMIT} explainers and off above.\n",
        "| " + " | ".join(keys) + " |",
        "|" + "---|" * len(keys),
        *("| " + " | ".join(r[k] for k in keys) + " |" for r in rows),
        "",
    ]
    append_results(args.results, lines)


if __name__ == "__main__":
    main()
