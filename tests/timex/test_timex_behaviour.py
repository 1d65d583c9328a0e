"""Behaviour beyond single rules: years vs numbers, anchoring, modes, document date, the component."""

from __future__ import annotations

import pytest

from newsgraph.extract.timex import docdate, run, tag
from newsgraph.model import Document


@pytest.mark.parametrize(
    "text",
    [
        "Rund 1500 Soldaten wurden verlegt.",
        "Mit 2000 Menschen war der Saal voll.",
        "Zwischen 1500 bis 2000 Menschen kamen.",
        "Die Linie Nr. 1984 fährt nicht.",
        "Es kostete 2.000 Euro.",
        "Die Leistung lag bei 1959,5 Megawatt.",
        "Er lief 1500 Meter.",
        "Die Preise stiegen um 2000 Prozent.",
    ],
)
def test_numbers_are_not_years(text: str) -> None:
    assert not [t for t in tag(text, "2025-11-11") if t.value[:2] in ("15", "19", "20")], tag(
        text, "2025-11-11"
    )


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("1959 schoss die Sowjetunion den ersten Satelliten ins All.", "1959"),
        ("Italien hatte 1882 Assab und 1885 Massaua besetzt.", "1882"),
        ("Bis Ende 1983 gab es Angriffe auf 45 Schiffe, 1984 67 Angriffe.", "1984"),
        ("der großen Hungersnot von 1932 und 1933", "1933"),
        ("Im Jahr 2022 betrug das Volumen 21.300 Tonnen.", "Im Jahr 2022"),
    ],
)
def test_years_standing_alone_are_dates(text: str, extent: str) -> None:
    assert extent in [t.text for t in tag(text, None)]


def test_no_anchor_keeps_relative_expressions_underspecified() -> None:
    text = "Im vergangenen April und gestern, am Mittwoch und im letzten Jahr sprach er."
    values = {t.text: t.value for t in tag(text, None)}
    assert values == {
        "Im vergangenen April": "XXXX-04",
        "gestern": "XXXX-XX-XX",
        "am Mittwoch": "XXXX-WXX-3",
        "im letzten Jahr": "XXXX",
    }


def test_anaphora_resolves_on_the_last_full_date() -> None:
    text = "Am 12. März 2020 kam er an. Tags darauf sagte er ab. Zwei Jahre später kehrte er zurück."
    values = {t.text: t.value for t in tag(text, None)}
    assert values["Tags darauf"] == "2020-03-13"
    assert values["Zwei Jahre später"] == "2022"


def test_narrative_mode_for_a_distant_past() -> None:
    text = (
        "Der Krieg begann am 28. Juli 1914. Am 1. August erklärte das Reich den Krieg. "
        "Heute ist das Museum offen. 1915 folgte Italien, 1917 die USA."
    )
    r = run(text, "2011-02-16", infer_date=False)
    assert r.mode == "narrative"
    values = {t.text: t.value for t in r.timexes}
    assert values["Am 1. August"] == "1914-08-01"
    assert values["Heute"] == "PRESENT_REF"


def test_document_date_inference() -> None:
    assert docdate.infer("Er kündigte am Dienstag (11.11.2025) an.", []) == (
        "2025-11-11",
        "weekday_with_date",
    )
    assert docdate.infer("Er kündigte am Montag (11.11.2025) an.", []) is None  # weekday disagrees
    assert docdate.infer("Heute, am 12. November, spricht er.", [2024, 2025]) == (
        "2025-11-12",
        "today_with_date",
    )
    assert docdate.infer("Heute, am 12. November, spricht er.", []) is None  # no year named


@pytest.mark.parametrize(
    ("pattern", "text", "date"),
    [(p.name, text, date) for p in docdate.patterns("de") for text, date in p.examples],
)
def test_docdate_examples(pattern: str, text: str, date: str | None) -> None:
    r = run(text, None)
    assert r.inferred == date, (pattern, r)


def test_component_sets_records_and_inferred_date() -> None:
    from newsgraph.nlp import extensions, pipeline

    nlp = pipeline.build(("ng_timex",))
    doc = nlp.make_doc(
        "Der Präsident kündigte am Dienstag (11.11.2025) an, dass er heute am Nachmittag reist."
    )
    doc._.document = Document(id="d1", text=doc.text)
    doc = nlp.get_pipe("ng_timex")(doc)
    recs = extensions.records(doc, "timexes")
    assert doc.user_data["published"] == "2025-11-11"
    assert doc.user_data["published_from"] == "text"
    assert [(t.text, t.value) for t in recs] == [
        ("am Dienstag", "2025-11-11"),
        ("11.11.2025", "2025-11-11"),
        ("heute", "2025-11-11"),
        ("am Nachmittag", "2025-11-11TAF"),
    ]
    assert all(t.id.startswith("t_") and t.doc == "d1" for t in recs)


def test_component_survives_a_bad_document() -> None:
    from newsgraph.nlp import extensions, pipeline

    nlp = pipeline.build(("ng_timex",))
    doc = nlp.make_doc("heute")
    doc._.document = Document(id="d2", text="heute", published="not-a-date")
    doc = nlp.get_pipe("ng_timex")(doc)
    assert [t.value for t in extensions.records(doc, "timexes")] == ["XXXX-XX-XX"]
