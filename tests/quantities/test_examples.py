"""examples/: every planted number (gold.toml [[quantity]]) with the right value, range, unit, qualifier
and rank, and (through the real sentence, tagger, timex and quote components) its measure, subjects, time
and speaker; the dates and years listed under [[not_quantity]] are not read as quantities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsgraph import model
from newsgraph.nlp import pipeline

from .gold_examples import compare, documents, load_gold, locate, scope_checks
from .helpers import make_doc, run, spans

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not (EXAMPLES / "gold.toml").exists():
        pytest.skip("examples/gold.toml is not present")
    return load_gold(EXAMPLES)


def gold_names(gold: dict[str, Any], key: str) -> list[tuple[str, str]]:
    """The gold's name-form spellings in document ``key`` with their types, longest first."""
    return sorted(
        {(n, e["type"]) for e in gold["entity"] for n in e.get("names", {}).get(key, [])},
        key=lambda m: -len(m[0]),
    )


@pytest.fixture(scope="module")
def extracted(nlp: Language, gold: dict[str, Any]) -> dict[str, tuple[str, list[model.Quantity]]]:
    out = {}
    for key, document in documents(EXAMPLES, gold).items():
        # the gold name mentions stand in for NER (which runs before ng_quantities in the pipeline)
        names = gold_names(gold, key)
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


# Planted numbers whose scope one article alone does not give (the article never names the subject);
# the export lends them the subjects of the comparison that aligns them within their story
# (``store.contract.lent_subjects``, checked end to end by ``newsgraph eval examples``):
KNOWN_SCOPE_MISSES = {
    "q25": "subjects: a3 never names the pipeline whose 'Ausbau' it prices",
    "q63": "subjects: a7 ties 'des Ausbaus' to no name (the pipeline is only the article's topic)",
    "q46": "subjects: a6 never names Karakul (only cross-document resolution can)",
    "q47": "subjects: a6 never names Karakul",
    "q50": "subjects: the trade partners are 'Russland' and 'des Landes' (an anaphor to Usbekistan)",
    "q71": "speaker: the local paragraph of a wire copy (the export finds it against the original)",
}
SCOPE_COMPONENTS = ("ng_sentences", "ng_hanta", "ng_timex", "ng_quotes", "ng_quantities")


@pytest.fixture(scope="module")
def scoped(gold: dict[str, Any]) -> dict[str, tuple[str, list[model.Quantity]]]:
    """The real sentence, tagger, timex and quote components with the gold's names standing in for NER."""
    nlp = pipeline.build(SCOPE_COMPONENTS)
    out = {}
    for key, document in documents(EXAMPLES, gold).items():
        names = gold_names(gold, key)
        doc = make_doc(nlp, document.text, doc_id=document.id, source=document.source, mentions=names)
        doc._.document = document
        taken = [(m.start, m.end) for m in doc._.mentions]
        for e in gold["entity"]:
            for form in ("deriv", "part"):
                for spelling in (e.get(form) or {}).get(key, []):
                    for a, b in spans(document.text, spelling):
                        if not any(x <= a < y for x, y in taken):
                            doc._.mentions.append(model.Mention(document.id, a, b, spelling, e["type"], form))
        doc._.mentions.sort(key=lambda m: m.start)
        out[key] = (document.text, run(nlp, doc))
    return out


def test_planted_scope(gold: dict[str, Any], scoped: dict) -> None:
    """Measure, subjects, time and speaker of every planted number (examples/: every planted number right),
    but for the misses listed above."""
    outlets = {d["id"]: d.get("outlet") for d in gold["document"]}
    wrong = {}
    for q in gold["quantity"]:
        if q.get("optional"):
            continue
        text, found = scoped[q["doc"]]
        span = locate(text, q)
        hits = [x for x in found if span and x.start < span[1] and span[0] < x.end]
        assert hits, q["id"]
        x = min(hits, key=lambda x: abs(x.start - span[0]) + abs(x.end - span[1]))
        bad = [f for f, ok in scope_checks(gold, q, x, text, outlets[q["doc"]]).items() if not ok]
        if bad:
            wrong[q["id"]] = bad
    assert set(wrong) <= set(KNOWN_SCOPE_MISSES), {
        k: v for k, v in wrong.items() if k not in KNOWN_SCOPE_MISSES
    }
