"""Regular expressions built from data: ``{NAME}`` placeholders filled from tables, words as alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")


def expand(template: str, placeholders: Mapping[str, str], max_depth: int = 10) -> str:
    """Fill ``{NAME}`` placeholders (which may contain others); regex quantifiers ``{0,3}`` are left alone."""
    out = template
    for _ in range(max_depth):
        new = _PLACEHOLDER.sub(lambda m: _lookup(placeholders, m.group(1)), out)
        if new == out:
            return new
        out = new
    raise ValueError(f"placeholders nest too deep in {template!r}")


def _lookup(placeholders: Mapping[str, str], name: str) -> str:
    if name not in placeholders:
        raise KeyError(f"unknown placeholder {{{name}}}")
    return placeholders[name]


def alternation(words: Iterable[str], group: str | None = None) -> str:
    """Whole-word alternation of literal words, longest first so that "dpa-AFX" beats "dpa"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in unique)
    inner = f"(?P<{group}>{body})" if group else f"(?:{body})"
    return rf"(?<![\w\-]){inner}(?!\w|-\w)"


def line_of(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def trailer_start(text: str, lines: int) -> int:
    """Offset where the last ``lines`` non-blank lines begin (0 when the text has no more)."""
    starts: list[int] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts[-lines] if len(starts) >= lines else 0
