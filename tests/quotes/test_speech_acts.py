"""Reported speech acts (``speech_acts``): every entry of speech_acts.toml is run, and what must stay out."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import speech_acts
from newsgraph.lang import load_toml

from . import rules

ACTS = load_toml("de", "quotes/speech_acts.toml")["act"]


def test_entries_are_well_formed():
    lemmas = [e["lemma"] for e in ACTS]
    assert len(lemmas) == len(set(lemmas)), "a lemma is listed twice"
    for e in ACTS:
        assert e["lemma"].islower() and e["example"] and e["speaker"] in e["example"], e["lemma"]
    assert speech_acts.lemmas("de") == frozenset(lemmas)


@pytest.mark.parametrize("entry", ACTS, ids=lambda e: e["lemma"])
def test_example_is_reported_with_its_speaker(entry, tagged_quotes):
    text = entry["example"]
    quotes = tagged_quotes(text)
    assert len(quotes) == 1, (entry["lemma"], [(q.kind, q.text) for q in quotes])
    q = quotes[0]
    assert q.kind == "reported"
    assert (q.start, q.end) == (0, len(text.rstrip(".")))
    assert q.speaker_text == entry["speaker"]
    assert q.cue is not None


@pytest.mark.parametrize(
    "text",
    [
        "Plädiert der Senator für eine Erweiterung der Befugnisse?",  # a question
        "Hier rechnet man mit einem Pegelstand von 5,90 Metern.",  # the generic pronoun
        "Der Senator hat für eine Erweiterung der Befugnisse plädiert.",  # a perfect with a common noun
        "Für eine Erweiterung der Befugnisse wird plädiert.",  # a passive without its agent
        "Die Polizei fand einen Abschiedsbrief im Haus des Mannes.",  # no speech act
    ],
)
def test_not_a_reported_speech_act(text, tagged_nlp):
    assert not rules.acts(tagged_nlp, text), text


def test_untagged_text_finds_nothing(quotes_nlp):
    assert not rules.acts(quotes_nlp, "Der Senator plädiert für eine Erweiterung der Befugnisse.")


def test_a_sentence_with_another_quote_is_left_alone(tagged_nlp):
    assert not rules.acts(tagged_nlp, "Der Senator plädiert für eine „deutliche Erweiterung“ der Befugnisse.")


def test_the_stage_alone_finds_an_act(tagged_nlp):
    acts = rules.acts(tagged_nlp, "Der Senator plädiert für eine Erweiterung der Befugnisse.")
    assert [f.kind for f in acts] == ["reported"]


PASSIVE = load_toml("de", "quotes/speech_acts.toml")["passive_agent"]


def test_passive_with_its_agent_is_reported(tagged_quotes):
    text = PASSIVE["example"]
    quotes = tagged_quotes(text)
    assert [q.kind for q in quotes] == ["reported"], text
    assert quotes[0].speaker_text == PASSIVE["speaker"]


def test_an_apposition_before_the_verb_is_skipped(tagged_nlp):
    text = (
        "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als verantwortungsbewusst."
    )
    acts = rules.acts(tagged_nlp, text)
    assert [f.kind for f in acts] == ["reported"], text
