"""Reading records back out of the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from newsgraph.model import Analysis, Document, Entity, Event, Mention, Quantity, Quote, Timex
from newsgraph.store.codec import loads, span, spans

TABLES = (
    "documents",
    "mentions",
    "entities",
    "timexes",
    "quantities",
    "quotes",
    "events",
    "stories",
    "comparisons",
)


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        path=row["path"],
        source=row["source"],
        agencies=loads(row["agencies"], []),
        title=row["title"],
        published=row["published"],
        published_from=row["published_from"],
        language=row["language"],
        meta=loads(row["meta"], {}),
    )


def documents(conn: sqlite3.Connection, ids: list[str] | None = None) -> Iterator[Document]:
    """Documents in a stable order (publication date, then id)."""
    sql = "SELECT * FROM documents"
    args: tuple = ()
    if ids is not None:
        sql += f" WHERE id IN ({','.join('?' * len(ids))})"
        args = tuple(ids)
    for row in conn.execute(sql + " ORDER BY coalesce(published, ''), id", args):
        yield _document(row)


def attributions(conn: sqlite3.Connection) -> Iterator[tuple[str, list[str], dict]]:
    """Every document's id, agencies and meta (its metadata evidence), without its text, by id."""
    for row in conn.execute("SELECT id, agencies, meta FROM documents ORDER BY id"):
        yield row["id"], loads(row["agencies"], []), loads(row["meta"], {})


def unanalyzed(conn: sqlite3.Connection, pipeline: str | None = None) -> list[str]:
    """Ids of documents with no analysis (or one made by another pipeline, when given; a document with
    known names expects the pipeline's fingerprint followed by theirs)."""
    sql = (
        "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc = d.id"
        " LEFT JOIN known_names k ON k.doc = d.id WHERE a.doc IS NULL"
    )
    args: tuple = ()
    if pipeline is not None:
        sql += " OR a.pipeline != ? || coalesce(k.fingerprint, '')"
        args = (pipeline,)
    return [r[0] for r in conn.execute(sql + " ORDER BY d.id", args)]


def known_names(conn: sqlite3.Connection, ids: list[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """doc id → the (name, type) pairs its story knows (``resolve.known_names``)."""
    sql = "SELECT doc, names FROM known_names"
    args: tuple = ()
    if ids is not None:
        sql += f" WHERE doc IN ({','.join('?' * len(ids))})"
        args = tuple(ids)
    return {r["doc"]: [(n, t) for n, t in loads(r["names"], [])] for r in conn.execute(sql, args)}


def analysis(conn: sqlite3.Connection, doc: str) -> Analysis:
    """Everything stored for one document, as the records ``analyze`` made (plus resolve's links)."""
    row = conn.execute("SELECT pipeline, sentences FROM analyses WHERE doc=?", (doc,)).fetchone()
    result = Analysis(doc=doc)
    if row is not None:
        result.pipeline = row["pipeline"]
        result.sentences = spans(row["sentences"])
    q = conn.execute
    result.mentions = mentions(conn, doc)
    result.timexes = [
        Timex(
            id=r["id"],
            doc=doc,
            start=r["start"],
            end=r["end"],
            text=r["text"],
            type=r["type"],
            value=r["value"],
            rule=r["rule"],
            anchor=r["anchor"],
            mod=r["mod"],
            interval=r["interval"],
        )
        for r in q('SELECT * FROM timexes WHERE doc=? ORDER BY start, "end"', (doc,))
    ]
    result.quantities = [
        Quantity(
            id=r["id"],
            doc=doc,
            start=r["start"],
            end=r["end"],
            text=r["text"],
            value=r["value"],
            value_max=r["value_max"],
            unit=r["unit"],
            qualifier=r["qualifier"],
            measure=r["measure"],
            measure_span=span(r["measure_span"]),
            time=r["time"],
            is_rank=bool(r["is_rank"]),
            subject_spans=spans(r["subject_spans"]),
            speaker_span=span(r["speaker_span"]),
            speaker_text=r["speaker_text"],
        )
        for r in q('SELECT * FROM quantities WHERE doc=? ORDER BY start, "end"', (doc,))
    ]
    result.quotes = [
        Quote(
            id=r["id"],
            doc=doc,
            start=r["start"],
            end=r["end"],
            text=r["text"],
            kind=r["kind"],
            speaker_text=r["speaker_text"],
            speaker_start=r["speaker_start"],
            speaker_end=r["speaker_end"],
            cue=r["cue"],
            cue_start=r["cue_start"],
            cue_end=r["cue_end"],
            speaker_ref=span(r["speaker_ref"]),
        )
        for r in q('SELECT * FROM quotes WHERE doc=? ORDER BY start, "end"', (doc,))
    ]
    result.events = [
        Event(
            id=r["id"],
            doc=doc,
            start=r["start"],
            end=r["end"],
            text=r["text"],
            code=r["code"],
            actor_spans=spans(r["actor_spans"]),
            target_spans=spans(r["target_spans"]),
            place_span=span(r["place_span"]),
            time=r["time"],
            status=r["status"],
        )
        for r in q('SELECT * FROM events WHERE doc=? ORDER BY start, "end"', (doc,))
    ]
    return result


def entities(conn: sqlite3.Connection) -> list[Entity]:
    return [
        Entity(
            id=r["id"],
            name=r["name"],
            type=r["type"],
            aliases=loads(r["aliases"], []),
            roles=loads(r["roles"], []),
            documents=loads(r["documents"], []),
            mention_count=r["mention_count"],
            role_history=loads(r["role_history"], []),
            part_of=r["part_of"],
        )
        for r in conn.execute("SELECT * FROM entities ORDER BY id")
    ]


def mentions(conn: sqlite3.Connection, doc: str) -> list[Mention]:
    return [
        Mention(
            doc=doc,
            start=r["start"],
            end=r["end"],
            text=r["text"],
            type=r["type"],
            form=r["form"],
            entity=r["entity"],
            role=r["role"],
            score=r["score"],
        )
        for r in conn.execute('SELECT * FROM mentions WHERE doc=? ORDER BY start, "end"', (doc,))
    ]


def entity_links(conn: sqlite3.Connection) -> dict[tuple[str, int, int], str]:
    """(doc, start, end) of every linked mention → its entity id."""
    return {
        (r[0], r[1], r[2]): r[3]
        for r in conn.execute('SELECT doc, start, "end", entity FROM mentions WHERE entity IS NOT NULL')
    }


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    out["analyzed"] = conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    out["failures"] = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    return out


def failures(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in conn.execute("SELECT path, stage, reason FROM failures ORDER BY path")]


def state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
    return None if row is None else row[0]
