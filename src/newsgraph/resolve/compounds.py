"""Hyphenated compound names "X-Head": synonym heads and institutions (``entities/compounds.toml``).

*Turan-Pipeline* and *Turan-Gasleitung* name one pipeline: a compound whose head is in a ``[[head_class]]``
gets a class key ``<key of X>#<class>`` that both share (``class_keys``). *US-Finanzministerium* and
*EU-Kommission* are institutions of their own, not part-mentions of the USA or the EU
(``institution``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from newsgraph import settings
from newsgraph.lang import load_toml
from newsgraph.resolve import names

CLASS_SEP = names.CLASS_SEP


@dataclass(frozen=True, slots=True)
class Compounds:
    classes: dict[str, tuple[str, ...]]  # head (lower-case) -> class names
    exact_heads: frozenset[str]  # institution heads matched whole (lower-case)
    closed_heads: tuple[str, ...]  # institution heads that also end closed compounds (lower-case)


@cache
def load(lang: str = settings.DEFAULT_LANGUAGE) -> Compounds:
    data = load_toml(lang, "entities/compounds.toml")
    classes: dict[str, list[str]] = {}
    for cls in data.get("head_class", []):
        for head in cls.get("heads", []):
            classes.setdefault(head.lower(), []).append(cls["name"])
    institutions = data.get("institution", [])
    return Compounds(
        classes={h: tuple(c) for h, c in classes.items()},
        exact_heads=frozenset(i["head"].lower() for i in institutions),
        closed_heads=tuple(i["head"].lower() for i in institutions if i.get("closed")),
    )


def split(form: str) -> tuple[str, str] | None:
    """(stem, head) of a hyphenated compound name: *Nord-Stream-Pipeline* -> (*Nord-Stream*, *Pipeline*)."""
    stem, sep, head = names.clean(form).rpartition("-")
    if not sep or not stem.strip("-") or not head:
        return None
    return stem.strip("-"), head


def head_classes(form: str, lang: str = settings.DEFAULT_LANGUAGE) -> tuple[str, tuple[str, ...]] | None:
    """(stem, class names) when the compound's head is in a ``[[head_class]]``."""
    parts = split(form)
    if parts is None:
        return None
    stem, head = parts
    classes = load(lang).classes.get(head.lower())
    return (stem, classes) if classes else None


def class_keys(
    form: str, stem_keys: Callable[[str], list[str]], lang: str = settings.DEFAULT_LANGUAGE
) -> list[str]:
    """The class keys of a compound name (``[]`` when its head is in no class); ``stem_keys`` keys the stem
    (the gazetteer's name keys)."""
    found = head_classes(form, lang)
    if found is None:
        return []
    stem, classes = found
    return [f"{k}{CLASS_SEP}{c}" for k in stem_keys(stem) for c in classes]


def institution(form: str, lang: str = settings.DEFAULT_LANGUAGE) -> bool:
    """Whether a compound *X-Head* names an institution of its own (*US-Finanzministerium*)."""
    parts = split(form)
    if parts is None:
        return False
    head = parts[1].lower()
    data = load(lang)
    return head in data.exact_heads or any(head.endswith(h) and len(head) > len(h) for h in data.closed_heads)
