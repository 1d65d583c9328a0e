"""Decision thresholds of the learned stages, seventh session: the sentence classifier keeps a unit with a
Konjunktiv I verb from a lower score (``sentences.keep_threshold``, settings.QUOTES_SENTENCE_KONJ_THRESHOLD),
and both stages take a fixed threshold from settings instead of the model's when one is set."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import linear, screen, sentences


@pytest.fixture(scope="module")
def sentence_model() -> linear.LinearModel:
    model = linear.load("de", sentences.MODEL)
    assert model is not None
    return model


def whole(ex) -> tuple[int, int, str]:
    return sentences.sentence_unit(ex, len(ex.v.sents) - 1)


@pytest.mark.parametrize(
    ("text", "konj"),
    [
        ("Die Lage sei nach wie vor sehr ernst.", True),  # Konjunktiv I
        ("Die Lage ist nach wie vor sehr ernst.", False),  # indicative
        ("Die Lage wäre nach wie vor sehr ernst.", False),  # Konjunktiv II only
    ],
)
def test_konjunktiv_unit_is_kept_from_a_lower_score(extractor_of, sentence_model, monkeypatch, text, konj):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_THRESHOLD", None)
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_KONJ_THRESHOLD", 0.2)
    ex = extractor_of(text)
    expected = 0.2 if konj else sentence_model.threshold
    assert sentences.keep_threshold(ex, sentence_model, whole(ex)) == pytest.approx(expected)


def test_konjunktiv_threshold_off(extractor_of, sentence_model, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_THRESHOLD", None)
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_KONJ_THRESHOLD", None)
    ex = extractor_of("Die Lage sei nach wie vor sehr ernst.")
    assert sentences.keep_threshold(ex, sentence_model, whole(ex)) == pytest.approx(sentence_model.threshold)


def test_fixed_sentence_threshold_and_never_above_it(extractor_of, sentence_model, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_THRESHOLD", 0.15)
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_KONJ_THRESHOLD", 0.2)
    ex = extractor_of("Die Lage sei nach wie vor sehr ernst.")
    # the Konjunktiv threshold only ever lowers the bar: above the fixed one it is ignored
    assert sentences.keep_threshold(ex, sentence_model, whole(ex)) == pytest.approx(0.15)


@pytest.mark.parametrize(("threshold", "kept"), [(0.0, True), (1.01, False)])
def test_fixed_screen_threshold(extractor_of, monkeypatch, threshold, kept):
    model = linear.load("de", screen.MODEL)
    assert model is not None
    ex = extractor_of("„Wir sind mit dem Ergebnis sehr zufrieden“, sagte die Trainerin nach dem Spiel.")
    assert ex.found
    monkeypatch.setattr(settings, "QUOTES_SCREEN_THRESHOLD", threshold)
    assert (screen.screen(ex, model) == ex.found) is kept
    if not kept:
        assert screen.screen(ex, model) == []
