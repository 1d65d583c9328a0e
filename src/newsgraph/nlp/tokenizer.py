"""Tokenizer fixes for German news text (placeholder: filled in by the nlp work)."""

from __future__ import annotations

from spacy.language import Language


def customize(nlp: Language) -> None:
    """Adjust ``nlp.tokenizer`` in place."""
