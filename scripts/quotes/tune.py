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

from newsgraph.evaluate.quotes import _prf, match, speaker_ok
from newsgraph.extract.quotes.component import QuoteComponent
from newsgraph.nlp import extensions, pipeline


def restore(nlp: Any, row: dict) -> Doc:
    doc = Doc(nlp.vocab).from_bytes(row["doc"])
    doc._.document = row["document"]
    for name, recs in row["ext"].items():
        setattr(doc._, name, [r for r in recs] if name != "quotes" else [])
    return doc


def score(rows: list[dict], comp: QuoteComponent, nlp: Any) -> tuple[dict, list[dict]]:
    tp = tp_sp = n_pred = n_gold = 0
    by_type: dict[str, list[int]] = {}
    by_kind: dict[str, list[int]] = {}
    errors: list[dict] = []
    for row in rows:
        doc = comp(restore(nlp, row))
        pred = sorted(doc._.quotes or [], key=lambda q: (q.start, q.end))
        gold = row["gold"]
        pairs = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        tp += len(pairs)
        mg = {j: i for i, j in pairs}
        mp = {i: j for i, j in pairs}
        text = doc.text
        for j, g in enumerate(gold):
            c = by_type.setdefault(g["type"], [0, 0, 0])
            c[1] += 1
            if j in mg:
                c[0] += 1
                ok = speaker_ok(pred[mg[j]], g)
                c[2] += ok
                tp_sp += ok
            else:
                errors.append(
                    {
                        "err": "miss",
                        "doc": row["name"],
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
            c = by_kind.setdefault(q.kind, [0, 0])
            c[1] += 1
            c[0] += i in mp
            if i not in mp:
                errors.append(
                    {
                        "err": "fp",
                        "doc": row["name"],
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
    out: dict[str, Any] = {"quote": _prf(tp, n_pred, n_gold), "quote+speaker": _prf(tp_sp, n_pred, n_gold)}
    for t, (hit, total, sp) in sorted(by_type.items()):
        out[f"gold:{t}"] = {"r": round(hit / total, 4), "r_speaker": round(sp / total, 4), "gold": total}
    for k, (hit, total) in sorted(by_kind.items()):
        out[f"pred:{k}"] = {"p": round(hit / total, 4), "pred": total}
    return out, errors


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
        extractor.Extractor.__init__.__defaults__ = ((),)
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
