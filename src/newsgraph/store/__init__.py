"""Plain SQLite through the standard library: one file, WAL, one write path, versioned schema."""

from newsgraph.store.connection import open_db

__all__ = ["open_db"]
