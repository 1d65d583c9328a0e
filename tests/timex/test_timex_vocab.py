"""Every entry of the normalization tables (lang/de/timex/vocab.toml) is found in its example sentence."""

from __future__ import annotations

import pytest

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex import tag, vocab

VOCAB = vocab.load("de")
CASES = [(table, key, sentence) for table, sentence in VOCAB.examples.items() for key in VOCAB.table(table)]


@pytest.mark.parametrize(("table", "key", "sentence"), CASES, ids=[f"{t}:{k}" for t, k, _ in CASES])
def test_vocab_entry(table: str, key: str, sentence: str) -> None:
    word = key if table != "weekdays_gen" else key.capitalize()
    text = sentence.replace("@", word)
    pos = sentence.index("@")
    found = tag(text, "2025-11-11")
    assert any(t.start <= pos < t.end for t in found), f"[{table}] {key!r}: nothing tagged in {text!r}"


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (1916, "1916-04-23"),
        (2000, "2000-04-23"),
    ],
)
def test_easter(year: int, easter: str) -> None:
    assert cal.easter(year).isoformat() == easter


def test_holidays_follow_easter() -> None:
    assert cal.holiday("E+49", 2025).isoformat() == "2025-06-08"  # Pfingstsonntag
    assert cal.holiday("E-2", 2025).isoformat() == "2025-04-18"  # Karfreitag
    assert cal.holiday("12-25", 1776).isoformat() == "1776-12-25"


def test_partial_anchor_parsing() -> None:
    assert cal.PDate.parse("2025-11") == cal.PDate(2025, 11)
    assert cal.PDate.parse("2025-02-30") is None
    assert cal.PDate.parse("nonsense") is None
