"""Measure synonyms from the language data: lemma (lower case) → canonical measure."""

from __future__ import annotations

from functools import cache

from newsgraph.lang import load_toml


@cache
def synonyms(lang: str = "de") -> dict[str, str]:
    table: dict[str, str] = {}
    for group in load_toml(lang, "compare/measures.toml").get("measure", []):
        canonical = group["lemmas"][0]
        for lemma in group["lemmas"]:
            table[lemma.lower()] = canonical
    return table
