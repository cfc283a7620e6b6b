"""`explainer check`: validate every seed and pack, list what editors must review."""

from __future__ import annotations

import sys

from .errors import ExplainerError
from .pipeline import GenerateReport, load_dossiers, make_plan
from .project import Project


def check(project: Project, print_flags: bool = True) -> int:
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
    if print_flags:
        for d in dossiers:
            for flag in d.flags:
                where = ", ".join(flag.sentences)
                print(
                    f"{project.seeds.name}/{d.seed_file} [{where}] {flag.kind}: {flag.message or flag.text}"
                )
    flags = sum(len(d.flags) for d in dossiers)
    print(
        f"{report.seeds} seeds checked: {len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{flags} review notes",
        file=sys.stderr,
    )
    return 1 if report.errors else 0
