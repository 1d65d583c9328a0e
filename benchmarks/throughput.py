"""Throughput of the analysis pipeline over a real corpus.

    python benchmarks/throughput.py [--corpus FILE.jsonl] [--limit N] [--workers N]

Without ``--corpus`` it builds a JSONL corpus from ../shared/data/10kgnad/articles.csv
(1,028 Austrian newspaper articles). It reports docs/s, words/s and peak memory for
  1. spaCy's blank German tokenizer (the reference, timed in the same run),
  2. newsgraph's analysis in this process, with the share of time taken by each component,
  3. the whole job (ingest + analyze in a process pool + store) through the workflow,
  4. the corpus-wide steps after it (``resolve``), each timed, with what each did (for ``known_names``:
     the documents its second NER pass analyzed again),
and the ratios of 2, 3 and 4 against 1. A benchmark, not a test: figures go into notes.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNAD = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.csv"


def build_corpus(target: Path, limit: int | None) -> Path:
    csv.field_size_limit(sys.maxsize)
    with GNAD.open(encoding="utf-8") as fh, target.open("w", encoding="utf-8") as outfh:
        for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if limit is not None and i >= limit:
                break
            label, text = row[0], row[1]
            outfh.write(json.dumps({"id": f"gnad-{i:04d}", "text": text, "label": label}, ensure_ascii=False))
            outfh.write("\n")
    return target


def load_texts(corpus: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="JSONL corpus (objects with 'text'); default: 10kGNAD")
    ap.add_argument("--limit", type=int, default=300, help="number of documents (default 300; 0 = all)")
    ap.add_argument("--workers", type=int, default=0, help="worker processes for the whole-job run")
    args = ap.parse_args()
    limit = args.limit or None

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    corpus = args.corpus or build_corpus(tmp / "corpus.jsonl", limit)
    rows = load_texts(corpus, limit)
    texts = [r["text"] for r in rows]

    import spacy

    from newsgraph.analyze import analyze
    from newsgraph.model import Document
    from newsgraph.nlp import pipeline

    # 1. reference: blank German tokenizer
    ref = spacy.blank("de")
    t0 = time.perf_counter()
    words = sum(len(ref.make_doc(t)) for t in texts)
    ref_s = time.perf_counter() - t0

    # 2. newsgraph analysis in-process, per component
    nlp = pipeline.get()
    analyze(Document(id="warm", text=texts[0]), nlp)  # load models before timing
    per: dict[str, float] = defaultdict(float)
    timed = []
    for name, proc in nlp.pipeline:

        def wrapped(doc, _proc=proc, _name=name):
            s = time.perf_counter()
            r = _proc(doc)
            per[_name] += time.perf_counter() - s
            return r

        timed.append((name, wrapped))
    original = list(nlp.pipeline)
    nlp._components = [(n, w) for n, w in timed]  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    try:
        for i, text in enumerate(texts):
            s = time.perf_counter()
            nlp.make_doc(text)  # our tokenizer alone, timed apart (not counted in analyze_s below)
            per["tokenizer"] += time.perf_counter() - s
            analyze(Document(id=f"b{i}", text=text), nlp)
    finally:
        nlp._components = original  # type: ignore[attr-defined]
    # the loop tokenized every text twice (once timed apart, once inside analyze): count it once
    analyze_s = time.perf_counter() - t0 - per["tokenizer"]

    # 3. the whole job through the workflow (ingest + pool + SQLite)
    from newsgraph import workflow
    from newsgraph.store import open_db

    conn = open_db(tmp / "bench.db")
    t0 = time.perf_counter()
    workflow.ingest(conn, [str(corpus)])
    ids = workflow.pending_documents(conn)
    workflow.analyze(conn, ids, workers=args.workers or None)
    job_s = time.perf_counter() - t0

    # 4. the corpus-wide steps, one at a time
    from newsgraph.resolve import steps

    step_s: dict[str, float] = {}
    step_n: dict[str, int] = {}
    for name, step in steps.STEPS:
        t1 = time.perf_counter()
        step_n[name] = step(conn)
        step_s[name] = round(time.perf_counter() - t1, 3)
    resolve_s = sum(step_s.values())

    n = len(texts)
    result = {
        "documents": n,
        "words": words,
        "reference_tokenizer": {"seconds": round(ref_s, 3), "words_per_s": round(words / ref_s)},
        "analyze_in_process": {
            "seconds": round(analyze_s, 3),
            "docs_per_s": round(n / analyze_s, 2),
            "words_per_s": round(words / analyze_s),
            "ratio_to_reference": round(analyze_s / ref_s, 1),
            "components_share": {k: round(v / analyze_s, 3) for k, v in per.items()},
        },
        "whole_job": {
            "seconds": round(job_s, 3),
            "docs_per_s": round(n / job_s, 2),
            "words_per_s": round(words / job_s),
            "ratio_to_reference": round(job_s / ref_s, 1),
            "workers": args.workers or "cores",
        },
        "resolve": {
            "seconds": round(resolve_s, 3),
            "ratio_to_reference": round(resolve_s / ref_s, 1),
            "share_of_whole_job": round(resolve_s / (job_s + resolve_s), 3),
            "step_seconds": step_s,
            "step_counts": step_n,
        },
        "peak_memory_mb": round(peak_mb()),
        "pipeline": pipeline.fingerprint(nlp.pipe_names),
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
