"""The Ray engine (``--engine ray``): the same pure ``analyze`` as Ray tasks, for clusters.

Ray is an optional dependency (``pip install ray``); it is not needed on one machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.engines.base import EngineError, Outcome, analyze_safely
from newsgraph.model import Document


def analyze_many(documents: Iterable[Document], workers: int | None = None) -> Iterator[Outcome]:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EngineError("the ray engine needs Ray: pip install 'ray[default]'") from exc
    if not ray.is_initialized():
        ray.init(num_cpus=workers, include_dashboard=False, ignore_reinit_error=True)
    task = ray.remote(analyze_safely)
    window = max(2, (workers or 2) * 4)
    pending = []
    for document in documents:
        pending.append(task.remote(document))
        if len(pending) >= window:
            yield ray.get(pending.pop(0))
    for ref in pending:
        yield ray.get(ref)
