"""Object compounds the model missed (nlp/ner_document.object_compound): filled only where the first
part reads as a proper noun."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.nlp import ner_document


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Die", "Turon-Gasleitung", "ist", "alt"], [(1, 2, "OTH")]),
        (["Die", "Erdgas-Pipeline", "ist", "alt"], []),  # a common noun in front: no name
        (["Die", "Gas-Pipeline", "ist", "alt"], []),
    ],
)
def test_fill(words: list[str], expected: list[tuple[int, int, str]]) -> None:
    doc = Doc(spacy.blank("de").vocab, words=words)
    assert ner_document.object_compound(doc, [], "de") == expected
