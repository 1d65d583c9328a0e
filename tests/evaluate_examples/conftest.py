"""Small hand-made gold and export dicts for the example-corpus scorer (no pipeline run)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

TEXT_A1 = (
    "Minister Alexander Kowaljow ist am Dienstag in Taschkent eingetroffen. "
    "Es gab zwölf Tote, sagte Kowaljow. Der Ausbau kostet 4,2 Milliarden US-Dollar. "
    "Im Jahr 2025 lag der Handel bei 11,6 Milliarden US-Dollar. (zpd)"
)
TEXT_A2 = (
    "Aleksandr Kovalyov wurde in Tashkent empfangen. Nach Recherchen sind mindestens 40 Tote zu beklagen. "
    "„Wir trauern“, sagte Kovalyov. Der Ausbau wird etwa neun Milliarden Dollar kosten."
)

GOLD: dict[str, Any] = {
    "outlet": [
        {"key": "zpd", "name": "zpd"},
        {"key": "sk", "name": "Steppenkurier"},
    ],
    "document": [
        {
            "id": "a1",
            "file": "articles/01_one.txt",
            "format": "txt",
            "source": "zpd",
            "source_may_be_null": True,
            "agencies": ["zpd"],
            "published": "2026-03-17",
            "published_from": "text",
            "outlet": "zpd",
        },
        {
            "id": "a2",
            "file": "articles/02_two.jsonl",
            "record": "rec-2",
            "format": "jsonl",
            "source": "Steppenkurier",
            "agencies": [],
            "agencies_ok": ["zpd"],
            "title": "Zwei",
            "published": "2026-03-18",
            "published_from": "metadata",
            "outlet": "sk",
        },
    ],
    "entity": [
        {
            "key": "kowaljow",
            "name": "Alexander Kowaljow",
            "type": "PER",
            "names": {"a1": ["Alexander Kowaljow", "Kowaljow"], "a2": ["Aleksandr Kovalyov", "Kovalyov"]},
        },
        {
            "key": "taschkent",
            "name": "Taschkent",
            "type": "LOC",
            "names": {"a1": ["Taschkent"], "a2": ["Tashkent"]},
        },
    ],
    "quantity": [
        {
            "id": "q1",
            "doc": "a1",
            "text": "zwölf",
            "context": "zwölf Tote",
            "value": 12,
            "qualifier": "exact",
            "measure": "Tote",
            "measure_alt": ["Toter"],
            "measure_key": "Todesopfer",
            "speaker": "kowaljow",
        },
        {
            "id": "q2",
            "doc": "a1",
            "text": "4,2 Milliarden US-Dollar",
            "value": 4.2e9,
            "unit": "USD",
            "qualifier": "exact",
            "measure": "Ausbau",
            "measure_key": "Kosten",
            "speaker": "zpd",
        },
        {
            "id": "q3",
            "doc": "a1",
            "text": "11,6 Milliarden US-Dollar",
            "value": 11.6e9,
            "unit": "USD",
            "qualifier": "exact",
            "measure": "Handel",
            "measure_key": "Handel",
            "time": "2025",
            "speaker": "zpd",
        },
        {
            "id": "q4",
            "doc": "a2",
            "text": "mindestens 40",
            "value": 40,
            "qualifier": "at_least",
            "measure": "Tote",
            "measure_key": "Todesopfer",
            "speaker_text": "Nach Recherchen",
        },
        {
            "id": "q5",
            "doc": "a2",
            "text": "etwa neun Milliarden Dollar",
            "value": 9e9,
            "unit": "USD",
            "qualifier": "approx",
            "measure": "Ausbau",
            "measure_key": "Kosten",
            "speaker": "sk",
        },
    ],
    "not_quantity": [{"doc": "a1", "texts": ["2025"]}],
    "timex": [
        {"doc": "a1", "text": "am Dienstag", "type": "DATE", "value": "2026-03-17"},
        {"doc": "a1", "text": "Im Jahr 2025", "type": "DATE", "value": "2025-01/2025-12", "alt": ["2025"]},
    ],
    "quote": [
        {
            "doc": "a1",
            "start": "Es gab zwölf Tote",
            "kind": "direct",
            "alt_kinds": ["indirect"],
            "speaker": "kowaljow",
            "speaker_text": "Kowaljow",
            "cue": "sagte",
        },
        {
            "doc": "a2",
            "start": "Wir trauern",
            "kind": "direct",
            "speaker": "kowaljow",
            "speaker_text": "Kovalyov",
            "cue": "sagte",
        },
    ],
    "event": [
        {
            "doc": "a1",
            "trigger": "eingetroffen",
            "code": "042",
            "actors": ["kowaljow"],
            "place": "taschkent",
            "status": "reported",
        },
        {"doc": "a2", "trigger": "empfangen", "code": "043", "status": "reported"},
    ],
    "comparison": [
        {
            "id": "c1",
            "measure": "Kosten",
            "verdict": "conflict",
            "quantities": ["q2", "q5"],
            "groups": [["q2"], ["q5"]],
            "conflicting_pairs": [["q2", "q5"]],
        },
    ],
    "trap": [{"id": "t1", "left": ["q1"], "right": ["q4"], "reason": "test: a trap"}],
}


def span(text: str, sub: str, context: str | None = None) -> tuple[int, int]:
    base = text.index(context) + context.index(sub) if context else text.index(sub)
    return base, base + len(sub)


def mention(
    doc: str, text: str, sub: str, type_: str, entity: str | None, context: str | None = None
) -> dict:
    s, e = span(text, sub, context)
    return {"doc": doc, "start": s, "end": e, "text": sub, "type": type_, "form": "name", "entity": entity}


def perfect_export() -> dict[str, Any]:
    """An export that gets every planted fact right (ids d1/d2 are not the gold ids on purpose)."""
    a1, a2 = TEXT_A1, TEXT_A2
    docs = [
        {
            "id": "rec-2",
            "path": "https://example.org/two",
            "source": "Steppenkurier",
            "agencies": ["zpd"],
            "title": "Zwei",
            "published": "2026-03-18",
            "published_from": "metadata",
            "language": "de",
            "text": a2,
        },
        {
            "id": "7f3a0c",
            "path": "/somewhere/examples/articles/01_one.txt",
            "source": None,
            "agencies": ["zpd"],
            "title": None,
            "published": "2026-03-17",
            "published_from": "text",
            "language": "de",
            "text": a1,
        },
    ]
    mentions = [
        mention("7f3a0c", a1, "Alexander Kowaljow", "PER", "E1"),
        mention("7f3a0c", a1, "Kowaljow", "PER", "E1", "sagte Kowaljow"),
        mention("7f3a0c", a1, "Taschkent", "LOC", "E2"),
        mention("rec-2", a2, "Aleksandr Kovalyov", "PER", "E1"),
        mention("rec-2", a2, "Kovalyov", "PER", "E1", "sagte Kovalyov"),
        mention("rec-2", a2, "Tashkent", "LOC", "E2"),
    ]

    def q(doc: str, text: str, sub: str, qid: str, **kw: Any) -> dict:
        s, e = span(text, sub, kw.pop("context", None))
        base = {"id": qid, "doc": doc, "start": s, "end": e, "text": sub, "unit": None, "qualifier": "exact"}
        base.update({"measure": None, "subjects": [], "time": None, "speaker": None, "speaker_text": None})
        base.update({"value_max": None, "is_rank": False})
        base.update(kw)
        return base

    quantities = [  # deliberately not in gold order
        q("rec-2", a2, "etwa neun Milliarden Dollar", "x5", value=9e9, unit="USD", qualifier="approx",
          measure="Ausbau", speaker_text="Steppenkurier"),
        q("7f3a0c", a1, "11,6 Milliarden US-Dollar", "x3", value=11.6e9, unit="USD", measure="Handel",
          time="2025"),
        q("7f3a0c", a1, "zwölf", "x1", value=12, measure="Toter", speaker="E1", context="zwölf Tote"),
        q("7f3a0c", a1, "4,2 Milliarden US-Dollar", "x2", value=4.2e9, unit="USD", measure="Ausbau"),
        q("rec-2", a2, "mindestens 40", "x4", value=40, qualifier="at_least", measure="Tote",
          speaker_text="Nach Recherchen"),
    ]  # fmt: skip
    s1, e1 = span(a1, "am Dienstag")
    s2, e2 = span(a1, "Im Jahr 2025")
    timexes = [
        {"id": "t2", "doc": "7f3a0c", "start": s2, "end": e2, "text": "Im Jahr 2025", "type": "DATE",
         "value": "2025"},
        {"id": "t1", "doc": "7f3a0c", "start": s1, "end": e1, "text": "am Dienstag", "type": "DATE",
         "value": "2026-03-17"},
    ]  # fmt: skip
    qs1, qe1 = span(a1, "Es gab zwölf Tote, ")
    ss1, se1 = span(a1, "Kowaljow", "sagte Kowaljow")
    qs2, qe2 = span(a2, "„Wir trauern“")
    quotes = [
        {"id": "u1", "doc": "7f3a0c", "start": qs1, "end": qe1 - 2, "text": "Es gab zwölf Tote",
         "kind": "indirect", "speaker": "E1", "speaker_text": "Kowaljow", "speaker_start": ss1,
         "speaker_end": se1, "cue": "sagte", "cue_start": None, "cue_end": None},
        {"id": "u2", "doc": "rec-2", "start": qs2, "end": qe2, "text": "„Wir trauern“", "kind": "direct",
         "speaker": None, "speaker_text": "Kovalyov", "speaker_start": None, "speaker_end": None,
         "cue": "sagte", "cue_start": None, "cue_end": None},
    ]  # fmt: skip
    es1, ee1 = span(a1, "eingetroffen")
    es2, ee2 = span(a2, "empfangen")
    events = [
        {"id": "v1", "doc": "7f3a0c", "start": es1, "end": ee1, "text": "eingetroffen", "code": "042",
         "actors": ["E1"], "targets": [], "time": None, "place": "E2", "status": "reported"},
        {"id": "v2", "doc": "rec-2", "start": es2, "end": ee2, "text": "empfangen", "code": "043",
         "actors": [], "targets": [], "time": None, "place": None},
    ]  # fmt: skip
    return {
        "format": "newsgraph-export/1",
        "documents": docs,
        "entities": [
            {"id": "E1", "name": "Alexander Kowaljow", "type": "PER", "aliases": ["Kovalyov"]},
            {"id": "E2", "name": "Taschkent", "type": "LOC", "aliases": ["Tashkent"]},
        ],
        "mentions": mentions,
        "quantities": quantities,
        "timexes": timexes,
        "quotes": quotes,
        "events": events,
        "stories": [{"id": "s1", "documents": ["rec-2", "7f3a0c"], "label": None, "duplicates": []}],
        "comparisons": [
            {
                "id": "c_a",
                "measure": "ausbau",
                "subjects": [],
                "time": None,
                "unit": "USD",
                "verdict": "conflict",
                "quantities": ["x2", "x5"],
                "note": "",
            },
        ],  # fmt: skip
    }


@pytest.fixture
def gold() -> dict[str, Any]:
    return copy.deepcopy(GOLD)


@pytest.fixture
def export() -> dict[str, Any]:
    return perfect_export()


@pytest.fixture
def text_a1() -> str:
    return TEXT_A1
