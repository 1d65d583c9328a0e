"""How much time ng_quotes adds to the pipeline, on N articles of 10kGNAD (issue 7: at most 15 %).

    nice -n 10 python benchmarks/quotes_speed.py ../shared/data/10kgnad/articles.csv 200

Runs every registered component of the target pipeline (settings.PIPELINE order) over the articles,
times each component separately and prints a JSON summary: seconds per component, the share of
ng_quotes in the time of the whole pipeline, quotes found per article and by kind.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph import model, settings
from newsgraph.nlp import pipeline


def articles(path: Path, n: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter=";", quotechar="'")
        return [row[1] for _, row in zip(range(n), rows, strict=False) if len(row) > 1]


def available(target: tuple[str, ...]) -> tuple[str, ...]:
    names = []
    for name in target:
        try:
            nlp = pipeline.build((name,))
            nlp("„Das ist gut“, sagte der Minister am 1. Mai 2024.")
            names.append(name)
        except Exception as exc:  # a component not there yet, or without its model
            print(f"skip {name}: {exc!r}"[:160], file=sys.stderr)
    return tuple(names)


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/10kgnad/articles.csv")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    texts = articles(path, n)
    names = available(tuple(settings.PIPELINE))
    nlp = pipeline.build(names)
    nlp("Aufwärmen: „Das ist gut“, sagte er.")
    spent = {name: 0.0 for name in ("tokenizer", *names)}
    kinds: Counter[str] = Counter()
    chars = 0
    for i, text in enumerate(texts):
        chars += len(text)
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.perf_counter() - t0
        doc._.document = model.Document(id=f"gnad{i}", text=text, source="derStandard")
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
        kinds.update(q.kind for q in doc._.quotes or [])
    total = sum(spent.values())
    quotes = spent.get("ng_quotes", 0.0)
    rest = total - quotes
    print(
        json.dumps(
            {
                "articles": len(texts),
                "chars": chars,
                "pipeline": list(names),
                "seconds": {k: round(v, 3) for k, v in spent.items()},
                "total_s": round(total, 3),
                "ng_quotes_s": round(quotes, 3),
                "ng_quotes_share_of_total": round(quotes / total, 4) if total else None,
                "ng_quotes_added_to_rest": round(quotes / rest, 4) if rest else None,
                "ng_quotes_chars_per_s": round(chars / quotes) if quotes else None,
                "quotes": sum(kinds.values()),
                "quotes_per_article": round(sum(kinds.values()) / max(1, len(texts)), 2),
                "by_kind": dict(kinds),
            },
            indent=1,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
