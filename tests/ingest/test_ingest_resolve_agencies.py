"""resolve.agencies: a credit read as initials is an agency where another document names that agency."""

from __future__ import annotations

import pytest

from newsgraph.ingest.attribution import find_attribution
from newsgraph.ingest.metadata import apply_text_metadata
from newsgraph.model import Document
from newsgraph.resolve.agencies import credit_initials, credited_agencies
from newsgraph.resolve.steps import credit_agencies
from newsgraph.store import connection, reads, writes

TRAILER = "Die Verhandlungen sollen am Mittwoch fortgesetzt werden.\n\n(zpd)"
DATELINE = "Brüssel/Taschkent (zpd) – Die EU-Kommission hat Usbekistan gewarnt."
INITIALS = "Die Verhandlungen sollen am Mittwoch fortgesetzt werden.\n\n(jk)"


def _doc(id: str, text: str) -> Document:
    return apply_text_metadata(Document(id=id, text=text))


@pytest.mark.parametrize(("text", "initials"), [(TRAILER, ["zpd"]), (INITIALS, ["jk"]), (DATELINE, [])])
def test_ingest_keeps_lowercase_credits(text: str, initials: list[str]) -> None:
    found = find_attribution(text)
    assert [e.value for e in found.evidence if e.field == "credit_initials"] == initials
    assert credit_initials(_doc("d", text).meta) == initials


def _attributions(*docs: Document) -> list[tuple[str, list[str], dict]]:
    return [(d.id, d.agencies, d.meta) for d in docs]


def test_credit_named_elsewhere_is_an_agency() -> None:
    docs = [_doc("t", TRAILER), _doc("d", DATELINE), _doc("i", INITIALS)]
    assert docs[0].agencies == [] and docs[1].agencies == ["zpd"]
    assert credited_agencies(_attributions(*docs)) == [("t", "zpd")]


def test_alone_it_stays_initials() -> None:
    assert credited_agencies(_attributions(_doc("t", TRAILER), _doc("i", INITIALS))) == []


def test_step_is_idempotent(tmp_path) -> None:
    conn = connection.open_db(tmp_path / "a.db")
    writes.put_documents(conn, [_doc("t", TRAILER), _doc("d", DATELINE)])
    assert credit_agencies(conn) == 1
    assert credit_agencies(conn) == 0
    assert {d.id: d.agencies for d in reads.documents(conn)} == {"t": ["zpd"], "d": ["zpd"]}
