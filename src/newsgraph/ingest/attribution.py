"""The outlet and the agencies an article names as its sources (rules in ``lang/<lang>/metadata/``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from newsgraph.ingest.evidence import Evidence, region
from newsgraph.ingest.patterns import alternation, expand, line_of
from newsgraph.lang import load_toml

WINDOW_BEFORE = 200  # characters before an agency's name that a cue may stand in ("sagte er am Montag der")
WINDOW_AFTER = 120  # ... and after it ("TASS zufolge", "AFP/Reuters und dpa")
EVIDENCE_PER_VALUE = 3  # stored evidence entries per (field, value); the decision reads them all
ItemKind = Literal["agency", "generic", "initials", "outlet", "other"]


@dataclass(slots=True)
class Attribution:
    source: str | None = None
    agencies: list[str] = field(default_factory=list)
    unspecified: bool = False  # "Quelle: Agenturen": agency copy, agencies not named
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    scope: str
    all_known: bool
    outlet: str | None
    unspecified: bool
    needs_agency: bool  # the pattern names an agency or a generic word: skipped when the text has none
    unknown_credit: bool = False  # lower-case credits not in the agency list are agencies ("(zpd)")
    unknown_name: bool = False  # a name the agency list lacks is an agency ("laut der Nachrichtenagentur X")


@dataclass(frozen=True, slots=True)
class _Table:
    rules: tuple[_Rule, ...]
    names: dict[str, str]  # alias → canonical agency name
    named: re.Pattern[str]  # any alias or generic word: rules that need one look only near these
    folded: dict[str, str]  # casefolded alias → canonical
    generic: frozenset[str]  # casefolded
    prefixes: tuple[str, ...]
    not_outlet: frozenset[str]  # casefolded
    staff_marks: frozenset[str]  # "red", "hrsg": never an agency
    sep: re.Pattern[str]
    initials: re.Pattern[str]
    ignorable: re.Pattern[str]
    outlet: re.Pattern[str]
    domain: re.Pattern[str]
    credit: re.Pattern[str]


def agency_names(lang: str = "de") -> dict[str, str]:
    """Every known written form of an agency → its canonical name."""
    names: dict[str, str] = {}
    for entry in load_toml(lang, "metadata/agencies.toml")["agency"]:
        for alias in (entry["name"], *entry.get("aliases", ())):
            names[alias] = entry["name"]
    return names


@cache
def _table(lang: str) -> _Table:
    data = load_toml(lang, "metadata/attribution.toml")
    names = agency_names(lang)
    lists = data["lists"]
    ph: dict[str, str] = dict(data["placeholders"])
    ph["A"] = alternation(names)
    ph["AGENCY"] = alternation(names, group="agency")
    ph["GENERIC"] = alternation(lists["generic"])
    rules = tuple(
        _Rule(
            name=r["name"],
            regex=re.compile(expand(r["pattern"], ph), re.MULTILINE),
            scope=r.get("scope", "anywhere"),
            all_known=bool(r.get("all_known", False)),
            outlet=r.get("outlet"),
            unspecified=bool(r.get("unspecified", False)),
            needs_agency=any(p in expand(r["pattern"], _marks(ph)) for p in ("\x00A", "\x00G")),
            unknown_credit=bool(r.get("unknown_credit", False)),
            unknown_name=bool(r.get("unknown_name", False)),
        )
        for r in data["rule"]
    )
    return _Table(
        rules=rules,
        names=names,
        named=re.compile(alternation([*names, *lists["generic"]])),
        folded={alias.casefold(): name for alias, name in names.items()},
        generic=frozenset(w.casefold() for w in lists["generic"]),
        prefixes=tuple(f"{p.casefold()} " for p in lists["list_prefixes"]),
        not_outlet=frozenset(w.casefold() for w in lists["not_outlet_words"]),
        staff_marks=frozenset(w.casefold() for w in lists.get("staff_marks", ())),
        sep=re.compile(expand(ph["SEP"], ph)),
        initials=re.compile(ph["INITIALS"]),
        ignorable=re.compile(ph["IGNORABLE"]),
        outlet=re.compile(ph["OUTLET"]),
        domain=re.compile(ph["DOMAIN"]),
        credit=re.compile(ph["CREDIT"], re.IGNORECASE | re.MULTILINE),
    )


def _marks(ph: dict[str, str]) -> dict[str, str]:
    """The placeholders with agency and generic words replaced by markers (to see what a rule needs)."""
    return {**ph, "A": "\x00A", "AGENCY": "\x00A", "GENERIC": "\x00G"}


def rule_names(lang: str = "de") -> list[str]:
    return [rule.name for rule in _table(lang).rules]


def find_attribution(text: str, lang: str = "de") -> Attribution:
    table = _table(lang)
    evidence: list[Evidence] = []
    near = _windows(text, table)
    for rule in table.rules:
        start, end = region(text, rule.scope)
        spans = [(max(a, start), min(b, end)) for a, b in near] if rule.needs_agency else [(start, end)]
        for a, b in spans:
            if a >= b:
                continue
            for match in rule.regex.finditer(text, a, b):
                if not _in_credit_line(text, match.start(), table):
                    evidence.extend(_evidence(match, rule, table))
    return _collect(evidence)


def _windows(text: str, table: _Table) -> list[tuple[int, int]]:
    """Merged stretches around every agency or generic word: the only places agency rules can match."""
    out: list[tuple[int, int]] = []
    for match in table.named.finditer(text):
        a, b = max(0, match.start() - WINDOW_BEFORE), min(len(text), match.end() + WINDOW_AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _in_credit_line(text: str, pos: int, table: _Table) -> bool:
    line_start, _ = line_of(text, pos)
    return bool(table.credit.match(text, line_start, pos + 1))


def _evidence(match: re.Match[str], rule: _Rule, table: _Table) -> list[Evidence]:
    groups = match.groupdict()

    def ev(field_name: str, value: str | None) -> Evidence:
        return Evidence(field_name, value, rule.name, match.start(), match.end(), match.group(0))

    if groups.get("agency"):
        return [ev("agencies", table.names[groups["agency"]])]
    if rule.unspecified and groups.get("list") is None:
        return [ev("agencies_unspecified", None)]
    items = [_strip_prefix(item, table) for item in table.sep.split(groups.get("list") or "")]
    kinds = [(_classify(item, table), item) for item in items if item]
    if rule.all_known and (
        any(kind in ("outlet", "other") for kind, _ in kinds)
        or not any(kind in ("agency", "generic") for kind, _ in kinds)
    ):
        return []
    has_initials = any(kind == "initials" for kind, _ in kinds)
    out: list[Evidence] = []
    for kind, item in kinds:
        if kind == "agency":
            out.append(ev("agencies", _agency(item, table)))
        elif kind == "generic":
            out.append(ev("agencies_unspecified", None))
        elif kind in ("outlet", "initials") and rule.unknown_name:  # "Nachrichtenagentur TDH"
            out.append(ev("agencies", item))
        elif kind == "outlet" and _outlet_allowed(rule, item, has_initials, table):
            out.append(ev("source", item))
        elif (
            kind == "initials"
            and item.isalpha()
            and item.islower()
            and item.casefold() not in table.staff_marks
        ):
            # a lower-case credit: an agency where the rule says so ("Brüssel (zpd) –"), else kept as
            # credit_initials, which the corpus may later show to be an agency ("(zpd)" closing an article)
            out.append(ev("agencies" if rule.unknown_credit else "credit_initials", item))
    return out


def _strip_prefix(item: str, table: _Table) -> str:
    item = item.strip()
    folded = item.casefold()
    for prefix in table.prefixes:
        if folded.startswith(prefix):
            return item[len(prefix) :].strip()
    return item


def _agency(item: str, table: _Table) -> str | None:
    return table.names.get(item) or table.folded.get(item.casefold())


def _classify(item: str, table: _Table) -> ItemKind:
    if _agency(item, table):
        return "agency"
    if item.casefold() in table.generic:
        return "generic"
    if table.initials.match(item) or table.ignorable.match(item):
        return "initials"
    if table.outlet.match(item) and not any(w.casefold() in table.not_outlet for w in item.split()):
        return "outlet"
    return "other"


def _outlet_allowed(rule: _Rule, item: str, has_initials: bool, table: _Table) -> bool:
    if rule.outlet == "name":
        return True
    if rule.outlet == "domain_or_after_initials":
        return bool(table.domain.match(item)) or has_initials
    return False


def _collect(evidence: list[Evidence]) -> Attribution:
    evidence.sort(key=lambda e: (e.start, e.end, e.field, e.value or ""))
    unique: list[Evidence] = []
    seen: set[tuple[Any, ...]] = set()
    for e in evidence:
        key = (e.field, e.value, e.start, e.end)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    agencies: list[str] = []
    for e in unique:
        if e.field == "agencies" and e.value and e.value not in agencies:
            agencies.append(e.value)
    sources = [e for e in unique if e.field == "source" and e.value]
    trailer = sources[-1] if sources else None  # the one nearest the end decides the source
    return Attribution(
        source=trailer.value if trailer is not None else None,
        agencies=agencies,
        unspecified=any(e.field == "agencies_unspecified" for e in unique),
        evidence=_kept(unique, trailer),
    )


def _kept(evidence: list[Evidence], trailer: Evidence | None) -> list[Evidence]:
    """The evidence worth storing: the first ``EVIDENCE_PER_VALUE`` entries of each (field, value) and the
    source that decided. A text that cites one agency 40,000 times keeps a handful of entries, not
    megabytes of the same fact in ``meta["metadata_evidence"]``."""
    count: dict[tuple[str, str | None], int] = {}
    out: list[Evidence] = []
    for e in evidence:
        key = (e.field, e.value)
        count[key] = count.get(key, 0) + 1
        if count[key] <= EVIDENCE_PER_VALUE or e is trailer:
            out.append(e)
    return out
