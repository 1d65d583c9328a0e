"""Plain text files: UTF-8, or another encoding detected and converted with a warning."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.ingest.decode import decode
from newsgraph.ingest.document import make_document
from newsgraph.ingest.errors import IngestError
from newsgraph.ingest.source import Input
from newsgraph.model import Document


def read(inp: Input, warnings: list[str] | None) -> Iterator[Document | IngestError]:
    text, encoding = decode(inp.read_all(), inp.path, warnings)
    meta = {} if encoding.startswith("utf") else {"encoding": encoding}
    yield make_document(text, inp.path, meta=meta)
