"""Claims turned into intervals and verdicts (issue 8's comparison rules)."""

from __future__ import annotations

import math

import pytest

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


def test_nine_months_read_as_the_whole_year_still_not_met() -> None:
    """Even if the time scope of the nine-month figure came out as "2025", the untimed figure published in
    November 2025 belongs to the last complete year (2024), never to the running one."""
    claims = [c if c.id != "c" else Claim(**{**_fields(c), "time": "2025"}) for c in SEEDS]
    found = {tuple(c.quantities): c for c in compare(claims, synonyms())}
    assert found[("a", "b")].verdict == "agree"
    assert not any("c" in ids for ids in found)


def _fields(c: Claim) -> dict:
    return {f: getattr(c, f) for f in Claim.__slots__}


def test_untimed_claim_joins_the_recent_event() -> None:
    claims = [
        claim("x", "d1", "zwölf", 12, measure="Todesopfer", published="2026-03-17"),
        claim(
            "y",
            "d2",
            "mindestens 40",
            40,
            measure="Tote",
            qualifier="at_least",
            time="2026-03-14",
            published="2026-03-21",
        ),
        claim("z", "d3", "drei", 3, measure="Tote", time="2024-SU", published="2026-03-21"),
    ]
    [comparison] = compare(claims, synonyms())
    assert comparison.verdict == "conflict" and comparison.time == "2026-03-14"
    assert set(comparison.quantities) == {"x", "y"}


def test_nested_subjects_meet_crossing_ones_do_not() -> None:
    ru_uz, cn_uz = ("ru", "uz"), ("cn", "uz")
    claims = [
        claim("a", "d1", "11,6 Milliarden", 11.6 * B, unit="USD", time="2025", subjects=ru_uz),
        claim(
            "b",
            "d2",
            "rund 13,4 Milliarden",
            13.4 * B,
            unit="USD",
            time="2025",
            subjects=cn_uz,
            qualifier="approx",
        ),
        claim("c", "d3", "11,6 Milliarden", 11.6 * B, unit="USD", time="2025", subjects=("ru",)),
        # no subjects: its sentence and document speak of Russia and Uzbekistan
        claim(
            "d",
            "d4",
            "fast zwölf Milliarden",
            12 * B,
            unit="USD",
            time="2025",
            qualifier="almost",
            context=(("ru", 5.0), ("uz", 4.0), ("cn", 1.0)),
        ),
    ]
    comparisons = compare(claims, synonyms())
    assert [sorted(c.quantities) for c in comparisons] == [["a", "c", "d"]]
    assert comparisons[0].verdict == "agree"


def test_a_count_never_joins_hours_but_an_amount_joins_dollars() -> None:
    claims = [
        claim("h", "d1", "zwei Stunden", 2, measure="Teilnehmer", unit="h"),
        claim("n", "d2", "etwa 200", 200, measure="Teilnehmer", qualifier="approx"),
        claim("m", "d3", "mehr als 2.000", 2000, measure="Teilnehmer", qualifier="more_than"),
    ]
    [comparison] = compare(claims, synonyms())
    assert sorted(comparison.quantities) == ["m", "n"] and comparison.unit is None


def test_rank_claims_conflict_on_different_ranks() -> None:
    claims = [
        claim("a", "d1", "die größten", 1, measure="Uranreserve", rank=True, subjects=("kz",)),
        claim("b", "d2", "die zweitgrößten", 2, measure="Uranreserve", rank=True, subjects=("kz",)),
        claim("c", "d3", "zweitwichtigste", 2, measure="Handelspartner", rank=True, subjects=("ru",)),
        claim("d", "d4", "Platz zwei", 2, measure="Handelspartner", rank=True, subjects=("ru",)),
    ]
    found = {c.measure: c for c in compare(claims, synonyms())}
    assert found["rank:Uranreserve"].verdict == "conflict"
    assert found["rank:Handelspartner"].verdict == "agree"
    assert "(rank)" in (found["rank:Uranreserve"].note or "")


def test_note_names_both_sides() -> None:
    claims = [
        claim("a", "d1", "zwölf", 12, measure="Tote", source="zpd", speaker="Ministerium"),
        claim("b", "d2", "12", 12, measure="Todesopfer", source="Sharq-Press"),
        claim("c", "d3", "mindestens 40", 40, measure="Tote", qualifier="at_least", source="Steppenkurier"),
    ]
    [comparison] = compare(claims, synonyms())
    note = comparison.note or ""
    assert comparison.verdict == "conflict"
    assert note.index("zpd / Ministerium") < note.index(" vs ") < note.index("Steppenkurier")
    assert "Sharq-Press" in note and "[40, ∞)" in note


def test_unresolved_scopes_are_not_shared() -> None:
    claims = [
        claim("a", "d1", "5 Millionen", 5e6, unit="EUR", time="XXXX"),
        claim("b", "d2", "50 Millionen", 50e6, unit="EUR", time="XXXX"),
    ]
    assert compare(claims) == []
