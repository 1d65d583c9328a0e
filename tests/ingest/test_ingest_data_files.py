"""Every entry and rule of lang/de/metadata/*.toml carries examples, and the examples hold."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.ingest.attribution import find_attribution
from newsgraph.ingest.metadata import find_metadata
from newsgraph.ingest.published import normalize_published
from newsgraph.ingest.textdate import find_published
from newsgraph.lang import load_toml

AGENCIES = load_toml("de", "metadata/agencies.toml")["agency"]
ATTRIBUTION = load_toml("de", "metadata/attribution.toml")["rule"]
DATES = load_toml("de", "metadata/dates.toml")["rule"]


def _cases(rules: list[dict[str, Any]], key: str) -> list[Any]:
    return [
        pytest.param(rule["name"], case, id=f"{rule['name']}-{i}")
        for rule in rules
        for i, case in enumerate(rule.get(key, []))
    ]


def test_every_entry_and_rule_has_examples() -> None:
    assert all(a.get("example") for a in AGENCIES)
    assert all(r.get("examples") for r in ATTRIBUTION + DATES)
    names = [a["name"] for a in AGENCIES]
    assert len(names) == len(set(names))
    assert len({r["name"] for r in ATTRIBUTION}) == len(ATTRIBUTION)
    assert len({r["name"] for r in DATES}) == len(DATES)


@pytest.mark.parametrize("entry", AGENCIES, ids=[a["name"] for a in AGENCIES])
def test_agency_example(entry: dict[str, Any]) -> None:
    assert entry["name"] in find_attribution(entry["example"]).agencies


@pytest.mark.parametrize(("rule", "case"), _cases(ATTRIBUTION, "examples"))
def test_attribution_example(rule: str, case: dict[str, Any]) -> None:
    found = find_attribution(case["text"])
    assert rule in {e.rule for e in found.evidence}
    for agency in case.get("agencies", []):
        assert agency in found.agencies
    if not case.get("agencies") and "agencies" in case:
        assert found.agencies == []
    assert (found.source or "") == case.get("source", found.source or "")
    if "unspecified" in case:
        assert found.unspecified is case["unspecified"]


@pytest.mark.parametrize(("rule", "text"), _cases(ATTRIBUTION, "counter"))
def test_attribution_counter_example(rule: str, text: str) -> None:
    found = find_attribution(text)
    assert (found.agencies, found.source, found.unspecified) == ([], None, False)


@pytest.mark.parametrize(("rule", "case"), _cases(DATES, "examples"))
def test_date_example(rule: str, case: dict[str, Any]) -> None:
    found = find_published(case["text"])
    assert (found.published or "") == case.get("published", "")
    assert (found.partial or "") == case.get("partial", "")
    used = [e for e in found.evidence if not (e.note or "").startswith(("rejected", "conflict"))]
    if rule_uses(rule) == "publication":
        assert rule in {e.rule for e in used}


def rule_uses(name: str) -> str:
    return next(r["use"] for r in DATES if r["name"] == name)


@pytest.mark.parametrize(("rule", "text"), _cases(DATES, "counter"))
def test_date_counter_example(rule: str, text: str) -> None:
    found = find_published(text)
    assert (found.published, found.partial) == (None, None)


def test_metadata_combines_both() -> None:
    found = find_metadata(
        "Moskau (dpa) – Heute, am 12. November 2025, beginnen die Gespräche.\nQuelle: Agenturen"
    )
    assert (found.agencies, found.agencies_unspecified, found.published) == (["dpa"], True, "2025-11-12")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-11", "2025-11-11"),
        ("2025-11-11T23:30:00-05:00", "2025-11-11"),
        ("2025-11-11 08:00", "2025-11-11"),
        ("2025-11", "2025-11"),
        ("2025", "2025"),
        ("11.11.2025", "2025-11-11"),
        ("2025/11/11", "2025-11-11"),
        ("Tue, 11 Nov 2025 10:00:00 +0100", "2025-11-11"),
        ("2025-02-30", None),
        ("gestern", None),
        ("", None),
        (1731300000, None),
        (None, None),
    ],
)
def test_normalize_published(value: Any, expected: str | None) -> None:
    assert normalize_published(value) == expected
