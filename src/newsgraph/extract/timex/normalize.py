"""Normalizers: a rule's match (its named groups) -> TIMEX3 type, value, mod, anchor.

Each rule names one normalizer (``norm = "date"``); the normalizer reads the groups the rule
captured (``day``, ``month``, ``year``, ``weekday``, ``unit``, ``num``, ``rel``, ``dir`` ...),
looks their words up in the vocabulary and resolves what is relative against the context.
A normalizer returns None when the match turns out not to be a time expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex.calendar import PDate
from newsgraph.extract.timex.context import Context
from newsgraph.extract.timex.rules import Rule


@dataclass
class Result:
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None  # the date it was resolved against
    interval: str | None = None  # "2025-01/2025-09", "1994/..", "../2050"
    date: PDate | None = None  # the date it denotes (a reference for later anaphora)


TIME_UNITS = {"S": "S", "MIN": "M", "H": "H"}
YEARS_OF = {"DE": 10, "CE": 100, "ML": 1000}
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
_DIGITS = re.compile(r"^\d+$")


class Groups:
    """Named groups of a match, read through the vocabulary."""

    def __init__(self, m: re.Match[str], ctx: Context) -> None:
        self.m = m
        self.ctx = ctx
        self.v = ctx.vocab
        self.d = {k: v for k, v in m.groupdict().items() if v is not None}

    def __contains__(self, name: str) -> bool:
        return name in self.d

    def text(self, name: str) -> str | None:
        return self.d.get(name)

    def lookup(self, name: str, *tables: str) -> object | None:
        s = self.d.get(name)
        if s is None:
            return None
        for t in tables:
            val = self.v.lookup(t, s)
            if val is not None:
                return val
        return None

    def int(self, name: str) -> int | None:
        s = self.d.get(name)
        return int(s) if s is not None and _DIGITS.match(s) else None

    def month(self) -> int | None:
        s = self.d.get("month")
        if s is None:
            return None
        return int(s) if s.isdigit() else self.lookup("month", "months")  # type: ignore[return-value]

    def num(self, name: str = "num") -> float | str | None:
        s = self.d.get(name)
        if s is None:
            return None
        if _DIGITS.match(s):
            return int(s)
        if "," in s and s.replace(",", "").isdigit():
            return float(s.replace(",", "."))
        val = self.lookup(name, "numwords", "vague_numbers", "numwords_prefix")
        return val  # type: ignore[return-value]

    def unit(self) -> str | None:
        for name in ("unit", "unit2"):
            val = self.lookup(name, "units", "quarters")
            if val is not None:
                return val  # type: ignore[return-value]
        return None

    def year(self) -> int | None:
        """An explicit year (``year``, or ``cent`` + ``yy`` for "1912/13"); BC years are negative."""
        if "year" in self.d:
            y = int(self.d["year"])
        elif "yy" in self.d and "cent" in self.d:
            y = int(self.d["cent"]) * 100 + int(self.d["yy"])
        else:
            return None
        if "era" in self.d and self.lookup("era", "era_bc") is not None:
            y = -y
        return y

    def mod(self) -> str | None:
        for name, table in (
            ("mod", "modifiers"),
            ("amod", "approx_year"),
            ("tmod", "approx_time"),
            ("position", "positions"),
        ):
            val = self.lookup(name, table)
            if val:
                return val  # type: ignore[return-value]
        for name, table in (("season", "season_mods"), ("daypart", "daypart_mods")):
            val = self.lookup(name, table)
            if val:
                return val  # type: ignore[return-value]
        return None

    def daypart(self) -> str | None:
        return self.lookup("daypart", "dayparts", "dayparts_adverb")  # type: ignore[return-value]


def duration(n: float | str | None, unit: str) -> str | None:
    """TIMEX3 duration of ``n`` units (``"X"``: unknown number)."""
    if n is None:
        return None
    if unit == "Q":
        unit, n = "M", (n if n == "X" else n * 3)
    if n == "X":
        return f"PTX{TIME_UNITS[unit]}" if unit in TIME_UNITS else f"PX{unit}"
    if unit in YEARS_OF:
        n, unit = n * YEARS_OF[unit], "Y"
    if unit == "H" and n != int(n):
        h, mins = int(n), round((n - int(n)) * 60)
        return f"PT{h}H{mins}M" if h else f"PT{mins}M"
    while n != int(n) and unit in SMALLER:
        unit, factor = SMALLER[unit]
        n = n * factor
    n_str = str(int(n)) if n == int(n) else f"{n:g}"
    if unit in TIME_UNITS:
        return f"PT{n_str}{TIME_UNITS[unit]}"
    return f"P{n_str}{unit}"


def granular(d: dt.date, unit: str) -> str:
    """``d`` written at the granularity of ``unit``."""
    if unit in ("D", "H", "MIN", "S"):
        return d.isoformat()
    if unit == "W":
        return cal.iso_week(d)
    if unit == "M":
        return cal.fmt(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H_":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def pdate_of(d: dt.date, unit: str) -> PDate:
    if unit in ("D", "W", "H", "MIN", "S"):
        return PDate(d.year, d.month, d.day)
    if unit in ("M", "Q"):
        return PDate(d.year, d.month)
    return PDate(d.year)


def with_daypart(value: str, code: str | None) -> str:
    return f"{value}T{code}" if code else value


Normalizer = Callable[[Rule, Groups, Context, int], Result | None]
NORMALIZERS: dict[str, Normalizer] = {}


def normalizer(name: str) -> Callable[[Normalizer], Normalizer]:
    def deco(fn: Normalizer) -> Normalizer:
        NORMALIZERS[name] = fn
        return fn

    return deco


def _doc_or_text(rule: Rule, ctx: Context, pos: int, need: str) -> tuple[PDate | None, str]:
    """The reference a relative expression resolves on: the document date or the last date in the text."""
    where = rule.params.get("anchor", "doc")
    if where == "doc":
        if ctx.deictic:
            return ctx.anchor, "doc"
        if ctx.mode == "narrative":
            return ctx.last(need, before=pos), "text"
        return None, "doc"
    if where == "text_or_doc" and ctx.deictic:
        # news: "im Vorjahr" is the year before a year named just before, else before the document date
        local = ctx.last(need, before=pos, local=True)
        return (local, "text") if local is not None else (ctx.anchor, "doc")
    return ctx.last(need, before=pos), "text"


@normalizer("date")
def n_date(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """Calendar dates: day, month, year, season, part of day; a missing year from the context."""
    year = g.year()
    month = g.month()
    day = g.int("day")
    if day is None and "ordstem" in g:
        day = g.lookup("ordstem", "ordinal_stems")  # type: ignore[assignment]
    season = g.lookup("season", "seasons")
    daypart = g.daypart()
    if (
        month is not None
        and day is not None
        and not cal.valid(year if year and year > 0 else None, month, day)
    ):
        return None
    anchor = None
    if year is None and rule.params.get("year_from") == "text":
        last = ctx.last("Y", before=pos)
        year = last.year if last else None
    elif year is None and (month is not None or season is not None or rule.params.get("needs_year")):
        season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}.get(str(season)) if month is None else None
        year = ctx.year_for(month or season_month, day, pos)
        anchor = ctx.anchor.iso() if (ctx.anchor and ctx.mode == "news") else None
    if season is not None:
        value = f"{cal.fmt_year(year)}-{season}"
        date = PDate(year)
    else:
        value = cal.fmt(year, month, day)
        date = PDate(year, month, day)
    hour = g.int("hour")
    if hour is not None:
        value += f"T{hour:02d}:{(g.int('minute') or 0):02d}"
    else:
        value = with_daypart(value, daypart)
    return Result(rule.type, value, g.mod() or rule.params.get("mod"), anchor, date=date)


@normalizer("year")
def n_year(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    year = g.year()
    if year is None:
        return None
    if 0 < year < 1000 and "era" not in g and ctx.mode == "narrative":
        last = ctx.last("Y", before=pos)
        if last is not None and last.year is not None and last.year < 0:
            year = -year  # "Das Jahr 149" in a text about 149 v. Chr.
    signal = rule.params.get("signal")
    interval = None
    if signal is None:
        prev = _prev_word(ctx.text, pos)
        signal = ctx.vocab.lookup("signals", prev) if prev and "signals" in ctx.vocab.tables else None
    if signal == "from":
        interval = f"{cal.fmt_year(year)}/.."
    elif signal == "until":
        interval = f"../{cal.fmt_year(year)}"
    return Result(
        rule.type, cal.fmt_year(year), g.mod() or rule.params.get("mod"), interval=interval, date=PDate(year)
    )


@normalizer("year_range")
def n_year_range(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*in den Jahren 2012 bis 2014*: an interval of years (value and interval ``2012/2014``)."""
    first, last = g.int("year"), g.int("year2")
    if first is None or last is None or last <= first:
        return None
    value = f"{cal.fmt_year(first)}/{cal.fmt_year(last)}"
    return Result(rule.type, value, g.mod(), interval=value, date=PDate(last))


def _prev_word(text: str, pos: int) -> str | None:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 40) : pos])
    return m.group(1).strip('(„"“,') if m else None


@normalizer("year_anaphoric")
def n_year_anaphoric(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*des Jahres*, *Mitte des Jahres*, *Jahresende*: the year of the context (with a mod)."""
    year = g.year()
    anchor = None
    if year is None:
        ref, where = _doc_or_text(rule, ctx, pos, "Y")
        if ref is None or ref.year is None:
            return Result(rule.type, "XXXX", g.mod() or _yearpos(g))
        year = ref.year
        anchor = ref.iso() if where == "doc" else None
    return Result(rule.type, cal.fmt_year(year), g.mod() or _yearpos(g), anchor, date=PDate(year))


def _yearpos(g: Groups) -> str | None:
    return g.lookup("yearpos", "year_positions") or None  # type: ignore[return-value]


@normalizer("deictic_day")
def n_deictic_day(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*heute*, *gestern*, *morgen* (+ part of day): days from the document date."""
    offset = g.lookup("dayword", "daywords", "daywords_tomorrow")
    if offset is None:
        return None
    daypart = g.daypart()
    typ = "TIME" if daypart else rule.type
    if ctx.deictic and ctx.anchor_date is not None:
        d = ctx.anchor_date + dt.timedelta(days=int(offset))  # type: ignore[arg-type]
        return Result(
            typ,
            with_daypart(d.isoformat(), daypart),
            None,
            ctx.anchor.iso(),  # type: ignore[union-attr]
            date=pdate_of(d, "D"),
        )
    if ctx.mode == "narrative" and offset == 0 and not daypart:
        return Result(rule.type, "PRESENT_REF")
    return Result(typ, with_daypart("XXXX-XX-XX", daypart))


@normalizer("weekday")
def n_weekday(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*am Mittwoch*, *am vergangenen Freitag*, *Montagabend*."""
    wd = g.lookup("weekday", "weekdays", "weekdays_gen")
    if wd is None:
        return None
    rel = g.lookup("rel", "relatives")
    daypart = g.daypart()
    ref, where = _doc_or_text(rule, ctx, pos, "D")
    if (ref is None or not ref.full) and ctx.mode != "narrative":
        local = ctx.last("D", before=pos, local=True)
        if local is not None:
            ref, where = local, "text"
    if ref is None or not ref.full:
        return Result(rule.type, with_daypart(f"XXXX-WXX-{wd}", daypart))
    r = ref.date()
    assert r is not None
    shift_days = int(rule.params.get("day_offset", 0))
    if shift_days:  # "in der Nacht zum Mittwoch": the night before
        daypart = daypart or g.daypart()
    if rel is not None and rel != 0:
        direction = -1 if rel < 0 else 1  # type: ignore[operator]
        d = cal.weekday_near(r + dt.timedelta(days=direction), int(wd), direction)  # type: ignore[arg-type]
    elif where == "doc":
        prev = _prev_word(ctx.text, pos) or ""
        ahead = ctx.future(pos) or ctx.vocab.has("weekday_future_predecessors", prev)
        d = cal.weekday_near(r, int(wd), 1 if ahead else -1)  # type: ignore[arg-type]
    else:
        d = cal.weekday_near(r, int(wd), 1)  # type: ignore[arg-type]
    d = d + dt.timedelta(days=shift_days)
    return Result(rule.type, with_daypart(d.isoformat(), daypart), None, ref.iso(), date=pdate_of(d, "D"))


@normalizer("relative")
def n_relative(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*letzte Woche*, *im vergangenen Jahr*, *am folgenden Tag*, *im selben Monat*, *Tags darauf*,
    *zwei Tage später*, *vor zwei Wochen*: a shift of n units from the document date or from the
    date last mentioned (params: ``anchor`` doc|text|text_or_doc, ``sign``)."""
    unit = g.unit() or rule.params.get("unit")
    if unit is None and "compound" in g:
        comp = g.lookup("compound", "compounds_text")
        if comp is None:
            return None
        n, unit = comp  # type: ignore[misc]
    else:
        rel = g.lookup("rel", "relatives", "relatives_text")
        dirn = g.lookup("dir", "directions")
        if "num" in g:
            count = g.num()
        else:  # "Wochen später": a plural unit without a number is an unknown count
            count = "X" if g.lookup("unit", "units_plural") and not g.lookup("unit", "units_singular") else 1
        if count is None:
            return None
        if count == "X":
            sign = dirn or rule.params.get("sign") or 1
            return Result("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", g.mod())  # type: ignore[operator]
        sign = dirn if dirn is not None else (rel if rel is not None else rule.params.get("sign", 0))
        n = sign * count  # type: ignore[operator]
    if unit in ("Q",):
        return None
    if unit in ("H", "MIN", "S"):  # "drei Stunden später": the same day
        unit, n = "D", 0
    need = "D" if unit in ("D", "W") else ("M" if unit == "M" else "Y")
    ref, where = _doc_or_text(rule, ctx, pos, need)
    daypart = g.daypart()
    out_unit = rule.params.get("granularity", unit)
    if ref is None or ref.year is None:
        under = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(out_unit, "XXXX")
        return Result(rule.type, with_daypart(under, daypart), g.mod() or rule.params.get("mod"))
    anchor = ref.iso()
    if n != int(n):
        return None
    n = int(n)
    if unit in ("Y", "DE", "CE") and (ref.month is None or ref.year <= 0):
        years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
        y = ref.year + years
        value = granular(dt.date(max(y, 1), 1, 1), out_unit) if y > 0 else cal.fmt_year(y)
        return Result(rule.type, value, g.mod() or rule.params.get("mod"), anchor, date=PDate(y))
    if unit == "M" and ref.day is None:
        y, m = cal.add_months(ref.year, ref.month, n)  # type: ignore[arg-type]
        return Result(rule.type, cal.fmt(y, m), g.mod() or rule.params.get("mod"), anchor, date=PDate(y, m))
    if ref.month is None or (ref.day is None and need == "D"):
        under = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(out_unit, "XXXX")
        return Result(rule.type, with_daypart(under, daypart), g.mod() or rule.params.get("mod"))
    base = dt.date(ref.year, ref.month, ref.day or 1)
    try:
        d = cal.shift(base, n, unit)
    except (ValueError, OverflowError):
        return None
    if where == "text" and out_unit == "W" and ref.day is not None:
        out_unit = "D"  # "eine Woche später" after a day: a day
    value = with_daypart(granular(d, out_unit), daypart)
    return Result(rule.type, value, g.mod() or rule.params.get("mod"), anchor, date=pdate_of(d, out_unit))


@normalizer("relative_month")
def n_relative_month(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*im vergangenen April*, *im nächsten März*, *im vergangenen Sommer*."""
    month = g.month()
    season = g.lookup("season", "seasons")
    rel = g.lookup("rel", "relatives")
    if rel is None or (month is None and season is None):
        return None
    ref, _ = _doc_or_text(rule, ctx, pos, "M")
    if ref is None or ref.year is None or ref.month is None:
        value = f"XXXX-{season}" if season else cal.fmt(None, month)
        return Result(rule.type, value, g.mod())
    # a season is named by the year it starts in (winter 2025 = 2025-12 to 2026-02)
    target = month if month is not None else {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[season]  # type: ignore[index]
    y = ref.year
    if rel < 0:  # type: ignore[operator]
        y = ref.year if target < ref.month else ref.year - 1
        if season == "WI" and ref.month <= 2:
            y = ref.year - 2  # in January the last winter before this one began two Decembers ago
        y += rel + 1  # type: ignore[operator]
    elif rel > 0:  # type: ignore[operator]
        y = ref.year if target > ref.month else ref.year + 1
        y += rel - 1  # type: ignore[operator]
    value = f"{cal.fmt_year(y)}-{season}" if season else cal.fmt(y, month)
    return Result(rule.type, value, g.mod(), ref.iso(), date=PDate(y, month))


@normalizer("relative_unit")
def n_relative_unit(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*diese Woche*, *im vergangenen Jahr*, *im laufenden Quartal*, *Ende des Monats*."""
    unit = g.unit()
    rel = g.lookup("rel", "relatives", "relatives_text")
    if rel is None:
        rel = 0
    if unit is None:
        return None
    if unit == "H":
        unit = "H_"
    if unit == "WE":
        return _weekend(rule, g, ctx, pos, rel)  # type: ignore[arg-type]
    need = "D" if unit == "W" else ("M" if unit in ("M", "Q", "H_") else "Y")
    ref, where = _doc_or_text(rule, ctx, pos, need)
    mod = g.mod() or rule.params.get("mod")
    if ref is None or ref.year is None:
        under = {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "H_": "XXXX-HX"}.get(unit, "XXXX")
        return Result(rule.type, under, mod)
    if unit in ("Y", "DE", "CE") or ref.month is None:
        if unit not in ("Y", "DE", "CE"):
            return Result(rule.type, {"M": "XXXX-XX"}.get(unit, "XXXX"), mod)
        y = ref.year + rel * {"Y": 1, "DE": 10, "CE": 100}[unit]  # type: ignore[operator]
        value = cal.fmt_year(y) if unit == "Y" else granular(dt.date(max(y, 1), 1, 1), unit)
        return Result(rule.type, value, mod, ref.iso(), date=PDate(y) if unit == "Y" else None)
    base = dt.date(ref.year, ref.month, ref.day or 1)
    step = {"W": "W", "M": "M", "Q": "Q", "H_": "M", "D": "D"}[unit]
    n = rel * (6 if unit == "H_" else 1)  # type: ignore[operator]
    d = cal.shift(base, n, step)
    return Result(rule.type, granular(d, unit), mod, ref.iso(), date=pdate_of(d, step))


def _weekend(rule: Rule, g: Groups, ctx: Context, pos: int, rel: int) -> Result:
    """*am Wochenende*: the weekend before the reference (after it, in a future sentence)."""
    ref, where = _doc_or_text(rule, ctx, pos, "D")
    if ref is None or not ref.full:
        return Result(rule.type, "XXXX-WXX-WE", g.mod())
    r = ref.date()
    assert r is not None
    if rel == 0 and "rel" not in g:
        sat = cal.weekday_near(r, 6, 1 if ctx.future(pos) else -1)
    else:
        sat = cal.weekday_near(r, 6, 1) + dt.timedelta(weeks=rel - 1 if rel > 0 else rel)
        if rel == 0:
            sat = cal.weekday_near(r, 6, 1)
    return Result(rule.type, cal.iso_week(sat) + "-WE", g.mod(), ref.iso(), date=pdate_of(sat, "D"))


@normalizer("duration")
def n_duration(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*drei Stunden*, *in vier Jahrzehnten*, *dreijährige*, *wenige Tage*, *monatelang*."""
    fixed = g.lookup("fixeddur", "fixed_durations")
    if fixed is not None:
        return Result(rule.type, str(fixed), g.mod())
    unit = g.unit()
    if unit is None:
        unit = g.lookup("unitadj", "unit_adjectives") or g.lookup("vagueunit", "vague_units")
    if unit is None:
        return None
    if "vagueunit" in g or rule.params.get("vague"):
        n: float | str | None = "X"
    elif "numprefix" in g:
        s = g.text("numprefix").rstrip("-")  # type: ignore[union-attr]
        n = int(s) if s.isdigit() else g.lookup("numprefix", "numwords_prefix")  # type: ignore[assignment]
    elif "num" in g:
        n = g.num()
    else:
        n = rule.params.get("count", 1)
    value = duration(n, unit)  # type: ignore[arg-type]
    if value is None:
        return None
    return Result(rule.type, value, g.mod() or rule.params.get("mod"))


@normalizer("period_of_year")
def n_period_of_year(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*in den ersten neun Monaten des Jahres 2025*: the year, mod START/END, and the interval."""
    year = g.year()
    anchor = None
    if year is None:
        ref, where = _doc_or_text(rule, ctx, pos, "Y")
        year = ref.year if ref else None
        anchor = ref.iso() if ref and where == "doc" else None
    n = g.num()
    unit = g.unit()
    ordv = g.lookup("ord", "ordinals")
    if not isinstance(n, int) or unit not in ("M", "W", "D") or ordv is None:
        return None
    mod = "START" if ordv == 1 else "END"
    interval = None
    if year is not None and unit == "M" and 1 <= n <= 12:
        first, last = (1, n) if mod == "START" else (13 - n, 12)
        interval = f"{cal.fmt(year, first)}/{cal.fmt(year, last)}"
    # the value is the interval where it is known (the project writes time scopes "start/end")
    value = interval or cal.fmt_year(year)
    return Result(rule.type, value, mod, anchor, interval, date=PDate(year) if year else None)


@normalizer("quarter")
def n_quarter(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*im ersten Quartal 2025*, *in der zweiten Jahreshälfte*."""
    q = g.lookup("quarter", "quarters")
    n = g.lookup("ord", "ordinals")
    if q is None or not isinstance(n, int) or n < 1 or (q == "Q" and n > 4) or (q == "H" and n > 2):
        return None
    year = g.year()
    anchor = None
    if year is None:
        ref, where = _doc_or_text(rule, ctx, pos, "Y")
        year = ref.year if ref else None
        anchor = ref.iso() if ref and where == "doc" else None
    return Result(
        rule.type, f"{cal.fmt_year(year)}-{q}{n}", g.mod(), anchor, date=PDate(year) if year else None
    )


@normalizer("holiday")
def n_holiday(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    spec = g.lookup("holiday", "holidays")
    if spec is None:
        return None
    year = g.year()
    anchor = None
    if year is None:
        d0 = cal.holiday(str(spec), 2001) if not str(spec).startswith("E") else None
        year = ctx.year_for(d0.month if d0 else None, d0.day if d0 else None, pos)
        anchor = ctx.anchor.iso() if (ctx.anchor and ctx.mode == "news") else None
    if year is None or year <= 0:
        if str(spec).startswith("E"):
            return Result(rule.type, "XXXX-XX-XX", g.mod())
        mo, d = str(spec).split("-")
        return Result(rule.type, f"XXXX-{mo}-{d}", g.mod())
    day = cal.holiday(str(spec), year)
    return Result(rule.type, day.isoformat(), g.mod(), anchor, date=pdate_of(day, "D"))


@normalizer("century")
def n_century(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*des 20. Jahrhunderts* -> ``19``; *im 3. Jahrhundert v. Chr.* -> ``BC02``."""
    n = g.int("ord")
    if n is None:
        n = g.lookup("ord", "ordinals")  # type: ignore[assignment]
    if not isinstance(n, int) or not 1 <= n <= 22:
        return None
    if "era" in g and g.lookup("era", "era_bc") is not None:
        return Result(rule.type, f"BC{n - 1:02d}", g.mod())
    return Result(rule.type, f"{n - 1:02d}", g.mod())


@normalizer("decade")
def n_decade(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*der 1940er Jahre* -> ``194``; *der 90er Jahre* -> ``199``."""
    s = g.text("decade")
    if not s or not s.isdigit():
        return None
    if len(s) == 4:
        return Result(rule.type, s[:3], g.mod())
    if len(s) == 2:
        ay = ctx.anchor.year if ctx.anchor and ctx.anchor.year else 2000
        cent = 20 if int(s) + 2000 <= ay else 19
        return Result(rule.type, f"{cent}{s[0]}", g.mod())
    return None


@normalizer("time")
def n_time(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*um 15 Uhr*, *7:30 Uhr*, *Mitternacht*: the day from the context."""
    hour = g.int("hour")
    if hour is None and "hourword" in g:
        word = g.lookup("hourword", "numwords")
        hour = int(word) if isinstance(word, int) else None
    minute = g.int("minute") or 0
    clock = g.lookup("clock", "clock_words")
    if clock:
        hour, minute = (int(x) for x in str(clock).split(":"))
    if hour is None or hour > 24 or minute > 59:
        return None
    part = g.lookup("suffix", "time_suffixes") or g.lookup("daypart", "dayparts", "dayparts_adverb")
    if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
        hour += 12
    ref, where = _doc_or_text(rule, ctx, pos, "D") if "day" not in g else (None, "doc")
    same = ctx.last_in_sentence("D", pos)
    if same is not None and "day" not in g:
        ref = same  # "am Samstag um 19 Uhr": the day named just before
    if "day" in g:
        res = n_date(rule, g, ctx, pos)
        if res is None:
            return None
        base = res.value.split("T")[0]
    elif ref is not None and ref.full:
        base = ref.iso()
    elif ref is None and ctx.mode == "narrative":
        last = ctx.last("Y", before=pos)
        base = f"{cal.fmt_year(last.year)}-XX-XX" if last else "XXXX-XX-XX"
    elif ref is not None and ref.year is not None:
        base = f"{cal.fmt_year(ref.year)}-XX-XX"
    else:
        base = "XXXX-XX-XX"
    return Result("TIME", f"{base}T{hour:02d}:{minute:02d}", g.mod(), ref.iso() if ref else None)


@normalizer("daypart")
def n_daypart(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*am Nachmittag*, *Am Abend desselben Tages*, *am Morgen darauf*."""
    code = g.daypart()
    if code is None:
        return None
    n = g.lookup("rel", "relatives_text", "relatives")
    n = n if n is not None else (g.lookup("dir", "directions") or 0)
    ref, where = _doc_or_text(rule, ctx, pos, "D")
    if ref is None or not ref.full:
        return Result("TIME", f"XXXX-XX-XXT{code}", g.mod())
    d = ref.date() + dt.timedelta(days=int(n))  # type: ignore[operator, arg-type]
    return Result("TIME", f"{d.isoformat()}T{code}", g.mod(), ref.iso(), date=pdate_of(d, "D"))


@normalizer("ref")
def n_ref(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    value = rule.params.get("value") or g.lookup("ref", "refs")
    if value is None:
        return None
    if value == "PRESENT_REF" and rule.params.get("deictic_today") and ctx.deictic:
        return Result(rule.type, ctx.anchor.iso(), None, ctx.anchor.iso(), date=ctx.anchor)  # type: ignore[union-attr]
    return Result(rule.type, str(value), g.mod())


@normalizer("set")
def n_set(rule: Rule, g: Groups, ctx: Context, pos: int) -> Result | None:
    """*jährlich*, *pro Tag*, *alle zwei Jahre*, *jeden Montag*."""
    value = g.lookup("setword", "sets")
    if value is None and "weekday" in g:
        wd = g.lookup("weekday", "weekdays", "weekdays_gen")
        value = f"XXXX-WXX-{wd}" if wd else None
    if value is None and "unit" in g:
        n = g.num() if "num" in g else 1
        unit = g.unit()
        value = duration(n, unit) if unit else None  # type: ignore[arg-type]
    if value is None:
        return None
    return Result("SET", str(value), g.mod())
