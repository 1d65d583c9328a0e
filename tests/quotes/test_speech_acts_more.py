"""Reported speech acts, fifth session: the perfect with a named subject, a relative clause before the verb,
and the right bracket of a perfect (``speech_acts``; data in speech_acts.toml)."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import speech_acts
from newsgraph.lang import load_toml

from . import rules

PERFECT = load_toml("de", "quotes/speech_acts.toml")["perfect"]


def test_perfect_kinds_are_speaker_kinds():
    assert set(PERFECT["speaker_kinds"]) <= speech_acts.SPEAKER_KINDS
    assert speech_acts.perfect_speakers("de") == frozenset(PERFECT["speaker_kinds"])


def test_perfect_with_a_named_subject_is_reported(tagged_quotes):
    text = PERFECT["example"]
    quotes = tagged_quotes(text)
    assert [q.kind for q in quotes] == ["reported"], text
    assert quotes[0].speaker_text == PERFECT["speaker"]
    assert (quotes[0].start, quotes[0].end) == (0, len(text.rstrip(".")))


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt Düsseldorf, die am Flughafen beteiligt ist, fordert den Rückbau der Bahn.",
        "Die Gutachter, die die Maschine bereits untersuchten, gehen von einem Totalschaden aus.",
    ],
)
def test_a_relative_clause_before_the_verb_is_skipped(text, tagged_nlp):
    acts = rules.acts(tagged_nlp, text)
    assert [f.kind for f in acts] == ["reported"], text


@pytest.mark.parametrize(
    "text",
    [
        "Der Tropensturm hat sich wie erwartet zu einem Hurrikan entwickelt.",  # the right bracket
        "Die Polizei will die Anwohner um Hinweise bitten.",  # a modal: an intention, no report
        "Die Stadt, die am Flughafen beteiligt ist, baut eine neue Bahn.",  # no speech act after it
    ],
)
def test_not_an_act(text, tagged_nlp):
    assert not rules.acts(tagged_nlp, text), text


def test_main_verb_takes_the_participle_at_the_end_of_the_clause(tagged_nlp):
    from newsgraph.extract.quotes import lexicon, tokens

    doc = tagged_nlp.make_doc("Der Minister hat den Plan wie erwartet als Erfolg bezeichnet.")
    for name, proc in tagged_nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    v = tokens.view(doc)
    a, b = v.sents[0]
    mv = speech_acts.main_verb(v.toks, a, b, lexicon.load("de").coordination)
    assert mv is not None and mv[3] == "bezeichnen"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the particle after a verbless insertion between commas
        (
            "Die Staatsanwaltschaft gab am Montag, dem 27. März, die Einstellung des Verfahrens bekannt.",
            "Die",
        ),
        # the subject after a prefield adverb, with no article
        ("Auch Rettungskräfte berichten von zwei Explosionen in verschiedenen Zügen.", "Rettungskräfte"),
        # a fronted content clause: the subject follows the verb
        ("Dass auch nachts gearbeitet wurde, bezeichneten die Anwohner als Lärmbelästigung.", "die"),
    ],
)
def test_act_with_its_subject(text, speaker, tagged_nlp):
    v, found = rules.run(tagged_nlp, text)
    acts = rules.speech_acts_of(found)
    assert [f.kind for f in acts] == ["reported"], text
    assert acts[0].speaker is not None and v.toks[acts[0].speaker.a].text == speaker
    assert text[acts[0].start : acts[0].end] == text.rstrip(".")


def test_a_perfect_with_a_common_noun_subject_is_left_out(tagged_nlp):
    assert not rules.acts(tagged_nlp, "Die Gewerkschaft hat den Abbau von Arbeitsplätzen gefordert.")
    assert [
        f.kind for f in rules.acts(tagged_nlp, "Der Minister hat den Abbau von Arbeitsplätzen gefordert.")
    ] == ["reported"]


def test_a_relative_clause_with_a_modal_gives_way_to_the_act(tagged_nlp):
    text = "Im Schreiben fordert der Sprecher eine Waffenruhe, die von Beobachtern überwacht werden soll."
    found = rules.found(tagged_nlp, text)
    assert [(f.kind, f.start, f.end) for f in found] == [("reported", 0, len(text) - 1)]


def test_a_relative_clause_in_the_konjunktiv_stays_indirect_speech(tagged_nlp):
    text = "Die Zeitung berichtet von einem Ventil, das den Piloten zur Rückkehr bewogen hätte."
    found = rules.found(tagged_nlp, text)
    assert [f.kind for f in found] == ["indirect"], [(f.kind, text[f.start : f.end]) for f in found]


NEEDS = [e for e in load_toml("de", "quotes/speech_acts.toml")["act"] if e.get("needs")]


@pytest.mark.parametrize("entry", NEEDS, ids=lambda e: e["lemma"])
def test_needs_is_met_by_the_example(entry):
    words = {w.strip(".,").lower() for w in entry["example"].split()}
    assert words & set(entry["needs"]), entry["lemma"]
    assert speech_acts.needs("de")[entry["lemma"]] == frozenset(entry["needs"])


@pytest.mark.parametrize(
    "text",
    [
        "Als Zeichen gegen den Klimawandel gingen in Europa vielerorts die Lichter aus.",  # no "von"
        "Die Arithmetik und der Kalender sprechen für den Kandidaten.",  # not "sprechen von"
        "Kurz vor Weihnachten (die Zeitung berichtete) hatte die Behörde gegen drei Firmen ermittelt.",
    ],
)
def test_not_the_speech_sense(text, tagged_nlp):
    assert not rules.acts(tagged_nlp, text), text
