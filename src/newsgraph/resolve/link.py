"""The entity step of resolve: link every document's mentions to corpus-wide entities, incrementally.

The ``EntityIndex`` (``resolve/entities.py``) is kept in the database's ``state`` table between runs;
documents it has not seen join it in a stable order (publication date, then id), so a new article's
*Tokajew* joins the entity the earlier ones built. When a document already in the index has different
mentions than when it was added (analysis re-run with another model), the index is rebuilt from scratch,
so what is stored always matches what the current mentions say.
"""

from __future__ import annotations

import json
import sqlite3

from newsgraph.model import content_id
from newsgraph.resolve.entities import EntityIndex
from newsgraph.store import reads, writes

STATE_INDEX = "entity_index"
STATE_SIGNATURES = "entity_index_mentions"


def _signatures(conn: sqlite3.Connection) -> dict[str, str]:
    """A fingerprint of each analyzed document's mentions."""
    parts: dict[str, list[str]] = {}
    for doc, start, end, typ, form in conn.execute(
        'SELECT doc, start, "end", type, form FROM mentions ORDER BY doc, start, "end"'
    ):
        parts.setdefault(doc, []).append(f"{start}:{end}:{typ}:{form}")
    analyzed = [r[0] for r in conn.execute("SELECT doc FROM analyses")]
    return {doc: content_id(*parts.get(doc, [])) for doc in analyzed}


def saved_index(conn: sqlite3.Connection) -> EntityIndex | None:
    """The entity index kept by the last resolve, or None before the first."""
    saved = reads.state(conn, STATE_INDEX)
    return EntityIndex.from_json(saved) if saved else None


def link_entities(conn: sqlite3.Connection) -> int:
    """Link mentions to entities; returns the number of entities."""
    current = _signatures(conn)
    saved = saved_index(conn)
    previous: dict[str, str] = json.loads(reads.state(conn, STATE_SIGNATURES) or "{}")
    incremental = saved is not None and all(current.get(d) == sig for d, sig in previous.items())
    index = saved if incremental and saved is not None else EntityIndex()
    known = set(previous) if incremental else set()
    links: dict[tuple[str, int, int], str | None] = {}
    added = []
    for document in reads.documents(conn):
        if document.id in known or document.id not in current:
            continue
        for (start, end), eid in index.add_document(document, reads.mentions(conn, document.id)).items():
            links[(document.id, start, end)] = eid
        added.append(document.id)
    entities = [e for e in index.entities()]
    writes.put_entities(conn, entities, links, docs=added if incremental else None)
    writes.put_state(conn, STATE_INDEX, index.dumps())
    writes.put_state(conn, STATE_SIGNATURES, json.dumps(current, sort_keys=True))
    return len(entities)
