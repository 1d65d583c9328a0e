"""examples/: every planted number (gold.toml [[quantity]]) with the right value, range, unit, qualifier
and rank; the dates and years listed under [[not_quantity]] are not read as quantities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsgraph import model

from .gold_examples import compare, documents, load_gold, locate
from .helpers import make_doc, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not (EXAMPLES / "gold.toml").exists():
        pytest.skip("examples/gold.toml is not present")
    return load_gold(EXAMPLES)


@pytest.fixture(scope="module")
def extracted(nlp: Language, gold: dict[str, Any]) -> dict[str, tuple[str, list[model.Quantity]]]:
    out = {}
    for key, document in documents(EXAMPLES, gold).items():
        # the gold name mentions stand in for NER (which runs before ng_quantities in the pipeline)
        names = sorted(
            {(n, e["type"]) for e in gold["entity"] for n in e.get("names", {}).get(key, [])},
            key=lambda m: -len(m[0]),
        )
        doc = make_doc(nlp, document.text, doc_id=document.id, source=document.source, mentions=names)
        out[key] = (document.text, run(nlp, doc))
    return out


def test_planted_numbers(gold: dict[str, Any], extracted: dict) -> None:
    wrong = []
    for q in gold["quantity"]:
        if q["doc"] not in extracted:
            wrong.append((q["id"], "document not ingested"))
            continue
        text, found = extracted[q["doc"]]
        span = locate(text, q)
        errs = ["not in text"] if span is None else compare(q, found, span)
        if errs and not q.get("optional"):
            wrong.append((q["id"], q["text"], errs))
    assert not wrong


def test_not_quantities(gold: dict[str, Any], extracted: dict) -> None:
    wrong = []
    for nq in gold.get("not_quantity", []):
        text, found = extracted[nq["doc"]]
        for needle in nq["texts"]:
            at = text.find(needle)
            while at >= 0:
                hits = [x.text for x in found if x.start < at + len(needle) and at < x.end]
                if hits:
                    wrong.append((nq["doc"], needle, hits))
                at = text.find(needle, at + 1)
    assert not wrong
