"""Shared helpers for the entity tests: hand-written mentions found with str.find."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from newsgraph.model import Document, Mention

HERE = Path(__file__).parent


def spans(text: str, table: dict[str, list[str]], doc_id: str) -> list[Mention]:
    """Mentions for every whole-word occurrence of each listed surface; an occurrence inside a longer
    listed mention is dropped. Table keys are TYPE or TYPE-form."""
    found = []
    for key, forms in table.items():
        type_, _, form = key.partition("-")
        for f in forms:
            start = text.find(f)
            while start >= 0:
                end = start + len(f)
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                if not re.match(r"\w", before) and not re.match(r"\w", after):
                    found.append((start, end, type_, form or "name"))
                start = text.find(f, start + 1)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[Mention] = []
    for s, e, t, f in found:
        if any(s >= o.start and e <= o.end for o in out):
            continue
        out.append(Mention(doc_id, s, e, text[s:e], t, f))  # type: ignore[arg-type]
    return out


def mention(doc: Document, surface: str, type_: str = "PER", form: str = "name", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.find(surface, start + 1)
    assert start >= 0, f"{surface!r} not in {doc.text!r}"
    return Mention(doc.id, start, start + len(surface), surface, type_, form)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def seed_spec() -> dict:
    with (HERE / "seed_mentions.toml").open("rb") as fh:
        return tomllib.load(fh)
