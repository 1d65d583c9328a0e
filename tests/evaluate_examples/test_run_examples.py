"""``run()`` on the real example corpus, through the whole main job (slow: NEWSGRAPH_SLOW=1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.evaluate import examples as ex

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

slow = pytest.mark.skipif(
    os.environ.get("NEWSGRAPH_SLOW") != "1", reason="the full pipeline: NEWSGRAPH_SLOW=1"
)


@slow
def test_run_on_the_examples_returns_every_feature() -> None:
    result = ex.run(EXAMPLES)
    for feature in ex.FEATURES:
        assert feature in result, feature
        assert "error" not in result[feature], result[feature]
    assert result["documents"]["found"] == result["documents"]["gold"] == 8
    assert isinstance(result["errors"], list) and len(result["errors"]) <= ex.MAX_ERRORS + len(ex.FEATURES)
    assert result["pipeline"]["analyze_failed"] == []
    json.dumps(result)


@slow
def test_run_with_a_limit_scores_only_those_documents() -> None:
    result = ex.run(EXAMPLES, limit=1)
    assert result["documents"]["gold"] == 1 and result["documents"]["found"] == 1


def test_gold_file_loads_and_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    gold = ex.load_gold(EXAMPLES)
    assert {"document", "entity", "quantity", "timex", "quote", "event", "comparison", "trap"} <= set(gold)
    with pytest.raises(ValueError, match="gold"):
        ex.load_gold(tmp_path)
    (tmp_path / "gold.toml").write_text("[corpus]\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="articles"):
        ex.run(tmp_path)
