"""Metadata found in the text (outlet, agencies, publication date), used where the input gave none.

What the input says (JSONL fields, HTML meta tags, feed entries) always wins. Every value found
in the text is recorded with its evidence in ``Document.meta["metadata_evidence"]``:
the rule, the span and the words, so an analyst can check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.ingest.attribution import find_attribution
from newsgraph.ingest.evidence import Evidence, resource_language
from newsgraph.ingest.textdate import find_published
from newsgraph.model import Document


@dataclass(slots=True)
class TextMetadata:
    source: str | None = None
    agencies: list[str] = field(default_factory=list)
    agencies_unspecified: bool = False
    published: str | None = None
    published_partial: str | None = None
    published_weekday: int | None = None
    published_conflict: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def find_metadata(text: str, language: str | None = None) -> TextMetadata:
    lang = resource_language(language)
    attribution = find_attribution(text, lang)
    date = find_published(text, lang)
    return TextMetadata(
        source=attribution.source,
        agencies=attribution.agencies,
        agencies_unspecified=attribution.unspecified,
        published=date.published,
        published_partial=date.partial,
        published_weekday=date.weekday,
        published_conflict=date.conflict,
        evidence=sorted(attribution.evidence + date.evidence, key=lambda e: (e.start, e.field)),
    )


def apply_text_metadata(doc: Document) -> Document:
    """Fill what the input left empty from the text; the input's own metadata is never overridden."""
    found = find_metadata(doc.text, doc.language)
    meta: dict[str, Any] = doc.meta
    if doc.source is None and found.source:
        doc.source = found.source
    if not doc.agencies and found.agencies:
        doc.agencies = list(found.agencies)
    if found.agencies_unspecified:
        meta.setdefault("agencies_unspecified", True)
    if doc.published is None:
        if found.published:
            doc.published = found.published
            doc.published_from = "text"
        elif found.published_partial:
            meta.setdefault("published_partial", found.published_partial)
            if found.published_weekday:
                meta.setdefault("published_partial_weekday", found.published_weekday)
        if found.published_conflict:
            meta.setdefault("published_conflict", found.published_conflict)
    if found.evidence:
        meta.setdefault("metadata_evidence", [e.as_dict() for e in found.evidence])
    return doc
