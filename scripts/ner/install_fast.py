"""Copy a trained spaCy NER pipeline into the package (tok2vec + ner only, no tokenizer/vocab bulk).

python scripts/ner/install_fast.py /tmp/ner/fast/model-best src/newsgraph/models/ner-fast
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy

from newsgraph.nlp import e5vectors  # noqa: F401  (registers the embedding architecture)


def install(src: Path, dst: Path) -> None:
    nlp = spacy.load(src)
    # the model card and the name lexicon (scripts/ner/build_lexicon.py) are not spaCy's: keep them
    keep = {name: (dst / name).read_bytes() for name in ("MODEL.md", "lexicon.json") if (dst / name).exists()}
    if dst.exists():
        shutil.rmtree(dst)
    nlp.to_disk(dst, exclude=["tokenizer"])
    for name, data in keep.items():
        (dst / name).write_bytes(data)
    for f in sorted(dst.rglob("*")):
        if f.is_file():
            size = f.stat().st_size
            assert size < 50_000_000, f"{f} is {size} bytes (limit 50 MB)"
            print(f"{size:>10}  {f}")


if __name__ == "__main__":
    install(Path(sys.argv[1]), Path(sys.argv[2]))
