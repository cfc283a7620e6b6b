"""`explainer`: the command line. Each verb is a thin shell over the library.

Exit codes: 0 success; 1 some seeds (or checks) failed, the rest was done (upgrade:
a file is the editor's and needs a change by hand);
2 nothing could be done (bad pack, missing model, no project, busy lock, usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import DEBUG_ENV, ExplainerError, internal_error
from .project import Project, find_project

if TYPE_CHECKING:
    from .pipeline import GenerateReport

OK, PARTIAL, FATAL = 0, 1, 2
# Material's built-in search sends its whole index (about 6 KB per explainer) to every
# reader; past this many explainers only Pagefind's chunked index is built.
BUILTIN_SEARCH_LIMIT = 300


def _say(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def _locked(project: Project, wait: float) -> Iterator[None]:
    """One writer per project: a second run waits up to `wait` seconds, then refuses."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(project.lock))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise ExplainerError(
            f"another explainer run is working on {project.root} (lock {project.lock.name}); "
            f"waited {wait:g}s. Try again when it has finished."
        ) from None
    try:
        yield
    finally:
        lock.release()


def _project(args: argparse.Namespace) -> Project:
    return find_project(Path(args.project) if args.project else None)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _report(report: GenerateReport) -> int:
    for warning in report.warnings:
        _say(f"warning: {warning}")
    for error in report.errors:
        _say(f"error: {error}")
    w = report.write
    _say(
        f"{_count(report.seeds, 'seed')}: {report.analysed} analysed, {report.cached} unchanged (cached), "
        f"{len(report.errors)} failed · pages: {len(w.written)} written, {len(w.unchanged)} unchanged, "
        f"{len(w.removed)} removed · {_count(report.flags, 'review note')}"
    )
    return OK if report.ok else PARTIAL


def cmd_generate(args: argparse.Namespace) -> int:
    from .pipeline import generate

    project = _project(args)
    with _locked(project, args.wait):
        return _report(generate(project, strict=args.strict, jobs=args.jobs))


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import generate
    from .sitebuild import build_site

    project = _project(args)
    with _locked(project, args.wait):
        report = generate(project, strict=args.strict, jobs=args.jobs)
        status = _report(report)
        small = report.seeds <= BUILTIN_SEARCH_LIMIT
        built = build_site(
            project,
            strict=True,
            builtin_search=small or args.no_pagefind,
            pagefind=not args.no_pagefind,
            full=args.full,
        )
        how = (
            f"incrementally, {_count(built.pages_built, 'page')} rebuilt" if built.incremental else "in full"
        )
        _say(f"site built in {project.site} ({how})")
    return status


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    project = _project(args)
    return serve(project, args.dev_addr, regenerate=lambda: cmd_generate(args))


def cmd_extract(args: argparse.Namespace) -> int:
    from .analyze import analyze
    from .analyze.packs import load_knowledge
    from .dossier import to_json
    from .seeds import read_seed

    path = Path(args.seed)
    extra = Path(args.packs) if args.packs else None
    seed = read_seed(path, path.parent)
    for warning in seed.warnings:
        _say(f"warning: {warning}")
    dossier = analyze(seed, load_knowledge(extra))
    if args.json:
        sys.stdout.write(to_json(dossier))
    else:
        from .render import environment, render_explainer

        sys.stdout.write(render_explainer(environment(), dossier))
    return OK


def cmd_eval(args: argparse.Namespace) -> int:
    if args.stories:
        return _eval_stories(args)
    root = Path(args.project).resolve() if args.project else _guess_root()
    seeds_dir = Path(args.seeds) if args.seeds else root / "seeds"
    pages = Path(args.pages) if args.pages else None
    # Each folder is its own part (tuning, held out): scored and summed apart.
    folders = [Path(g) for g in args.gold] if args.gold else [root / "eval"]
    for gold_dir in folders:
        _eval_folder(
            gold_dir, seeds_dir, pages, args.summary, parts=len(folders) > 1, seeds_given=bool(args.seeds)
        )
    return OK


def _eval_folder(
    gold_dir: Path, seeds_dir: Path, pages: Path | None, summary: bool, parts: bool, seeds_given: bool
) -> None:
    from .evaluate import evaluate_file, format_table, gold_files, load_gold, total

    files = gold_files(gold_dir)
    if not files:
        raise ExplainerError(f"no *.gold.yml reference files in {gold_dir}")
    golds = {f: load_gold(f) for f in files}
    skipped = [f for f in files if pages is None and "page" in golds[f]]
    # Reference files of a corpus kept outside the project (eval/realworld-bbc): scored
    # with --seeds; a seed missing from a folder given on the command line is an error.
    elsewhere = [
        f
        for f in files
        if not seeds_given and "seed" in golds[f] and not (seeds_dir / str(golds[f]["seed"])).is_file()
    ]
    results = []
    for path in files:
        if path in skipped or path in elsewhere:
            continue
        _, scores = evaluate_file(path, seeds_dir, pages)
        results.append(scores)
        if not summary:
            print(format_table(str(path.relative_to(gold_dir)), scores))
            print()
    if len(results) > 1 or (parts and results):
        name = f"{gold_dir}: all {len(results)} articles (summed)"
        print(format_table(name, total(results), details=False))
        print()
    if skipped:
        _say(
            f"{len(skipped)} reference files in {gold_dir} name benchmark pages: "
            "give their folder with --pages to score them"
        )
    if elsewhere:
        _say(
            f"{len(elsewhere)} reference files in {gold_dir} name articles not in {seeds_dir}: "
            "give their folder with --seeds to score them"
        )


def cmd_stories(args: argparse.Namespace) -> int:
    from .story_list import project_corpus, stories_json, stories_text, story_entries

    project = _project(args)
    corpus = project_corpus(project)
    entries = story_entries(project, corpus)
    sys.stdout.write(stories_json(entries) if args.json else stories_text(entries))
    return OK


def _eval_stories(args: argparse.Namespace) -> int:
    from .story_list import evaluate_stories, project_corpus

    project = _project(args)
    sys.stdout.write(evaluate_stories(project_corpus(project), [Path(f) for f in args.stories]))
    return OK


def _guess_root() -> Path:
    try:
        return find_project().root
    except ExplainerError:
        return Path.cwd()


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check

    return check(_project(args), print_flags=not args.quiet, changed_only=args.changed)


def cmd_new(args: argparse.Namespace) -> int:
    from .newseed import new_seed, new_seed_from_url

    project = _project(args)
    with _locked(project, args.wait):
        if args.path and "://" in args.path:
            given = {"title": args.title, "date": args.date, "source": args.source}
            path = new_seed_from_url(project, args.path, given, args.timeout, args.allow_private_network)
        else:
            path = new_seed(
                project, Path(args.path) if args.path else None, args.title, args.date, args.source, args.url
            )
    print(path)
    return OK


def cmd_init(args: argparse.Namespace) -> int:
    from .newsite import init_site

    report = init_site(Path(args.folder), name=args.name, force=args.force)
    for path in report.kept:
        _say(f"kept {path} (already there; never overwritten)")
    _say(f"created {len(report.written)} files in {report.root}")
    if report.requirement:
        _say(f"requirements.txt installs the generator as `{report.requirement}` ({report.origin})")
    _say(f"next: cd {args.folder} && explainer build   (or explainer serve for a live preview)")
    return OK


def cmd_upgrade(args: argparse.Namespace) -> int:
    from .origin import DISTRIBUTION
    from .upgrade import upgrade_site

    project = _project(args)
    with _locked(project, args.wait):
        report = upgrade_site(project.root)
    if not report.changed and not report.kept:
        installs = f"{DISTRIBUTION} {report.new_version} (`{report.requirement}`)"
        _say(f"nothing changed: the site already installs {installs}")
        return OK
    _say(report.versions())
    for rel in report.written:
        _say(f"wrote {rel}")
    for rel in report.removed:
        _say(f"removed {rel}")
    for note in report.notes:
        _say(f"warning: {note}")
    if report.changed:
        _say("next: explainer build, review the diff of docs/, then commit the files above")
    return PARTIAL if report.kept else OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn news articles in seeds/ into explainer pages and a searchable site.",
        epilog="Exit codes: 0 success, 1 some seeds failed (the rest was done), 2 nothing done.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--project", help="project folder (default: nearest folder with mkdocs.yml)")
    parser.add_argument("--debug", action="store_true", help="show the traceback of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def verb(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        return p

    def writer_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strict", action="store_true", help="stop at the first bad seed")
        p.add_argument("--jobs", type=int, default=None, help="analysis processes (default: cores, max 4)")
        p.add_argument(
            "--wait",
            type=float,
            default=60.0,
            help="seconds to wait for another run on this project (default 60)",
        )

    writer_options(verb("generate", cmd_generate, "analyse seeds and write the Markdown pages into docs/"))
    p = verb("build", cmd_build, "generate, then build the site into site/ with MkDocs")
    writer_options(p)
    p.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind search index")
    p.add_argument("--full", action="store_true", help="rebuild every page (default: only what changed)")
    p = verb("serve", cmd_serve, "live preview; regenerates when a seed or pack changes")
    writer_options(p)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    p = verb("extract", cmd_extract, "analyse one seed and print its Dossier (or its page)")
    p.add_argument("seed", help="path to a seed file")
    p.add_argument("--json", action="store_true", help="print the Dossier as JSON")
    p.add_argument("--packs", help="folder of extra knowledge packs")
    p = verb("eval", cmd_eval, "score extraction against reference annotations (eval/*.gold.yml)")
    p.add_argument(
        "--gold",
        action="append",
        help="folder of *.gold.yml files (default: eval/); repeat it to score parts apart "
        "(--gold eval/realworld --gold eval/holdout)",
    )
    p.add_argument("--seeds", help="folder of the seeds they describe (default: seeds/)")
    p.add_argument("--pages", help="folder of saved pages named by the files' 'page:' ids")
    p.add_argument("--summary", action="store_true", help="only the table summed over all articles")
    p.add_argument(
        "--stories",
        nargs="+",
        metavar="FILE",
        help="score the project's stories against story labels (eval/stories/*.yml) instead",
    )
    p = verb("stories", cmd_stories, "list the stories: the articles that tell one story together")
    p.add_argument(
        "--json", action="store_true", help="as JSON: {stories: [{slug, title, url, seeds, updated}]}"
    )
    p = verb("check", cmd_check, "validate seeds and packs and list review notes (for CI)")
    p.add_argument("--quiet", action="store_true", help="errors only, no review notes")
    p.add_argument(
        "--changed",
        action="store_true",
        help="only the articles added or changed since the last generate or build",
    )
    p = verb("init", cmd_init, "create a new explainer site in a folder")
    p.add_argument("folder", help="the new site's folder (created if missing)")
    p.add_argument("--name", help="the site's name (default: from the folder's name)")
    p.add_argument("--force", action="store_true", help="add the missing files to a non-empty folder")
    p = verb(
        "upgrade",
        cmd_upgrade,
        "point the site's requirements.txt (and vendor/) at the generator installed now",
    )
    p.add_argument("--wait", type=float, default=60.0, help=argparse.SUPPRESS)
    p = verb("new", cmd_new, "add an article to seeds/ with metadata, refusing duplicates")
    p.add_argument(
        "path", nargs="?", help="article file (.txt, .md, .html) or web address; default: read stdin"
    )
    p.add_argument("--title")
    p.add_argument("--date", help="YYYY-MM-DD")
    p.add_argument("--source")
    p.add_argument("--url")
    p.add_argument("--timeout", type=int, default=20, help="seconds to wait for a web page (default 20)")
    p.add_argument(
        "--allow-private-network",
        action="store_true",
        help="fetch from addresses on private networks (an intranet, localhost)",
    )
    p.add_argument("--wait", type=float, default=60.0, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.debug:
        os.environ[DEBUG_ENV] = "1"  # worker processes inherit it
    try:
        return int(args.func(args))
    except ExplainerError as err:
        _say(f"error: {err}")
        return FATAL
    except KeyboardInterrupt:
        _say("interrupted; docs/ and site/ are as they were or fully updated")
        return 130
    except Exception as err:  # a bug: one line, not a screen of traceback
        if args.debug:
            raise
        _say(f"error: {internal_error('explainer ' + args.command, 'running', err)}")
        return FATAL


if __name__ == "__main__":
    sys.exit(main())
