"""Corpus-wide: a publication date known only as day and month gets its year from the batch.

An article that says "Heute, am 12. November" but never its year keeps ``meta["published_partial"]
= "--11-12"`` after ingestion. Here it takes the year of another article of the same batch whose
full date lies within ``settings.PARTIAL_DATE_WINDOW_DAYS`` of that day and month and which names
at least ``settings.PARTIAL_DATE_MIN_SHARED_NAMES`` of the same proper names, making at least
``settings.PARTIAL_DATE_MIN_NAME_OVERLAP`` of the smaller set of names (the same story).
Conservative: when the candidates disagree on the date, or the weekday the text gave does not
fit, nothing is completed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from newsgraph import settings
from newsgraph.model import Document

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL = re.compile(r"^--(\d{2})-(\d{2})$")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_SENTENCE_END = frozenset(".!?")
NAME_CHARS = 4000  # the names of a story are in its first paragraphs


def complete_partial_dates(docs: list[Document]) -> list[tuple[str, str]]:
    """``(document id, "YYYY-MM-DD")`` for each document whose partial date the batch completes."""
    partial = [(d, m) for d in docs if d.published is None and (m := _partial(d.meta))]
    anchors = [
        (d, dt.date.fromisoformat(d.published)) for d in docs if d.published and _FULL.match(d.published)
    ]
    if not partial or not anchors:
        return []
    names = _NameCache()
    out: list[tuple[str, str]] = []
    for doc, (month, day, weekday) in partial:
        dates: set[dt.date] = set()
        for anchor, anchor_date in anchors:
            if anchor.id == doc.id:
                continue
            date = _nearest(month, day, anchor_date)
            if date is None or abs((date - anchor_date).days) > settings.PARTIAL_DATE_WINDOW_DAYS:
                continue
            if weekday and date.isoweekday() != weekday:
                continue
            if _same_story(names.of(doc), names.of(anchor)):
                dates.add(date)
        if len(dates) == 1:
            out.append((doc.id, dates.pop().isoformat()))
    return out


def _same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    if shared < settings.PARTIAL_DATE_MIN_SHARED_NAMES:
        return False
    return shared / min(len(a), len(b)) >= settings.PARTIAL_DATE_MIN_NAME_OVERLAP


def _partial(meta: dict[str, Any]) -> tuple[int, int, int | None] | None:
    match = _PARTIAL.match(str(meta.get("published_partial") or ""))
    if not match:
        return None
    weekday = meta.get("published_partial_weekday")
    return int(match[1]), int(match[2]), int(weekday) if isinstance(weekday, int) else None


def _nearest(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with this month and day closest to the anchor (the year before, of, or after it)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


class _NameCache:
    """Proper names (HanTa's NE tag) of each document, computed once per call."""

    def __init__(self) -> None:
        self._names: dict[str, frozenset[str]] = {}

    def of(self, doc: Document) -> frozenset[str]:
        if doc.id not in self._names:
            self._names[doc.id] = proper_names(doc.text[:NAME_CHARS])
        return self._names[doc.id]


def proper_names(text: str) -> frozenset[str]:
    """Word types tagged as proper nouns, casefolded."""
    tagger = _tagger()
    names: set[str] = set()
    for sentence in _sentences(_TOKEN.findall(text)):
        if tagger is None:
            names.update(_capitalized_inside(sentence))
            continue
        for word, _lemma, tag in tagger.tag_sent(sentence, taglevel=1):
            if tag == "NE" and len(word) > 1 and word[0].isupper():
                names.add(word.casefold())
    return frozenset(names)


def _sentences(tokens: list[str]) -> Iterable[list[str]]:
    current: list[str] = []
    for token in tokens:
        current.append(token)
        if token in _SENTENCE_END or len(current) >= 120:
            yield current
            current = []
    if current:
        yield current


def _capitalized_inside(sentence: list[str]) -> set[str]:
    """Fallback without a tagger: capitalized words that do not open the sentence."""
    return {t.casefold() for t in sentence[1:] if t[:1].isupper() and len(t) > 2}


def _tagger() -> Any:
    """The pipeline's shared HanTa tagger (one per process), or None where it cannot load."""
    try:
        from newsgraph.nlp.tagger import hanta

        return hanta()
    except Exception:  # the fallback still works, only less precisely
        return None
