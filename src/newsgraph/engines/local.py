"""The local engine: a process pool, one pipeline per worker, results in input order.

``workers=1`` runs in this process; the output is identical either way because
``analyze`` is a pure function of the document.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsgraph import settings
from newsgraph.engines.base import EngineError, Outcome, analyze_safely
from newsgraph.model import Document


def _warm_up() -> None:
    from newsgraph.nlp import pipeline

    pipeline.get()


def analyze_many(documents: Iterable[Document], workers: int | None = None) -> Iterator[Outcome]:
    workers = workers or settings.default_workers()
    if workers <= 1:
        for document in documents:
            yield analyze_safely(document)
        return
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up) as pool:
            yield from pool.map(analyze_safely, documents, chunksize=settings.ANALYZE_CHUNKSIZE)
    except BrokenProcessPool as exc:
        raise EngineError(
            "a worker process died (out of memory, or the pipeline failed to load in it); "
            "run with --workers 1 to see the error"
        ) from exc
