"""Writing the export contract to files: JSON, JSON Lines, CSV and Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from newsgraph.store import contract
from newsgraph.store.columns import CONTRACT_COLUMNS

FORMATS = ("json", "jsonl", "csv", "parquet")
DIRECTORY_FORMATS = ("csv", "parquet")


def export(conn: sqlite3.Connection, fmt: str, output: str | None) -> str:
    """Write the export in ``fmt`` to ``output`` (a file, a directory for csv/parquet, or
    None/"-" for stdout where the format allows). Returns where it went."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in DIRECTORY_FORMATS:
        target = Path(output or f"newsgraph-export-{fmt}")
        _write_tables(conn, fmt, target)
        return str(target)
    if output in (None, "-"):
        _write_stream(conn, fmt, sys.stdout)
        return "-"
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        _write_stream(conn, fmt, fh)
    tmp.replace(path)
    return str(path)


def _write_stream(conn: sqlite3.Connection, fmt: str, fh: TextIO) -> None:
    if fmt == "json":
        json.dump(contract.build(conn), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
        return
    fh.write(json.dumps({"table": "format", "format": contract.FORMAT}) + "\n")
    for table, record in contract.records(conn):
        fh.write(json.dumps({"table": table, **record}, ensure_ascii=False) + "\n")


def _write_tables(conn: sqlite3.Connection, fmt: str, target: Path) -> None:
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for table, record in contract.records(conn):
        tables[table].append(record)
    target.mkdir(parents=True, exist_ok=True)
    for table in contract.TABLES:
        rows = tables.get(table, [])
        if fmt == "csv":
            _write_csv(target / f"{table}.csv", table, rows)
        else:
            _write_parquet(target / f"{table}.parquet", table, rows)


def _columns(table: str, rows: list[dict[str, Any]]) -> list[str]:
    return list(rows[0]) if rows else list(CONTRACT_COLUMNS[table])


def _write_csv(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        columns = _columns(table, rows)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                    for v in (row.get(c) for c in columns)
                ]
            )


def _write_parquet(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        data = pa.Table.from_pylist(rows)
    else:
        data = pa.table({c: pa.array([], type=pa.string()) for c in CONTRACT_COLUMNS[table]})
    pq.write_table(data, path)
