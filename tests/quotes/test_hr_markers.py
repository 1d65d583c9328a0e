"""Marker and frame shapes of the eighth session: a marker phrase inside a noun phrase ("die seiner
Ansicht nach fragwürdige Rolle …"), a name source before the subject ("laut NAME der Sprecher …"), "Denn
wie die „Bild“-Zeitung berichtete, …" and the demand-noun infinitive that the screen keeps unread."""

from __future__ import annotations

from newsgraph import settings

from .test_markers import _marked


def test_attributive_marker_gives_the_noun_phrase(extractor_of):
    text = (
        "Die seiner Ansicht nach fragwürdige Rolle der Notenbank bei der Finanzkrise veranlasste den "
        "Senator zu einem Gesetzentwurf."
    )
    found = _marked(extractor_of, text)
    assert ("fragwürdige Rolle der Notenbank bei der Finanzkrise", "seiner Ansicht") in found, found


def test_attributive_marker_ends_at_a_colon(extractor_of):
    text = "Sie wandte sich gegen die ihrer Meinung nach verbreiteten Illusionen im Umgang mit Tätern: „Nie!“"
    found = _marked(extractor_of, text)
    assert ("verbreiteten Illusionen im Umgang mit Tätern", "ihrer Meinung") in found, found


def test_attributive_marker_off(extractor_of, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_MARKER_ATTRIBUTIVE", False)
    text = "Die seiner Ansicht nach fragwürdige Rolle der Notenbank veranlasste den Senator zu einem Entwurf."
    assert all(not m.startswith("fragwürdige") for m, _s in _marked(extractor_of, text))


def test_demand_noun_infinitive_is_firm(extractor_of):
    ex = extractor_of("Dem Appell der Polizei, sich zu stellen, folgte der Mann nicht.")
    zu = [f for f in ex.found if f.frame == "zu"]
    assert zu and all(f.firm for f in zu)


def test_demand_noun_infinitive_not_firm_when_off(extractor_of, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_NOUN_ZU_FIRM", False)
    ex = extractor_of("Dem Appell der Polizei, sich zu stellen, folgte der Mann nicht.")
    assert not any(f.firm for f in ex.found)


def test_name_after_laut_ends_before_the_subject(extractor_of):
    text = "Jedoch wurde laut Sergei Voznyak der persönliche Sprecher des Politikers festgenommen."
    found = _marked(extractor_of, text)
    assert (
        "Jedoch wurde laut Sergei Voznyak der persönliche Sprecher des Politikers festgenommen",
        "Sergei Voznyak",
    ) in found, found


def test_name_end_off_reads_on_over_the_article(extractor_of, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_MARKER_NAME_END", False)
    text = "Jedoch wurde laut Sergei Voznyak der persönliche Sprecher des Politikers festgenommen."
    assert all(src != "Sergei Voznyak" for _m, src in _marked(extractor_of, text))


def _wie(extractor_of, text: str) -> list[tuple[str, str]]:
    ex = extractor_of(text)
    toks = ex.toks
    return [
        (
            text[f.start : f.end],
            text[toks[f.speaker.a].start : toks[f.speaker.b - 1].end] if f.speaker else "",
        )
        for f in ex.found
        if f.frame == "wie"
    ]


def test_wie_after_a_connective_with_a_quoted_source(extractor_of):
    text = "Denn wie die „Bild“-Zeitung am Montag berichtete, leidet der Schauspieler an Alzheimer."
    found = _wie(extractor_of, text)
    assert ("leidet der Schauspieler an Alzheimer", "die „Bild“-Zeitung am Montag") in found, found


def test_wie_after_a_connective_off(extractor_of, monkeypatch):
    monkeypatch.setattr(settings, "QUOTES_WIE_AFTER_ADVERB", False)
    text = "Denn wie die Zeitung am Montag berichtete, leidet der Schauspieler an Alzheimer."
    assert not _wie(extractor_of, text)
