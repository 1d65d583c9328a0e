"""HeidelTime-style named rules from ``lang/<lang>/timex/rules.toml``, compiled once per process.

A rule is a regex written with placeholders (``{month}``, ``{weekday}``: alternations built from
the vocabulary tables; ``{day}``, ``{year}``: fragments of the rules file), a type, the name of a
normalizer and its parameters, and the examples the tests run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph import lang
from newsgraph.extract.timex import vocab as vocab_mod

TYPES = ("DATE", "TIME", "DURATION", "SET")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z_0-9]*)\}")


@dataclass(frozen=True)
class Example:
    text: str
    extent: str
    value: str
    anchor: str | None = "2025-11-11"
    mod: str | None = None
    type: str | None = None


@dataclass
class Rule:
    name: str
    pattern: str
    regex: re.Pattern[str]
    type: str
    norm: str
    params: dict[str, Any] = field(default_factory=dict)
    priority: int = 0
    checks: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    # a cheap prefilter: the rule can only match a text containing one of these (lower-case) strings
    needles: tuple[str, ...] = ()


def expand(pattern: str, fragments: dict[str, str], places: dict[str, str], where: str) -> str:
    """Replace ``{name}`` placeholders (fragments may themselves use placeholders)."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fragments:
            return expand(fragments[name], fragments, places, where)
        if name in places:
            return places[name]
        raise ValueError(f"{where}: unknown placeholder {{{name}}}")

    return _PLACEHOLDER.sub(sub, pattern)


def _examples(raw: list[Any], where: str) -> tuple[Example, ...]:
    out = []
    for ex in raw:
        if not isinstance(ex, dict) or not {"text", "extent", "value"} <= set(ex):
            raise ValueError(f"{where}: an example needs text, extent and value: {ex!r}")
        out.append(
            Example(
                text=ex["text"],
                extent=ex["extent"],
                value=ex["value"],
                anchor=ex.get("anchor", "2025-11-11") or None,
                mod=ex.get("mod"),
                type=ex.get("type"),
            )
        )
    return tuple(out)


def _needles(requires: list[str], voc: vocab_mod.Vocab, where: str) -> tuple[str, ...]:
    """``requires``: vocab table or list names, or literal strings written ``=text``."""
    out: set[str] = set()
    for item in requires:
        if item.startswith("="):
            out.add(item[1:].lower())
            continue
        keys = voc.tables.get(item) or voc.lists.get(item)
        if keys is None:
            raise ValueError(f"{where}: requires unknown table {item!r}")
        out.update(k.split(" ")[0].rstrip(".") for k in keys)
    return tuple(sorted(n for n in out if n))


@cache
def load(lang_code: str = "de") -> tuple[Rule, ...]:
    data = lang.load_toml(lang_code, "timex/rules.toml")
    voc = vocab_mod.load(lang_code)
    places = voc.placeholders()
    fragments = dict(data.get("fragments", {}))
    rules = []
    seen = set()
    for raw in data.get("rules", []):
        name = raw.get("name")
        where = f"timex rules {lang_code}: rule {name!r}"
        if not name or name in seen:
            raise ValueError(f"{where}: missing or duplicate name")
        seen.add(name)
        if raw.get("type") not in TYPES:
            raise ValueError(f"{where}: type must be one of {TYPES}")
        pattern = expand(raw["pattern"], fragments, places, where)
        flags = 0 if raw.get("case") else re.IGNORECASE
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from exc
        needles = _needles(raw.get("requires", []), voc, where)
        examples = _examples(raw.get("examples", []), where)
        if not examples:
            raise ValueError(f"{where}: every rule needs at least one example")
        rules.append(
            Rule(
                name=name,
                pattern=raw["pattern"],
                regex=regex,
                type=raw["type"],
                norm=raw.get("norm", "date"),
                params=dict(raw.get("params", {})),
                priority=int(raw.get("priority", 0)),
                checks=tuple(raw.get("checks", ())),
                examples=examples,
                needles=needles,
            )
        )
    return tuple(rules)
