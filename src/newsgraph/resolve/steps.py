"""The corpus-wide steps ``resolve`` runs, in order. Each takes the database and returns a count."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.store import reads, writes
from newsgraph.store.codec import loads

if TYPE_CHECKING:
    from newsgraph.resolve.stories import StoryDoc


def complete_dates(conn: sqlite3.Connection) -> int:
    """Publication dates known only as day and month get their year from the same story."""
    from newsgraph.resolve.dates import complete_partial_dates

    return writes.set_published(conn, complete_partial_dates(list(reads.documents(conn))))


def credit_agencies(conn: sqlite3.Connection) -> int:
    """A credit read as initials ("(zpd)") is an agency where another document names that agency."""
    from newsgraph.resolve.agencies import credited_agencies

    return writes.add_agencies(conn, credited_agencies(reads.attributions(conn)))


def _entity_sets(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for doc, entity in conn.execute("SELECT DISTINCT doc, entity FROM mentions WHERE entity IS NOT NULL"):
        sets.setdefault(doc, set()).add(entity)
    return {doc: frozenset(s) for doc, s in sets.items()}


def _mention_counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for doc, entity, n in conn.execute(
        "SELECT doc, entity, count(*) FROM mentions WHERE entity IS NOT NULL GROUP BY doc, entity"
    ):
        counts.setdefault(doc, {})[entity] = n
    return counts


def _years(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    """Per document, the years its resolved dates name (DATE timexes with a four-digit year)."""
    years: dict[str, set[int]] = {}
    for doc, value in conn.execute("SELECT doc, value FROM timexes WHERE type = 'DATE'"):
        if value and value[:4].isdigit():
            years.setdefault(doc, set()).add(int(value[:4]))
    return {doc: frozenset(s) for doc, s in years.items()}


def story_docs(conn: sqlite3.Connection) -> list[StoryDoc]:
    """Every document as the story clustering sees it (entities, names, years)."""
    from newsgraph.resolve.stories import StoryDoc

    entities = reads.entities(conn)
    names = {e.id: e.name for e in entities}
    persons = frozenset(e.id for e in entities if e.type == "PER")
    entity_sets = _entity_sets(conn)
    years = _years(conn)
    mentions = _mention_counts(conn)
    return [
        StoryDoc(
            id=d.id,
            text=d.text,
            published=d.published,
            title=d.title,
            entities=entity_sets.get(d.id, frozenset()),
            entity_names={e: names[e] for e in entity_sets.get(d.id, ()) if e in names},
            years=years.get(d.id, frozenset()),
            mentions=mentions.get(d.id, {}),
            people=entity_sets.get(d.id, frozenset()) & persons,
        )
        for d in reads.documents(conn)
    ]


def cluster_stories(conn: sqlite3.Connection) -> int:
    """Documents about the same story, with near-duplicate agency copies marked."""
    from newsgraph.resolve.stories import cluster

    docs = story_docs(conn)
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
    from newsgraph.resolve.claims import claims_of
    from newsgraph.resolve.compare import compare

    story_of: dict[str, str] = {}
    copy_of: dict[str, str] = {}
    for row in conn.execute("SELECT id, documents, duplicates FROM stories"):
        for doc in loads(row["documents"], []):
            story_of[doc] = row["id"]
        for pair in loads(row["duplicates"], []) or []:
            copy_of[pair[0]] = pair[1]
    names = {e.id: e.name for e in reads.entities(conn)}
    claims = []
    failed = []
    for d in reads.documents(conn):
        try:
            analysis = reads.analysis(conn, d.id)
            claims.extend(claims_of(d, analysis, names, story_of.get(d.id), copy_of.get(d.id)))
        except Exception as exc:  # one unreadable document must not stop the comparison of the others
            failed.append((d.path or d.id, "compare", f"claims not read: {type(exc).__name__}: {exc}"))
    if failed:
        writes.put_failures(conn, failed)
    comparisons = compare(claims)
    writes.put_comparisons(conn, comparisons)
    return len(comparisons)


def known_names(conn: sqlite3.Connection) -> int:
    """Names a story knows, filled by a second NER pass where its other articles missed them; returns
    how many documents were analyzed again (their entities are linked again)."""
    from newsgraph import settings, workflow
    from newsgraph.nlp import pipeline
    from newsgraph.nlp.ner_document import name_like
    from newsgraph.resolve import known_names as kn

    if not settings.NER_KNOWN_NAMES:
        return 0
    old = reads.known_names(conn)
    base = pipeline.fingerprint(settings.PIPELINE)
    changed: dict[str, tuple[list[tuple[str, str]], str]] = {}
    redo: list[str] = []
    relabel: list[str] = []
    seen: set[str] = set()
    for story in kn.story_texts(conn):
        known = kn.story_names(story, lambda w: name_like(w, settings.NER_KNOWN_NAME_MARGIN))
        for d in story:
            seen.add(d.id)
            mine, uncovered = kn.for_document(d, known)
            if mine == old.get(d.id, []):
                continue
            changed[d.id] = (mine, pipeline.names_fingerprint(mine))
            (redo if uncovered or old.get(d.id) else relabel).append(d.id)
    for doc in set(old) - seen:  # no longer in a story of several articles
        changed[doc] = ([], "")
        redo.append(doc)
    writes.put_known_names(conn, changed)
    for doc in relabel:  # the names occur only where mentions already are: the analysis would not change
        row = conn.execute("SELECT pipeline FROM analyses WHERE doc = ?", (doc,)).fetchone()
        if row is not None and row["pipeline"] == base:
            writes.set_pipeline(conn, doc, base + changed[doc][1])
        else:
            redo.append(doc)
    if redo:
        workflow.analyze(conn, sorted(redo), workers=1 if len(redo) <= settings.KNOWN_NAMES_INLINE else None)
        link_entities(conn)
    return len(redo)


def link_entities(conn: sqlite3.Connection) -> int:
    """Every mention linked to one entity per real-world referent, across spellings and documents."""
    from newsgraph.resolve.link import link_entities as link

    return link(conn)


STEPS: list[tuple[str, Callable[[sqlite3.Connection], int]]] = [
    ("dates", complete_dates),
    ("agencies", credit_agencies),
    ("entities", link_entities),
    ("stories", cluster_stories),
    ("known_names", known_names),
    ("comparisons", compare_claims),
]
