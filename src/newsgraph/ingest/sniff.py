"""Which reader an input needs: by file extension, else by looking at its first bytes."""

from __future__ import annotations

import gzip
import re
import zlib

from newsgraph.ingest.decode import binary_kind

Kind = str  # "text" | "html" | "jsonl" | "feed" | "warc"

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}
_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|main|div|p|meta|title)[\s>/]", re.IGNORECASE)


def kind_by_name(name: str) -> Kind | None:
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def kind_by_content(head: bytes) -> Kind:
    """The reader for these first bytes; "binary" when they are not text at all."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if binary_kind(head):
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:1] in (b"{", b"["):
        return "jsonl"
    if start[:1] == b"<":
        sample = start[:4096]
        if _FEED.search(sample):
            return "feed"
        if _HTML.search(sample):
            return "html"
    return "text"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except (zlib.error, gzip.BadGzipFile):
        return b""
