"""Opening the database: WAL, foreign keys, migrations up to ``schema.VERSION``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.store import schema


class SchemaError(RuntimeError):
    """The database was written by a newer newsgraph than this one."""


def open_db(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    conn = sqlite3.connect(str(path), isolation_level=None)  # autocommit; transactions are explicit
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    migrate(conn)
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations this database has not seen yet; returns the resulting version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this newsgraph's ({schema.VERSION})"
        )
    for number in range(version, schema.VERSION):
        with transaction(conn):
            for statement in _statements(schema.MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return schema.VERSION


def _statements(script: str) -> Iterator[str]:
    for part in script.split(";"):
        if part.strip():
            yield part


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed whole or rolled back whole."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
