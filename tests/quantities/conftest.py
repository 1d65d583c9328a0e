"""Fixtures for the quantity tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from newsgraph import model
from newsgraph.nlp import pipeline

from .helpers import make_doc, run


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.build(("ng_quantities",))


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., list[model.Quantity]]:
    def _extract(text: str, **kw: Any) -> list[model.Quantity]:
        return run(nlp, make_doc(nlp, text, **kw))

    return _extract
