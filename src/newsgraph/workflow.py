"""The main job's steps over the store: ingest inputs, analyze pending documents, resolve the corpus.

The CLI calls these; each step is one write path into SQLite and safe to re-run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsgraph import settings
from newsgraph.engines import AnalysisFailure, analyze_many
from newsgraph.model import Document
from newsgraph.nlp import pipeline
from newsgraph.store import reads, writes

Tick = Callable[[str], None]  # progress callback: called with a short label per item


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    known: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class AnalyzeSummary:
    analyzed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def ingest(
    conn: sqlite3.Connection, inputs: Sequence[str], tick: Tick | None = None, batch: int = 200
) -> IngestSummary:
    """Read every input into documents and store the new ones; failures are recorded, not raised."""
    from newsgraph.ingest import IngestError, iter_inputs

    summary = IngestSummary()
    pending: list[Document] = []

    def flush() -> None:
        new, known = writes.put_documents(conn, pending)
        summary.new += new
        summary.known += known
        pending.clear()

    for item in iter_inputs(inputs, encoding_warnings=summary.warnings):
        if isinstance(item, IngestError):
            summary.failed.append((item.path, item.reason))
        else:
            pending.append(item)
            if len(pending) >= batch:
                flush()
        if tick:
            tick(item.path or "")
    flush()
    writes.put_failures(conn, [(path, "ingest", reason) for path, reason in summary.failed])
    return summary


def pending_documents(conn: sqlite3.Connection, force: bool = False) -> list[str]:
    """Ids of the documents that need analysis: never analyzed, or analyzed by another pipeline."""
    if force:
        return [d.id for d in reads.documents(conn)]
    return reads.unanalyzed(conn, pipeline.fingerprint(settings.PIPELINE))


def analyze(
    conn: sqlite3.Connection,
    ids: Iterable[str],
    engine: str = "local",
    workers: int | None = None,
    tick: Tick | None = None,
) -> AnalyzeSummary:
    """Analyze the given documents in parallel and store each result as it arrives."""
    summary = AnalyzeSummary()
    ids = list(ids)

    def documents() -> Iterable[Document]:
        for start in range(0, len(ids), 500):  # stream from the database in slices
            chunk = ids[start : start + 500]
            known = reads.known_names(conn, chunk)
            for d in reads.documents(conn, chunk):
                d.known_names = known.get(d.id, [])
                yield d

    for outcome in analyze_many(documents(), engine=engine, workers=workers):
        if isinstance(outcome, AnalysisFailure):
            summary.failed.append((outcome.path or outcome.doc, outcome.reason))
            writes.put_failures(conn, [(outcome.path or outcome.doc, "analyze", outcome.reason)])
        else:
            writes.put_analysis(conn, outcome)
            summary.analyzed += 1
        if tick:
            tick(outcome.doc)
    return summary


def resolve(conn: sqlite3.Connection) -> dict[str, int]:
    """Corpus-wide steps, in order; each reads what the previous ones wrote."""
    from newsgraph.resolve import steps

    return {name: step(conn) for name, step in steps.STEPS}
