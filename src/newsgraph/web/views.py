"""View models: the export contract regrouped per story for people to read (report, compare table)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import enclosing, outlet_name
from newsgraph.resolve.compare import RANK_PREFIX, Claim, blocks, interval
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
    range: str = ""  # the interval the claim asserts, for people
    rank: bool = False
    lemma: str | None = None  # the measure noun as extracted
    value_max: float | None = None


@dataclass(slots=True)
class ComparisonView:
    """A comparison with its claims in sides: blocks of mutually compatible claims (one side = agreement)."""

    id: str
    verdict: str
    measure: str
    time: str | None
    unit: str | None
    note: str | None
    sides: list[list[ClaimRow]]
    rows: list[ClaimRow]  # every claim, for the chart


@dataclass(slots=True)
class StoryView:
    id: str
    label: str | None
    documents: list[dict[str, Any]]
    duplicates: list[tuple[str, str]]
    comparisons: list[dict[str, Any]]
    claims: dict[str, list[ClaimRow]]  # measure → claims
    compared: list[ComparisonView] = field(default_factory=list)
    by_source: list[ClaimRow] = field(default_factory=list)  # compared claims, by outlet then measure
    other_claims: list[ClaimRow] = field(default_factory=list)  # claims in no comparison
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # speaker → quotes
    texts: list[dict[str, Any]] = field(default_factory=list)  # documents with highlighted claim spans
    names: dict[str, str] = field(default_factory=dict)  # document id → short name (outlet, date)
    copies: frozenset[str] = frozenset()  # documents that reprint another one (near-duplicates)


def outlet_of(doc: dict[str, Any]) -> str:
    """An exported document's outlet name (the rule of ``model.outlet_name``)."""
    return outlet_name(doc.get("source"), doc.get("agencies"), doc.get("path"), doc.get("title"), doc["id"])


def _sentence(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    found = enclosing(bounds, start)
    if found is not None and found[1] >= end:
        return text[found[0] : found[1]]
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
                cs = comparisons_of.get(q["id"], [])
                if not q.get("measure") and not cs:
                    continue
                iv = interval(
                    Claim(
                        id=q["id"],
                        doc=d["id"],
                        text=q["text"],
                        value=q["value"],
                        measure=q.get("measure") or "",
                        qualifier=q["qualifier"],
                        value_max=q.get("value_max"),
                        rank=bool(q.get("is_rank")),
                    )
                )
                row = ClaimRow(
                    id=q["id"],
                    doc=d["id"],
                    outlet=outlet_of(d),
                    speaker=names.get(q["speaker"] or "") or q.get("speaker_text"),
                    text=q["text"],
                    value=q["value"],
                    unit=q["unit"],
                    qualifier=q["qualifier"],
                    measure=cs[0]["measure"].removeprefix(RANK_PREFIX) if cs else q["measure"],
                    time=q["time"],
                    sentence=_sentence(d["text"], sentences.get(d["id"], []), q["start"], q["end"]),
                    low=iv.low,
                    high=iv.high,
                    conflict=any(c["verdict"] == "conflict" for c in cs),
                    comparisons=[c["id"] for c in cs],
                    range=str(iv),
                    rank=bool(q.get("is_rank")),
                    lemma=q.get("measure"),
                    value_max=q.get("value_max"),
                )
                claims[row.measure].append(row)
        comps = [
            c
            for c in data["comparisons"]
            if any(q in {r.id for rows in claims.values() for r in rows} for q in c["quantities"])
        ]
        comps.sort(key=lambda c: (c["verdict"] != "conflict", c["measure"]))
        events = timeline(members, by_doc, names)
        quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for d in members:
            for q in by_doc[d["id"]]["quotes"]:
                who = names.get(q["speaker"] or "") or q["speaker_text"] or "(unattributed)"
                quotes[who].append({**q, "outlet": outlet_of(d)})
        texts = [{"doc": d, "segments": _segments(d["text"], by_doc[d["id"]]["quantities"])} for d in members]
        rows_by_id = {r.id: r for rows in claims.values() for r in rows}
        compared = [_comparison_view(c, rows_by_id) for c in comps]
        in_comparison = [r for r in rows_by_id.values() if r.comparisons]
        by_source = sorted(in_comparison, key=lambda r: (r.outlet.casefold(), r.measure, r.doc, r.id))
        others = sorted(
            (r for r in rows_by_id.values() if not r.comparisons),
            key=lambda r: (r.measure.casefold(), r.outlet),
        )
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
                compared=compared,
                by_source=by_source,
                other_claims=others,
                names={d["id"]: f"{outlet_of(d)}, {d.get('published') or 'undated'}" for d in members},
                copies=frozenset(p[0] for p in s.get("duplicates", []) if p[0] in member_ids),
            )
        )
    views.sort(
        key=lambda v: (-sum(c["verdict"] == "conflict" for c in v.comparisons), -len(v.documents), v.id)
    )
    return views


def timeline(
    members: list[dict[str, Any]],
    by_doc: dict[str, dict[str, list[dict[str, Any]]]],
    names: dict[str, str],
) -> list[dict[str, Any]]:
    """The story's events by day: one entry per event (same code, status, time, actors and targets),
    with every outlet that reports it; undated events last, in the order they were reported."""
    merged: dict[tuple, dict[str, Any]] = {}
    for d in members:
        for e in by_doc[d["id"]]["events"]:
            day = (e.get("time") or "")[:10] or None
            key = (
                e["code"],
                e.get("status"),
                day,
                frozenset(e["actors"]),
                frozenset(e["targets"]),
                e["place"],
            )
            entry = merged.get(key)
            if entry is None:
                entry = merged[key] = {
                    **e,
                    "day": day,
                    "label": cameo_label(e["code"]),
                    "actor_names": [names.get(a, a) for a in e["actors"]],
                    "target_names": [names.get(t, t) for t in e["targets"]],
                    "place_name": names.get(e["place"] or ""),
                    "reports": [],
                    "reported": d.get("published") or "",
                }
            entry["reports"].append({"outlet": outlet_of(d), "text": e["text"], "doc": d["id"]})
            entry["reported"] = min(entry["reported"], d.get("published") or "") or entry["reported"]
    days: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for entry in merged.values():
        days[entry["day"]].append(entry)
    out = []
    for day in sorted(days, key=lambda k: (k is None, k or "")):
        entries = sorted(days[day], key=lambda e: (e["reported"], -len(e["reports"]), e["code"]))
        out.append({"day": day, "events": entries})
    return out


def _comparison_view(c: dict[str, Any], rows: dict[str, ClaimRow]) -> ComparisonView:
    members = [rows[q] for q in c["quantities"] if q in rows]
    claims = [
        Claim(
            id=r.id,
            doc=r.doc,
            text=r.text,
            value=r.value,
            measure=r.measure,
            qualifier=r.qualifier,
            value_max=r.value_max,
            rank=r.rank,
        )
        for r in members
    ]
    by_id = {r.id: r for r in members}
    sides = [[by_id[x.id] for x in side] for side in blocks(claims)]
    if c["verdict"] != "conflict":
        sides = [sorted(members, key=lambda r: (r.low, r.outlet))]
    return ComparisonView(
        id=c["id"],
        verdict=c["verdict"],
        measure=c["measure"].removeprefix(RANK_PREFIX)
        + (" (rank)" if c["measure"].startswith(RANK_PREFIX) else ""),
        time=c["time"],
        unit=c["unit"],
        note=c["note"],
        sides=sides,
        rows=sorted(members, key=lambda r: (r.low, r.outlet)),
    )


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


SIDE_COLORS = ("#1a73e8", "#b3261e", "#e37400", "#188038")


def chart(
    rows: list[ClaimRow], width: int = 520, row_height: int = 22, sides: list[list[ClaimRow]] | None = None
) -> dict[str, Any]:
    """Geometry of an interval chart: one line per claim, its asserted range as a bar, value as a dot;
    with ``sides`` (a conflict's blocks) each side has its own colour and the sides follow each other."""
    side_of = {r.id: i for i, side in enumerate(sides or []) for r in side}
    if sides:
        rows = [r for side in sides for r in side]
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
                "color": SIDE_COLORS[side_of.get(r.id, 0) % len(SIDE_COLORS)],
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
