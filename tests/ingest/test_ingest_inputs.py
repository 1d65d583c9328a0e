"""Directories, stdin, sniffing of unknown extensions, determinism and idempotency."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from ingest_helpers import ARTICLE, documents, errors

from newsgraph.ingest import IngestError
from newsgraph.model import Document

SECOND = "Die Regierung in Astana hat neue Regeln für den Uranexport beschlossen."


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a" / "tief").mkdir(parents=True)
    (root / ".versteckt").mkdir()
    (root / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "2.txt").write_text(SECOND, encoding="utf-8")
    (root / "a" / "1.jsonl").write_text(json.dumps({"text": SECOND + " Eins."}) + "\n", encoding="utf-8")
    (root / "a" / "tief" / "3.html").write_text(
        "<html><body><article><p>" + ARTICLE + "</p></article></body></html>", encoding="utf-8"
    )
    (root / ".versteckt" / "x.txt").write_text("nicht lesen", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")


def test_directory_recursive_sorted_paths_as_given(
    tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path / "korpus")
    monkeypatch.chdir(tmp_path)
    items = ingest(["korpus/"])
    assert all(isinstance(i, Document) for i in items)
    assert [i.path for i in items] == [
        "korpus/z.txt",
        os.path.join("korpus/", "a", "1.jsonl"),
        os.path.join("korpus/", "a", "tief", "3.html"),
        os.path.join("korpus/", "b", "2.txt"),
    ]


def test_idempotent(tmp_path: Path, ingest) -> None:
    _tree(tmp_path)
    first = ingest([tmp_path])
    second = ingest([tmp_path])
    assert [(d.id, d.path, d.text, d.published, d.agencies) for d in first] == [
        (d.id, d.path, d.text, d.published, d.agencies) for d in second
    ]
    assert len({d.id for d in first}) == len(first)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch, ingest) -> None:
    _stdin(monkeypatch, ARTICLE.encode())
    [doc] = ingest(["-"])
    assert doc.text == ARTICLE and doc.path is None and doc.published == "2025-11-11"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, ingest) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://x.example/1"}),
        "kaputt",
        json.dumps({"text": SECOND}),
    ]
    _stdin(monkeypatch, "\n".join(lines).encode())
    items = ingest(["-"])
    assert [d.path for d in documents(items)] == ["https://x.example/1", None]
    assert [e.path for e in errors(items)] == ["-:2"]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch, ingest) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Titel</title></head><body><article><p>"
        + ARTICLE
        + "</p></article>"
    )
    _stdin(monkeypatch, page.encode())
    [doc] = ingest(["-"])
    assert doc.title == "Titel" and "Staatsbesuch" in doc.text and "<p>" not in doc.text


def test_stdin_text_stream_without_buffer(monkeypatch: pytest.MonkeyPatch, ingest) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECOND))
    [doc] = ingest(["-"])
    assert doc.text == SECOND


def test_large_stdin_jsonl_streams(monkeypatch: pytest.MonkeyPatch, ingest) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"{SECOND} Nummer {i}."}) for i in range(1000)]
    _stdin(monkeypatch, "\n".join(lines).encode())  # larger than the sniffed head
    items = ingest(["-"])
    assert len(items) == 1000 and items[-1].id == "n999"


@pytest.mark.parametrize(
    ("name", "content", "expected_text"),
    [
        ("notiz", ARTICLE.encode(), ARTICLE),
        ("daten.dat", json.dumps({"text": SECOND}).encode(), SECOND),
        ("seite", b"<html><body><article><p>" + SECOND.encode() + b"</p></article></body></html>", SECOND),
    ],
)
def test_unknown_extension_sniffed(
    tmp_path: Path, ingest, name: str, content: bytes, expected_text: str
) -> None:
    (tmp_path / name).write_bytes(content)
    [doc] = ingest([tmp_path / name])
    assert doc.text == expected_text


def test_unknown_binary(tmp_path: Path, ingest) -> None:
    (tmp_path / "archiv.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    (tmp_path / "daten.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00")
    items = ingest([tmp_path / "archiv.zip", tmp_path / "daten.gz"])
    assert [(e.kind, "ZIP" in e.reason or "gzip" in e.reason) for e in items] == [("binary", True)] * 2


def test_errors_are_plain_records() -> None:
    err = IngestError("a.txt", "empty: no text")
    assert (err.path, err.reason, err.kind) == ("a.txt", "empty: no text", "invalid")


def test_special_file_in_directory_reported_not_read(tmp_path: Path, ingest) -> None:
    os.mkfifo(tmp_path / "rohr")
    (tmp_path / "text.txt").write_text(SECOND, encoding="utf-8")
    pipe, doc = ingest([tmp_path])
    assert isinstance(pipe, IngestError) and pipe.kind == "unreadable" and pipe.path.endswith("rohr")
    assert "not a regular file" in pipe.reason and isinstance(doc, Document)
