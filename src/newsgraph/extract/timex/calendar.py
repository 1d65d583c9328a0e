"""Calendar arithmetic for normalization: partial dates, shifts, Easter, ISO weeks."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class PDate:
    """A possibly partial calendar date: year, month, day may each be unknown (None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PDate | None:
        """``"2025-11-11"``, ``"2025-11"`` or ``"2025"``; None for anything else."""
        if not text:
            return None
        m = _ISO.match(text.strip())
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            return None
        if d is not None and (mo is None or not valid(y, mo, d)):
            return None
        return cls(y, mo, d)

    @property
    def full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.full else None  # type: ignore[arg-type]

    def iso(self) -> str:
        return fmt(self.year, self.month, self.day)


def valid(year: int | None, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if year is None:
        return day <= (29 if month == 2 else _cal.monthrange(2001, month)[1])
    return day <= _cal.monthrange(year, month)[1]


def fmt_year(year: int | None) -> str:
    if year is None:
        return "XXXX"
    if year < 0:  # 260 BC is stored as -260
        return f"BC{-year:04d}"
    return f"{year:04d}"


def fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """TIMEX3 date at the granularity given (``XXXX`` for an unknown year)."""
    out = fmt_year(year)
    if month is None:
        return out if day is None else out + "-XX-" + f"{day:02d}"
    out += f"-{month:02d}"
    if day is not None:
        out += f"-{day:02d}"
    return out


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def shift(ref: dt.date, n: int, unit: str) -> dt.date:
    """``ref`` moved by ``n`` units (D, W, M, Y, DE, CE); months clamp the day."""
    if unit == "D":
        return ref + dt.timedelta(days=n)
    if unit == "W":
        return ref + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by unit {unit!r}")
    y, m = add_months(ref.year, ref.month, n * months)
    return dt.date(y, m, min(ref.day, _cal.monthrange(y, m)[1]))


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(spec: str, year: int) -> dt.date:
    """A holiday spec of the vocabulary (``"12-25"``, ``"E+49"``) in ``year``."""
    if spec.startswith("E"):
        return easter(year) + dt.timedelta(days=int(spec[1:]))
    mo, d = spec.split("-")
    return dt.date(year, int(mo), int(d))


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` (1=Mon) nearest ``ref``: direction -1 on or before, +1 on or after, 0 nearest."""
    delta = weekday - ref.isoweekday()
    if direction < 0:
        return ref + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction > 0:
        return ref + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return ref + dt.timedelta(days=delta)
