"""Throughput of the German text processing on 10kGNAD articles (``label;'text'`` CSV, ``;`` delimiter,
``'`` quote char, no header): tokens/s of tokenizer + ``ng_sentences`` alone and with ``ng_hanta``.

The tagger is timed twice over the same articles: cold (a fresh process's caches) and warm (every
word seen before), which bound what a long run sees. Both wall-clock and CPU seconds are given:
on a shared machine the CPU figure is the stable one.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path


def read_articles(path: Path, limit: int | None = None) -> list[str]:
    """The texts of a 10kGNAD CSV file."""
    out = []
    with Path(path).open(newline="", encoding="utf-8") as handle:
        for lineno, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'"), 1):
            if len(row) < 2:
                raise ValueError(f"{path}:{lineno}: expected label;text")
            out.append(row[1])
            if limit is not None and len(out) >= limit:
                break
    return out


def _timed(nlp, texts: list[str]) -> tuple[int, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(nlp(text)) for text in texts)
    return tokens, time.perf_counter() - wall, time.process_time() - cpu


def run(path: Path, limit: int | None = 200) -> dict:
    from newsgraph.nlp import pipeline, tagger

    texts = read_articles(path, limit)
    began = time.perf_counter()
    tagger.hanta()
    load_s = time.perf_counter() - began
    base = pipeline.build(("ng_sentences",))
    full = pipeline.build(("ng_sentences", "ng_hanta"))
    n, base_wall, base_cpu = _timed(base, texts)
    _, cold_wall, cold_cpu = _timed(full, texts)
    _, warm_wall, warm_cpu = _timed(full, texts)

    def rate(seconds: float) -> int:
        return round(n / seconds) if seconds else 0

    return {
        "articles": len(texts),
        "tokens": n,
        "hanta_load_s": round(load_s, 2),
        "tokenize_sentences": {"tokens_per_s_cpu": rate(base_cpu), "tokens_per_s_wall": rate(base_wall)},
        "with_hanta_cold": {"tokens_per_s_cpu": rate(cold_cpu), "tokens_per_s_wall": rate(cold_wall)},
        "with_hanta_warm": {"tokens_per_s_cpu": rate(warm_cpu), "tokens_per_s_wall": rate(warm_wall)},
    }
