"""Score sentence boundaries on CoNLL-U gold data (UD German GSD): boundary P/R/F1.

The running text of each document is rebuilt from the sentences' ``# text`` lines, joined by one
space (``# newdoc`` starts a new document; without markers, as in GSD, a whole file is one
paragraph, so no newline gives a boundary away). A boundary is the character offset where a gold
sentence starts, the document's first excepted; a predicted boundary counts when its offset
(first non-space character of a predicted sentence) is a gold one.
spaCy's rule-based ``sentencizer`` is scored on the same text as the reference.
"""

from __future__ import annotations

import time
from pathlib import Path

from spacy.language import Language

from newsgraph.evaluate import conllu


def documents(path: Path, limit: int | None = None) -> list[tuple[str, set[int]]]:
    """(text, gold sentence-start offsets without 0) for each document under ``path``."""
    files = sorted(Path(path).glob("*.conllu")) if Path(path).is_dir() else [Path(path)]
    if not files:
        raise FileNotFoundError(f"no .conllu file at {path}")
    docs: list[tuple[str, set[int]]] = []
    for file in files:
        parts: list[str] = []
        starts: set[int] = set()
        offset = 0
        for sent in conllu.read(file, limit):
            text = sent.text or " ".join(w.form for w in sent.words)
            if sent.newdoc and parts:
                docs.append(("".join(parts), starts))
                parts, starts, offset = [], set(), 0
            if parts:
                parts.append(" ")
                offset += 1
                starts.add(offset)
            parts.append(text)
            offset += len(text)
        if parts:
            docs.append(("".join(parts), starts))
    return docs


def predicted_starts(nlp: Language, text: str) -> set[int]:
    doc = nlp(text)
    out = set()
    for sent in doc.sents:
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        if start > 0 and start < len(text):
            out.add(start)
    return out


def score(nlp: Language, docs: list[tuple[str, set[int]]]) -> dict[str, float]:
    tp = fp = fn = 0
    began = time.perf_counter()
    for text, gold in docs:
        pred = predicted_starts(nlp, text)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "seconds": round(time.perf_counter() - began, 2),
    }


def errors(nlp: Language, docs: list[tuple[str, set[int]]], context: int = 40) -> list[str]:
    """Each wrong boundary with its context, for inspection."""
    out = []
    for text, gold in docs:
        pred = predicted_starts(nlp, text)
        for kind, offsets in (("FP", pred - gold), ("FN", gold - pred)):
            for off in sorted(offsets):
                out.append(f"{kind} …{text[max(0, off - context) : off]}|{text[off : off + context]}…")
    return out


def run(path: Path, limit: int | None = None) -> dict:
    """Boundary P/R/F1 of ``ng_sentences`` and of spaCy's ``sentencizer`` on the same text."""
    import spacy

    from newsgraph.nlp import pipeline

    docs = documents(path, limit)
    ours = pipeline.build(("ng_sentences",))
    base = spacy.blank("de")
    base.add_pipe("sentencizer")
    return {
        "ng_sentences": score(ours, docs),
        "spacy_sentencizer": score(base, docs),
        "documents": len(docs),
        "boundaries": sum(len(g) for _, g in docs),
    }
