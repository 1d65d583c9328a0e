"""Benchmark: resolve the mentions of 10,000 synthetic news documents (issue 4: under a minute).

Documents are built from the templates of ``resolve_entities.toml`` over a pool of people (the real
transliteration variants of tests/entities/variants.toml plus synthetic names, each with a German and
an English spelling), places, organizations and country adjectives: full names, bare surnames,
genitives, roles, deriv and part mentions, abbreviations. Besides the time, the person mentions are
scored against the pool's identities (B-cubed precision/recall; unlinked mentions count as singletons).

    nice -n 10 python benchmarks/resolve_entities.py [--docs 10000] [--people 3000] [--seed 1] [--profile]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tomllib
from collections import Counter
from pathlib import Path

from newsgraph.model import Document, Mention
from newsgraph.resolve import names
from newsgraph.resolve.entities import EntityIndex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VOCAB = tomllib.loads((HERE / "resolve_entities.toml").read_text(encoding="utf-8"))


def people(rng: random.Random, n: int) -> list[list[str]]:
    """People as lists of spellings (the first is the full German name)."""
    data = tomllib.loads((ROOT / "tests/entities/variants.toml").read_text(encoding="utf-8"))
    out = [[s for s in g["names"] if " " in s] for g in data["group"] if g["type"] == "PER"]
    out = [g for g in out if g]
    seen = {(names.key(g[0].split()[0]), names.key(g[0].split()[-1])) for g in out}
    while len(out) < n:
        surname = rng.choice(VOCAB["stems"]) + rng.choice(VOCAB["mids"]) + rng.choice(VOCAB["ends"])
        given = rng.choice(VOCAB["given"])
        ident = (names.key(given), names.key(surname))
        if ident in seen:
            continue
        seen.add(ident)
        english = surname.lower()
        for a, b in VOCAB["english"]:
            english = english.replace(a, b)
        english = english[:1].upper() + english[1:]
        out.append([f"{given} {surname}", f"{given} {english}"])
    return out


def make_doc(i: int, rng: random.Random, pool: list[list[str]]) -> tuple[Document, list[Mention], dict]:
    doc_id = f"bench{i:05d}"
    sentences: list[str] = []
    found: list[tuple[int, int, str, str]] = []
    gold: dict[tuple[int, int], int] = {}
    length = 0

    def put(template: dict, person: int | None, full: str) -> None:
        nonlocal length
        text = template["text"].replace("ROLE", rng.choice(VOCAB["roles"]))
        pieces = text.split("{}")
        out = pieces[0]
        base = length + (1 if sentences else 0)
        for slot, rest in zip(template["slots"], pieces[1:], strict=True):
            surname = full.split()[-1] if full else ""
            value, type_, form = {
                "adjective": (rng.choice(VOCAB["adjectives"]), "LOC", "deriv"),
                "full": (full, "PER", "name"),
                "surname": (surname, "PER", "name"),
                "genitive": (surname + VOCAB["genitive"], "PER", "name"),
                "loc": (rng.choice(VOCAB["locs"]), "LOC", "name"),
                "org": (rng.choice(VOCAB["orgs"]), "ORG", "name"),
                "part": (rng.choice(VOCAB["parts"]), "LOC", "part"),
            }[slot]
            start = base + len(out)
            found.append((start, start + len(value), type_, form))
            if type_ == "PER" and person is not None:
                gold[(start, start + len(value))] = person
            out += value + rest
        sentences.append(out)
        length = base + len(out)

    for person in rng.sample(range(len(pool)), rng.randint(2, 5)):
        spellings = pool[person]
        full = spellings[0] if rng.random() < 0.6 else rng.choice(spellings)
        for template in VOCAB["template"]:
            if rng.random() < template.get("probability", 1.0):
                put(template, person, full)
    put(VOCAB["closing"], None, "")
    text = " ".join(sentences)
    doc = Document(id=doc_id, text=text, published=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return doc, [Mention(doc_id, s, e, text[s:e], t, f) for s, e, t, f in found], gold  # type: ignore[arg-type]


def bcubed(pairs: list[tuple[str, int]]) -> tuple[float, float]:
    """B-cubed precision and recall of (predicted entity, gold person) pairs."""
    joint = Counter(pairs)
    pred = Counter(p for p, _ in pairs)
    true = Counter(g for _, g in pairs)
    n = len(pairs)
    precision = sum(c * c / pred[p] for (p, _), c in joint.items()) / n
    recall = sum(c * c / true[g] for (_, g), c in joint.items()) / n
    return precision, recall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--people", type=int, default=3_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = people(rng, args.people)
    docs = [make_doc(i, rng, pool) for i in range(args.docs)]
    n_mentions = sum(len(m) for _, m, _ in docs)
    EntityIndex().add_document(*docs[0][:2])  # load the data files once (as a worker would)
    index = EntityIndex()
    links: list[dict] = []

    def work() -> None:
        for doc, mentions, _ in docs:
            links.append(index.add_document(doc, mentions))

    started = time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("work()", globals(), locals(), "/tmp/resolve_entities.prof")
        pstats.Stats("/tmp/resolve_entities.prof").sort_stats("cumulative").print_stats(25)
    else:
        work()
    elapsed = time.perf_counter() - started
    pairs, unlinked = [], 0
    for (doc, _, gold), got in zip(docs, links, strict=True):
        for span, person in gold.items():
            eid = got.get(span)
            if eid is None:
                unlinked += 1
                eid = f"unlinked:{doc.id}:{span}"
            pairs.append((eid, person))
    precision, recall = bcubed(pairs)
    t0 = time.perf_counter()
    blob = index.dumps()
    EntityIndex.from_json(blob)
    roundtrip = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "documents": len(docs),
                "mentions": n_mentions,
                "entities": len(index.records),
                "seconds": round(elapsed, 2),
                "docs_per_s": round(len(docs) / elapsed, 1),
                "mentions_per_s": round(n_mentions / elapsed, 1),
                "person_mentions": len(pairs),
                "person_unlinked": unlinked,
                "person_bcubed_precision": round(precision, 4),
                "person_bcubed_recall": round(recall, 4),
                "index_json_mb": round(len(blob.encode()) / 1e6, 2),
                "json_roundtrip_s": round(roundtrip, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
