"""resolve.dates: a day-month gets its year from the batch, conservatively."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.resolve.dates import complete_partial_dates

STORY = (
    "Kasachstans Präsident Tokajew traf in Moskau Wladimir Putin. Auch Dmitri Peskow und "
    "Sergej Lawrow nahmen an den Gesprächen im Kreml teil, die Rosatom und Gazprom betrafen."
)
OTHER = "In Lissabon streiken die Lehrer. Die Gewerkschaft Fenprof kündigte in Porto weitere Proteste an."


def _doc(
    id: str, text: str, published: str | None = None, partial: str | None = None, weekday: int | None = None
):
    meta = {}
    if partial:
        meta["published_partial"] = partial
    if weekday:
        meta["published_partial_weekday"] = weekday
    return Document(
        id=id, text=text, published=published, published_from="text" if published else None, meta=meta
    )


def test_completed_from_same_story() -> None:
    docs = [_doc("p", STORY, partial="--11-12"), _doc("a", STORY + " Ende.", published="2025-11-11")]
    assert complete_partial_dates(docs) == [("p", "2025-11-12")]


def test_year_boundary() -> None:
    docs = [_doc("p", STORY, partial="--01-01"), _doc("a", STORY, published="2025-12-31")]
    assert complete_partial_dates(docs) == [("p", "2026-01-01")]


def test_not_the_same_story() -> None:
    docs = [_doc("p", OTHER, partial="--11-12"), _doc("a", STORY, published="2025-11-11")]
    assert complete_partial_dates(docs) == []


def test_too_far_apart() -> None:
    docs = [_doc("p", STORY, partial="--11-20"), _doc("a", STORY, published="2025-11-11")]
    assert complete_partial_dates(docs) == []


def test_weekday_must_fit() -> None:
    # 12 November 2025 is a Wednesday (3)
    assert (
        complete_partial_dates(
            [_doc("p", STORY, partial="--11-12", weekday=4), _doc("a", STORY, published="2025-11-11")]
        )
        == []
    )
    assert complete_partial_dates(
        [_doc("p", STORY, partial="--11-12", weekday=3), _doc("a", STORY, published="2025-11-11")]
    ) == [("p", "2025-11-12")]


def test_disagreeing_years_give_nothing() -> None:
    docs = [
        _doc("p", STORY, partial="--11-12"),
        _doc("a", STORY, published="2025-11-11"),
        _doc("b", STORY, published="2024-11-13"),
    ]
    assert complete_partial_dates(docs) == []


def test_month_precision_anchor_ignored_and_dated_docs_untouched() -> None:
    docs = [_doc("p", STORY, partial="--11-12"), _doc("a", STORY, published="2025-11")]
    assert complete_partial_dates(docs) == []
    assert complete_partial_dates([_doc("a", STORY, published="2025-11-11")]) == []
