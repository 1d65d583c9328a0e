"""Names the document's story already knows: occurrences the model and the rules missed.

A name typed with evidence in one article of a story (*der russische Konzern Rosmagistral*) is often
bare in another (*Rosmagistral übernimmt davon 49 Prozent*), where one sentence gives the model no cue.
Resolve gives each document the names of its story that occur in its text
(``Document.known_names``, see ``resolve.known_names``) and analyzes it again; this step then makes
a name mention of every occurrence (at token boundaries) that no mention covers yet.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.nlp.ner_document import LABEL_OF, taken_tokens

Chunk = tuple[int, int, str]


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Character spans of ``name`` in ``text`` that no letter or digit continues on either side."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def fill(doc: Doc, chunks: list[Chunk], known: list[tuple[str, str]]) -> list[Chunk]:
    """``chunks`` plus a chunk for every uncovered occurrence of a known name (longest names first)."""
    taken = taken_tokens(len(doc), chunks)
    out = list(chunks)
    for name, typ in sorted(known, key=lambda n: (-len(n[0]), n[0])):
        label = LABEL_OF.get(typ)
        if label is None:
            continue
        for a, b in occurrences(doc.text, name):
            span = doc.char_span(a, b, alignment_mode="strict")
            if span is None or any(taken[span.start : span.end]):
                continue
            out.append((span.start, span.end, label))
            for i in range(span.start, span.end):
                taken[i] = True
    return sorted(out)
