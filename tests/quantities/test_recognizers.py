"""Microsoft Recognizers-Text German Number + NumberWithUnit specs as a test suite (target: >= 90 % pass)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate import quantities as ev
from newsgraph.lang import load_toml

TARGET = 0.90


@pytest.fixture(scope="module")
def result(shared_data: Path) -> dict:
    return ev.run(shared_data / "recognizers_text_de")


def test_pass_rate(result: dict) -> None:
    overall = result["overall"]
    assert overall["cases"] >= 200
    assert overall["pass_rate"] >= TARGET, result["failures"]


def test_every_failure_is_a_documented_difference(result: dict) -> None:
    """All cases we fail are listed, with a reason, in recognizers_differences.toml."""
    undocumented = [f for f in result["failures"] if not f["on_purpose"]]
    assert not undocumented, undocumented


def test_documented_differences_exist(shared_data: Path) -> None:
    inputs = {case["Input"] for _, _, case in ev.cases(shared_data / "recognizers_text_de")}
    for diff in load_toml("de", "quantities/recognizers_differences.toml")["difference"]:
        assert diff["input"] in inputs and diff["reason"]


def test_limit(shared_data: Path) -> None:
    assert ev.run(shared_data / "recognizers_text_de", limit=5)["overall"]["cases"] == 5


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="recognizers"):
        ev.run(tmp_path)
