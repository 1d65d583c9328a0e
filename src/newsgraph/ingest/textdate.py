"""The publication date as the text states it (rules in ``lang/<lang>/metadata/dates.toml``).

Only explicit dates count. A day and month without a year ("Heute, am 12. November") takes its
year from a full date a few days away in the same text; otherwise it stays partial ("--11-12")
for the corpus-wide step ``resolve.dates``. No evidence, no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from newsgraph import settings
from newsgraph.ingest.evidence import Evidence, region
from newsgraph.ingest.patterns import expand
from newsgraph.lang import load_toml


@dataclass(slots=True)
class DateFinding:
    published: str | None = None  # "YYYY-MM-DD"
    partial: str | None = None  # "--MM-DD" when the text gives day and month only
    weekday: int | None = None  # ISO weekday named with a partial date (1 = Monday)
    conflict: list[str] = field(default_factory=list)  # disagreeing evidence: then no date
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    use: str
    priority: int
    scope: str
    requires: tuple[str, ...] = ()  # one of these (casefolded) must occur, else the rule is skipped


@dataclass(slots=True)
class _Candidate:
    rule: _Rule
    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None
    weekday: int | None
    note: str | None = None  # why it was rejected
    year_from: str | None = None  # where the year came from when the match had none

    @property
    def value(self) -> str:
        return (
            f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            if self.year
            else f"--{self.month:02d}-{self.day:02d}"
        )


@dataclass(frozen=True, slots=True)
class _Table:
    rules: tuple[_Rule, ...]
    weekdays: dict[str, int]
    months: dict[str, int]


@cache
def _table(lang: str) -> _Table:
    data = load_toml(lang, "metadata/dates.toml")
    weekdays = {k.casefold(): int(v) for k, v in data["weekdays"].items()}
    months = {k.casefold(): int(v) for k, v in data["months"].items()}
    ph = dict(data["placeholders"])
    ph["WEEKDAY"] = _names(weekdays, "weekday")
    ph["MONTH"] = _names(months, "month_name") + r"\.?"
    rules = tuple(
        _Rule(
            name=r["name"],
            regex=re.compile(expand(r["pattern"], ph), re.IGNORECASE | re.MULTILINE),
            use=r["use"],
            priority=int(r["priority"]),
            scope=r.get("scope", "anywhere"),
            requires=tuple(w.casefold() for w in r.get("requires", ())),
        )
        for r in data["rule"]
    )
    return _Table(rules, weekdays, months)


def _names(table: dict[str, int], group: str) -> str:
    words = sorted(table, key=lambda w: (-len(w), w))
    return rf"(?<!\w)(?P<{group}>{'|'.join(re.escape(w) for w in words)})(?!\w)"


def rule_names(lang: str = "de") -> list[str]:
    return [rule.name for rule in _table(lang).rules]


def find_published(text: str, lang: str = "de") -> DateFinding:
    table = _table(lang)
    finding = DateFinding()
    folded = text.casefold()
    pubs = _run([r for r in table.rules if r.use == "publication"], text, folded, table, finding)
    if any(c.year is None for c in pubs):  # context dates are needed only to give a day-month its year
        context = _run([r for r in table.rules if r.use == "context"], text, folded, table, finding)
        _complete_years(pubs, pubs + context)
    _decide(pubs, finding)
    return finding


def _run(rules: list[_Rule], text: str, folded: str, table: _Table, finding: DateFinding) -> list[_Candidate]:
    out: list[_Candidate] = []
    for rule in rules:
        if rule.requires and not any(word in folded for word in rule.requires):
            continue
        start, end = region(text, rule.scope)
        for match in rule.regex.finditer(text, start, end):
            cand = _candidate(match, rule, table)
            if cand is None:
                continue
            if cand.note and rule.use == "publication":  # rejected: say why
                finding.evidence.append(_evidence(cand, "rejected"))
            if not cand.note:
                out.append(cand)
    return out


def _candidate(match: re.Match[str], rule: _Rule, table: _Table) -> _Candidate | None:
    g = match.groupdict()
    try:
        day = int(g["day"])
        month = int(g["month"]) if g.get("month") else table.months[g["month_name"].casefold().rstrip(".")]
    except (KeyError, TypeError, ValueError):
        return None
    year = int(g["year"]) if g.get("year") else 2000 + int(g["year2"]) if g.get("year2") else None
    weekday = table.weekdays.get(g["weekday"].casefold()) if g.get("weekday") else None
    cand = _Candidate(rule, match.start(), match.end(), match.group(0), month, day, year, weekday)
    try:
        date = dt.date(year or 2000, month, day)  # 2000: a leap year, so 29 February is possible
    except ValueError:
        cand.note = "not a valid date"
        return cand
    if year and weekday and date.isoweekday() != weekday:
        cand.note = "weekday does not match the date"
    return cand


def _complete_years(partial: list[_Candidate], dated: list[_Candidate]) -> None:
    """A day-month takes its year from a full date of the same text a few days away (one year only)."""
    full = [dt.date(c.year, c.month, c.day) for c in dated if c.year]
    window = settings.CONTEXT_DATE_WINDOW_DAYS
    for cand in partial:
        if cand.year:
            continue
        years: dict[int, dt.date] = {}
        for anchor in full:
            for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                try:
                    date = dt.date(year, cand.month, cand.day)
                except ValueError:
                    continue
                if abs((date - anchor).days) <= window and (
                    not cand.weekday or date.isoweekday() == cand.weekday
                ):
                    years.setdefault(year, anchor)
        if len(years) == 1:
            year, anchor = next(iter(years.items()))
            cand.year = year
            cand.year_from = f"year from {anchor.isoformat()} in the text"


def _decide(pubs: list[_Candidate], finding: DateFinding) -> None:
    if not pubs:
        return
    top = max(c.rule.priority for c in pubs)
    best = [c for c in pubs if c.rule.priority == top]
    values = sorted({c.value for c in best})
    month_days = {c.value[-5:] for c in best}
    full = [v for v in values if not v.startswith("--")]
    if len(month_days) > 1 or len(full) > 1:
        finding.conflict = values
        finding.evidence.extend(_evidence(c, "conflict") for c in best)
        return
    if full:
        finding.published = full[0]
        finding.evidence.extend(_evidence(c, "published") for c in best if c.year)
        return
    finding.partial = values[0]
    finding.weekday = next((c.weekday for c in best if c.weekday), None)
    finding.evidence.extend(_evidence(c, "published_partial") for c in best)


def _evidence(cand: _Candidate, kind: str) -> Evidence:
    field_name = "published_partial" if kind == "published_partial" else "published"
    note = cand.note or cand.year_from
    if kind in ("rejected", "conflict"):
        note = f"{kind}: {note}" if note else kind
    return Evidence(field_name, cand.value, cand.rule.name, cand.start, cand.end, cand.text, note)
