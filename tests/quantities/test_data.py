"""Every entry of lang/de/quantities/*.toml, run on its own example."""

from __future__ import annotations

import math
from typing import Any

import pytest

from newsgraph.extract.quantities import atoms, find
from newsgraph.lang import load_toml

from .helpers import make_doc, pick, run


def _data(name: str) -> dict[str, Any]:
    return load_toml("de", f"quantities/{name}")


def _entries(name: str, *tables: str) -> list[Any]:
    data = _data(name)
    out = []
    for table in tables:
        for entry in data.get(table, []):
            out.append(pytest.param(table, entry, id=f"{table}:{entry['name']}"))
    return out


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize(
    ("table", "entry"),
    _entries("numbers.toml", "atom", "special", "article", "scale", "fraction", "half_noun", "bare", "sign"),
)
def test_number_words(table: str, entry: dict[str, Any]) -> None:
    values = [f.value for f in atoms(entry["example"]) if f.kind in ("cardinal", "fraction")]
    assert any(_close(v, entry["expect"]) for v in values), (entry["example"], values)


def test_number_range() -> None:
    r = _data("numbers.toml")["range"]
    found = find(r["example"])
    assert len(found) == 1
    assert _close(found[0].value, r["expect"]) and _close(found[0].value_max or 0, r["expect_max"])


@pytest.mark.parametrize(("table", "entry"), _entries("ordinals.toml", "relative", "relative_from_end"))
def test_relative_ordinals(table: str, entry: dict[str, Any]) -> None:
    got = [f.relative for f in atoms(entry["example"]) if f.kind == "relative"]
    assert got == [entry["expect"]]
    assert not find(entry["example"]), "relative ordinals are no quantities"


@pytest.mark.parametrize(("table", "entry"), _entries("ordinals.toml", "adverb"))
def test_adverb_ordinals(table: str, entry: dict[str, Any]) -> None:
    got = [f.value for f in atoms(entry["example"]) if f.kind == "ordinal"]
    assert got == [entry["expect"]]


@pytest.mark.parametrize(("table", "entry"), _entries("ordinals.toml", "rank_noun", "superlative"))
def test_ranks(table: str, entry: dict[str, Any]) -> None:
    ranks = [f for f in find(entry["example"]) if f.is_rank]
    assert [f.value for f in ranks] == [entry["expect"]]


@pytest.mark.parametrize(("table", "entry"), _entries("qualifiers.toml", "qualifier"))
def test_qualifiers(table: str, entry: dict[str, Any]) -> None:
    found = find(entry["example"])
    assert found and found[0].qualifier == entry["expect"]


@pytest.mark.parametrize("sentence", _data("qualifiers.toml")["not_after_noun_examples"])
def test_prepositions_after_nouns_are_no_qualifiers(nlp: Any, sentence: str) -> None:
    found = run(nlp, make_doc(nlp, sentence))
    assert len(found) == 1 and found[0].qualifier == "exact"


@pytest.mark.parametrize(("table", "entry"), _entries("units.toml", "unit"))
def test_units(table: str, entry: dict[str, Any]) -> None:
    found = [f for f in atoms(entry["example"]) if f.unit is not None]
    assert [(f.unit, round(f.value, 9)) for f in found] == [(entry["ucum"], entry["expect"])]


@pytest.mark.parametrize(("table", "entry"), _entries("currencies.toml", "currency", "subunit"))
def test_currencies(table: str, entry: dict[str, Any]) -> None:
    found = [f for f in atoms(entry["example"]) if f.unit_kind == "currency"]
    assert len(found) == 1, found
    assert _close(found[0].value, entry["expect"])
    if table == "currency":
        assert found[0].unit == entry["iso"]


@pytest.mark.parametrize("sentence", _data("context.toml")["angle_context"]["examples"])
def test_angle_context(sentence: str) -> None:
    assert [f.unit for f in find(sentence)] == ["deg"]


@pytest.mark.parametrize("sentence", _data("context.toml")["idioms"]["examples"])
def test_idioms(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize("sentence", _data("context.toml")["sources"]["examples"])
def test_source_phrases(nlp: Any, sentence: str) -> None:
    expect = _data("context.toml")["sources"]["expect_speaker_text"]
    found = run(nlp, make_doc(nlp, sentence))
    assert found and all(q.speaker_text == expect for q in found if q.unit)


def test_source_np_openers(nlp: Any) -> None:
    src = _data("context.toml")["sources"]
    found = run(nlp, make_doc(nlp, src["np_openers_example"]))
    assert [q.speaker_text for q in found] == [src["np_openers_expect"]]


def test_rates(nlp: Any) -> None:
    rates = _data("context.toml")["rates"]
    for sentence, unit in zip(rates["examples"], rates["expect_units"], strict=True):
        found = run(nlp, make_doc(nlp, sentence))
        assert [q.unit for q in found] == [unit], sentence


@pytest.mark.parametrize("sentence", _data("context.toml")["group_reference"]["examples"])
def test_group_reference(nlp: Any, sentence: str) -> None:
    text = "Russland und Kasachstan sind Partner. " + sentence
    found = run(nlp, make_doc(nlp, text, mentions=[("Russland", "LOC"), ("Kasachstan", "LOC")]))
    q = pick(found, "27,8 Milliarden US-Dollar")
    assert [text[a:b] for a, b in q.subject_spans] == ["Russland", "Kasachstan"]


@pytest.mark.parametrize("sentence", _data("context.toml")["years"]["examples"])
def test_years_and_dates_are_no_quantities(sentence: str) -> None:
    assert find(sentence) == []


def test_abbreviations(nlp: Any) -> None:
    ab = _data("context.toml")["abbreviations"]
    for sentence in ab["examples"]:
        found = run(nlp, make_doc(nlp, sentence))
        assert [q.value for q in found] == [ab["expect_value"]]


@pytest.mark.parametrize(
    "example", [pytest.param(e, id=e["rule"]) for e in _data("measures.toml")["example"]]
)
def test_measure_rules(nlp: Any, example: dict[str, Any]) -> None:
    names = [(n, "LOC") for n in example.get("names", [])]
    found = run(nlp, make_doc(nlp, example["sentence"], mentions=names))
    assert pick(found, example["quantity"]).measure == example["measure"]


@pytest.mark.parametrize("example", _data("measures.toml")["rank"]["examples"])
def test_rank_measure(nlp: Any, example: str) -> None:
    found = [q for q in run(nlp, make_doc(nlp, example)) if q.is_rank]
    assert [q.measure for q in found] == [_data("measures.toml")["rank"]["expect_measure"]]


@pytest.mark.parametrize("sentence", _data("context.toml")["labels"]["examples"])
def test_labels_are_no_quantities(sentence: str) -> None:
    assert find(sentence) == []


def test_dollar_context(nlp: Any) -> None:
    usd = next(c for c in _data("currencies.toml")["currency"] if c["iso"] == "USD")
    found = run(nlp, make_doc(nlp, usd["context_example"]))
    assert [q.unit for q in found] == usd["context_expect"]
    found = run(nlp, make_doc(nlp, "Es kostet 5 US-Dollar, in Kanada 7 kanadische Dollar und hier 6 Dollar."))
    assert [q.unit for q in found] == ["USD", "CAD", "USD"]


# ---- discourse.toml ---------------------------------------------------------------------------------
def _discourse_tables() -> list[Any]:
    d = _data("discourse.toml")
    out = [pytest.param(c, id=f"anaphor_class:{c['name']}") for c in d["anaphor_class"]]
    out.append(pytest.param(d["anaphora"], id="anaphora:pronoun"))
    out.append(pytest.param(d["attribute"], id="attribute"))
    out.append(pytest.param(d["relative"], id="relative"))
    return out


@pytest.mark.parametrize("entry", _discourse_tables())
def test_discourse_subjects(nlp: Any, entry: dict[str, Any]) -> None:
    typ = entry.get("name_type") or ("ORG" if "ORG" in entry.get("types", []) else "LOC")
    for sentence in entry["examples"]:
        names = [(n, typ) for n in entry["names"]]
        found = run(nlp, make_doc(nlp, sentence, mentions=names))
        q = pick(found, entry["quantity"])
        assert [sentence[a:b] for a, b in q.subject_spans] == entry["expect_subjects"], sentence
        if "expect_measure" in entry:
            assert (q.measure or "") == entry["expect_measure"]


def test_circumstance(nlp: Any) -> None:
    c = _data("discourse.toml")["circumstance"]
    for sentence in c["examples"]:
        q = pick(run(nlp, make_doc(nlp, sentence)), c["quantity"])
        assert (q.measure or "") == c["expect_measure"] and q.subject_spans == []


def test_speech_frames(nlp: Any) -> None:
    sf = _data("discourse.toml")["speech_frame"]
    cases = zip(sf["examples"], sf["quantities"], sf["expect_speakers"], sf["expect_measures"], strict=True)
    for sentence, quantity, speaker, measure in cases:
        q = pick(run(nlp, make_doc(nlp, sentence)), quantity)
        assert (q.speaker_text, q.measure) == (speaker, measure), sentence


def test_default_speaker_is_the_single_agency(nlp: Any) -> None:
    doc = make_doc(
        nlp, "Für die Leitung werden rund 310.000 Tonnen Stahl benötigt.", source="Nordstadt-Anzeiger"
    )
    doc._.document.agencies = ["zpd"]
    assert [q.speaker_text for q in run(nlp, doc)] == ["zpd"]
    doc = make_doc(nlp, "Für die Leitung werden rund 310.000 Tonnen Stahl benötigt.", source="zpd")
    assert [q.speaker_text for q in run(nlp, doc)] == ["zpd"]


def test_group_reference_skips_the_compared(nlp: Any) -> None:
    g = _data("context.toml")["group_reference"]
    text = g["not_after_example"]
    found = run(nlp, make_doc(nlp, text, mentions=[(n, "LOC") for n in g["not_after_names"]]))
    q = found[-1]
    assert sorted(text[a:b] for a, b in q.subject_spans) == g["not_after_expect"]


@pytest.mark.parametrize(
    "entry",
    [c for c in _data("discourse.toml")["anaphor_class"] if c.get("persists") and "persist_example" in c],
)
def test_event_place_persists(nlp: Any, entry: dict[str, Any]) -> None:
    text = entry["persist_example"]
    found = run(nlp, make_doc(nlp, text, mentions=[(n, "LOC") for n in entry["names"]]))
    q = pick(found, entry["persist_quantity"])
    assert [text[a:b] for a, b in q.subject_spans] == entry["expect_subjects"]
