"""Time of ng_timex against the rest of the pipeline on articles of 10kGNAD.

Usage: nice -n 10 python scripts/timex/bench.py [N=200] [CSV=../shared/data/10kgnad/articles.csv]
Builds the full component chain (every registered factory in settings order), runs N articles
through it and reports the seconds spent in each component.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsgraph.model import Document
from newsgraph.nlp import pipeline

ORDER = (
    "ng_sentences",
    "ng_hanta",
    "ng_ner",
    "ng_roles",
    "ng_timex",
    "ng_quotes",
    "ng_quantities",
    "ng_events",
)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    path = (
        Path(sys.argv[2])
        if len(sys.argv) > 2
        else Path(__file__).parents[3] / "shared/data/10kgnad/articles.csv"
    )
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) == 2][:n]
    from spacy.language import Language

    pipeline._import_components()
    names = tuple(c for c in ORDER if c in Language.factories)
    built = []
    for name in names:  # a component that fails to build (missing model...) is left out and named
        try:
            pipeline.build((name,))
            built.append(name)
        except Exception as exc:  # noqa: BLE001
            print(f"skipped {name}: {type(exc).__name__}: {exc}")
    nlp = pipeline.build(tuple(built))
    times: dict[str, float] = defaultdict(float)
    words = 0
    tok = 0.0
    for i, (_label, text) in enumerate(rows):
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        tok += time.perf_counter() - t0
        doc._.document = Document(id=f"gnad{i}", text=text)
        words += len(text.split())
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t0
    total = tok + sum(times.values())
    print(f"{len(rows)} articles, {words} words, components: {', '.join(built)}")
    print(f"  {'tokenizer':14s} {tok:8.2f} s")
    for name in built:
        print(f"  {name:14s} {times[name]:8.2f} s  {100 * times[name] / total:5.1f} %")
    rest = total - times.get("ng_timex", 0.0)
    print(
        f"total {total:.2f} s; ng_timex {times.get('ng_timex', 0.0):.2f} s = "
        f"{100 * times.get('ng_timex', 0.0) / rest:.1f} % added to the rest ({rest:.2f} s)"
    )


if __name__ == "__main__":
    main()
