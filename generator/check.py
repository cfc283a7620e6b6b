"""`explainer check`: validate every seed and pack, list what editors must review.

Review notes lead with those most worth an editor's time: a designation or spelling
that looks wrong, then a claim resting on an unidentified source that states a figure
or a date, then one in the In brief (the first thing a reader sees); the rest follow,
grouped by kind with counts. `--changed` keeps to the articles added or changed since
the last run that wrote the pages.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass

from .dossier import Dossier, Flag
from .errors import ExplainerError
from .pipeline import GenerateReport, Plan, RunState, load_dossiers, make_plan
from .project import Project

SPELLING = ("unknown_designation", "transliteration")
KIND_NAMES = {
    "unknown_designation": "designations not in the packs",
    "transliteration": "designations spelt as in another script",
    "unnamed_source": "claims resting on an unidentified source",
    "unattributed": "claims resting on “reportedly” and the like",
}
# A figure or a date in the claim: "$4bn", "40%", "next March", "on 12 May".
FIGURE_OR_DATE = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next (?:week|month|year)|"
    r"last (?:week|month|year)|tomorrow|yesterday)\b"
)


@dataclass(frozen=True)
class Note:
    seed: str  # the seed's path as the editor sees it ("seeds/x.txt")
    flag: Flag
    why_first: str | None  # why it leads the list, or None

    @property
    def line(self) -> str:
        where = ", ".join(self.flag.sentences)
        lead = f" ({self.why_first})" if self.why_first else ""
        return f"{self.seed} [{where}] {self.flag.kind}{lead}: {self.flag.message or self.flag.text}"


def _why_first(d: Dossier, flag: Flag) -> str | None:
    if flag.kind in SPELLING:
        return "spelling"
    if flag.kind in ("unnamed_source", "unattributed"):
        if FIGURE_OR_DATE.search(flag.text):
            return "a figure or date rests on it"
        brief = {sid for s in d.brief for sid in s.sentences}
        if brief & set(flag.sentences):
            return "in the In brief"
    return None


def ranked_notes(dossiers: list[Dossier], folder: str) -> tuple[list[Note], dict[str, list[Note]]]:
    """(the notes to read first, in order of weight; the others by kind)."""
    weight = {"spelling": 0, "a figure or date rests on it": 1, "in the In brief": 2}
    first: list[Note] = []
    rest: dict[str, list[Note]] = defaultdict(list)
    for d in sorted(dossiers, key=lambda d: d.seed_file):
        for flag in d.flags:
            note = Note(f"{folder}/{d.seed_file}", flag, _why_first(d, flag))
            if note.why_first:
                first.append(note)
            else:
                rest[flag.kind].append(note)
    first.sort(key=lambda n: weight[n.why_first or ""])
    return first, dict(sorted(rest.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _print_notes(first: list[Note], rest: dict[str, list[Note]]) -> None:
    if first:
        print(f"Read these first ({len(first)}):")
        for note in first:
            print(f"  {note.line}")
    for kind, notes in rest.items():
        print(f"{KIND_NAMES.get(kind, kind)} ({len(notes)}):")
        for note in notes:
            print(f"  {note.line}")


def changed_since_last_run(project: Project, plan: Plan) -> set[str]:
    """Seeds (below seeds/) added or changed since the last run that wrote the pages."""
    before = RunState.load(project.cache.parent / "state.json").seeds
    return {name for name, key in plan.keys_by_name(project.seeds).items() if before.get(name) != key}


def check(project: Project, print_flags: bool = True, changed_only: bool = False) -> int:
    """Exit status 0 when every seed and pack is valid (review notes do not fail a check)."""
    report = GenerateReport()
    try:
        from .analyze.packs import load_knowledge

        load_knowledge(project.knowledge if project.knowledge.is_dir() else None)
        plan = make_plan(project, report, report.errors.append)
        dossiers, _ = load_dossiers(project, plan, report, report.errors.append, None)
    except ExplainerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if changed_only:
        changed = changed_since_last_run(project, plan)
        dossiers = [d for d in dossiers if d.seed_file in changed]
    if print_flags:
        _print_notes(*ranked_notes(dossiers, project.seeds.name))
    flags = sum(len(d.flags) for d in dossiers)
    scope = f"{len(dossiers)} added or changed since the last run; " if changed_only else ""
    print(
        f"{report.seeds} seeds checked: {scope}{len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{flags} review notes",
        file=sys.stderr,
    )
    return 1 if report.errors else 0
