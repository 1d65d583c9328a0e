"""The command line through subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
COMMANDS = ["run", "ingest", "analyze", "resolve", "export", "stats", "eval"]


def ng(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args],
        capture_output=True,
        text=True,
        env=ENV,
        input=stdin,
        timeout=600,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command: str) -> None:
    result = ng(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    if command not in ("eval",):
        assert "--db" in result.stdout


def test_seeds_end_to_end(seeds_dir: Path, tmp_path: Path, export_schema: dict) -> None:
    db = str(tmp_path / "seeds.db")
    first = ng("run", str(seeds_dir), "--db", db, "--workers", "2")
    assert first.returncode == 0, first.stdout + first.stderr
    stats1 = json.loads(ng("stats", "--db", db, "--json").stdout)
    out = tmp_path / "export.json"
    exported = ng("export", "--format", "json", "--db", db, "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, export_schema)
    by_name = {Path(d["path"]).name[:3]: d for d in data["documents"]}
    assert by_name["000"]["published"] == "2025-11-11" and by_name["000"]["published_from"] == "text"
    assert "EFE" in by_name["000"]["agencies"]
    assert by_name["003"]["published"] == "2025-11-12"
    assert "TASS" in by_name["003"]["agencies"]
    assert by_name["004"]["source"] == "russland.NEWS"
    assert by_name["004"]["published"] in (None, "2023")
    # re-running on the same input changes nothing
    again = ng("run", str(seeds_dir), "--db", db, "--workers", "1")
    assert again.returncode == 0
    assert json.loads(ng("stats", "--db", db, "--json").stdout) == stats1
    out2 = tmp_path / "export2.json"
    ng("export", "--format", "json", "--db", db, "-o", str(out2))
    assert json.loads(out2.read_text(encoding="utf-8")) == data


def test_partial_failure_exit_code(tmp_path: Path) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Die Regierung in Astana hat am Montag neue Zahlen veröffentlicht.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    db = str(tmp_path / "p.db")
    result = ng("run", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    stats = json.loads(ng("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 1 and stats["failures"] == 2


def test_total_failure_exit_code(tmp_path: Path) -> None:
    result = ng("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "m.db"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr


def test_stdin_and_export_formats(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    text = "Berlin (dpa) - Die Bundesregierung hat am Montag (10.11.2025) ein Gesetz beschlossen."
    assert ng("ingest", "-", "--db", db, stdin=text).returncode == 0
    for fmt in ("jsonl", "csv", "parquet"):
        target = tmp_path / f"export-{fmt}"
        result = ng("export", "--format", fmt, "--db", db, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.exists()
    bad = ng("export", "--format", "xml", "--db", db)
    assert bad.returncode == 2
