"""Where a quote begins and ends: the span rules tuned on quotes2024 train (own sentences)."""

from __future__ import annotations

import pytest

# text, a quote text that must be found, texts that must not be found as quotes
CASES = [
    (  # an indirect message ends at ": „…“", the direct quote after it is its own quote
        "Der Minister sagte, die Lage sei ernst: „Wir müssen jetzt handeln.“",
        "die Lage sei ernst",
        ["die Lage sei ernst: „Wir müssen jetzt handeln.“"],
    ),
    (  # a marker inside a relative clause: the message ends with the clause
        "Der Mann, der laut Polizei seit Jahren in der Stadt gelebt haben soll, wurde gestern festgenommen.",
        "der laut Polizei seit Jahren in der Stadt gelebt haben soll",
        ["der laut Polizei seit Jahren in der Stadt gelebt haben soll, wurde gestern festgenommen"],
    ),
    (  # an infinitive with "zu" inside the verb
        "Der Bischof hat den Papst gebeten, seine Ernennung zurückzunehmen.",
        "seine Ernennung zurückzunehmen",
        [],
    ),
    (  # an infinitive message takes the relative clause that hangs on it
        "Die Ministerin forderte die Regierung auf, eine Kommission zu gründen, die den Fall prüfen soll.",
        "eine Kommission zu gründen, die den Fall prüfen soll",
        ["eine Kommission zu gründen"],
    ),
    (  # "wie X, Rolle, mitteilte": the wie clause runs over the apposition
        "Wie Steve Marshall, Sprecher der Vereinten Nationen, in Bangkok mitteilte, hat die Regierung "
        "nur sechs Hubschrauber im Einsatz.",
        "hat die Regierung nur sechs Hubschrauber im Einsatz",
        [],
    ),
    (  # "und" with an indicative finite verb: the speaker acts on, the message has ended
        "Der Präsident sagte, Europa brauche die Engländer und forderte eine rasche Einigung.",
        "Europa brauche die Engländer",
        ["Europa brauche die Engländer und forderte eine rasche Einigung"],
    ),
    (  # the verb "beschuldigen" with an infinitive clause
        "Die beiden Männer werden beschuldigt, an einem Anschlag beteiligt gewesen zu sein.",
        "an einem Anschlag beteiligt gewesen zu sein",
        [],
    ),
]


@pytest.fixture(scope="module")
def rule_quotes(extractor_of):
    """The texts of the rules' candidates in a text (no learned stage: the rules alone decide)."""

    def run(text: str) -> list[str]:
        return [text[f.start : f.end] for f in extractor_of(text).found]

    return run


@pytest.mark.parametrize("text,quote,not_quotes", CASES, ids=[c[1][:30] for c in CASES])
def test_span(rule_quotes, text, quote, not_quotes):
    texts = rule_quotes(text)
    assert quote in texts, texts
    for bad in not_quotes:
        assert bad not in texts, texts


@pytest.mark.parametrize(
    "text",
    [
        "Am Montag wurde die Reihe „Erinnerungen und Bilder zu Dresdens Verkehrsgeschichte“ eröffnet.",
        "Am Abend lief „E!Online“ im Fernsehen.",
    ],
)
def test_names_in_quotation_marks_are_not_quotes(rule_quotes, text):
    assert rule_quotes(text) == []


def test_sentence_punct_inside_a_word_does_not_count():
    from newsgraph.extract.quotes.direct import has_sentence_punct

    assert has_sentence_punct("Wir bleiben.")
    assert has_sentence_punct("Ja. Nein")
    assert not has_sentence_punct("E!Online")
    assert not has_sentence_punct("tagesschau.de")


def _text(ex, a: int, b: int) -> str:
    return ex.v.text[ex.toks[a].start : ex.toks[b - 1].end]


def test_leading_indicative_clause_is_trimmed(extractor_of):
    """A classified unit drops an indicative main clause before its Konjunktiv clause."""
    from newsgraph.extract.quotes.sentences import trim_indicative

    ex = extractor_of(
        "Die Befehlshaber halten einen Abzug für unwahrscheinlich, da die Armee nicht bereit sei."
    )
    assert _text(ex, *trim_indicative(ex, *ex.v.sents[0])) == "da die Armee nicht bereit sei."
    ex = extractor_of("Was die Einwohner wollten, sei das freie Wahlrecht.")  # a prefield clause stays
    a, b = ex.v.sents[0]
    assert trim_indicative(ex, a, b) == (a, b)


def test_free_indirect_clause_widens_to_its_sentence(extractor_of):
    from newsgraph.extract.quotes.sentences import whole_sentence

    ex = extractor_of("Vielmehr handele es sich um einen Einzelfall, wenngleich die Probleme bekannt seien.")
    a, b = ex.v.sents[0]
    comma = next(i for i in range(a, b) if ex.toks[i].text == ",")
    assert whole_sentence(ex, 0, (comma + 1, b - 1, "clause"))[:2] == (a, b)


def test_classified_sentence_leaves_a_rule_quote_alone(analyze_text):
    """The sentence classifier adds no second quote over a clause the rules already took."""
    quotes = analyze_text("Die Polizei nahm einen Mann fest, der behauptete, er sei unschuldig.").quotes
    assert [q.text for q in quotes] == ["er sei unschuldig"]


def test_clause_opening_with_its_verb_takes_its_prefield(extractor_of):
    from newsgraph.extract.quotes.sentences import with_prefield

    ex = extractor_of("Nachdem er die Frauen verfolgt hat, habe er versucht, sie zu küssen.")
    a, b = ex.v.sents[0]
    comma = next(i for i in range(a, b) if ex.toks[i].text == ",")
    assert with_prefield(ex, 0, (comma + 1, b - 1, "tail"))[:2] == (a, b)
