"""Precision vetoes, seventh session: a classified unit in a question (``sentences.is_question``), a free
indirect unit whose only speaker is its own pronoun subject (``sentences.talked_about``), and a negated
speech act (``speech_acts.negated``; words and example in speech_acts.toml [negated])."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import sentences, speech_acts
from newsgraph.extract.quotes.candidates import Found
from newsgraph.lang import load_toml

from . import rules

NEGATED = load_toml("de", "quotes/speech_acts.toml")["negated"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Für wie wahrscheinlich halten Sie es, dass diesen Drohungen Taten folgen?", True),
        ("Der Minister fragte: „Wer soll das bezahlen?“", False),  # the question is quoted
        ("Die Kosten seien zu hoch, sagte der Minister.", False),
    ],
)
def test_is_question(extractor_of, text: str, expected: bool) -> None:
    ex = extractor_of(text)
    assert sentences.is_question(ex, len(ex.v.sents) - 1) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er soll ein Video der Tat bei Facebook hochgeladen haben.", True),  # hearsay about him
        ("Er habe ein Video der Tat bei Facebook hochgeladen.", False),  # Konjunktiv I: his words
    ],
)
def test_talked_about(extractor_of, text: str, expected: bool) -> None:
    ex = extractor_of(text)
    unit = sentences.sentence_unit(ex, 0)
    ms, me = ex.chars(unit[0], unit[1])
    q = sentences.sentence_quote(ex, 0, sentences.CONTINUATION, ms, me, None, unit)
    assert q.speaker is not None and q.speaker.kind == sentences.PRONOUN
    assert sentences.talked_about(ex, q, unit[0], unit[1]) is expected


def test_talked_about_not_a_continuation(extractor_of) -> None:
    ex = extractor_of("Er soll ein Video der Tat bei Facebook hochgeladen haben.")
    unit = sentences.sentence_unit(ex, 0)
    ms, me = ex.chars(unit[0], unit[1])
    src = Found("direct", 0, 1, 0)
    q = Found.continuing(sentences.CONTINUATION, ms, me, 0, src, (0, 1), "sentence")
    assert not sentences.talked_about(ex, q, unit[0], unit[1])


def test_negated_entry_is_well_formed() -> None:
    assert NEGATED["words"] and NEGATED["example"]
    assert speech_acts.negation_words("de") == frozenset(NEGATED["words"])
    assert any(w in NEGATED["example"].lower().split() for w in NEGATED["words"])


def test_negated_example_is_no_act(tagged_nlp) -> None:
    assert not rules.acts(tagged_nlp, NEGATED["example"]), NEGATED["example"]


def test_negated_switch_off(tagged_nlp, monkeypatch) -> None:
    monkeypatch.setattr(settings, "QUOTES_SPEECH_ACT_NEGATED", False)
    assert [f.kind for f in rules.acts(tagged_nlp, NEGATED["example"])] == ["reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Ursache wurde von den Behörden als unklar bezeichnet.",  # no negation
        "Ebenso plädierte auch Volker Beck dafür, dem Mann kein Visum zu erteilen.",  # negation in the clause
    ],
)
def test_not_negated_acts_stay(tagged_nlp, text: str) -> None:
    assert [f.kind for f in rules.acts(tagged_nlp, text)] == ["reported"], text
