"""A small multinomial logistic regression over string features, served with numpy.

The weights are data (``lang/<lang>/quotes/*_model.json``), trained by the scripts in
``scripts/quotes/``; scoring sums the weight rows of the features present and takes a softmax.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsgraph.lang import ROOT


@dataclass(slots=True)
class LinearModel:
    classes: tuple[str, ...]
    index: dict[str, int]  # feature -> row of ``weights``
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    threshold: float  # the decision threshold the training script chose

    def proba(self, feats: list[str]) -> np.ndarray:
        rows = [self.index[f] for f in dict.fromkeys(feats) if f in self.index]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def cut(self, override: float | None) -> float:
        """The decision threshold: ``override`` (a setting) where it is set, else the model's own."""
        return self.threshold if override is None else override


def from_json(data: dict) -> LinearModel:
    feats = data["features"]
    weights = np.asarray(data["weights"], dtype=np.float32).reshape(len(feats), len(data["classes"]))
    return LinearModel(
        classes=tuple(data["classes"]),
        index={f: i for i, f in enumerate(feats)},
        weights=weights,
        bias=np.asarray(data["bias"], dtype=np.float32),
        threshold=float(data.get("threshold", 0.5)),
    )


@cache
def load(lang: str, name: str) -> LinearModel | None:
    """The model ``lang/<lang>/quotes/<name>.json``, or None when the language has none."""
    path = ROOT / lang / "quotes" / f"{name}.json"
    if not path.exists():
        return None
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a quote model ({exc})") from exc
