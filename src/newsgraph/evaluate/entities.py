"""Score entity identity on a list of variant groups and near-miss pairs (a TOML file such as
``tests/entities/variants.toml``; its header describes the format).

``run(path)`` returns: groups merged (every spelling one entity), wrong merges between groups,
near-miss pairs wrongly merged (each pair alone in a fresh index, and all pairs plus all groups in one
index). The throughput is measured by ``benchmarks/resolve_entities.py``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from newsgraph.model import Document, Mention
from newsgraph.resolve.entities import EntityIndex

DATE = "2025-11-11"


def _doc(doc_id: str, text: str, name: str, type_: str) -> tuple[Document, list[Mention]]:
    start = text.find(name)
    if start < 0:
        raise ValueError(f"{doc_id}: {name!r} is not in its text {text!r}")
    end = start + len(name)
    return Document(id=doc_id, text=text, published=DATE), [Mention(doc_id, start, end, name, type_)]  # type: ignore[arg-type]


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def group_docs(data: dict[str, Any], limit: int | None = None) -> list[list[tuple[Document, list[Mention]]]]:
    carriers = data["carrier"]
    out = []
    for gi, group in enumerate(data.get("group", [])[:limit]):
        docs = []
        for ni, name in enumerate(group["names"]):
            text = carriers[group["type"]].format(name=name)
            docs.append(_doc(f"group{gi}-{ni}", text, name, group["type"]))
        out.append(docs)
    return out


def pair_docs(data: dict[str, Any], limit: int | None = None) -> list[tuple[dict[str, Any], tuple, tuple]]:
    carriers = data["carrier"]
    out = []
    for pi, pair in enumerate(data.get("near_miss", [])[:limit]):
        sides = []
        for side in ("a", "b"):
            name = pair[side]
            type_ = pair.get(f"{side}_type", pair["type"])
            text = pair.get(f"{side}_text") or carriers[type_].format(name=name)
            sides.append(_doc(f"pair{pi}-{side}", text, name, type_))
        out.append((pair, sides[0], sides[1]))
    return out


def _link(index: EntityIndex, item: tuple[Document, list[Mention]]) -> str | None:
    doc, mentions = item
    return index.add_document(doc, mentions).get(mentions[0].span)


def run(path: Path, limit: int | None = None) -> dict[str, Any]:
    data = load(Path(path))
    groups = group_docs(data, limit)
    pairs = pair_docs(data, limit)
    index = EntityIndex()
    group_ids: list[list[str | None]] = [[_link(index, d) for d in docs] for docs in groups]
    merged = [g for g in group_ids if None not in g and len(set(g)) == 1]
    owner: dict[str, set[int]] = {}
    for gi, ids in enumerate(group_ids):
        for eid in ids:
            if eid:
                owner.setdefault(eid, set()).add(gi)
    wrong_groups = sum(1 for s in owner.values() if len(s) > 1)
    merged_groups = [[groups[gi][0][1][0].text for gi in sorted(s)] for s in owner.values() if len(s) > 1]
    not_merged = [
        [d[1][0].text for d in docs]
        for docs, ids in zip(groups, group_ids, strict=True)
        if not (None not in ids and len(set(ids)) == 1)
    ]
    # each pair alone, then all pairs on top of the groups' index
    alone_wrong, combined_wrong, wrong_pairs = 0, 0, []
    for pair, a, b in pairs:
        fresh = EntityIndex()
        ida, idb = _link(fresh, a), _link(fresh, b)
        if ida is not None and ida == idb:
            alone_wrong += 1
            wrong_pairs.append(f"{pair['a']} = {pair['b']}")
        ca, cb = _link(index, a), _link(index, b)
        if ca is not None and ca == cb:
            combined_wrong += 1
            wrong_pairs.append(f"{pair['a']} = {pair['b']} (combined)")
    return {
        "groups": len(groups),
        "groups_merged": len(merged),
        "groups_merged_pct": round(100.0 * len(merged) / max(1, len(groups)), 1),
        "wrong_merges_between_groups": wrong_groups,
        "near_miss_pairs": len(pairs),
        "near_miss_wrong_merges": alone_wrong,
        "near_miss_wrong_merges_combined": combined_wrong,
        "not_merged": not_merged,
        "wrongly_merged_groups": merged_groups,
        "wrong_pairs": wrong_pairs,
    }


if __name__ == "__main__":  # python -m newsgraph.evaluate.entities tests/entities/variants.toml
    import json
    import sys

    print(json.dumps(run(Path(sys.argv[1])), ensure_ascii=False, indent=2))
