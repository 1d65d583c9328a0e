"""Ingestion: any input (txt, html, jsonl/json, rss/atom, warc, directories, stdin) into Documents.

``iter_inputs`` yields one ``Document`` per article and one ``IngestError`` per input (or line,
entry, record) that failed, with its path and the reason; it never raises for a bad input.
Ids are content-derived unless the input gives one, so the same input always gives the same ids.

``Document.meta`` keeps the input's other fields as given, plus what ingestion adds:
``encoding`` (input was not UTF-8), ``input_line`` / ``input_index`` (JSONL line, JSON array index),
``published_unparsed`` (a date the input gave that could not be read), ``feed_entry``, ``guid``,
``author``, ``tags``, ``crawled`` (WARC date), ``url`` / ``hostname`` / ``description`` (HTML);
from the text (``metadata.py``): ``agencies_unspecified`` ("Quelle: Agenturen"), ``published_partial``
("--11-12") with ``published_partial_weekday``, ``published_conflict``, and ``metadata_evidence``
(rule, span and words of everything found in the text).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator, Sequence

from newsgraph.ingest.errors import IngestError, IngestFailure
from newsgraph.ingest.sniff import kind_by_content, kind_by_name
from newsgraph.ingest.source import Input, expand
from newsgraph.model import Document

__all__ = ["IngestError", "iter_inputs", "read_input"]

log = logging.getLogger("newsgraph.ingest")

READERS = {
    "text": "newsgraph.ingest.text",
    "html": "newsgraph.ingest.html",
    "jsonl": "newsgraph.ingest.jsonl",
    "feed": "newsgraph.ingest.feed",
    "warc": "newsgraph.ingest.warc",
}


def iter_inputs(
    inputs: Sequence[str], *, encoding_warnings: list[str] | None = None
) -> Iterator[Document | IngestError]:
    """Documents and failures for files, directories (recursive, sorted) and "-" (stdin), in order.

    ``encoding_warnings`` receives one message per input that was not UTF-8 and was converted.
    """
    for inp in expand(list(inputs)):
        yield from read_input(inp, encoding_warnings)


def read_input(inp: Input, warnings: list[str] | None = None) -> Iterator[Document | IngestError]:
    """Everything one input holds; its failure as an IngestError, never an exception."""
    try:
        kind = kind_by_name(inp.name) if inp.name else None
        if kind is None:
            kind = kind_by_content(inp.head())
        if kind == "binary":
            from newsgraph.ingest.decode import binary_kind

            raise IngestFailure(
                "binary", f"not text ({binary_kind(inp.head()) or 'compressed or unknown format'})"
            )
        reader = importlib.import_module(READERS[kind])
        yield from reader.read(inp, warnings)
    except IngestFailure as failure:
        yield failure.error(inp.path)
    except Exception as exc:  # a bug in one reader must not stop the run: report it with the input
        log.exception("ingesting %s failed", inp.path or "-")
        yield IngestError(inp.path or "-", f"invalid: unexpected {type(exc).__name__}: {exc}", "invalid")
