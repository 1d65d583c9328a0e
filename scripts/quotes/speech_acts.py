"""Which main verbs make an uncovered sentence a gold quote? The evidence for ``speech_acts.toml``.

    python scripts/quotes/speech_acts.py /tmp/qcache/train.pkl [--top 60] [--without-sentences]

Runs ``ng_quotes`` on a cache from ``prepare.py`` with the speech-act stage off, takes every sentence
no quote touches, reads its main verb as ``speech_acts.main_verb`` does (finite or perfect) and counts
how often the whole sentence matches a gold quote (50 % overlap both ways), by gold type. A lemma earns
a place in the list when it marks a gold quote about half the time or more; tune on train only.

``--without-sentences`` turns the sentence classifier off: on train it has seen the very sentences it
reads (in-sample), so it covers acts there that it would miss on unseen text, and the counts with it on
understate what a lemma brings on dev.
"""

from __future__ import annotations

import argparse
import collections
import pickle
from pathlib import Path
from types import SimpleNamespace

from tune import restore

from newsgraph import settings
from newsgraph.evaluate.quotes import match
from newsgraph.extract.quotes import extractor, lexicon, speech_acts, tokens
from newsgraph.extract.quotes.component import QuoteComponent
from newsgraph.nlp import extensions, pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--without-sentences", action="store_true", help="the sentence classifier off")
    args = ap.parse_args()
    extractor.SPEECH_ACTS = False
    if args.without_sentences:
        settings.QUOTES_MODELS = tuple(m for m in settings.QUOTES_MODELS if m != "sentences")
    data = pickle.loads(args.cache.read_bytes())
    nlp = pipeline.build(())
    extensions.register()
    comp = QuoteComponent()
    coordination = lexicon.load("de").coordination
    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in data["rows"]:
        doc = comp(restore(nlp, row))
        v = tokens.view(doc)
        preds = [(q.start, q.end) for q in doc._.quotes or []]
        for a, b in v.sents:
            sa, sb = v.toks[a].start, v.toks[b - 1].end
            if any(qa < sb and sa < qb for qa, qb in preds):
                continue
            mv = speech_acts.main_verb(v.toks, a, b, coordination)
            if mv is None:
                continue
            _v, aux, _part, lemma = mv
            key = f"{lemma}{' (perfect)' if aux is not None else ''}"
            while sb > sa and doc.text[sb - 1] in ".!?:;":
                sb -= 1
            hit = [
                row["gold"][j]["type"] for _i, j in match([SimpleNamespace(start=sa, end=sb)], row["gold"])
            ]
            stats[key][hit[0] if hit else "none"] += 1
    rows = sorted(stats.items(), key=lambda kv: -(sum(kv[1].values()) - kv[1]["none"]))
    for key, c in rows[: args.top]:
        pos = sum(c.values()) - c["none"]
        print(f"{key:30s} gold={pos:3d} none={c['none']:4d} share={pos / sum(c.values()):.2f} {dict(c)}")


if __name__ == "__main__":
    main()
