"""Throughput of the fast NER model, words per CPU second on one thread (cold and warm caches).

OMP_NUM_THREADS=1 python scripts/ner/speed.py [MODEL_DIR] [N_SENTENCES] [ROUNDS]

Each round loads the model afresh (new spaCy vocab, new e5 file and empty word caches; the load,
e5 file included, is timed on its own), then tags the first N_SENTENCES of GermEval dev in chunks
of 275 sentences, each chunk twice in a row: ``cold`` is the first time (a first pass over unseen
text: words new to the caches get their lexeme, SentencePiece pieces and e5 vector), ``warm`` the
second. Alternating the two chunk by chunk keeps drifts in machine load (a shared machine) out of
their ratio. The last line gives the median of the rounds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from newsgraph.evaluate.ner import read
from newsgraph.nlp import e5vectors, ner

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "germeval2014" / "dev.tsv"
CHUNK = 275  # sentences tagged cold, then warm


def one_round(path: Path, sents: list[list[str]]) -> dict[str, float]:
    words = sum(map(len, sents))
    e5vectors.lookup.cache_clear()
    c0 = time.process_time()
    tagger = ner.FastTagger(path)
    e5vectors.lookup()  # the e5 file is part of the model: loaded before the cold pass
    out = {"load_cpu_s": time.process_time() - c0}
    cpu = {"cold": 0.0, "warm": 0.0}
    for k in range(0, len(sents), CHUNK):
        part = sents[k : k + CHUNK]
        for label in ("cold", "warm"):
            c0 = time.process_time()
            tagger.predict_words(part)
            cpu[label] += time.process_time() - c0
    for label, seconds in cpu.items():
        out[label] = words / seconds
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ner.MODELS_DIR / "ner-fast"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2200
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    sents = [s.words for s in read(DEV, n)]
    words = sum(map(len, sents))
    results = []
    for r in range(rounds):
        res = one_round(path, sents)
        results.append(res)
        print(
            f"round {r + 1}: {words} words, load {res['load_cpu_s']:.2f} CPU-s, "
            f"cold {res['cold']:,.0f} words/CPU-s, warm {res['warm']:,.0f} words/CPU-s",
            flush=True,
        )
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(
        f"median of {rounds}: load {med['load_cpu_s']:.2f} CPU-s, cold {med['cold']:,.0f} words/CPU-s, "
        f"warm {med['warm']:,.0f} words/CPU-s"
    )


if __name__ == "__main__":
    main()
