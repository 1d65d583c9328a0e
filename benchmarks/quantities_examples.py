"""Planted numbers of examples/gold.toml through the real pipeline: value/unit/qualifier/rank right, and how
often measure and time agree with the gold.

    python benchmarks/quantities_examples.py \\
        ng_sentences,ng_hanta,ng_ner,ng_roles,ng_timex,ng_quotes,ng_quantities [-v]
"""

import sys
import time
from pathlib import Path

from newsgraph.nlp import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.quantities.gold_examples import compare, documents, load_gold, locate  # noqa: E402

comps = tuple(sys.argv[1].split(",")) if len(sys.argv) > 1 else ("ng_quantities",)
ex = Path("examples")
gold = load_gold(ex)
docs = documents(ex, gold)
nlp = pipeline.build(comps)
res = {}
t = time.time()
for k, d in docs.items():
    doc = nlp.make_doc(d.text)
    doc._.document = d
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    res[k] = (d, doc._.quantities)
print("secs", time.time() - t)
bad = 0
mm = 0
tm = 0
n = 0
for q in gold["quantity"]:
    d, got = res[q["doc"]]
    span = locate(d.text, q)
    errs = compare(q, got, span)
    hits = [x for x in got if x.start < span[1] and span[0] < x.end]
    m = hits[0] if hits else None
    n += 1
    if errs:
        bad += 1
    if m and (m.measure or "").lower() == (q.get("measure") or "").lower():
        mm += 1
    if m and m.time == q.get("time"):
        tm += 1
    if errs or "-v" in sys.argv:
        print(
            q["id"],
            "OK " if not errs else "BAD",
            repr(q["text"]),
            errs,
            "| measure",
            m and m.measure,
            q.get("measure"),
            "| time",
            m and m.time,
            q.get("time"),
            "|",
            m and m.speaker_text,
            "|",
            q.get("speaker_text"),
        )
print("bad", bad, "of", n, "measure ok", mm, "time ok", tm)
