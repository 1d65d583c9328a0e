"""Speaker hand-over and dedupe (session 8, helper hN): each rule with its switch off and on."""

from __future__ import annotations

import pytest

from newsgraph import settings

# (text, the source quote's speaker before, its new speaker, the continuation that copied the old one)
FOLLOW = [
    (
        "Bomben zerstörten auch ein Büro des Ministers, das nach israelischen Angaben unter anderem der "
        "Planung terroristischer Aktivitäten diene. Außerdem sollen ein Waffenlager getroffen worden sein.",
        "Bomben",
        "israelischen Angaben",
        "Außerdem sollen ein Waffenlager getroffen worden sein",
    ),
]


@pytest.mark.parametrize(("text", "old", "new", "message"), FOLLOW)
def test_continuation_follows_the_new_speaker_of_its_source(tagged_nlp, monkeypatch, text, old, new, message):
    from newsgraph.extract.quotes import lexicon, speaker_conventions
    from newsgraph.extract.quotes.candidates import Found
    from newsgraph.extract.quotes.speaker import NP
    from newsgraph.extract.quotes.speaker_lexicon import load
    from newsgraph.extract.quotes.speaker_select import Selector
    from newsgraph.extract.quotes.tokens import view

    v = view(tagged_nlp(text))
    sel = Selector(v, lexicon.load("de"), load("de"), None)

    def phrase(words: str) -> NP:
        a = v.tok_at(text.index(words))
        b = v.tok_at(text.index(words) + len(words) - 1) + 1
        return NP(a, b, "noun", b - 1)

    def run() -> tuple[int, int] | None:
        src = Found("indirect", text.index(","), text.index("."), 0, phrase(old))
        m = text.index(message)
        cont = Found.continuing("free_indirect", m, m + len(message), 1, src, (0, len(old)), "sentence")
        speaker_conventions.replace(sel, [src, cont], src, phrase(new))
        return cont.speaker_chars

    assert run() == (text.index(new), text.index(new) + len(new))
    monkeypatch.setattr(settings, "QUOTES_FOLLOW_NEW_SOURCE", False)
    assert run() == (0, len(old))


# (text, the marker's message that stands with the switch on, the demonstrative's message it lost to)
ANAPHOR = [
    (
        "Dem Gericht liegt ein medizinisches Gutachten vor, laut dem das Kind in schwerer Weise misshandelt "
        "worden war. Dies belegen zahlreiche Knochenbrüche an Armen und Beinen.",
        "das Kind in schwerer Weise misshandelt worden war",
        "Dem Gericht liegt ein medizinisches Gutachten vor, laut dem das Kind in schwerer Weise misshandelt "
        "worden war. Dies",
    ),
]


@pytest.mark.parametrize(("text", "marker", "anaphoric"), ANAPHOR)
def test_marker_quote_beats_a_demonstrative_of_a_thing(tagged_quotes, monkeypatch, text, marker, anaphoric):
    texts = [q.text for q in tagged_quotes(text)]
    assert marker in texts and anaphoric not in texts
    monkeypatch.setattr(settings, "QUOTES_MARKER_OVER_ANAPHOR", False)
    texts = [q.text for q in tagged_quotes(text)]
    assert anaphoric in texts and marker not in texts


def test_demonstrative_with_a_speaking_subject_stays(tagged_quotes):
    text = (
        "Laut einer Eilmeldung des Senders wurde im Stadtteil ein Mann festgenommen. "
        "Dies gab die britische Polizei bekannt."
    )
    quotes = tagged_quotes(text)
    assert any(q.speaker_text == "die britische Polizei" and q.text.startswith("Laut") for q in quotes)
