"""Bytes to text: UTF-8 first, other encodings detected (charset-normalizer) with a warning."""

from __future__ import annotations

import codecs
import logging

from newsgraph import settings
from newsgraph.ingest.errors import IngestFailure

log = logging.getLogger("newsgraph.ingest")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# file signatures of common binary formats, named in the error
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v", "\x1b"}
MAX_CONTROL_RATIO = 0.01  # more C0 control characters than this → binary, not text


def binary_kind(data: bytes) -> str | None:
    """Why these bytes are not text, or None when they may be."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if b"\x00" in data[:65536]:
        return "contains NUL bytes"
    return None


def decode(
    data: bytes, path: str | None, warnings: list[str] | None = None, *, report: bool = True
) -> tuple[str, str]:
    """``(text, encoding)``; a warning naming the input when it was not UTF-8 (unless ``report``
    is False: the caller reports). Raises IngestFailure."""
    what = binary_kind(data)
    if what:
        raise IngestFailure("binary", f"not text ({what})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestFailure("undecodable", f"invalid {encoding}: {exc.reason}") from exc
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data)
        if report:
            warn(f"{path or '<stdin>'}: not UTF-8, decoded as {encoding}", warnings)
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise IngestFailure("binary", "not text (control characters)")
    return text, encoding


def warn(message: str, warnings: list[str] | None) -> None:
    log.warning(message)
    if warnings is not None:
        warnings.append(message)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(settings.INGEST_ENCODINGS)).best()
    if best is None:
        raise IngestFailure("undecodable", "not UTF-8 and none of the expected encodings fits")
    text = str(best)
    # the same text read as Windows-1252 gets that name (the usual case for German and French)
    western = "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin_1"
    if _decoded(data, western) == text:
        return text, western
    return text, best.encoding


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK)
    return bad / len(sample)
