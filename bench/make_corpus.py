"""Write N synthetic seed articles for benchmarks (never committed: generated on demand).

Articles are built from news-like sentence templates filled with names from the
knowledge packs, about the size of the first real seed (~3.7 KB, ~22
sentences), with dates, figures, attributions and hedged claims, so every
stage of the pipeline does real work. Deterministic: same N, same files.

    python bench/make_corpus.py OUT_DIR --count 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from generator.analyze.packs import load_knowledge

TEMPLATES = [
    "{country} is reportedly considering a deal to buy {n} {system} from {country2}, officials said on {date}.",
    "According to {media}, citing two people familiar with the talks, {country} plans to order {n} {system}.",
    "{person} has repeatedly said that {country} will not bow to outside pressure over the {system} purchase.",
    "The {system}, a {category} developed by {origin}, could enter service within three years.",
    "{country} has long relied on {country2} for military hardware, a partnership that has endured for decades.",
    "In a recent development, {media} reported on {date} that {org} had approved the purchase of {n} {system}.",
    "The potential deal, which includes the {system} and the {system2}, signals deeper ties between the two nations.",
    "If finalized, the agreement would make {country} the largest operator of the {system} outside {origin}.",
    "{country2} has warned that the transfer could undermine regional stability and its own security.",
    "Analysts say the {system} may face delays because of sanctions on key suppliers.",
    "It remains unclear whether {country} will receive the {system2} before the end of the decade.",
    "{person} is due to visit {capital} on {date}, and the {system} is expected to be discussed during the visit.",
    "The {org} has operated the {system2} since 2019, and crews have trained on it extensively.",
    "Late {month} revelations indicated that {country} plans to buy {n} more {system} for its air force.",
    "Officials in {capital} declined to comment on the report, citing the sensitivity of the negotiations.",
    "The timing of the announcement is no coincidence, coming days before a regional summit.",
    "{country} and {country2} signed a framework agreement in {year} covering joint production and maintenance.",
    "Critics argue that the money could be better spent on domestic programmes such as the {system2}.",
    "The United States has raised concerns that further purchases could trigger sanctions under CAATSA.",
    "Industry executives said production lines in {origin} are already running at full capacity.",
    "Diplomats said the talks would continue after the summit, with a decision likely early next year.",
    "For {country}, the purchase is part of a broader strategy to modernise its defence forces.",
]
NUMBERS = ["12", "24", "36", "five", "seven", "two squadrons", "three divisions", "48", "60", "120"]


def article(rng: random.Random, kb_names: dict[str, list[str]], systems: list[tuple[str, str, str]]) -> str:
    country, country2 = rng.sample(kb_names["country"], 2)
    (system, category, origin), (system2, _, _) = rng.sample(systems, 2)
    base = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    fill = {
        "country": country,
        "country2": country2,
        "system": system,
        "system2": system2,
        "category": category,
        "origin": origin,
        "person": rng.choice(kb_names["person"]),
        "media": rng.choice(kb_names["media"]),
        "org": rng.choice(kb_names["organization"]),
        "capital": rng.choice(["New Delhi", "Moscow", "Washington", "Beijing", "Paris", "Seoul"]),
        "n": rng.choice(NUMBERS),
        "date": f"{base:%B} {base.day}",
        "month": f"{base:%B}",
        "year": str(rng.randrange(2015, 2024)),
    }
    sentences = [t.format(**fill) for t in rng.sample(TEMPLATES, len(TEMPLATES))]
    return "\n".join(s[0].upper() + s[1:] for s in sentences) + "\n"


def write_corpus(out: Path, count: int, seed: int = 7) -> list[Path]:
    kb = load_knowledge()
    names: dict[str, list[str]] = {}
    for entry in kb.entries.values():
        names.setdefault(entry.kind, []).append(entry.name)
    for values in names.values():
        values.sort()
    systems = sorted((e.name, e.category or "", e.origin or "") for e in kb.systems())
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = out / f"bench-{i:05d}.txt"
        path.write_text(article(rng, names, systems), encoding="utf-8")
        date = dt.date(2024, 1, 1) + dt.timedelta(days=i % 700)
        path.with_suffix(".yml").write_text(f"title: Synthetic article {i}\ndate: {date.isoformat()}\n")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    write_corpus(args.out, args.count)


if __name__ == "__main__":
    main()
