"""A message of the sentence classifier closed by ", so X weiter" is X's, not a continuation of the quote
before (``Selector.so_after``, settings.QUOTES_SENTENCE_SO_SPEAKER)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon, speaker_lexicon, tokens
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_select import SENTENCE_FRAME, Selector

LEX = lexicon.load("de")
WORDS = speaker_lexicon.load("de")
CASES = [
    (
        "Der Verband erklärte, die Preise seien gestiegen. "
        "Auch diese Entwicklung habe Methode, so Müller weiter.",
        "Der Verband",
        "Auch diese Entwicklung habe Methode",
        "Müller",
    ),
    (
        "Die Behörde teilte mit, der Zug sei entgleist. "
        "Derzeit werde geprüft, wie es weitergehen kann, so der Sprecher der Bahn.",
        "Die Behörde",
        "Derzeit werde geprüft, wie es weitergehen kann",
        "der Sprecher der Bahn",
    ),
]


@pytest.fixture(scope="module")
def tagged_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta", "ng_quotes"))


def _run(nlp, text: str, head: str, message: str) -> tuple[Selector, Found]:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    sel = Selector(tokens.view(doc), LEX, WORDS, [])
    a = sel.v.tok_at(text.index(head))
    np_ = NP(a, a + len(head.split()), "noun", a)
    first = Found("indirect", text.index(",") + 2, text.index("."), 0, np_)
    start = text.index(message)
    chars = first.inherited_speaker(sel.toks)
    cont = Found.continuing("free_indirect", start, start + len(message), 1, first, chars, SENTENCE_FRAME)
    sel.refine([first, cont])
    return sel, cont


def _speaker(sel: Selector, f: Found) -> str | None:
    if f.speaker is not None:
        return sel.v.text[sel.toks[f.speaker.a].start : sel.toks[f.speaker.b - 1].end]
    return None if f.speaker_chars is None else sel.v.text[f.speaker_chars[0] : f.speaker_chars[1]]


@pytest.mark.parametrize(("text", "head", "message", "expected"), CASES)
def test_so_closes_a_classified_message(tagged_nlp, monkeypatch, text, head, message, expected):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_SO_SPEAKER", True)
    sel, cont = _run(tagged_nlp, text, head, message)
    assert _speaker(sel, cont) == expected
    assert cont.source is None


@pytest.mark.parametrize(("text", "head", "message", "expected"), CASES)
def test_switch_off_keeps_the_continuation(tagged_nlp, monkeypatch, text, head, message, expected):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_SO_SPEAKER", False)
    sel, cont = _run(tagged_nlp, text, head, message)
    assert _speaker(sel, cont) == head


def test_no_so_after_the_message_keeps_the_continuation(tagged_nlp, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_SENTENCE_SO_SPEAKER", True)
    text = "Der Verband erklärte, die Preise seien gestiegen. Auch diese Entwicklung habe Methode."
    sel, cont = _run(tagged_nlp, text, "Der Verband", "Auch diese Entwicklung habe Methode")
    assert _speaker(sel, cont) == "Der Verband"
    assert not sel.so_after(cont)
