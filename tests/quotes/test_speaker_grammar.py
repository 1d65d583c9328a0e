"""The speaker grammar cases of ``speakers.toml``: phrase ends, word order, mistagged names, sources."""

from __future__ import annotations

import pytest

from newsgraph.lang import load_toml
from newsgraph.model import Document

CASES = load_toml("de", "quotes/speakers.toml")["grammar_case"]


@pytest.fixture(scope="module")
def ner_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta", "ng_ner", "ng_quotes"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_grammar_case(ner_nlp, case):
    from newsgraph.analyze import analyze

    text = case["example"]
    quotes = [
        q for q in analyze(Document(id="t", text=text), ner_nlp).quotes if q.text.startswith(case["message"])
    ]
    assert quotes, text
    q = quotes[0]
    a = text.index(case["speaker"], text.index(case.get("after", "")))
    b = a + len(case["speaker"])
    assert q.speaker_start is not None and q.speaker_start < b and a < q.speaker_end, q.speaker_text
    if "not_speaker" in case:
        c = text.index(case["not_speaker"])
        assert not (q.speaker_start < c + len(case["not_speaker"]) and c < q.speaker_end), q.speaker_text
