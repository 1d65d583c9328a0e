"""Speakers named after or around a direct quote: the ``[anaphors]``, ``[after_quote]`` and ``[parenthesis]``
sections of ``speakers.toml`` (each example must get its speaker), and the resolution of an anaphor."""

from __future__ import annotations

import pytest

from newsgraph.analyze import analyze
from newsgraph.extract.quotes import speaker_lexicon
from newsgraph.lang import load_toml
from newsgraph.model import Document

DATA = load_toml("de", "quotes/speakers.toml")
WORDS = speaker_lexicon.load("de")


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for section in ("anaphors", "parenthesis", "prefield_subject", "main_clause"):
        out.append((section, DATA[section]["example"], DATA[section]["speaker"]))
    for section in ("after_quote", "inner_source"):
        for ex in DATA[section]["examples"]:
            out.append((section, ex["text"], ex["speaker"]))
    return out


def _overlaps(quotes: list, text: str, phrase: str) -> bool:
    a = text.index(phrase)
    b = a + len(phrase)
    return any(q.speaker_start is not None and q.speaker_start < b and a < q.speaker_end for q in quotes)


@pytest.mark.parametrize(("section", "text", "phrase"), _examples())
def test_section_examples(tagged_nlp, section, text, phrase):
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes, (section, text)
    assert _overlaps(quotes, text, phrase), (section, [q.speaker_text for q in quotes])


def test_switches_are_on():
    assert WORDS.anaphors and WORDS.quoted_names and WORDS.passive_object
    assert WORDS.impersonal_source and WORDS.parenthesis and WORDS.direct_marker and WORDS.prefield_subject
    assert WORDS.main_clause


SPEAKER_CASES = [
    pytest.param(
        # "Die Forderung hatte der Minister erhoben, …": "der Minister" looks nominative, so it stays
        "Am Montag hatte der Minister angekündigt, dass die Steuern im nächsten Jahr sinken würden.",
        "der Minister",
        id="nominative-middle-field",
    ),
    pytest.param(
        # "Nun heißt es im Abschlussbericht, […]": the source PP, not "es"
        "Nun heißt es im Abschlussbericht, bei der Wahl seien erhebliche Probleme identifiziert worden.",
        "im Abschlussbericht",
        id="impersonal-gives-way-to-source",
    ),
    pytest.param(
        # "In einer Presseerklärung, die …, wurde verkündet, […]": the source PP before the relative clause
        "In einer Presseerklärung, die am Mittwoch in Banja Luka veröffentlicht wurde, wurde verkündet, "
        "dass die Serben alle Verantwortlichen ausliefern würden.",
        "In einer Presseerklärung",
        id="source-before-relative-clause",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_CASES)
def test_speaker_span(tagged_nlp, text: str, speaker: str) -> None:
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes and _overlaps(quotes, text, speaker), [q.speaker_text for q in quotes]


def test_anaphor_resolves_to_the_person_named_last(analyze_text):
    text = (
        "Vor dem Käfig stand die Sprecherin Nova Meierhenrich. "
        "„Das Elend der Tiere geht in den Zuchtanlagen ohne Unterbrechung weiter“, so letztere."
    )
    quotes = analyze_text(text).quotes
    assert quotes and quotes[0].speaker_text == "letztere"
    ref = quotes[0].speaker_ref
    assert ref is not None and "Meierhenrich" in text[ref[0] : ref[1]]


def test_anaphor_without_quote_frame_is_not_invented(tagged_nlp):
    """ "letztere" as an attribute ("die letztere Variante") is no speaker of a quote with its own frame."""
    text = "„Wir werden die Pläne prüfen und dann entscheiden“, sagte die Sprecherin der Stadt am Montag."
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes and quotes[0].speaker_text == "die Sprecherin der Stadt"


def test_parenthesis_needs_a_name(tagged_nlp):
    """A quote in parentheses after a common noun keeps the frame's speaker, not the noun."""
    text = (
        "Der Minister lobte die Einigung mit den Ländern („Das ist ein guter Tag für alle Beteiligten.“), "
        "und die Opposition schwieg."
    )
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert all(q.speaker_text != "Ländern" for q in quotes)


def test_quoted_name_after_verb_only_when_quoted(tagged_nlp):
    text = "„Die Lage ist ernst, aber nicht hoffnungslos“, schrieb die Zeitung am Montag in einem Kommentar."
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes and _overlaps(quotes, text, "die Zeitung")


def test_genitive_article_opens_an_oblique_phrase(tagged_nlp):
    """ "laut einer Sprecherin der Staatsanwaltschaft": the whole phrase, not the article alone."""
    text = (
        "Inzwischen hat er laut einer Sprecherin der Staatsanwaltschaft ein umfassendes Geständnis abgelegt."
    )
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes and any(q.speaker_text == "einer Sprecherin der Staatsanwaltschaft" for q in quotes), [
        q.speaker_text for q in quotes
    ]
