"""The pipeline fingerprint names everything that changes an analysis, so a change re-analyzes."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.nlp import pipeline


def test_fingerprint_names_components_in_order() -> None:
    assert pipeline.fingerprint(["a", "b"]) != pipeline.fingerprint(["b", "a"])


def test_fingerprint_changes_with_the_ner_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "NER_MODEL", "fast")
    fast = pipeline.fingerprint(settings.PIPELINE)
    monkeypatch.setattr(settings, "NER_MODEL", "accurate")
    assert pipeline.fingerprint(settings.PIPELINE) != fast
