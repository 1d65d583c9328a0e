"""Cross-source comparison at scale: 10,000 documents' claims compared (a benchmark, not a test).

    python benchmarks/compare.py [--documents 10000] [--story-size 8] [--db FILE]

Claims are derived from real ones: the example corpus is run once through the workflow (``--db`` keeps
that database), its claims are read as the comparison step reads them (``resolve.claims.claims_of``),
and then copied into ``--documents`` synthetic documents: stories of ``--story-size`` documents, each
document one real document's claims with its own id, story, publication date (one story a day) and
values jittered (a share of them by a factor that makes a conflict). Two timings:

1. ``compare()`` over all claims (alignment, intervals, verdicts, notes): the target is under 60 s;
2. the same with every claim in one story (no story split: the worst case for the grouping).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def real_claims(db: Path) -> list[list]:
    """Per example document, its claims (the workflow run once on examples/articles)."""
    from newsgraph import workflow
    from newsgraph.resolve.claims import claims_of
    from newsgraph.store import open_db, reads

    conn = open_db(db)
    if not conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
        workflow.ingest(conn, [str(ROOT / "examples" / "articles")])
        workflow.analyze(conn, workflow.pending_documents(conn))
        workflow.resolve(conn)
    names = {e.id: e.name for e in reads.entities(conn)}
    out = []
    for d in reads.documents(conn):
        claims = claims_of(d, reads.analysis(conn, d.id), names)
        if claims:
            out.append(claims)
    return out


def synthesize(templates: list[list], documents: int, story_size: int, seed: int = 8) -> list:
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    claims = []
    for n in range(documents):
        story = n // story_size
        day = (start + timedelta(days=story % 365)).isoformat()
        doc = f"doc{n:06d}"
        for c in templates[n % len(templates)]:
            factor = rng.choice((1.0, 1.0, 1.0, 1.02, 0.98, 3.0))  # one in six: a figure that conflicts
            claims.append(
                replace(
                    c,
                    id=f"{doc}-{c.id}",
                    doc=doc,
                    story=f"s{story:05d}",
                    published=day,
                    value=c.value * factor,
                    text=c.text if factor == 1.0 else f"{c.value * factor:.0f}",
                )
            )
    return claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--story-size", type=int, default=8)
    ap.add_argument("--db", type=Path, help="database of the example corpus, built once and reused")
    args = ap.parse_args()

    from newsgraph.resolve.compare import compare

    db = args.db or Path(tempfile.mkdtemp(prefix="newsgraph-compare-")) / "examples.db"
    templates = real_claims(db)
    claims = synthesize(templates, args.documents, args.story_size)
    result: dict = {"documents": args.documents, "claims": len(claims), "template_documents": len(templates)}

    t0 = time.perf_counter()
    comparisons = compare(claims)
    seconds = time.perf_counter() - t0
    result["by_story"] = {
        "seconds": round(seconds, 2),
        "comparisons": len(comparisons),
        "conflicts": sum(c.verdict == "conflict" for c in comparisons),
        "claims_per_s": round(len(claims) / seconds),
        "under_a_minute": seconds < 60,
    }
    one_story = [replace(c, story=None) for c in claims]
    t0 = time.perf_counter()
    comparisons = compare(one_story)
    seconds = time.perf_counter() - t0
    result["one_story"] = {
        "seconds": round(seconds, 2),
        "comparisons": len(comparisons),
        "conflicts": sum(c.verdict == "conflict" for c in comparisons),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
