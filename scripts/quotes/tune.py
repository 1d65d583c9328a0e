"""Score ``ng_quotes`` on a cache from ``prepare.py`` (seconds instead of minutes) and list its errors.

    python scripts/quotes/tune.py /tmp/qcache/dev.pkl [--errors FILE]

The figures equal ``newsgraph eval quotes DIR`` when the cache was made from the same code upstream.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.evaluate.quotes import Tally
from newsgraph.extract.quotes.component import QuoteComponent
from newsgraph.nlp import extensions, pipeline


def restore(nlp: Any, row: dict) -> Doc:
    doc = Doc(nlp.vocab).from_bytes(row["doc"])
    doc._.document = row["document"]
    for name, recs in row["ext"].items():
        setattr(doc._, name, [r for r in recs] if name != "quotes" else [])
    return doc


def score(rows: list[dict], comp: QuoteComponent, nlp: Any) -> tuple[dict, list[dict]]:
    tally = Tally()
    errors: list[dict] = []
    for row in rows:
        doc = comp(restore(nlp, row))
        pred = sorted(doc._.quotes or [], key=lambda q: (q.start, q.end))
        gold = row["gold"]
        pairs = tally.add(pred, gold)
        errors.extend(_errors(row["name"], doc.text, pred, gold, pairs))
    return tally.scores(), errors


def _errors(name: str, text: str, pred: list, gold: list[dict], pairs: list[tuple[int, int]]) -> list[dict]:
    """Missed gold quotes and unmatched predictions, each with what overlaps it."""
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    out: list[dict] = []
    for j, g in enumerate(gold):
        if j not in matched_g:
            out.append(
                {
                    "err": "miss",
                    "doc": name,
                    "type": g["type"],
                    "gold": " | ".join(text[a:b] for a, b in g["spans"]),
                    "spans": g["spans"],
                    "before": text[max(0, g["spans"][0][0] - 100) : g["spans"][0][0]],
                    "speaker": " | ".join(text[a:b] for a, b in g["speaker"]),
                    "near": [
                        (q.kind, q.start, q.end, text[q.start : q.end])
                        for q in pred
                        if any(q.start < b and a < q.end for a, b in g["spans"])
                    ],
                }
            )
    for i, q in enumerate(pred):
        if i not in matched_p:
            out.append(
                {
                    "err": "fp",
                    "doc": name,
                    "kind": q.kind,
                    "pred": q.text,
                    "span": [q.start, q.end],
                    "speaker": q.speaker_text,
                    "cue": q.cue,
                    "near": [
                        (g["type"], " | ".join(text[a:b] for a, b in g["spans"]))
                        for g in gold
                        if any(q.start < b and a < q.end for a, b in g["spans"])
                    ],
                }
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--errors", type=Path)
    ap.add_argument("--rules-only", action="store_true", help="no models, free rule on")
    args = ap.parse_args()
    if args.rules_only:
        from newsgraph import settings
        from newsgraph.extract.quotes import extractor

        settings.QUOTES_MODELS = ()
        extractor.FREE_RULE = True
    data = pickle.loads(args.cache.read_bytes())
    nlp = pipeline.build(())
    extensions.register()
    res, errors = score(data["rows"], QuoteComponent(), nlp)
    for k, v in res.items():
        print(k, v)
    if args.errors:
        args.errors.write_text(json.dumps(errors, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
