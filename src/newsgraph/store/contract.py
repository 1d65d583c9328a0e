"""The export contract (``newsgraph-export/1``): database rows → contract records.

Fields may be added to the contract, never removed or renamed. Entity ids of quantities,
quotes and events are derived here from the mention links (stored once, in ``mentions``).

A quantity whose own text names no subject (*Die Zahl der Todesopfer liegt weiterhin bei zwölf*, in an
article that never names the place) takes the subjects of the comparison that holds it: the comparison
aligned it, within its story, with claims that do name them. ``subjects_from`` then names that comparison
(it is null where the subjects are the quantity's own).

A reprint's number credited to the agency it reprints only because the reprint names no other source
(``extract.quantities.scope.default_speaker``) goes back to the reprinting outlet when it sits in a
paragraph that the agency's original lacks (``resolve.copies.own_spans``).
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Quantity, Span
from newsgraph.resolve import copies
from newsgraph.store import reads
from newsgraph.store.codec import loads

FORMAT = "newsgraph-export/1"
TABLES = (
    "documents",
    "entities",
    "mentions",
    "quantities",
    "timexes",
    "quotes",
    "events",
    "stories",
    "comparisons",
)


class MentionIndex:
    """Find the entity of a span in one document: exact mention first, else the mention
    that contains it, else the one that overlaps it most."""

    def __init__(self, mentions: list[tuple[int, int, str | None]]) -> None:
        self._exact = {(s, e): ent for s, e, ent in mentions}
        self._sorted = sorted(mentions)
        self._starts = [m[0] for m in self._sorted]

    def entity(self, span: Span | None) -> str | None:
        if span is None:
            return None
        if span in self._exact:
            return self._exact[span]
        start, end = span
        best, best_overlap = None, 0
        hi = bisect.bisect_left(self._starts, end)
        for s, e, ent in self._sorted[max(0, hi - 50) : hi]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap and ent is not None:
                best, best_overlap = ent, overlap
        return best

    def entities(self, spans: list[Span]) -> list[str]:
        out: list[str] = []
        for sp in spans:
            ent = self.entity(sp)
            if ent is not None and ent not in out:
                out.append(ent)
        return out


def document_record(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "path": row["path"],
        "source": row["source"],
        "agencies": loads(row["agencies"], []),
        "title": row["title"],
        "published": row["published"],
        "published_from": row["published_from"],
        "language": row["language"],
        "text": row["text"],
    }


def records(conn: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every contract record as (table, record), documents first, in a stable order."""
    doc_ids = []
    for row in conn.execute("SELECT * FROM documents ORDER BY coalesce(published, ''), id"):
        doc_ids.append(row["id"])
        yield "documents", document_record(row)
    for e in reads.entities(conn):
        yield (
            "entities",
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "roles": e.roles,
                "part_of": e.part_of,
                "documents": len(e.documents),
                "mentions": e.mention_count,
            },
        )
    lent = lent_subjects(conn)
    own = own_text(conn)
    for doc in doc_ids:
        yield from document_annotations(conn, doc, lent, own.get(doc))
    for r in conn.execute("SELECT * FROM stories ORDER BY id"):
        yield (
            "stories",
            {
                "id": r["id"],
                "documents": loads(r["documents"], []),
                "label": r["label"],
                "duplicates": loads(r["duplicates"], []),
            },
        )
    for r in conn.execute("SELECT * FROM comparisons ORDER BY id"):
        yield (
            "comparisons",
            {
                "id": r["id"],
                "measure": r["measure"],
                "subjects": loads(r["subjects"], []),
                "time": r["time"],
                "unit": r["unit"],
                "verdict": r["verdict"],
                "quantities": loads(r["quantities"], []),
                "note": r["note"],
            },
        )


def lent_subjects(conn: sqlite3.Connection) -> dict[str, tuple[list[str], str]]:
    """quantity id → (subjects, comparison id), for every quantity of a comparison with subjects: the
    comparison's own (its claims' firm subjects), else the one set that its members' subjects (found by
    discourse too) nest in."""
    lent: dict[str, tuple[list[str], str]] = {}
    indexes: dict[str, MentionIndex] = {}  # per document, built once for all comparisons
    for r in conn.execute("SELECT id, subjects, quantities FROM comparisons ORDER BY id"):
        members = loads(r["quantities"], [])
        subjects = loads(r["subjects"], []) or _common_subjects(conn, members, indexes)
        if subjects:
            for qid in members:
                lent.setdefault(qid, (subjects, r["id"]))
    return lent


def _common_subjects(
    conn: sqlite3.Connection, quantities: list[str], indexes: dict[str, MentionIndex]
) -> list[str]:
    """The largest subject set of these quantities when every other one is part of it, else none."""
    sets: list[frozenset[str]] = []
    for qid in quantities:
        row = conn.execute("SELECT doc, subject_spans FROM quantities WHERE id = ?", (qid,)).fetchone()
        spans = [tuple(sp) for sp in loads(row["subject_spans"], [])] if row is not None else []
        if not spans:
            continue
        doc = row["doc"]
        if doc not in indexes:
            mentions = conn.execute('SELECT start, "end", entity FROM mentions WHERE doc = ?', (doc,))
            indexes[doc] = MentionIndex([(m["start"], m["end"], m["entity"]) for m in mentions])
        found = frozenset(indexes[doc].entities(spans))  # type: ignore[arg-type]
        if found:
            sets.append(found)
    if not sets:
        return []
    largest = max(sets, key=len)
    return sorted(largest) if all(s <= largest for s in sets) else []


@dataclass(slots=True, frozen=True)
class OwnText:
    """The paragraphs a reprint adds to its original, and who the reprint is by."""

    spans: list[Span]
    outlet: str | None
    agencies: frozenset[str]

    def speaker_text(self, q: Quantity) -> str | None:
        """The outlet for a number of its own paragraphs that only the reprint's agency line credits."""
        credited = (q.speaker_text or "").casefold() in self.agencies
        from_outside = q.speaker_span is None or not copies.inside(self.spans, q.speaker_span[0])
        if credited and from_outside and copies.inside(self.spans, q.start):
            return self.outlet
        return q.speaker_text


def own_text(conn: sqlite3.Connection) -> dict[str, OwnText]:
    """Per reprint (a near-duplicate of another document in its story), what it adds to its original."""
    pairs = [
        (copy, original)
        for r in conn.execute("SELECT duplicates FROM stories ORDER BY id")
        for copy, original in loads(r["duplicates"], []) or []
    ]
    out: dict[str, OwnText] = {}
    for copy, original in pairs:
        c = conn.execute("SELECT text, source, agencies FROM documents WHERE id = ?", (copy,)).fetchone()
        o = conn.execute("SELECT text FROM documents WHERE id = ?", (original,)).fetchone()
        if c is None or o is None:
            continue
        agencies = frozenset(a.casefold() for a in loads(c["agencies"], []) or [] if a)
        out[copy] = OwnText(copies.own_spans(c["text"], o["text"]), c["source"], agencies)
    return out


def document_annotations(
    conn: sqlite3.Connection,
    doc: str,
    lent: dict[str, tuple[list[str], str]] | None = None,
    own: OwnText | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    a = reads.analysis(conn, doc)
    lent = lent or {}
    index = MentionIndex([(m.start, m.end, m.entity) for m in a.mentions])
    for m in a.mentions:
        yield (
            "mentions",
            {
                "doc": doc,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "form": m.form,
                "entity": m.entity,
                "role": m.role,
            },
        )
    for q in a.quantities:
        subjects, subjects_from = index.entities(q.subject_spans), None
        if not subjects and q.id in lent:
            subjects, subjects_from = list(lent[q.id][0]), lent[q.id][1]
        yield (
            "quantities",
            {
                "id": q.id,
                "doc": doc,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "value": q.value,
                "unit": q.unit,
                "qualifier": q.qualifier,
                "measure": q.measure,
                "subjects": subjects,
                "subjects_from": subjects_from,
                "time": q.time,
                "speaker": index.entity(q.speaker_span),
                "value_max": q.value_max,
                "is_rank": q.is_rank,
                "speaker_text": own.speaker_text(q) if own else q.speaker_text,
            },
        )
    for t in a.timexes:
        yield (
            "timexes",
            {
                "id": t.id,
                "doc": doc,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "interval": t.interval,
            },
        )
    for q in a.quotes:
        speaker_span = q.speaker_ref or (
            (q.speaker_start, q.speaker_end)
            if q.speaker_start is not None and q.speaker_end is not None
            else None
        )
        yield (
            "quotes",
            {
                "id": q.id,
                "doc": doc,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": index.entity(speaker_span),
                "speaker_text": q.speaker_text,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue": q.cue,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
            },
        )
    for e in a.events:
        yield (
            "events",
            {
                "id": e.id,
                "doc": doc,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "code": e.code,
                "actors": index.entities(e.actor_spans),
                "targets": index.entities(e.target_spans),
                "time": e.time,
                "place": index.entity(e.place_span),
                "status": e.status,
            },
        )


def build(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole export as one object (every table present, even when empty)."""
    out: dict[str, Any] = {"format": FORMAT}
    out.update({t: [] for t in TABLES})
    for table, record in records(conn):
        out[table].append(record)
    return out
