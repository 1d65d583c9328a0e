"""Event triggers → CAMEO codes, with roles and status; examples come from the data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.component import EventExtractor
from newsgraph.lang import load_toml
from newsgraph.model import Document, Event, Mention
from newsgraph.nlp import extensions, pipeline

TRIGGERS = load_toml("de", "events/triggers.toml")["trigger"]
GRAMMAR = load_toml("de", "events/grammar.toml")


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(("ng_sentences", "ng_hanta"))


def run(nlp, text: str, names: list[tuple[str, ...]] = ()) -> tuple[Doc, list[Event]]:
    """Analyze ``text`` with mentions of ``names``: (name, type) or (name, type, role noun)."""
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d", text=text)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    mentions: list[Mention] = []
    for name, typ, *role in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(a.start <= m.start() < a.end for a in mentions):
                mentions.append(Mention("d", m.start(), m.end(), name, typ, role=role[0] if role else None))
    extensions.records(doc, "mentions").extend(sorted(mentions, key=lambda m: m.start))
    EventExtractor("de")(doc)
    return doc, list(doc._.events)


@pytest.mark.parametrize("entry", TRIGGERS, ids=lambda e: e["name"])
def test_trigger_examples(nlp, entry: dict) -> None:
    _doc, events = run(nlp, entry["example"])
    assert entry["expect"] in {e.code for e in events}, [(e.code, e.text) for e in events]


@pytest.mark.parametrize(("text", "status"), GRAMMAR["planned"]["examples"] + GRAMMAR["negated"]["examples"])
def test_status_examples(nlp, text: str, status: str) -> None:
    _doc, events = run(nlp, text)
    assert events and events[0].status == status


def spans_text(text: str, spans) -> set[str]:
    return {text[a:b] for a, b in spans}


@pytest.mark.parametrize("case", GRAMMAR["roles"]["examples"], ids=lambda c: c["text"][:40])
def test_role_examples(nlp, case: dict) -> None:
    text = case["text"]
    _doc, events = run(nlp, text, [tuple(n) for n in case["names"]])
    if "trigger" in case:
        events = [e for e in events if e.text == case["trigger"]]
    assert len(events) == 1, [(e.code, e.text) for e in events]
    event = events[0]
    if "actors" in case:
        assert spans_text(text, event.actor_spans) == set(case["actors"])
    if "targets" in case:
        assert spans_text(text, event.target_spans) == set(case["targets"])
    if "place" in case:
        assert event.place_span and text[event.place_span[0] : event.place_span[1]] == case["place"]


SEED_NAMES = [
    ("Kasim-Yomart Tokajew", "PER"),
    ("Qassym-Schomart Toqajew", "PER"),
    ("Wladimir Putin", "PER"),
    ("Tokajew", "PER"),
    ("Toqajew", "PER"),
    ("Putin", "PER"),
    ("Moskau", "LOC"),
    ("Kasachstan", "LOC"),
    ("Russland", "LOC"),
    ("Kreml", "ORG"),
    ("Washington", "LOC"),
    ("Donald Trump", "PER"),
    ("USA", "LOC"),
]


def test_seed_000_planned_signing_and_visit(nlp, seeds_dir: Path) -> None:
    text = (seeds_dir / "000_7cccd3df42eed4be.txt").read_text(encoding="utf-8")
    _doc, events = run(nlp, text, SEED_NAMES)
    first = [e for e in events if e.end < text.index("\n")]
    signing = next(e for e in first if e.code == "057")
    assert signing.status == "planned"
    assert spans_text(text, signing.actor_spans) >= {"Kasim-Yomart Tokajew", "Wladimir Putin"}
    visit = next(e for e in first if e.code == "042")
    assert spans_text(text, visit.actor_spans) == {"Kasim-Yomart Tokajew"}
    sanctions = next(e for e in events if e.code == "163")
    assert sanctions.status == "reported" and spans_text(text, sanctions.actor_spans) == {"USA"}


def test_seed_003_visit_and_talks(nlp, seeds_dir: Path) -> None:
    text = (seeds_dir / "003_44957dc9aceb15ca.txt").read_text(encoding="utf-8")
    _doc, events = run(nlp, text, SEED_NAMES)
    talks = next(e for e in events if e.code == "040")
    assert spans_text(text, talks.actor_spans) == {"Wladimir Putin", "Qassym-Schomart Toqajew"}
    arrival = next(e for e in events if e.code == "042" and e.text == "traf")
    assert spans_text(text, arrival.actor_spans) == {"Toqajew"}
    assert arrival.place_span and text[arrival.place_span[0] : arrival.place_span[1]] == "Moskau"
    planned = [e for e in events if e.code == "057"]
    assert planned and all(e.status == "planned" for e in planned)
