"""Claims turned into intervals and verdicts (issue 8's comparison rules)."""

from __future__ import annotations

import math

import pytest

from newsgraph.lang import load_toml
from newsgraph.resolve.compare import Claim, compare, interval, rounding
from newsgraph.resolve.measures import synonyms

B = 1e9


def claim(cid: str, doc: str, text: str, value: float, measure: str = "Handelsvolumen", **kw) -> Claim:
    return Claim(id=cid, doc=doc, text=text, value=value, measure=measure, **kw)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "low", "high"),
    [
        ("fast 30 Milliarden Dollar", 30 * B, "almost", 27 * B, 30 * B),
        ("etwa 27 Milliarden", 27 * B, "approx", 24.3 * B, 29.7 * B),
        ("4 Milliarden Dollar", 4 * B, "exact", 3.5 * B, 4.5 * B),
        ("27,8 Milliarden US-Dollar", 27.8 * B, "exact", 27.75 * B, 27.85 * B),
        ("410.000 Tonnen", 410_000, "exact", 405_000, 415_000),
        ("mehr als 700.000 Tonnen", 700_000, "more_than", 700_000, math.inf),
        ("höchstens 5 Prozent", 5, "at_most", -math.inf, 5),
    ],
)
def test_interval(text: str, value: float, qualifier: str, low: float, high: float) -> None:
    iv = interval(claim("q", "d", text, value, qualifier=qualifier))
    assert iv.low == pytest.approx(low) and iv.high == pytest.approx(high)


def test_rounding_of_plain_integers() -> None:
    assert rounding("21.300 Tonnen", 21_300) == pytest.approx(50)
    assert rounding("13 Prozent", 13) == pytest.approx(0.5)


SEEDS = [
    claim(
        "a",
        "000",
        "fast 30 Milliarden Dollar",
        30 * B,
        qualifier="almost",
        unit="USD",
        subjects=("russland", "kasachstan"),
        source="Agenturen (EFE)",
        published="2025-11-11",
    ),
    claim(
        "b",
        "003",
        "27,8 Milliarden US-Dollar",
        27.8 * B,
        unit="USD",
        time="2024",
        subjects=("russland", "kasachstan"),
        source="TASS",
        speaker="Putin",
        published="2025-11-12",
    ),
    claim(
        "c",
        "003",
        "20 Milliarden US-Dollar",
        20 * B,
        unit="USD",
        time="2025-01/2025-09",
        subjects=("russland", "kasachstan"),
        source="TASS",
        speaker="Putin",
        published="2025-11-12",
    ),
    claim(
        "d",
        "000",
        "4 Milliarden Dollar",
        4 * B,
        measure="Investitionen",
        unit="USD",
        subjects=("russland",),
        source="Agenturen (EFE)",
        published="2025-11-11",
    ),
    claim(
        "e",
        "003",
        "etwa 27 Milliarden Investitionen",
        27 * B,
        measure="Investitionen",
        qualifier="approx",
        subjects=("russland", "kasachstan"),
        source="TASS",
        speaker="Putin",
        published="2025-11-12",
    ),
]


def test_seed_verdicts() -> None:
    found = {tuple(c.quantities): c for c in compare(SEEDS, synonyms())}
    assert found[("a", "b")].verdict == "agree"
    assert found[("a", "b")].time == "2024"
    conflict = found[("d", "e")]
    assert conflict.verdict == "conflict" and conflict.unit == "USD"
    assert "TASS / Putin" in conflict.note and "Agenturen (EFE)" in conflict.note
    # different time scopes never meet: the nine-month figure is in no comparison
    assert not any("c" in ids for ids in found)


def test_same_document_is_not_compared() -> None:
    same = [claim("x", "d1", "5 Tonnen", 5, unit="t"), claim("y", "d1", "50 Tonnen", 50, unit="t")]
    assert compare(same) == []


def test_disjoint_subjects_are_not_compared() -> None:
    claims = [
        claim("x", "d1", "5 Milliarden", 5 * B, unit="USD", subjects=("usa",)),
        claim("y", "d2", "50 Milliarden", 50 * B, unit="USD", subjects=("china",)),
    ]
    assert compare(claims) == []


def test_different_units_are_not_compared() -> None:
    claims = [
        claim("x", "d1", "5 Milliarden", 5 * B, unit="USD"),
        claim("y", "d2", "5 Milliarden", 5 * B, unit="EUR"),
    ]
    assert compare(claims) == []


def test_ids_are_stable() -> None:
    assert [c.id for c in compare(SEEDS, synonyms())] == [
        c.id for c in compare(list(reversed(SEEDS)), synonyms())
    ]


@pytest.mark.parametrize(
    "group", load_toml("de", "compare/measures.toml")["measure"], ids=lambda g: g["name"]
)
def test_measure_examples(group: dict) -> None:
    claims = []
    for i, example in enumerate(group["example"]):
        measure, text = (part.strip() for part in example.split(":", 1))
        assert measure in group["lemmas"]
        claims.append(claim(f"q{i}", f"d{i}", text, 1.0, measure=measure))
    [comparison] = compare(claims, synonyms())
    assert comparison.measure == group["lemmas"][0]
