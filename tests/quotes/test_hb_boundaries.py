"""Message boundaries and chains (session 8, helper hB): each rule with its switch off and on."""

from __future__ import annotations

import pytest

from newsgraph import settings

# (text, the free indirect passages with the switch on)
HEARSAY = [
    (
        "Die Polizei berichtete am Montag von schweren Unruhen in der Stadt. Die Demonstranten sollen Bilder "
        "des Anführers mit sich geführt haben. Dabei seien mehrere Geschäfte angegriffen und ihre Scheiben "
        "eingeschlagen worden. Das Wetter war gut.",
        [
            "Die Demonstranten sollen Bilder des Anführers mit sich geführt haben",
            "Dabei seien mehrere Geschäfte angegriffen und ihre Scheiben eingeschlagen worden",
        ],
    ),
    (
        "Der Sprecher der Staatsanwaltschaft sagte am Dienstag, der Mann sei festgenommen worden. "
        "Mit 13 Jahren soll die Frau erstmals bedroht worden sein. "
        "Er habe sie damals mit Schlägen eingeschüchtert. Der Prozess beginnt im Mai.",
        [
            "Mit 13 Jahren soll die Frau erstmals bedroht worden sein",
            "Er habe sie damals mit Schlägen eingeschüchtert",
        ],
    ),
]


def _free(quotes):
    return [q.text for q in quotes if q.kind == "free_indirect"]


@pytest.mark.parametrize(("text", "passages"), HEARSAY)
def test_hearsay_sentence_and_konjunktiv_sentence_stay_apart(tagged_quotes, monkeypatch, text, passages):
    assert _free(tagged_quotes(text)) == passages
    monkeypatch.setattr(settings, "QUOTES_CHAIN_HEARSAY", False)
    assert _free(tagged_quotes(text)) == [
        text[text.index(passages[0]) : text.index(passages[1]) + len(passages[1])]
    ]


# (text, the reported message of the marker inside the longer message)
NESTED_MARKER = [
    (
        "Die Vereinten Nationen baten Deutschland am Montag, sich mit Soldaten an der Mission zu beteiligen, "
        "weil die Friedenstruppe nach Angaben der UN überfordert ist.",
        "weil die Friedenstruppe nach Angaben der UN überfordert ist",
    ),
    (
        "Laut dem Sender NDR wurde der Mann unter Berufung auf die Polizei bei einer Durchsuchung in London "
        "festgenommen.",
        "wurde der Mann unter Berufung auf die Polizei bei einer Durchsuchung in London festgenommen",
    ),
]


@pytest.mark.parametrize(("text", "inner"), NESTED_MARKER)
def test_marker_message_inside_a_longer_message_stays(tagged_quotes, monkeypatch, text, inner):
    assert inner in [q.text for q in tagged_quotes(text)]
    monkeypatch.setattr(settings, "QUOTES_NESTED_MARKER", False)
    assert inner not in [q.text for q in tagged_quotes(text)]


# (text, the marker's message around the speech verb's, the speech verb's message inside it)
OUTER_MARKER = [
    (
        "Laut dem Magazin Spiegel hat der Fonds am Montag angekündigt, keine finanzielle Hilfe mehr leisten "
        "zu wollen.",
        "hat der Fonds am Montag angekündigt, keine finanzielle Hilfe mehr leisten zu wollen",
        "keine finanzielle Hilfe mehr leisten zu wollen",
    ),
    (
        "Nach Angaben des Senders CNN hat der Minister auf einer Pressekonferenz verkündet, "
        "der Rat wolle die Truppen im Land behalten.",
        "hat der Minister auf einer Pressekonferenz verkündet, der Rat wolle die Truppen im Land behalten",
        "der Rat wolle die Truppen im Land behalten",
    ),
]


@pytest.mark.parametrize(("text", "outer", "inner"), OUTER_MARKER)
def test_marker_message_around_a_speech_verb_message_stays(tagged_quotes, monkeypatch, text, outer, inner):
    assert {outer, inner} <= {q.text for q in tagged_quotes(text)}
    monkeypatch.setattr(settings, "QUOTES_OUTER_MARKER", False)
    texts = {q.text for q in tagged_quotes(text)}
    assert inner in texts and outer not in texts


def test_citing_marker_around_the_citer_s_message_gives_way(tagged_quotes, monkeypatch):
    text = (
        "Unter Berufung auf staatliche Organe teilte die Weltgesundheitsorganisation am Montag mit, "
        "durch den Sturm seien 300 Menschen ums Leben gekommen."
    )
    inner = "durch den Sturm seien 300 Menschen ums Leben gekommen"
    texts = {q.text for q in tagged_quotes(text)}
    assert inner in texts and not any(t != inner and inner in t for t in texts), texts
    monkeypatch.setattr(settings, "QUOTES_OUTER_NOT_CITING", False)
    texts = {q.text for q in tagged_quotes(text)}
    assert any(t != inner and inner in t for t in texts), texts
