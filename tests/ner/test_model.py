"""The shipped NER models: quality floor on a dev slice, the seed articles, the spaCy component."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newsgraph.evaluate import ner as ev
from newsgraph.model import Document
from newsgraph.nlp import extensions, ner, pipeline

HERE = Path(__file__).parent
FAST = ner.MODELS_DIR / "ner-fast" / "config.cfg"
ACCURATE = ner.MODELS_DIR / "ner-accurate" / "model.onnx"
# pinned floors: measured F1 on the first DEV_SLICE dev sentences minus a small margin
DEV_SLICE = 300
FLOORS = {"fast": 0.69, "accurate": 0.80}  # slices measured: fast 0.714, accurate 0.832

needs_fast = pytest.mark.skipif(not FAST.exists(), reason="fast NER model not installed")
SEEDS = tomllib.loads((HERE / "seeds_entities.toml").read_text(encoding="utf-8"))["seed"]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(("ng_sentences", "ng_hanta", "ng_ner"))  # as in settings.PIPELINE


@needs_fast
def test_fast_f1_floor(shared_data: Path) -> None:
    res = ev.run(shared_data / "germeval2014" / "dev.tsv", limit=DEV_SLICE, model="fast")
    assert res["overall"]["f1"] >= FLOORS["fast"], res["overall"]


@pytest.mark.skipif(not ACCURATE.exists(), reason="accurate NER model not installed")
def test_accurate_f1_floor(shared_data: Path) -> None:
    res = ev.run(shared_data / "germeval2014" / "dev.tsv", limit=DEV_SLICE // 3, model="accurate")
    assert res["overall"]["f1"] >= FLOORS["accurate"], res["overall"]


@needs_fast
@pytest.mark.parametrize("seed", SEEDS, ids=[s["file"] for s in SEEDS])
def test_seed_entities(nlp, seeds_dir: Path, seed: dict) -> None:
    text = (seeds_dir / seed["file"]).read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    doc._.document = Document(id="seed", text=text)
    doc = nlp(doc)
    found = {(m.text, m.type) for m in extensions.records(doc, "mentions") if m.form == "name"}
    known = {tuple(x) for x in seed.get("known_misses", [])}
    missing = [(t, typ) for t, typ in seed["entities"] if (t, typ) not in found and (t, typ) not in known]
    assert not missing, f"not found with the right type: {missing}"
    share = 1 - len([e for e in seed["entities"] if tuple(e) not in found]) / len(seed["entities"])
    assert share >= 0.9


@needs_fast
def test_component_spans_and_forms(nlp) -> None:
    text = (
        "Der kasachische Präsident Kassym-Schomart Tokajew traf Wladimir Putin beim Moskau-Besuch im Kreml."
    )
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d1", text=text)
    doc = nlp(doc)
    mentions = extensions.records(doc, "mentions")
    assert all(text[m.start : m.end] == m.text and m.doc == "d1" for m in mentions)
    got = {(m.text, m.type, m.form) for m in mentions}
    assert ("Wladimir Putin", "PER", "name") in got
    assert ("kasachische", "LOC", "deriv") in got
    assert ("Moskau-Besuch", "LOC", "part") in got
    assert {e.label_ for e in doc.ents} <= {
        "PER",
        "ORG",
        "LOC",
        "MISC",
        "LOCderiv",
        "LOCpart",
        "ORGpart",
        "PERpart",
        "PERderiv",
        "ORGderiv",
        "MISCderiv",
        "MISCpart",
    }


@needs_fast
def test_empty_and_odd_input(nlp) -> None:
    for text in ["", "   ", "\n\n", "...", "a" * 5000]:
        doc = nlp(text)
        assert isinstance(extensions.records(doc, "mentions"), list)
