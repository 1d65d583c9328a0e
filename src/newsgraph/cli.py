"""The ``newsgraph`` command line. Thin: parses options, calls ``workflow``, prints with Rich.

Exit codes: 0 success; 1 nothing could be done (every input failed, or a fatal error);
3 partial failure (some inputs or documents failed, the rest were processed).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newsgraph import __version__, settings, workflow
from newsgraph.engines import ENGINES
from newsgraph.store import open_db, reads
from newsgraph.store.export import FORMATS

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL = 0, 1, 3

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a sourced, queryable knowledge base; compare what outlets claim.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score newsgraph on public gold sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
InputsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (recursive), or - for stdin: txt, html, json(l), rss/atom, warc."
    ),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", help="Worker processes for analysis (default: CPU cores).")
]
EngineOption = Annotated[str, typer.Option("--engine", help=f"Where analysis runs: {' | '.join(ENGINES)}.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Analyze again documents already analyzed.")]


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[workflow.Tick]:
    """A Rich progress bar on stderr (only on a terminal); yields the per-item tick."""
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    else:
        columns += [TextColumn("{task.completed} done")]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _item: bar.advance(task)


def _version(value: bool) -> None:
    if value:
        out.print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """newsgraph: who appears, every number, date and quote, and where outlets contradict each other."""


def _ingest(db: Path, inputs: list[str]) -> workflow.IngestSummary:
    conn = open_db(db)
    with progress("Ingesting") as tick:
        summary = workflow.ingest(conn, inputs, tick=tick)
    for warning in summary.warnings:
        err.print(f"[yellow]warning:[/] {warning}")
    for path, reason in summary.failed:
        err.print(f"[red]failed:[/] {path}: {reason}")
    out.print(
        f"ingested {summary.new} new document(s), {summary.known} already known, {len(summary.failed)} failed"
    )
    return summary


def _analyze(db: Path, workers: int, engine: str, force: bool) -> workflow.AnalyzeSummary:
    conn = open_db(db)
    ids = workflow.pending_documents(conn, force=force)
    from newsgraph.engines import EngineError

    try:
        with progress("Analyzing", total=len(ids)) as tick:
            summary = workflow.analyze(conn, ids, engine=engine, workers=workers or None, tick=tick)
    except EngineError as exc:
        err.print(f"[red]analysis stopped:[/] {exc}")
        raise typer.Exit(EXIT_FAILED) from exc
    for path, reason in summary.failed:
        err.print(f"[red]analysis failed:[/] {path}: {reason}")
    out.print(f"analyzed {summary.analyzed} document(s), {len(summary.failed)} failed")
    return summary


def _resolve(db: Path) -> dict[str, int]:
    conn = open_db(db)
    with progress("Resolving"):
        counts = workflow.resolve(conn)
    out.print("resolved: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return counts


def _existing_db(db: Path) -> sqlite3.Connection:
    """The database at ``db`` for commands that only read it: a clear error where there is none."""
    if not db.exists():
        err.print(f"[red]no database at {db}[/]")
        raise typer.Exit(EXIT_FAILED)
    return open_db(db)


def _exit_code(failed: int, succeeded: int) -> int:
    if failed and not succeeded:
        return EXIT_FAILED
    return EXIT_PARTIAL if failed else EXIT_OK


@app.command()
def run(
    inputs: InputsArg,
    db: DbOption = Path(settings.DEFAULT_DB),
    workers: WorkersOption = 0,
    engine: EngineOption = "local",
    force: ForceOption = False,
) -> None:
    """The main job: ingest INPUTS, analyze new documents, resolve the corpus, print a summary."""
    ing = _ingest(db, inputs)
    ana = _analyze(db, workers, engine, force)
    _resolve(db)
    _print_stats(db)
    failed = len(ing.failed) + len(ana.failed)
    raise typer.Exit(_exit_code(failed, ing.new + ing.known))


@app.command()
def ingest(inputs: InputsArg, db: DbOption = Path(settings.DEFAULT_DB)) -> None:
    """Read articles into the database (no analysis)."""
    summary = _ingest(db, inputs)
    raise typer.Exit(_exit_code(len(summary.failed), summary.new + summary.known))


@app.command()
def analyze(
    db: DbOption = Path(settings.DEFAULT_DB),
    workers: WorkersOption = 0,
    engine: EngineOption = "local",
    force: ForceOption = False,
) -> None:
    """Analyze the documents not analyzed yet (all with --force), then resolve the corpus."""
    summary = _analyze(db, workers, engine, force)
    _resolve(db)
    raise typer.Exit(_exit_code(len(summary.failed), summary.analyzed))


@app.command()
def resolve(db: DbOption = Path(settings.DEFAULT_DB)) -> None:
    """Run the corpus-wide steps again (dates, entities, stories, comparisons)."""
    _resolve(db)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="File (json, jsonl) or directory (csv, parquet); json(l) default: stdout."
        ),
    ] = None,
    db: DbOption = Path(settings.DEFAULT_DB),
) -> None:
    """Export everything by the contract newsgraph-export/1."""
    from newsgraph.store.export import export as write_export

    conn = _existing_db(db)
    try:
        where = write_export(conn, fmt, output)
    except ValueError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    if where != "-":
        err.print(f"exported {fmt} to {where}")


def _print_stats(db: Path) -> None:
    conn = open_db(db)
    counts = reads.counts(conn)
    table = Table(title=f"newsgraph · {db}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, value in counts.items():
        table.add_row(name, str(value))
    out.print(table)
    for path, stage, reason in reads.failures(conn):
        err.print(f"[red]{stage} failed:[/] {path}: {reason}")


@app.command()
def stats(
    db: DbOption = Path(settings.DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Counts of everything in the database, and the inputs that failed."""
    conn = _existing_db(db)
    if as_json:
        out.print_json(json.dumps(reads.counts(conn)))
    else:
        _print_stats(db)


def _entity_index(db: Path):  # type: ignore[no-untyped-def]
    from newsgraph.resolve.entities import EntityIndex
    from newsgraph.resolve.link import saved_index

    conn = _existing_db(db)
    return conn, (saved_index(conn) or EntityIndex())


@app.command()
def entities(
    db: DbOption = Path(settings.DEFAULT_DB),
    entity_type: Annotated[str | None, typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most N entities.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Entities with their aliases, types, roles and document counts, most mentioned first."""
    from newsgraph.resolve.view import summaries

    _conn, index = _entity_index(db)
    rows = summaries(index, entity_type.upper() if entity_type else None, limit)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(title=f"entities · {db}")
    for column in ("name", "type", "aliases", "roles", "docs", "mentions"):
        table.add_column(
            column, overflow="fold", justify="right" if column in ("docs", "mentions") else "left"
        )
    for r in rows:
        table.add_row(
            r["name"],
            r["type"],
            ", ".join(r["aliases"]),
            "; ".join(r["roles"]),
            str(r["documents"]),
            str(r["mentions"]),
        )
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name or any spelling of it.")],
    db: DbOption = Path(settings.DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One entity, found by any of its spellings, with every mention in context."""
    from newsgraph.resolve.view import context, describe

    conn, index = _entity_index(db)
    row = describe(index, name)
    if row is None:
        err.print(f"no entity named {name!r}")
        raise typer.Exit(EXIT_FAILED)
    docs = {d.id: d for d in reads.documents(conn, row["document_ids"])}
    row["mentions_in_context"] = [
        {
            "doc": doc,
            "source": docs[doc].source,
            "published": docs[doc].published,
            "text": context(docs[doc].text, start, end),
        }
        for doc, start, end in conn.execute(
            'SELECT doc, start, "end" FROM mentions WHERE entity=? ORDER BY doc, start', (row["id"],)
        )
        if doc in docs
    ]
    if as_json:
        print(json.dumps(row, ensure_ascii=False, indent=1))
        return
    counts = f"{row['documents']} document(s), {row['mentions']} mention(s)"
    out.print(f"[bold]{row['name']}[/] ({row['type']}) · {counts}")
    if row["aliases"]:
        out.print("aliases: " + ", ".join(row["aliases"]))
    if row["roles"]:
        out.print("roles: " + "; ".join(row["roles"]))
    if row.get("part_of_name"):
        out.print(f"part of: {row['part_of_name']}")
    for m in row["mentions_in_context"]:
        out.print(f"  [dim]{m['published'] or ''} {m['source'] or m['doc'][:8]}[/]  {m['text']}")


@app.command()
def compare(
    db: DbOption = Path(settings.DEFAULT_DB),
    conflicts_only: Annotated[bool, typer.Option("--conflicts", help="Show only conflicts.")] = False,
    notes: Annotated[bool, typer.Option("--notes", help="Also print the notes.")] = False,
) -> None:
    """Where outlets agree and where they contradict each other, grouped by story."""
    from rich.text import Text

    from newsgraph.store import contract
    from newsgraph.web.views import build_stories, outlet_of

    data = contract.build(_existing_db(db))
    shown = conflicts = 0
    for story in build_stories(data, {}):
        rows = [c for c in story.compared if c.verdict == "conflict" or not conflicts_only]
        if not rows:
            continue
        n_conflicts = sum(c.verdict == "conflict" for c in rows)
        outlets = sorted({outlet_of(d) for d in story.documents})
        table = Table(
            title=f"[bold]{story.label or story.id}[/] · {len(story.documents)} documents · "
            f"{n_conflicts} conflict(s) · {len(rows) - n_conflicts} agreement(s)",
            caption=f"story {story.id} · outlets: {', '.join(outlets)}",
            show_lines=True,
            expand=False,
        )
        table.add_column("verdict", no_wrap=True)
        table.add_column("measure", overflow="fold")
        table.add_column("time", no_wrap=True)
        table.add_column("unit", no_wrap=True)
        table.add_column("what each source says (value · range · source / speaker)", overflow="fold")
        for c in rows:
            style = "bold red" if c.verdict == "conflict" else "green"
            said = Text()
            for i, side in enumerate(c.sides):
                if i:
                    said.append("vs\n", style="bold red")
                for r in side:
                    who = r.outlet + (f" / {r.speaker}" if r.speaker and r.speaker != r.outlet else "")
                    copy = " (copy)" if r.doc in story.copies else ""
                    said.append(f"{r.text}", style="bold")
                    said.append(f"  {r.range}  ", style="dim")
                    said.append(f"{who}{copy}\n")
            said.rstrip()
            table.add_row(Text(c.verdict, style=style), c.measure, c.time or "—", c.unit or "—", said)
        out.print(table)
        if notes:
            for c in rows:
                out.print(f"[dim]{c.id}[/] {c.note}")
        shown += len(rows)
        conflicts += n_conflicts
    if not shown:
        out.print("no comparisons" + (" with a conflict" if conflicts_only else ""))
    else:
        out.print(f"{shown} comparison(s), {conflicts} conflict(s)")


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = Path(settings.DEFAULT_DB),
    title: Annotated[str, typer.Option("--title", help="Title of the report.")] = "newsgraph report",
) -> None:
    """One self-contained HTML report: stories, claims with conflicts, charts, timeline, quotes."""
    from newsgraph.web.report import write

    out.print(f"report written to {write(_existing_db(db), output, title)}")


def _print_metrics(title: str, metrics: dict[str, Any]) -> None:
    flat = {k: v for k, v in metrics.items() if not isinstance(v, dict)}
    nested = {k: v for k, v in metrics.items() if isinstance(v, dict)}
    if nested:
        columns: list[str] = []
        for row in nested.values():
            columns += [c for c in row if c not in columns and not isinstance(row[c], dict | list)]
        table = Table(title=title)
        table.add_column("")
        for c in columns:
            table.add_column(c, justify="right")
        for name, row in nested.items():
            table.add_row(name, *[_fmt(row.get(c)) for c in columns])
        out.print(table)
    for k, v in flat.items():
        if isinstance(v, list):
            out.print(f"{k}: {len(v)}")
            for item in v[:20]:
                out.print(f"  {item}", markup=False)
            if len(v) > 20:
                out.print(f"  … {len(v) - 20} more (--json shows all)")
        else:
            out.print(f"{k}: {_fmt(v)}")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 100 else f"{value:,.0f}"
    return "" if value is None else str(value)


def _evaluate(kind: str, path: Path, limit: int | None, as_json: bool) -> None:
    import importlib

    module = importlib.import_module(f"newsgraph.evaluate.{kind}")
    metrics = module.run(path, limit=limit)
    if as_json:
        print(json.dumps(metrics, ensure_ascii=False, indent=1))
    else:
        _print_metrics(f"{kind} · {path}", metrics)


LimitOption = Annotated[int | None, typer.Option("--limit", help="Score only the first N items.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")]


# evaluate.<kind>.run(path, limit) for each gold format, with the help line `newsgraph eval --help` shows
EVALUATORS: dict[str, str] = {
    "ner": "GermEval 2014 TSV or BIOES file: strict outer-chunk P/R/F1, per type, words/s.",
    "timex": "WikiWarsDE folder: strict and relaxed extent F1, value accuracy.",
    "quotes": "German Wikinews quotation folder: quote span and quote+speaker P/R/F1.",
    "quantities": "Recognizers-Text German Number/NumberWithUnit cases: pass rate.",
    "examples": "The example corpus (articles/ + gold.toml): every feature against the planted facts.",
    "entities": "A variant list (tests/entities/variants.toml): groups merged, wrong merges, near-misses.",
    "sentences": "UD CoNLL-U files (a folder or a file): sentence boundary P/R/F1.",
    "tagger": "A UD CoNLL-U file: UPOS, STTS and lemma accuracy of the HanTa component on gold tokens.",
}


def _register_evaluator(kind: str, help_text: str) -> None:
    def command(path: Path, limit: LimitOption = None, as_json: JsonOption = False) -> None:
        _evaluate(kind, path, limit, as_json)

    command.__doc__ = help_text
    eval_app.command(kind)(command)


for _kind, _help in EVALUATORS.items():
    _register_evaluator(_kind, _help)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
