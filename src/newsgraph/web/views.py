"""View models: the export contract regrouped per story for people to read (report, compare table)."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.resolve.compare import Claim, interval
from newsgraph.web.cameo import label as cameo_label


@dataclass(slots=True)
class ClaimRow:
    id: str
    doc: str
    outlet: str
    speaker: str | None
    text: str
    value: float
    unit: str | None
    qualifier: str
    measure: str
    time: str | None
    sentence: str
    low: float
    high: float
    conflict: bool = False
    comparisons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryView:
    id: str
    label: str | None
    documents: list[dict[str, Any]]
    duplicates: list[tuple[str, str]]
    comparisons: list[dict[str, Any]]
    claims: dict[str, list[ClaimRow]]  # measure → claims
    events: list[dict[str, Any]]
    quotes: dict[str, list[dict[str, Any]]]  # speaker → quotes
    texts: list[dict[str, Any]]  # documents with highlighted claim spans


def outlet_of(doc: dict[str, Any]) -> str:
    if doc.get("source"):
        return doc["source"]
    if doc.get("agencies"):
        return ", ".join(doc["agencies"])
    return (doc.get("path") or doc["id"]).rsplit("/", 1)[-1]


def _sentence(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    starts = [b[0] for b in bounds]
    i = bisect_right(starts, start) - 1
    if 0 <= i < len(bounds) and bounds[i][1] >= end:
        return text[bounds[i][0] : bounds[i][1]]
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [p for p in (text.find(".", end), text.find("\n", end)) if p != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return text[lo:hi].strip()


def build_stories(data: dict[str, Any], sentences: dict[str, list[tuple[int, int]]]) -> list[StoryView]:
    """Regroup an export (``store.contract.build``) by story; documents in no story form one each."""
    docs = {d["id"]: d for d in data["documents"]}
    names = {e["id"]: e["name"] for e in data["entities"]}
    stories = list(data["stories"]) or [
        {"id": "all", "label": None, "documents": list(docs), "duplicates": []}
    ]
    covered = {d for s in stories for d in s["documents"]}
    stories += [
        {"id": f"doc-{d}", "label": docs[d]["title"], "documents": [d], "duplicates": []}
        for d in docs
        if d not in covered
    ]
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in ("quantities", "events", "quotes", "mentions"):
        for record in data[table]:
            by_doc[record["doc"]][table].append(record)
    comparisons_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in data["comparisons"]:
        for q in c["quantities"]:
            comparisons_of[q].append(c)

    views = []
    for s in stories:
        members = [docs[d] for d in s["documents"] if d in docs]
        member_ids = {d["id"] for d in members}
        claims: dict[str, list[ClaimRow]] = defaultdict(list)
        for d in members:
            for q in by_doc[d["id"]]["quantities"]:
                if not q.get("measure") or q.get("is_rank"):
                    continue
                iv = interval(
                    Claim(
                        id=q["id"],
                        doc=d["id"],
                        text=q["text"],
                        value=q["value"],
                        measure=q["measure"],
                        qualifier=q["qualifier"],
                        value_max=q.get("value_max"),
                    )
                )
                cs = comparisons_of.get(q["id"], [])
                row = ClaimRow(
                    id=q["id"],
                    doc=d["id"],
                    outlet=outlet_of(d),
                    speaker=names.get(q["speaker"] or "") or q.get("speaker_text"),
                    text=q["text"],
                    value=q["value"],
                    unit=q["unit"],
                    qualifier=q["qualifier"],
                    measure=cs[0]["measure"] if cs else q["measure"],
                    time=q["time"],
                    sentence=_sentence(d["text"], sentences.get(d["id"], []), q["start"], q["end"]),
                    low=iv.low,
                    high=iv.high,
                    conflict=any(c["verdict"] == "conflict" for c in cs),
                    comparisons=[c["id"] for c in cs],
                )
                claims[row.measure].append(row)
        comps = [
            c
            for c in data["comparisons"]
            if any(q in {r.id for rows in claims.values() for r in rows} for q in c["quantities"])
        ]
        comps.sort(key=lambda c: (c["verdict"] != "conflict", c["measure"]))
        events = []
        for d in members:
            for e in by_doc[d["id"]]["events"]:
                events.append(
                    {
                        **e,
                        "label": cameo_label(e["code"]),
                        "outlet": outlet_of(d),
                        "actor_names": [names.get(a, a) for a in e["actors"]],
                        "target_names": [names.get(t, t) for t in e["targets"]],
                        "place_name": names.get(e["place"] or ""),
                        "sort": e["time"] or d.get("published") or "",
                    }
                )
        events.sort(key=lambda e: (e["sort"], e["doc"], e["start"]))
        quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for d in members:
            for q in by_doc[d["id"]]["quotes"]:
                who = names.get(q["speaker"] or "") or q["speaker_text"] or "(unattributed)"
                quotes[who].append({**q, "outlet": outlet_of(d)})
        texts = [{"doc": d, "segments": _segments(d["text"], by_doc[d["id"]]["quantities"])} for d in members]
        views.append(
            StoryView(
                id=s["id"],
                label=s["label"],
                documents=members,
                duplicates=[tuple(p) for p in s.get("duplicates", []) if p[0] in member_ids],
                comparisons=comps,
                claims=dict(sorted(claims.items())),
                events=events,
                quotes=dict(sorted(quotes.items(), key=lambda kv: (-len(kv[1]), kv[0]))),
                texts=texts,
            )
        )
    views.sort(
        key=lambda v: (-sum(c["verdict"] == "conflict" for c in v.comparisons), -len(v.documents), v.id)
    )
    return views


def _segments(text: str, quantities: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, quantity id or None) so claims can be marked and linked."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for q in sorted(quantities, key=lambda q: q["start"]):
        if q["start"] < pos:
            continue
        out.append((text[pos : q["start"]], None))
        out.append((text[q["start"] : q["end"]], q["id"]))
        pos = q["end"]
    out.append((text[pos:], None))
    return out


def chart(rows: list[ClaimRow], width: int = 560, row_height: int = 22) -> dict[str, Any]:
    """Geometry of an interval chart: one line per claim, its asserted range as a bar, value as a dot."""
    finite = [x for r in rows for x in (r.low, r.high, r.value) if not math.isinf(x)]
    lo, hi = min(finite), max(finite)
    if lo == hi:
        lo, hi = lo * 0.9, hi * 1.1 if hi else 1.0
    pad = (hi - lo) * 0.08
    lo, hi = min(0.0, lo - pad) if lo >= 0 else lo - pad, hi + pad
    left, right = 170, width - 20

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(left + (v - lo) / (hi - lo) * (right - left), 1)

    lines = []
    for i, r in enumerate(rows):
        y = 14 + i * row_height
        lines.append(
            {
                "y": y,
                "x1": x(r.low),
                "x2": x(r.high),
                "cx": x(r.value),
                "label": r.outlet[:24],
                "text": r.text,
                "conflict": r.conflict,
                "id": r.id,
            }
        )
    return {
        "width": width,
        "height": 24 + len(rows) * row_height,
        "lines": lines,
        "axis": [{"x": x(v), "label": human(v)} for v in (lo, (lo + hi) / 2, hi)],
    }


def human(v: float) -> str:
    """A number for people: 27.8 bn, 410 k, 0.5."""
    for scale, word in ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")):
        if abs(v) >= scale:
            return f"{v / scale:.3g}{word}"
    return f"{v:.3g}"
