"""Language resources as data: one folder per language (``lang/de/``).

Engine code never names a word of a language; it loads the words and rules from here.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent


def resource(lang: str, name: str) -> Path:
    """Path of a resource file, e.g. ``resource("de", "timex/rules.toml")``."""
    path = ROOT / lang / name
    if not path.exists():
        raise FileNotFoundError(f"no resource {name!r} for language {lang!r} ({path})")
    return path


@cache
def load_toml(lang: str, name: str) -> dict[str, Any]:
    """A TOML resource, parsed once per process."""
    with resource(lang, name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def load_lines(lang: str, name: str) -> tuple[str, ...]:
    """A plain word list: one entry a line, ``#`` starts a comment, blank lines ignored."""
    out = []
    for line in resource(lang, name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)
