"""Score NER on GermEval 2014 gold data: strict outer-chunk P/R/F1 (the official metric).

Reads the official 4-column TSV (``idx token outer inner``, BIO, ``#`` comment lines) and the
2-column BIOES files (``token TAG``, labels upper-cased such as ``LOCDERIV``). Labels are
normalized to the GermEval spelling (``LOC``, ``LOCderiv``, ``LOCpart``, ``OTH`` ...). A chunk
counts only when its label and its exact token boundaries both match (12 labels).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BASE_TYPES = ("PER", "LOC", "ORG", "OTH")
FORMS = ("", "deriv", "part")
LABELS: tuple[str, ...] = tuple(t + f for t in BASE_TYPES for f in FORMS)
_CANON = {label.upper(): label for label in LABELS}


@dataclass(slots=True)
class Sentence:
    words: list[str]
    tags: list[str]  # BIO or BIOES, labels normalized
    source: str = ""  # file:line of the first token, for error messages


def normalize_label(label: str) -> str:
    """``LOCDERIV``/``LOCderiv`` -> ``LOCderiv``; raises ``ValueError`` on an unknown label."""
    try:
        return _CANON[label.upper()]
    except KeyError:
        raise ValueError(f"unknown GermEval label {label!r}") from None


def _normalize_tag(tag: str, where: str) -> str:
    if tag == "O":
        return tag
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "I", "E", "S"):
        raise ValueError(f"{where}: bad tag {tag!r}")
    try:
        return f"{prefix}-{normalize_label(label)}"
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def read(path: Path, limit: int | None = None) -> Iterator[Sentence]:
    """Sentences of a GermEval TSV or BIOES file (format detected per line)."""
    path = Path(path)
    words: list[str] = []
    tags: list[str] = []
    start = ""
    count = 0
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("#\t") or (line.startswith("#") and "\t" in line and not tags):
                continue
            if not line.strip():
                if words:
                    yield Sentence(words, tags, start)
                    count += 1
                    words, tags = [], []
                    if limit is not None and count >= limit:
                        return
                continue
            where = f"{path}:{lineno}"
            cols = line.split("\t") if "\t" in line else line.split(" ")
            if len(cols) >= 4:
                word, tag = cols[1], cols[2]
            elif len(cols) == 2:
                word, tag = cols
            else:
                raise ValueError(f"{where}: expected 2 or 4 columns, got {len(cols)}")
            if not words:
                start = where
            words.append(word)
            tags.append(_normalize_tag(tag, where))
    if words and (limit is None or count < limit):
        yield Sentence(words, tags, start)


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """``(start, end, label)`` token chunks of a BIO or BIOES sequence (``end`` exclusive).

    Lenient about ill-formed input like conlleval: an ``I-``/``E-`` that does not continue a
    chunk of the same label starts a new one.
    """
    out: set[tuple[int, int, str]] = set()
    cur_start, cur_label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix in ("I", "E") and cur_label == label and cur_start >= 0
        if cur_start >= 0 and not continues:
            out.add((cur_start, i, cur_label))
            cur_start, cur_label = -1, ""
        if prefix in ("B", "S") or (prefix in ("I", "E") and not continues):
            cur_start, cur_label = i, label
        if prefix in ("S", "E") and cur_start >= 0:
            out.add((cur_start, i + 1, cur_label))
            cur_start, cur_label = -1, ""
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n_gold": n_gold, "n_pred": n_pred}


def score(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]) -> dict:
    """Strict chunk scores, overall, per 12 labels and per base type (PER/LOC/ORG/OTH, all forms)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for _, _, label in g:
            n_gold[label] += 1
        for _, _, label in p:
            n_pred[label] += 1
        for _, _, label in g & p:
            tp[label] += 1
    out: dict = {"overall": prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    for base in BASE_TYPES:
        labels = [base + f for f in FORMS]
        out[base] = prf(
            sum(tp[x] for x in labels), sum(n_pred[x] for x in labels), sum(n_gold[x] for x in labels)
        )
    out["labels"] = {x: prf(tp[x], n_pred[x], n_gold[x]) for x in LABELS if n_gold[x] or n_pred[x]}
    return out


def predict_tags(
    sentences: list[Sentence], model: str | None = None, rules: bool | None = None
) -> list[set[tuple[int, int, str]]]:
    """Token chunks predicted by the shipped NER component (model + gazetteer rules) on words."""
    import spacy
    from spacy.tokens import Doc

    from newsgraph import settings
    from newsgraph.nlp import ner, ner_rules

    tagger = ner.load_model(model)
    words = [s.words for s in sentences]
    pred = tagger.predict_words(words) if tagger is not None else [[] for _ in words]
    if not (settings.NER_RULES if rules is None else rules):
        return [set(p) for p in pred]
    vocab = spacy.blank(settings.DEFAULT_LANGUAGE).vocab
    out = []
    for w, chunks in zip(words, pred, strict=True):
        doc = Doc(vocab, words=w)
        out.append(set(ner.non_overlapping(ner_rules.apply(doc, list(chunks)))))
    return out


def run(path: Path, limit: int | None = None, model: str | None = None, rules: bool | None = None) -> dict:
    """Strict outer-chunk P/R/F1 (overall, per type, per label) and words/s of the NER component.

    ``model``: "fast" | "accurate" (default ``settings.NER_MODEL``); ``rules``: include the
    gazetteer layer (default ``settings.NER_RULES``), as the ``ng_ner`` component does.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"NER gold file not found: {path}")
    sentences = list(read(path, limit))
    if not sentences:
        raise ValueError(f"no sentences in {path}")
    gold = [chunks(s.tags) for s in sentences]
    n_words = sum(len(s.words) for s in sentences)
    from newsgraph.nlp import ner

    ner.load_model(model)  # load time is not part of the throughput
    t0, c0 = time.perf_counter(), time.process_time()
    pred = predict_tags(sentences, model, rules)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = score(gold, pred)
    from newsgraph import settings

    out["model"] = model or settings.NER_MODEL
    out["rules"] = settings.NER_RULES if rules is None else rules
    out["sentences"] = len(sentences)
    out["words"] = n_words
    out["seconds"] = round(elapsed, 2)
    out["words_per_s"] = round(n_words / elapsed) if elapsed else None
    # per core: CPU seconds of this process (fair on a shared machine; models run on one thread)
    out["cpu_seconds"] = round(cpu, 2)
    out["words_per_cpu_s"] = round(n_words / cpu) if cpu else None
    return out


if __name__ == "__main__":  # python -m newsgraph.evaluate.ner FILE [LIMIT] [MODEL]
    import json
    import sys

    args = sys.argv[1:]
    print(
        json.dumps(
            run(Path(args[0]), int(args[1]) if len(args) > 1 and args[1] else None, *(args[2:3] or [None])),
            indent=1,
        )
    )
