"""The schema, as an ordered list of migrations. ``PRAGMA user_version`` records how many ran.

Add a migration at the end to change the schema; never edit one that has shipped.
Lists (agencies, spans) are JSON text columns, readable as-is in Datasette, DuckDB and pandas.
Entity ids of quantities, quotes and events are not stored with them: they are derived from
``mentions.entity`` through the spans, so each fact is stored once.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, per-document annotations, corpus-wide results
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT,
        source TEXT,
        agencies TEXT NOT NULL DEFAULT '[]',
        title TEXT,
        published TEXT,
        published_from TEXT,
        language TEXT,
        text TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE analyses (
        doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        pipeline TEXT NOT NULL,
        sentences TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE mentions (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        form TEXT NOT NULL,
        role TEXT,
        score REAL,
        entity TEXT,
        PRIMARY KEY (doc, start, "end")
    );
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE timexes (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        rule TEXT,
        anchor TEXT,
        mod TEXT,
        interval TEXT
    );
    CREATE INDEX timexes_doc ON timexes(doc);
    CREATE TABLE quantities (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL,
        value_max REAL,
        unit TEXT,
        qualifier TEXT NOT NULL,
        measure TEXT,
        measure_span TEXT,
        time TEXT,
        is_rank INTEGER NOT NULL DEFAULT 0,
        subject_spans TEXT NOT NULL DEFAULT '[]',
        speaker_span TEXT,
        speaker_text TEXT
    );
    CREATE INDEX quantities_doc ON quantities(doc);
    CREATE INDEX quantities_measure ON quantities(measure);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker_ref TEXT
    );
    CREATE INDEX quotes_doc ON quotes(doc);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        code TEXT NOT NULL,
        actor_spans TEXT NOT NULL DEFAULT '[]',
        target_spans TEXT NOT NULL DEFAULT '[]',
        place_span TEXT,
        time TEXT,
        status TEXT NOT NULL DEFAULT 'reported'
    );
    CREATE INDEX events_doc ON events(doc);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        roles TEXT NOT NULL DEFAULT '[]',
        documents TEXT NOT NULL DEFAULT '[]',
        mention_count INTEGER NOT NULL DEFAULT 0,
        role_history TEXT NOT NULL DEFAULT '[]',
        part_of TEXT
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT,
        documents TEXT NOT NULL DEFAULT '[]',
        duplicates TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE comparisons (
        id TEXT PRIMARY KEY,
        measure TEXT NOT NULL,
        subjects TEXT NOT NULL DEFAULT '[]',
        time TEXT,
        unit TEXT,
        verdict TEXT NOT NULL,
        quantities TEXT NOT NULL DEFAULT '[]',
        note TEXT
    );
    CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: names a document's story knows (a second NER pass fills their occurrences the model missed)
    """
    CREATE TABLE known_names (
        doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        names TEXT NOT NULL DEFAULT '[]',
        fingerprint TEXT NOT NULL
    );
    """,
)

VERSION = len(MIGRATIONS)
