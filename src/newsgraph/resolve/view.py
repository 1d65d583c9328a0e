"""Plain-data views of entities for the CLI (``newsgraph entities``, ``newsgraph entity NAME``) and the
web UI: one row per entity, and a mention shown in its context."""

from __future__ import annotations

from typing import Any

from newsgraph.model import Entity
from newsgraph.resolve.entities import EntityIndex, find

ELLIPSIS = "…"


def summary(entity: Entity) -> dict[str, Any]:
    """What ``newsgraph entities`` lists: name, type, aliases, roles (with their first and last date),
    how many documents and mentions."""
    spans: dict[str, list[str]] = {}
    for item in entity.role_history:
        role, date = item.get("role"), item.get("date")
        if role:
            spans.setdefault(role, [])
            if date:
                spans[role].append(date)
    roles = [
        f"{role} ({min(dates)}…{max(dates)})"
        if dates and min(dates) != max(dates)
        else f"{role} ({dates[0]})"
        if dates
        else role
        for role, dates in spans.items()
    ]
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "roles": roles,
        "documents": len(entity.documents),
        "mentions": entity.mention_count,
        "part_of": entity.part_of,
    }


def summaries(index: EntityIndex, type_: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows for ``newsgraph entities``: most mentioned first; entities without mentions left out."""
    rows = [summary(e) for e in index.entities() if e.mention_count and (type_ is None or e.type == type_)]
    return rows[:limit] if limit else rows


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """``…left [mention] right…`` on one line, for ``newsgraph entity NAME``."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    left = " ".join(text[lo:start].split())
    right = " ".join(text[end:hi].split())
    mention = " ".join(text[start:end].split())
    return f"{ELLIPSIS if lo else ''}{left} [{mention}] {right}{ELLIPSIS if hi < len(text) else ''}".strip()


def describe(index: EntityIndex, name: str) -> dict[str, Any] | None:
    """One entity by name (same keys as resolution), with what ``summary`` gives; the caller adds the
    mentions in context from its store (``context``)."""
    entity = find(index, name)
    if entity is None:
        return None
    row = summary(entity)
    row["role_history"] = entity.role_history
    row["document_ids"] = entity.documents
    if entity.part_of:
        parent = index.get(entity.part_of)
        row["part_of_name"] = parent.name if parent else None
    return row
