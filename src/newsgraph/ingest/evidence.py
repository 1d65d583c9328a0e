"""Where a piece of text-found metadata came from: the rule, the span and what it said."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newsgraph import settings
from newsgraph.ingest.patterns import trailer_start


@dataclass(slots=True)
class Evidence:
    field: str  # "source" | "agencies" | "agencies_unspecified" | "credit_initials" | "published" | …
    value: str | None
    rule: str
    start: int
    end: int
    text: str
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None or k == "value"}


def region(text: str, scope: str) -> tuple[int, int]:
    """The part of the text a rule looks at."""
    if scope == "head":
        return 0, min(len(text), settings.METADATA_HEAD_CHARS)
    if scope == "lead":
        return 0, min(len(text), settings.METADATA_LEAD_CHARS)
    if scope == "trailer":
        return trailer_start(text, settings.METADATA_TRAILER_LINES), len(text)
    if scope == "anywhere":
        return 0, len(text)
    raise ValueError(f"unknown scope {scope!r}")


def resource_language(language: str | None) -> str:
    """The language whose rules apply: the document's when newsgraph has them, else the default."""
    from newsgraph.lang import ROOT

    if language and (ROOT / language / "metadata").is_dir():
        return language
    return settings.DEFAULT_LANGUAGE
