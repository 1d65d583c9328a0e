"""Every rule's EXAMPLE lines (lang/de/timex/rules.toml), run as tests: extent, value, mod, type."""

from __future__ import annotations

import pytest

from newsgraph.extract.timex import rules as rules_mod
from newsgraph.extract.timex import tag
from newsgraph.extract.timex.rules import Example, Rule

RULES = rules_mod.load("de")
CASES = [(r, ex) for r in RULES for ex in r.examples]


@pytest.mark.parametrize(("rule", "example"), CASES, ids=[f"{r.name}:{i}" for i, (r, _) in enumerate(CASES)])
def test_rule_example(rule: Rule, example: Example) -> None:
    found = tag(example.text, example.anchor)
    got = {t.text: t for t in found}
    assert example.extent in got, f"{rule.name}: {example.extent!r} not tagged in {example.text!r}: {found}"
    t = got[example.extent]
    assert t.value == example.value, f"{rule.name}: {example.text!r}: {t}"
    if example.mod is not None:
        assert t.mod == example.mod, t
    if example.type is not None:
        assert t.type == example.type, t


def test_every_rule_has_examples_and_a_unique_name() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.examples for r in RULES)


def test_bad_rules_file_is_reported(tmp_path, monkeypatch) -> None:
    from newsgraph.extract.timex import vocab

    with pytest.raises(ValueError, match="unknown placeholder"):
        rules_mod.expand("{nosuchtable}", {}, vocab.load("de").placeholders(), "test")
