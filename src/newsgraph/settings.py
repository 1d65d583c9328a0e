"""Defaults in one place (trafilatura's way). Everything tunable lives here."""

from __future__ import annotations

import os

DEFAULT_DB = "newsgraph.db"
DEFAULT_LANGUAGE = "de"

# ingestion
MAX_INPUT_BYTES = 25 * 1024 * 1024  # a single input file larger than this is refused
MAX_TEXT_CHARS = 2_000_000  # a single article longer than this is refused
MIN_TEXT_CHARS = 1  # an article with less text than this (after stripping) is "empty"
DETECT_LANGUAGES = ("de", "en", "fr", "es", "it", "ru")  # lingua, restricted

# analysis: the spaCy components run on every document, in this order.
# Each name is a factory registered by a module of newsgraph.nlp or newsgraph.extract.
PIPELINE: tuple[str, ...] = (
)
ANALYZE_CHUNKSIZE = 4  # documents handed to a worker process at a time
NER_MODEL = os.environ.get("NEWSGRAPH_NER", "fast")  # "fast" | "accurate" | "none"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
