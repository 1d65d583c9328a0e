"""The HTML report, opened in headless Chromium: the conflict rows are there and the page's script ran."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.model import Analysis, Document, Entity, Mention, Quantity, Quote, record_id
from newsgraph.store import open_db, writes
from newsgraph.workflow import resolve

EFE = (
    "Moskau (EFE) - Russland ist mit 4 Milliarden Dollar einer der wichtigsten Investoren in Kasachstan, "
    "meldete die Agentur am Dienstag."
)
TASS = (
    "Moskau (TASS) - Die russischen Investitionen in Kasachstan belaufen sich auf etwa 27 Milliarden Dollar, "
    "sagte Putin."
)


def _analysis(doc: str, text: str, number: str, value: float, qualifier: str) -> Analysis:
    start = text.index(number)
    a = Analysis(doc=doc, sentences=[(0, len(text))], pipeline="test")
    ru, kz = text.index("Kasachstan"), text.index("Moskau")
    a.mentions = [Mention(doc, ru, ru + 10, "Kasachstan", "LOC"), Mention(doc, kz, kz + 6, "Moskau", "LOC")]
    a.quantities = [
        Quantity(
            record_id("n", doc, start, start + len(number)),
            doc,
            start,
            start + len(number),
            number,
            value,
            unit="USD",
            qualifier=qualifier,
            measure="Investitionen",
            subject_spans=[(ru, ru + 10)],
        )
    ]
    if "sagte" in text:
        a.quotes = [
            Quote(
                record_id("q", doc, 0, 10),
                doc,
                0,
                text.index(", sagte"),
                text[: text.index(", sagte")],
                "indirect",
                speaker_text="Putin",
                cue="sagte",
            )
        ]
    return a


@pytest.fixture()
def report_file(tmp_path: Path) -> Path:
    conn = open_db(tmp_path / "r.db")
    writes.put_documents(
        conn,
        [
            Document(id="efe", text=EFE, source="EFE", agencies=["EFE"], published="2025-11-11", title="EFE"),
            Document(
                id="tass", text=TASS, source="TASS", agencies=["TASS"], published="2025-11-12", title="TASS"
            ),
        ],
    )
    writes.put_analysis(conn, _analysis("efe", EFE, "4 Milliarden Dollar", 4e9, "exact"))
    writes.put_analysis(conn, _analysis("tass", TASS, "etwa 27 Milliarden Dollar", 27e9, "approx"))
    links = {
        (d, s, e): ("kz" if t == "Kasachstan" else "msk")
        for d, text in (("efe", EFE), ("tass", TASS))
        for t in ("Kasachstan", "Moskau")
        for s, e in [(text.index(t), text.index(t) + len(t))]
    }
    writes.put_entities(conn, [Entity("kz", "Kasachstan", "LOC"), Entity("msk", "Moskau", "LOC")], links)
    resolve(conn)
    out = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "report", "--db", str(tmp_path / "r.db"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_is_self_contained(report_file: Path) -> None:
    html = report_file.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and 'src="http' not in html
    assert 'class="comparison conflict"' in html


def test_report_in_headless_chromium(report_file: Path, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", report_file.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert '<tr class="comparison conflict"' in dom
    assert "Investitionen" in dom and "EFE" in dom and "TASS" in dom
    assert 'class="conflict"' in dom  # the page's script marked the conflicting claims in the texts
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1200,1600", report_file.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000


def test_compare_command_shows_both_sides(report_file: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    db = report_file.parent / "r.db"
    result = CliRunner().invoke(
        app, ["compare", "--db", str(db), "--conflicts", "--notes"], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0, result.output
    assert "conflict" in result.output and "vs" in result.output
    assert "4 Milliarden Dollar" in result.output and "etwa 27 Milliarden Dollar" in result.output
    assert "1 comparison(s), 1 conflict(s)" in result.output


def test_timeline_merges_the_same_event_reported_twice() -> None:
    from newsgraph.web.views import timeline

    event = {
        "code": "042",
        "status": "reported",
        "time": "2025-11-11",
        "actors": ["tok"],
        "targets": [],
        "place": "msk",
        "text": "eingetroffen",
        "start": 0,
        "end": 5,
    }
    docs = [
        {"id": "a", "source": "EFE", "published": "2025-11-11"},
        {"id": "b", "source": "TASS", "published": "2025-11-12"},
    ]
    by_doc = {"a": {"events": [event]}, "b": {"events": [{**event, "time": "2025-11-11TAF"}]}}
    [day] = timeline(docs, by_doc, {"tok": "Tokajew", "msk": "Moskau"})
    assert day["day"] == "2025-11-11"
    [entry] = day["events"]
    assert [r["outlet"] for r in entry["reports"]] == ["EFE", "TASS"] and entry["place_name"] == "Moskau"
