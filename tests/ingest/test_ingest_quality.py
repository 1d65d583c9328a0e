"""Quality floors for metadata found in text, on public data (run with -s to see the figures).

quotes2024 (German Wikinews) names each article's publication date in its file name: the dates found
in the text are scored against it. 10kGNAD (der Standard, 2015–2016) has no dates, but many articles
close with an agency credit "(APA/dpa, 1.11.2015)": every date found must lie in those years.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from newsgraph.ingest.metadata import find_metadata

pytestmark = pytest.mark.slow


def test_published_precision_on_wikinews(shared_data: Path) -> None:
    files = sorted((shared_data / "quotes2024").glob("*/*.json"))
    if not files:
        pytest.skip("quotes2024 not present")
    dated = correct = 0
    for path in files:
        gold = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.json$", path.name)
        if not gold:
            continue
        found = find_metadata(json.loads(path.read_text(encoding="utf-8"))["originalText"])
        if found.published:
            dated += 1
            correct += found.published == gold[1]
    print(f"\nquotes2024: {len(files)} articles, {dated} dated from the text, {correct} correct")
    assert dated and correct / dated >= 0.5


def test_dates_and_agencies_on_10kgnad(shared_data: Path) -> None:
    path = shared_data / "10kgnad" / "articles.csv"
    if not path.exists():
        pytest.skip("10kGNAD not present")
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) == 2]
    found = [find_metadata(text) for text in texts]
    years = [f.published[:4] for f in found if f.published]
    with_agencies = sum(1 for f in found if f.agencies)
    print(
        f"\n10kGNAD: {len(texts)} articles, {len(years)} dated from the text, {with_agencies} with agencies"
    )
    assert len(years) >= 50 and set(years) <= {"2015", "2016"}
    assert with_agencies >= 50
