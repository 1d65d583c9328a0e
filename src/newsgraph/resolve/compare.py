"""Cross-source comparison: align claims about the same thing and give a verdict.

A claim is a quantity with its measure, subjects, time scope and unit. Claims about the same
measure of the same subjects, in the same time scope and unit, from different documents, are
compared as intervals (the qualifier widens a value into the range it asserts):

    exact   the value as rounded in the text: "4" → [3.5, 4.5), "27,8" → [27.75, 27.85)
    approx  ± ``APPROX_TOLERANCE`` (etwa, rund): "etwa 27" → [24.3, 29.7]
    almost  just below: "fast 30" → [27, 30)
    more_than (X, ∞) · at_least [X, ∞) · less_than (-∞, X) · at_most (-∞, X]
    range   [low, high] ("20 bis 30")

Verdict: ``agree`` when every pair of claims from different documents overlaps, else ``conflict``.
Different time scopes are never compared (27.8 bn in 2024 vs 20 bn in January–September 2025).
A claim without a time scope is read as the latest whole year up to its document's date, so
"fast 30 Milliarden" (no year) meets "27,8 Milliarden … im Jahr 2024" but not the nine-month figure.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.model import Comparison, content_id

APPROX_TOLERANCE = 0.10
ALMOST_TOLERANCE = 0.10
WHOLE_YEAR = re.compile(r"^\d{4}$")


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
        lo = "(" if self.low_open else "["
        hi = ")" if self.high_open else "]"
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
    if not m or value == 0:
        return abs(value) * 0.005
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
    r = rounding(claim.text, v)
    return Interval(v - r, v + r, high_open=True)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _scope_groups(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    """Split claims by time scope; claims without one join the latest whole year up to their date."""
    scoped: dict[str | None, list[Claim]] = defaultdict(list)
    loose: list[Claim] = []
    for c in claims:
        (scoped[c.time] if c.time else loose).append(c)
    years = sorted((int(t), t) for t in scoped if t and WHOLE_YEAR.match(t))
    for c in loose:
        limit = _year(c.published)
        fitting = [t for y, t in years if limit is None or y <= limit]
        scoped[fitting[-1] if fitting else None].append(c)
    return scoped


def _unit_groups(claims: list[Claim]) -> list[tuple[str | None, list[Claim], bool]]:
    """Split by unit; unit-less claims join the group when exactly one unit is present."""
    by_unit: dict[str | None, list[Claim]] = defaultdict(list)
    for c in claims:
        by_unit[c.unit].append(c)
    units = [u for u in by_unit if u is not None]
    if len(units) == 1 and None in by_unit:
        return [(units[0], by_unit[units[0]] + by_unit[None], True)]
    return [(u, cs, False) for u, cs in by_unit.items()]


def _subject_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Claims whose subjects overlap belong together; claims with no subjects join every group."""
    named = [c for c in claims if c.subjects]
    bare = [c for c in claims if not c.subjects]
    parent = list(range(len(named)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(named):
        for j in range(i):
            if set(a.subjects) & set(named[j].subjects):
                parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(named):
        groups[find(i)].append(c)
    if not groups:
        return [bare] if bare else []
    return [g + bare for g in groups.values()]


def _who(c: Claim) -> str:
    parts = [p for p in (c.source, c.speaker) if p]
    return " / ".join(dict.fromkeys(parts)) or f"document {c.doc[:8]}"


def _verdict(claims: list[Claim]) -> tuple[str, list[tuple[Claim, Claim]]]:
    conflicts = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.doc != b.doc and not interval(a).overlaps(interval(b)):
                conflicts.append((a, b))
    return ("conflict" if conflicts else "agree"), conflicts


def _note(
    measure: str,
    claims: list[Claim],
    conflicts: list[tuple[Claim, Claim]],
    scope: str | None,
    unit_assumed: bool,
) -> str:
    said = "; ".join(f"{_who(c)}: {c.text!r} {interval(c)}" for c in claims)
    head = f"{measure}" + (f" ({scope})" if scope else "")
    if conflicts:
        pairs = "; ".join(f"{_who(a)} vs {_who(b)}" for a, b in conflicts)
        text = f"{head}: the values do not overlap ({pairs}). {said}"
    else:
        text = f"{head}: compatible values. {said}"
    if unit_assumed:
        text += " (a claim without unit was read in the others' unit)"
    return text


def compare(claims: Iterable[Claim], synonyms: dict[str, str] | None = None) -> list[Comparison]:
    """All comparisons among the claims, in a stable order."""
    synonyms = synonyms or {}
    by_measure: dict[tuple[str | None, str], list[Claim]] = defaultdict(list)
    for c in claims:
        key = synonyms.get(c.measure.lower(), c.measure.lower())
        by_measure[(c.story, key)].append(c)
    out: list[Comparison] = []
    for (_story, measure), group in sorted(by_measure.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if len({c.doc for c in group}) < 2:
            continue
        for scope, scoped in _scope_groups(group).items():
            for unit, united, assumed in _unit_groups(scoped):
                for members in _subject_groups(united):
                    if len({c.doc for c in members}) < 2:
                        continue
                    members = sorted(members, key=lambda c: (c.published or "", c.doc, c.id))
                    verdict, conflicts = _verdict(members)
                    ids = [c.id for c in members]
                    subjects = sorted({s for c in members for s in c.subjects})
                    out.append(
                        Comparison(
                            id="c_" + content_id(*sorted(ids), length=12),
                            measure=measure,
                            subjects=subjects,
                            time=scope,
                            unit=unit,
                            verdict=verdict,
                            quantities=ids,
                            note=_note(members[0].measure, members, conflicts, scope, assumed),
                        )
                    )
    return out
