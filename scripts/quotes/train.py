"""Train the learned stages of ``ng_quotes`` on quotes2024 train (only train is read).

    nice -n 10 python scripts/quotes/prepare.py ../shared/data/quotes2024/train /tmp/qcache/train.pkl
    nice -n 10 python scripts/quotes/train.py screen /tmp/qcache/train.pkl
    nice -n 10 python scripts/quotes/train.py sentences /tmp/qcache/train.pkl

``screen`` (``extract/quotes/screen.py``): every candidate of the rules is one example, labelled
``keep`` when the scorer matches it to a gold quote, else ``drop``. ``sentences``
(``extract/quotes/sentences.py``): after the rules and the screen, every sentence they leave open is
one example, labelled with the kind of the gold quote its span would match (50 % both ways) when no
kept candidate matches that gold quote already, else ``none``. Train ``screen`` first: the
``sentences`` examples depend on it.

Both are multinomial logistic regressions (L2, Adam, full batch, numpy). The decision threshold is
the one that maximises quote F1 over 5-fold out-of-fold predictions on train (folds by document);
the final weights are fitted on all of train and written with those figures to
``src/newsgraph/lang/de/quotes/<stage>_model.json``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from tune import restore  # noqa: E402

from newsgraph.evaluate.quotes import match  # noqa: E402
from newsgraph.extract.quotes import lexicon, screen, sentences, tokens  # noqa: E402
from newsgraph.extract.quotes.extractor import Extractor  # noqa: E402
from newsgraph.lang import ROOT  # noqa: E402
from newsgraph.nlp import pipeline  # noqa: E402

CLASSES = {"screen": ("drop", "keep"), "sentences": ("none", "indirect", "free_indirect", "reported")}
GOLD_KIND = {
    "Indirect": "indirect",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect",
    "Reported": "reported",
    "Direct": "indirect",  # a quoted sentence the mark scanner missed: still a quote
}


class Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def examples(path: Path, stage: str) -> tuple[list[dict], dict]:
    """The examples of ``stage`` and the counts of what runs before it (gold, pred, tp)."""
    data = pickle.loads(path.read_bytes())
    nlp = pipeline.build(())
    lex = lexicon.load("de")
    rows: list[dict] = []
    base: Counter = Counter()
    for d, row in enumerate(data["rows"]):
        doc = restore(nlp, row)
        v = tokens.view(doc)
        gold = row["gold"]
        base["gold"] += len(gold)
        if not v.toks:
            continue
        ex = Extractor(v, lex, models=() if stage == "screen" else ("screen",))
        found = ex.run()
        if stage == "screen":
            pairs = match(found, gold)
            hit = {i for i, _j in pairs}
            for i, f in enumerate(found):
                rows.append(
                    {"doc": d, "feats": screen.features(ex, f), "label": "keep" if i in hit else "drop"}
                )
            continue
        uniq = list({(f.start, f.end): Span(f.start, f.end) for f in found}.values())
        pairs = match(uniq, gold)
        base["pred"] += len(uniq)
        base["tp"] += len(pairs)
        taken = {j for _i, j in pairs}
        last = sentences.last_quotes(ex)
        for s in sentences.open_sentences(ex):
            for unit in sentences.units(ex, s):
                ms, me = ex.chars(unit[0], unit[1])
                label = "none"
                m = match([Span(ms, me)], gold)
                if m and m[0][1] not in taken:
                    label = GOLD_KIND.get(gold[m[0][1]]["type"], "indirect")
                rows.append(
                    {
                        "doc": d,
                        "group": (d, s),
                        "feats": sentences.features(ex, s, last, unit),
                        "label": label,
                    }
                )
    return rows, dict(base)


def fit(
    X: list[list[int]], y: np.ndarray, n_feat: int, k: int, l2: float, epochs: int
) -> tuple[np.ndarray, np.ndarray]:
    indptr = np.cumsum([0] + [len(x) for x in X])
    idx = np.concatenate([np.asarray(x, dtype=np.int64) for x in X])
    row_of = np.repeat(np.arange(len(X)), [len(x) for x in X])
    W = np.zeros((n_feat, k))
    bias = np.zeros(k)
    Y = np.eye(k)[y]
    mW, vW, mb, vb = np.zeros_like(W), np.zeros_like(W), np.zeros(k), np.zeros(k)
    lr, b1, b2 = 0.05, 0.9, 0.999
    n = len(X)
    for t in range(1, epochs + 1):
        Z = np.add.reduceat(W[idx], indptr[:-1], axis=0) + bias
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) / n
        gW = np.zeros_like(W)
        np.add.at(gW, idx, G[row_of])
        gW += l2 * W
        gb = G.sum(axis=0)
        for p, g, m, v in ((W, gW, mW, vW), (bias, gb, mb, vb)):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            p -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return W, bias


def proba(X: list[list[int]], W: np.ndarray, bias: np.ndarray) -> np.ndarray:
    out = np.zeros((len(X), W.shape[1]))
    for i, x in enumerate(X):
        z = bias + W[x].sum(axis=0)
        z -= z.max()
        e = np.exp(z)
        out[i] = e / e.sum()
    return out


def f1(tp: int, pred: int, gold: int) -> dict:
    p, r = tp / max(1, pred), tp / max(1, gold)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def best_threshold(
    stage: str, score: np.ndarray, pos: np.ndarray, base: dict, groups: list | None = None
) -> tuple[float, dict]:
    if groups is not None:  # one unit per sentence: the best scored one
        best_of: dict = {}
        for i, g in enumerate(groups):
            if g not in best_of or score[i] > score[best_of[g]]:
                best_of[g] = i
        mask = np.zeros(len(score), dtype=bool)
        mask[list(best_of.values())] = True
        score = np.where(mask, score, -1.0)
    best: tuple[float, float, dict] = (-1.0, 0.5, {})
    for th in np.arange(0.05, 0.951, 0.0125):
        sel = score >= th
        if stage == "screen":  # the rules' candidates, kept or dropped
            fig = f1(int((sel & pos).sum()), int(sel.sum()), base["gold"])
            fig["dropped"] = int((~sel).sum())
        else:  # the rules (after the screen) plus the sentences accepted
            fig = f1(base["tp"] + int((sel & pos).sum()), base["pred"] + int(sel.sum()), base["gold"])
            fig["added"] = int(sel.sum())
        if fig["f1"] > best[0]:
            best = (fig["f1"], float(th), fig)
    return best[1], best[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=sorted(CLASSES))
    ap.add_argument("cache", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--l2", type=float, help="L2 weight (default: screen 3e-4, sentences 3e-3)")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--prune", type=float, default=0.02, help="drop features whose weights all stay below")
    ap.add_argument("--examples", type=Path, help="a pickle of the examples: written when absent, else read")
    args = ap.parse_args()
    classes = CLASSES[args.stage]
    if args.l2 is None:
        args.l2 = {"screen": 3e-4, "sentences": 3e-3}[args.stage]
    out = args.out or ROOT / "de" / "quotes" / f"{args.stage}_model.json"
    if args.examples and args.examples.exists():
        rows, base = pickle.loads(args.examples.read_bytes())
    else:
        rows, base = examples(args.cache, args.stage)
        if args.examples:
            args.examples.write_bytes(pickle.dumps((rows, base)))
    if args.stage == "screen":
        base = {"gold": base["gold"], "pred": len(rows), "tp": sum(r["label"] == "keep" for r in rows)}
    counts = Counter(f for r in rows for f in set(r["feats"]))
    feats = sorted(f for f, c in counts.items() if c >= args.min_count)
    index = {f: i for i, f in enumerate(feats)}
    X = [[index[f] for f in dict.fromkeys(r["feats"]) if f in index] for r in rows]
    y = np.array([classes.index(r["label"]) for r in rows])
    docs = np.array([r["doc"] for r in rows])
    print(f"{args.stage}: {len(rows)} examples, {len(feats)} features, {Counter(r['label'] for r in rows)}")
    print(f"before this stage on train: {base} {f1(base['tp'], base['pred'], base['gold'])}")
    oof = np.zeros((len(rows), len(classes)))
    for k in range(5):
        test = docs % 5 == k
        tr, te = np.where(~test)[0], np.where(test)[0]
        W, b = fit([X[i] for i in tr], y[tr], len(feats), len(classes), args.l2, args.epochs)
        oof[te] = proba([X[i] for i in te], W, b)
    score = oof[:, 1] if args.stage == "screen" else 1.0 - oof[:, 0]
    groups = [r["group"] for r in rows] if args.stage == "sentences" else None
    th, fig = best_threshold(args.stage, score, y > 0, base, groups)
    extra = {}
    if args.stage == "sentences":
        sel = (score >= th) & (y > 0)
        kinds = oof[:, 1:].argmax(axis=1) + 1
        extra["kind_accuracy"] = round(float((kinds[sel] == y[sel]).mean()), 3) if sel.any() else 0.0
    print(f"5-fold out-of-fold on train: threshold {th:.4f} -> {fig} {extra}")
    W, b = fit(X, y, len(feats), len(classes), args.l2, args.epochs)
    keep = np.abs(W).max(axis=1) >= args.prune
    model = {
        "classes": list(classes),
        "threshold": round(th, 4),
        "features": [f for f, k in zip(feats, keep, strict=True) if k],
        "weights": [round(float(x), 4) for x in W[keep].ravel()],
        "bias": [round(float(x), 4) for x in b],
        "trained_on": f"quotes2024/train ({args.cache.name}), scripts/quotes/train.py {args.stage}",
        "figures": {
            "train_5fold": fig,
            **extra,
            "before_stage_train": base,
            "examples": len(rows),
            "l2": args.l2,
            "epochs": args.epochs,
            "min_count": args.min_count,
            "prune": args.prune,
        },
    }
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{int(keep.sum())} features -> {out}")


if __name__ == "__main__":
    main()
