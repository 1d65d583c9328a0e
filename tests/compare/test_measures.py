"""The measure data (lang/de/compare/measures.toml): every group's examples align, every cue example
resolves to its group, and the carriers give way to cues."""

from __future__ import annotations

import re

import pytest

from newsgraph.lang import load_toml
from newsgraph.resolve.compare import Claim, compare
from newsgraph.resolve.measures import synonyms, table

DATA = load_toml("de", "compare/measures.toml")
GROUPS = DATA["measure"]
MARKED = re.compile(r"\[([^\]]+)\]")


def resolve_marked(example: str) -> str | None:
    """``"Text mit [Zahl] … | Lemma"`` → the measure resolved for the bracketed number."""
    sentence, _, lemma = example.rpartition(" | ")
    m = MARKED.search(sentence)
    assert m, f"no [number] in {example!r}"
    text = sentence[: m.start()] + m.group(1) + sentence[m.end() :]
    span = (m.start(), m.start() + len(m.group(1)))
    lemma = None if lemma.strip() == "-" else lemma.strip()
    counted = (
        lemma is not None
        and text.find(lemma, span[1]) != -1
        and len(text[span[1] : text.find(lemma, span[1])].split()) <= 2
    )
    return table().resolve(lemma, text, span, (0, len(text)), lemma_counted=counted)


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g["name"])
def test_measure_examples_align(group: dict) -> None:
    claims = []
    for i, example in enumerate(group["example"]):
        measure, text = (part.strip() for part in example.split(":", 1))
        assert measure in group["lemmas"]
        claims.append(Claim(id=f"q{i}", doc=f"d{i}", text=text, value=1.0, measure=measure))
    [comparison] = compare(claims, synonyms())
    assert comparison.measure == group.get("label", group["lemmas"][0])


@pytest.mark.parametrize(
    ("label", "example"),
    [(g.get("label", g["lemmas"][0]), ex) for g in GROUPS for ex in g.get("cue_examples", [])],
)
def test_cue_examples(label: str, example: str) -> None:
    assert resolve_marked(example) == label, example


@pytest.mark.parametrize("example", DATA["carriers"]["examples"])
def test_carrier_examples_find_a_measure(example: str) -> None:
    sentence, _, lemma = example.rpartition(" | ")
    assert lemma.strip().lower() in table().carriers
    assert resolve_marked(example) not in (None, lemma.strip())


def test_a_counted_unknown_noun_keeps_its_lemma() -> None:
    text = (
        "Russland gehört mit einem Handelsvolumen von 30 Mrd. Dollar zu den drei wichtigsten Handelspartnern."
    )
    span = (text.index("drei"), text.index("drei") + 4)
    assert (
        table().resolve("Handelspartner", text, span, (0, len(text)), lemma_counted=True) == "Handelspartner"
    )


def test_every_lemma_in_one_group_only() -> None:
    seen: dict[str, str] = {}
    for g in GROUPS:
        for lemma in g["lemmas"]:
            assert lemma.lower() not in seen, f"{lemma} in {g['name']} and {seen[lemma.lower()]}"
            seen[lemma.lower()] = g["name"]
