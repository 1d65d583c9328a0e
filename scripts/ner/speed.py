"""Throughput of the fast NER model, words per CPU second on one thread (cold and warm caches).

OMP_NUM_THREADS=1 python scripts/ner/speed.py [MODEL_DIR] [N_SENTENCES]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsgraph.evaluate.ner import read
from newsgraph.nlp import ner


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ner.MODELS_DIR / "ner-fast"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2200
    tagger = ner.FastTagger(path)
    sents = [s.words for s in read(Path("../shared/data/germeval2014/dev.tsv"), n)]
    words = sum(map(len, sents))
    for label in ("cold", "warm"):
        c0, t0 = time.process_time(), time.perf_counter()
        tagger.predict_words(sents)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        print(f"{label}: {words} words, {words / cpu:,.0f} words/CPU-s, {words / wall:,.0f} words/s wall")


if __name__ == "__main__":
    main()
