"""Chains headed by an indirect quote that is its whole sentence (``QUOTES_CHAIN_WHOLE_INDIRECT``)."""

from __future__ import annotations

from newsgraph import settings

WHOLE = (
    "Der Minister äußerte sich am Montag zur Lage im Land. Damit seien „die Vorräte nicht mehr ausreichend“. "
    "Auch habe die Regierung bereits Hilfe geschickt. Das Wetter war gut."
)
CUE_INSIDE = (
    "Der Sprecher der Polizei sagte am Montag, die Lage sei ernst. Die Regierung habe bereits Hilfe "
    "geschickt. Das Wetter war gut."
)


def _passages(quotes):
    return [q for q in quotes if q.kind != "direct" and q.kind != "reported"]


def test_whole_sentence_indirect_quote_takes_the_free_indirect_sentence_after_it(tagged_quotes):
    passages = _passages(tagged_quotes(WHOLE))
    start = WHOLE.index("Damit")
    assert [q.text for q in passages] == [WHOLE[start : WHOLE.index(". Das Wetter")]]
    assert passages[0].speaker_text == "Der Minister"


def test_switched_off_the_sentences_stay_apart(tagged_quotes, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_CHAIN_WHOLE_INDIRECT", False)
    assert [q.kind for q in _passages(tagged_quotes(WHOLE))] == ["indirect", "free_indirect"]


def test_indirect_clause_with_its_cue_in_the_sentence_stays_apart(tagged_quotes):
    assert [q.kind for q in _passages(tagged_quotes(CUE_INSIDE))] == ["indirect", "free_indirect"]
