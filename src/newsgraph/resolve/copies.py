"""What a reprint adds to the wire copy it reprints.

A regional paper prints an agency's copy and adds a paragraph of its own (*Davon könnten auch deutsche
Zulieferer profitieren …*). Read alone, the reprint names the agency as its only source, so every number
in it is credited to the agency. Once story clustering has found the original (``stories.duplicates``),
the paragraphs the original lacks are the reprinting outlet's own text: ``own_spans`` finds them by word
shingles, so light edits of a copied paragraph (a shortened sentence, another quotation mark) still
count as copied.
"""

from __future__ import annotations

import re

from newsgraph.model import Span

SHINGLE = 5  # words per shingle
COPIED_SHARE = 0.5  # a paragraph with at least this share of its shingles in the original is copied
MIN_WORDS = SHINGLE  # shorter paragraphs (a dateline, a heading) are never called the outlet's own

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"[^\n]+")


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def own_spans(copy_text: str, original_text: str) -> list[Span]:
    """The paragraphs (lines) of ``copy_text`` that ``original_text`` does not contain."""
    known = _shingles(_words(original_text))
    out: list[Span] = []
    for m in _PARAGRAPH.finditer(copy_text):
        words = _words(m.group(0))
        if len(words) < MIN_WORDS:
            continue
        shingles = _shingles(words)
        if len(shingles & known) < COPIED_SHARE * len(shingles):
            out.append((m.start(), m.end()))
    return out


def inside(spans: list[Span], at: int) -> bool:
    return any(s <= at < e for s, e in spans)
