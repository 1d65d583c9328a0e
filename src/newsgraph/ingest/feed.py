"""RSS and Atom feeds: one Document per entry (its content, else its summary), HTML stripped."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from newsgraph.ingest.decode import binary_kind
from newsgraph.ingest.document import document_or_error
from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.htmltext import html_to_text
from newsgraph.ingest.published import normalize_published
from newsgraph.ingest.source import Input
from newsgraph.model import Document


def read(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    import feedparser

    data = inp.read_all()
    what = binary_kind(data)
    if what:
        raise IngestFailure("binary", f"not text ({what})")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise IngestFailure("invalid", f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        raise IngestFailure("empty", "the feed has no entries")
    outlet = _plain(parsed.feed.get("title"))
    where = inp.path or "-"
    for index, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        result = document_or_error(
            link or inp.path,
            text=_body(entry),
            title=_plain(entry.get("title")),
            source=outlet,
            published=_published(entry),
            meta=_meta(entry, index),
        )
        if isinstance(result, IngestError):
            result.path = link or f"{where}#{index}"
        yield result


def _body(entry: Any) -> str:
    """The entry's full content when it has one, else its summary (the longer of the two)."""
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = normalize_published(entry.get(key))  # as written: the publisher's local date
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _plain(value: str | None) -> str | None:
    return html_to_text(value) or None if value else None


def _meta(entry: Any, index: int) -> dict[str, Any]:
    meta: dict[str, Any] = {"feed_entry": index}
    if entry.get("id"):
        meta["guid"] = entry["id"]
    if entry.get("author"):
        meta["author"] = entry["author"]
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    return meta
