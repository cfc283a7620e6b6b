"""Quality evaluation: dossiers scored against hand-written reference annotations.

A reference file (`*.gold.yml`) says what a careful explainer writer pulls out of
one article. It names the article either as a seed (`seed: NAME`, read from the
seeds folder) or as a page of the public article-extraction benchmark
(`page: ID`, read from a folder given on the command line, so third-party text
never enters this repository).

Names match by canonical name or any alias, case-insensitive. Precision counts
an extracted item as right when it matches a required or an optional reference
item; recall counts required items found. Two mistakes are counted on their
own, because a wrong fact is worse than a missing one: an event given a date
other than the reference's (`wrong` under events) and a claim given to the
wrong speaker (`wrong` under attributions).
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .dossier import Attribution, Dossier, Event
from .errors import ExplainerError


@dataclass
class Score:
    section: str
    found: int  # required reference items found
    required: int
    correct: int  # extracted items that match the reference
    extracted: int
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong: int = 0  # stated wrongly: a date other than the reference's, a claim given to another speaker
    wrong_items: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0


def _forms(item: dict[str, Any], key: str = "name") -> set[str]:
    return {_norm(x) for x in [item.get(key), *item.get("aliases", [])] if x}


def _norm(name: object) -> str:
    """A name for comparison: case, a leading "the", typographic apostrophes and
    spacing do not count."""
    text = " ".join(str(name).replace("’", "'").split()).lower()
    return text.removeprefix("the ")


def _named_score(section: str, extracted: list[tuple[str, list[str]]], gold: dict[str, Any]) -> Score:
    required = gold.get("required") or []
    optional = gold.get("optional") or []
    ex_forms = [{_norm(name), *(_norm(a) for a in aliases)} for name, aliases in extracted]
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


def _has_all(text: str, words: Iterable[object]) -> bool:
    low = _norm(text)
    return all(_norm(w) in low for w in words)


def _cited_text(d: Dossier, sids: list[str]) -> str:
    return " ".join(d.sentence_text(s) for s in sids if _sid_numbers([s]))


def _event_scores(d: Dossier, gold: list[dict[str, Any]]) -> Score:
    """An event is dated right when an extracted event that says it (its `text_has`)
    carries the reference date; wrong when such events carry only other dates."""

    def says(g: dict[str, Any], e: Event) -> bool:
        return _has_all(f"{e.text} {_cited_text(d, e.sentences)}", g.get("text_has", []))

    def dates(g: dict[str, Any]) -> set[str]:
        when = g["when"]
        return {str(w) for w in (when if isinstance(when, list) else [when])}

    right, wrong, missing = [], [], []
    for g in gold:
        stated = [e.date for e in d.events if e.date and says(g, e)]
        if dates(g) & set(stated):
            right.append(g)
        elif stated:
            wrong.append(f"{g['what']}: {', '.join(sorted(set(stated)))} (reference {'/'.join(dates(g))})")
        else:
            missing.append(str(g["what"]))
    dated = [e for e in d.events if e.date]
    correct = [e for e in dated if any(says(g, e) and e.date in dates(g) for g in gold)]
    return Score(
        "events (dated)",
        len(right),
        len(gold),
        len(correct),
        len(dated),
        missing,
        [f"{e.date}: {e.text[:50]}" for e in dated if e not in correct],
        len(wrong),
        wrong,
    )


def _speaker_matches(g: dict[str, Any], a: Attribution) -> bool:
    if g.get("unnamed"):
        # "two people familiar with the matter" says "people familiar with the matter"
        words = [w for w in _norm(g["source"]).split() if len(w) > 2]
        return not a.named and all(w in _norm(a.source) for w in words)
    return a.named and _norm(a.source) in {_norm(g["source"]), *(_norm(x) for x in g.get("aliases", []))}


def _with_aliases(attributions: list[dict[str, Any]], gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Reference speakers with the aliases their stakeholder entry gives them."""
    aliases: dict[str, list[str]] = {}
    for kind in ("required", "optional"):
        for item in (gold.get("stakeholders") or {}).get(kind) or []:
            aliases[_norm(item["name"])] = [*item.get("aliases", [])]
    return [
        {**a, "aliases": [*a.get("aliases", []), *aliases.get(_norm(a["source"]), [])]} for a in attributions
    ]


def _forms_of(g: dict[str, Any], forms: dict[str, list[str]]) -> list[str]:
    """The names of Who's who entries one of whose forms is the reference speaker's name."""
    names = {_norm(g["source"]), *(_norm(x) for x in g.get("aliases", []))}
    return [name for name, aliases in forms.items() if names & {_norm(x) for x in aliases}]


def _quotation_runs(attributions: list[Attribution]) -> list[Attribution]:
    """One speaker's claims in sentences next to each other, read as one: a reference
    claim may quote a passage over two sentences ("I just want to be able to perform my
    own music," she said. "That's it. I've tried …"), where the analysis gives each
    sentence its own claim."""
    runs: list[list[Attribution]] = []
    for a in attributions:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and (a.source, a.named, a.via) == (last.source, last.named, last.via)
            and 0 < min(_sid_numbers(a.sentences) or {0}) - max(_sid_numbers(last.sentences) or {0}) <= 2
        ):
            runs[-1].append(a)
        else:
            runs.append([a])
    return [replace(run[0], claim=" ".join(a.claim for a in run)) for run in runs if len(run) > 1]


def _attribution_scores(d: Dossier, gold: list[dict[str, Any]]) -> Score:
    """Recall: reference claims found with their speaker. Precision: extracted
    attributions whose speaker is one the reference names (a claim the reference
    does not list is not held against a right speaker). Wrong: a reference claim
    found under another speaker."""

    def says(g: dict[str, Any], a: Attribution) -> bool:
        return _has_all(a.claim, g.get("claim_has", [])) and (
            not g.get("via") or _norm(g["via"]) in _norm(a.via or "")
        )

    # a speaker under the name Who's who gives it, where the article's own form of it is the
    # reference's ("the Pentagon", given as the pack's U.S. Department of Defense)
    forms = {s.name: s.aliases for s in d.stakeholders if s.aliases}
    gold = [{**g, "aliases": [*g.get("aliases", []), *_forms_of(g, forms)]} for g in gold]
    told = [*d.attributions, *_quotation_runs(d.attributions)]
    found = [g for g in gold if any(says(g, a) and _speaker_matches(g, a) for a in told)]
    wrong = [
        f"{g['source']}: claim given to {', '.join(dict.fromkeys(a.source for a in told if says(g, a)))}"
        for g in gold
        if g not in found and any(says(g, a) for a in told)
    ]
    correct = [a for a in d.attributions if any(_speaker_matches(g, a) for g in gold)]
    return Score(
        "attributions",
        len(found),
        len(gold),
        len(correct),
        len(d.attributions),
        [
            f"{g['source']}: {' / '.join(str(w) for w in g.get('claim_has', []))}"
            for g in gold
            if g not in found
        ],
        [f"{a.source}: {a.claim[:40]}" for a in d.attributions if a not in correct],
        len(wrong),
        wrong,
    )


def _question_scores(d: Dossier, oq: dict[str, Any]) -> Score:
    """Themes covered by a generated question citing a sentence the theme names
    (by number for seeds, by words for pages)."""
    required = oq.get("required") or []
    every = required + (oq.get("optional") or [])
    generated = [q for q in d.questions if not q.editorial]

    def on(t: dict[str, Any], sids: list[str]) -> bool:
        if "sentences" in t:
            return bool(_sid_numbers(sids) & set(t["sentences"]))
        return any(_has_all(d.sentence_text(s), t.get("text_has", [])) for s in sids if _sid_numbers([s]))

    covered = [t for t in required if any(on(t, q.sentences) for q in generated)]
    on_theme = [q for q in generated if any(on(t, q.sentences) for t in every)]
    return Score(
        "open questions (themes)",
        len(covered),
        len(required),
        len(on_theme),
        len(generated),
        [t["theme"] for t in required if t not in covered],
        [q.text for q in generated if q not in on_theme],
    )


def score(d: Dossier, gold: dict[str, Any]) -> list[Score]:
    # Laws are matched on term or expansion.
    law_items = [
        (g.term, [g.expansion] if g.expansion else []) for g in d.glossary if g.kind in ("law", "treaty")
    ]
    # A reference file scores the sections it annotates ("systems:" alone for a systems set).
    scores = []
    if "stakeholders" in gold:
        stakeholders = [(s.name, s.aliases) for s in d.stakeholders]
        scores.append(_named_score("stakeholders", stakeholders, gold.get("stakeholders") or {}))
    if "systems" in gold:
        systems = [(s.name, s.aliases) for s in d.systems]
        scores.append(_named_score("systems", systems, gold.get("systems") or {}))
    if "laws" in gold:
        scores.append(_named_score("laws", law_items, gold.get("laws") or {}))
    if "events" in gold:
        scores.append(_event_scores(d, (gold.get("events") or {}).get("required") or []))
    if "attributions" in gold:
        scores.append(_attribution_scores(d, _with_aliases(gold.get("attributions") or [], gold)))
    if "open_questions" in gold:
        scores.append(_question_scores(d, gold.get("open_questions") or {}))
    if "background" in gold:
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
    if "review_flags" in gold:

        def flag_ok(g: dict[str, Any], f: Any) -> bool:
            return (
                f.kind == g["kind"] and f.text == g["text"] and (f.suggestion or None) == g.get("suggestion")
            )

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
    if not isinstance(data, dict) or not ("seed" in data or "page" in data):
        raise ExplainerError("reference annotations need a 'seed:' file name or a benchmark 'page:' id", path)
    return data


def _page_file(pages: Path, page_id: str) -> Path | None:
    for suffix in (".html", ".html.gz", ".htm", ".mhtml"):
        if (pages / f"{page_id}{suffix}").is_file():
            return pages / f"{page_id}{suffix}"
    return None


def _read_article(gold_path: Path, gold: dict[str, Any], seeds_dir: Path, pages: Path | None) -> Any:
    from .seeds import read_seed

    if "seed" in gold:
        return read_seed(seeds_dir / str(gold["seed"]), seeds_dir)
    if pages is None:
        raise ExplainerError(
            f"names benchmark page {gold['page']}; give the pages' folder with --pages", gold_path
        )
    found = _page_file(pages, str(gold["page"]))
    if found is None:
        raise ExplainerError(f"page {gold['page']} is not in {pages}", gold_path)
    if found.suffix != ".gz":
        return read_seed(found, pages)
    with tempfile.TemporaryDirectory(prefix="explainer-eval-") as tmp:
        plain = Path(tmp) / found.name.removesuffix(".gz")
        plain.write_bytes(gzip.decompress(found.read_bytes()))
        return read_seed(plain, Path(tmp))


def evaluate_file(gold_path: Path, seeds_dir: Path, pages: Path | None = None) -> tuple[Dossier, list[Score]]:
    from .analyze import analyze
    from .analyze.packs import load_knowledge

    gold = load_gold(gold_path)
    seed = _read_article(gold_path, gold, seeds_dir, pages)
    if seed.date is None and gold.get("reference_date"):
        ref = gold["reference_date"]
        seed = replace(seed, date=ref if isinstance(ref, dt.date) else dt.date.fromisoformat(str(ref)))
    dossier = analyze(seed, load_knowledge())
    return dossier, score(dossier, gold)


def total(all_scores: Iterable[list[Score]]) -> list[Score]:
    """Scores summed over many articles, section by section (micro-averaged)."""
    sums: dict[str, Score] = {}
    for scores in all_scores:
        for s in scores:
            t = sums.setdefault(s.section, Score(s.section, 0, 0, 0, 0))
            t.found += s.found
            t.required += s.required
            t.correct += s.correct
            t.extracted += s.extracted
            t.wrong += s.wrong
    return list(sums.values())


def format_table(name: str, scores: list[Score], details: bool = True) -> str:
    header = f"{'section':<26} {'precision':>9} {'recall':>7} {'found':>9} {'extracted':>9} {'wrong':>6}"
    rows = [f"{name}", header]
    for s in scores:
        rows.append(
            f"{s.section:<26} {s.precision:>9.2f} {s.recall:>7.2f} "
            f"{f'{s.found}/{s.required}':>9} {s.extracted:>9} {s.wrong:>6}"
        )
        if not details:
            continue
        if s.missing:
            rows.append(f"  missing: {'; '.join(s.missing)}")
        if s.extra:
            rows.append(f"  not in reference: {'; '.join(s.extra)}")
        if s.wrong_items:
            rows.append(f"  WRONG: {'; '.join(s.wrong_items)}")
    return "\n".join(rows)


def gold_files(folder: Path) -> list[Path]:
    """Reference files in a folder and its subfolders (eval/ and eval/realworld/)."""
    return sorted(folder.rglob("*.gold.yml"))


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


_DATE_RE = re.compile(r"^\d{4}(-\d\d){0,2}(/\d{4}-\d\d-\d\d)?$")


def check_gold(path: Path) -> list[str]:
    """Problems with a reference file's form, so a typo is found before it skews a score."""
    gold = load_gold(path)
    problems = []
    for section in ("stakeholders", "systems"):
        for kind in ("required", "optional"):
            for item in (gold.get(section) or {}).get(kind) or []:
                if not isinstance(item, dict) or "name" not in item:
                    problems.append(f"{section}.{kind}: an entry without a name")
    for event in (gold.get("events") or {}).get("required") or []:
        whens = event.get("when") if isinstance(event.get("when"), list) else [event.get("when")]
        if not event.get("what") or not all(_DATE_RE.match(str(w)) for w in whens):
            problems.append(f"events: {event.get('what')!r} needs 'what' and ISO dates in 'when'")
    for a in gold.get("attributions") or []:
        if not a.get("source") or not a.get("claim_has"):
            problems.append(f"attributions: {a!r} needs 'source' and 'claim_has'")
    for t in (gold.get("open_questions") or {}).get("required") or []:
        if "sentences" not in t and "text_has" not in t:
            problems.append(f"open_questions: {t.get('theme')!r} needs 'sentences' or 'text_has'")
    return problems
