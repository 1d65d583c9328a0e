"""Every gold entity mention of the seeds and of ``examples/``: found, missed or wrong type.

Gold: ``tests/ner/seeds_entities.toml`` (the seed articles in ``../shared/data/seeds/``) and the
``[[entity]]`` tables of ``examples/gold.toml`` (names / deriv / part per document). Every whole-word
occurrence of a gold spelling is one gold mention (an occurrence inside a longer gold spelling of the
same document counts once, as the longer one). Each is scored against the NER component's mentions:

- ``ok``: a mention with exactly this span and the gold type (and form, for the examples);
- ``partial``: a mention of the gold type overlaps it, but with other bounds (or another form);
- ``wrong_type``: the best overlapping mention has another type;
- ``missed``: no mention overlaps it.

Mentions that overlap no gold mention are listed as ``extra`` (false positives, or names the gold
lists lack: the seed lists hold persons, organizations and places only).

Run: ``python tests/ner/mention_report.py [--model fast|accurate] [--show all|bad|none] [--stories]``
(``--stories``: the mentions the main job stores, after the corpus steps, see ``tag_stories``)
(prints every non-ok mention, the extras and the totals; ``--json`` for the figures only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS_GOLD = HERE / "seeds_entities.toml"
SEEDS_DIR = ROOT.parent / "shared" / "data" / "seeds"
EXAMPLES = ROOT / "examples"
FORM_OF = {"names": "name", "deriv": "deriv", "part": "part"}


@dataclass(frozen=True, slots=True)
class GoldMention:
    corpus: str  # "seeds" | "examples"
    doc: str
    start: int
    end: int
    text: str
    type: str
    form: str
    key: str  # the gold entity (examples) or the gold string (seeds)


@dataclass(frozen=True, slots=True)
class Verdict:
    gold: GoldMention
    status: str  # ok | partial | wrong_type | missed
    got: str  # what the component gave (text/type/form), "" when missed


def word_spans(text: str, sub: str) -> list[tuple[int, int]]:
    """Whole-word occurrences (a hyphen joins words, as in the examples scorer)."""
    pat = re.compile(rf"(?<![\w-]){re.escape(sub)}(?![\w-])")
    return [m.span() for m in pat.finditer(text)]


def _occurrences(
    corpus: str, doc: str, text: str, items: list[tuple[str, str, str, str]]
) -> list[GoldMention]:
    """items: (spelling, type, form, key); occurrences inside a longer spelling are dropped."""
    spans = {(s, e, sp, typ, form, key) for sp, typ, form, key in items for s, e in word_spans(text, sp)}
    out = []
    for s, e, sp, typ, form, key in sorted(spans):
        inside = any(a <= s and e <= b and (b - a) > (e - s) for a, b, *_ in spans)
        if not inside:
            out.append(GoldMention(corpus, doc, s, e, sp, typ, form, key))
    return out


def seed_gold() -> tuple[dict[str, Any], list[GoldMention]]:
    from newsgraph.model import Document

    data = tomllib.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    texts: dict[str, Any] = {}
    gold: list[GoldMention] = []
    for seed in data["seed"]:
        name = seed["file"]
        text = (SEEDS_DIR / name).read_text(encoding="utf-8")
        texts[name] = Document(id=name, text=text)
        items = [(sp, typ, "name", sp) for sp, typ in seed["entities"]]
        gold += _occurrences("seeds", name, text, items)
    return texts, gold


def example_gold() -> tuple[dict[str, Any], list[GoldMention]]:
    from newsgraph.evaluate.examples import load_gold, match_by_text, match_documents
    from newsgraph.ingest import iter_inputs
    from newsgraph.model import Document

    gold = load_gold(EXAMPLES)
    docs = [d for d in iter_inputs([str(EXAMPLES / "articles")]) if isinstance(d, Document)]
    exported = [{"id": d.id, "path": d.path, "title": d.title, "text": d.text} for d in docs]
    doc_map = match_documents(gold.get("document", []), exported)
    match_by_text(gold, doc_map, exported)
    by_id = {d.id: d for d in docs}
    texts = {gid: by_id[d["id"]] for gid, d in doc_map.items()}
    out: list[GoldMention] = []
    for gid, document in sorted(texts.items()):
        text = document.text
        items = [
            (sp, ent["type"], FORM_OF[form], ent["key"])
            for ent in gold.get("entity", [])
            for form in FORM_OF
            for sp in (ent.get(form) or {}).get(gid, [])
        ]
        out += _occurrences("examples", gid, text, items)
    return texts, out


def tag(texts: dict[str, Any], model: str | None) -> dict[str, list[Any]]:
    """The component's mentions per document (ingested Documents: outlet and agencies known)."""
    from newsgraph.nlp import extensions, pipeline

    nlp = pipeline.build(("ng_sentences", "ng_hanta", "ng_ner"))
    if model:
        nlp.get_pipe("ng_ner").model_name = model
    out = {}
    for name, document in texts.items():
        doc = nlp.make_doc(document.text)
        doc._.document = document
        for _n, proc in nlp.pipeline:
            doc = proc(doc)
        out[name] = list(extensions.records(doc, "mentions"))
    return out


def tag_stories(texts: dict[str, Any], model: str | None) -> dict[str, list[Any]]:
    """The mentions the main job stores: analysis, then the corpus steps (stories, and the second NER
    pass over each story that fills names its other articles type, ``resolve.known_names``)."""
    import tempfile

    from newsgraph import settings, workflow
    from newsgraph.store import open_db, reads, writes

    before = settings.NER_MODEL
    settings.NER_MODEL = model or before
    try:
        with tempfile.TemporaryDirectory() as tmp:
            conn = open_db(Path(tmp) / "mentions.db")
            writes.put_documents(conn, texts.values())
            workflow.analyze(conn, workflow.pending_documents(conn), workers=1)
            workflow.resolve(conn)
            out = {name: reads.analysis(conn, document.id).mentions for name, document in texts.items()}
            conn.close()
    finally:
        settings.NER_MODEL = before
    return out


def judge(gold: list[GoldMention], mentions: dict[str, list[Any]]) -> list[Verdict]:
    out = []
    for g in gold:
        cands = [m for m in mentions.get(g.doc, []) if m.start < g.end and g.start < m.end]
        if not cands:
            out.append(Verdict(g, "missed", ""))
            continue
        best = max(cands, key=lambda m: (min(m.end, g.end) - max(m.start, g.start), m.type == g.type))
        got = f"{best.text!r} {best.type}/{best.form}"
        exact = (best.start, best.end) == (g.start, g.end)
        if best.type != g.type:
            status = "wrong_type"
        elif exact and best.form == g.form:
            status = "ok"
        else:
            status = "partial"
        out.append(Verdict(g, status, got))
    return out


def extras(gold: list[GoldMention], mentions: dict[str, list[Any]], corpus: str) -> list[str]:
    """Mentions that overlap no gold mention (false positives, or names the gold list lacks)."""
    out = []
    for doc, ms in sorted(mentions.items()):
        spans = [(g.start, g.end) for g in gold if g.doc == doc]
        for m in ms:
            if not any(m.start < e and s < m.end for s, e in spans):
                out.append(f"{corpus:8} {doc[:12]:12} {'extra':10} {m.text!r} {m.type}/{m.form}")
    return out


def summary(verdicts: list[Verdict]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for corpus in ("seeds", "examples"):
        vs = [v for v in verdicts if v.gold.corpus == corpus]
        counts = Counter(v.status for v in vs)
        keys = {(v.gold.doc, v.gold.key) for v in vs}
        keys_ok = {(v.gold.doc, v.gold.key) for v in vs} - {
            (v.gold.doc, v.gold.key) for v in vs if v.status != "ok"
        }
        res[corpus] = {
            "gold_mentions": len(vs),
            **{s: counts.get(s, 0) for s in ("ok", "partial", "wrong_type", "missed")},
            "recall_right_type": round(sum(v.status in ("ok", "partial") for v in vs) / max(1, len(vs)), 3),
            "exact_rate": round(counts.get("ok", 0) / max(1, len(vs)), 3),
            "doc_entities_all_ok": f"{len(keys_ok)}/{len(keys)}",
        }
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="fast | accurate (default: settings.NER_MODEL)")
    parser.add_argument("--show", default="bad", choices=["bad", "all", "none"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--stories", action="store_true", help="score what the main job stores (with the corpus steps)"
    )
    args = parser.parse_args(argv)
    verdicts: list[Verdict] = []
    extra: list[str] = []
    for loader in (seed_gold, example_gold):
        texts, gold = loader()
        mentions = (tag_stories if args.stories else tag)(texts, args.model)
        verdicts += judge(gold, mentions)
        extra += extras(gold, mentions, gold[0].corpus if gold else "")
    res = summary(verdicts)
    res["extra_mentions"] = len(extra)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    for v in verdicts:
        if args.show == "all" or (args.show == "bad" and v.status != "ok"):
            g = v.gold
            print(f"{g.corpus:8} {g.doc[:12]:12} {v.status:10} {g.text!r} {g.type}/{g.form} <- {v.got}")
    if args.show != "none":
        print("\n".join(extra))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
