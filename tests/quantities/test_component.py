"""The ng_quantities component: records, ids, robustness, skipping timexes."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import model, settings
from newsgraph.extract.quantities import find
from newsgraph.extract.quantities.numbers import parse_digits

from .helpers import make_doc, pick, run


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("410.000", 410000),
        ("27,8", 27.8),
        ("7.600", 7600),
        ("1.5", 1.5),
        ("2.000,352", 2000.352),
        ("4,800", 4.8),
        ("1 234 567", 1234567),
        ("12", 12),
    ],
)
def test_german_digits(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("20 bis 30 Prozent", 20, 30, "%"),
        ("20–30 Millionen Euro", 2e7, 3e7, "EUR"),
        ("zwischen 10 und 20 Tonnen", 10, 20, "t"),
        ("von 5 bis 8 Kilometer", 5, 8, "km"),
    ],
)
def test_ranges(text: str, value: float, value_max: float, unit: str) -> None:
    (f,) = find(text)
    assert (f.value, f.value_max, f.unit) == (value, value_max, unit)


def test_model_codes_are_no_ranges() -> None:
    assert [f.value for f in find("15 Boeing 787-9 Dreamliner")] == [15]


def test_records(extract: Any) -> None:
    text = "Nach offiziellen Angaben wuchs der Umsatz um etwa 5 Prozent auf 3 Milliarden Euro."
    found = extract(text, doc_id="doc1", source="Zeitung")
    assert [(q.text, q.value, q.unit, q.qualifier) for q in found] == [
        ("etwa 5 Prozent", 5, "%", "approx"),
        ("3 Milliarden Euro", 3e9, "EUR", "exact"),
    ]
    for q in found:
        assert isinstance(q, model.Quantity)
        assert q.id == model.record_id("n", "doc1", q.start, q.end) and q.doc == "doc1"
        assert text[q.start : q.end] == q.text
        assert q.measure == "Umsatz" and q.speaker_text == "Nach offiziellen Angaben"


def test_outlet_is_the_default_speaker(extract: Any) -> None:
    (q,) = extract("Die Brücke ist 300 Meter lang.", source="Tagesblatt")
    assert q.speaker_text == "Tagesblatt" and q.speaker_span is None


def test_laut_mention_is_the_speaker(extract: Any) -> None:
    text = "Laut Gazprom stiegen die Exporte um 12 Prozent."
    (q,) = extract(text, mentions=[("Gazprom", "ORG")])
    assert q.speaker_span == (5, 12) and q.speaker_text == "Gazprom"


def test_numbers_inside_date_timexes_are_skipped(extract: Any) -> None:
    text = "In den ersten neun Monaten des Jahres 2025 wurden 20 Tonnen geliefert."
    found = extract(text, timexes=[("In den ersten neun Monaten des Jahres 2025", "DATE", "2025")])
    assert [(q.text, q.time) for q in found] == [("20 Tonnen", "2025")]


def test_durations_are_kept(extract: Any) -> None:
    text = "Das Treffen dauerte etwa drei Stunden."
    (q,) = extract(text, timexes=[("etwa drei Stunden", "DURATION", "PT3H")])
    assert (q.value, q.unit, q.qualifier, q.measure) == (3, "h", "approx", "Treffen")


def test_ordinals_are_no_quantities(extract: Any) -> None:
    assert extract("Der 90. Jahrestag und der erste Satellit, zum dritten Mal.") == []


def test_empty_and_odd_input(nlp: Any) -> None:
    for text in ["", " ", "\n\n", "1", "%", "Mio.", "1/0", "..." * 50, "9" * 400, "+1-222-2222/2222"]:
        doc = nlp.make_doc(text)  # no doc._.document, no other records
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        assert isinstance(doc._.quantities, list)


def test_many_numbers_are_capped(extract: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "QUANTITIES_MAX_PER_DOC", 3)
    assert len(extract("1 Tonne, 2 Tonnen, 3 Tonnen, 4 Tonnen, 5 Tonnen.")) == 3


def test_component_is_in_the_pipeline() -> None:
    assert "ng_quantities" in settings.PIPELINE


def test_pick_helper_reports(extract: Any, nlp: Any) -> None:
    found = run(nlp, make_doc(nlp, "Es waren 5 Tonnen."))
    assert pick(found, "5 Tonnen").unit == "t"


def test_age_in_parentheses_after_a_person(extract: Any) -> None:
    (q,) = extract("Das sagte Musiker Heino (77) der Zeitung.", mentions=[("Heino", "PER")])
    assert (q.value, q.unit, q.measure) == (77, "a", "Alter")
