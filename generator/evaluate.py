"""Quality evaluation: dossiers scored against hand-written reference annotations.

A reference file (`eval/*.gold.yml`) says what a careful explainer writer pulls
out of one seed. Matching is by canonical name or any alias, case-insensitive.
Precision counts an extracted item as right when it matches a required or an
optional reference item; recall counts required items found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .dossier import Dossier
from .errors import ExplainerError


@dataclass
class Score:
    section: str
    found: int  # required reference items found
    required: int
    correct: int  # extracted items that match the reference
    extracted: int
    missing: list[str]
    extra: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0


def _forms(item: dict[str, Any], key: str = "name") -> set[str]:
    return {str(x).lower() for x in [item.get(key), *item.get("aliases", [])] if x}


def _named_score(section: str, extracted: list[tuple[str, list[str]]], gold: dict[str, Any]) -> Score:
    required = gold.get("required") or []
    optional = gold.get("optional") or []
    ex_forms = [{name.lower(), *(a.lower() for a in aliases)} for name, aliases in extracted]
    found = [g for g in required if any(_forms(g) & f for f in ex_forms)]
    allowed = [_forms(g) for g in required + optional]
    correct = [e for e, f in zip(extracted, ex_forms, strict=True) if any(a & f for a in allowed)]
    return Score(
        section,
        len(found),
        len(required),
        len(correct),
        len(extracted),
        [g["name"] for g in required if g not in found],
        [e[0] for e in extracted if e not in correct],
    )


def _matched_score(
    section: str,
    gold: list[dict[str, Any]],
    extracted: list[Any],
    ok: Callable[[dict[str, Any], Any], bool],
    gold_label: Callable[[dict[str, Any]], str],
    item_label: Callable[[Any], str],
) -> Score:
    """Score items matched to reference entries by a predicate: recall over the
    reference, precision over what was extracted."""
    found = [g for g in gold if any(ok(g, x) for x in extracted)]
    correct = [x for x in extracted if any(ok(g, x) for g in gold)]
    return Score(
        section,
        len(found),
        len(gold),
        len(correct),
        len(extracted),
        [gold_label(g) for g in gold if g not in found],
        [item_label(x) for x in extracted if x not in correct],
    )


def _sid_numbers(sids: list[str]) -> set[int]:
    return {int(s[1:]) for s in sids if s[1:].isdigit()}


def score(d: Dossier, gold: dict[str, Any]) -> list[Score]:
    # Laws are matched on term or expansion.
    law_items = [
        (g.term, [g.expansion] if g.expansion else []) for g in d.glossary if g.kind in ("law", "treaty")
    ]
    scores = [
        _named_score(
            "stakeholders", [(s.name, s.aliases) for s in d.stakeholders], gold.get("stakeholders") or {}
        ),
        _named_score("systems", [(s.name, s.aliases) for s in d.systems], gold.get("systems") or {}),
        _named_score("laws", law_items, gold.get("laws") or {}),
    ]

    def event_ok(g: dict[str, Any], e: Any) -> bool:
        return e.date == str(g["when"]) and all(w.lower() in e.text.lower() for w in g.get("text_has", []))

    def attr_ok(g: dict[str, Any], a: Any) -> bool:
        return (
            a.source.lower().removeprefix("the ") == str(g["source"]).lower().removeprefix("the ")
            and all(w.lower() in a.claim.lower() for w in g.get("claim_has", []))
            and (not g.get("via") or str(g["via"]).lower() in (a.via or "").lower())
        )

    scores.append(
        _matched_score(
            "events (dated)",
            (gold.get("events") or {}).get("required") or [],
            d.events,
            event_ok,
            lambda g: str(g["what"]),
            lambda e: f"{e.date or e.when}: {e.text[:50]}",
        )
    )
    scores.append(
        _matched_score(
            "attributions",
            gold.get("attributions") or [],
            d.attributions,
            attr_ok,
            lambda g: str(g["source"]),
            lambda a: str(a.source),
        )
    )
    oq = gold.get("open_questions") or {}
    themes_req = oq.get("required") or []
    themes_all = themes_req + (oq.get("optional") or [])
    generated = [q for q in d.questions if not q.editorial]
    covered = [
        t for t in themes_req if any(_sid_numbers(q.sentences) & set(t["sentences"]) for q in generated)
    ]
    on_theme = [
        q for q in generated if any(_sid_numbers(q.sentences) & set(t["sentences"]) for t in themes_all)
    ]
    scores.append(
        Score(
            "open questions (themes)",
            len(covered),
            len(themes_req),
            len(on_theme),
            len(generated),
            [t["theme"] for t in themes_req if t not in covered],
            [q.text for q in generated if q not in on_theme],
        )
    )

    bg = gold.get("background") or {}
    req = set(bg.get("required_sentences") or [])
    ok = req | set(bg.get("optional_sentences") or [])
    got = [n for b in d.background for n in _sid_numbers(b.sentences)]
    scores.append(
        Score(
            "background",
            len(req & set(got)),
            len(req),
            len([n for n in got if n in ok]),
            len(got),
            [f"s{n}" for n in sorted(req - set(got))],
            [f"s{n}" for n in got if n not in ok],
        )
    )

    def flag_ok(g: dict[str, Any], f: Any) -> bool:
        return f.kind == g["kind"] and f.text == g["text"] and (f.suggestion or None) == g.get("suggestion")

    scores.append(
        _matched_score(
            "review flags",
            (gold.get("review_flags") or {}).get("required") or [],
            d.flags,
            flag_ok,
            lambda g: f"{g['kind']} {g['text']}",
            lambda f: f"{f.kind}: {f.text[:50]}",
        )
    )
    return scores


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExplainerError(f"cannot read reference annotations: {err}", path) from None
    if not isinstance(data, dict) or "seed" not in data:
        raise ExplainerError("reference annotations need a 'seed:' file name", path)
    return data


def evaluate_file(gold_path: Path, seeds_dir: Path) -> tuple[Dossier, list[Score]]:
    from .analyze import analyze
    from .analyze.packs import load_knowledge
    from .seeds import read_seed

    gold = load_gold(gold_path)
    seed = read_seed(seeds_dir / str(gold["seed"]))
    if seed.date is None and gold.get("reference_date"):
        ref = gold["reference_date"]
        seed = replace(seed, date=ref if isinstance(ref, dt.date) else dt.date.fromisoformat(str(ref)))
    dossier = analyze(seed, load_knowledge())
    return dossier, score(dossier, gold)


def format_table(name: str, scores: list[Score]) -> str:
    rows = [f"{name}", f"{'section':<26} {'precision':>9} {'recall':>7} {'found':>7} {'extracted':>9}"]
    for s in scores:
        rows.append(
            f"{s.section:<26} {s.precision:>9.2f} {s.recall:>7.2f} "
            f"{f'{s.found}/{s.required}':>7} {s.extracted:>9}"
        )
        if s.missing:
            rows.append(f"  missing: {'; '.join(s.missing)}")
        if s.extra:
            rows.append(f"  not in reference: {'; '.join(s.extra)}")
    return "\n".join(rows)
