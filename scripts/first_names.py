"""Write generator/analyze/data/first-names.tsv from nomquamgender's name data.

nomquamgender (MIT, Ian Van Buskirk, https://github.com/ianvanbuskirk/nomquamgender)
gives, for each given name, how many sources and people carry it and the share of
them that are women, p(gf). Kept here: plain Latin-letter names that at least 10
sources and 2,000 people carry, with p(gf) at most 0.05 (m) or at least 0.95 (f).
The analysis uses them only to tell "he" from "she" when the text itself does not.

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-*.whl
    python scripts/first_names.py nomquamgender/name_data.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "analyze" / "data" / "first-names.tsv"


def main(name_data: Path) -> None:
    data = json.loads(name_data.read_text(encoding="utf-8"))
    rows = []
    for name, (sources, people, p_female, *_) in data.items():
        if re.fullmatch(r"[a-z]{2,}", name) and sources >= 10 and people >= 2000:
            if p_female <= 0.05:
                rows.append(f"{name}\tm")
            elif p_female >= 0.95:
                rows.append(f"{name}\tf")
    header = "# given name, gender (m/f): derived from nomquamgender 0.1.4 (MIT) by scripts/first_names.py\n"
    OUT.write_text(header + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
