"""``analyze``: the pure function ``Document -> Analysis``.

No database, no global mutable state: each process builds its pipeline once and
runs every document through it. The engines (``newsgraph.engines``) parallelize this.
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.model import Analysis, Document
from newsgraph.nlp import extensions, pipeline
from newsgraph.nlp.sentences import spans as sentence_spans


def analyze(document: Document, nlp: Language | None = None) -> Analysis:
    nlp = nlp or pipeline.get()
    doc = nlp.make_doc(document.text)
    doc._.document = document
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    sentences = sentence_spans(doc) if doc.has_annotation("SENT_START") else []
    result = Analysis(
        doc=document.id,
        sentences=sentences,
        pipeline=pipeline.fingerprint(nlp.pipe_names) + pipeline.names_fingerprint(document.known_names),
    )
    for name in extensions.LIST_ATTRS:
        setattr(result, name, sorted(extensions.records(doc, name), key=lambda r: (r.start, r.end)))
    published = doc.user_data.get("published")
    if published and not document.published:
        result.published = published
    return result
