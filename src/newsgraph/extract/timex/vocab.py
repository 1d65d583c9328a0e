"""The normalization tables of ``lang/<lang>/timex/vocab.toml``: lookups and regex alternations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph import lang

_SPACE = re.compile(r"\s+")


def norm_key(text: str) -> str:
    """The lookup form of a matched word: lower-case, single spaces."""
    return _SPACE.sub(" ", text.strip().lower())


def alternation(keys: list[str]) -> str:
    """A non-capturing regex alternation of literal keys, longest first; spaces match any whitespace."""
    parts = []
    for key in sorted(set(keys), key=lambda k: (-len(k), k)):
        parts.append(r"\s*".join(re.escape(p) for p in key.split(" ")) if " " in key else re.escape(key))
    return "(?:" + "|".join(parts) + ")"


@dataclass
class Vocab:
    """The tables of one language; ``table(name)`` maps normalized keys to values."""

    lang: str
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def table(self, name: str) -> dict[str, Any]:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"timex vocabulary {self.lang!r} has no table {name!r}") from None

    def lookup(self, name: str, text: str) -> Any:
        """The value of ``text`` in table ``name`` (a trailing dot is tolerated), or None."""
        tab = self.table(name)
        key = norm_key(text)
        if key in tab:
            return tab[key]
        if key.endswith(".") and key[:-1] in tab:
            return tab[key[:-1]]
        if key + "." in tab:
            return tab[key + "."]
        return None

    def has(self, list_name: str, word: str) -> bool:
        return norm_key(word) in self.lists.get(list_name, frozenset())

    def placeholders(self) -> dict[str, str]:
        """``{table}`` -> regex alternation of its keys (and of its list items)."""
        out = {name: alternation(list(tab)) for name, tab in self.tables.items()}
        for name, items in self.lists.items():
            out[name] = alternation(list(items))
        return out


@cache
def load(lang_code: str = "de") -> Vocab:
    data = lang.load_toml(lang_code, "timex/vocab.toml")
    vocab = Vocab(lang=lang_code, examples=dict(data.get("examples", {})))
    for name, tab in data.items():
        if name in ("examples", "lists"):
            continue
        if not isinstance(tab, dict):
            raise ValueError(f"timex vocab {lang_code}: [{name}] must be a table")
        vocab.tables[name] = {norm_key(k): v for k, v in tab.items()}
    for name, items in data.get("lists", {}).items():
        vocab.lists[name] = frozenset(norm_key(i) for i in items)
    return vocab
