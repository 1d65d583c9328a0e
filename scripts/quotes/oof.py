"""Score ``ng_quotes`` on the TRAIN cache out of fold: the honest train figure for the learned stage.

    python scripts/quotes/oof.py /tmp/qcache/train.pkl [--examples /tmp/qcache/sent_examples.pkl]
        [--set QUOTES_SENTENCE_KONJ_THRESHOLD=None] [--set …]

``tune.py`` on train scores the sentence classifier on the sentences it was fitted on, so train
overstates it (session 7: in-sample quote F1 0.848, out of fold 0.820, dev 0.797). Here the
classifier is refitted five times as ``train.py sentences`` fits it (same examples, features,
L2 and epochs; folds by document), and each document is scored with the model that did not see it.
The screen keeps its shipped weights (its threshold is flat out of fold). ``--set`` overrides a
setting (the value is a Python literal) to compare a change off and on; the examples come from the
code as it is, so build them again (no ``--examples`` file) after a change that moves the rules.

``serving`` and ``documents`` (models served per document while ``ng_quotes`` reads the cache) are
shared with ``train_speaker.py``, which serves its rankers per fold the same way.
"""

from __future__ import annotations

import argparse
import ast
import pickle
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).parent))

import train  # noqa: E402
from tune import restore  # noqa: E402

from newsgraph import settings  # noqa: E402
from newsgraph.evaluate.quotes import Tally  # noqa: E402
from newsgraph.extract.quotes import linear, sentences  # noqa: E402
from newsgraph.extract.quotes.component import QuoteComponent  # noqa: E402
from newsgraph.nlp import extensions, pipeline  # noqa: E402

FOLDS = 5
STAGE = "sentences"
L2, EPOCHS, MIN_COUNT = 3e-3, 300, 3  # as train.py fits the shipped sentences model


def fold_models(rows: list[dict], threshold: float) -> list[linear.LinearModel]:
    """One classifier per fold, each fitted on the documents of the other folds."""
    classes = train.CLASSES[STAGE]
    counts = Counter(f for r in rows for f in set(r["feats"]))
    feats = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(feats)}
    X = [[index[f] for f in dict.fromkeys(r["feats"]) if f in index] for r in rows]
    y = np.array([classes.index(r["label"]) for r in rows])
    docs = np.array([r["doc"] for r in rows])
    models = []
    for k in range(FOLDS):
        tr = np.where(docs % FOLDS != k)[0]
        W, b = train.fit([X[i] for i in tr], y[tr], len(feats), len(classes), L2, EPOCHS)
        models.append(
            linear.LinearModel(
                classes=tuple(classes),
                index=index,
                weights=W.astype(np.float32),
                bias=b.astype(np.float32),
                threshold=threshold,
            )
        )
    return models


@contextmanager
def serving(models: dict[str, Any]) -> Iterator[dict[str, int]]:
    """Serve models by name while ``ng_quotes`` runs: one model, or a list of them (document d gets
    the one of fold d % len). Yields the counter that ``documents`` sets to the current document."""
    shipped = linear.load
    current = {"doc": 0}

    def load(lang: str, name: str) -> linear.LinearModel | None:
        model = models.get(name)
        if model is None:
            return shipped(lang, name)
        return model[current["doc"] % len(model)] if isinstance(model, list) else model

    linear.load = load  # type: ignore[assignment]
    try:
        yield current
    finally:
        linear.load = shipped  # type: ignore[assignment]


def documents(cache: Path, current: dict[str, int]) -> Iterator[tuple[int, Doc, list[dict]]]:
    """Run ``ng_quotes`` over the cache: (document index, doc, gold), one at a time, with
    ``current`` (from ``serving``) set to the document being read."""
    nlp = pipeline.build(())
    extensions.register()
    comp = QuoteComponent()
    for d, row in enumerate(pickle.loads(cache.read_bytes())["rows"]):
        current["doc"] = d
        yield d, comp(restore(nlp, row)), row["gold"]


def score(cache: Path, models: dict[str, Any]) -> dict[str, Any]:
    """Quote scores over the cache with ``models`` served as ``serving`` does."""
    tally = Tally()
    with serving(models) as current:
        for _d, doc, gold in documents(cache, current):
            tally.add(sorted(doc._.quotes or [], key=lambda q: (q.start, q.end)), gold)
    return tally.scores()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path, help="a train cache from prepare.py")
    ap.add_argument("--examples", type=Path, help="a pickle of the examples: written when absent, else read")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    for item in args.set:
        name, _, value = item.partition("=")
        if not hasattr(settings, name):
            raise SystemExit(f"no setting {name}")
        setattr(settings, name, ast.literal_eval(value))
    if args.examples and args.examples.exists():
        rows, _base = pickle.loads(args.examples.read_bytes())
    else:
        rows, _base = train.examples(args.cache, STAGE)
        if args.examples:
            args.examples.write_bytes(pickle.dumps((rows, _base)))
    shipped = linear.load("de", sentences.MODEL)
    models = fold_models(rows, shipped.threshold if shipped is not None else 0.5)
    for key, value in list(score(args.cache, {sentences.MODEL: models}).items())[:2]:
        print(key, value)


if __name__ == "__main__":
    main()
