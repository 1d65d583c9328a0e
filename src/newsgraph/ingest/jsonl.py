"""JSON Lines (one object a line), a JSON array of objects, or one object: each with `text`.

Optional fields: id, title, source, published, url or path, agencies, language; every other field
is kept in ``Document.meta``. A bad line becomes an IngestError naming ``file:line``; the others proceed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph import settings
from newsgraph.ingest.decode import decode, warn
from newsgraph.ingest.document import document_or_error
from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.published import normalize_published
from newsgraph.ingest.source import Input
from newsgraph.model import Document

KNOWN = ("text", "id", "title", "source", "published", "url", "path", "agencies", "language")
CONTAINER_KEYS = ("documents", "articles", "items", "data")  # {"documents": [...]} as written by export


LINE_SUFFIXES = (".jsonl", ".ndjson")


def read(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    if _one_object_a_line(inp.head(), inp.name):
        yield from _lines(inp, warnings)
    else:
        yield from _whole(inp, warnings)


def _one_object_a_line(head: bytes, name: str) -> bool:
    """JSON Lines (streamed, a bad line fails alone) rather than one JSON value (read whole)?"""
    if name.lower().endswith(LINE_SUFFIXES):
        return True
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False  # an array
    if b"\n" not in head:
        return True  # a first line longer than the head: one object on it
    lines = [line.strip() for line in head.split(b"\n")[:-1] if line.strip()]
    try:
        if isinstance(json.loads(lines[0]), dict):
            return True
    except ValueError:
        pass
    return sum(line.startswith(b"{") for line in lines) >= 2  # a broken first line, objects after it


def _lines(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    where = inp.path or "-"
    converted: list[int] = []  # lines that were not UTF-8: one warning for the file
    try:
        yield from _each_line(inp, where, converted)
    finally:
        if converted:
            more = f" (and {len(converted) - 1} more lines)" if len(converted) > 1 else ""
            warn(f"{where}:{converted[0]}: not UTF-8, decoded{more}", warnings)


def _each_line(inp: Input, where: str, converted: list[int]) -> Iterator[Document | IngestError]:
    with inp.open() as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if len(raw) > settings.MAX_INPUT_BYTES:
                yield IngestError(f"{where}:{lineno}", f"too_large: line of {len(raw)} bytes", "too_large")
                continue
            try:
                obj = _parse(raw, lineno, converted)
            except IngestFailure as failure:
                yield failure.error(f"{where}:{lineno}")
                continue
            yield from _documents(_unwrap(obj), inp.path, f"{where}:{lineno}", {"input_line": lineno})


def _unwrap(data: Any) -> list[Any]:
    """The objects of an array, of a container such as ``{"documents": [...]}``, or the object itself."""
    if isinstance(data, dict) and "text" not in data:
        for key in CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
    return data if isinstance(data, list) else [data]


def _parse(raw: bytes, lineno: int, converted: list[int]) -> Any:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        line, _ = decode(raw, None, report=False)
        converted.append(lineno)
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestFailure("invalid", f"invalid JSON ({exc.msg} at column {exc.colno})") from exc


def _whole(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    text, _ = decode(inp.read_all(), inp.path, warnings)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestFailure(
            "invalid", f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    items = _unwrap(data)
    where = inp.path or "-"
    for index, obj in enumerate(items):
        yield from _documents(
            [obj], inp.path, f"{where}[{index}]", {"input_index": index} if len(items) > 1 else {}
        )


def _documents(
    objs: Iterable[Any], path: str | None, where: str, extra: dict[str, Any]
) -> Iterator[Document | IngestError]:
    for obj in objs:
        if not isinstance(obj, dict):
            yield IngestError(where, f"invalid: not a JSON object but {type(obj).__name__}", "invalid")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            reason = 'no "text" field' if text is None else f'"text" is {type(text).__name__}, not a string'
            yield IngestError(where, f"invalid: {reason}", "invalid")
            continue
        result = document_or_error(_path(obj, path), text=text, **_fields(obj), meta=_meta(obj, extra))
        if isinstance(result, IngestError):
            result.path = where
        yield result


def _path(obj: dict[str, Any], path: str | None) -> str | None:
    for key in ("url", "path"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            return obj[key].strip()
    return path


def _fields(obj: dict[str, Any]) -> dict[str, Any]:
    agencies = obj.get("agencies")
    if isinstance(agencies, str):
        agencies = [a.strip() for a in agencies.split(",") if a.strip()]
    language = obj.get("language")
    return {
        "id": str(obj["id"]) if obj.get("id") not in (None, "") else None,
        "title": obj["title"] if isinstance(obj.get("title"), str) else None,
        "source": obj["source"] if isinstance(obj.get("source"), str) else None,
        "agencies": [str(a) for a in agencies] if isinstance(agencies, list) else None,
        "published": normalize_published(obj.get("published")),
        "language": language.lower() if isinstance(language, str) and len(language) == 2 else None,
    }


def _meta(obj: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in obj.items() if k not in KNOWN}
    if obj.get("url") and obj.get("path"):
        meta["path"] = obj["path"]  # the url became the document's path; keep the other
    if obj.get("published") not in (None, "") and normalize_published(obj.get("published")) is None:
        meta["published_unparsed"] = obj["published"]
    for key, value in extra.items():
        meta.setdefault(key, value)
    return meta
