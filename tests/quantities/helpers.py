"""Helpers for the quantity tests: docs with hand-made records (timexes, quotes, mentions) standing in
for the components that run before ng_quantities."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import model


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def make_doc(
    nlp: Language,
    text: str,
    *,
    doc_id: str = "d1",
    source: str | None = "outlet",
    mentions: list[tuple[str, str]] | None = None,
    timexes: list[tuple[str, str, str] | tuple[str, str, str, str]] | None = None,
    quotes: list[dict[str, Any]] | None = None,
) -> Doc:
    """A Doc with ``doc._.document`` and hand-made records: mentions (text, type) for every occurrence,
    timexes (text, type, value[, interval]) for every occurrence, quotes as Quote keyword dicts."""
    doc = nlp.make_doc(text)
    doc._.document = model.Document(id=doc_id, text=text, source=source)
    doc._.mentions = [
        model.Mention(doc_id, a, b, text[a:b], typ)  # type: ignore[arg-type]
        for name, typ in (mentions or [])
        for a, b in spans(text, name)
    ]
    tx = []
    for item in timexes or []:
        name, typ, value = item[0], item[1], item[2]
        interval = item[3] if len(item) > 3 else None
        for a, b in spans(text, name):
            t = model.Timex(model.record_id("t", doc_id, a, b), doc_id, a, b, name, typ, value)  # type: ignore[arg-type]
            if interval is not None and hasattr(t, "interval"):
                t.interval = interval
            tx.append(t)
    doc._.timexes = tx
    doc._.quotes = [model.Quote(id=f"q{i}", doc=doc_id, **q) for i, q in enumerate(quotes or [])]
    return doc


def run(nlp: Language, doc: Doc) -> list[model.Quantity]:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.quantities or [])


def pick(found: list[model.Quantity], text: str) -> model.Quantity:
    hits = [q for q in found if q.text == text]
    assert hits, f"no quantity {text!r}; got {[q.text for q in found]}"
    return hits[0]
