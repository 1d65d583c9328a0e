"""Plain text: encodings, normalization, ids and every way a text file can fail."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from ingest_helpers import ARTICLE, documents, errors

from newsgraph import settings
from newsgraph.ingest import IngestError, iter_inputs
from newsgraph.model import Document, content_id


def test_utf8_text(tmp_path: Path, ingest) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    warnings: list[str] = []
    [doc] = ingest([path], warnings)
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE
    assert doc.path == str(path)
    assert doc.id == content_id(ARTICLE)
    assert doc.language == "de"
    assert doc.agencies == ["dpa"]
    assert (doc.published, doc.published_from) == ("2025-11-11", "text")
    assert warnings == []


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_other_encodings_converted_with_warning(tmp_path: Path, ingest, encoding: str) -> None:
    text = ARTICLE if encoding == "cp1252" else ARTICLE.replace("„", '"').replace("“", '"').replace("–", "-")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    warnings: list[str] = []
    [doc] = ingest([path], warnings)
    assert isinstance(doc, Document)
    assert doc.text == text
    assert "Präsident" in doc.text and "älter" in doc.text
    assert len(warnings) == 1 and str(path) in warnings[0] and "not UTF-8" in warnings[0]
    assert doc.meta["encoding"] in ("cp1252", "latin_1")


def test_cp1252_typographic_quotes_named(tmp_path: Path, ingest) -> None:
    path = tmp_path / "quotes.txt"
    path.write_bytes("„Größe“ – 5 € für die Straße".encode("cp1252"))
    [doc] = ingest([path], [])
    assert doc.text == "„Größe“ – 5 € für die Straße"
    assert doc.meta["encoding"] == "cp1252"


def test_utf16_with_bom(tmp_path: Path, ingest) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    [doc] = ingest([path])
    assert isinstance(doc, Document) and doc.text == ARTICLE


def test_utf8_bom_removed(tmp_path: Path, ingest) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    [doc] = ingest([path])
    assert doc.text == ARTICLE and doc.id == content_id(ARTICLE)


def test_normalization(tmp_path: Path, ingest) -> None:
    decomposed = unicodedata.normalize("NFD", "Präsident Tokajew äußerte sich.")
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{decomposed}\r\nZweite Zeile.  \r\n\r\n\r\n  \n".encode())
    [doc] = ingest([path])
    assert doc.text == "Präsident Tokajew äußerte sich.\nZweite Zeile."
    assert unicodedata.is_normalized("NFC", doc.text)


def test_same_text_same_id_whatever_the_encoding(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8") + b"\n\n")
    (tmp_path / "b.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    a, b = ingest([tmp_path / "a.txt", tmp_path / "b.txt"], [])
    assert a.id == b.id


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"", "empty"),
        (b"   \n\n\t  \n", "empty"),
    ],
)
def test_failures(tmp_path: Path, ingest, content: bytes, kind: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [err] = ingest([path])
    assert isinstance(err, IngestError)
    assert err.path == str(path) and err.kind == kind and err.reason.startswith(kind)


def test_missing_file(ingest) -> None:
    [err] = ingest(["/nonexistent/artikel.txt"])
    assert err == IngestError("/nonexistent/artikel.txt", "unreadable: no such file", "unreadable")


def test_permission_denied(tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.ingest import source

    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(source, "open", denied, raising=False)
    [err] = ingest([path])
    assert (err.path, err.kind, err.reason) == (str(path), "unreadable", "unreadable: permission denied")


def test_over_byte_limit(tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 100)
    (tmp_path / "big.txt").write_text("Wort " * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Ein kurzer Text.", encoding="utf-8")
    big, small = ingest([tmp_path / "big.txt", tmp_path / "small.txt"])
    assert isinstance(big, IngestError) and big.kind == "too_large" and "100" in big.reason
    assert isinstance(small, Document)


def test_over_char_limit(tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_TEXT_CHARS", 50)
    (tmp_path / "long.txt").write_text(ARTICLE, encoding="utf-8")
    [err] = ingest([tmp_path / "long.txt"])
    assert err.kind == "too_large" and "characters" in err.reason


def test_undecodable(tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "INGEST_ENCODINGS", ("ascii",))
    (tmp_path / "odd.txt").write_bytes("Größe".encode("cp1252"))
    [err] = ingest([tmp_path / "odd.txt"], [])
    assert err.kind == "undecodable"


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = list(iter_inputs([str(tmp_path), "/nonexistent"]))
    assert len(documents(items)) == 1
    assert sorted(e.kind for e in errors(items)) == ["binary", "empty", "unreadable"]
