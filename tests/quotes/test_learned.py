"""The learned stages of ng_quotes: the model files, the numpy scorer, and examples from the data."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsgraph.extract.quotes import linear, screen, sentences
from newsgraph.lang import load_toml, resource

EXAMPLES = load_toml("de", "quotes/learned.toml")["example"]


@pytest.mark.parametrize("name", [screen.MODEL, sentences.MODEL])
def test_model_file(name):
    model = linear.load("de", name)
    assert model is not None, f"lang/de/quotes/{name}.json is missing"
    assert 0.0 < model.threshold < 1.0
    assert model.weights.shape == (len(model.index), len(model.classes))
    data = json.loads(resource("de", f"quotes/{name}.json").read_text(encoding="utf-8"))
    assert data["figures"]["train_5fold"]["f1"] > 0.6  # the figures it reached travel with the weights
    assert "train" in data["trained_on"]


def test_proba_is_a_distribution():
    model = linear.load("de", sentences.MODEL)
    p = model.proba(["bias", "konj1=1", "no such feature"])
    assert p.shape == (len(model.classes),)
    assert np.isclose(p.sum(), 1.0)


def test_bad_model_file_names_the_file(tmp_path, monkeypatch):
    bad = tmp_path / "de" / "quotes" / "broken_model.json"
    bad.parent.mkdir(parents=True)
    bad.write_text('{"classes": ["a"]}', encoding="utf-8")
    monkeypatch.setattr(linear, "ROOT", tmp_path)
    with pytest.raises(ValueError, match="broken_model.json"):
        linear.load.__wrapped__("de", "broken_model")
    assert linear.load.__wrapped__("de", "absent") is None


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_example(analyze_text, ex):
    quotes = analyze_text(ex["text"]).quotes
    if ex.get("none"):
        assert not quotes, [(q.kind, q.text) for q in quotes]
        return
    hits = [q for q in quotes if q.text.startswith(ex["quote"])]
    assert hits, [(q.kind, q.text) for q in quotes]
    assert hits[0].kind == ex["kind"]
    if "speaker" in ex:
        assert hits[0].speaker_text == ex["speaker"]
