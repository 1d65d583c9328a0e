"""How much time ng_quantities adds to the pipeline, on N articles of 10kGNAD.

    nice -n 10 python benchmarks/quantities_speed.py ../shared/data/10kgnad/articles.csv 200

Runs every component of the target pipeline that is registered (settings.PIPELINE order, plus the ones named
in the design that are available) over the articles and times each component separately.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from newsgraph import model
from newsgraph.nlp import pipeline

TARGET = (
    "ng_sentences",
    "ng_hanta",
    "ng_ner",
    "ng_roles",
    "ng_timex",
    "ng_quotes",
    "ng_quantities",
    "ng_events",
)


def articles(path: Path, n: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter=";", quotechar="'")
        return [row[1] for _, row in zip(range(n), rows, strict=False) if len(row) > 1]


def available() -> tuple[str, ...]:
    names = []
    for name in TARGET:
        try:
            nlp = pipeline.build((name,))
            nlp("Test am 1. Mai 2024 mit 5 Tonnen.")
            names.append(name)
        except Exception as exc:  # a component that is not there yet, or lacks its model
            print(f"skip {name}: {exc!r}"[:160], file=sys.stderr)
    return tuple(names)


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/10kgnad/articles.csv")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    texts = articles(path, n)
    names = available()
    nlp = pipeline.build(names)
    nlp("Aufwärmen: 5 Tonnen am 1. Mai.")
    spent = {name: 0.0 for name in ("tokenizer", *names)}
    found = 0
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.perf_counter() - t0
        doc._.document = model.Document(id=f"gnad{i}", text=text, source="derStandard")
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
        found += len(doc._.quantities or [])
    total = sum(spent.values())
    rest = total - spent.get("ng_quantities", 0.0)
    words = sum(len(t.split()) for t in texts)
    q = spent.get("ng_quantities", 0.0)
    report = {
        "articles": len(texts),
        "words": words,
        "components": names,
        "seconds": {k: round(v, 3) for k, v in spent.items()},
        "quantities": found,
        "quantities_share_of_total": round(q / total, 4) if total else None,
        "quantities_added_to_rest": round(q / rest, 4) if rest else None,
        "quantities_words_per_s": round(words / q) if q else None,
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
