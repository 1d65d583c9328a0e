"""Silver training data for the fast NER model: news text labelled by the accurate model.

Knowledge distillation / self-training. The accurate model (e5 fine-tuned, GermEval dev F1 ~0.83)
labels sentences of the 10kGNAD news corpus (``../shared/data/10kgnad/articles.csv``, never GermEval
dev or test); the fast model is then trained on GermEval train (gold, optionally repeated to
upweight it) plus these silver sentences.

    python scripts/ner/distill_fast.py OUT_DIR [--words 150000] [--gold-repeat 1] [--seed 0]

writes into ``OUT_DIR``:

- ``silver.spacy``  the labelled news sentences (DocBin, entities = accurate model's chunks);
- ``train.spacy``   GermEval train x ``--gold-repeat`` + silver (the ``--paths.train`` for spaCy);
- ``dev.spacy``     GermEval dev (model selection only);
- ``silver.json``   what was labelled: sentences, words, entities per label, seconds.

Sentences come from the project's own tokenizer and sentence splitter (``ng_sentences``), so the
silver data is tokenized like the text the model sees at run time. Articles are taken in a seeded
random order until ``--words`` words are labelled; sentences shorter than 4 or longer than 80
words are skipped (headlines, tables, splitter errors). The labelling is deterministic
(ONNX Runtime, one thread), so one command reproduces the data from ``../shared/data``.

With ``--warm-start MODEL_DIR`` (e.g. ``src/newsgraph/models/ner-fast``) it also writes
``base/`` (that model, re-saved with a tokenizer so spaCy can source it) and ``warm.cfg``
(``scripts/ner/fast.cfg`` with both components sourced from ``base/``, evaluated every 400
steps), to continue training the shipped model on gold + silver instead of starting from scratch.

What ``scripts/ner/train_fast.sh`` would run with distillation (labelling 150k words took ~260
CPU-seconds; the warm start peaked at step 2,000 with lr 0.001, ~8 minutes wall clock on one thread):

    export OMP_NUM_THREADS=1
    python scripts/ner/distill_fast.py /tmp/ner/distill --warm-start src/newsgraph/models/ner-fast
    python -m spacy train /tmp/ner/distill/warm.cfg --code src/newsgraph/nlp/e5vectors.py \\
        --output /tmp/ner/distill/warm --paths.train /tmp/ner/distill/train.spacy \\
        --paths.dev /tmp/ner/distill/dev.spacy --training.max_steps 2400
    python scripts/ner/install_fast.py /tmp/ner/distill/warm/model-best src/newsgraph/models/ner-fast

(from scratch: the same ``spacy train`` with ``scripts/ner/fast.cfg`` instead of ``warm.cfg``.)

The shipped model (second session) was made this way, from the first session's model, with 350k
silver words from two article orders (~10 CPU-minutes of labelling, ~8 minutes of training):

    python scripts/ner/distill_fast.py /tmp/ner/distill2 --words 200000 --seed 1
    python scripts/ner/distill_fast.py /tmp/ner/distill --words 150000 --seed 0 \
        --warm-start src/newsgraph/models/ner-fast --extra-silver /tmp/ner/distill2/silver.spacy
    python -m spacy train /tmp/ner/distill/warm.cfg --code src/newsgraph/nlp/e5vectors.py \
        --output /tmp/ner/distill3/warm --paths.train /tmp/ner/distill/train.spacy \
        --paths.dev /tmp/ner/distill/dev.spacy --training.max_steps 2400
    python scripts/ner/install_fast.py /tmp/ner/distill3/warm/model-best src/newsgraph/models/ner-fast

(dev F1 of the model alone by step: 0 0.722, 400 0.712, 1200 0.729, 2000 0.745, 2400 0.754.)
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
GNAD = DATA / "10kgnad" / "articles.csv"
GERMEVAL = DATA / "germeval2014"
MIN_WORDS, MAX_WORDS = 4, 80


def read_articles(path: Path = GNAD) -> list[str]:
    """Texts of the 10kGNAD csv (``label;'title + text'``), in file order."""
    if not path.exists():
        raise FileNotFoundError(f"news corpus not found: {path}")
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]


def sentences(texts: list[str], budget: int, seed: int) -> Iterator[list[str]]:
    """Word lists of the corpus' sentences (project tokenizer + ``ng_sentences``), articles in a
    seeded random order, until ``budget`` words."""
    from newsgraph.nlp import pipeline

    nlp = pipeline.build(("ng_sentences",))
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    total = 0
    for i in order:
        try:
            doc = nlp(texts[i])
        except Exception as exc:  # one bad article must not stop the run
            print(f"skipped article {i}: {exc}", file=sys.stderr)
            continue
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if MIN_WORDS <= len(words) <= MAX_WORDS:
                yield words
                total += len(words)
                if total >= budget:
                    return


def to_doc(vocab: spacy.vocab.Vocab, words: list[str], chunks: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    ents, last = [], 0
    for s, e, label in sorted(chunks):
        if s >= last:  # the tagger's chunks do not overlap; guard anyway
            ents.append(Span(doc, s, e, label=label))
            last = e
    doc.set_ents(ents)
    return doc


def label_silver(out: Path, budget: int, seed: int, batch: int = 256) -> dict:
    from newsgraph.nlp import ner

    tagger = ner.load_model("accurate")
    if tagger is None:
        raise RuntimeError("accurate NER model not available")
    vocab = spacy.blank("de").vocab
    db = DocBin(store_user_data=False)
    labels: Counter[str] = Counter()
    n_sent = n_words = 0
    t0, c0 = time.perf_counter(), time.process_time()
    pending: list[list[str]] = []

    def flush() -> None:
        nonlocal n_sent, n_words
        for words, chunks in zip(pending, tagger.predict_words(pending), strict=True):
            db.add(to_doc(vocab, words, chunks))
            labels.update(c[2] for c in chunks)
            n_sent += 1
            n_words += len(words)
        pending.clear()
        print(f"  {n_sent} sentences, {n_words} words, {time.perf_counter() - t0:.0f} s", flush=True)

    for words in sentences(read_articles(), budget, seed):
        pending.append(words)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    db.to_disk(out / "silver.spacy")
    stats = {
        "source": "../shared/data/10kgnad/articles.csv",
        "seed": seed,
        "sentences": n_sent,
        "words": n_words,
        "entities": dict(sorted(labels.items())),
        "seconds": round(time.perf_counter() - t0, 1),
        "cpu_seconds": round(time.process_time() - c0, 1),
    }
    (out / "silver.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats


def combine(out: Path, gold_repeat: int, extra: list[Path] | None = None) -> int:
    """``train.spacy`` = GermEval train x gold_repeat + silver (+ the ``extra`` silver DocBins of
    earlier runs with other seeds); ``dev.spacy`` = GermEval dev."""
    sys.path.insert(0, str(ROOT / "scripts" / "ner"))
    from convert import convert  # the project's GermEval -> DocBin conversion

    convert(GERMEVAL / "train.bioes", out / "gold_train.spacy")
    convert(GERMEVAL / "dev.tsv", out / "dev.spacy")
    nlp = spacy.blank("de")
    gold = list(DocBin().from_disk(out / "gold_train.spacy").get_docs(nlp.vocab))
    silver = []
    for path in [out / "silver.spacy", *(extra or [])]:
        silver.extend(DocBin().from_disk(path).get_docs(nlp.vocab))
    db = DocBin(store_user_data=False)
    for doc in gold * gold_repeat + silver:
        db.add(doc)
    db.to_disk(out / "train.spacy")
    return len(db)


def warm_start(out: Path, model_dir: Path) -> Path:
    """``out/base`` (``model_dir`` with a tokenizer) and ``out/warm.cfg`` sourcing both components."""
    from newsgraph.nlp import e5vectors  # noqa: F401  (registers the embedding architecture)

    base = out / "base"
    base.parent.mkdir(parents=True, exist_ok=True)
    spacy.load(model_dir, exclude=["tokenizer"]).to_disk(base)
    cfg = (ROOT / "scripts" / "ner" / "fast.cfg").read_text(encoding="utf-8")
    start, end = cfg.index("[components]\n"), cfg.index("[corpora]")
    sourced = "".join(f'[components.{c}]\nsource = "{base}"\n\n' for c in ("tok2vec", "ner"))
    cfg = cfg[:start] + "[components]\n\n" + sourced + cfg[end:]
    cfg = cfg.replace("eval_frequency = 1000", "eval_frequency = 400")
    (out / "warm.cfg").write_text(cfg, encoding="utf-8")
    return out / "warm.cfg"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--words", type=int, default=150_000, help="silver words to label (default 150000)")
    ap.add_argument("--gold-repeat", type=int, default=1, help="copies of GermEval train (default 1)")
    ap.add_argument("--seed", type=int, default=0, help="article order (default 0)")
    ap.add_argument("--reuse", action="store_true", help="keep an existing silver.spacy, only combine")
    ap.add_argument("--warm-start", type=Path, help="installed fast model to continue training from")
    ap.add_argument("--extra-silver", type=Path, nargs="*", default=[], help="silver of other runs to add")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and (args.out / "silver.spacy").exists()):
        print(json.dumps(label_silver(args.out, args.words, args.seed), indent=2))
    n = combine(args.out, args.gold_repeat, args.extra_silver)
    print(f"{n} training docs -> {args.out / 'train.spacy'}")
    if args.warm_start is not None:
        print(f"warm-start config -> {warm_start(args.out, args.warm_start)}")


if __name__ == "__main__":
    main()
