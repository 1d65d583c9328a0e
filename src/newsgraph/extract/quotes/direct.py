"""Direct quotes: spans between quotation marks, tolerant of real text.

Handles mismatched closing marks („…”), a missing closing mark (the quote ends with its
paragraph), a missing opening mark (the quote starts with its sentence, or at an opening mark the
scan passed because a space followed it: "„ Creative Cities“") and quotes that span sentences. Which
marks pair up comes from ``marks.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import settings
from newsgraph.extract.quotes.lexicon import Lexicon

SENTENCE_PUNCT = frozenset(".!?")

MAX_QUOTE_CHARS = settings.QUOTES_MAX_CHARS


@dataclass(slots=True)
class Marked:
    start: int  # offset of the opening mark (or of the first word when it is missing)
    end: int  # offset after the closing mark (or after the last word when it is missing)
    opened: bool = True
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + (1 if self.opened else 0), self.end - (1 if self.closed else 0))


def _can_open(text: str, i: int) -> bool:
    nxt = text[i + 1 : i + 2]
    prev = text[i - 1 : i] if i else " "
    return bool(nxt) and not nxt.isspace() and not prev.isalnum()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1 : i] if i else ""
    nxt = text[i + 1 : i + 2]
    return bool(prev) and not prev.isspace() and not nxt.isalnum()


def scan(text: str, lex: Lexicon) -> list[Marked]:
    """All quoted spans in ``text`` (top level; inner quotes of another kind are left inside)."""
    out: list[Marked] = []
    i, n = 0, len(text)
    marks = set(lex.openers) | set(lex.closers)
    while i < n:
        c = text[i]
        if c not in marks:
            i += 1
            continue
        if text[i + 1 : i + 2] == c or (i and text[i - 1] == c):
            i += 1  # a doubled mark is markup (wiki italics ''…''), not a quote
            continue
        pair = lex.openers.get(c)
        opens = pair is not None and (_can_open(text, i) if c in lex.closers else _starts_word(text, i))
        if opens:
            j = i + 1
            limit = min(n, i + MAX_QUOTE_CHARS)
            end = None
            depth = 0
            while j < limit:
                ch = text[j]
                if ch in pair.close and _can_close(text, j):
                    if depth == 0:
                        end = j + 1
                        break
                    depth -= 1  # closes a quote inside the quote
                elif ch == "\n" and j + 1 < n and (text[j + 1] == "\n" or text[j + 1] in lex.openers):
                    break  # paragraph ends: the closing mark is missing
                elif ch == pair.open and ch not in pair.close:
                    if text[j - 1 : j] in (" ", "(") and _inner_closes(text, j, pair.close, limit):
                        depth += 1  # a quote inside the quote: „… „Small Business“ …“
                    else:
                        break  # a new quote opens: the closing mark is missing
                j += 1
            if end is not None:
                out.append(Marked(i, end))
                i = end
                continue
            # no closing mark: end at the paragraph (if the quote says enough to be a quote)
            stop = j
            while stop > i + 1 and text[stop - 1].isspace():
                stop -= 1
            if count_words(text[i + 1 : stop]) >= 4 and not pair.ambiguous:
                out.append(Marked(i, stop, closed=False))
                i = stop
                continue
            i += 1
            continue
        if c in lex.closers and c not in lex.ambiguous and _can_close(text, i):
            # a closing mark without an opening one: the quote starts at its sentence
            start = _sentence_start(text, i)
            stray = _stray_opener(text, start, i, lex) if settings.QUOTES_ORPHAN_OPENER else None
            if stray is not None:
                out.append(Marked(stray, i + 1))  # "„ Creative Cities“": the opening mark before a space
            elif count_words(text[start:i]) >= 3:
                out.append(Marked(start, i + 1, opened=False))
        i += 1
    return out


def _stray_opener(text: str, start: int, i: int, lex: Lexicon) -> int | None:
    """The opening mark for the closing mark at i that the scan passed over (it stood before a space):
    the last mark in [start, i) that opens a pair the mark at i closes, with no closing mark after it."""
    c = text[i]
    for j in range(i - 1, start - 1, -1):
        ch = text[j]
        pair = lex.openers.get(ch)
        if pair is not None and c in pair.close and ch not in pair.close:
            return j
        if ch in lex.closers:
            return None
    return None


def _inner_closes(text: str, j: int, close: tuple[str, ...], limit: int) -> bool:
    """Does the quote opened at j close before the paragraph ends and before the next opening?"""
    k = j + 1
    while k < limit and text[k] != "\n":
        if text[k] in close:
            # an inner quote is followed by more text and another closing mark in the same paragraph
            rest = text[k + 1 : limit].split("\n", 1)[0]
            return any(c in rest for c in close)
        if text[k] == text[j]:
            return False
        k += 1
    return False


def _starts_word(text: str, i: int) -> bool:
    nxt = text[i + 1 : i + 2]
    return bool(nxt) and not nxt.isspace()


def has_sentence_punct(s: str) -> bool:
    """Does s end a sentence inside or at its end ("Nein!", "Ja. Nein")? A mark inside a word
    ("E!Online", "tagesschau.de") does not count (``settings.QUOTES_WORD_PUNCT``: off, any mark counts)."""
    if not settings.QUOTES_WORD_PUNCT:
        return any(ch in s for ch in SENTENCE_PUNCT)
    s = s.rstrip()
    return any(ch in SENTENCE_PUNCT and (k == len(s) - 1 or s[k + 1].isspace()) for k, ch in enumerate(s))


def count_words(s: str) -> int:
    return len(s.split())


def _sentence_start(text: str, i: int) -> int:
    j = i - 1
    while j >= 0:  # (at the start of the text, the sentence starts at 0)
        ch = text[j]
        if ch == "\n":
            break
        if ch in ".!?" and j + 1 < len(text) and text[j + 1] == " " and text[j + 2 : j + 3].isupper():
            break
        j -= 1
    j += 1
    while j < i and text[j].isspace():
        j += 1
    return j
