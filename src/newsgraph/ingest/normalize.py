"""Text normalization at ingestion: the only changes ever made to an article's text."""

from __future__ import annotations

import unicodedata

from newsgraph.model import content_id


def normalize_text(text: str) -> str:
    """NFC, line endings as ``\\n``, no trailing whitespace or blank lines at the end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text).rstrip()


def text_id(text: str) -> str:
    """The content-derived document id of an already normalized text."""
    return content_id(text)
