"""Reported speech acts, sixth session: a naming act in the passive without its agent after "als" + noun,
and a coordinated list of subjects before the act's verb (``speech_acts``; data in speech_acts.toml)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import lexicon, speech_acts, tokens
from newsgraph.lang import load_toml

from . import rules

AGENTLESS = load_toml("de", "quotes/speech_acts.toml")["passive_agentless"]


def test_agentless_entry_is_well_formed():
    assert AGENTLESS["lemmas"] and AGENTLESS["openers"]
    assert set(AGENTLESS["lemmas"]) <= speech_acts.lemmas("de"), "an agentless act must be a listed act"
    assert AGENTLESS["example"].split()[0].lower() in AGENTLESS["openers"]


def test_agentless_example_is_reported_without_a_speaker(tagged_nlp):
    text = AGENTLESS["example"]
    acts = rules.acts(tagged_nlp, text)
    assert [(f.kind, f.speaker) for f in acts] == [("reported", None)], text
    assert text[acts[0].start : acts[0].end] == text.rstrip(".")
    assert acts[0].cue_text is not None


def test_agentless_switch_off(tagged_nlp, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_SPEECH_ACT_AGENTLESS", False)
    assert not rules.acts(tagged_nlp, AGENTLESS["example"])


@pytest.mark.parametrize(
    "text",
    [
        "Die Ursache des Unglücks wurde nicht genannt.",  # no opener: a passive without its agent
        "Als Ursache wurde ein Herzinfarkt vermutet.",  # not a listed naming act
        "Als Grund wird für eine Erweiterung der Befugnisse plädiert.",  # a listed act, not a naming one
    ],
)
def test_agentless_passive_left_out(text, tagged_nlp):
    assert not rules.acts(tagged_nlp, text), text


LIST_TEXT = (
    "Die Organisationen Transparency International, Campact und LobbyControl werfen dem Minister Lügen vor."
)


def test_a_list_of_subjects_before_the_verb(tagged_nlp):
    v, found = rules.run(tagged_nlp, LIST_TEXT)
    acts = rules.speech_acts_of(found)
    assert [f.kind for f in acts] == ["reported"], LIST_TEXT
    assert LIST_TEXT[acts[0].start : acts[0].end] == LIST_TEXT.rstrip(".")
    assert acts[0].speaker is not None and v.toks[acts[0].speaker.a].text == "Die"


def test_a_list_of_subjects_switch_off(tagged_nlp, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_SPEECH_ACT_LIST", False)
    assert not rules.acts(tagged_nlp, LIST_TEXT)


def _view(nlp, text: str) -> tokens.View:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    return tokens.view(doc)


@pytest.mark.parametrize(
    ("text", "ends_at"),
    [
        (LIST_TEXT, "LobbyControl"),
        ("Die Firma, die den Vertrag schloss, fordert Geld.", None),  # a relative clause: no list
        ("Die Firma, Hersteller der Maschinen, fordert Geld.", None),  # an apposition: no coordination
    ],
)
def test_list_end(text, ends_at, tagged_nlp):
    v = _view(tagged_nlp, text)
    a, b = v.sents[0]
    comma = next(i for i in range(a, b) if v.toks[i].text == ",")
    end = speech_acts.list_end(v.toks, comma, b, lexicon.load("de").coordination)
    assert (v.toks[end].text if end is not None else None) == ends_at


@pytest.mark.parametrize(
    ("text", "is_act"),
    [
        ("Der Minister hatte die Lage für ernst gehalten.", True),  # "für" before the participle
        ("Der Minister hatte eine Rede gehalten, die für Aufsehen sorgte.", False),  # only after it
    ],
)
def test_a_needed_word_comes_before_the_participle(text, is_act, tagged_nlp):
    assert bool(rules.acts(tagged_nlp, text)) == is_act, text
