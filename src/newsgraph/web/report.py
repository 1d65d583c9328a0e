"""``newsgraph report``: one self-contained HTML file for a corpus (no external assets)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from newsgraph import __version__
from newsgraph.store import contract
from newsgraph.store.codec import spans
from newsgraph.web.views import build_stories, chart, human


def render(conn: sqlite3.Connection, title: str = "newsgraph report") -> str:
    data = contract.build(conn)
    sentences = {r[0]: spans(r[1]) for r in conn.execute("SELECT doc, sentences FROM analyses")}
    stories = build_stories(data, sentences)
    env = Environment(loader=PackageLoader("newsgraph.web", "templates"), autoescape=select_autoescape())
    env.globals["chart"] = chart
    env.filters["human"] = human
    template = env.get_template("report.html")
    totals = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    totals["conflicts"] = sum(c["verdict"] == "conflict" for c in data["comparisons"])
    return template.render(
        title=title,
        stories=stories,
        totals=totals,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write(conn: sqlite3.Connection, output: Path, title: str = "newsgraph report") -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(conn, title), encoding="utf-8")
    return output
