"""The one write path. Every function writes inside a single transaction and is idempotent:
writing the same records again leaves the database unchanged."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newsgraph.model import Analysis, Comparison, Document, Entity, Story
from newsgraph.store.codec import dumps, loads
from newsgraph.store.connection import transaction

ANNOTATION_TABLES = ("mentions", "timexes", "quantities", "quotes", "events")


def put_documents(conn: sqlite3.Connection, documents: Iterable[Document]) -> tuple[int, int]:
    """Insert documents not seen before (by id). Returns (new, already present)."""
    new = old = 0
    with transaction(conn):
        for d in documents:
            cur = conn.execute(
                "INSERT OR IGNORE INTO documents"
                " (id, path, source, agencies, title, published, published_from, language, text, meta)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    d.id,
                    d.path,
                    d.source,
                    dumps(d.agencies),
                    d.title,
                    d.published,
                    d.published_from,
                    d.language,
                    d.text,
                    dumps(d.meta),
                ),
            )
            if cur.rowcount:
                new += 1
            else:
                old += 1
            if d.path:
                conn.execute("DELETE FROM failures WHERE path = ?", (d.path,))
    return new, old


def put_failures(conn: sqlite3.Connection, failures: Iterable[tuple[str, str, str]]) -> None:
    """Record failed inputs as (path, stage, reason); the latest reason wins."""
    with transaction(conn):
        conn.executemany(
            "INSERT INTO failures (path, stage, reason) VALUES (?,?,?)"
            " ON CONFLICT(path) DO UPDATE SET stage=excluded.stage, reason=excluded.reason",
            list(failures),
        )


def put_analysis(conn: sqlite3.Connection, analysis: Analysis) -> None:
    """Replace everything ``analyze`` produced for one document."""
    doc = analysis.doc
    with transaction(conn):
        # entity links survive re-analysis where the same mention comes back
        links = {
            (r["start"], r["end"]): r["entity"]
            for r in conn.execute('SELECT start, "end", entity FROM mentions WHERE doc=?', (doc,))
        }
        for table in ANNOTATION_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
        conn.execute(
            "INSERT OR REPLACE INTO analyses (doc, pipeline, sentences) VALUES (?,?,?)",
            (doc, analysis.pipeline, dumps(analysis.sentences)),
        )
        conn.executemany(
            'INSERT OR REPLACE INTO mentions (doc, start, "end", text, type, form, role, score, entity)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc,
                    m.start,
                    m.end,
                    m.text,
                    m.type,
                    m.form,
                    m.role,
                    m.score,
                    m.entity or links.get((m.start, m.end)),
                )
                for m in analysis.mentions
            ],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO timexes (id, doc, start, "end", text, type, value, rule, anchor, mod,'
            " interval) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (t.id, doc, t.start, t.end, t.text, t.type, t.value, t.rule, t.anchor, t.mod, t.interval)
                for t in analysis.timexes
            ],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO quantities (id, doc, start, "end", text, value, value_max, unit,'
            " qualifier, measure, measure_span, time, is_rank, subject_spans, speaker_span, speaker_text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    q.id,
                    doc,
                    q.start,
                    q.end,
                    q.text,
                    q.value,
                    q.value_max,
                    q.unit,
                    q.qualifier,
                    q.measure,
                    dumps(q.measure_span),
                    q.time,
                    int(q.is_rank),
                    dumps(q.subject_spans),
                    dumps(q.speaker_span),
                    q.speaker_text,
                )
                for q in analysis.quantities
            ],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO quotes (id, doc, start, "end", text, kind, speaker_text, speaker_start,'
            " speaker_end, cue, cue_start, cue_end, speaker_ref) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    q.id,
                    doc,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.speaker_text,
                    q.speaker_start,
                    q.speaker_end,
                    q.cue,
                    q.cue_start,
                    q.cue_end,
                    dumps(q.speaker_ref),
                )
                for q in analysis.quotes
            ],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO events (id, doc, start, "end", text, code, actor_spans, target_spans,'
            " place_span, time, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    e.id,
                    doc,
                    e.start,
                    e.end,
                    e.text,
                    e.code,
                    dumps(e.actor_spans),
                    dumps(e.target_spans),
                    dumps(e.place_span),
                    e.time,
                    e.status,
                )
                for e in analysis.events
            ],
        )
        if analysis.published:
            conn.execute(
                "UPDATE documents SET published=?, published_from='text' WHERE id=? AND published IS NULL",
                (analysis.published, doc),
            )


def put_known_names(conn: sqlite3.Connection, names: dict[str, tuple[list[tuple[str, str]], str]]) -> None:
    """Replace the known names of the given documents (doc → (names, fingerprint)); none: the row goes."""
    with transaction(conn):
        for doc, (known, fingerprint) in names.items():
            conn.execute("DELETE FROM known_names WHERE doc = ?", (doc,))
            if known:
                conn.execute(
                    "INSERT INTO known_names (doc, names, fingerprint) VALUES (?,?,?)",
                    (doc, dumps([list(n) for n in known]), fingerprint),
                )


def set_pipeline(conn: sqlite3.Connection, doc: str, pipeline: str) -> None:
    """Relabel a document's analysis (known names that would not change it)."""
    with transaction(conn):
        conn.execute("UPDATE analyses SET pipeline = ? WHERE doc = ?", (pipeline, doc))


def set_published(conn: sqlite3.Connection, dates: Iterable[tuple[str, str]]) -> int:
    """Fill publication dates inferred from the text (never overwrite one that is known)."""
    with transaction(conn):
        n = 0
        for doc, date in dates:
            n += conn.execute(
                "UPDATE documents SET published=?, published_from='text' WHERE id=? AND published IS NULL",
                (date, doc),
            ).rowcount
    return n


def add_agencies(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> int:
    """Append agencies to documents' lists (an agency a list already holds is not added again)."""
    with transaction(conn):
        n = 0
        for doc, agency in pairs:
            row = conn.execute("SELECT agencies FROM documents WHERE id=?", (doc,)).fetchone()
            agencies = loads(row["agencies"], []) if row else None
            if agencies is None or agency in agencies:
                continue
            conn.execute("UPDATE documents SET agencies=? WHERE id=?", (dumps([*agencies, agency]), doc))
            n += 1
    return n


def put_entities(
    conn: sqlite3.Connection,
    entities: Iterable[Entity],
    links: dict[tuple[str, int, int], str | None],
    docs: Iterable[str] | None = None,
) -> None:
    """Replace the entity table, and set the mention → entity links of ``docs`` (all documents when
    None: every other link is cleared first)."""
    with transaction(conn):
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, roles, documents, mention_count, role_history,"
            " part_of) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    e.id,
                    e.name,
                    e.type,
                    dumps(e.aliases),
                    dumps(e.roles),
                    dumps(e.documents),
                    e.mention_count,
                    dumps(e.role_history),
                    e.part_of,
                )
                for e in entities
            ],
        )
        if docs is None:
            conn.execute("UPDATE mentions SET entity = NULL")
        else:
            conn.executemany("UPDATE mentions SET entity = NULL WHERE doc = ?", [(d,) for d in docs])
        conn.executemany(
            'UPDATE mentions SET entity=? WHERE doc=? AND start=? AND "end"=?',
            [(eid, doc, s, e) for (doc, s, e), eid in links.items()],
        )


def put_stories(conn: sqlite3.Connection, stories: Iterable[Story]) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM stories")
        conn.executemany(
            "INSERT INTO stories (id, label, documents, duplicates) VALUES (?,?,?,?)",
            [(s.id, s.label, dumps(s.documents), dumps(s.duplicates)) for s in stories],
        )


def put_comparisons(conn: sqlite3.Connection, comparisons: Iterable[Comparison]) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM comparisons")
        conn.executemany(
            "INSERT INTO comparisons (id, measure, subjects, time, unit, verdict, quantities, note)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (c.id, c.measure, dumps(c.subjects), c.time, c.unit, c.verdict, dumps(c.quantities), c.note)
                for c in comparisons
            ],
        )


def put_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?,?)", (key, value))
