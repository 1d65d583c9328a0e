"""Tokenizer fixes: every example of lang/de/tokenizer/*.toml runs here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.lang import load_toml
from newsgraph.nlp import tokenizer

RULES = load_toml("de", "tokenizer/rules.toml")["rule"]
RULE_CASES = [(r["name"], ex["text"], ex["tokens"]) for r in RULES for ex in r["examples"]]
QUOTE_CASES = [
    (ex["text"], ex["tokens"]) for ex in load_toml("de", "tokenizer/punctuation.toml")["quotes"]["examples"]
]
ABBREVIATIONS = load_toml("de", "tokenizer/abbreviations.toml")["abbreviation"]
ABBR_EXAMPLES = [(a["name"], ex) for a in ABBREVIATIONS for ex in a["examples"]]
FORMS = sorted({f for a in ABBREVIATIONS for f in a["forms"]})


def words(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


@pytest.mark.parametrize(
    ("rule", "text", "expected"), RULE_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in RULE_CASES]
)
def test_rule_examples(nlp_sents: Language, rule: str, text: str, expected: list[str]) -> None:
    assert words(nlp_sents, text) == expected


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES, ids=[c[0][:30] for c in QUOTE_CASES])
def test_quote_marks_are_tokens(nlp_sents: Language, text: str, expected: list[str]) -> None:
    assert words(nlp_sents, text) == expected


@pytest.mark.parametrize("form", FORMS)
def test_abbreviation_keeps_its_period(nlp_sents: Language, form: str) -> None:
    parts = form.split()
    assert words(nlp_sents, f"Das sind {form} Beispiele") == ["Das", "sind", *parts, "Beispiele"]
    # also glued to a closing bracket or before a comma
    assert words(nlp_sents, f"({form})")[1:-1] == parts
    assert words(nlp_sents, f"{form}, dann")[: len(parts)] == parts


@pytest.mark.parametrize(("name", "text"), ABBR_EXAMPLES, ids=[f"{c[0]}:{c[1][:30]}" for c in ABBR_EXAMPLES])
def test_abbreviation_examples(nlp_sents: Language, name: str, text: str) -> None:
    toks = words(nlp_sents, text)
    spellings = [a.form for a in tokenizer.abbreviations() if a.name == name]  # with compact "z.B."
    found = [f for f in spellings if f in text]
    assert found, f"example {text!r} shows none of the forms of {name!r}"
    for form in found:
        parts = form.split()
        assert any(toks[i : i + len(parts)] == parts for i in range(len(toks))), (form, toks)


def test_abbreviation_forms_are_unique() -> None:
    forms = [f for a in ABBREVIATIONS for f in a["forms"]]
    assert len(forms) == len(set(forms))
    assert all(f.endswith(".") for f in forms)


def test_every_abbreviation_part_is_a_special_case() -> None:
    cases = tokenizer.special_cases()
    for form in FORMS:
        for part in form.split():
            assert part in cases


def test_customize_is_idempotent(nlp_sents: Language) -> None:
    text = "Er sagte:„Nein!“Dann ging er sei.Kasachstan am 12. Nov. 2025 (z. B. 70 %)."
    before = words(nlp_sents, text)
    tokenizer.customize(nlp_sents)
    assert words(nlp_sents, text) == before


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "....",
        "„“",
        "«»‚‘",
        "!!!???",
        "-" * 500,
        "a" * 10_000,
        "\u200b\u00a0x",
        "z.B.Nr.5Mio.",
    ],
)
def test_odd_input_does_not_crash(nlp_sents: Language, text: str) -> None:
    doc = nlp_sents(text)
    assert doc.text == text
