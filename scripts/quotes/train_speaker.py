"""Train the speaker ranker (``speaker_rank``) on a quotes2024 cache from ``prepare.py``.

    nice -n 10 python scripts/quotes/train_speaker.py /tmp/qcache/train.pkl --dev /tmp/qcache/dev.pkl

For every detected quote that matches a gold quote, the rules run as usual; the candidates of
``speaker_rank.candidates`` are labelled by overlap with the gold speaker span ("no speaker" is right
when the gold has none), and a linear model is fitted listwise (softmax over the candidates of one
quote, the likelihood of the right ones, L2) with numpy. Writes
``src/newsgraph/lang/de/quotes/speaker_model.json`` and prints speaker accuracy on matched quotes,
rules vs. ranker, for train and dev.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from tune import restore  # noqa: E402

from newsgraph import settings  # noqa: E402
from newsgraph.evaluate.quotes import match  # noqa: E402
from newsgraph.extract.quotes import lexicon, speaker_lexicon, speaker_rank, tokens  # noqa: E402
from newsgraph.extract.quotes.extractor import extract  # noqa: E402
from newsgraph.extract.quotes.speaker_select import Selector  # noqa: E402
from newsgraph.lang import ROOT  # noqa: E402
from newsgraph.nlp import extensions, pipeline  # noqa: E402

OUT = ROOT / "de" / "quotes" / "speaker_model.json"


def groups(path: Path) -> list[tuple[list[list[str]], list[bool], int]]:
    """Per matched quote: candidate features, labels, index of the rule's pick."""
    settings.QUOTES_SPEAKER_RANKER = False
    lex = lexicon.load("de")
    words = speaker_lexicon.load("de")
    nlp = pipeline.build(())
    extensions.register()
    rows = pickle.loads(path.read_bytes())["rows"]
    out = []
    for row in rows:
        doc = restore(nlp, row)
        v = tokens.view(doc)
        if not v.toks:
            continue
        found = extract(v, lex)
        sel = Selector(v, lex, words, doc._.mentions)
        sel.refine(found)
        found.sort(key=lambda g: (g.start, -g.end))
        blocked = speaker_rank.blocked_tokens(sel, found)
        gold = row["gold"]
        pairs = dict(match(found, gold))
        prev = None
        for i, f in enumerate(found):
            cands = speaker_rank.candidates(sel, f, blocked, prev)
            span = speaker_rank.rule_span(sel, f)
            if span is not None:
                prev = span
            if i not in pairs:
                continue
            g = gold[pairs[i]]["speaker"]
            labels = []
            for c in cands:
                if c.a < 0:
                    labels.append(not g)
                else:
                    s, e = v.toks[c.a].start, v.toks[c.b - 1].end
                    labels.append(any(s < gb and ga < e for ga, gb in g))
            rule = next((k for k, c in enumerate(cands) if "rule" in c.origins), len(cands) - 1)
            out.append(([c.feats for c in cands], labels, rule))
    return out


def fit(data: list, l2: float, epochs: int) -> tuple[list[str], np.ndarray]:
    index: dict[str, int] = {}
    counts: dict[str, int] = {}
    for feats, _labels, _r in data:
        for fs in feats:
            for x in set(fs):
                counts[x] = counts.get(x, 0) + 1
    for x, n in counts.items():
        if n >= 3:
            index[x] = len(index)
    flat: list[int] = []
    row_of: list[int] = []
    rows_lab: list[bool] = []
    grp: list[int] = []
    r = 0
    for gi, (feats, labels, _rule) in enumerate(data):
        if not any(labels):
            continue
        for fs, lab in zip(feats, labels, strict=True):
            ids = sorted({index[x] for x in fs if x in index})
            flat += ids
            row_of += [r] * len(ids)
            rows_lab.append(lab)
            grp.append(gi)
            r += 1
    flat_a = np.asarray(flat)
    row_a = np.asarray(row_of)
    lab_a = np.asarray(rows_lab, dtype=bool)
    grp_a = np.asarray(grp)
    _, grp_a = np.unique(grp_a, return_inverse=True)
    ng = grp_a.max() + 1
    w = np.zeros(len(index))
    m = np.zeros_like(w)
    s2 = np.zeros_like(w)
    lr = 0.05
    for t in range(1, epochs + 1):
        z = np.bincount(row_a, weights=w[flat_a], minlength=r)
        zmax = np.full(ng, -np.inf)
        np.maximum.at(zmax, grp_a, z)
        e = np.exp(z - zmax[grp_a])
        tot = np.bincount(grp_a, weights=e, minlength=ng)
        pos = np.bincount(grp_a, weights=e * lab_a, minlength=ng)
        p_all = e / tot[grp_a]
        p_pos = np.where(lab_a, e / pos[grp_a], 0.0)
        coef = p_all - p_pos  # d loss / d z
        g = np.bincount(flat_a, weights=coef[row_a], minlength=len(w)) / ng + l2 * w
        m = 0.9 * m + 0.1 * g
        s2 = 0.999 * s2 + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(s2 / (1 - 0.999**t)) + 1e-8)
    print(f"loss {-np.log(pos / tot).mean():.4f}, {len(index)} features", file=sys.stderr)
    return list(index), w


def accuracy(data: list, feats: list[str], w: np.ndarray) -> dict[str, float]:
    index = {x: i for i, x in enumerate(feats)}
    rule_ok = model_ok = oracle = 0
    for fs, labels, rule in data:
        scores = [sum(w[index[x]] for x in set(f) if x in index) for f in fs]
        best = max(range(len(fs)), key=lambda k: scores[k])
        rule_ok += labels[rule]
        model_ok += labels[best]
        oracle += any(labels)
    n = max(1, len(data))
    return {"matched": len(data), "rules": rule_ok / n, "ranker": model_ok / n, "oracle": oracle / n}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--dev", type=Path)
    ap.add_argument("--l2", type=float, default=5e-3)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cv", type=int, default=0, help="also report k-fold cross-validated train accuracy")
    ap.add_argument("--cache", type=Path, help="pickle the candidate groups here / reuse them")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        tr, dv = pickle.loads(args.cache.read_bytes())
    else:
        tr = groups(args.train)
        dv = groups(args.dev) if args.dev else []
        if args.cache:
            args.cache.write_bytes(pickle.dumps((tr, dv)))
    figures: dict[str, object] = {}
    if args.cv:
        folds = [tr[k :: args.cv] for k in range(args.cv)]
        ok = n = 0.0
        for k in range(args.cv):
            rest = [g for j, fold in enumerate(folds) if j != k for g in fold]
            fk, wk = fit(rest, args.l2, args.epochs)
            acc = accuracy(folds[k], fk, wk)
            ok += acc["ranker"] * acc["matched"]
            n += acc["matched"]
        print(f"train {args.cv}-fold cross-validated ranker accuracy {ok / n:.4f}")
        figures[f"train_{args.cv}fold_ranker"] = round(ok / n, 4)
    feats, w = fit(tr, args.l2, args.epochs)
    figures["train"] = {k: round(x, 4) for k, x in accuracy(tr, feats, w).items()}
    print("train", figures["train"])
    if dv:
        figures["dev"] = {k: round(x, 4) for k, x in accuracy(dv, feats, w).items()}
        print("dev", figures["dev"])
    keep = [k for k in range(len(feats)) if abs(w[k]) > 1e-4]
    model = {
        "classes": ["no", "yes"],
        "features": [feats[k] for k in keep],
        "weights": [[0.0, round(float(w[k]), 4)] for k in keep],
        "bias": [0.0, 0.0],
        "threshold": 0.5,
        "trained_on": str(args.train),
        "figures": figures,  # speaker accuracy on matched quotes: rules, ranker, best candidate
        "l2": args.l2,
        "epochs": args.epochs,
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(keep)} features -> {args.out}")


if __name__ == "__main__":
    main()
