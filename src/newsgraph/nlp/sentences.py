"""Rule-based sentence boundaries for German news text (factory ``ng_sentences``).

Sets ``token.is_sent_start`` on every token. The rules and their examples are data
(``lang/de/tokenizer/sentences.toml``); the abbreviations come from ``abbreviations.toml``
plus spaCy's own German exceptions, the quote marks from ``punctuation.toml``.

Where a number or a word-like abbreviation with its period (``2050.``, ``Art.``) turns out to end a
sentence, the period is split off as its own token, so the tagger sees ``2050`` + ``.``.
Whitespace tokens (paragraph breaks) belong to the sentence before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.lang import load_toml
from newsgraph.nlp import tokenizer as tok_rules

LANG = "de"

_NUMBER_WITH_PERIOD = re.compile(r"^[0-9][0-9.]*\.$")
_YEAR_WITH_PERIOD = re.compile(r"^[0-9]{4}\.$")
ROMAN_DIGITS = frozenset("IVXLCDM")  # a regnal or ordinal numeral ("Benedikt XVI.")


@dataclass(frozen=True)
class SentenceRules:
    """Everything the splitter needs, loaded once per process and language."""

    terminal_chars: frozenset[str]
    opening_quotes: frozenset[str]
    ambiguous_quotes: frozenset[str]
    opening_brackets: frozenset[str]
    closing_brackets: frozenset[str]
    continuing: frozenset[str]
    list_marks: frozenset[str]
    starters: frozenset[str]
    abbreviations: dict[str, tok_rules.Abbreviation] = field(hash=False)
    other_abbreviations: frozenset[str] = frozenset()


@cache
def rules(lang: str = LANG, extra_abbreviations: frozenset[str] = frozenset()) -> SentenceRules:
    punct = tok_rules.punctuation(lang)
    data = load_toml(lang, "tokenizer/sentences.toml")
    return SentenceRules(
        terminal_chars=frozenset(punct["sentence"]["terminal_chars"]),
        opening_quotes=frozenset(punct["quotes"]["opening"]),
        ambiguous_quotes=frozenset(punct["quotes"]["ambiguous"]),
        opening_brackets=frozenset(punct["sentence"]["opening_brackets"]),
        closing_brackets=frozenset(punct["sentence"]["closing_brackets"]),
        continuing=frozenset(punct["sentence"]["continuing"]),
        list_marks=frozenset(punct["sentence"]["list_marks"]),
        starters=frozenset(data["starters"]),
        abbreviations=tok_rules.abbreviation_tokens(lang),
        other_abbreviations=extra_abbreviations,
    )


class SentenceSplitter:
    """The component: ``doc -> doc`` with sentence starts set."""

    def __init__(self, nlp: Language, name: str = "ng_sentences", lang: str = LANG) -> None:
        self.name = name
        # spaCy's own exceptions that keep a period (the tokenizer's special cases)
        extra = frozenset(k for k in getattr(nlp.tokenizer, "rules", {}) or {} if k.endswith("."))
        self.rules = rules(lang, extra)

    # -- token classes -------------------------------------------------------------------------
    def _is_terminal(self, tok: Token) -> bool:
        return bool(tok.text) and all(c in self.rules.terminal_chars for c in tok.text)

    def _is_opening(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        if tok.text in self.rules.opening_quotes or tok.text in self.rules.opening_brackets:
            return True
        if tok.text not in self.rules.ambiguous_quotes:
            return False
        before_space = i == 0 or doc[i - 1].whitespace_ != "" or doc[i - 1].is_space
        before_space = before_space or (i > 0 and doc[i - 1].text in self.rules.opening_brackets)
        after_word = tok.whitespace_ == "" and i + 1 < len(doc) and not doc[i + 1].is_punct
        # glued on both sides ('.“Dann') or spaced on both sides: a closing mark
        return before_space and after_word

    def _is_closing(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        if tok.text in self.rules.closing_brackets:
            return True
        return tok.text in self.rules.ambiguous_quotes and not self._is_opening(doc, i)

    def _is_starter(self, tok: Token) -> bool:
        return tok.text in self.rules.starters

    def _next_word(self, doc: Doc, i: int) -> tuple[int | None, bool]:
        """Index of the next non-space token after ``i`` and whether a newline lies between."""
        newline = False
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            newline = newline or "\n" in doc[j].text
            j += 1
        return (j if j < len(doc) else None), newline

    def _can_start(self, doc: Doc, k: int) -> bool:
        """Whether token ``k`` may begin a sentence after a sentence-final punctuation mark."""
        tok = doc[k]
        first = tok.text[0]
        if tok.text in self.rules.continuing:
            return False
        if first.isupper() or first.isdigit():
            return True
        if self._is_opening(doc, k):
            return not self._numeral_before_fragment(doc, k)
        return first in self.rules.list_marks

    def _numeral_before_fragment(self, doc: Doc, k: int) -> bool:
        """ "Benedikt XVI. „ist und bleibt …“": after a Roman numeral's period, a quotation mark opening on a
        lower-case word goes on with the sentence (the numeral is an ordinal, the quote a fragment)."""
        j = k - 1
        while j > 0 and (doc[j].is_space or self._is_terminal(doc[j])):
            j -= 1
        numeral = doc[j].text
        return (
            k + 1 < len(doc)
            and doc[k + 1].text[:1].islower()
            and bool(numeral)
            and all(c in ROMAN_DIGITS for c in numeral)
        )

    def _is_omission(self, doc: Doc, i: int) -> bool:
        """An ellipsis in brackets marks words left out of a quote, not an end: "(...)", "[…]"."""
        return (
            0 < i < len(doc) - 1
            and doc[i - 1].text in self.rules.opening_brackets
            and doc[i + 1].text in self.rules.closing_brackets
        )

    def _glued_name(self, doc: Doc, end: int, k: int) -> bool:
        """A period glued to an all-capital word is part of a name ("russland.NEWS"), not an end."""
        nxt = doc[k]
        return k == end + 1 and doc[end].whitespace_ == "" and len(nxt.text) > 1 and nxt.text.isupper()

    # -- tokens that carry their own period ----------------------------------------------------
    def _period_token_kind(self, tok: Token) -> str | None:
        """'number', 'abbr', 'abbr_end', 'word_abbr', 'initial' or None for a token ending in '.'."""
        text = tok.text
        if len(text) < 2 or not text.endswith("."):
            return None
        if _NUMBER_WITH_PERIOD.match(text):
            return "number"
        abbr = self.rules.abbreviations.get(text)
        if abbr is not None:
            if abbr.also_word:
                return "word_abbr"
            return "abbr_end" if abbr.may_end_sentence else "abbr"
        if len(text) == 2 and text[0].isalpha():
            return "initial"
        if text in self.rules.other_abbreviations:
            return "abbr_end"
        return None

    def _period_token_ends(self, doc: Doc, i: int, kind: str) -> bool:
        """Whether the period token at ``i`` (an ordinal, abbreviation, initial) ends its sentence."""
        k, newline = self._next_word(doc, i)
        if k is None or newline:
            return kind in ("number", "word_abbr", "abbr_end", "initial")
        nxt = doc[k]
        if kind == "abbr":
            return False
        if self._is_starter(nxt) or (
            self._is_opening(doc, k) and nxt.text not in self.rules.opening_brackets
        ):
            return True
        if kind == "number":
            return bool(_YEAR_WITH_PERIOD.match(doc[i].text)) and nxt.text[0].isupper()
        return False

    # -- the passes ----------------------------------------------------------------------------
    def _split_periods(self, doc: Doc) -> None:
        """Split the period off numbers and word-like abbreviations that end a sentence."""
        to_split = []
        for i, tok in enumerate(doc):
            kind = self._period_token_kind(tok)
            if kind in ("number", "word_abbr") and self._period_token_ends(doc, i, kind):
                to_split.append(tok)
        if not to_split:
            return
        with doc.retokenize() as retok:
            for tok in to_split:
                retok.split(tok, [tok.text[:-1], "."], heads=[(tok, 0), (tok, 0)])

    def starts(self, doc: Doc) -> set[int]:
        """Indices of the tokens that start a sentence."""
        starts: set[int] = set()
        n = len(doc)
        first = 0
        while first < n and doc[first].is_space:
            first += 1
        if first < n:
            starts.add(first)
        i = 0
        while i < n:
            tok = doc[i]
            if tok.is_space:
                if "\n" in tok.text:
                    k, _ = self._next_word(doc, i)
                    if k is not None:
                        starts.add(k)
                i += 1
                continue
            if self._is_terminal(tok) and not self._is_omission(doc, i):
                j = i + 1
                while (
                    j < n and not doc[j].is_space and (self._is_terminal(doc[j]) or self._is_closing(doc, j))
                ):
                    j += 1
                k, newline = self._next_word(doc, j - 1)
                if (
                    k is not None
                    and (newline or self._can_start(doc, k))
                    and not self._glued_name(doc, j - 1, k)
                ):
                    starts.add(k)
                i = j
                continue
            kind = self._period_token_kind(tok)
            if kind is not None and self._period_token_ends(doc, i, kind):
                k, _ = self._next_word(doc, i)
                if k is not None:
                    starts.add(k)
            i += 1
        return starts

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        self._split_periods(doc)
        starts = self.starts(doc)
        # one array write: setting token.is_sent_start one by one is quadratic in spaCy
        values = numpy.full((len(doc), 1), -1, dtype="int64")
        values[0, 0] = 1
        for i in starts:
            values[i, 0] = 1
        doc.from_array([SENT_START], values.astype("uint64"))
        return doc


def spans(doc: Doc) -> list[tuple[int, int]]:
    """``[start, end)`` character spans of the sentences, without surrounding whitespace."""
    out = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if stripped:
            start = sent.start_char + (len(text) - len(text.lstrip()))
            out.append((start, start + len(stripped)))
    return out


@Language.factory(
    "ng_sentences",
    assigns=["token.is_sent_start"],
    requires=[],
    default_config={"lang": LANG},
)
def make_sentences(nlp: Language, name: str, lang: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, lang)
