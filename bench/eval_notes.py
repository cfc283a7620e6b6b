"""Review notes against hand-made labels (eval/notes/notes.yml).

    python bench/eval_notes.py --labels eval/notes/notes.yml --labels eval/notes/notes-round2.yml \
        --project bbc=DIR --project aeb=DIR

Each DIR is a project of that corpus after `explainer generate` (its analysis cache is
read). A labelled note counts as raised when the article's dossier still has a note of
that kind quoting the same phrase near that sentence (or on that sentence). Reported for the tuning part and the held-out part apart:
notes raised, the share of them labelled useful (precision), the useful notes still
raised; and, over every article of each project, notes per article.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_generate import append_results
from generator.dossier import Dossier
from generator.project import Project


def load_dossiers(project: Project) -> dict[str, Dossier]:
    """The project's dossiers by seed file stem (a saved page's stem before `.html`)."""
    from generator.cache import DossierCache

    cache = DossierCache(project.cache)
    out = {}
    for path in sorted(project.cache.glob("*/*.json")):
        d = cache.get(path.stem)
        if d is not None:
            out[Path(d.seed_file).name.split(".")[0]] = d
    return out


SHIFT = 3  # sentences a note may have moved since it was labelled (the text split anew)


def raised(d: Dossier, label: dict[str, str]) -> bool:
    """Whether the dossier still has the labelled note: one of its kind quoting the same
    phrase within SHIFT sentences of the labelled one (the analysis may have split the
    article's sentences differently since), or else one of its kind on that sentence."""
    at = int(label["sentence"][1:])
    notes = [f for f in d.flags if f.kind == label["kind"] and f.sentences]
    if any(f"“{label['source']}”" in f.message and abs(int(f.sentences[0][1:]) - at) <= SHIFT for f in notes):
        return True
    return any(f.sentences[0] == label["sentence"] for f in notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--labels", type=Path, action="append", required=True, help="a labels file (repeatable)"
    )
    parser.add_argument("--project", action="append", required=True, help="CORPUS=DIR")
    parser.add_argument("--results", type=Path, default=Path(__file__).resolve().parent / "RESULTS.md")
    args = parser.parse_args()
    projects = {c: load_dossiers(Project(Path(d))) for c, d in (p.split("=", 1) for p in args.project)}
    lines = [
        "| labels | part | labelled | raised now | useful among them (precision) | useful still raised |",
        "|---|---|---|---|---|---|",
    ]
    missed: list[str] = []
    for labels_file, part, held in (
        (f, part, held) for f in args.labels for part, held in (("tuning", False), ("held out", True))
    ):
        labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
        rows = [e for e in labels if e["held_out"] == held and e["seed"] in projects.get(e["corpus"], {})]
        now = [e for e in rows if raised(projects[e["corpus"]][e["seed"]], e)]
        useful = [e for e in rows if e["useful"]]
        kept = [e for e in now if e["useful"]]
        missed += [f"{e['source']} ({labels_file.stem}, {part})" for e in useful if e not in kept]
        lines.append(
            f"| {labels_file.stem} | {part} | {len(rows)} | {len(now)} | {len(kept)} ({len(kept) / max(1, len(now)):.2f}) "
            f"| {len(kept)} of {len(useful)} |"
        )
    lines += ["", "| corpus | articles | notes | per article | by kind |", "|---|---|---|---|---|"]
    for corpus, dossiers in projects.items():
        kinds: dict[str, int] = {}
        for d in dossiers.values():
            for f in d.flags:
                kinds[f.kind] = kinds.get(f.kind, 0) + 1
        total = sum(kinds.values())
        by_kind = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        lines.append(
            f"| {corpus} | {len(dossiers)} | {total} | {total / max(1, len(dossiers)):.2f} | {by_kind} |"
        )
    if missed:
        lines += ["", "Useful notes no longer raised: " + "; ".join(missed)]
    print("\n".join(lines))
    append_results(args.results, ["\n## Review notes against the labels\n", *lines])


if __name__ == "__main__":
    main()
