"""Run the pipeline up to (not including) ``ng_quotes`` over a quotes2024 folder and cache the docs.

The quote scanner and the sentence classifier are then tuned and trained on the cache, without
re-running sentence splitting, tagging and NER on every try:

    nice -n 10 python scripts/quotes/prepare.py ../shared/data/quotes2024/train /tmp/qcache/train.pkl
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from newsgraph.evaluate.quotes import components, load
from newsgraph.model import Document
from newsgraph.nlp import extensions, pipeline


def main(src: Path, dst: Path) -> None:
    names = tuple(n for n in components() if n != "ng_quotes")
    nlp = pipeline.build(names)
    rows = []
    for k, d in enumerate(load(src)):
        document = Document(id=f"quotes2024-{k}", text=d["text"])
        doc = nlp.make_doc(d["text"])
        doc._.document = document
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        ext = {n: list(extensions.records(doc, n)) for n in extensions.LIST_ATTRS}
        rows.append(
            {
                "name": d["name"],
                "gold": d["gold"],
                "doc": doc.to_bytes(exclude=["user_data"]),
                "ext": ext,
                "document": document,
            }
        )
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(pickle.dumps({"pipeline": names, "rows": rows}))
    print(f"{len(rows)} documents -> {dst} ({', '.join(names)})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
