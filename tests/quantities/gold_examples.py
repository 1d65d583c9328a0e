"""Helpers: compare the extractor with the planted quantities of examples/gold.toml."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from newsgraph import model


def load_gold(examples: Path) -> dict[str, Any]:
    with (examples / "gold.toml").open("rb") as fh:
        return tomllib.load(fh)


def documents(examples: Path, gold: dict[str, Any]) -> dict[str, model.Document]:
    """Gold doc key -> ingested Document (the ingest package reads txt, html, jsonl)."""
    from newsgraph.ingest import iter_inputs

    out: dict[str, model.Document] = {}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for d in gold["document"]:
        by_file.setdefault(d["file"], []).append(d)
    for file, entries in by_file.items():
        docs = [d for d in iter_inputs([str(examples / file)]) if isinstance(d, model.Document)]
        for entry, doc in zip(entries, docs, strict=False):
            out[entry["id"]] = doc
    return out


def locate(text: str, q: dict[str, Any]) -> tuple[int, int] | None:
    ctx = q.get("context") or q["text"]
    at = text.find(ctx)
    if at < 0:
        return None
    off = ctx.find(q["text"])
    return at + off, at + off + len(q["text"])


def compare(q: dict[str, Any], got: list[model.Quantity], span: tuple[int, int]) -> list[str]:
    """Differences between gold quantity ``q`` and our record overlapping ``span`` ([] = right)."""
    hits = [x for x in got if x.start < span[1] and span[0] < x.end]
    if not hits:
        return ["missing"]
    x = min(hits, key=lambda x: abs(x.start - span[0]) + abs(x.end - span[1]))
    errs = []
    if not math.isclose(x.value, float(q["value"]), rel_tol=1e-9):
        errs.append(f"value {x.value} != {q['value']}")
    if q.get("value_max") is not None and (
        x.value_max is None or not math.isclose(x.value_max, q["value_max"])
    ):
        errs.append(f"value_max {x.value_max} != {q['value_max']}")
    if x.unit != q.get("unit"):
        errs.append(f"unit {x.unit} != {q.get('unit')}")
    if x.qualifier != q["qualifier"]:
        errs.append(f"qualifier {x.qualifier} != {q['qualifier']}")
    if bool(q.get("rank")) != x.is_rank:
        errs.append(f"rank {x.is_rank}")
    return errs
