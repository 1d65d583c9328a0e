"""Fixtures for the ingestion tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # ingest_helpers

from newsgraph.ingest import IngestError, iter_inputs  # noqa: E402
from newsgraph.model import Document  # noqa: E402


@pytest.fixture
def ingest() -> Callable[..., list[Document | IngestError]]:
    """Ingest paths (or "-") into a list of Documents and IngestErrors."""

    def run(inputs: Sequence[str | Path], warnings: list[str] | None = None) -> list[Document | IngestError]:
        return list(iter_inputs([str(i) for i in inputs], encoding_warnings=warnings))

    return run
