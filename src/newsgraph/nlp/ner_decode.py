"""Greedy decoding of a spaCy transition-based NER model (BILUO moves), in numpy over the batch.

spaCy's own loop (``Parser.greedy_parse`` -> ``_parseC``) is C, but the installed wheel's Cython
code takes and releases the GIL around its inner calls (profiling hooks compiled in): about 150
``PyGILState_Ensure``/``Release`` pairs per word (50 moves checked for validity, each a few hooks),
measured at ~45 us per word, half of the fast model's time. This module runs the same computation
step by step for all sentences of a batch at once:

- the state vector of each sentence: the sum of the precomputed feature rows (``lower`` layer) of
  the buffer's first token, the open entity's first token and the token before the buffer (padding
  row where absent), plus the bias, maxout over the pieces; the action scores by the ``upper`` layer
  with the same BLIS ``sgemm`` call spaCy makes, so the scores are bit-identical;
- the valid moves (``Begin``/``In``/``Last``/``Unit``/``Out`` as spaCy's ``ner.pyx`` checks them on
  a doc without preset entities), the best valid one (first index on ties, as ``arg_max_if_valid``),
  and the move applied: every NER move consumes one token, so step ``t`` reads token ``t``.

It is used only for docs without preset entity annotation (the fast tagger's own docs);
``GreedyNER.supports`` says whether a pipeline has the layout this decoder knows.
"""

from __future__ import annotations

import numpy as np
from blis.py import gemm
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

Chunk = tuple[int, int, str]  # token start, end (exclusive), label

# move kinds, as in spaCy's ner.pyx (MISSING, BEGIN, IN, LAST, UNIT, OUT)
_KINDS = {"M": 0, "B": 1, "I": 2, "L": 3, "U": 4, "O": 5}
_B, _I, _L, _U, _O = 1, 2, 3, 4, 5


class GreedyNER:
    """Decoder for the ``ner`` component of ``nlp`` (its ``tok2vec`` upstream runs separately)."""

    def __init__(self, nlp: Language, name: str = "ner") -> None:
        pipe = nlp.get_pipe(name)
        model = pipe.model
        proj = model.get_ref("tok2vec")
        self._flatten, self._linear = proj.layers[1], proj.layers[2]
        self._lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self._W = np.ascontiguousarray(upper.get_param("W"), dtype=np.float32)  # [classes, hidden]
        self._b = upper.get_param("b").astype(np.float32)
        self._bias = self._lower.get_param("b").astype(np.float32).reshape(-1)  # [hidden * pieces]
        self.n_hidden = self._lower.get_dim("nO")
        self.n_pieces = self._lower.get_dim("nP")
        moves = pipe.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        labels = [""] + sorted({n.split("-", 1)[1] for n in names if "-" in n} - {""})
        self.labels = labels
        kind = np.array([_KINDS[n.split("-", 1)[0]] for n in names], dtype=np.int64)
        label = np.array([labels.index(n.split("-", 1)[1]) if "-" in n else 0 for n in names])
        self.kind, self.label = kind, label
        unseen = sorted(model.attrs.get("unseen_classes", set()))
        self._unseen = np.array(unseen, dtype=np.int64)
        self._penalty = self._penalties(kind, label, len(labels))

    @staticmethod
    def supports(nlp: Language, name: str = "ner") -> bool:
        """Whether ``nlp``'s ``name`` component is a greedy BILUO NER of the layout decoded here
        (``TransitionBasedParser`` with 3 state tokens, maxout, an upper layer)."""
        try:
            pipe = nlp.get_pipe(name)
            model = pipe.model
            lower = model.get_ref("lower")
            names = [pipe.moves.get_class_name(i) for i in range(pipe.moves.n_moves)]
            checks = (
                type(pipe).__name__ == "EntityRecognizer",
                pipe.cfg.get("beam_width", 1) == 1,
                model.attrs.get("has_upper") is True,
                [layer.name for layer in model.get_ref("tok2vec").layers][1:] == ["list2array", "linear"],
                lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2,
                all(n.split("-", 1)[0] in _KINDS for n in names),
            )
        except (KeyError, AttributeError, ValueError):
            return False
        return all(checks)

    @staticmethod
    def _penalties(kind: np.ndarray, label: np.ndarray, n_labels: int) -> np.ndarray:
        """0 / -inf per move for each state code: codes 0-3 a state with no open entity (bit 0: a
        ``Begin`` is allowed, bit 1: a ``Unit`` is allowed), ``4 + 2 * label + i`` an open entity
        of ``label`` (``i``: an ``In`` is allowed; ``Last`` of that label always is)."""
        rows = []
        named = label != 0
        for code in range(4):
            begin, unit = (kind == _B) & named & bool(code & 1), (kind == _U) & named & bool(code & 2)
            rows.append((kind == _O) | begin | unit)
        for lab in range(n_labels):
            for in_ok in (False, True):
                same = (label == lab) & (lab != 0)
                rows.append(((kind == _L) & same) | ((kind == _I) & same & in_ok))
        return np.where(np.array(rows), np.float32(0.0), np.float32(-np.inf)).astype(np.float32)

    def __call__(self, docs: list[Doc], tokvecs: list[np.ndarray]) -> list[list[Chunk]]:
        """Entities of each doc (sorted), from the upstream ``tok2vec`` output of the docs."""
        lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
        out: list[list[Chunk]] = [[] for _ in docs]
        if not lengths.any():
            return out
        X = self._linear.predict(self._flatten.predict(tokvecs))
        table = self._lower.predict(X)  # [n_tokens + 1, 3, hidden, pieces]; row 0: padding
        width = self.n_hidden * self.n_pieces
        table = table.reshape(len(table), 3, width)
        f0, f1, f2 = table[:, 0], table[:, 1], table[:, 2]
        flags = np.concatenate([doc.to_array([IS_SPACE, SENT_START]).reshape(-1, 2) for doc in docs])
        space = flags[:, 0] != 0
        sent_start = np.append(flags[:, 1] == 1, False)
        # sentences longest first: the ones still going at step t are a prefix
        order = np.argsort(-lengths, kind="stable")
        lens = lengths[order]
        offsets = (np.cumsum(lengths) - lengths)[order]
        n = len(docs)
        is_open = np.zeros(n, dtype=bool)
        ent_start = np.zeros(n, dtype=np.int64)
        ent_label = np.zeros(n, dtype=np.int64)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []  # (doc, start, end, label)
        kind, label, penalty = self.kind, self.label, self._penalty
        for t in range(int(lens[0])):
            k = int(np.count_nonzero(lens > t))
            op = is_open[:k]
            b0 = offsets[:k] + t
            # feature rows: buffer's first token, open entity's first token, the token before b0
            h = f0[b0 + 1] + f1[np.where(op, offsets[:k] + ent_start[:k] + 1, 0)]
            h += f2[np.where(op, b0, 0)]
            h += self._bias
            hidden = _maxout(h, self.n_pieces)
            scores = gemm(hidden, self._W, trans2=True, alpha=1.0, beta=0.0)
            scores += self._b
            if len(self._unseen):
                scores[:, self._unseen] = scores.min()
            more = lens[:k] - t >= 2  # a token after b0 (Begin / In need one)
            nxt_start = sent_start[np.where(more, b0 + 1, -1)]
            in_ok = more & ~nxt_start
            sp = space[b0]
            code = np.where(op, 4 + 2 * ent_label[:k] + in_ok, (in_ok & ~sp) + 2 * ~sp)
            guess = np.argmax(scores + penalty[code], axis=1)
            g_kind, g_label = kind[guess], label[guess]
            rows = np.arange(k)
            unit = g_kind == _U
            if unit.any():
                r = rows[unit]
                found.append((order[r], np.full(len(r), t), np.full(len(r), t + 1), g_label[unit]))
            last = g_kind == _L
            if last.any():
                r = rows[last]
                found.append((order[r], ent_start[r], np.full(len(r), t + 1), ent_label[r]))
                is_open[r] = False
            begin = g_kind == _B
            if begin.any():
                r = rows[begin]
                is_open[r] = True
                ent_start[r] = t
                ent_label[r] = g_label[begin]
        for d, s, e, lab in found:
            for i, start, end, j in zip(d.tolist(), s.tolist(), e.tolist(), lab.tolist(), strict=True):
                out[i].append((start, end, self.labels[j]))
        for chunks in out:
            chunks.sort()
        return out


def _maxout(h: np.ndarray, pieces: int) -> np.ndarray:
    """``[k, hidden * pieces]`` -> ``[k, hidden]``: the largest piece of each unit (``np.maximum`` over
    strided views: a numpy reduction over a last axis of 2 costs ~20x more)."""
    out = np.maximum(h[:, 0::pieces], h[:, 1::pieces])
    for p in range(2, pieces):
        np.maximum(out, h[:, p::pieces], out=out)
    return out
