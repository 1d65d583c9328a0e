"""Checks on the public data: the seeds' dates and the WikiWarsDE quality floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract.timex import run, tag

# every date expression of the seeds, with its value, in text order
SEEDS = {
    "000": (
        "2025-11-11",
        [
            ("am Dienstag", "2025-11-11"),
            ("11.11.2025", "2025-11-11"),
            ("weniger als eine Woche", "P1W"),
            ("heute", "2025-11-11"),
            ("am Nachmittag", "2025-11-11TAF"),
            ("am Mittwoch", "2025-11-12"),
            ("täglichen", "P1D"),
            ("in den letzten Wochen", "PAST_REF"),
            ("im vergangenen April", "2025-04"),
        ],
    ),
    "003": (
        "2025-11-12",
        [
            ("im Jahr 2024", "2024"),
            ("in den ersten neun Monaten des Jahres 2025", "2025-01/2025-09"),
            ("gestern", "2025-11-11"),
            ("heute", "2025-11-12"),
            ("am 11. November", "2025-11-11"),
            ("Noch am selben Tag", "2025-11-11"),
            ("etwa drei Stunden", "PT3H"),
            ("Heute", "2025-11-12"),
            ("am 12. November", "2025-11-12"),
        ],
    ),
    "004": (
        None,
        [
            ("im Oktober 1992", "1992-10"),
            ("2012", "2012"),
            ("2009", "2009"),
            ("Tags darauf", "XXXX-XX-XX"),
            ("im Sommer 2022", "2022-SU"),
            ("Im Jahr 2022", "2022"),
            ("im vergangenen September", "XXXX-09"),
            ("jetzt", "PRESENT_REF"),
            ("jetzt", "PRESENT_REF"),
            ("momentan", "PRESENT_REF"),
            ("Ende Oktober", "XXXX-10"),
            ("in den vergangenen 30 Jahren", "P30Y"),
            ("1959", "1959"),
            ("Zwei Jahre später", "1961"),
            ("Seit 1994", "1994"),
            ("im vergangenen Jahr", "XXXX"),
            ("bis 2050", "2050"),
            ("jährlich", "P1Y"),
            ("im Sommer", "XXXX-SU"),
            ("im Winter", "XXXX-WI"),
            ("Derzeit", "PRESENT_REF"),
            ("Im letzten Jahr", "XXXX"),
            ("1932", "1932"),
            ("1933", "1933"),
            ("in vier Jahrzehnten", "P40Y"),
        ],
    ),
}


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_dates(seeds_dir: Path, prefix: str) -> None:
    anchor, expected = SEEDS[prefix]
    got = [(t.text, t.value) for t in tag(_seed(seeds_dir, prefix), anchor)]
    assert got == expected


def test_seed_2023_piece_is_never_anchored_on_2025(seeds_dir: Path) -> None:
    r = run(_seed(seeds_dir, "004"), None)
    assert r.inferred is None and r.anchor is None
    assert not [t for t in r.timexes if t.value.startswith("2025")]


@pytest.mark.parametrize(("prefix", "date"), [("000", "2025-11-11"), ("003", "2025-11-12")])
def test_seed_document_date_is_inferred(seeds_dir: Path, prefix: str, date: str) -> None:
    r = run(_seed(seeds_dir, prefix), None)
    assert r.inferred == date
    assert [(t.text, t.value) for t in r.timexes] == SEEDS[prefix][1]


@pytest.mark.slow
def test_wikiwarsde_quality_floor(shared_data: Path) -> None:
    from newsgraph.evaluate import timex as ev

    m = ev.run(shared_data / "wikiwarsde")
    assert m["gold"] == 1037
    assert m["relaxed"]["f1"] >= 0.95, m
    assert m["strict"]["f1"] >= 0.90, m
    assert m["value"]["accuracy"] >= 0.92, m


def test_recognizers_text_coverage(shared_data: Path) -> None:
    """Microsoft Recognizers-Text German date/time phrases: extents found (recall floor), nothing spurious."""
    import json

    path = shared_data / "recognizers_text_de/DateTime/German/DateTimeModel.json"
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    total = found = spurious = 0
    for case in cases:
        gold = case.get("Results", [])
        got = tag(case["Input"], case["Context"]["ReferenceDateTime"][:10])
        total += len(gold)
        found += sum(1 for r in gold if any(t.start <= r["End"] and r["Start"] < t.end for t in got))
        spurious += sum(1 for t in got if not any(t.start <= r["End"] and r["Start"] < t.end for r in gold))
    assert found / total >= 0.8, (found, total)
    assert spurious <= 2
