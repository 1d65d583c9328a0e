"""Metadata found in the text: the three seeds, precedence of the input's metadata, evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import iter_inputs
from newsgraph.ingest.language import detect_language
from newsgraph.ingest.metadata import find_metadata
from newsgraph.model import Document
from newsgraph.resolve.dates import complete_partial_dates


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    docs = [d for d in iter_inputs([str(seeds_dir)]) if isinstance(d, Document)]
    return {Path(d.path or "").name[:3]: d for d in docs}


def test_seed_000(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert (doc.published, doc.published_from) == ("2025-11-11", "text")
    assert doc.agencies == ["EFE"]
    assert doc.source is None  # "Quelle: Agenturen" names no outlet ...
    assert doc.meta["agencies_unspecified"] is True  # ... and says agency copy, unnamed agencies
    rules = {e["rule"] for e in doc.meta["metadata_evidence"]}
    assert {"lead_weekday_numeric", "told_to", "trailer_source"} <= rules
    assert doc.language == "de"


def test_seed_003(seeds: dict[str, Document]) -> None:
    doc = seeds["003"]
    assert doc.agencies == ["TASS"]
    assert doc.published is None and doc.published_from is None  # no year in the text
    assert doc.meta["published_partial"] == "--11-12"


def test_seed_004(seeds: dict[str, Document]) -> None:
    doc = seeds["004"]
    assert doc.source == "russland.NEWS"
    assert doc.agencies == []
    assert doc.published is None and "published_partial" not in doc.meta  # the text names no date of its own


def test_seed_003_completed_by_the_batch(seeds: dict[str, Document]) -> None:
    assert complete_partial_dates(list(seeds.values())) == [(seeds["003"].id, "2025-11-12")]
    # alone, or with only the undated background piece, it stays undated
    assert complete_partial_dates([seeds["003"], seeds["004"]]) == []


def test_evidence_spans_point_into_the_text(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        for e in doc.meta.get("metadata_evidence", []):
            assert doc.text[e["start"] : e["end"]] == e["text"]


def test_input_metadata_wins(tmp_path: Path) -> None:
    text = (
        "Moskau (dpa) – Die Gespräche haben am Dienstag (11.11.2025) begonnen, berichtet TASS.\n"
        "[red/ostwind.example]"
    )
    row = {"text": text, "source": "Steppenbote", "published": "2025-11-12", "agencies": ["AFP"]}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    [doc] = list(iter_inputs([str(path)]))
    assert (doc.source, doc.published, doc.published_from, doc.agencies) == (
        "Steppenbote",
        "2025-11-12",
        "metadata",
        ["AFP"],
    )
    found = find_metadata(text)
    assert (found.source, found.agencies, found.published) == (
        "ostwind.example",
        ["dpa", "TASS"],
        "2025-11-11",
    )


@pytest.mark.parametrize(
    ("text", "published", "partial"),
    [
        ("Kein Datum, nirgends. Im Jahr 2022 war alles anders, im vergangenen September auch.", None, None),
        (
            "Der Vertrag wurde am 11. November 1992 unterzeichnet.",
            None,
            None,
        ),  # a date, but not the article's
        ("Heute, am 12. November, reist er ab. Heute (13.11.2025) reist er ab.", None, None),  # conflict
        ("Heute, am 31. Februar, geschah nichts.", None, None),  # not a date
    ],
)
def test_never_invents_a_date(text: str, published: str | None, partial: str | None) -> None:
    found = find_metadata(text)
    assert (found.published, found.published_partial) == (published, partial)


def test_conflict_recorded() -> None:
    found = find_metadata("Heute (12.11.2025) reist er ab. Heute (13.11.2025) reist er ab.")
    assert found.published is None and found.published_conflict == ["2025-11-12", "2025-11-13"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Der Präsident von Kasachstan traf am Dienstag in Moskau ein, wo er Gespräche führte.", "de"),
        ("The president of Kazakhstan arrived in Moscow on Tuesday for talks with his counterpart.", "en"),
        ("Le président du Kazakhstan est arrivé mardi à Moscou pour des entretiens.", "fr"),
        ("Президент Казахстана прибыл во вторник в Москву на переговоры.", "ru"),
        ("12345 678", None),
    ],
)
def test_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_repeated_citation_keeps_a_few_evidence_entries() -> None:
    """One agency cited thousands of times: the decision stands, the stored evidence stays small."""
    from newsgraph.ingest import attribution

    text = "Laut der Nachrichtenagentur Sharq-Press wurde gestern viel gesagt.\n" * 2000
    found = attribution.find_attribution(text)
    assert found.agencies == ["Sharq-Press"]
    assert len(found.evidence) == attribution.EVIDENCE_PER_VALUE
    assert found.evidence[0].start == 0
