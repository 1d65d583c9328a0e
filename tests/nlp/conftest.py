"""Pipelines shared by the nlp tests (built once per session: HanTa loads once)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp import pipeline


@pytest.fixture(scope="session")
def nlp_sents() -> Language:
    """Tokenizer fixes + ng_sentences."""
    return pipeline.build(("ng_sentences",))


@pytest.fixture(scope="session")
def nlp_tagged() -> Language:
    """Tokenizer fixes + ng_sentences + ng_hanta."""
    return pipeline.build(("ng_sentences", "ng_hanta"))
