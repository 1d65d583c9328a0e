"""Transliteration keys and name parsing: every rule's examples from the data files."""

from __future__ import annotations

import pytest

from newsgraph.lang import load_toml
from newsgraph.resolve import names

TRANSLIT = load_toml("de", "entities/transliteration.toml")
NAMES = load_toml("de", "entities/names.toml")


def _rule_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for kind in ("pre", "rewrite"):
        for entry in TRANSLIT.get(kind, []):
            assert entry.get("examples"), f"rule {entry['name']} has no examples"
            for given, expected in entry["examples"]:
                out.append((kind, entry["name"], given, expected))
    return out


@pytest.mark.parametrize(("kind", "name", "given", "expected"), _rule_cases())
def test_rule_example(kind: str, name: str, given: str, expected: str) -> None:
    pre, rewrites = names.rules("de")
    rule = next(r for r in (pre if kind == "pre" else rewrites) if r.name == name)
    if kind == "pre":
        assert rule.pattern.sub(rule.to[0], given) == expected
    else:
        assert expected in rule.apply(given)


@pytest.mark.parametrize(("token", "key"), [tuple(e) for t in TRANSLIT["key"] for e in t["examples"]])
def test_key_example(token: str, key: str) -> None:
    assert names.key(token) == key


@pytest.mark.parametrize("case", NAMES["parse"], ids=lambda c: c["text"])
def test_parse_example(case: dict) -> None:
    pn = names.parse(case["text"])
    assert list(pn.given) == case["given"]
    assert pn.surname == case["surname"]
    assert pn.suffix == case.get("suffix")


@pytest.mark.parametrize(
    ("token", "base"), [tuple(e) for t in NAMES["genitive_examples"] for e in t["examples"]]
)
def test_genitive_example(token: str, base: str) -> None:
    assert base in names.genitive_bases(token)


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("Kasim-Yomart Tokajew", "Qassym-Schomart Toqajew", True),
        ("Kasim-Yomart Tokajew", "Kassym-Jomart Tokayev", True),
        ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", True),
        ("Wladimir Putin", "W. Putin", True),
        ("Wladimir Wladimirowitsch Putin", "Wladimir Putin", True),
        ("Michail Gorbatschow", "Mikhail Gorbachev", True),
        ("Wladimir Klitschko", "Vitali Klitschko", False),
        ("George W. Bush", "George H. W. Bush", False),
        ("Jong-un Kim", "Jong-il Kim", False),  # given-name parts as in "Kim Jong-un" read Western-style
        ("Hillary Clinton", "Bill Clinton", False),
    ],
)
def test_given_compatibility(a: str, b: str, compatible: bool) -> None:
    ga, gb = names.given_parts(names.parse(a)), names.given_parts(names.parse(b))
    assert names.given_compatible(ga, gb) is compatible


def test_keys_never_empty_and_cyrillic_matches_german() -> None:
    assert names.keys("") == frozenset({""})
    assert names.keys("Токаев") & names.keys("Tokajew")
