"""Build the NER name lexicon from GermEval 2014 train: the names the training data tags, kept where
the annotation is consistent, so that a name the model saw in training is not missed at run time.

An entry is a word sequence tagged as an entity in train, tagged with one label in ``--purity`` of
its tagged occurrences (default 90 %), and tagged in at least ``--ratio`` of all its occurrences
in train (default 50 %: "Deutschland" yes, the common noun "Union" no). Entries without a letter
("$", "€") are left out.

  python scripts/ner/build_lexicon.py                       # -> src/newsgraph/models/ner-fast/lexicon.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from newsgraph.evaluate.ner import chunks, read

MAX_WORDS = 8


def build(train: Path, ratio: float, purity: float, min_count: int) -> dict[str, str]:
    sentences = list(read(train))
    labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for s in sentences:
        for a, b, label in chunks(s.tags):
            if b - a <= MAX_WORDS:
                labels[tuple(s.words[a:b])][label] += 1
    occurrences: Counter[tuple[str, ...]] = Counter()
    for s in sentences:
        for i in range(len(s.words)):
            for n in range(1, MAX_WORDS + 1):
                key = tuple(s.words[i : i + n])
                if len(key) == n and key in labels:
                    occurrences[key] += 1
    out: dict[str, str] = {}
    for key, counts in sorted(labels.items()):
        tagged = sum(counts.values())
        label, top = counts.most_common(1)[0]
        if not any(ch.isalpha() for ch in "".join(key)):
            continue  # "$", "€", numbers: never a name
        if tagged >= min_count and tagged / max(occurrences[key], tagged) >= ratio and top / tagged >= purity:
            out[" ".join(key)] = label
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=Path("../shared/data/germeval2014/train.bioes"))
    ap.add_argument("--out", type=Path, default=Path("src/newsgraph/models/ner-fast/lexicon.json"))
    ap.add_argument("--ratio", type=float, default=0.5)
    ap.add_argument("--purity", type=float, default=0.9)
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args()
    entries = build(args.train, args.ratio, args.purity, args.min_count)
    data = {
        "source": "GermEval 2014 train (CC BY 4.0), scripts/ner/build_lexicon.py",
        "ratio": args.ratio,
        "purity": args.purity,
        "min_count": args.min_count,
        "max_words": MAX_WORDS,
        "entries": entries,
    }
    text = json.dumps(data, ensure_ascii=False, indent=0)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(entries)} entries -> {args.out}")


if __name__ == "__main__":
    main()
