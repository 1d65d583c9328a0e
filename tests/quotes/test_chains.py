"""Free indirect chains (``chains``) and the quoted phrases nested in classified sentences."""

from __future__ import annotations

from newsgraph import settings

CHAIN = (
    "Der Minister sagte am Montag, die Lage sei ernst. Die Regierung habe bereits Hilfe geschickt. "
    "Weitere Teams seien unterwegs und würden morgen eintreffen. Das Wetter war gut."
)


def test_konjunktiv_continuations_merge_into_one_quote(tagged_quotes):
    quotes = tagged_quotes(CHAIN)
    assert [q.kind for q in quotes] == ["indirect", "free_indirect"]
    start = CHAIN.index("Die Regierung")
    assert quotes[1].text == CHAIN[start : CHAIN.index(". Das Wetter")]
    assert {q.speaker_text for q in quotes} == {"Der Minister"}


def test_without_chain_heads_each_sentence_stays_apart(tagged_quotes, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_CHAIN_HEADS", ())
    quotes = tagged_quotes(CHAIN)
    assert [q.kind for q in quotes] == ["indirect", "free_indirect", "free_indirect"]


NESTED = (
    "Der Minister sagte am Montag, die Daten würden nicht gespeichert. Sie seien sicher verschlüsselt. "
    "Eine Weitergabe sei „völlig ausgeschlossen“."
)


def test_quoted_phrase_in_a_classified_sentence_is_a_direct_quote_of_its_speaker(tagged_quotes):
    quotes = tagged_quotes(NESTED)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["„völlig ausgeschlossen“"]
    assert direct[0].speaker_text == "Der Minister"


def test_nested_direct_quotes_can_be_switched_off(tagged_quotes, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_NESTED_DIRECT", "none")
    assert not [q for q in tagged_quotes(NESTED) if q.kind == "direct"]
