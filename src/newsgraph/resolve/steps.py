"""The corpus-wide steps ``resolve`` runs, in order. Each takes the database and returns a count."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from newsgraph.store import contract, reads, writes
from newsgraph.store.codec import loads


def complete_dates(conn: sqlite3.Connection) -> int:
    """Publication dates known only as day and month get their year from the same story."""
    from newsgraph.resolve.dates import complete_partial_dates

    return writes.set_published(conn, complete_partial_dates(list(reads.documents(conn))))


def _entity_sets(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for doc, entity in conn.execute("SELECT DISTINCT doc, entity FROM mentions WHERE entity IS NOT NULL"):
        sets.setdefault(doc, set()).add(entity)
    return {doc: frozenset(s) for doc, s in sets.items()}


def cluster_stories(conn: sqlite3.Connection) -> int:
    """Documents about the same story, with near-duplicate agency copies marked."""
    from newsgraph.resolve.stories import StoryDoc, cluster

    names = {e.id: e.name for e in reads.entities(conn)}
    entity_sets = _entity_sets(conn)
    docs = [
        StoryDoc(
            id=d.id,
            text=d.text,
            published=d.published,
            title=d.title,
            entities=entity_sets.get(d.id, frozenset()),
            entity_names={e: names[e] for e in entity_sets.get(d.id, ()) if e in names},
        )
        for d in reads.documents(conn)
    ]
    result = cluster(docs)
    copies: dict[str, list[tuple[str, str]]] = {}
    story_of = {doc: s.id for s in result.stories for doc in s.documents}
    for copy, original in result.duplicates:
        copies.setdefault(story_of[copy], []).append((copy, original))
    for story in result.stories:
        story.duplicates = copies.get(story.id, [])
    writes.put_stories(conn, result.stories)
    return len(result.stories)


def compare_claims(conn: sqlite3.Connection) -> int:
    """Quantities about the same thing across documents, with a verdict each."""
    from newsgraph.resolve.compare import Claim, compare
    from newsgraph.resolve.measures import synonyms

    names = {e.id: e.name for e in reads.entities(conn)}
    story_of = {}
    for row in conn.execute("SELECT id, documents FROM stories"):
        for doc in loads(row["documents"], []):
            story_of[doc] = row["id"]
    claims = []
    for d in reads.documents(conn):
        outlet = d.source or (", ".join(d.agencies) if d.agencies else None)
        for table, q in contract.document_annotations(conn, d.id):
            if table != "quantities" or not q["measure"] or q["is_rank"]:
                continue
            claims.append(
                Claim(
                    id=q["id"],
                    doc=d.id,
                    text=q["text"],
                    value=q["value"],
                    measure=q["measure"],
                    unit=q["unit"],
                    qualifier=q["qualifier"],
                    value_max=q["value_max"],
                    subjects=tuple(q["subjects"]),
                    time=q["time"],
                    story=story_of.get(d.id),
                    source=outlet,
                    speaker=names.get(q["speaker"] or "") or q["speaker_text"],
                    published=d.published,
                )
            )
    comparisons = compare(claims, synonyms())
    writes.put_comparisons(conn, comparisons)
    return len(comparisons)


STEPS: list[tuple[str, Callable[[sqlite3.Connection], int]]] = [
    ("dates", complete_dates),
    ("stories", cluster_stories),
    ("comparisons", compare_claims),
]
