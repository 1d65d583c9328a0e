"""The example-corpus scorer on small hand-made exports: matching by article and span, never by position."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from newsgraph.evaluate import examples as ex

Export = dict[str, Any]


def test_perfect_export_scores_full_marks(gold: dict, export: Export) -> None:
    r = ex.evaluate(gold, export)
    assert set(ex.FEATURES) <= set(r) and isinstance(r["errors"], list)
    assert r["documents"]["found"] == 2 and r["documents"]["all_right"] == 1.0, r["errors"]
    assert r["entities"]["merged_rate"] == 1.0 and r["entities"]["wrong_merges"] == 0
    assert r["entities"]["mention_recall"] == 1.0 and r["entities"]["type_accuracy"] == 1.0
    assert r["quantities"]["recall"] == 1.0
    assert r["quantities"]["all_fields_right_rate"] == 1.0, r["errors"]
    assert r["quantities"]["not_quantity_false_positives"] == 0
    assert r["timexes"]["recall"] == 1.0 and r["timexes"]["value_accuracy"] == 1.0
    assert r["quotes"]["recall"] == 1.0 and r["quotes"]["kind_accuracy"] == 1.0
    assert r["quotes"]["speaker_accuracy"] == 1.0 and r["quotes"]["speaker_entity_accuracy"] == 0.5
    assert r["events"]["recall"] == 1.0 and r["events"]["code_accuracy"] == 1.0
    assert r["events"]["actor_accuracy"] == 1.0 and r["events"]["place_accuracy"] == 1.0
    assert r["stories"]["one_story"] is True
    c = r["comparisons"]
    assert (c["conflicts_found"], c["false_alarms"], c["other_conflicts"]) == (1, 0, 0)
    assert r["errors"] == []
    json.dumps(r)  # JSON-able


def test_matching_ignores_list_order(gold: dict, export: Export) -> None:
    base = ex.evaluate(gold, export)
    rng = random.Random(7)
    for table in ("documents", "mentions", "quantities", "timexes", "quotes", "events"):
        rng.shuffle(export[table])
    assert ex.evaluate(gold, export) == base


def test_documents_are_matched_by_record_file_name_and_text(gold: dict, export: Export) -> None:
    export["documents"][1]["path"] = None  # a1 has no path now: found by its planted strings
    r = ex.evaluate(gold, export)
    assert r["documents"]["found"] == 2


def test_document_mismatches_are_counted_and_listed(gold: dict, export: Export) -> None:
    a1 = next(d for d in export["documents"] if d["id"] == "7f3a0c")
    a1["published"] = "2026-03-16"
    a1["agencies"] = []
    a2 = next(d for d in export["documents"] if d["id"] == "rec-2")
    a2["agencies"] = ["zpd", "TASS"]  # zpd is allowed (agencies_ok), TASS is not
    r = ex.evaluate(gold, export)["documents"]
    assert r["mismatches"] == 3
    assert r["published_accuracy"] == 0.5 and r["agencies_accuracy"] == 0.0
    assert any("a1 published" in m for m in r["mismatch_list"])


def test_missing_document_is_reported(gold: dict, export: Export) -> None:
    export["documents"] = [d for d in export["documents"] if d["id"] != "rec-2"]
    r = ex.evaluate(gold, export)
    assert r["documents"]["found"] == 1
    assert r["quantities"]["recall"] == pytest.approx(3 / 5, abs=1e-3)
    assert any("a2" in e and "not in the export" in e for e in r["errors"])


def test_split_entity_and_wrong_merge(gold: dict, export: Export) -> None:
    for m in export["mentions"]:
        if m["doc"] == "rec-2" and m["type"] == "PER":
            m["entity"] = "E9"  # Kovalyov split off from Kowaljow ...
        if m["text"] == "Taschkent":
            m["entity"] = "E1"  # ... and Taschkent merged into Kowaljow
    r = ex.evaluate(gold, export)
    e = r["entities"]
    assert e["merged"] == 0 and e["merged_rate"] == 0.0
    assert e["wrong_merges"] == 1
    assert any("split into 2" in x for x in r["errors"])
    assert any("wrong merge" in x and "kowaljow" in x and "taschkent" in x for x in r["errors"])


def test_mention_type_and_form_errors(gold: dict, export: Export) -> None:
    export["mentions"][2]["type"] = "ORG"  # Taschkent
    export["mentions"][0]["form"] = "part"
    r = ex.evaluate(gold, export)["entities"]
    assert r["type_accuracy"] == pytest.approx(5 / 6, abs=1e-3)
    assert r["form_accuracy"] == pytest.approx(5 / 6, abs=1e-3)


def quantity(export: Export, qid: str) -> dict:
    return next(q for q in export["quantities"] if q["id"] == qid)


def test_quantity_field_errors(gold: dict, export: Export) -> None:
    quantity(export, "x2")["value"] = 4.2e6
    quantity(export, "x3")["time"] = None
    quantity(export, "x4")["qualifier"] = "more_than"
    quantity(export, "x5")["unit"] = "EUR"
    quantity(export, "x1")["speaker"] = None  # and no speaker_text: the speaker is lost
    r = ex.evaluate(gold, export)
    q = r["quantities"]
    assert q["recall"] == 1.0
    for name in ("value", "time", "qualifier", "unit", "speaker"):
        assert q[f"{name}_accuracy"] == 0.8, name
    assert q["all_fields_right"] == 0
    assert any("q2" in e and "value" in e for e in r["errors"])


def test_quantity_found_by_overlap_and_extent_reported(gold: dict, export: Export, text_a1: str) -> None:
    x2 = quantity(export, "x2")
    x2["start"] += 2  # "2 Milliarden US-Dollar": overlaps the gold extent
    x2["text"] = text_a1[x2["start"] : x2["end"]]
    r = ex.evaluate(gold, export)["quantities"]
    assert r["found"] == 5 and r["extent_exact"] == 0.8


def test_year_as_quantity_is_a_false_positive(gold: dict, export: Export, text_a1: str) -> None:
    s = text_a1.index("2025")
    export["quantities"].append(
        {"id": "x9", "doc": "7f3a0c", "start": s, "end": s + 4, "text": "2025", "value": 2025, "unit": None,
         "qualifier": "exact", "measure": None, "subjects": [], "time": None, "speaker": None}
    )  # fmt: skip
    r = ex.evaluate(gold, export)
    assert r["quantities"]["not_quantity_false_positives"] == 1
    assert r["quantities"]["unmatched_exported"] == 1


def test_timex_alternatives_and_misses(gold: dict, export: Export) -> None:
    export["timexes"] = [t for t in export["timexes"] if t["text"] != "am Dienstag"]
    r = ex.evaluate(gold, export)["timexes"]
    assert r["recall"] == 0.5 and r["value_accuracy"] == 1.0  # "2025" is a listed alternative
    export["timexes"][0]["value"] = "2026"
    assert ex.evaluate(gold, export)["timexes"]["value_accuracy"] == 0.0


def test_quote_kind_and_speaker(gold: dict, export: Export) -> None:
    q2 = next(q for q in export["quotes"] if q["id"] == "u2")
    q2["kind"] = "indirect"  # not allowed for this one
    q2["speaker_text"] = "Tursunow"
    r = ex.evaluate(gold, export)["quotes"]
    assert r["kind_accuracy"] == 0.5 and r["speaker_accuracy"] == 0.5


def test_event_code_status_actors(gold: dict, export: Export) -> None:
    v1 = next(e for e in export["events"] if e["id"] == "v1")
    v1["code"] = "043"
    v1["status"] = "planned"
    v1["actors"] = ["E2"]
    r = ex.evaluate(gold, export)["events"]
    assert r["recall"] == 1.0  # matched by the trigger's span, whatever the code
    assert r["code_accuracy"] == 0.5 and r["root_code_accuracy"] == 1.0
    assert r["status_accuracy"] == 0.5 and r["actor_accuracy"] == 0.0


def test_missed_conflict_trap_and_other_conflicts(gold: dict, export: Export) -> None:
    export["comparisons"] = [
        {"id": "c_1", "measure": "ausbau", "verdict": "agree", "quantities": ["x2", "x5"]},
        {"id": "c_2", "measure": "tote", "verdict": "conflict", "quantities": ["x1", "x4"]},
        {"id": "c_3", "measure": "handel", "verdict": "conflict", "quantities": ["x3", "x2"]},
    ]
    r = ex.evaluate(gold, export)
    c = r["comparisons"]
    assert c["found"] == 1 and c["conflicts_found"] == 0
    assert c["false_alarms"] == 1 and c["traps_grouped"] == 1
    assert c["other_conflicts"] == 2  # the trap and the unrelated one
    assert any("false alarm t1" in e for e in r["errors"])


def test_agreement_reported_as_conflict_is_wrong(gold: dict, export: Export) -> None:
    gold["comparison"] = [
        {"id": "c9", "measure": "Todesopfer", "verdict": "agree", "quantities": ["q1", "q4"],
         "groups": [["q1", "q4"]]}
    ]  # fmt: skip
    gold["trap"] = []
    quantity(export, "x4")["qualifier"] = "at_most"  # at most 40: compatible with 12
    export["comparisons"] = [
        {"id": "c", "measure": "tote", "verdict": "conflict", "quantities": ["x1", "x4"]}
    ]
    c = ex.evaluate(gold, export)["comparisons"]
    assert (c["agreements"], c["agreements_right"], c["found"]) == (1, 0, 1)
    export["comparisons"][0]["verdict"] = "agree"
    assert ex.evaluate(gold, export)["comparisons"]["agreements_right"] == 1


def test_copies_do_not_make_a_comparison(gold: dict, export: Export) -> None:
    gold["quantity"][4]["copy_of"] = "q2"  # pretend a2's claim were a copy of a1's
    c = ex.evaluate(gold, export)["comparisons"]
    assert c["gold"] == 1 and c["found"] == 0


def test_nothing_but_documents_never_crashes(gold: dict, export: Export) -> None:
    bare = {"format": "newsgraph-export/1", "documents": export["documents"]}
    r = ex.evaluate(gold, bare)
    for feature in ex.FEATURES:
        assert feature in r and "error" not in r[feature], feature
    assert r["quantities"]["recall"] == 0.0 and r["events"]["recall"] == 0.0
    assert r["comparisons"]["found"] == 0
    # one line per absent feature, not one per gold item
    assert sum("no quantities exported" in e for e in r["errors"]) == 1
    assert not any("not found" in e for e in r["errors"])


def test_malformed_records_do_not_crash(gold: dict, export: Export) -> None:
    export["quantities"].append({"doc": "7f3a0c", "start": None, "value": None})
    quantity(export, "x1")["value"] = None
    export["events"].append("garbage")
    export["comparisons"].append({"quantities": None, "verdict": None})
    r = ex.evaluate(gold, export)
    assert r["quantities"]["value_accuracy"] == 0.8
    assert all("error" not in r[f] for f in ex.FEATURES)


def test_errors_are_capped_and_shared_fairly() -> None:
    errors = ex.Errors()
    for i in range(500):
        errors.add("quantities", f"q{i}")
    for i in range(3):
        errors.add("timexes", f"t{i}")
    merged = errors.merged()
    assert len(merged) == ex.MAX_ERRORS + 1
    assert sum(m.startswith("timexes") for m in merged) == 3  # the small feature is shown whole
    assert merged[-1] == f"quantities: … {500 - (ex.MAX_ERRORS - 3)} more not shown"
    assert errors.quotas(10) == {"quantities": 7, "timexes": 3}


@pytest.mark.parametrize(
    ("text", "sub", "context", "want"),
    [
        ("a b  c d", "b c", None, (2, 6)),  # whitespace differs between gold and export
        ("zwölf Tote, zwölf Menschen", "zwölf", "zwölf Menschen", (12, 17)),
        ("abc", "x", None, None),
    ],
)
def test_locate(text: str, sub: str, context: str | None, want: tuple[int, int] | None) -> None:
    assert ex.locate(text, sub, context) == want


def test_word_spans_treat_hyphens_as_joining() -> None:
    text = "Die EU-Kommission und die EU."
    assert ex.word_spans(text, "EU") == [(26, 28)]


def test_speaker_texts_match_as_whole_words() -> None:
    assert ex.text_matches("des Ministeriums", "Nach Angaben des Ministeriums")
    assert not ex.text_matches("er", "Nach Angaben der Behörden")


def test_gold_string_missing_from_the_exported_text_is_reported(gold: dict, export: Export) -> None:
    a2 = next(d for d in export["documents"] if d["id"] == "rec-2")
    a2["text"] = a2["text"].replace("mindestens 40", "mindestens vierzig")
    r = ex.evaluate(gold, export)
    assert r["quantities"]["found"] == 4
    assert any("'mindestens 40': not in the exported text" in e for e in r["errors"])


def test_scope_limits_the_gold_documents(gold: dict, export: Export) -> None:
    r = ex.evaluate(gold, export, scope={"a1"})
    assert r["documents"]["gold"] == 1 and r["quantities"]["gold"] == 3
    assert r["comparisons"]["gold"] == 0 and r["comparisons"]["traps"] == 0
    assert r["errors"] == []
