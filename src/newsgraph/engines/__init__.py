"""Where ``analyze`` runs: a local process pool (default) or Ray."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.engines.base import AnalysisFailure, EngineError, Outcome
from newsgraph.model import Document

ENGINES = ("local", "ray")


def analyze_many(
    documents: Iterable[Document], engine: str = "local", workers: int | None = None
) -> Iterator[Outcome]:
    """Analyze documents, yielding an ``Analysis`` or an ``AnalysisFailure`` for each, in input order."""
    if engine == "local":
        from newsgraph.engines.local import analyze_many as run
    elif engine == "ray":
        from newsgraph.engines.ray import analyze_many as run
    else:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return run(documents, workers=workers)


__all__ = ["ENGINES", "AnalysisFailure", "EngineError", "Outcome", "analyze_many"]
