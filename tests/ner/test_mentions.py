"""Every gold entity mention of the seeds and of examples/ (tests/ner/mention_report.py): the seeds
all found with the right type and exact bounds, the examples above a pinned floor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.nlp import ner

from . import mention_report as report

needs_fast = pytest.mark.skipif(
    not (ner.MODELS_DIR / "ner-fast" / "config.cfg").exists(), reason="fast NER model not installed"
)
# measured with the fast model and the rules: examples 0.958 of 236 gold mentions found with the right
# type (0.949 before the short-form rule found "die Kommission" after "EU-Kommission"; the distilled
# model misses the invented company name "Rosmagistral" where no cue names it); a small margin below
EXAMPLES_FLOOR = 0.95
# what the main job stores, after the second NER pass over the story (resolve.known_names): 0.996 (235 of
# 236; the one left follows GermEval's convention where the examples' gold does not: "US-Finanzministerium"
# is LOCpart, as "US-Landwirtschaftsministeriums" is in GermEval train)
EXAMPLES_STORIES_FLOOR = 0.99


@needs_fast
def test_seed_mentions(shared_data: Path) -> None:
    texts, gold = report.seed_gold()
    verdicts = report.judge(gold, report.tag(texts, "fast"))
    bad = [
        f"{v.gold.doc}: {v.gold.text!r} {v.gold.type} <- {v.status} {v.got}"
        for v in verdicts
        if v.status != "ok"
    ]
    assert not bad, bad


@needs_fast
@pytest.mark.parametrize(
    ("tagger", "floor"),
    [(report.tag, EXAMPLES_FLOOR), (report.tag_stories, EXAMPLES_STORIES_FLOOR)],
    ids=["per article", "after the story pass"],
)
def test_example_mentions(tagger: Callable[..., dict], floor: float) -> None:
    texts, gold = report.example_gold()
    verdicts = report.judge(gold, tagger(texts, "fast"))
    res = report.summary(verdicts)["examples"]
    assert res["recall_right_type"] >= floor, res
