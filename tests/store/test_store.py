"""The store: migrations, idempotent writes, and the export contract in every format."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

from newsgraph.model import Analysis, Document, Mention, Quantity, Quote, Timex, record_id
from newsgraph.store import open_db, reads, schema, writes
from newsgraph.store.columns import CONTRACT_COLUMNS
from newsgraph.store.connection import SchemaError
from newsgraph.store.contract import TABLES, build
from newsgraph.store.export import export

TEXT = (
    "Putin traf Tokajew am 11. November in Moskau. „Wir sind Partner“, sagte Putin. Es ging um 4 Milliarden."
)


def _doc() -> Document:
    return Document(
        id="d1",
        text=TEXT,
        path="a.txt",
        source="TASS",
        agencies=["TASS"],
        published="2025-11-12",
        published_from="text",
        language="de",
        meta={"x": 1},
    )


def _analysis() -> Analysis:
    a = Analysis(doc="d1", sentences=[(0, 45), (46, 78)], pipeline="test")
    a.mentions = [
        Mention("d1", 0, 5, "Putin", "PER"),
        Mention("d1", 11, 18, "Tokajew", "PER"),
        Mention("d1", 38, 44, "Moskau", "LOC"),
        Mention("d1", 72, 77, "Putin", "PER"),
    ]
    a.timexes = [Timex(record_id("t", "d1", 19, 34), "d1", 19, 34, "am 11. November", "DATE", "2025-11-11")]
    start = TEXT.index("4 Milliarden")
    a.quantities = [
        Quantity(
            record_id("n", "d1", start, start + 12),
            "d1",
            start,
            start + 12,
            "4 Milliarden",
            4e9,
            subject_spans=[(11, 18)],
            speaker_span=(72, 77),
        )
    ]
    a.quotes = [
        Quote(
            record_id("q", "d1", 47, 61),
            "d1",
            47,
            61,
            "Wir sind Partner",
            "direct",
            speaker_text="Putin",
            speaker_start=72,
            speaker_end=77,
            cue="sagte",
            cue_start=66,
            cue_end=71,
        )
    ]
    return a


@pytest.fixture()
def conn(tmp_path: Path):
    c = open_db(tmp_path / "t.db")
    writes.put_documents(c, [_doc()])
    writes.put_analysis(c, _analysis())
    return c


def test_schema_version_and_wal(tmp_path: Path) -> None:
    c = open_db(tmp_path / "v.db")
    assert c.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_schema_is_migrated(tmp_path: Path) -> None:
    """A database made by the first schema gets the later migrations (the known_names table) on open."""
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(schema.MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    c = open_db(path)
    assert c.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert reads.known_names(c) == {}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    c = open_db(tmp_path / "n.db")
    c.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    c.close()
    with pytest.raises(SchemaError):
        open_db(tmp_path / "n.db")


def test_writes_are_idempotent(conn) -> None:
    before = reads.counts(conn)
    assert writes.put_documents(conn, [_doc()]) == (0, 1)
    writes.put_analysis(conn, _analysis())
    assert reads.counts(conn) == before
    assert reads.analysis(conn, "d1") == _analysis()


def test_failed_transaction_leaves_nothing(conn) -> None:
    bad = _analysis()
    bad.timexes.append(bad.timexes[0])  # same id twice is fine (replace); a None text is not
    bad.mentions.append(Mention("d1", 1, 2, None, "PER"))  # type: ignore[arg-type]
    before = reads.analysis(conn, "d1")
    with pytest.raises(sqlite3.IntegrityError):
        writes.put_analysis(conn, bad)
    assert reads.analysis(conn, "d1") == before


def test_export_json_validates(conn, export_schema: dict) -> None:
    links = {("d1", 0, 5): "e_putin", ("d1", 72, 77): "e_putin", ("d1", 11, 18): "e_tokajew"}
    from newsgraph.model import Entity

    writes.put_entities(
        conn,
        [Entity("e_putin", "Wladimir Putin", "PER", ["Putin"]), Entity("e_tokajew", "Tokajew", "PER")],
        links,
    )
    data = build(conn)
    jsonschema.validate(data, export_schema)
    assert data["quantities"][0]["subjects"] == ["e_tokajew"]
    assert data["quantities"][0]["subjects_from"] is None
    assert data["quantities"][0]["speaker"] == "e_putin"
    assert data["quotes"][0]["speaker"] == "e_putin"
    q = data["quantities"][0]
    assert TEXT[q["start"] : q["end"]] == q["text"]


def test_quantity_without_subjects_takes_its_comparisons(conn) -> None:
    """A number whose text names no subject is given the subjects of the comparison that aligned it."""
    from newsgraph.model import Comparison

    qid = _analysis().quantities[0].id
    bare = _analysis()
    bare.quantities[0].subject_spans = []
    writes.put_analysis(conn, bare)
    assert build(conn)["quantities"][0]["subjects"] == []
    writes.put_comparisons(
        conn, [Comparison("c1", "Handelsvolumen", ["e_ru", "e_kz"], None, None, "agree", [qid])]
    )
    q = build(conn)["quantities"][0]
    assert (q["subjects"], q["subjects_from"]) == (["e_ru", "e_kz"], "c1")


def test_reprint_number_of_its_own_paragraph_is_the_outlets(conn) -> None:
    """A reprint credits its numbers to the agency it names, except in a paragraph the original lacks."""
    from newsgraph.model import Story

    local = "\nEin Werk in Mülheim an der Ruhr hat rund 900 Beschäftigte und hofft auf Aufträge."
    reprint = Document(id="d2", text=TEXT + local, source="Nordstadt-Anzeiger", agencies=["TASS"])
    writes.put_documents(conn, [reprint])
    at = reprint.text.index("rund 900")
    n = TEXT.index("4 Milliarden")
    copied = Quantity(
        record_id("n", "d2", n, n + 12), "d2", n, n + 12, "4 Milliarden", 4e9, speaker_text="TASS"
    )
    own = Quantity(record_id("n", "d2", at, at + 8), "d2", at, at + 8, "rund 900", 900, speaker_text="TASS")
    writes.put_analysis(conn, Analysis(doc="d2", quantities=[copied, own], pipeline="test"))
    writes.put_stories(conn, [Story("s1", ["d1", "d2"], duplicates=[("d2", "d1")])])
    speakers = {q["text"]: q["speaker_text"] for q in build(conn)["quantities"] if q["doc"] == "d2"}
    assert speakers == {"4 Milliarden": "TASS", "rund 900": "Nordstadt-Anzeiger"}


def test_empty_export_has_every_table(tmp_path: Path, export_schema: dict) -> None:
    data = build(open_db(tmp_path / "e.db"))
    jsonschema.validate(data, export_schema)
    assert all(data[t] == [] for t in TABLES)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_export_formats(conn, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    export(conn, fmt, str(target))
    if fmt == "json":
        assert json.loads(target.read_text())["documents"][0]["id"] == "d1"
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in target.read_text().splitlines()]
        assert lines[0] == {"table": "format", "format": "newsgraph-export/1"}
        assert {x["table"] for x in lines[1:]} >= {"documents", "mentions", "quantities", "quotes", "timexes"}
    elif fmt == "csv":
        assert sorted(p.stem for p in target.iterdir()) == sorted(TABLES)
        rows = list(csv.DictReader((target / "mentions.csv").open()))
        assert len(rows) == 4
        header = next(csv.reader((target / "events.csv").open()))
        assert header == list(CONTRACT_COLUMNS["events"])
    else:
        assert pq.read_table(target / "documents.parquet").num_rows == 1
        assert pq.read_table(target / "events.parquet").column_names == list(CONTRACT_COLUMNS["events"])


def test_unknown_format(conn) -> None:
    with pytest.raises(ValueError):
        export(conn, "xml", None)
