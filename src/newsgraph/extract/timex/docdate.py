"""Infer a document's date from its own time expressions, where the evidence is strong.

Two kinds of evidence, written as patterns in ``rules.toml`` (``[[docdate]]``):
- ``weekday_date``: a weekday next to a full date that falls on that weekday
  (*am Dienstag (11.11.2025)*) — the article speaks of that day as its own;
- ``today_date``: *heute* next to a day and month (*Heute, am 12. November*); the year is the
  latest year the article names (and the weekday, if one is given, must agree);
- ``byline_date``: an author or agency with a full date in parentheses, as newspapers sign
  their pieces (*(APA, 12.9.2015)*, *(Renate Graber, 10.5.2016)*).
Patterns are tried in file order; the first that gives a valid date wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from newsgraph import lang
from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex import rules as rules_mod
from newsgraph.extract.timex import vocab as vocab_mod

KINDS = ("weekday_date", "today_date", "byline_date")


@dataclass(frozen=True)
class DocDatePattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    examples: tuple[tuple[str, str | None], ...]


@cache
def patterns(lang_code: str = "de") -> tuple[DocDatePattern, ...]:
    data = lang.load_toml(lang_code, "timex/rules.toml")
    voc = vocab_mod.load(lang_code)
    places = voc.placeholders()
    fragments = dict(data.get("fragments", {}))
    out = []
    for raw in data.get("docdate", []):
        where = f"timex docdate {lang_code}: {raw.get('name')!r}"
        if raw.get("kind") not in KINDS:
            raise ValueError(f"{where}: kind must be one of {KINDS}")
        regex = re.compile(rules_mod.expand(raw["pattern"], fragments, places, where), re.IGNORECASE)
        examples = tuple((ex["text"], ex.get("date") or None) for ex in raw.get("examples", []))
        if not examples:
            raise ValueError(f"{where}: needs examples")
        out.append(DocDatePattern(raw["name"], raw["kind"], regex, examples))
    return tuple(out)


def _month(voc: vocab_mod.Vocab, s: str) -> int | None:
    return int(s) if s.isdigit() else voc.lookup("months", s)


def infer(text: str, years: list[int], lang_code: str = "de") -> tuple[str, str] | None:
    """``(YYYY-MM-DD, pattern name)`` when the text states its own date, else None.

    ``years``: the explicit years the text names (for *Heute, am 12. November*).
    """
    voc = vocab_mod.load(lang_code)
    for pat in patterns(lang_code):
        for m in pat.regex.finditer(text):
            g = m.groupdict()
            month = _month(voc, g["month"]) if g.get("month") else None
            day = int(g["day"]) if g.get("day") else None
            if month is None or day is None:
                continue
            year = int(g["year"]) if g.get("year") else None
            if year is not None and year < 100:
                year += 2000
            if year is None:
                if pat.kind != "today_date" or not years:
                    continue
                year = max(years)
            if not cal.valid(year, month, day):
                continue
            date = dt.date(year, month, day)
            wd = voc.lookup("weekdays", g["weekday"]) if g.get("weekday") else None
            if wd is not None and date.isoweekday() != wd:
                continue
            if pat.kind == "weekday_date" and wd is None:
                continue
            return date.isoformat(), pat.name
    return None
