"""Message boundaries added in the fifth session: a naming act's quoted phrase, an infinitive message
without its comma or split by a verbless phrase, a fronted clause before a marker's clause, a colon
before the reported part, a free indirect passage that goes on in the next sentence."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import chains, sentences
from newsgraph.extract.quotes.candidates import Found


def _quotes(tagged_quotes, text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_text) for q in tagged_quotes(text)]


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        ("Der Minister nannte den Bericht eine „Zeitungsente“.", "„Zeitungsente“", "Der Minister"),
        (
            "Die Bundesregierung bezeichnete den Gipfel als das „größte Ereignis des Jahres“.",
            "„größte Ereignis des Jahres“",
            "Die Bundesregierung",
        ),
    ],
)
def test_naming_act_says_the_quoted_phrase(tagged_quotes, text, message, speaker):
    assert _quotes(tagged_quotes, text) == [("direct", message, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Organisation verlangte eine Untersuchung der „schockierenden Szenen“ durch die Regierung.",
        "Der Minister bezeichnete den Plan als „Unsinn“ und verließ den Saal.",
    ],
)
def test_quote_that_does_not_end_the_object_keeps_the_act(tagged_quotes, text):
    assert ("reported", text[:-1]) in [(q.kind, q.text) for q in tagged_quotes(text)]


def test_infinitive_reaches_back_over_a_verbless_phrase(tagged_quotes):
    text = (
        "Der Investor hatte zugesagt, nicht weiter über den „Freedom Tower“, das größte der Gebäude, "
        "bestimmen zu wollen."
    )
    got = _quotes(tagged_quotes, text)
    assert ("indirect", text[text.index("nicht") : -1], "Der Investor") in got, got


def test_infinitive_with_um_does_not_reach_back(extractor_of):
    text = "Der Präsident forderte die Bürger auf, den Hafen, um Schäden zu vermeiden, zu meiden."
    spans = [text[f.start : f.end] for f in extractor_of(text).found]
    assert all(not s.startswith("den Hafen, um") for s in spans), spans


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Der Weltmarktführer hat angekündigt die Preise ab 1. Oktober zu erhöhen.",
            "die Preise ab 1. Oktober",
        ),
        ("Die Regierung hat die Bürger aufgefordert zu Hause zu bleiben.", "zu Hause zu bleiben"),
    ],
)
def test_infinitive_without_its_comma(tagged_quotes, text, message):
    got = _quotes(tagged_quotes, text)
    assert any(kind == "indirect" and msg.startswith(message) for kind, msg, _sp in got), got


def test_infinitive_without_comma_after_a_passive_has_no_speaker_in_it(tagged_quotes):
    text = "Wegen der Rauchentwicklung wurden Anwohner aufgefordert Türen und Fenster geschlossen zu halten."
    assert _quotes(tagged_quotes, text) == [("indirect", "Türen und Fenster geschlossen zu halten", None)]


def test_infinitive_without_comma_needs_a_closed_cue(tagged_quotes):
    text = "Der Frachter droht im südlichen Teil des Riffs auseinanderzubrechen."
    assert _quotes(tagged_quotes, text) == []


def test_fronted_clause_is_the_prefield_of_a_marker_clause(extractor_of, monkeypatch):
    text = (
        "Weil die Behörden keine Statistiken führten, ist es laut dem Bericht schwer, "
        "Aussagen über die Aufklärungsrate zu machen."
    )
    got = [(f.kind, text[f.start : f.end]) for f in extractor_of(text).found]
    assert ("reported", text[:-1]) in got, got
    monkeypatch.setattr(settings, "QUOTES_MARKER_PREFIELD", False)
    got = [(f.kind, text[f.start : f.end]) for f in extractor_of(text).found]
    assert ("reported", text[:-1]) not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Der Abgeordnete kritisierte die Pläne der Regierung: Sie seien nicht durchdacht.",
        "Der Abgeordnete wandte sich an die Presse; sie seien nicht durchdacht.",
    ],
)
def test_colon_before_the_reported_part_is_trimmed(extractor_of, text):
    ex = extractor_of(text)
    a, b = ex.v.sents[0]
    ta, tb = sentences.trim_indicative(ex, a, b - 1)
    assert text[ex.toks[ta].start : ex.toks[tb - 1].end].lower() == "sie seien nicht durchdacht"


def _passage(extractor_of, text: str) -> str:
    """What chains.extend makes of a free indirect quote on the second sentence of ``text``."""
    ex = extractor_of(text)
    sa, sb = ex.v.sent_chars(1)
    head = Found("free_indirect", sa, sb - 1, 1)
    chains.extend(ex, [head], [head])
    return text[head.start : head.end]


def test_free_indirect_passage_takes_the_next_konjunktiv_sentence(extractor_of):
    text = (
        "Die Sprecherin sagte, die Lage sei ernst. Eine weitere Frachtmaschine sei noch unterwegs. "
        "Zwanzig Teams der Organisation seien im Delta unterwegs. Die Regierung schweigt."
    )
    assert _passage(extractor_of, text) == text[text.index("Eine") : text.index(" Die Regierung") - 1]


def test_free_indirect_passage_stops_at_a_paragraph(extractor_of):
    text = (
        "Die Sprecherin sagte, die Lage sei ernst. Eine weitere Frachtmaschine sei noch unterwegs.\n\n"
        "Zwanzig Teams der Organisation seien im Delta unterwegs."
    )
    assert _passage(extractor_of, text) == "Eine weitere Frachtmaschine sei noch unterwegs"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Die Äußerungen der Richter bezeichnete der Abgeordnete als „Knaller aus Karlsruhe“ und ging.",
            "„Knaller aus Karlsruhe“",
        ),
        (
            "Der Verband kritisierte die Entscheidung als „Kapitulation“ vor den Randalierern.",
            "„Kapitulation“",
        ),
    ],
)
def test_quoted_name_after_a_naming_verb_is_a_quote(tagged_quotes, text, message):
    assert ("direct", message) in [(q.kind, q.text) for q in tagged_quotes(text)]


def test_quoted_name_without_a_naming_verb_is_a_title(tagged_quotes):
    assert tagged_quotes("Der Mann ist nur als „Poe Toaster“ bekannt.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In einer Videobotschaft, die in der Nacht eingespielt wurde, sagte der Politiker das Treffen ab.",
        "Nachdem es zu Auseinandersetzungen gekommen war, forderten beide eine Untersuchung.",
    ],
)
def test_preposed_phrase_without_its_verb_is_no_message(extractor_of, text):
    assert [f for f in extractor_of(text).found if f.frame == "postposed"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Die Lage ist ernst, sagte der Sprecher.", "Die Lage ist ernst"),
        (
            "Als Kämpfer die Stadt einnahmen, töteten sie viele Zivilisten, berichtete die UNO.",
            "Als Kämpfer die Stadt einnahmen, töteten sie viele Zivilisten",
        ),
    ],
)
def test_preposed_main_clause_is_the_message(extractor_of, text, message):
    got = [text[f.start : f.end] for f in extractor_of(text).found if f.frame == "postposed"]
    assert got == [message]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Der Minister sagte, es habe Zustimmung gegeben, aber es seien viele Fragen gestellt worden.",
            "es habe Zustimmung gegeben, aber es seien viele Fragen gestellt worden",
        ),
        ("Der Präsident sagte, Annabi sei tot, doch der Sprecher erklärte etwas anderes.", "Annabi sei tot"),
    ],
)
def test_contrast_ends_the_message_unless_it_goes_on_reporting(tagged_quotes, text, message):
    assert [q.text for q in tagged_quotes(text) if q.kind == "indirect"] == [message]


def test_noun_cue_message_ends_before_the_main_clause(extractor_of, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_MODELS", ())
    text = "Mit der Begründung, dass die Räume vermietet werden sollen, wurden die Redakteure verlegt."
    got = [(f.frame, text[f.start : f.end]) for f in extractor_of(text).found]
    assert got == [("noun", "dass die Räume vermietet werden sollen")]
