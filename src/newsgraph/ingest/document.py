"""The last step for every input kind: normalize, check, detect the language, add text-found metadata."""

from __future__ import annotations

from typing import Any

from newsgraph import settings
from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.language import detect_language
from newsgraph.ingest.metadata import apply_text_metadata
from newsgraph.ingest.normalize import normalize_text, text_id
from newsgraph.model import Document


def make_document(
    text: str,
    path: str | None,
    *,
    id: str | None = None,
    source: str | None = None,
    agencies: list[str] | None = None,
    title: str | None = None,
    published: str | None = None,
    language: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document from extracted text and the metadata the input gave. Raises IngestFailure."""
    text = normalize_text(text)
    if len(text.strip()) < settings.MIN_TEXT_CHARS:
        raise IngestFailure("empty", "no text")
    if len(text) > settings.MAX_TEXT_CHARS:
        raise IngestFailure(
            "too_large", f"{len(text)} characters, over the limit of {settings.MAX_TEXT_CHARS}"
        )
    doc = Document(
        id=id or text_id(text),
        text=text,
        path=path,
        source=_clean(source),
        agencies=list(agencies or []),
        title=_clean(title),
        published=published,
        published_from="metadata" if published else None,
        language=language or detect_language(text),
        meta=dict(meta or {}),
    )
    return apply_text_metadata(doc)


def document_or_error(path: str | None, **fields: Any) -> Document | IngestError:
    """``make_document`` with its failure turned into an ``IngestError`` naming the input."""
    try:
        return make_document(path=path, **fields)
    except IngestFailure as failure:
        return failure.error(path)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return normalize_text(value) or None
