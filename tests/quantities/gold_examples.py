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


def entity_keys(gold: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(gold doc, spelling) -> gold entity key, for every name, adjective and compound the gold lists."""
    out: dict[tuple[str, str], str] = {}
    for e in gold["entity"]:
        for form in ("names", "deriv", "part"):
            for doc, spellings in (e.get(form) or {}).items():
                for s in spellings:
                    out[(doc, s)] = e["key"]
    return out


def scope_checks(
    gold: dict[str, Any], q: dict[str, Any], x: model.Quantity, text: str, outlet: str | None
) -> dict[str, bool]:
    """Measure, subjects, time and speaker of our record ``x`` against gold quantity ``q`` (the rules of
    ``newsgraph.evaluate.examples``, with entities known by their gold spellings)."""
    keys = entity_keys(gold)
    doc = q["doc"]
    measures = {
        m.casefold() for m in [q.get("measure"), *q.get("measure_alt", []), q.get("measure_key")] if m
    }
    measure_ok = (x.measure or "").casefold() in measures or (not q.get("measure") and not x.measure)
    subjects = {keys.get((doc, text[a:b]), "?" + text[a:b]) for a, b in x.subject_spans}
    time_ok = x.time in {q.get("time"), *q.get("time_alt", [])}
    said = (x.speaker_text or "").casefold()
    spoken = keys.get((doc, text[x.speaker_span[0] : x.speaker_span[1]])) if x.speaker_span else None
    if q.get("speaker"):
        spellings = [s.casefold() for (d, s), k in keys.items() if k == q["speaker"]]
        speaker_ok = spoken == q["speaker"] or any(s in said for s in spellings if s)
        speaker_ok = speaker_ok or (q["speaker"] == outlet and not said)
    else:
        want = (q.get("speaker_text") or "").casefold()
        speaker_ok = not want or (bool(said) and (said in want or want in said))
    speaker_ok = speaker_ok or bool(q.get("speaker_text") and said and said in q["speaker_text"].casefold())
    return {
        "measure": measure_ok,
        "subjects": subjects == set(q.get("subjects", [])),
        "time": time_ok,
        "speaker": speaker_ok,
    }
