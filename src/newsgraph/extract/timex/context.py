"""What normalization needs to know about the document: its anchor, its mode, the dates seen so far.

Modes: ``news`` (a document date is known and the text talks about its own time: deictic words
like *gestern* resolve against it), ``narrative`` (a document date is known but the text is about
a distant past, as in WikiWarsDE: bare months take the year last mentioned, *heute* is
``PRESENT_REF``), ``none`` (no document date: deictic words stay underspecified, anaphoric ones
resolve against the dates the text itself gives).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from newsgraph.extract.timex.calendar import PDate
from newsgraph.extract.timex.vocab import Vocab

# a sentence ends at . ! ? (not after a digit: "12. November") or at a line break
_SENT_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?][\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ])|\n+")
_WORD = re.compile(r"\w+", re.UNICODE)
_CLAUSE_MARKS = (",", ";", ":", "–", "(", ")")


@dataclass
class Mention:
    """A date the text has given (explicitly or resolved), usable as reference for anaphora."""

    pos: int
    date: PDate
    focus: bool = True  # whether the narrative moves to this date (not a look back or an aside)


@dataclass
class Context:
    text: str
    vocab: Vocab
    anchor: PDate | None
    mode: str = "news"
    sentence_starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentence_starts:
            self.sentence_starts = [0] + [m.end() for m in _SENT_END.finditer(self.text)]

    # -- sentences and tense -------------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def future(self, pos: int) -> bool:
        """Whether the clause around ``pos`` speaks of the future: a future cue word in the clause
        (between commas, colons...), else — when the clause has no past cue either — in the sentence."""
        start, end = self.sentence(pos)
        left = max(start, *(self.text.rfind(ch, start, pos) + 1 for ch in _CLAUSE_MARKS))
        rights = [i for i in (self.text.find(ch, pos, end) for ch in _CLAUSE_MARKS) if i >= 0]
        right = min([end, *rights])
        future = self.vocab.lists.get("future_cues", frozenset())
        past = self.vocab.lists.get("past_cues", frozenset())
        clause = [w.lower() for w in _WORD.findall(self.text[left:right])]
        if any(w in future for w in clause):
            return True
        if any(w in past for w in clause):
            return False
        return any(w.lower() in future for w in _WORD.findall(self.text[start:end]))

    # -- anchors -------------------------------------------------------------------------
    @property
    def anchor_date(self) -> dt.date | None:
        return self.anchor.date() if self.anchor is not None else None

    @property
    def deictic(self) -> bool:
        """Whether words like *heute*, *gestern*, *im vergangenen April* resolve on the document date."""
        return self.mode == "news" and self.anchor is not None

    def remember(self, pos: int, date: PDate, focus: bool = True) -> None:
        if date.year is not None:
            self.mentions.append(Mention(pos, date, focus))

    def last(
        self, need: str = "Y", before: int | None = None, local: bool = False, focus: bool = False
    ) -> PDate | None:
        """The date last mentioned with at least the granularity ``need`` (Y, M or D).

        ``local``: only a mention in the same or the previous sentence counts.
        """
        limit_sent = None
        if local and before is not None:
            limit_sent = self.sentence_starts[max(0, self.sentence_index(before) - 1)]
        for m in reversed(self.mentions):
            if before is not None and m.pos >= before:
                continue
            if limit_sent is not None and m.pos < limit_sent:
                return None
            if focus and not m.focus:
                continue
            d = m.date
            if need == "D" and d.day is None:
                continue
            if need == "M" and d.month is None:
                continue
            return d
        return None

    def last_in_sentence(self, need: str, pos: int) -> PDate | None:
        """The last date with granularity ``need`` mentioned before ``pos`` in the same sentence."""
        start, _ = self.sentence(pos)
        for m in reversed(self.mentions):
            if m.pos < start:
                return None
            if m.pos < pos and (need != "D" or m.date.day is not None):
                return m.date
        return None

    def same_sentence_year(self, pos: int) -> int | None:
        start, _ = self.sentence(pos)
        for m in reversed(self.mentions):
            if m.pos < start:
                return None
            if m.pos < pos:
                return m.date.year
        return None

    def year_for(self, month: int | None, day: int | None, pos: int) -> int | None:
        """The year of a date written without one (*am 12. November*, *im April*)."""
        if self.mode == "narrative":
            last = self.last("Y", before=pos, focus=True)
            return last.year if last else (self.anchor.year if self.anchor else None)
        if self.mode == "none" or self.anchor is None or self.anchor.year is None:
            last = self.last("Y", before=pos, local=True)
            return last.year if last else None
        local = self.same_sentence_year(pos)
        if local is not None:
            return local
        a = self.anchor
        if month is None or a.month is None:
            return a.year
        # the candidate year that puts the date closest to the anchor, past preferred
        future = self.future(pos)
        best, best_score = a.year, None
        for y in (a.year - 1, a.year, a.year + 1):
            delta = (y - a.year) * 12 + (month - a.month)
            if delta == 0 and day is not None and a.day is not None:
                delta = (day - a.day) / 31
            score = abs(delta) * (2 if (delta > 0) != future and delta != 0 else 1)
            if best_score is None or score < best_score:
                best, best_score = y, score
        return best
