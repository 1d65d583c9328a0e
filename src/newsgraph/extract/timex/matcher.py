"""Find rule matches in a text, filter them with the rules' checks, keep the best non-overlapping ones."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsgraph.extract.timex.context import Context
from newsgraph.extract.timex.rules import Rule
from newsgraph.extract.timex.vocab import Vocab, norm_key

_PREV_WORDS = re.compile(r"([^\s(„\"“»«]+)\s+([^\s(„\"“»«]+)[\s(„\"“»«]*$")
_PREV_WORD = re.compile(r"([^\s(„\"“»«]+)[\s(„\"“»«]*$")
_NEXT_WORD = re.compile(r"^[\s)“\"]*([^\s,;:)“\"]+)")
_RANGE_NEXT = re.compile(r"^\s*([-–/]|[\w.]+)\s*\d+(?:[.,]\d+)*\s+(\S+)")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]

    @property
    def length(self) -> int:
        return self.end - self.start


def prev_words(text: str, pos: int) -> tuple[str, str]:
    """The word before ``pos`` and the two words before it ("mehr als"), lower-case."""
    window = text[max(0, pos - 60) : pos]
    m2 = _PREV_WORDS.search(window)
    m1 = _PREV_WORD.search(window)
    one = norm_key(m1.group(1)) if m1 else ""
    two = norm_key(f"{m2.group(1)} {m2.group(2)}") if m2 else ""
    return one, two


def next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos : pos + 60])
    return m.group(1) if m else ""


def _cue(text: str, c: Candidate, vocab: Vocab, list_name: str) -> bool:
    one, two = prev_words(text, c.start)
    return vocab.has(list_name, one) or vocab.has(list_name, two) or vocab.has(list_name, one.rstrip(".,"))


def _capitalized_next(text: str, end: int, vocab: Vocab) -> bool:
    """Whether a capitalized word (a noun, not a month or an era) follows right after ``end``."""
    if text[end : end + 1] != " ":
        return False
    word = next_word(text, end).rstrip(".,;:!?")
    if not (word[:1].isupper() and word[:1].isalpha()):
        return False
    return vocab.lookup("months", word) is None and vocab.lookup("era_bc", word) is None


def check_bare_year(text: str, c: Candidate, vocab: Vocab) -> bool:
    """Whether a four-digit number standing alone is a year (not a count, a code, a part of a number)."""
    g = c.match.groupdict()
    if g.get("position") or g.get("era"):
        return True
    one, two = prev_words(text, c.start)
    if vocab.has("number_predecessors", one) or vocab.has("number_predecessors", two):
        return False
    before = text[max(0, c.start - 2) : c.start]
    if before[-1:] in ("-", ".", ",", ":") and before[:1].isdigit():
        return False  # part of a number or a code: "3.1959", "12,1990"
    end = c.end
    if text[end : end + 1] in (",", ".") and text[end + 1 : end + 2].isdigit():
        return False  # "1959,5", "2.000"
    nxt = next_word(text, end)
    word = nxt.rstrip(".,;:!?")
    if vocab.has("number_followers", word) or vocab.has("number_followers", nxt):
        return False
    m = _RANGE_NEXT.match(text[end : end + 60])
    if m and vocab.has("range_words", m.group(1)):
        w = m.group(2).rstrip(".,;:")
        if (w[:1].isupper() and w[:1].isalpha() and vocab.lookup("months", w) is None) or vocab.has(
            "number_followers", w
        ):
            return False  # "1500 bis 2000 Menschen"
    if word[:1].isdigit():
        return True  # "1984 67 Angriffe"
    year = int(g.get("year") or 0)
    if year % 50 == 0 and (vocab.has("article_predecessors", one) or vocab.has("count_predecessors", one)):
        return False  # "die 1400 hessischen Truppen"
    if _capitalized_next(text, end, vocab):
        if vocab.has("year_cues", one) or vocab.has("year_cues", two):
            return True
        if vocab.has("count_predecessors", one) or vocab.has("count_predecessors", two):
            return False
        return year % 50 != 0  # "1500 Soldaten" is a count, "1882 Assab" a year
    return True


def check_bare_month(text: str, c: Candidate, vocab: Vocab) -> bool:
    g = c.match.groupdict()
    if g.get("position"):
        return True
    month = g.get("month") or ""
    if _cue(text, c, vocab, "month_cues"):
        return True
    if vocab.has("ambiguous_months", month):
        return False
    # a capitalized word after a month name that is not at the start of a clause: a name ("August Bebel")
    nxt = next_word(text, c.end)
    return not (nxt[:1].isupper() and text[c.end : c.end + 1] == " " and not vocab.has("month_cues", nxt))


def check_future(text: str, c: Candidate, ctx: Context) -> bool:
    return ctx.future(c.start)


Check = Callable[[str, Candidate, Vocab, Context], bool]


def run_check(name: str, text: str, c: Candidate, vocab: Vocab, ctx: Context) -> bool:
    if name == "bare_year":
        return check_bare_year(text, c, vocab)
    if name == "bare_month":
        return check_bare_month(text, c, vocab)
    if name == "future":
        return ctx.future(c.start)
    if name == "not_future":
        return not ctx.future(c.start)
    if name.startswith("cue:"):
        return _cue(text, c, vocab, name[4:])
    if name.startswith("not_cue:"):
        return not _cue(text, c, vocab, name[8:])
    if name.startswith("not_text:"):
        return not vocab.has(name[9:], text[c.start : c.end])
    if name.startswith("lower:"):
        part = c.match.group(name[6:]) or ""
        return part[:1].islower()
    raise ValueError(f"unknown timex check {name!r} (rule {c.rule.name})")


def find(text: str, rules: Iterable[Rule], vocab: Vocab, ctx: Context) -> list[Candidate]:
    """All matches of all rules that pass their checks."""
    out = []
    lower = text.lower()
    for rule in rules:
        if rule.needles and not any(n in lower for n in rule.needles):
            continue
        has_tx = "tx" in rule.regex.groupindex
        for m in rule.regex.finditer(text):
            start, end = m.span("tx") if has_tx else m.span()
            if start < 0 or end <= start:
                continue
            # trim whitespace and punctuation a pattern may have taken at its edges
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            c = Candidate(start, end, rule, m)
            if all(run_check(name, text, c, vocab, ctx) for name in rule.checks):
                out.append(c)
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """The longest matches first (ties: higher priority, then earlier), none overlapping; in text order."""
    chosen: list[Candidate] = []
    starts: list[int] = []
    for c in sorted(cands, key=lambda c: (-c.length, -c.rule.priority, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and chosen[i - 1].end > c.start:
            continue
        if i < len(chosen) and chosen[i].start < c.end:
            continue
        chosen.insert(i, c)
        starts.insert(i, c.start)
    return chosen
