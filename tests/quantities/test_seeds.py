"""The seed articles (../shared/data/seeds/): every number the issue lists, with value, unit, qualifier,
measure and time scope. The components that run before ng_quantities (NER, timex, quotes) are stood in for
by hand-made records, as they would produce them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsgraph import model

from .helpers import make_doc, pick, run, spans

NAMES = [
    ("Russland", "LOC"),
    ("Kasachstan", "LOC"),
    ("Kasachstans", "LOC"),
    ("kasachischen", "LOC"),
    ("Moskau", "LOC"),
    ("Wladimir Putin", "PER"),
    ("Putin", "PER"),
    ("Tokajew", "PER"),
    ("Toqajew", "PER"),
    ("Cove Capital", "ORG"),
    ("Tau-Ken Samruk", "ORG"),
    ("Deutschland", "LOC"),
    ("Kaschagan", "LOC"),
    ("Gazprom", "ORG"),
    ("Lukoil", "ORG"),
    ("Washington", "LOC"),
    ("Ukraine", "LOC"),
    ("EFE", "ORG"),
    ("Sowjetunion", "LOC"),
    ("Baikonur", "LOC"),
    ("Juri Gagarin", "PER"),
    ("Sputnik-1", "MISC"),
]
TIMEXES: dict[str, list[tuple[str, ...]]] = {
    "000": [
        ("am Dienstag (11.11.2025)", "DATE", "2025-11-11"),
        ("heute", "DATE", "2025-11-11"),
        ("am Nachmittag", "TIME", "2025-11-11TAF"),
        ("am Mittwoch", "DATE", "2025-11-12"),
        ("im vergangenen April", "DATE", "2025-04"),
        ("in den letzten Wochen", "DATE", "PAST_REF"),
    ],
    "003": [
        ("im Jahr 2024", "DATE", "2024"),
        ("in den ersten neun Monaten des Jahres 2025", "DATE", "2025", "2025-01/2025-09"),
        ("gestern", "DATE", "2025-11-11"),
        ("heute", "DATE", "2025-11-12"),
        ("am 11. November", "DATE", "2025-11-11"),
        ("am 12. November", "DATE", "2025-11-12"),
        ("etwa drei Stunden", "DURATION", "PT3H"),
    ],
    "004": [
        ("im Oktober 1992", "DATE", "1992-10"),
        ("2012", "DATE", "2012"),
        ("2009", "DATE", "2009"),
        ("im Sommer 2022", "DATE", "2022-SU"),
        ("Im Jahr 2022", "DATE", "2022"),
        ("im vergangenen September", "DATE", "2022-09"),
        ("Ende Oktober", "DATE", "2022-10"),
        ("in den vergangenen 30 Jahren", "DURATION", "P30Y"),
        ("1959", "DATE", "1959"),
        ("Zwei Jahre später", "DATE", "1961"),
        ("Seit 1994", "DATE", "1994"),
        ("im vergangenen Jahr", "DATE", "2022"),
        ("bis 2050", "DATE", "2050", "../2050"),
        ("jährlich", "SET", "P1Y"),
        ("im Sommer", "DATE", "XXXX-SU"),
        ("im Winter", "DATE", "XXXX-WI"),
        ("Derzeit", "DATE", "PRESENT_REF"),
        ("Im letzten Jahr", "DATE", "2022"),
        ("1932", "DATE", "1932"),
        ("1933", "DATE", "1933"),
        ("in vier Jahrzehnten", "DURATION", "P40Y"),
    ],
}
# (seed, text, value, unit, qualifier, measure, time, is_rank); measure/time None = not checked unless listed
CASES: list[tuple[Any, ...]] = [
    ("000", "fast 30 Milliarden Dollar", 3e10, "USD", "almost", "Handelsvolumen", None, False),
    ("000", "4 Milliarden Dollar", 4e9, "USD", "exact", "Investition", None, False),
    ("000", "über 17 Milliarden Dollar", 1.7e10, "USD", "more_than", "Vereinbarung", None, False),
    ("000", "410.000 Tonnen", 410000, "t", "exact", "Reserve", None, False),
    ("000", "70 %", 70, "%", "exact", None, None, False),
    ("000", "30 %", 30, "%", "exact", None, None, False),
    ("000", "15", 15, None, "exact", "Boeing", None, False),
    ("003", "etwa 27 Milliarden", 2.7e10, None, "approx", "Investition", None, False),
    ("003", "27,8 Milliarden US-Dollar", 2.78e10, "USD", "exact", "Handelsvolumen", "2024", False),
    ("003", "20 Milliarden US-Dollar", 2e10, "USD", "exact", "Handelsvolumen", "2025-01/2025-09", False),
    ("003", "etwa drei Stunden", 3, "h", "approx", "Treffen", None, False),
    ("003", "erster Stelle", 1, None, "exact", "Investition", None, True),
    ("003", "den ersten Platz", 1, None, "exact", "Investition", None, True),
    ("004", "rund 7.600 Kilometer", 7600, "km", "approx", "Grenze", None, False),
    ("004", "21.300 Tonnen", 21300, "t", "exact", "Uranproduktion", "2022", False),
    ("004", "mehr als 700.000 Tonnen", 700000, "t", "more_than", "Uran", None, False),
    ("004", "etwa 40 Prozent", 40, "%", "approx", "Uranproduktion", None, False),
    ("004", "18 Milliarden Barrel", 1.8e10, "[bbl_us]", "exact", "Öl", None, False),
    ("004", "plus 50 Grad", 50, "Cel", "exact", "Klima", "XXXX-SU", False),
    ("004", "minus 50 Grad", -50, "Cel", "exact", None, "XXXX-WI", False),
    ("004", "rund 19 Millionen", 1.9e7, None, "approx", "Mensch", "PRESENT_REF", False),
    ("004", "66 Prozent", 66, "%", "exact", None, None, False),
    ("004", "knapp 19 Prozent", 19, "%", "almost", None, None, False),
    ("004", "13 Prozent", 13, "%", "exact", None, None, False),
    ("004", "etwa 130", 130, None, "approx", "Gruppe", None, False),
    ("004", "mindestens eineinhalb Millionen", 1.5e6, None, "at_least", "Mensch", None, False),
    ("004", "einem Viertel", 0.25, "1", "exact", "Bevölkerung", None, False),
    ("004", "Mehr als vierhundert", 400, None, "more_than", "Atomexplosion", None, False),
    ("004", "siebeneinhalb Mal so", 7.5, "{times}", "exact", "Größe", None, False),
    ("004", "Ein Drittel", 1 / 3, "1", "exact", "Land", None, False),
    ("004", "mehr als die Hälfte", 0.5, "1", "more_than", None, None, False),
    ("004", "mehr als umgerechnet 100 Millionen Euro", 1e8, "EUR/a", "more_than", "Vertrag", None, False),
    ("004", "Platz zwölf", 12, None, "exact", "Ölreserve", None, True),
    ("004", "Platz fünfzehn", 15, None, "exact", "Gasreserve", None, True),
    ("004", "zweitgrößten", 2, None, "exact", "Uranreserve", None, True),
]
NOT_QUANTITIES = {
    "000": ["11.11.2025", "787-9", "unter vier Augen"],
    "003": ["2024", "2025", "11. November", "12. November", "vier Augen", "ersten neun"],
    "004": [
        "1992",
        "2012",
        "2009",
        "2022",
        "1959",
        "1994",
        "2050",
        "1932",
        "1933",
        "90.",
        "Sputnik-1",
        "ersten Satelliten",
        "erster Mensch",
    ],
}


def _seed(seeds_dir: Path, key: str) -> str:
    return next(seeds_dir.glob(f"{key}_*.txt")).read_text(encoding="utf-8")


def _quotes(text: str) -> list[dict[str, Any]]:
    """003: Putin's direct quote ("..., sagte er.") and his indirect one ("Putin erinnerte daran, dass")."""
    if "Investitionen betrifft" not in text:
        return []
    putin = spans(text, "Wladimir Putin")[0]
    q1s = text.index("„Russland ist einer")
    q1e = text.index("“, sagte er") + 1
    er = text.index("sagte er") + len("sagte ")
    q2s = text.index("dass das Handelsvolumen")
    q2e = text.index("20 Milliarden US-Dollar") + len("20 Milliarden US-Dollar")
    speaker2 = text.index("Putin erinnerte")
    cue2 = speaker2 + len("Putin ")
    return [
        dict(
            start=q1s,
            end=q1e,
            text=text[q1s:q1e],
            kind="direct",
            speaker_text="er",
            speaker_start=er,
            speaker_end=er + 2,
            speaker_ref=putin,
        ),
        dict(
            start=q2s,
            end=q2e,
            text=text[q2s:q2e],
            kind="indirect",
            speaker_text="Putin",
            speaker_start=speaker2,
            speaker_end=speaker2 + 5,
            cue="erinnerte",
            cue_start=cue2,
            cue_end=cue2 + len("erinnerte"),
        ),
    ]


@pytest.fixture(scope="module")
def seeds(nlp: Language, seeds_dir: Path) -> dict[str, tuple[str, list[model.Quantity]]]:
    out = {}
    for key in ("000", "003", "004"):
        text = _seed(seeds_dir, key)
        doc = make_doc(
            nlp,
            text,
            doc_id=key,
            source=f"outlet{key}",
            mentions=NAMES,
            timexes=TIMEXES[key],
            quotes=_quotes(text),
        )  # type: ignore[arg-type]
        out[key] = (text, run(nlp, doc))
    return out


@pytest.mark.parametrize(
    ("seed", "text", "value", "unit", "qualifier", "measure", "time", "rank"),
    CASES,
    ids=[f"{c[0]}:{c[1]}" for c in CASES],
)
def test_seed_quantity(
    seeds: dict,
    seed: str,
    text: str,
    value: float,
    unit: str | None,
    qualifier: str,
    measure: str | None,
    time: str | None,
    rank: bool,
) -> None:
    q = pick(seeds[seed][1], text)
    assert q.value == pytest.approx(value, rel=1e-9)
    assert (q.unit, q.qualifier, q.is_rank) == (unit, qualifier, rank)
    if measure is not None:
        assert q.measure == measure
    if time is not None:
        assert q.time == time
    assert q.id == model.record_id("n", seed, q.start, q.end)
    assert seeds[seed][0][q.start : q.end] == q.text


@pytest.mark.parametrize("seed", sorted(NOT_QUANTITIES))
def test_seed_not_quantities(seeds: dict, seed: str) -> None:
    text, found = seeds[seed]
    for needle in NOT_QUANTITIES[seed]:
        for a, b in spans(text, needle):
            hits = [q.text for q in found if q.start < b and a < q.end]
            assert not hits, f"{needle!r} read as {hits}"


def test_seed_scope(seeds: dict) -> None:
    text0, found0 = seeds["000"]
    q = pick(found0, "fast 30 Milliarden Dollar")
    assert q.speaker_text == "Nach offiziellen Angaben"
    assert [text0[a:b] for a, b in q.subject_spans] == ["Russland"]
    q = pick(found0, "4 Milliarden Dollar")
    assert [text0[a:b] for a, b in q.subject_spans] == ["Russland", "kasachischen"]
    assert q.speaker_text == "outlet000"  # the outlet, nobody else is named
    q = pick(found0, "70 %")
    assert [text0[a:b] for a, b in q.subject_spans] == ["Cove Capital"]
    text3, found3 = seeds["003"]
    q = pick(found3, "etwa 27 Milliarden")
    assert q.speaker_span == spans(text3, "Wladimir Putin")[0] and q.speaker_text == "Wladimir Putin"
    q = pick(found3, "27,8 Milliarden US-Dollar")
    assert sorted(text3[a:b] for a, b in q.subject_spans) == ["Kasachstan", "Russland"]
    assert q.speaker_text == "Putin"


def test_seed_without_other_components(nlp: Language, seeds_dir: Path) -> None:
    """No timexes, mentions or quotes: years and dates still are no quantities; the values stay right."""
    text = _seed(seeds_dir, "004")
    found = run(nlp, make_doc(nlp, text, doc_id="004"))
    for needle in ("1992", "2012", "2009", "1959", "1994", "2050", "1932", "1933", "90."):
        for a, b in spans(text, needle):
            assert not [q for q in found if q.start < b and a < q.end], needle
    assert pick(found, "21.300 Tonnen").value == 21300
