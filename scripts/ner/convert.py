"""Convert GermEval 2014 gold files to spaCy DocBin files for training.

Usage: python scripts/ner/convert.py ../shared/data/germeval2014/train.bioes /tmp/ner/train.spacy
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from newsgraph.evaluate.ner import chunks, read


def convert(src: Path, dst: Path, limit: int | None = None) -> int:
    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False)
    n = 0
    for sent in read(src, limit):
        doc = Doc(nlp.vocab, words=sent.words, spaces=[True] * (len(sent.words) - 1) + [False])
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in sorted(chunks(sent.tags))])
        db.add(doc)
        n += 1
    dst.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dst)
    return n


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    print(f"{convert(src, dst, limit)} sentences -> {dst}")
