"""Verbs with a sense other than speech (``[[other_sense]]`` in verbs.toml): with one of the listed
object words in the clause ("Das Erdbeben forderte 92 Menschenleben") neither the "object" frame nor a
speech act gives a quote (settings.QUOTES_OTHER_SENSE; ``Lexicon.other_sense``)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon
from newsgraph.lang import load_toml

from . import rules

VERBS = load_toml("de", "quotes/verbs.toml")
OTHER = VERBS["other_sense"]


@pytest.mark.parametrize("entry", OTHER, ids=[e["name"] for e in OTHER])
def test_other_sense_entry_is_a_listed_verb(entry):
    assert any(v["name"] == entry["name"] for v in VERBS["verb"]), entry["name"]
    assert entry["name"] in lexicon.load("de").other_sense


@pytest.mark.parametrize("entry", OTHER, ids=[e["name"] for e in OTHER])
def test_other_sense_example_gives_no_quote(tagged_nlp, monkeypatch, entry):
    text = entry["example"]
    assert not rules.found(tagged_nlp, text), text
    monkeypatch.setattr(settings, "QUOTES_OTHER_SENSE", False)
    assert rules.found(tagged_nlp, text), text


def test_speech_sense_stays(tagged_nlp):
    text = "Die Opposition forderte den Rücktritt des Ministers."
    assert rules.found(tagged_nlp, text), text
