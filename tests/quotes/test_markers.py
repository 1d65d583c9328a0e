"""Marker phrases ("laut X", "nach Angaben X", "X zufolge", "Seiner Meinung nach", "so X", "Danach"):
the source they name and the part of the sentence they scope over (sixth session)."""

from __future__ import annotations

import pytest

from newsgraph.lang import load_toml

MARKERS = load_toml("de", "quotes/markers.toml")
MARKER_FRAMES = ("marker", "so", "pronominal")


def _marked(extractor_of, text: str, frames: tuple[str, ...] = MARKER_FRAMES) -> list[tuple[str, str]]:
    """(message, source) of the candidates of ``frames`` (the marker frames) the rules find in ``text``."""
    ex = extractor_of(text)
    toks = ex.toks
    out = []
    for f in ex.found:
        if f.frame in frames:
            src = text[toks[f.speaker.a].start : toks[f.speaker.b - 1].end] if f.speaker else ""
            out.append((text[f.start : f.end], src))
    return out


PREPOSITION_AFTER = [(e["name"], ex) for e in MARKERS["preposition"] for ex in e.get("examples_after", [])]


@pytest.mark.parametrize(("name", "example"), PREPOSITION_AFTER)
def test_postposed_marker_examples(name, example, extractor_of):
    assert _marked(extractor_of, example), (name, example)


@pytest.mark.parametrize("entry", MARKERS["pronominal"], ids=lambda e: e["name"])
def test_pronominal_examples(entry, extractor_of):
    assert _marked(extractor_of, entry["example"]), entry["example"]


@pytest.mark.parametrize(
    ("text", "message", "source"),
    [
        # "X zufolge": the source is the noun phrase before it, not the clause's prefield
        (
            "Ursache des Einsturzes dürfte ersten Annahmen zufolge der schwere Schnee gewesen sein.",
            "Ursache des Einsturzes dürfte ersten Annahmen zufolge der schwere Schnee gewesen sein",
            "ersten Annahmen",
        ),
        ("Der Polizei zufolge wurde niemand verletzt.", "wurde niemand verletzt", "Der Polizei"),
        # the source runs over its genitives and an apposition with a name
        (
            "Nach Angaben des Direktors der Fluggesellschaft, Jefferson Irwin Jauwena, sei der Zustand "
            "des Flugzeugs gut gewesen.",
            "sei der Zustand des Flugzeugs gut gewesen",
            "Angaben des Direktors der Fluggesellschaft, Jefferson Irwin Jauwena",
        ),
        # a postposed "nach" after its speech noun
        (
            "Seiner Meinung nach hätte die Aufsicht von einer Landung dringend abraten müssen.",
            "hätte die Aufsicht von einer Landung dringend abraten müssen",
            "Seiner Meinung",
        ),
        # "so X" inside the sentence: the longer part of the message
        (
            "Im Jahr 1943, so die Ergebnisse eines Richters, der gegen ihn ermittelt, seien mit dem Zug "
            "tausende Juden deportiert worden.",
            "seien mit dem Zug tausende Juden deportiert worden",
            "die Ergebnisse eines Richters, der gegen ihn ermittelt",
        ),
    ],
)
def test_marker_message_and_source(extractor_of, text, message, source):
    got = _marked(extractor_of, text)
    assert (message, source) in got, got


def test_subject_first_takes_the_genitive_into_the_source(extractor_of):
    text = "Die Regenzeit könnte nach Angaben des Leiters der griechischen Sektion bis September andauern."
    sources = [src for _msg, src in _marked(extractor_of, text)]
    assert "Angaben des Leiters der griechischen Sektion" in sources, sources


def test_article_after_the_source_may_open_the_subject(extractor_of):
    text = "Beim Eintritt würde nach Auskunft der NASA der überwiegende Teil der Masse verglühen."
    sources = [src for _msg, src in _marked(extractor_of, text)]
    assert sources == ["Auskunft der NASA"], sources


@pytest.mark.parametrize(
    "text",
    [
        "Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?",  # a question, the addressee's view
        "Das Spiel war meiner Meinung nach gut, sagte er.",  # first person
        "Nicht relevante Webseiten sollen nicht unter den Ergebnissen erscheinen wie Dialer-Seiten.",
        "Nach dem Scheitern der EU-Verfassung in den Referenden ist nun auch der Gipfel gescheitert.",
        "Die Staatsanwaltschaft beantragte nach Abschluss der Ermittlungen einen Prozess.",
        "Die Brandstifter drangen in die Moschee ein. Danach fingen sie an, das Innere zu verwüsten.",
    ],
)
def test_no_marker(extractor_of, text):
    assert not _marked(extractor_of, text)


def test_danach_after_a_marker_sentence_is_a_time_adverb(extractor_of):
    text = "Nach Aussagen des Bürgermeisters drangen die Täter ein. Danach setzten sie die Regale in Brand."
    assert all(not msg.startswith("setzten") for msg, _src in _marked(extractor_of, text))


def test_marker_before_a_colon_quote_gives_no_reported_quote(extractor_of):
    text = "In der Fraktion sagte die Kanzlerin einigen Teilnehmern zufolge: „Er war ein Stabilisator.“"
    assert not _marked(extractor_of, text)


def test_relative_marker_is_not_a_preposition(extractor_of):
    text = "Es gibt auch Gerüchte, nach denen Barrett an Krebs litt."
    assert ("Barrett an Krebs litt", "Gerüchte") in _marked(extractor_of, text)


def test_marker_after_a_missed_sentence_boundary(extractor_of):
    # the segmenter keeps "7,1." and "Nach" in one sentence: the marker still opens the message
    text = (
        "N24 berichtete von zeitweise 7,1. Nach Angaben des USGS fand das Beben in 37 Kilometer Tiefe statt."
    )
    messages = [msg for msg, _src in _marked(extractor_of, text)]
    assert all(not msg.startswith("N24") for msg in messages), messages
