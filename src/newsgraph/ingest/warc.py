"""WARC files (.warc, .warc.gz): every HTML response becomes a Document, its path the target URI."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph import settings
from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.html import html_document
from newsgraph.ingest.source import Input
from newsgraph.model import Document

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = inp.path or "-"
    found = 0
    with inp.open() as fh:
        try:
            for record in ArchiveIterator(fh):
                page = _html_page(record)
                if page is None:
                    continue
                uri, charset = page
                found += 1
                yield _document(record, uri, charset, warnings, where)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield IngestError(where, f"invalid: not a readable WARC file ({exc})", "invalid")
            return
    if not found:
        raise IngestFailure("empty", "no HTML responses in the WARC file")


def _html_page(record: object) -> tuple[str, str | None] | None:
    """(target URI, charset) of a successful HTML response or resource record, else None."""
    rec_type = getattr(record, "rec_type", None)
    if rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    http = getattr(record, "http_headers", None)
    if rec_type == "response":
        if http is None:
            return None
        status = http.get_statuscode()
        if not status or not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return uri, charset


def _document(
    record: object, uri: str, charset: str | None, warnings: list[str] | None, where: str
) -> Document | IngestError:
    path = uri or where
    limit = settings.MAX_INPUT_BYTES
    payload = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
    if len(payload) > limit:
        return IngestError(path, f"too_large: response of more than {limit} bytes", "too_large")
    date = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    try:
        return html_document(
            payload,
            path,
            url=uri or None,
            charset=charset,
            warnings=warnings,
            meta={"crawled": date} if date else None,
        )
    except IngestFailure as failure:
        return failure.error(path)
    except Exception as exc:  # one page that breaks the extractor must not stop the archive
        return IngestError(path, f"invalid: HTML extraction failed ({type(exc).__name__}: {exc})", "invalid")
