"""The rules of lang/de/ner/rules.toml and the cues of cues.toml, each run on its own examples (no model;
the part-of-speech tagger runs, as in the pipeline)."""

from __future__ import annotations

import pytest

from newsgraph import settings
from newsgraph.lang import load_toml
from newsgraph.model import Document
from newsgraph.nlp import ner, ner_document, ner_rules, pipeline

CUES = load_toml("de", "ner/cues.toml")
SECTIONS = (
    "object_compound",
    "never_alone",
    "coordination",
    "adjective_name",
    "institution_for",
    "place_suffix",
    "company_form",
)
CUE_CASES = [
    (section["name"], *ex[:3], ex[3] if len(ex) > 3 else None)
    for section in [
        *CUES["cue"],
        *(CUES[k] for k in SECTIONS),
        load_toml("de", "ner/cities.toml")["cities"],
    ]
    for ex in section.get("examples", [])
]
CASES = [(r.name, *ex[:3], ex[3] if len(ex) > 3 else None) for r in ner_rules.rules() for ex in r.examples]


CURRENCY_RULE = "currency_unit_words"  # off by default (GermEval tags currencies OTH): on for its examples


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(("ng_hanta",))


def run_example(nlp, text: str, mention: str, model_label: str | None) -> set[tuple[str, str]]:
    """The rules' mentions (text, label) on ``text``, given model mentions: ``LABEL`` on the mention
    itself, ``LABEL@other text`` on another text, ``LABEL@text#2`` on its 2nd occurrence; ``|`` joins."""
    doc = nlp(text)
    model = []
    for item in (model_label or "").split("|"):
        if not item:
            continue
        given, _, target = item.partition("@")
        target, _, nth = (target or mention).partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(target, start + 1)
        span = doc.char_span(start, start + len(target))
        model.append((span.start, span.end, given))
    return {(doc[s:e].text, lab) for s, e, lab in ner.non_overlapping(ner_rules.apply(doc, model))}


def check_example(
    nlp, monkeypatch, name: str, text: str, mention: str, label: str, model_label: str | None
) -> None:
    """A data example: ``mention`` found with ``label``, or gone when ``label`` is ""."""
    monkeypatch.setattr(settings, "NER_CURRENCY_NAMES", name != CURRENCY_RULE)
    found = run_example(nlp, text, mention, model_label)
    if label:
        assert (mention, label) in found
    else:  # "": the mention must be gone
        assert not any(text == mention for text, _ in found), found


@pytest.mark.parametrize(("rule", "text", "mention", "label", "model_label"), CASES)
def test_rule_examples(
    nlp, monkeypatch, rule: str, text: str, mention: str, label: str, model_label: str | None
) -> None:
    check_example(nlp, monkeypatch, rule, text, mention, label, model_label)


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


@pytest.mark.parametrize(("cue", "text", "mention", "label", "model_label"), CUE_CASES)
def test_cue_examples(
    nlp, monkeypatch, cue: str, text: str, mention: str, label: str, model_label: str | None
) -> None:
    check_example(nlp, monkeypatch, cue, text, mention, label, model_label)


def test_every_rule_kind_is_known() -> None:
    engine = {"retype", "part_retype", "propagate", "name", "adjective", "prefix", *ner_document.KINDS}
    assert {r.kind for r in ner_rules.rules()} <= engine


def test_outlet_names_are_organizations(nlp) -> None:
    text = "Taschkent (zpd) – Laut Steppenkurier und der Agentur Sharq-Press war es ruhig. [red/zpd]"
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d", text=text, source="Steppenkurier", agencies=["zpd", "Sharq-Press"])
    doc = nlp(doc)
    found = {(doc[s:e].text, lab) for s, e, lab in ner_rules.apply(doc, [])}
    assert {("zpd", "ORG"), ("Steppenkurier", "ORG"), ("Sharq-Press", "ORG")} <= found


def test_vote_keeps_known_names_and_ties(nlp) -> None:
    doc = nlp("Er reiste nach Kasachstan.")
    chunks = [(3, 4, "LOC")]
    assert ner_rules.apply(doc, chunks) == chunks
    doc = nlp("Müller kam. Müller ging.")
    tie = [(0, 1, "PER"), (3, 4, "ORG")]
    assert sorted(ner_document.vote(doc, tie, "de")) == tie


def test_currency_kept_by_default(nlp, monkeypatch) -> None:
    monkeypatch.setattr(settings, "NER_CURRENCY_NAMES", True)
    doc = nlp("rund 120 Millionen Euro")
    assert ner_rules.apply(doc, [(3, 4, "OTH")]) == [(3, 4, "OTH")]


def test_given_names_need_the_tagger() -> None:
    """Without part-of-speech tags a compound noun left of a name is not taken for given names."""
    doc = pipeline.build(())("an Löwen-Keeper Hofmann vorbei")
    assert ner_document.extend_person(doc, [(2, 3, "PER")], "de") == [(2, 3, "PER")]


def test_compound_noun_is_no_given_name(nlp) -> None:
    doc = nlp("an Löwen-Keeper Hofmann vorbei")
    assert ner_document.extend_person(doc, [(1, 2, "ORGpart"), (2, 3, "PER")], "de") == [
        (1, 2, "ORGpart"),
        (2, 3, "PER"),
    ]
