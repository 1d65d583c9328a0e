"""Score the HanTa component on CoNLL-U gold data (UD German GSD): UPOS, STTS and lemma accuracy.

The gold tokenization and sentence splits are used (``Doc(words=..., spaces=...)`` per sentence),
so the figures measure tagging alone. Multi-word tokens (``zum``) count once, as their surface
token: gold UPOS and lemma of the first word (``ADP``, ``zu``), STTS ``APPRART``. GSD writes the
STTS pronominal adverb ``PAV``; it is compared as ``PROAV``. Punctuation counts like any token.
``hanta_plain`` scores HanTa used as is (``tag_sent``, its lemma, its tag mapped by the same tables)
on the same tokens: the reference for what the component adds.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.evaluate import conllu

_STTS_ALIASES = {"PAV": "PROAV"}


def run(path: Path, limit: int | None = None) -> dict:
    """UPOS / STTS / lemma accuracy of ``ng_hanta`` over the ``.conllu`` file(s) at ``path``."""
    from newsgraph.nlp import pipeline

    files = sorted(Path(path).glob("*.conllu")) if Path(path).is_dir() else [Path(path)]
    if not files:
        raise FileNotFoundError(f"no .conllu file at {path}")
    nlp = pipeline.build(("ng_hanta",))
    tagger = nlp.get_pipe("ng_hanta")
    hanta = tagger.tagger  # the same (memoized) HanTa, used plainly as the reference
    n = upos_ok = xpos_ok = lemma_ok = lemma_ci_ok = 0
    raw_upos = raw_xpos = raw_lemma = 0
    confusions: Counter[str] = Counter()
    lemma_errors: Counter[str] = Counter()
    seconds = 0.0
    for file in files:
        for sent in conllu.read(file, limit):
            words = [w.form for w in sent.words]
            doc = Doc(nlp.vocab, words=words, spaces=[w.space_after for w in sent.words])
            began = time.process_time()
            tagger(doc)
            seconds += time.process_time() - began
            raw = hanta.tag_sent(words, taglevel=1)
            for (_w, rlemma, rtag), gold in zip(raw, sent.words, strict=True):
                rstts = tagger._stts(rtag)
                raw_xpos += rstts == _STTS_ALIASES.get(gold.xpos, gold.xpos)
                raw_upos += tagger.tables.stts_to_upos.get(rstts, "X") == gold.upos
                raw_lemma += rlemma == gold.lemma
            for tok, gold in zip(doc, sent.words, strict=True):
                n += 1
                upos_ok += tok.pos_ == gold.upos
                xpos_ok += tok.tag_ == _STTS_ALIASES.get(gold.xpos, gold.xpos)
                lemma_ok += tok.lemma_ == gold.lemma
                lemma_ci_ok += tok.lemma_.lower() == gold.lemma.lower()
                if tok.pos_ != gold.upos:
                    confusions[f"{gold.upos}->{tok.pos_}"] += 1
                if tok.lemma_.lower() != gold.lemma.lower():
                    lemma_errors[f"{gold.xpos}"] += 1
    return {
        "tokens": n,
        "upos_acc": round(upos_ok / n, 4) if n else 0.0,
        "stts_acc": round(xpos_ok / n, 4) if n else 0.0,
        "lemma_acc": round(lemma_ok / n, 4) if n else 0.0,
        "lemma_acc_nocase": round(lemma_ci_ok / n, 4) if n else 0.0,
        "tokens_per_s_cpu": round(n / seconds) if seconds else 0,
        "hanta_plain": {
            "upos_acc": round(raw_upos / n, 4) if n else 0.0,
            "stts_acc": round(raw_xpos / n, 4) if n else 0.0,
            "lemma_acc": round(raw_lemma / n, 4) if n else 0.0,
        },
        "top_upos_confusions": dict(confusions.most_common(8)),
        "lemma_errors_by_gold_stts": dict(lemma_errors.most_common(8)),
    }
