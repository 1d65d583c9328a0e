"""Speaker conventions of the seventh session (``speaker_conventions``; data in speakers.toml):
a free indirect sentence's own subject before an indicative verb speaks it (``[own_subject]``), and a
passive naming act without its agent takes its speaker from the sentences before (``[agentless_context]``)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon, speaker_conventions
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.speaker_lexicon import load
from newsgraph.extract.quotes.speaker_select import Selector
from newsgraph.lang import load_toml

from . import rules

SPEAKERS = load_toml("de", "quotes/speakers.toml")
OWN = SPEAKERS["own_subject"]
AGENTLESS = SPEAKERS["agentless_context"]


@pytest.fixture(scope="module")
def selector_of(tagged_nlp):
    """A speaker selector over a tagged text (no NER), and the text's last sentence as a free indirect
    quote that continues a made-up earlier speaker (the first word)."""

    def run(text: str, start: str) -> tuple[Selector, Found]:
        v = rules.view(tagged_nlp, text)
        lex = lexicon.load("de")
        a = text.index(start)
        f = Found("free_indirect", a, len(text.rstrip(".")), 1, speaker_chars=(0, text.index(" ")))
        return Selector(v, lex, load("de"), None), f

    return run


def test_switches_are_on():
    assert settings.QUOTES_FREE_OWN_SUBJECT and settings.QUOTES_AGENTLESS_CONTEXT


def test_own_subject_example(selector_of):
    sel, f = selector_of(OWN["example"], OWN["message"])
    speaker_conventions.own_subjects(sel, [f])
    assert f.speaker is not None and f.speaker_chars is None and f.source is None
    text = OWN["example"]
    assert text[sel.toks[f.speaker.a].start : sel.toks[f.speaker.b - 1].end] == OWN["speaker"]


@pytest.mark.parametrize("text", OWN["counter_examples"])
def test_own_subject_left_alone(selector_of, text):
    sel, f = selector_of(text, OWN["speaker"])
    before = f.speaker_chars
    speaker_conventions.own_subjects(sel, [f])
    assert f.speaker is None and f.speaker_chars == before


def test_own_subject_continuations_follow(selector_of):
    sel, f = selector_of(OWN["example"], OWN["message"])
    g = Found.continuing("free_indirect", f.end, f.end + 1, 1, f, f.speaker_chars, "unit")
    speaker_conventions.own_subjects(sel, [f, g])
    assert g.speaker_chars == (sel.toks[f.speaker.a].start, sel.toks[f.speaker.b - 1].end)


def _agentless_quote(quotes: list) -> object:
    found = [q for q in quotes if q.text.startswith(AGENTLESS["message"])]
    assert found, [q.text for q in quotes]
    return found[0]


def test_agentless_context_example(tagged_quotes):
    q = _agentless_quote(tagged_quotes(AGENTLESS["example"]))
    assert q.kind == "reported" and q.speaker_text == AGENTLESS["speaker"], q.speaker_text


def test_agentless_context_switch_off(tagged_quotes, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_AGENTLESS_CONTEXT", False)
    assert _agentless_quote(tagged_quotes(AGENTLESS["example"])).speaker_text is None


RELATIVE = SPEAKERS["relative_clause"]


def _direct_relative_quote(tagged_quotes) -> object:
    quotes = [q for q in tagged_quotes(RELATIVE["direct_example"]) if q.text == RELATIVE["direct_quote"]]
    assert quotes, [q.text for q in tagged_quotes(RELATIVE["direct_example"])]
    return quotes[0]


def test_direct_quote_in_a_relative_clause(tagged_quotes):
    q = _direct_relative_quote(tagged_quotes)
    text = RELATIVE["direct_example"]
    a = text.index(RELATIVE["direct_speaker"]) + 2  # the pronoun after ", "
    assert settings.QUOTES_DIRECT_RELATIVE
    assert (q.speaker_start, q.speaker_end) == (a, a + len(RELATIVE["direct_speaker"]) - 2), q.speaker_text


def test_direct_quote_in_a_relative_clause_switch_off(tagged_quotes, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_DIRECT_RELATIVE", False)
    q = _direct_relative_quote(tagged_quotes)
    a = RELATIVE["direct_example"].index(RELATIVE["direct_speaker"]) + 2
    assert q.speaker_start != a, q.speaker_text


DOCUMENT = SPEAKERS["document_source"]


def _document_quote(tagged_quotes, text: str) -> object:
    quotes = [q for q in tagged_quotes(text) if q.text == DOCUMENT["quote"]]
    assert quotes, [q.text for q in tagged_quotes(text)]
    return quotes[0]


def test_document_source_example(tagged_quotes):
    assert settings.QUOTES_DIRECT_DOCUMENT and DOCUMENT["prepositions"]
    q = _document_quote(tagged_quotes, DOCUMENT["example"])
    assert q.speaker_text == DOCUMENT["speaker"], q.speaker_text


def test_document_source_keeps_a_named_speaker(tagged_quotes):
    q = _document_quote(tagged_quotes, DOCUMENT["counter_example"])
    assert q.speaker_text == DOCUMENT["counter_speaker"], q.speaker_text


def test_document_source_replaces_a_pronoun(selector_of):
    """The rule itself (the ranker of the full pipeline may have put the pronoun of the sentence before
    on the quote): a pronoun speaker gives way to the document."""
    from newsgraph.extract.quotes.speaker import NP

    text = DOCUMENT["example"]
    sel, f = selector_of(text, DOCUMENT["quote"])
    f.kind, f.end, f.speaker_chars = "direct", text.index(DOCUMENT["quote"]) + len(DOCUMENT["quote"]), None
    f.speaker = NP(0, 1, "pronoun", 0)
    speaker_conventions.document_sources(sel, [f])
    got = text[sel.toks[f.speaker.a].start : sel.toks[f.speaker.b - 1].end]
    assert got == DOCUMENT["speaker"], got
