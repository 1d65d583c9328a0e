"""Own sentences: the frames of direct, indirect, reported and free indirect speech."""

from __future__ import annotations

import pytest

CASES = [
    # text, quote text, kind, speaker text
    ("„Das ist gut“, sagte der Minister.", "„Das ist gut“", "direct", "der Minister"),
    ("Der Minister sagte: „Das ist gut.“", "„Das ist gut.“", "direct", "Der Minister"),
    ("„Das war ein Fehler”, räumte die Sprecherin am Montag ein.", "„Das war ein Fehler”", "direct", None),
    ("»Wir bleiben«, sagte Anna Schmidt.", "»Wir bleiben«", "direct", "Anna Schmidt"),
    (
        "Die Polizei teilte mit, dass niemand verletzt worden sei.",
        "dass niemand verletzt worden sei",
        "indirect",
        "Die Polizei",
    ),
    (
        "Der Trainer sagte, die Mannschaft habe gut gespielt.",
        "die Mannschaft habe gut gespielt",
        "indirect",
        "Der Trainer",
    ),
    ("Die Lage sei ernst, sagte Peter Müller.", "Die Lage sei ernst", "indirect", "Peter Müller"),
    ("Laut der Polizei wurde niemand verletzt.", "wurde niemand verletzt", "reported", "der Polizei"),
    (
        "Wie das Ministerium mitteilte, bleibt die Schule geschlossen.",
        "bleibt die Schule geschlossen",
        "reported",
        "das Ministerium",
    ),
    (
        "Die Schule bleibt geschlossen, so der Bürgermeister.",
        "Die Schule bleibt geschlossen",
        "reported",
        "der Bürgermeister",
    ),
]


@pytest.mark.parametrize("text,quote,kind,speaker", CASES, ids=[c[0][:30] for c in CASES])
def test_frames(analyze_text, text, quote, kind, speaker):
    quotes = analyze_text(text).quotes
    hits = [q for q in quotes if q.text == quote]
    assert hits, [(q.kind, q.text) for q in quotes]
    assert hits[0].kind == kind
    if speaker:
        assert hits[0].speaker_text == speaker


def test_free_indirect_continues_the_speaker(analyze_text):
    text = "Die Ministerin sagte, der Etat sei knapp. Man werde sparen müssen. Das Wetter ist schön."
    quotes = analyze_text(text).quotes
    free = [q for q in quotes if q.kind == "free_indirect"]
    assert [q.text for q in free] == ["Man werde sparen müssen"]
    assert free[0].speaker_text == "Die Ministerin"


def test_titles_are_not_quotes(analyze_text):
    assert analyze_text("Der Film „Nackt unter Wölfen“ läuft heute im Kino.").quotes == []


@pytest.mark.parametrize("text", ["", " ", "„", "“", "„„„ “““", "sagte er, dass", ", so", "laut", "\n\n\n"])
def test_odd_input_never_crashes(analyze_text, text):
    analyze_text(text)


def test_no_document_attached(quotes_nlp):
    doc = quotes_nlp("„Das ist gut“, sagte er.")
    assert len(doc._.quotes) == 1
