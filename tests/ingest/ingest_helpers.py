"""Helpers for the ingestion tests: a German article of our own and filters over results."""

from __future__ import annotations

from newsgraph.ingest import IngestError
from newsgraph.model import Document

ARTICLE = (
    "Astana (dpa) – Der kasachische Präsident Kassym-Schomart Tokajew ist am Dienstag (11.11.2025) "
    "zu einem Staatsbesuch nach Moskau aufgebrochen. Dort will er mit Wladimir Putin über Handel, "
    "Energie und den Bau eines Kernkraftwerks sprechen.\n"
    "„Unsere Beziehungen sind älter als jede Grenze“, sagte Tokajew vor dem Abflug. "
    "Das Handelsvolumen zwischen beiden Ländern lag zuletzt bei fast 30 Milliarden Dollar.\n"
    "Beobachter in Almaty erwarten die Unterzeichnung mehrerer Abkommen über Öl, Gas und Uran."
)


def documents(items: list[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]
