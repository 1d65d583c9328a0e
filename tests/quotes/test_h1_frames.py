"""Frames added in the seventh session, each behind its own switch (the tests run it on and off): a
separated particle before a clause-final cue ("bekannt gab"), a verb-final cue in a subordinate or relative
clause, an infinitive after a demand noun, the source of a "wie" clause after its preposition, a V2 message
marked by hearsay "sollen", a quoted phrase that only closes a postposed message, a dass clause after a cue
that follows a comma, a dass clause after "wurde bekannt"."""

from __future__ import annotations

import pytest

from newsgraph import settings


def _rules(extractor_of, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, message, speaker) of what the rules find in ``text`` (no learned stages)."""
    ex = extractor_of(text)
    out = []
    for f in ex.found:
        sp = None
        if f.speaker is not None:
            sp = text[ex.toks[f.speaker.a].start : ex.toks[f.speaker.b - 1].end]
        out.append((f.kind, text[f.start : f.end], sp))
    return out


CASES = [
    (
        "QUOTES_SPLIT_PARTICLE",
        "Wie das Polizeipräsidium Westpfalz bekannt gab, wird es künftig mehr Kontrollen geben.",
        "wird es künftig mehr Kontrollen geben",
        "das Polizeipräsidium Westpfalz",
    ),
    (
        "QUOTES_SPLIT_PARTICLE",
        "Die Firma hat am Montag bekannt gegeben, dass die Ablagerungen keine Gefahr darstellen.",
        "dass die Ablagerungen keine Gefahr darstellen",
        "Die Firma",
    ),
    (
        "QUOTES_FINAL_CUE",
        "Ein Vorschlag kam von Ägypten, das vorschlug, in der Region eine waffenfreie Zone einzurichten.",
        "in der Region eine waffenfreie Zone einzurichten",
        "das",
    ),
    (
        "QUOTES_NOUN_ZU",
        "Dem Appell der Polizei, sich den Behörden zu stellen, folgte er nicht.",
        "sich den Behörden zu stellen",
        "Dem Appell der Polizei",
    ),
    (
        "QUOTES_NOUN_ZU",
        "Es besteht der Vorwurf der Regierung an Wikipedia, Terror zu propagieren.",
        "Terror zu propagieren",
        "der Vorwurf der Regierung an Wikipedia",
    ),
    (
        "QUOTES_V2_HEARSAY",
        "Die Zeitung hatte gestern berichtet, 200 Mitarbeiter sollen entlassen werden.",
        "200 Mitarbeiter sollen entlassen werden",
        "Die Zeitung",
    ),
    (
        "QUOTES_POSTPOSED_INNER",
        "Der neu entdeckte Planet begleitet den Stern „HD 13189“, teilte die Universität Jena mit.",
        "Der neu entdeckte Planet begleitet den Stern „HD 13189“",
        "die Universität Jena",
    ),
    (
        "QUOTES_POSTPOSED_THAT",
        "Edwards dagegen, der angetreten war und in Frage gekommen wäre, bekräftigte gegenüber mehreren "
        "spanischen Medien, dass er nicht zur Wahl stehe.",
        "dass er nicht zur Wahl stehe",
        None,
    ),
    (
        "QUOTES_BECAME_KNOWN",
        "Im April wurde dann bekannt, dass der Politiker an Krebs litt.",
        "dass der Politiker an Krebs litt",
        None,
    ),
    (
        "QUOTES_WIE_PP",
        "Wie aus einer Verlautbarung der Schutztruppe hervorgeht, wurden fünf Zivilisten getötet.",
        "wurden fünf Zivilisten getötet",
        "einer Verlautbarung der Schutztruppe",
    ),
    (
        "QUOTES_WIE_PP",
        "Wie sich aus der Auswertung des Radars ergab, hatte der Pilot versucht durchzustarten.",
        "hatte der Pilot versucht durchzustarten",
        "der Auswertung des Radars",
    ),
]


@pytest.mark.parametrize(("switch", "text", "message", "speaker"), CASES)
def test_frame_finds_the_message(extractor_of, switch, text, message, speaker):
    got = _rules(extractor_of, text)
    assert any(m == message and (speaker is None or sp == speaker) for _k, m, sp in got), got


@pytest.mark.parametrize(("switch", "text", "message", "speaker"), CASES)
def test_frame_switch_off(extractor_of, monkeypatch, switch, text, message, speaker):
    monkeypatch.setattr(settings, switch, False)
    got = _rules(extractor_of, text)
    assert not any(m == message and (speaker is None or sp == speaker) for _k, m, sp in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Er versuchte, um die Lage zu sagen, nichts.",  # "zu sagen": the infinitive marker is no particle
        "Die Bereitschaft, für den Posten zur Verfügung zu stehen, war groß.",  # not a listed demand noun
        "Die Zahl sei gestiegen, wie von der Verteidigung ausgeführt.",  # a passive agent is no wie source
        "Er kündigte einen Wagen an, der im Mai vorgestellt werden soll.",  # a relative clause, not hearsay
        "Bisher ist noch nicht bekannt, warum das Unglück geschah.",  # no form of "werden", no dass
    ],
)
def test_no_message(extractor_of, text):
    got = [m for _k, m, _sp in _rules(extractor_of, text)]
    assert not any(m.startswith(("für den Posten", "um die Lage")) for m in got), got
    assert all("Verteidigung" not in m and not m.startswith(("der im Mai", "warum")) for m in got), got
