"""The learned speaker ranker: its model file, its candidates, the switch, and sentences it must get right."""

from __future__ import annotations

import json

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon, linear, speaker_lexicon, speaker_rank, tokens
from newsgraph.extract.quotes.extractor import extract
from newsgraph.extract.quotes.speaker_select import Selector
from newsgraph.lang import resource

LEX = lexicon.load("de")
WORDS = speaker_lexicon.load("de")

# text, the speaker phrase the quote must get (None: no speaker)
CASES = [
    ("Der Minister sagte, die Lage sei ernst.", "Der Minister"),
    ("„Wir werden das prüfen“, sagte die Sprecherin der Stadt.", "die Sprecherin der Stadt"),
    ("Angela Merkel kündigte an, sie werde im Herbst nach Paris reisen.", "Angela Merkel"),
    ("Die Polizei nahm einen Mann fest, der behauptete, er sei unschuldig.", "der"),
    ("In einem Bericht der Zeitung wurde vermutet, die Firma sei pleite.", "In einem Bericht der Zeitung"),
    ("Nach Angaben der Polizei sei der Täter geflohen.", "Angaben der Polizei"),
]


@pytest.fixture(scope="module")
def tagged_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta", "ng_quotes"))


def _prepared(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    return doc


def test_model_file():
    model = linear.load("de", speaker_rank.MODEL)
    assert model is not None, "lang/de/quotes/speaker_model.json is missing"
    assert model.classes == ("no", "yes")
    assert model.weights.shape == (len(model.index), 2)
    data = json.loads(resource("de", f"quotes/{speaker_rank.MODEL}.json").read_text(encoding="utf-8"))
    assert "train" in data["trained_on"]
    dev = data["figures"]["dev"]  # shipped only because it beats the rules on dev
    assert dev["ranker"] > dev["rules"]


def test_candidates_hold_the_rule_pick_and_no_speaker(tagged_nlp):
    doc = _prepared(tagged_nlp, "Die Polizei war vor Ort. Ihr Sprecher sagte, der Täter sei geflohen.")
    v = tokens.view(doc)
    found = extract(v, LEX)
    assert found
    sel = Selector(v, LEX, WORDS, [])
    sel.refine(found)
    blocked = speaker_rank.blocked_tokens(sel, found)
    cands = speaker_rank.candidates(sel, found[0], blocked, None)
    assert cands[-1].a < 0 and "none" in cands[-1].origins
    assert any("rule" in c.origins for c in cands)
    assert all(c.feats for c in cands)
    texts = {v.text[v.toks[c.a].start : v.toks[c.b - 1].end] for c in cands if c.a >= 0}
    assert "Die Polizei" in texts  # the sentence before is searched too


@pytest.mark.parametrize("text,want", CASES, ids=[c[0][:30] for c in CASES])
def test_ranker_speakers(analyze_text, monkeypatch, text, want):
    monkeypatch.setattr(settings, "QUOTES_SPEAKER_RANKER", True)
    quotes = analyze_text(text).quotes
    assert quotes, text
    assert quotes[0].speaker_text == want


def test_switch_off_skips_the_ranker(analyze_text, monkeypatch):
    def boom(*_args):
        raise AssertionError("ranker called although switched off")

    monkeypatch.setattr(settings, "QUOTES_SPEAKER_RANKER", False)
    monkeypatch.setattr(speaker_rank, "rerank", boom)
    assert analyze_text("Der Minister sagte, die Lage sei ernst.").quotes


def test_no_model_keeps_the_rules(tagged_nlp, monkeypatch):
    monkeypatch.setattr(speaker_rank.linear, "load", lambda *_a: None)
    doc = _prepared(tagged_nlp, "Der Minister sagte, die Lage sei ernst.")
    v = tokens.view(doc)
    found = extract(v, LEX)
    sel = Selector(v, LEX, WORDS, [])
    sel.refine(found)
    before = [(f.speaker.a, f.speaker.b) if f.speaker else None for f in found]
    speaker_rank.rerank(sel, found)
    assert [(f.speaker.a, f.speaker.b) if f.speaker else None for f in found] == before


def test_a_failing_ranker_keeps_the_rules(analyze_text, monkeypatch):
    def boom(*_args):
        raise RuntimeError("broken model")

    monkeypatch.setattr(settings, "QUOTES_SPEAKER_RANKER", True)
    monkeypatch.setattr(speaker_rank, "rerank", boom)
    quotes = analyze_text("Der Minister sagte, die Lage sei ernst.").quotes
    assert [q.speaker_text for q in quotes] == ["Der Minister"]
