"""JSON columns: lists, spans and dicts in and out of SQLite text."""

from __future__ import annotations

import json
from typing import Any

from newsgraph.model import Span


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def loads(text: str | None, default: Any = None) -> Any:
    if text is None:
        return default
    return json.loads(text)


def span(text: str | None) -> Span | None:
    value = loads(text)
    return None if value is None else (int(value[0]), int(value[1]))


def spans(text: str | None) -> list[Span]:
    return [(int(a), int(b)) for a, b in loads(text, [])]
