"""The names a NER model saw tagged in its training data, applied after the model.

The lexicon (``lexicon.json`` beside a model, built by ``scripts/ner/build_lexicon.py``) maps a word
sequence to the label the training data gives it consistently. Matches are taken longest first,
left to right. A match that overlaps no predicted chunk is added; a predicted chunk with exactly
the match's boundaries takes the lexicon's label. Chunks are word-index triples ``(start, end,
label)`` as the taggers return them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from newsgraph.nlp.ner_document import taken_tokens

Chunk = tuple[int, int, str]


class Lexicon:
    def __init__(self, entries: dict[str, str], max_words: int) -> None:
        self.entries = {tuple(k.split(" ")): v for k, v in entries.items()}
        self.max_words = max_words
        self.first = {k[0] for k in self.entries}

    def matches(self, words: list[str]) -> list[Chunk]:
        out: list[Chunk] = []
        first = self.first
        entries = self.entries
        end = 0  # matches do not overlap: the next one starts at or after the last one's end
        for i in [i for i, w in enumerate(words) if w in first]:
            if i < end:
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                label = entries.get(tuple(words[i : i + n]))
                if label is not None:
                    out.append((i, i + n, label))
                    end = i + n
                    break
        return out

    def apply(self, words: list[str], chunks: list[Chunk]) -> list[Chunk]:
        found = self.matches(words)
        if not found:
            return sorted(chunks)
        taken = taken_tokens(len(words), chunks)
        by_span = {(s, e): i for i, (s, e, _) in enumerate(chunks)}
        out = list(chunks)
        for s, e, label in found:
            if not any(taken[s:e]):
                out.append((s, e, label))
            elif (s, e) in by_span:
                out[by_span[(s, e)]] = (s, e, label)
        return sorted(out)


@cache
def load(model_dir: Path) -> Lexicon | None:
    """The lexicon shipped beside a model, or None when the model has none."""
    path = model_dir / "lexicon.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Lexicon(data["entries"], int(data["max_words"]))
