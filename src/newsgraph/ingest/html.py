"""HTML pages: trafilatura finds the main text (no boilerplate) and the page's title, date and outlet."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from newsgraph import settings
from newsgraph.ingest.decode import binary_kind, decode
from newsgraph.ingest.document import make_document
from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.source import Input
from newsgraph.model import Document

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# the page's date only from its metadata and the usual places, no guessing over the whole page
DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_FIELDS = ("author", "description", "categories", "tags", "hostname")


def read(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    yield html_document(inp.read_all(), inp.path, warnings=warnings)


def html_document(
    data: bytes,
    path: str | None,
    *,
    url: str | None = None,
    charset: str | None = None,
    warnings: list[str] | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document from an HTML page. Raises IngestFailure (binary, undecodable, empty)."""
    page, encoding = _decode_html(data, path, charset, warnings)
    import trafilatura

    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)
    result = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = (getattr(result, "text", None) or "") if result is not None else ""
    if len("".join(text.split())) < settings.MIN_HTML_TEXT_CHARS:
        raise IngestFailure("empty", "no main text found in the HTML page")
    title = result.title
    text = _without_title(text, title)
    extra: dict[str, Any] = dict(meta or {})
    for name in _META_FIELDS:
        value = getattr(result, name, None)
        if value:
            extra.setdefault(name, value)
    if result.url and result.url != url:
        extra.setdefault("url", result.url)
    if not encoding.startswith("utf"):
        extra["encoding"] = encoding
    return make_document(
        text, path, source=result.sitename, title=title, published=_date(result.date), meta=extra
    )


def _decode_html(
    data: bytes, path: str | None, charset: str | None, warnings: list[str] | None
) -> tuple[str, str]:
    what = binary_kind(data)
    if what:
        raise IngestFailure("binary", f"not text ({what})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = charset or _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path, warnings)


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _without_title(text: str, title: str | None) -> str:
    """trafilatura keeps the headline as the first line; the title is stored on its own."""
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            return rest
    return text


def _date(value: str | None) -> str | None:
    from newsgraph.ingest.published import normalize_published

    return normalize_published(value) if value else None
