"""Cross-source comparison: align claims about the same thing and give a verdict.

A claim is a quantity with its measure, subjects, time scope and unit. Claims about the same
measure of the same subjects, in the same time scope and unit, within one story, from different
documents, are compared as intervals (the qualifier widens a value into the range it asserts):

    exact   the value as rounded in the text: "4" → [3.5, 4.5), "27,8" → [27.75, 27.85)
    approx  ± ``APPROX_TOLERANCE`` (etwa, rund): "etwa 27" → [24.3, 29.7]
    almost  just below: "fast 30" → [27, 30)
    more_than (X, ∞) · at_least [X, ∞) · less_than (-∞, X) · at_most (-∞, X]
    range   [low, high] ("20 bis 30")

Verdict: ``agree`` when every pair of claims from different documents overlaps, else ``conflict``.
Ranks (*die zweitgrößten*, *Platz zwei*) are claims of their own kind (``rank:`` measure): two
different ranks of the same subjects conflict.

Alignment, step by step (each a pure function below):

* **time scope** (``scope_groups``): claims with the same scope (TIMEX3 value, the time of day dropped)
  meet; different scopes never conflict (27.8 bn in 2024 vs 20 bn in January–September 2025). A claim
  without a scope joins the recent event its story tells of (a day, week or month that ended at most
  ``EVENT_WINDOW_DAYS`` before its document's date) or else the last complete year before its document's
  date (*fast 30 Mrd.* published in November 2025 → 2024, never the running year 2025); otherwise it
  stays with the other claims without a scope.
* **unit** (``unit_groups``): a claim without unit joins when exactly one unit is present.
* **subjects** (``subject_groups``): subject sets must nest (one ⊆ the other): Russia–Uzbekistan and
  China–Uzbekistan trade never meet. Each claim joins one maximal subject set; a claim without subjects
  joins the set its sentence and document speak most of.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph import settings
from newsgraph.model import Comparison, content_id

APPROX_TOLERANCE = settings.COMPARE_APPROX_TOLERANCE
ALMOST_TOLERANCE = 0.10
EVENT_WINDOW_DAYS = settings.COMPARE_EVENT_WINDOW_DAYS  # an untimed claim joins an event this recent
EVENT_MAX_DAYS = 31  # scopes up to a month long count as events
RANK_PREFIX = "rank:"
MIN_UNITLESS_AMOUNT = 1e6  # a unit-less number this large may be a sum of money whose currency is implied
CURRENCY = re.compile(r"^[A-Z]{3}$")  # ISO 4217 codes


@dataclass(slots=True, frozen=True)
class Claim:
    """A quantity as the comparison sees it (entity ids already resolved)."""

    id: str
    doc: str
    text: str
    value: float
    measure: str
    unit: str | None = None
    qualifier: str = "exact"
    value_max: float | None = None
    subjects: tuple[str, ...] = ()
    time: str | None = None
    story: str | None = None
    source: str | None = None  # outlet of the document
    speaker: str | None = None  # display name of who states it
    published: str | None = None
    rank: bool = False
    # entities the claim's sentence and document speak of, with weights (for claims without subjects)
    context: tuple[tuple[str, float], ...] = ()
    copy_of: str | None = None  # the document this one reprints (near-duplicate), if any


@dataclass(slots=True, frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True

    def __str__(self) -> str:
        lo = "(" if self.low_open or math.isinf(self.low) else "["
        hi = ")" if self.high_open or math.isinf(self.high) else "]"
        return f"{lo}{_num(self.low)}, {_num(self.high)}{hi}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(x) >= scale:
            return f"{x / scale:.4g} {word}"
    return f"{x:.6g}"


def rounding(text: str, value: float) -> float:
    """Half a unit of the last digit the text states: "27,8 Milliarden" → 0.05e9, "4 Mrd." → 0.5e9.

    Integers written with all digits (410.000, 7.600) are read as rounded to their last non-zero digit.
    """
    m = re.search(r"\d[\d.,\s]*", text)
    if value == 0:
        return 0.5
    if not m:  # a number word ("zwölf", "zwei Milliarden"): as precise as its integer
        if value != int(value):
            return abs(value) * 0.005
        digits = str(int(abs(value)))
    else:
        digits = m.group(0).strip().rstrip(".,")
    if "," in digits:  # German decimal comma: the digits after it
        decimals = len(digits.rsplit(",", 1)[1])
        shown = float(digits.replace(".", "").replace(",", "."))
        scale = value / shown if shown else 1.0
        return 0.5 * 10**-decimals * abs(scale)
    plain = digits.replace(".", "").replace(" ", "")
    if not plain.isdigit():
        return abs(value) * 0.005
    shown = float(plain)
    scale = value / shown if shown else 1.0
    trailing = len(plain) - len(plain.rstrip("0"))
    return 0.5 * 10**trailing * abs(scale)


def interval(claim: Claim) -> Interval:
    v = claim.value
    if claim.value_max is not None:
        return Interval(min(v, claim.value_max), max(v, claim.value_max))
    q = claim.qualifier
    if q == "approx":
        d = abs(v) * APPROX_TOLERANCE
        return Interval(v - d, v + d)
    if q == "almost":
        return Interval(v - abs(v) * ALMOST_TOLERANCE, v, high_open=True)
    if q == "more_than":
        return Interval(v, math.inf, low_open=True)
    if q == "at_least":
        return Interval(v, math.inf)
    if q == "less_than":
        return Interval(-math.inf, v, high_open=True)
    if q == "at_most":
        return Interval(-math.inf, v)
    if claim.rank:
        return Interval(v, v)
    r = rounding(claim.text, v)
    return Interval(v - r, v + r, high_open=True)


# ------------------------------------------------------------------------------------------ time scopes
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def scope_key(value: str | None) -> str | None:
    """The scope a TIMEX3 value stands for: the time of day dropped (2026-03-17TAF → 2026-03-17)."""
    if not value:
        return None
    m = _DAY.match(value)
    if m and "/" not in value:
        return m.group(0)
    return value


def _date(value: str | None) -> date | None:
    if not value:
        return None
    m = _DAY.match(value)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def scope_span(key: str) -> tuple[date, date] | None:
    """First and last day of a day, week, month or year scope; None for anything else."""
    try:
        if m := _DAY.match(key):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        if m := _WEEK.match(key):
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return first, first + timedelta(days=6)
        if m := _MONTH.match(key):
            y, mo = int(m.group(1)), int(m.group(2))
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return date(y, mo, 1), nxt - timedelta(days=1)
        if m := _YEAR.match(key):
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def _home_scope(published: str | None, scopes: list[str]) -> str | None:
    """Where a claim without a time scope belongs, among the scopes of its fellow claims."""
    pub = _date(published)
    if pub is None:
        return None
    events = []
    for key in scopes:
        span = scope_span(key)
        if span is None or _YEAR.match(key):
            continue
        first, last = span
        if (last - first).days < EVENT_MAX_DAYS and first <= pub and (pub - last).days <= EVENT_WINDOW_DAYS:
            events.append((last, key))
    if events:
        return max(events)[1]
    last_year = str(pub.year - 1)
    return last_year if last_year in scopes else None


def scope_groups(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    """Split claims by time scope; claims without one join their home scope (see the module doc)."""
    scoped: dict[str | None, list[Claim]] = defaultdict(list)
    loose: list[Claim] = []
    for c in claims:
        key = scope_key(c.time)
        if key and "X" in key.split("/")[0][:4]:  # unresolved (XXXX-SU: a summer, the year unknown)
            key = f"{key} in {c.doc}"  # …is no scope another document can share
        (scoped[key] if key else loose).append(c)
    keys = [k for k in scoped if k]
    for c in loose:
        scoped[_home_scope(c.published, keys)].append(c)
    return scoped


# ------------------------------------------------------------------------------------------ units, subjects
def unit_groups(claims: list[Claim]) -> list[tuple[str | None, list[Claim], bool]]:
    """Split by unit; unit-less amounts of a million or more join when exactly one unit is present and it
    is a currency (*etwa 27 Milliarden Investitionen* next to *4 Milliarden Dollar*); a count never joins
    hours or dollars."""
    by_unit: dict[str | None, list[Claim]] = defaultdict(list)
    for c in claims:
        by_unit[c.unit].append(c)
    units = [u for u in by_unit if u is not None]
    if len(units) == 1 and None in by_unit and CURRENCY.match(units[0]):
        joining = [c for c in by_unit[None] if abs(c.value) >= MIN_UNITLESS_AMOUNT]
        rest = [c for c in by_unit[None] if abs(c.value) < MIN_UNITLESS_AMOUNT]
        groups = [(units[0], by_unit[units[0]] + joining, bool(joining))]
        return groups + ([(None, rest, False)] if rest else [])
    return [(u, cs, False) for u, cs in by_unit.items()]


def subject_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped under maximal subject sets; a claim joins one set that contains its subjects
    (a claim without subjects: the set its context weighs most; ties: the larger group)."""
    sets = {frozenset(c.subjects) for c in claims if c.subjects}
    anchors = sorted((s for s in sets if not any(s < t for t in sets)), key=lambda s: sorted(s))
    if len(anchors) <= 1:
        return [claims]
    size = {a: sum(1 for c in claims if c.subjects and frozenset(c.subjects) <= a) for a in anchors}
    groups: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for c in claims:
        own = frozenset(c.subjects)
        fitting = [a for a in anchors if own <= a]
        weights = dict(c.context)
        total = sum(weights.values()) or 1.0
        best = max(
            fitting,
            key=lambda a: (round(sum(weights.get(e, 0.0) for e in a) / total, 6), size[a], sorted(a)),
        )
        groups[best].append(c)
    return [groups[a] for a in anchors if groups[a]]


# ------------------------------------------------------------------------------------------ verdicts, notes
def _who(c: Claim) -> str:
    parts = [p for p in (c.source, c.speaker) if p]
    return " / ".join(dict.fromkeys(parts)) or f"document {c.doc[:8]}"


def verdict(claims: list[Claim]) -> str:
    """``conflict`` when two claims from different documents do not overlap, else ``agree``.

    O(n log n): if any such pair exists, one of them pairs the lowest upper bound with the highest lower
    bound, or one of those with the best claim of another document.
    """
    ivs = [(c, interval(c)) for c in claims]
    by_high = sorted(ivs, key=lambda ci: (ci[1].high, not ci[1].high_open))
    by_low = sorted(ivs, key=lambda ci: (ci[1].low, ci[1].low_open), reverse=True)
    lowest, highest = by_high[0], by_low[0]
    candidates = [(lowest, highest)]
    if lowest[0].doc == highest[0].doc:
        doc = lowest[0].doc
        other_high = next((ci for ci in by_high if ci[0].doc != doc), None)
        other_low = next((ci for ci in by_low if ci[0].doc != doc), None)
        candidates = [(x, y) for x, y in ((other_high, highest), (lowest, other_low)) if x and y]
    clash = any(x[0].doc != y[0].doc and not x[1].overlaps(y[1]) for x, y in candidates)
    return "conflict" if clash else "agree"


def blocks(claims: list[Claim]) -> list[list[Claim]]:
    """Claims in blocks whose intervals share a common range (lowest first): the sides of a conflict."""
    out: list[tuple[Interval, list[Claim]]] = []
    for c in sorted(claims, key=lambda c: (interval(c).low, interval(c).high, c.id)):
        iv = interval(c)
        for i, (common, members) in enumerate(out):
            if common.overlaps(iv):
                low = max(common.low, iv.low)
                high = min(common.high, iv.high)
                out[i] = (Interval(low, high), [*members, c])
                break
        else:
            out.append((iv, [c]))
    return [members for _, members in out]


def _side(members: list[Claim]) -> str:
    said: dict[str, list[str]] = {}
    for c in members:
        said.setdefault(f"{c.text!r}", []).append(_who(c) + (" (copy)" if c.copy_of else ""))
    return "; ".join(f"{text} ({', '.join(dict.fromkeys(who))})" for text, who in said.items())


def note(
    measure: str,
    claims: list[Claim],
    conflict: bool,
    scope: str | None,
    unit_assumed: bool,
) -> str:
    """One line for people: who says what, and why the values do or do not fit together."""
    head = measure.removeprefix(RANK_PREFIX) + (" (rank)" if measure.startswith(RANK_PREFIX) else "")
    head += f", {scope}" if scope else ""
    if conflict:
        sides = blocks(claims)
        ranges = " vs ".join(f"{_side(side)} {_common(side)}" for side in sides)
        text = f"{head}: conflict, the values do not overlap — {ranges}"
    else:
        text = f"{head}: agree — {_side(claims)}; every range overlaps {_common(claims)}"
    if unit_assumed:
        text += " (a claim without unit was read in the others' unit)"
    return text


def _common(claims: list[Claim]) -> str:
    ivs = [interval(c) for c in claims]
    low = max(ivs, key=lambda i: (i.low, i.low_open))
    high = min(ivs, key=lambda i: (i.high, not i.high_open))
    if low.low > high.high:
        return ""
    return str(Interval(low.low, high.high, low.low_open, high.high_open))


def compare(claims: Iterable[Claim], synonyms: dict[str, str] | None = None) -> list[Comparison]:
    """All comparisons among the claims, in a stable order."""
    synonyms = synonyms or {}
    by_measure: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        key = synonyms.get(c.measure.lower(), c.measure)
        if c.rank:
            key = RANK_PREFIX + key
        by_measure[(c.story or "", key)].append(c)
    out: list[Comparison] = []
    for (_story, measure), group in sorted(by_measure.items()):
        if len({c.doc for c in group}) < 2:
            continue
        for scope, scoped in sorted(scope_groups(group).items(), key=lambda kv: kv[0] or ""):
            for unit, united, assumed in unit_groups(scoped):
                for members in subject_groups(united):
                    if len({c.doc for c in members}) < 2:
                        continue
                    members = sorted(members, key=lambda c: (c.published or "", c.doc, c.id))
                    said = verdict(members)
                    ids = [c.id for c in members]
                    subjects = sorted({s for c in members for s in c.subjects})
                    out.append(
                        Comparison(
                            id="c_" + content_id(*sorted(ids), length=12),
                            measure=measure,
                            subjects=subjects,
                            time=scope,
                            unit=unit,
                            verdict=said,
                            quantities=ids,
                            note=note(measure, members, said == "conflict", scope, assumed),
                        )
                    )
    return out
