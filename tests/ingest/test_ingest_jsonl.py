"""JSON Lines, JSON arrays and single objects: fields, metadata, bad lines."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import ARTICLE, documents, errors

from newsgraph.ingest import IngestError
from newsgraph.model import content_id

SECOND = "Die Regierung in Astana hat am Mittwoch neue Regeln für den Uranexport beschlossen."


def test_jsonl_fields_and_meta(tmp_path: Path, ingest) -> None:
    rows = [
        {
            "id": "a1",
            "text": ARTICLE,
            "title": "Tokajew in Moskau",
            "source": "Steppenbote",
            "published": "2025-11-10T20:00:00+05:00",
            "url": "https://example.org/a1",
            "rubrik": "Politik",
            "agencies": ["AFP"],
            "language": "de",
        },
        {"text": SECOND, "path": "archiv/2.txt", "published": "irgendwann"},
        {"text": SECOND + " Nachtrag.", "id": 7},
    ]
    path = tmp_path / "korpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    a, b, c = ingest([path])
    assert (a.id, a.title, a.source, a.path, a.published, a.published_from) == (
        "a1",
        "Tokajew in Moskau",
        "Steppenbote",
        "https://example.org/a1",
        "2025-11-10",
        "metadata",
    )
    assert a.agencies == ["AFP"]  # the input's agencies win over "(dpa)" in the text
    assert a.meta["rubrik"] == "Politik" and a.meta["input_line"] == 1
    assert b.id == content_id(SECOND) and b.path == "archiv/2.txt"
    assert b.published is None and b.meta["published_unparsed"] == "irgendwann"
    assert c.id == "7" and c.path == str(path) and c.meta["input_line"] == 3


def test_bad_lines_named_others_proceed(tmp_path: Path, ingest) -> None:
    lines = [
        json.dumps({"text": ARTICLE}),
        '{"text": "kaputt',
        "",
        '["keine", "Zeile"]',
        json.dumps({"title": "ohne Text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": SECOND}),
    ]
    path = tmp_path / "gemischt.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = ingest([path])
    assert [d.text for d in documents(items)] == [ARTICLE, SECOND]
    errs = {e.path: e for e in errors(items)}
    assert set(errs) == {f"{path}:{n}" for n in (2, 4, 5, 6, 7)}
    assert errs[f"{path}:2"].reason.startswith("invalid: invalid JSON")
    assert "not a JSON object" in errs[f"{path}:4"].reason
    assert 'no "text" field' in errs[f"{path}:5"].reason
    assert errs[f"{path}:7"].kind == "empty"


def test_json_array_and_single_object(tmp_path: Path, ingest) -> None:
    (tmp_path / "liste.json").write_text(json.dumps([{"text": ARTICLE}, {"text": SECOND}], indent=2))
    (tmp_path / "eins.json").write_text(json.dumps({"text": SECOND, "title": "Uran"}, indent=2))
    (tmp_path / "export.json").write_text(json.dumps({"format": "x", "documents": [{"text": SECOND}]}))
    items = ingest([tmp_path / "liste.json", tmp_path / "eins.json", tmp_path / "export.json"])
    assert [d.text for d in items] == [ARTICLE, SECOND, SECOND, SECOND]
    assert items[2].title == "Uran"


def test_invalid_json_file(tmp_path: Path, ingest) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text('[{"text": "a"},', encoding="utf-8")
    [err] = ingest([path])
    assert isinstance(err, IngestError) and err.kind == "invalid" and err.path == str(path)


def test_cp1252_jsonl_line(tmp_path: Path, ingest) -> None:
    path = tmp_path / "alt.jsonl"
    path.write_bytes(json.dumps({"text": "Größe und Maß"}, ensure_ascii=False).encode("cp1252"))
    warnings: list[str] = []
    [doc] = ingest([path], warnings)
    assert doc.text == "Größe und Maß" and warnings


def test_broken_first_line(tmp_path: Path, ingest) -> None:
    lines = ['{"text": "kaputt', json.dumps({"text": SECOND}), json.dumps({"text": ARTICLE})]
    for name in ("a.jsonl", "b.json"):
        (tmp_path / name).write_text("\n".join(lines), encoding="utf-8")
        items = ingest([tmp_path / name])
        assert [e.path for e in errors(items)] == [f"{tmp_path / name}:1"]
        assert len(documents(items)) == 2


def test_long_first_line(tmp_path: Path, ingest) -> None:
    long_text = (SECOND + " ") * 1500  # over the 64 KiB sniffed at the start
    path = tmp_path / "lang.json"
    path.write_text(json.dumps({"text": long_text}) + "\n" + json.dumps({"text": SECOND}), encoding="utf-8")
    assert [d.text for d in ingest([path])] == [long_text.strip(), SECOND]
