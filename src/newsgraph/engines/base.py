"""What every engine shares: the safe per-document call and its failure record."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from newsgraph.analyze import analyze
from newsgraph.model import Analysis, Document


class EngineError(RuntimeError):
    """The engine itself failed (not one document): a dead worker, a cluster that cannot start."""


@dataclass(slots=True)
class AnalysisFailure:
    doc: str
    path: str | None
    reason: str


Outcome = Analysis | AnalysisFailure


def analyze_safely(document: Document) -> Outcome:
    """``analyze`` that turns an exception into a failure naming the document (the run goes on)."""
    try:
        return analyze(document)
    except Exception as exc:  # one bad article must not stop the others
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
        return AnalysisFailure(document.id, document.path, f"{type(exc).__name__}: {exc}{where}")
