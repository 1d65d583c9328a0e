#!/usr/bin/env bash
# Retrain the fast NER model (spaCy tok2vec + ner, from scratch) and install it into the package.
#   scripts/ner/train_fast.sh            (best dev score at step 3000: ~10 CPU-minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data/germeval2014}
WORK=${WORK:-/tmp/ner}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
python scripts/ner/convert.py "$DATA/train.bioes" "$WORK/train.spacy"
python scripts/ner/convert.py "$DATA/dev.tsv" "$WORK/dev.spacy"
nice -n 5 python -m spacy train scripts/ner/fast.cfg --code src/newsgraph/nlp/e5vectors.py \
  --output "$WORK/fast" --paths.train "$WORK/train.spacy" --paths.dev "$WORK/dev.spacy"
python scripts/ner/install_fast.py "$WORK/fast/model-best" src/newsgraph/models/ner-fast
python scripts/ner/build_lexicon.py --train "$DATA/train.bioes" --out src/newsgraph/models/ner-fast/lexicon.json
python -m newsgraph.evaluate.ner "$DATA/dev.tsv"
