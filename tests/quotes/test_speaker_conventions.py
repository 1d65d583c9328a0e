"""The gold conventions applied after the ranker (``speaker_conventions``)."""

from __future__ import annotations

import pytest

# (text, the quote starts with, the speaker span must overlap this phrase (the first occurrence))
CASES = [
    # the relative pronoun of a clause that the cue closes
    (
        "In der Talkshow wurde ein Prediger zugeschaltet, der alle Zuschauer aufforderte, Israel nicht "
        "mehr zu unterstützen.",
        "Israel",
        ", der",
    ),
    # a marker inside a continuation names its source
    (
        "Amnesty fordert bessere Ausbildung. Gegen Beamte, die nicht auf Berichte reagierten, sollen nach "
        "Ansicht von Amnesty Disziplinarmaßnahmen ergriffen werden.",
        "Gegen Beamte",
        "Ansicht von Amnesty",
    ),
    # a web address after "wie"
    (
        "Wie „heise online“ berichtet, sperrten chinesische Behörden den Internetzugang zu „YouTube“.",
        "sperrten",
        "heise online",
    ),
]


@pytest.mark.parametrize("text,start,want", CASES, ids=["relative", "inner", "wie"])
def test_conventions(tagged_quotes, text, start, want):
    quotes = [q for q in tagged_quotes(text) if q.text.startswith(start)]
    assert quotes, [q.text for q in tagged_quotes(text)]
    a = text.index(want)
    q = quotes[0]
    assert q.speaker_start is not None and q.speaker_start < a + len(want) and a < q.speaker_end, (
        q.speaker_text
    )


def test_an_article_is_no_relative_pronoun(tagged_quotes):
    text = "In einem Positionspapier heißt es, die Evaluierung des Gesetzes habe ergeben, dass alles gut sei."
    a = text.index(", die") + 2
    for q in tagged_quotes(text):
        assert q.speaker_start != a, q.speaker_text


def test_a_direct_quote_inside_a_reported_message_has_its_speaker(tagged_quotes):
    """ "[Außerdem halte die Fraktion den Schritt für „…“]": the message's speaker, not "die Fraktion"."""
    text = (
        "Am Montag erklärte die SPD-Landtagsfraktion zum Rücktritt Hartmanns, die Fraktion nehme die "
        "Entscheidung „zur Kenntnis“. Außerdem halte die Fraktion den Schritt für „überfällig und dringend "
        "geboten“."
    )
    quotes = tagged_quotes(text)
    host = [q for q in quotes if q.kind != "direct" and q.text.startswith("Außerdem")]
    inner = [q for q in quotes if q.kind == "direct" and q.text.startswith("„überfällig")]
    assert host and inner, [(q.kind, q.text) for q in quotes]
    assert inner[0].speaker_start == host[0].speaker_start, (inner[0].speaker_text, host[0].speaker_text)
    assert inner[0].speaker_start == text.index("die SPD-Landtagsfraktion"), inner[0].speaker_text
