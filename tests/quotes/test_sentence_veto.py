"""Vetoes on the sentence classifier's units (``sentences.vetoed``): relative clauses without a
Konjunktiv I verb, verb-first Konjunktiv II conditionals and first-person sentences (outside quotation
marks) are not reported speech."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.extract.quotes import sentences

# (text, the unit as it starts in the text (it runs to the final stop), vetoed?)
CASES = [
    (
        "Die Prävention stützt sich auf Maßnahmen, die jetzt durch eine Empfehlung ergänzt werden könnte.",
        "die jetzt",
        True,
    ),
    (
        "Die Organisationen stellen Musterbriefe zur Verfügung, mit denen Bürger sich beschweren können.",
        "mit denen",
        True,
    ),
    (
        "Die Behörde sprach von einem Mann, der sich in die Luft gesprengt habe.",
        "der sich",
        False,
    ),
    (
        "Sollte der Antrag angenommen werden, könnte die Seite vorläufig wieder online gehen.",
        "Sollte",
        True,
    ),
    (
        "Sollte der Antrag angenommen werden, sei die Seite vorläufig wieder online.",
        "Sollte",
        False,
    ),
    (
        "Tatsächlich fühle ich mich durch diese Dinge eher herausgefordert als genervt.",
        "Tatsächlich",
        True,
    ),
    (
        "Die Ministerin sagte, der Satz „Ich habe keine Zeit“ sei falsch verstanden worden.",
        "der Satz",
        False,
    ),
    (
        "Die Einzelteile könnten sich auf einer Spur über eine Länge von 800 Kilometern verteilen.",
        "Die Einzelteile",
        False,
    ),
]


def _unit(ex, text: str, start: str) -> tuple[int, int]:
    char = text.index(start)
    a = next(t.i for t in ex.toks if t.start == char)
    b = next(t.i for t in reversed(ex.toks) if t.text == ".")
    return a, b


@pytest.mark.parametrize(("text", "start", "expected"), CASES)
def test_vetoed(extractor_of, text: str, start: str, expected: bool) -> None:
    ex = extractor_of(text)
    a, b = _unit(ex, text, start)
    assert sentences.vetoed(ex, a, b) is expected


def test_vetoes_can_be_switched_off(extractor_of, monkeypatch) -> None:
    monkeypatch.setattr(settings, "QUOTES_VETO_RELATIVE", False)
    monkeypatch.setattr(settings, "QUOTES_VETO_CONDITIONAL", False)
    monkeypatch.setattr(settings, "QUOTES_VETO_FIRST_PERSON", False)
    for text, start, _expected in CASES:
        ex = extractor_of(text)
        assert not sentences.vetoed(ex, *_unit(ex, text, start))
