"""Speaker selection: every entry of ``speakers.toml`` with its example, and the rules on sentences."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import lexicon, speaker, speaker_lexicon, tokens
from newsgraph.extract.quotes.speaker_select import NOT, SURE, Selector
from newsgraph.lang import load_toml

DATA = load_toml("de", "quotes/speakers.toml")
LEX = lexicon.load("de")
WORDS = speaker_lexicon.load("de")


@pytest.fixture(scope="module")
def tagged_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta", "ng_quotes"))


def _selector(nlp, text: str) -> Selector:
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline:
        if _name != "ng_quotes":
            doc = proc(doc)
    return Selector(tokens.view(doc), LEX, WORDS, [])


def _phrase(sel: Selector, phrase: str):
    start = sel.v.text.index(phrase)
    i = sel.v.tok_at(start)
    np_ = speaker.parse_np(sel.v.toks, i, len(sel.v.toks), LEX, oblique=True)
    assert np_ is not None, phrase
    return np_


def _speakers(analyze, text: str) -> list[str | None]:
    return [q.speaker_text for q in analyze(text).quotes]


@pytest.mark.parametrize("section", ["person_nouns", "document_nouns"])
def test_speaker_nouns(tagged_nlp, section):
    entry = DATA[section]
    sel = _selector(tagged_nlp, entry["example"])
    assert sel.level(_phrase(sel, entry["speaker"]), dependent=True) == SURE


def test_every_listed_noun_is_a_speaker(tagged_nlp):
    for section in ("person_nouns", "document_nouns"):
        for word in DATA[section]["words"]:
            text = f"Die {word.capitalize()} sagten, es sei gut."
            sel = _selector(tagged_nlp, text)
            assert sel.level(_phrase(sel, f"Die {word.capitalize()}")) == SURE, word


@pytest.mark.parametrize("section", ["non_speakers", "abstract_nouns"])
def test_not_speakers(tagged_nlp, section):
    entry = DATA[section]
    sel = _selector(tagged_nlp, entry["example"])
    phrase = entry["not_speaker"]
    start = sel.v.text.index(phrase)
    i = sel.v.tok_at(start)
    if sel.v.toks[i].lower in WORDS.non_speakers:
        np_ = speaker.NP(i, i + 1, "pronoun", i)
    else:
        np_ = _phrase(sel, phrase)
    assert sel.level(np_) == NOT


def test_abstract_endings_are_not_speakers(tagged_nlp):
    for ending in DATA["abstract_nouns"]["endings"]:
        word = ("Xy" + ending) if len(ending) < 5 else ending.capitalize()
        sel = _selector(tagged_nlp, f"Die {word} sagte, es sei gut.")
        assert sel.level(speaker.NP(0, 2, "noun", 1)) == NOT, ending


@pytest.mark.parametrize(
    "section",
    [
        "case",
        "relative_pronouns",
        "relative_clause",
        "inner_source",
        "wie_clause",
        "passive_source",
        "leading_source",
        "abstract_nouns",
    ],
)
def test_section_example(tagged_nlp, section):
    """The example of the section gets the speaker it names (span overlap, as the evaluator asks)."""
    from newsgraph.analyze import analyze
    from newsgraph.model import Document

    entry = DATA[section]
    text = entry["example"]
    quotes = analyze(Document(id="t", text=text), tagged_nlp).quotes
    assert quotes, text
    a = text.index(entry["speaker"])
    b = a + len(entry["speaker"])
    assert any(q.speaker_start is not None and q.speaker_start < b and a < q.speaker_end for q in quotes), [
        q.speaker_text for q in quotes
    ]


def test_case_example(analyze_text):
    entry = DATA["case"]
    assert entry["speaker"] in (_speakers(analyze_text, entry["example"])[0] or "")


def test_oblique_phrase(tagged_nlp):
    sel = _selector(tagged_nlp, "Der englisch-sprachigen Zeitung sagte Filep Karma: „Ich bleibe.“")
    assert sel.oblique(_phrase(sel, "Der englisch-sprachigen Zeitung"))
    sel = _selector(tagged_nlp, "Der englisch-sprachige Sender berichtete, es sei ruhig.")
    assert not sel.oblique(_phrase(sel, "Der englisch-sprachige Sender"))


def test_selection_settings():
    assert 0 < WORDS.min_score <= WORDS.strong_score
    assert "marker" in WORDS.trusted_frames
    assert WORDS.lookback_sentences >= 1


# (sentence, the quote starts with, the speaker span must overlap this phrase, as the evaluator asks)
CASES = [
    # a dative in the prefield is not the subject
    (
        "Der englisch-sprachigen Zeitung sagte Filep Karma: „Ich werde im Gefängnis gehalten, aber das "
        "entmutigt mich nicht.“",
        "„Ich werde",
        "Filep Karma",
    ),
    # the subject before a parenthesis, not the dative after the verb
    (
        "Bundesfamilienministerin Kristina Schröder (CDU) sagte hierzu der Süddeutschen Zeitung, sie "
        "könne sich gut vorstellen, dass viele Frauen diese Chance ergreifen wollen.",
        "sie könne",
        "Kristina Schröder",
    ),
    # an object in the prefield is not the speaker
    (
        "Der libanesische Informationsminister Ghasi Aridi hatte bereits am Samstag die Zustimmung seiner "
        "Regierung zu der Resolution „trotz einiger Vorbehalte“ bekanntgegeben.",
        "„trotz",
        "Ghasi Aridi",
    ),
    # ", so X" after a direct quote
    (
        "„Wir wollen auch den Fans die Möglichkeit bieten, die Spiele anzuschauen“, so Vereinschef Corny "
        "Littmann zu den Beweggründen des Vereins.",
        "„Wir wollen",
        "Corny Littmann",
    ),
    # ", VERB X" after a direct quote
    (
        "„Gegenüber seinem Führungspersonal ist er die eiserne Hand in einem eisernen Handschuh“, so "
        "charakterisierte ihn der Gewerkschaftsfunktionär Bernard Aubin von der CFTC.",
        "„Gegenüber",
        "Bernard Aubin",
    ),
    # a subject with an apposition before the verb
    (
        "General Anupong Paochinda, Oberbefehlshaber der thailändischen Armee, hat bereits angekündigt, "
        "er werde keine Soldaten gegen Demonstranten einsetzen.",
        "er werde",
        "General Anupong Paochinda, Oberbefehlshaber der thailändischen Armee",
    ),
]


@pytest.mark.parametrize("text,start,want", CASES, ids=[c[2][:24] for c in CASES])
def test_speaker_cases(analyze_text, text, start, want):
    quotes = [q for q in analyze_text(text).quotes if q.text.startswith(start)]
    assert quotes, [q.text for q in analyze_text(text).quotes]
    q = quotes[0]
    a = text.index(want)
    assert q.speaker_start is not None and q.speaker_start < a + len(want) and a < q.speaker_end, (
        q.speaker_text
    )


@pytest.mark.parametrize("entry", DATA["passive_source"].get("examples", []), ids=lambda e: e["speaker"])
def test_passive_source_examples(analyze_text, entry):
    """Each further example of a source preposition after an impersonal or passive cue."""
    text = entry["text"]
    quotes = analyze_text(text).quotes
    a = text.index(entry["speaker"])
    b = a + len(entry["speaker"])
    assert any(q.speaker_start is not None and q.speaker_start < b and a < q.speaker_end for q in quotes), [
        q.speaker_text for q in quotes
    ]
