"""Per-document context the measure and scope finders share: tokens, sentences, clauses, spans of
mentions, timexes and quotes. Works on a spaCy Doc with or without POS tags, lemmas and sentence marks."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from newsgraph.extract.quantities.lexicon import Lexicon

SENT_END = re.compile(r"(?<=[.!?…])[\"'“”»«]?\s+(?=[\"'„“»«(\[]?(?:[^\W\d_]|\d))|\n+")
CLAUSE_PUNCT = frozenset(",;:()–—[]")
NOUN_TAGS = frozenset({"NN", "NE", "NOUN", "PROPN", "FM"})
PROPER_TAGS = frozenset({"NE", "PROPN"})
ADJ_TAGS = frozenset({"ADJA", "ADJD", "ADJ", "CARD", "PIAT", "PDAT", "ART", "DET", "PPOSAT"})


@lru_cache(maxsize=65536)
def fallback_lemma(word: str) -> str:
    """simplemma's lemma; for an unknown compound, the lemma of its longest known tail
    (Uranreserven -> Uranreserve)."""
    import simplemma

    lem = simplemma.lemmatize(word, lang="de")
    if lem != word or len(word) < 7 or not word[0].isupper():
        return lem
    for i in range(2, len(word) - 3):
        tail = word[i:].capitalize()
        lt = simplemma.lemmatize(tail, lang="de")
        if lt != tail and lt[:1].isupper() and len(lt) <= len(tail):
            return word[:i] + lt.lower()
    return lem


@dataclass(slots=True)
class Ctx:
    doc: Doc
    lx: Lexicon
    text: str = ""  # doc.text, read once (spaCy rebuilds it from the tokens on every access)
    starts: list[int] = field(default_factory=list)  # token start chars
    sents: list[tuple[int, int]] = field(default_factory=list)  # sentence char spans
    sent_starts: list[int] = field(default_factory=list)
    mentions: list[Any] = field(default_factory=list)
    mention_spans: list[tuple[int, int]] = field(default_factory=list)
    timexes: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    tagged: bool = False
    lemmatized: bool = False
    busy: list[tuple[int, int]] = field(default_factory=list)  # quantity spans (not measure nouns)
    avoid: tuple[int, int] | None = None  # the current quantity's attribution (no measure noun there)

    @classmethod
    def build(cls, doc: Doc, lx: Lexicon) -> Ctx:
        ctx = cls(doc=doc, lx=lx, text=doc.text)
        ctx.starts = doc.to_array("IDX").tolist() if len(doc) else []
        if doc.has_annotation("SENT_START"):
            ctx.sents = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            ctx.sents = split_sentences(ctx.text, lx.abbreviations)
        ctx.sent_starts = [a for a, _ in ctx.sents]
        ctx.mentions = sorted(getattr(doc._, "mentions", None) or [], key=lambda m: m.start)
        ctx.mention_spans = [(m.start, m.end) for m in ctx.mentions]
        ctx.timexes = sorted(getattr(doc._, "timexes", None) or [], key=lambda t: t.start)
        ctx.quotes = list(getattr(doc._, "quotes", None) or [])
        ctx.tagged = any(t.tag_ for t in doc[:50])
        ctx.lemmatized = any(t.lemma_ for t in doc[:50])
        return ctx

    # ---- positions -----------------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the token containing (or starting after) ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        t = self.doc[i]
        return i if char < t.idx + len(t.text) else min(i + 1, len(self.doc) - 1)

    def tok_end(self, char: int) -> int:
        """Index after the last token that starts before ``char``."""
        return bisect.bisect_left(self.starts, char)

    def sentence(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, char) - 1
        return self.sents[max(i, 0)] if self.sents else (0, len(self.text))

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): the sentence cut at clause punctuation."""
        s0, s1 = self.sentence(start)
        text = self.text
        a = start
        while a > s0 and (text[a - 1] not in CLAUSE_PUNCT or _in_number(text, a - 1)):
            a -= 1
        b = end
        while b < s1 and (text[b] not in CLAUSE_PUNCT or _in_number(text, b)):
            b += 1
        return a, b

    def in_mention(self, a: int, b: int) -> bool:
        return any(ms <= a and b <= me for ms, me in self.mention_spans)

    def in_timex(self, a: int, b: int, types: tuple[str, ...] | None = None) -> Any:
        for t in self.timexes:
            if t.start <= a and b <= t.end and (types is None or t.type in types):
                return t
            if t.start > b:
                break
        return None

    def busy_between(self, m: Any, start: int, end: int) -> bool:
        """Is another quantity between match ``m`` and the quantity [start, end)?"""
        a, b = (m.end(), start) if m.end() <= start else (end, m.start())
        return any(a <= s < b for s, _ in self.busy)

    def busy_at(self, a: int) -> bool:
        return any(s <= a < e for s, e in self.busy)

    # ---- token classes -------------------------------------------------------------------------
    def is_proper(self, i: int) -> bool:
        t = self.doc[i]
        if self.tagged and t.tag_ in PROPER_TAGS:
            return True
        return self.in_mention(t.idx, t.idx + len(t.text))

    def is_noun(self, i: int) -> bool:
        t = self.doc[i]
        if not t.text[:1].isalpha():
            return False
        if self.tagged:
            return t.tag_ in NOUN_TAGS or t.pos_ in NOUN_TAGS
        low = t.lower_
        return t.text[0].isupper() and low not in self.lx.function_words and low not in self.lx.prepositions

    def is_modifier(self, i: int) -> bool:
        """A determiner, adjective or number inside a noun phrase."""
        t = self.doc[i]
        if self.tagged:
            return t.tag_ in ADJ_TAGS or t.pos_ in ADJ_TAGS
        if t.text[:1].isdigit():
            return True
        return (
            t.text[:1].isalpha()
            and (t.text[0].islower() or t.lower_ in self.lx.function_words)
            and (t.lower_ not in self.lx.prepositions)
        )

    def lemma(self, i: int) -> str:
        t = self.doc[i]
        if self.lemmatized and t.lemma_:
            return t.lemma_
        return fallback_lemma(t.text)


def _in_number(text: str, i: int) -> bool:
    """Is the character at ``i`` a decimal comma between digits ("13,4")?"""
    return text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """A fallback sentence splitter (when no sentence component ran): [.!?] + space + capital or digit,
    except after a number ("am 11. November", "den 90. Jahrestag") or a short abbreviation ("ca.", "Dr.")."""
    out = []
    start = 0
    for m in SENT_END.finditer(text):
        cut = m.start()
        if text[cut - 1 : cut] == ".":
            word = text[max(0, cut - 12) : cut - 1].split()[-1:] if cut > 1 else []
            w = word[0] if word else ""
            if w.isdigit() or w in abbreviations:
                continue
        if cut > start:
            out.append((start, cut))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]
