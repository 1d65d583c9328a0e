"""Marker and frame shapes of the eighth session: a marker phrase inside a noun phrase ("die seiner
Ansicht nach fragwürdige Rolle …"), a name source before the subject ("laut NAME der Sprecher …"), "Denn
wie die „Bild“-Zeitung berichtete, …" and the demand-noun infinitive that the screen keeps unread."""

from __future__ import annotations

import pytest

from newsgraph import settings

from .test_markers import MARKER_FRAMES, _marked

# (switch, text, frames, (message, source) the rule finds; gone with the switch off)
CASES = [
    (
        "QUOTES_MARKER_ATTRIBUTIVE",
        "Die seiner Ansicht nach fragwürdige Rolle der Notenbank bei der Finanzkrise veranlasste den "
        "Senator zu einem Gesetzentwurf.",
        MARKER_FRAMES,
        ("fragwürdige Rolle der Notenbank bei der Finanzkrise", "seiner Ansicht"),
    ),
    (
        "QUOTES_MARKER_ATTRIBUTIVE",
        "Sie wandte sich gegen die ihrer Meinung nach verbreiteten Illusionen im Umgang mit Tätern: „Nie!“",
        MARKER_FRAMES,
        ("verbreiteten Illusionen im Umgang mit Tätern", "ihrer Meinung"),
    ),
    (
        "QUOTES_MARKER_NAME_END",
        "Jedoch wurde laut Sergei Voznyak der persönliche Sprecher des Politikers festgenommen.",
        MARKER_FRAMES,
        (
            "Jedoch wurde laut Sergei Voznyak der persönliche Sprecher des Politikers festgenommen",
            "Sergei Voznyak",
        ),
    ),
    (
        "QUOTES_WIE_AFTER_ADVERB",
        "Denn wie die „Bild“-Zeitung am Montag berichtete, leidet der Schauspieler an Alzheimer.",
        ("wie",),
        ("leidet der Schauspieler an Alzheimer", "die „Bild“-Zeitung am Montag"),
    ),
    (
        "QUOTES_WIE_QUOTED_SOURCE",
        "Wie die „Bild“-Zeitung am Montag berichtete, leidet der Schauspieler an Alzheimer.",
        ("wie",),
        ("leidet der Schauspieler an Alzheimer", "die „Bild“-Zeitung am Montag"),
    ),
]


@pytest.mark.parametrize(("switch", "text", "frames", "expected"), CASES, ids=[c[0] for c in CASES])
def test_shape_found(extractor_of, switch: str, text: str, frames: tuple[str, ...], expected: tuple) -> None:
    found = _marked(extractor_of, text, frames)
    assert expected in found, found


@pytest.mark.parametrize(("switch", "text", "frames", "expected"), CASES, ids=[c[0] for c in CASES])
def test_shape_gone_when_off(extractor_of, monkeypatch, switch: str, text: str, frames, expected) -> None:
    monkeypatch.setattr(settings, switch, False)
    assert expected not in _marked(extractor_of, text, frames)


@pytest.mark.parametrize("on", [True, False])
def test_demand_noun_infinitive_is_firm(extractor_of, monkeypatch, on: bool) -> None:
    monkeypatch.setattr(settings, "QUOTES_NOUN_ZU_FIRM", on)
    ex = extractor_of("Dem Appell der Polizei, sich zu stellen, folgte der Mann nicht.")
    zu = [f for f in ex.found if f.frame == "zu"]
    assert zu and all(f.firm is on for f in zu)


@pytest.mark.parametrize("on", [True, False])
def test_then_marker_without_a_readable_source_gives_nothing(extractor_of, monkeypatch, on: bool) -> None:
    monkeypatch.setattr(settings, "QUOTES_MARKER_THEN_SOURCE", on)
    text = (
        "Unter Berufung auf nicht weiter bezeichnete Quellen gab die Zeitung an, der Minister trete zurück."
    )
    broken = [m for m, _src in _marked(extractor_of, text) if m.startswith("auf ")]
    assert (broken == []) is on, broken
