"""A light token view of a spaCy ``Doc``: words with offsets, optional STTS tags, sentences.

Uses the pipeline's sentences and tags when another component set them, and falls back to
punctuation rules when it did not, so the quote scanner works on a bare tokenizer too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

SENT_END = frozenset(".!?")
NAME_MISTAGS = frozenset({"ADJD", "ADV"})  # tags a tagger gives some unknown names ("Milinkewitsch")
QUOTE_CHARS = frozenset("„“”»«\"'‚‘’")


@dataclass(slots=True)
class Tok:
    i: int
    text: str
    lower: str
    start: int
    end: int
    tag: str  # STTS tag or "" when the doc has no tags
    sent: int = 0
    lemma: str = ""  # the tagger's lemma, or "" when the doc has none

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return not any(c.isalnum() for c in self.text)

    @property
    def is_quote(self) -> bool:
        return self.text in QUOTE_CHARS


@dataclass(slots=True)
class View:
    text: str
    toks: list[Tok]
    sents: list[tuple[int, int]]  # token index ranges [start, end)
    tagged: bool

    def sent_chars(self, s: int) -> tuple[int, int]:
        a, b = self.sents[s]
        return self.toks[a].start, self.toks[b - 1].end

    def covered(self, spans: Iterable[tuple[int, int]]) -> set[int]:
        """The tokens that the character spans [start, end) touch."""
        out: set[int] = set()
        for start, end in spans:
            a = self.tok_at(start)
            b = self.last_tok(start, end) + 1
            out.update(range(a, min(b, len(self.toks))))
        return out

    def last_tok(self, start: int, end: int) -> int:
        """Index of the token holding the last character of the span [start, end)."""
        return self.tok_at(max(start, end - 1))

    def end_sent(self, start: int, end: int) -> int:
        """Index of the sentence holding the last character of the span [start, end)."""
        return self.toks[self.last_tok(start, end)].sent

    def tok_at(self, char: int) -> int:
        """Index of the first token ending after ``char``."""
        lo, hi = 0, len(self.toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.toks[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _fallback_sentences(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    sents: list[tuple[int, int]] = []
    start = 0
    n = len(toks)
    for i, t in enumerate(toks):
        if i + 1 >= n:
            break
        nxt = toks[i + 1]
        gap = text[t.end : nxt.start]
        boundary = False
        if "\n" in gap:
            boundary = True
        elif t.text in SENT_END or (t.text in QUOTE_CHARS and i > 0 and toks[i - 1].text in SENT_END):
            if nxt.text in QUOTE_CHARS and t.text in SENT_END and not gap:
                boundary = False  # the closing mark belongs to this sentence
            elif nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in QUOTE_CHARS:
                boundary = True
        if boundary:
            sents.append((start, i + 1))
            start = i + 1
    if start < n:
        sents.append((start, n))
    return sents


def view(doc: Doc, names: list[tuple[int, int]] | None = None) -> View:
    """The token view of ``doc``; ``names`` are the character spans of named-entity mentions."""
    tagged = doc.has_annotation("TAG")
    lemmas = doc.has_annotation("LEMMA")
    toks: list[Tok] = []
    for t in doc:
        if not t.is_space:
            toks.append(
                Tok(
                    len(toks),
                    t.text,
                    t.text.lower(),
                    t.idx,
                    t.idx + len(t.text),
                    t.tag_ if tagged else "",
                    lemma=t.lemma_ if lemmas else "",
                )
            )
    if doc.has_annotation("SENT_START"):
        sents = []
        pos = 0
        for s in doc.sents:
            a = pos
            while pos < len(toks) and toks[pos].start < s.end_char:
                pos += 1
            if pos > a:
                sents.append((a, pos))
    else:
        sents = _fallback_sentences(doc.text, toks)
    for k, (a, b) in enumerate(sents):
        for i in range(a, b):
            toks[i].sent = k
    if names and tagged:
        _retag_names(toks, sents, names)
    return View(doc.text, toks, sents, tagged)


def _retag_names(toks: list[Tok], sents: list[tuple[int, int]], names: list[tuple[int, int]]) -> None:
    """A capitalised word inside a name mention, tagged as an adjective or adverb, is a name: mid-sentence
    always, at a sentence start when the document tags the same word a name elsewhere."""
    firsts = {a for a, _ in sents}
    inside = _inside(toks, names)
    known = {t.text for t in toks if t.tag == "NE" and t.i in inside}
    for t in toks:
        if t.tag not in NAME_MISTAGS or not t.is_cap or t.i not in inside:
            continue
        prev = toks[t.i - 1].text if t.i > 0 else "."
        fresh = t.i in firsts or prev in QUOTE_CHARS or prev in SENT_END or prev == ":"
        if not fresh or t.text in known:
            t.tag = "NE"


def _inside(toks: list[Tok], names: list[tuple[int, int]]) -> set[int]:
    """The indices of the tokens that lie wholly inside one of the character spans ``names``."""
    starts = [t.start for t in toks]
    out: set[int] = set()
    for a, b in names:
        i = bisect_left(starts, a)
        while i < len(toks) and toks[i].end <= b:
            out.add(i)
            i += 1
    return out
