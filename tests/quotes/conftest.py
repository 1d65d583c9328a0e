from __future__ import annotations

import pytest

from newsgraph.model import Document


@pytest.fixture(scope="session")
def quotes_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_quotes",))


@pytest.fixture(scope="session")
def analyze_text(quotes_nlp):
    from newsgraph.analyze import analyze

    def run(text: str, doc_id: str = "t"):
        return analyze(Document(id=doc_id, text=text), quotes_nlp)

    return run
