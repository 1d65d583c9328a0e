"""Publication dates given by an input (JSON fields, feed entries) normalized to "YYYY-MM-DD"."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from typing import Any

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[ ,T]\d?)")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:$|[ T]\d)")
MIN_YEAR, MAX_YEAR = 1800, 2200


def normalize_published(value: Any) -> str | None:
    """ "YYYY-MM-DD", "YYYY-MM" or "YYYY" for a date the input gives, or None when it cannot be read.

    The date is taken as written (the publisher's local date), never shifted to UTC.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None  # numbers (epoch seconds or milliseconds?) are too ambiguous to read
    s = value.strip()
    if m := _ISO_DAY.match(s) or _SLASHED.match(s):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DOTTED.match(s):
        return _date(int(m[3]), int(m[2]), int(m[1]))
    if m := _ISO_MONTH.match(s):
        return f"{m[1]}-{int(m[2]):02d}" if 1 <= int(m[2]) <= 12 and _year_ok(int(m[1])) else None
    if m := _YEAR.match(s):
        return m[1] if _year_ok(int(m[1])) else None
    try:
        return _date_of(parsedate_to_datetime(s))  # RFC 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        return None


def _date_of(value: dt.datetime) -> str | None:
    return _date(value.year, value.month, value.day)


def _date(year: int, month: int, day: int) -> str | None:
    if not _year_ok(year):
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR
