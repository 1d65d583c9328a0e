"""Stance verbs (``[[stance]]`` in verbs.toml): with only a nominal object they report an attitude, not
words ("Die ISAF bedauert den Vorfall"), so their "object" frame gives no quote
(settings.QUOTES_STANCE_OBJECT; ``Lexicon.stance``)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon
from newsgraph.lang import load_toml

from . import rules

VERBS = load_toml("de", "quotes/verbs.toml")
STANCE = VERBS["stance"]
OBJECT_FRAME = "object"


@pytest.mark.parametrize("entry", STANCE, ids=[e["name"] for e in STANCE])
def test_stance_entry_is_a_verb_with_an_object_frame(entry):
    senses = [v for v in VERBS["verb"] if v["name"] == entry["name"]]
    assert senses and any(OBJECT_FRAME in v["frames"] for v in senses), entry["name"]
    assert entry["name"] in lexicon.load("de").stance


@pytest.mark.parametrize("entry", STANCE, ids=[e["name"] for e in STANCE])
def test_stance_example_gives_no_object_quote(tagged_nlp, monkeypatch, entry):
    text = entry["example"]
    assert not [f for f in rules.found(tagged_nlp, text) if f.frame == OBJECT_FRAME], text
    monkeypatch.setattr(settings, "QUOTES_STANCE_OBJECT", False)
    assert [f for f in rules.found(tagged_nlp, text) if f.frame == OBJECT_FRAME], text
