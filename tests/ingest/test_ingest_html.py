"""HTML pages through trafilatura: main text without boilerplate, metadata from the page."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import ARTICLE

from newsgraph.ingest import IngestError
from newsgraph.model import Document

PARAGRAPHS = "".join(f"<p>{p}</p>\n" for p in ARTICLE.split("\n"))
PAGE = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Tokajew reist nach Moskau | Steppenbote</title>
<meta property="og:title" content="Tokajew reist nach Moskau">
<meta property="og:site_name" content="Steppenbote">
<meta property="article:published_time" content="2025-11-10T18:30:00+05:00">
<meta name="author" content="Aigerim Nurlanova">
</head><body>
<nav><a href="/">Startseite</a> | <a href="/politik">Politik</a> | <a href="/wirtschaft">Wirtschaft</a></nav>
<article><h1>Tokajew reist nach Moskau</h1>
{PARAGRAPHS}</article>
<aside>Lesen Sie auch: Zehn Tipps für den Winter in der Steppe</aside>
<footer>Impressum | Datenschutz | Kontakt | © Steppenbote 2025</footer>
</body></html>"""


def test_page_with_meta_tags(tmp_path: Path, ingest) -> None:
    path = tmp_path / "seite.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = ingest([path])
    assert isinstance(doc, Document)
    assert doc.title == "Tokajew reist nach Moskau"
    assert doc.source == "Steppenbote"
    # the page's metadata wins over the date in the text (11.11.2025)
    assert (doc.published, doc.published_from) == ("2025-11-10", "metadata")
    assert doc.path == str(path)
    assert doc.language == "de"
    assert "Staatsbesuch nach Moskau" in doc.text and "Kernkraftwerks" in doc.text
    for boilerplate in ("Impressum", "Startseite", "Datenschutz"):
        assert boilerplate not in doc.text
    assert not doc.text.startswith("Tokajew reist nach Moskau")  # the headline is the title, not text
    assert doc.agencies == ["dpa"]  # none in the page's metadata: found in the text
    assert doc.meta.get("author") == "Aigerim Nurlanova"


def test_page_without_metadata_uses_the_text(tmp_path: Path, ingest) -> None:
    path = tmp_path / "nackt.htm"
    path.write_text(f"<html><body><article>{PARAGRAPHS}</article></body></html>", encoding="utf-8")
    [doc] = ingest([path])
    assert (doc.published, doc.published_from) == ("2025-11-11", "text")


def test_declared_legacy_charset(tmp_path: Path, ingest) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    path = tmp_path / "alt.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = ingest([path], [])
    assert "Präsident" in doc.text and "„Unsere Beziehungen" in doc.text


def test_page_without_text_is_empty(tmp_path: Path, ingest) -> None:
    path = tmp_path / "leer.html"
    path.write_text("<html><head><title>Nichts</title></head><body><nav>Menü</nav></body></html>")
    [err] = ingest([path])
    assert isinstance(err, IngestError) and err.kind == "empty" and err.path == str(path)


def test_binary_with_html_extension(tmp_path: Path, ingest) -> None:
    path = tmp_path / "bild.html"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    [err] = ingest([path])
    assert err.kind == "binary"
