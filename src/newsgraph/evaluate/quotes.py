"""Score ``ng_quotes`` on the German Wikinews quotation corpus (quotes2024, uhh-lt 2024).

Each JSON file holds ``originalText`` and ``annotations`` with quote / speaker / cue spans as
character offsets (``charBegin``/``charEnd``; a quote may have several discontinuous spans).
A predicted quote matches a gold quote when their overlap covers at least 50 % of both (gold
length = the sum of its spans). Matching is one-to-one and optimal: the most matched pairs, then
among those the most pairs whose speakers agree (the corpus annotates some spans twice, once with
the person and once with the outlet that relays them), then the largest overlap. Quote + speaker:
a matched pair whose predicted speaker span overlaps one of the gold speaker spans (or both
have no speaker). Per gold type, recall; per predicted kind, precision.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.evaluate.assignment import max_weight_matching
from newsgraph.model import Document

MIN_OVERLAP = 0.5


def _spans(part: dict) -> list[tuple[int, int]]:
    return [(s["charBegin"], s["charEnd"]) for s in part.get("spans", [])]


def load(path: Path, limit: int | None = None) -> list[dict]:
    """The documents of a quotes2024 folder (or one file), sorted by name."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no quotes2024 JSON files in {path}")
    docs = []
    for f in files[: limit if limit else None]:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
            gold = [
                {
                    "type": a["type"],
                    "spans": _spans(a["quote"]),
                    "speaker": _spans(a.get("speaker", {})),
                    "nested": bool(a.get("isNested")),
                }
                for a in data["annotations"]
                if _spans(a["quote"])
            ]
            docs.append({"name": f.name, "text": data["originalText"], "gold": gold})
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"{f}: not a quotes2024 document ({exc})") from exc
    return docs


def _overlap(span: tuple[int, int], parts: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in parts)


def match(pred: list[Any], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matches (pred index, gold index): most pairs, then most right speakers, then overlap."""
    weights = [[0.0] * len(gold) for _ in pred]
    # lexicographic weights: one more pair outweighs all speakers, one more right speaker all overlaps
    speaker = min(len(pred), len(gold)) + 1.0
    pair = speaker * speaker
    for i, q in enumerate(pred):
        plen = max(1, q.end - q.start)
        for j, g in enumerate(gold):
            glen = max(1, sum(b - a for a, b in g["spans"]))
            ov = _overlap((q.start, q.end), g["spans"])
            if ov >= MIN_OVERLAP * plen and ov >= MIN_OVERLAP * glen:
                agree = hasattr(q, "speaker_start") and speaker_ok(q, g)  # spans alone: no speaker
                weights[i][j] = pair + speaker * agree + ov / max(plen, glen)
    return max_weight_matching(weights)


def speaker_ok(q: Any, g: dict) -> bool:
    if not g["speaker"]:
        return q.speaker_start is None
    if q.speaker_start is None:
        return False
    return _overlap((q.speaker_start, q.speaker_end), g["speaker"]) > 0


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


class Tally:
    """The counts behind the scores, one document at a time (``run`` and the tuning scripts share it)."""

    def __init__(self) -> None:
        self.tp = self.tp_speaker = self.n_pred = self.n_gold = 0
        self.gold_by_type: dict[str, list[int]] = {}  # type -> [found, total, found with speaker]
        self.pred_by_kind: dict[str, list[int]] = {}  # kind -> [matched, total]
        self.misses = {"boundary": 0, "unseen": 0}

    def add(self, pred: list[Any], gold: list[dict]) -> list[tuple[int, int]]:
        """Count one document's predicted quotes against its gold; the matched (pred, gold) pairs."""
        pairs = match(pred, gold)
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.tp += len(pairs)
        matched_g = {j: i for i, j in pairs}
        matched_p = {i for i, _ in pairs}
        for j, g in enumerate(gold):
            c = self.gold_by_type.setdefault(g["type"], [0, 0, 0])
            c[1] += 1
            if j in matched_g:
                c[0] += 1
                ok = speaker_ok(pred[matched_g[j]], g)
                c[2] += ok
                self.tp_speaker += ok
            else:  # diagnostics: a miss that a prediction overlaps is a boundary error
                near = any(_overlap((q.start, q.end), g["spans"]) > 0 for q in pred)
                self.misses["boundary" if near else "unseen"] += 1
        for i, q in enumerate(pred):
            c = self.pred_by_kind.setdefault(q.kind, [0, 0])
            c[1] += 1
            c[0] += i in matched_p
        return pairs

    def scores(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "quote": _prf(self.tp, self.n_pred, self.n_gold),
            "quote+speaker": _prf(self.tp_speaker, self.n_pred, self.n_gold),
        }
        for t, (hit, total, sp) in sorted(self.gold_by_type.items()):
            out[f"gold:{t}"] = {"r": round(hit / total, 4), "r_speaker": round(sp / total, 4), "gold": total}
        for kind, (hit, total) in sorted(self.pred_by_kind.items()):
            out[f"pred:{kind}"] = {"p": round(hit / total, 4), "pred": total}
        out["misses"] = dict(self.misses)  # unmatched gold: overlapped by a prediction (boundary) or not
        return out


def components() -> tuple[str, ...]:
    """The pipeline up to and including ng_quotes (components that are not registered are left out)."""
    import importlib
    import logging

    from spacy.language import Language

    from newsgraph.nlp import pipeline

    for module in pipeline.COMPONENT_MODULES:  # a colleague's half-finished module must not stop the eval
        try:
            importlib.import_module(module)
        except Exception as exc:  # noqa: BLE001
            logging.getLogger(__name__).warning("left out %s: %s", module, exc)
    names = list(settings.PIPELINE)
    if "ng_quotes" in names:
        names = names[: names.index("ng_quotes") + 1]
    else:
        names.append("ng_quotes")
    return tuple(n for n in names if Language.has_factory(n))


def run(
    path: Path, limit: int | None = None, details: bool = False, pipe: tuple[str, ...] | None = None
) -> dict:
    from newsgraph.analyze import analyze
    from newsgraph.nlp import pipeline

    docs = load(path, limit)
    nlp = pipeline.build(pipe or components())
    tally = Tally()
    chars = 0
    errors: list[dict] = []
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        text = d["text"]
        chars += len(text)
        pred = analyze(Document(id=f"quotes2024-{k}", text=text), nlp).quotes
        pairs = tally.add(pred, d["gold"])
        if details:
            errors.append({"name": d["name"], "pairs": pairs, "pred": pred, "gold": d["gold"], "text": text})
    secs = time.perf_counter() - t0
    out: dict[str, Any] = {"documents": len(docs), "pipeline": ",".join(nlp.pipe_names), **tally.scores()}
    out["chars_per_s"] = round(chars / secs) if secs else None
    if details:
        out["_details"] = errors
    return out


if __name__ == "__main__":  # python -m newsgraph.evaluate.quotes DIR [LIMIT|all] [comp1,comp2,...]
    import sys

    pipe_arg = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    res = run(
        Path(sys.argv[1]),
        int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "all" else None,
        pipe=pipe_arg,
    )
    print(json.dumps(res, indent=1, ensure_ascii=False))
