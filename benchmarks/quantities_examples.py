"""Planted numbers of examples/gold.toml through the real pipeline: value/unit/qualifier/rank right, and how
often measure, subjects, time and speaker agree with the gold (entities known by their gold spellings; the
full scorer with resolved entities is ``newsgraph eval examples examples/``).

    python benchmarks/quantities_examples.py \\
        ng_sentences,ng_hanta,ng_ner,ng_roles,ng_timex,ng_quotes,ng_quantities [-v]
"""

import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.nlp import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.quantities.gold_examples import compare, documents, load_gold, locate, scope_checks  # noqa: E402

comps = tuple(sys.argv[1].split(",")) if len(sys.argv) > 1 and sys.argv[1] != "-v" else ("ng_quantities",)
ex = Path("examples")
gold = load_gold(ex)
docs = documents(ex, gold)
outlets = {d["id"]: d.get("outlet") for d in gold["document"]}
nlp = pipeline.build(comps)
res = {}
t = time.time()
for k, d in docs.items():
    doc = nlp.make_doc(d.text)
    doc._.document = d
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    res[k] = (d, doc._.quantities)
print("secs", round(time.time() - t, 2))
right: Counter[str] = Counter()
bad = n = all_right = 0
for q in gold["quantity"]:
    if q.get("optional"):
        continue
    d, got = res[q["doc"]]
    span = locate(d.text, q)
    errs = compare(q, got, span)
    hits = [x for x in got if x.start < span[1] and span[0] < x.end]
    m = min(hits, key=lambda x: abs(x.start - span[0]) + abs(x.end - span[1])) if hits else None
    checks = scope_checks(gold, q, m, d.text, outlets[q["doc"]]) if m else {}
    n += 1
    bad += bool(errs)
    right.update(f for f, ok in checks.items() if ok)
    wrong = [f for f, ok in checks.items() if not ok]
    all_right += not errs and not wrong
    if errs or wrong or "-v" in sys.argv:
        print(
            q["id"],
            "OK " if not errs and not wrong else "BAD",
            repr(q["text"]),
            errs + wrong,
            "| measure",
            m and m.measure,
            q.get("measure"),
            "| subjects",
            m and [d.text[a:b] for a, b in m.subject_spans],
            q.get("subjects"),
            "| time",
            m and m.time,
            q.get("time"),
            "|",
            m and m.speaker_text,
            "|",
            q.get("speaker") or q.get("speaker_text"),
        )
print("value/unit/qualifier/rank wrong", bad, "of", n, {f: round(right[f] / n, 3) for f in sorted(right)})
print("all fields right", all_right, "of", n)
