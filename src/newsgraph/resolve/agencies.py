"""Corpus-wide: a lower-case credit closing an article ("(zpd)") is an agency when another article of
the batch shows that it is one ("Brüssel/Taschkent (zpd) –").

At ingestion such a credit cannot be told from an author's initials ("(jk)"), so ``ingest.attribution``
keeps it as ``credit_initials`` evidence (``meta["metadata_evidence"]``). Here it becomes one of the
document's agencies when another document lists an agency of that name (case-insensitive), spelled as
that document spells it. Nothing is removed, so running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

EVIDENCE_FIELD = "credit_initials"


def credited_agencies(docs: Iterable[tuple[str, list[str], dict[str, Any]]]) -> list[tuple[str, str]]:
    """``(document id, agency)`` for each credit that another document names as an agency; ``docs`` are
    (id, agencies, meta) as ``store.reads.attributions`` gives them."""
    docs = list(docs)
    listed_by: dict[str, set[str]] = {}  # casefolded agency → the documents that list it
    spelled: dict[str, str] = {}
    for doc_id, agencies, _meta in docs:
        for agency in agencies:
            listed_by.setdefault(agency.casefold(), set()).add(doc_id)
            spelled.setdefault(agency.casefold(), agency)
    out: list[tuple[str, str]] = []
    for doc_id, agencies, meta in docs:
        have = {a.casefold() for a in agencies}
        for item in credit_initials(meta):
            key = item.casefold()
            if key not in have and listed_by.get(key, set()) - {doc_id}:
                out.append((doc_id, spelled[key]))
                have.add(key)
    return out


def credit_initials(meta: dict[str, Any]) -> list[str]:
    """The lower-case credits ingestion could not tell from initials, in text order."""
    return [
        e["value"]
        for e in meta.get("metadata_evidence", [])
        if isinstance(e, dict) and e.get("field") == EVIDENCE_FIELD and e.get("value")
    ]
