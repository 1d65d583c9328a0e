"""The process pool gives exactly what the serial run gives, in the same order."""

from __future__ import annotations

from pathlib import Path

from newsgraph.engines import AnalysisFailure, analyze_many
from newsgraph.model import Document

TEXTS = [
    "Der Präsident von Kasachstan, Kasim-Yomart Tokajew, kündigte am Dienstag (11.11.2025) einen Besuch an.",
    "„Wir sind Partner“, sagte Putin am Mittwoch in Moskau. Der Umsatz betrug 27,8 Milliarden Dollar.",
    "Laut TASS trafen sich die Präsidenten gestern zu Gesprächen, die etwa drei Stunden dauerten.",
]


def _docs(seeds: list[Path]) -> list[Document]:
    docs = [Document(id=f"t{i}", text=t, published="2025-11-12") for i, t in enumerate(TEXTS)]
    docs += [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in seeds]
    return docs


def test_parallel_equals_serial(seeds_dir: Path) -> None:
    docs = _docs(sorted(seeds_dir.glob("*.txt")))
    serial = list(analyze_many(docs, workers=1))
    parallel = list(analyze_many(docs, workers=2))
    assert [a.doc for a in parallel] == [d.id for d in docs]
    assert not any(isinstance(a, AnalysisFailure) for a in serial)
    assert parallel == serial


def test_failure_names_the_document(monkeypatch) -> None:
    import newsgraph.engines.base as base

    def boom(document: Document):
        raise ValueError("broken on purpose")

    monkeypatch.setattr(base, "analyze", boom)
    [outcome] = list(analyze_many([Document(id="bad", text="x", path="bad.txt")], workers=1))
    assert isinstance(outcome, AnalysisFailure)
    assert outcome.path == "bad.txt" and "broken on purpose" in outcome.reason


def test_dead_worker_is_a_clear_error(monkeypatch) -> None:
    import pytest

    import newsgraph.engines.local as local
    from newsgraph.engines import EngineError

    class Broken:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def __enter__(self):
            from concurrent.futures.process import BrokenProcessPool

            raise BrokenProcessPool("worker died")

        def __exit__(self, *exc) -> None:
            return None

    monkeypatch.setattr(local, "ProcessPoolExecutor", Broken)
    with pytest.raises(EngineError, match="--workers 1"):
        list(analyze_many([Document(id="a", text="x")], workers=2))
