"""The gazetteer rules of lang/de/ner/rules.toml, each run on its own examples (no model)."""

from __future__ import annotations

import pytest

from newsgraph.nlp import ner, ner_rules, pipeline

CASES = [(r.name, *ex[:3], ex[3] if len(ex) > 3 else None) for r in ner_rules.rules() for ex in r.examples]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(())


@pytest.mark.parametrize(("rule", "text", "mention", "label", "model_label"), CASES)
def test_rule_examples(nlp, rule: str, text: str, mention: str, label: str, model_label: str | None) -> None:
    doc = nlp(text)
    model = []
    if model_label:
        given, _, target = model_label.partition("@")
        target = target or mention
        span = doc.char_span(text.index(target), text.index(target) + len(target))
        model = [(span.start, span.end, given)]
    found = {(doc[s:e].text, lab) for s, e, lab in ner_rules.apply(doc, model)}
    assert (mention, label) in found


def test_rules_leave_model_mentions_alone(nlp) -> None:
    doc = nlp("Die kasachische Regierung tagte.")
    model_chunk = (1, 2, "ORG")
    assert ner_rules.apply(doc, [model_chunk]) == [model_chunk]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PER", ("PER", "name")),
        ("LOCderiv", ("LOC", "deriv")),
        ("ORGpart", ("ORG", "part")),
        ("OTH", ("MISC", "name")),
        ("OTHderiv", ("MISC", "deriv")),
    ],
)
def test_label_mapping(label: str, expected: tuple[str, str]) -> None:
    assert ner.split_label(label) == expected


def test_unknown_label() -> None:
    with pytest.raises(ValueError, match="XYZ"):
        ner.split_label("XYZ")
