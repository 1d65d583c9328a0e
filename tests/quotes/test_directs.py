"""Direct quotes: which quoted spans count, tuned on quotes2024 train (own sentences)."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import direct, lexicon

LEX = lexicon.load("de")


def _directs(quotes) -> list[str]:
    return [q.text for q in quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("Der Sänger stellte am Abend die neue CD der Gruppe vor: „Have a nice day“.", "„Have a nice day“"),
        (
            "Vor allem die französische „Alliance pour la planète“ rief zum Protest auf.",
            "„Alliance pour la planète“",
        ),
    ],
)
def test_short_foreign_phrase_is_a_title(tagged_quotes, text, phrase):
    assert phrase not in _directs(tagged_quotes(text))


def test_foreign_sentence_is_still_a_quote(tagged_quotes):
    text = "„We will win this war.“, sagte der Präsident am Abend."
    assert "„We will win this war.“" in _directs(tagged_quotes(text))


def test_quoted_gloss_in_parentheses_is_not_a_quote(extractor_of):
    text = "Die Angriffe der Operation „Cast Lead“ („gegossenes Blei“) dauern an, sagte ein Sprecher."
    ex = extractor_of(text)
    assert "„gegossenes Blei“" not in [text[f.start : f.end] for f in ex.found if f.kind == "direct"]


def test_opening_mark_before_a_space_pairs_with_its_closing_mark():
    text = "Die Stadt trat im Jahr 2005 dem Projekt „ Creative Cities“ bei."
    found = direct.scan(text, LEX)
    assert [(text[m.start : m.end], m.opened) for m in found] == [("„ Creative Cities“", True)]


def test_closing_mark_without_an_opening_one_still_starts_at_its_sentence():
    text = "Das werden wir nicht hinnehmen“, sagte der Sprecher."
    found = direct.scan(text, LEX)
    assert [(text[m.start : m.end], m.opened) for m in found] == [("Das werden wir nicht hinnehmen“", False)]


@pytest.mark.parametrize(
    "text,phrase,speaker",
    [
        (
            "Der Verteidiger betonte, der Angeklagte sei weder „dissozial“ noch gewalttätig.",
            "„dissozial“",
            "Der Verteidiger",
        ),
    ],
)
def test_lower_case_phrase_in_a_message_is_a_quote_of_its_speaker(tagged_quotes, text, phrase, speaker):
    quotes = [q for q in tagged_quotes(text) if q.kind == "direct" and q.text == phrase]
    assert quotes, tagged_quotes(text)
    assert quotes[0].speaker_text == speaker
