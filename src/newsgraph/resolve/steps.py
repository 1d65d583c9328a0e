"""The corpus-wide steps ``resolve`` runs, in order. Each takes the database and returns a count."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from newsgraph.store import reads, writes


def complete_dates(conn: sqlite3.Connection) -> int:
    """Publication dates known only as day and month get their year from the same story."""
    from newsgraph.resolve.dates import complete_partial_dates

    return writes.set_published(conn, complete_partial_dates(list(reads.documents(conn))))


STEPS: list[tuple[str, Callable[[sqlite3.Connection], int]]] = [
    ("dates", complete_dates),
]
