"""Message boundaries added in the sixth session: a purpose clause is no infinitive complement, a
classified unit ends before a following main clause, a Konjunktiv clause that opens with the verb of
the sentence is the whole sentence."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import clauses


def _rules(extractor_of, text: str) -> list[tuple[str, str, str]]:
    """(kind, frame, message) of what the rules find in ``text`` (no learned stages)."""
    return [(f.kind, f.frame, text[f.start : f.end]) for f in extractor_of(text).found]


def _tail(extractor_of, text: str) -> str:
    """The first sentence of ``text`` as far as ``main_clause_after`` lets a classified unit run."""
    ex = extractor_of(text)
    a, b = ex.v.sents[0]
    b = clauses.main_clause_after(ex, a, b)
    ms, me = ex.chars(a, b)
    return text[ms:me]


def test_purpose_clause_is_no_infinitive_complement(extractor_of):
    text = (
        "Die Menschen forderten den Rücktritt des Ministerpräsidenten, um den Weg zu Neuwahlen freizumachen."
    )
    got = _rules(extractor_of, text)
    assert not [f for f in got if f[1] == "zu"], got


def test_infinitive_complement_stays(extractor_of):
    text = "Der Minister kündigte an, die Steuern im nächsten Jahr zu senken."
    got = _rules(extractor_of, text)
    assert ("indirect", "zu", "die Steuern im nächsten Jahr zu senken") in got, got


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Sie wisse, dass die Arbeit fehlerhaft sei, hatte die Politikerin damals gesagt.",
            "Sie wisse, dass die Arbeit fehlerhaft sei",
        ),
        (
            "Die Republik habe kapituliert, wir nicht, zitiert die Zeitung aus der Stellungnahme.",
            "Die Republik habe kapituliert, wir nicht",
        ),
        (
            "Eine Bewährungsstrafe sei nicht vermittelbar, so die Sprecherin der Initiative.",
            "Eine Bewährungsstrafe sei nicht vermittelbar",
        ),
        (
            "Die Vergabe werde die letzte sein, wie der Verband am Montag bekannt gab.",
            "Die Vergabe werde die letzte sein",
        ),
        # an inserted source: the message goes on after it
        (
            "Das Unternehmen bekomme, wie es in Oslo hieß, vier Millionen Euro.",
            "Das Unternehmen bekomme, wie es in Oslo hieß, vier Millionen Euro",
        ),
        # a fronted clause, then its main clause: the unit stays whole
        (
            "Nachdem er die Familie bedroht haben soll, wurde er festgenommen.",
            "Nachdem er die Familie bedroht haben soll, wurde er festgenommen",
        ),
        # the Konjunktiv only in a relative clause: not a reported main clause
        (
            "Der Zugang zum Osten, wo die Union den Frieden sichern soll, wird als problematisch bezeichnet.",
            "Der Zugang zum Osten, wo die Union den Frieden sichern soll, wird als problematisch bezeichnet",
        ),
    ],
)
def test_classified_unit_ends_before_a_main_clause(extractor_of, text: str, unit: str):
    assert _tail(extractor_of, text) == unit


def test_konjunktiv_clause_with_the_verb_of_the_sentence(extractor_of):
    text = "Die Getöteten, vor allem chinesische Zivilisten, seien verbrannt oder erstochen worden."
    got = _rules(extractor_of, text)
    assert ("indirect", "konj", text[:-1]) in got, got


PASSAGE = (
    "Der Verband sagte am Montag, die Halde werde geräumt.\n\nDie Anwohner sind besorgt. "
    "Bis die Arbeiten beginnen könnten, würden noch Monate vergehen. "
    "Frühestens im Sommer könne begonnen werden."
)


def _continuation(ex, text: str, sentence: str):
    """A free indirect continuation of the first quote of ``ex``, over ``sentence`` of ``text``."""
    from newsgraph.extract.quotes.candidates import Found

    head = ex.found[0]
    start = text.index(sentence)
    s = ex.toks[ex.v.tok_at(start)].sent
    return Found.continuing("free_indirect", start, start + len(sentence) - 1, s, head, None, "sentence")


def test_passage_takes_the_konjunktiv_sentence_before_it(extractor_of):
    from newsgraph.extract.quotes import chains

    ex = extractor_of(PASSAGE)
    f = _continuation(ex, PASSAGE, "Frühestens im Sommer könne begonnen werden.")
    chains.extend_back(ex, [f], [*ex.found, f])
    assert PASSAGE[f.start : f.end].startswith("Bis die Arbeiten beginnen könnten")


def test_passage_does_not_take_an_indicative_sentence(extractor_of):
    from newsgraph.extract.quotes import chains

    ex = extractor_of(PASSAGE)
    sentence = "Bis die Arbeiten beginnen könnten, würden noch Monate vergehen."
    f = _continuation(ex, PASSAGE, sentence)
    chains.extend_back(ex, [f], [*ex.found, f])
    assert PASSAGE[f.start : f.end] == sentence[:-1]  # "Die Anwohner sind besorgt." stays out
