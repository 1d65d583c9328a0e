"""The variant list (tests/entities/variants.toml): >= 95 % of groups merged, 0 wrong merges."""

from __future__ import annotations

from pathlib import Path

from newsgraph.evaluate import entities

VARIANTS = Path(__file__).parent / "variants.toml"


def test_variant_list_targets() -> None:
    result = entities.run(VARIANTS)
    assert result["groups"] >= 40 and result["near_miss_pairs"] >= 30
    assert result["groups_merged_pct"] >= 95.0, result["not_merged"]
    assert result["wrong_merges_between_groups"] == 0
    assert result["near_miss_wrong_merges"] == 0, result["wrong_pairs"]
    assert result["near_miss_wrong_merges_combined"] == 0, result["wrong_pairs"]
