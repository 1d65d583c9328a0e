"""The training-data name lexicon applied after the NER model (nlp/ner_lexicon.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.nlp import ner_lexicon
from newsgraph.nlp.ner_lexicon import Lexicon

LEX = Lexicon({"Neue Zürcher Zeitung": "ORG", "Zürcher": "LOCderiv", "Berlin": "LOC"}, max_words=4)


def test_longest_match_first() -> None:
    words = ["Die", "Neue", "Zürcher", "Zeitung", "berichtet", "aus", "Berlin"]
    assert LEX.matches(words) == [(1, 4, "ORG"), (6, 7, "LOC")]


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([], [(1, 4, "ORG"), (6, 7, "LOC")]),  # added where the model found nothing
        ([(6, 7, "ORG")], [(1, 4, "ORG"), (6, 7, "LOC")]),  # same boundaries: the lexicon's label
        ([(5, 7, "ORG")], [(1, 4, "ORG"), (5, 7, "ORG")]),  # overlapping, other boundaries: kept
    ],
)
def test_apply(chunks: list[tuple[int, int, str]], expected: list[tuple[int, int, str]]) -> None:
    words = ["Die", "Neue", "Zürcher", "Zeitung", "berichtet", "aus", "Berlin"]
    assert LEX.apply(words, chunks) == expected


def test_shipped_lexicon() -> None:
    from newsgraph.nlp import ner

    lexicon = ner_lexicon.load(Path(ner.__file__).parent.parent / "models" / "ner-fast")
    assert lexicon is not None
    assert lexicon.matches(["Deutschland"]) == [(0, 1, "LOC")]
    assert lexicon.matches(["$"]) == []  # no entry without a letter
