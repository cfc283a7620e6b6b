"""The editor's corrections, applied last so they survive every regeneration.

They live in the seed's front matter or sidecar, never in generated files:

    summary: One paragraph in the editor's words.
    questions: ["Will the S-500 be delivered before 2030?"]
    drop: [Indo-Pacific]            # leave an extracted item out
    pin: [S-500]                    # list it first in its section
    rename: {Donbas: Donbas region} # show an extracted name differently
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from ..dossier import Dossier, Stakeholder, Statement, System
from ..seeds import Overrides

Named = TypeVar("Named", bound=Stakeholder | System)


def _matches(name: str, aliases: list[str], wanted: set[str]) -> bool:
    return name.lower() in wanted or any(a.lower() in wanted for a in aliases)


def _adjust(items: list[Named], ov: Overrides) -> list[Named]:
    drop = {d.lower() for d in ov.drop}
    renames = {old.lower(): new for old, new in ov.rename}
    out: list[Named] = []
    for original in items:
        if _matches(original.name, original.aliases, drop):
            continue
        new = renames.get(original.name.lower())
        if new is None:
            out.append(original)
            continue
        aliases = sorted({*original.aliases, original.name} - {new})
        out.append(replace(original, name=new, aliases=aliases, editorial=True))
    pins = [p.lower() for p in ov.pin]

    def rank(item: Named) -> int:
        for i, p in enumerate(pins):
            if _matches(item.name, item.aliases, {p}):
                return i
        return len(pins)

    return sorted(out, key=rank)  # stable: unpinned items keep reading order


def apply_overrides(dossier: Dossier, ov: Overrides) -> Dossier:
    if ov == Overrides():
        return dossier
    drop = {d.lower() for d in ov.drop}
    editor_questions = [Statement(q, [], editorial=True) for q in ov.questions]
    return replace(
        dossier,
        summary=ov.summary,
        stakeholders=_adjust(dossier.stakeholders, ov),
        systems=_adjust(dossier.systems, ov),
        glossary=[g for g in dossier.glossary if g.term.lower() not in drop],
        questions=[q for q in dossier.questions if q.text.lower() not in drop] + editor_questions,
        background=[b for b in dossier.background if b.text.lower() not in drop],
        flags=[f for f in dossier.flags if f.text.lower() not in drop],
        story=ov.story,
    )
