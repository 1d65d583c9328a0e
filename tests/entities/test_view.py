"""Views for the CLI: entity rows and mention contexts."""

from __future__ import annotations

from newsgraph.model import Document, Mention
from newsgraph.resolve import view
from newsgraph.resolve.entities import EntityIndex


def _index() -> EntityIndex:
    index = EntityIndex()
    for i, (date, text) in enumerate(
        [
            ("2023-05-01", "Der kasachische Außenminister Mukhtar Tleuberdi sprach im Kreml."),
            ("2024-02-01", "Der Außenminister von Kasachstan, Muchtar Tleuberdi, reiste ab."),
        ]
    ):
        doc = Document(id=f"d{i}", text=text, published=date)
        name = "Mukhtar Tleuberdi" if i == 0 else "Muchtar Tleuberdi"
        s = text.find(name)
        k = text.find("Kreml")
        mentions = [Mention(doc.id, s, s + len(name), name, "PER")]
        if k >= 0:
            mentions.append(Mention(doc.id, k, k + 5, "Kreml", "ORG"))
        index.add_document(doc, mentions)
    return index


def test_summaries_and_describe() -> None:
    index = _index()
    rows = view.summaries(index)
    assert [r["name"] for r in rows] == ["Mukhtar Tleuberdi", "Kreml"]  # Russland (part_of) has no mention
    person = rows[0]
    assert person["documents"] == 2 and person["aliases"] == ["Muchtar Tleuberdi"]
    assert person["roles"] == ["Außenminister (Kasachstan) (2023-05-01…2024-02-01)"]
    kreml = view.describe(index, "Kremls")
    assert kreml is not None and kreml["part_of_name"] == "Russland"
    assert view.describe(index, "Niemand Bekannt") is None


def test_context() -> None:
    text = "a " * 50 + "Putin kam." + " b" * 50
    s = text.find("Putin")
    line = view.context(text, s, s + 5, width=10)
    assert line.startswith("…") and line.endswith("…") and "[Putin]" in line
    assert view.context("Putin kam.", 0, 5) == "[Putin] kam."
