"""Cross-article identity against hand-made labels (eval/identity/*.yml).

    python bench/eval_identity.py --project DIR   # a project whose seeds are the BBC corpus, generated

Reads the project's analysed dossiers (run `explainer generate` there first), resolves
identities over the whole corpus and scores the labelled articles: B-cubed precision
and recall of the entities, the tuning sections and the held-out ones apart, with the
labels joined wrongly and the ones split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.corpus.identity import Entity, Identities, records_of, resolve
from generator.corpus.scoring import bcubed, identity_items, load_identity_labels
from generator.project import Project

HELD_OUT = ("entertainment-", "tech-")  # never tuned on


def load_dossiers(project: Project) -> list:
    from generator.cache import DossierCache

    cache = DossierCache(project.cache)
    return [d for p in sorted(project.cache.glob("*/*.json")) if (d := cache.get(p.stem)) is not None]


def by_exact_name(dossiers: list) -> Identities:
    """What the site did before cross-article identity: one entity per name as written."""
    entities: dict[str, Entity] = {}
    of = {}
    for r in records_of(dossiers):
        e = entities.setdefault(r.name, Entity(f"{r.kind}:{r.name}", r.name, r.kind))
        e.records.append(r)
        of[r.ref] = e
    return Identities(list(entities.values()), of)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", required=True)
    parser.add_argument("--labels", default=str(Path(__file__).resolve().parent.parent / "eval" / "identity"))
    parser.add_argument("--show", type=int, default=15, help="wrong and missed joins to list")
    parser.add_argument("--diff", action="store_true", help="list every pair joined or split unlike before")
    args = parser.parse_args()
    project = Project(Path(args.project).resolve())
    dossiers = load_dossiers(project)
    from generator.analyze.packs import load_knowledge
    from generator.corpus import country_words

    identities = resolve(dossiers, country_words=country_words(load_knowledge()))
    before = by_exact_name(dossiers)
    labels = load_identity_labels(Path(args.labels))
    slug_of = {Path(d.seed_file).name: d.slug for d in dossiers}
    for part, keep in (
        ("tuning", lambda a: not a.startswith(HELD_OUT)),
        ("held-out", lambda a: a.startswith(HELD_OUT)),
    ):
        chosen = {a: e for a, e in labels.items() if keep(a)}
        gold, system, unmatched = identity_items(chosen, identities, slug_of)
        score = bcubed(gold, system)
        old = bcubed(*identity_items(chosen, before, slug_of)[:2])
        print(
            f"{part}: one page per name as written (before): precision {old.precision:.3f}  recall {old.recall:.3f}  F1 {old.f1:.3f}, {len(old.wrong_joins)} joined wrongly, {len(old.missed_joins)} split"
        )
        print(
            f"{part}: {len(chosen)} articles, {score.items} labelled entities found ({unmatched} not named by the analysis)"
        )
        print(f"  B-cubed precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
        print(f"  labels joined wrongly: {len(score.wrong_joins)}; labels split: {len(score.missed_joins)}")
        if args.diff:
            _, sys_old, _ = identity_items(chosen, before, slug_of)
            for item in sorted(gold, key=repr):
                same_now = {i for i in gold if system[i] == system[item]}
                same_before = {i for i in gold if sys_old[i] == sys_old[item]}
                for other in sorted(same_now ^ same_before, key=repr):
                    if repr(other) > repr(item):
                        ok = gold[other] == gold[item]
                        what = "joined" if other in same_now else "split"
                        print(
                            f"    {what} ({'right' if ok == (what == 'joined') else 'WRONG'}): {item} ~ {other}"
                        )
        for a, b in score.wrong_joins[: args.show]:
            print(f"    joined: {a} + {b}")
        for a, b in score.missed_joins[: args.show]:
            print(f"    split:  {a} / {b}")


if __name__ == "__main__":
    main()
