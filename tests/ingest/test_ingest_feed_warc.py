"""RSS and Atom feeds, WARC archives (written with warcio)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_helpers import ARTICLE, documents, errors

from newsgraph.ingest import IngestError

SECOND = (
    "Die Regierung in Astana hat neue Regeln für den Uranexport beschlossen. Kritiker sprechen von Willkür."
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Steppenbote – Politik</title><link>https://steppenbote.example/</link>
<item><title>Tokajew reist nach Moskau</title><link>https://steppenbote.example/a/1</link>
<guid>urn:steppenbote:1</guid><pubDate>Mon, 10 Nov 2025 22:30:00 +0500</pubDate>
<description><![CDATA[<p>Kurzfassung.</p>]]></description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[
{"".join(f"<p>{p}</p>" for p in ARTICLE.split(chr(10)))}<script>track()</script>]]></content:encoded>
</item>
<item><title>Neue Regeln &amp; Kritik</title><link>https://steppenbote.example/a/2</link>
<description>&lt;p&gt;{SECOND}&lt;/p&gt;</description></item>
<item><title>Ohne Text</title><link>https://steppenbote.example/a/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ostwind Nachrichten</title>
<id>urn:ostwind</id><updated>2025-11-12T08:00:00Z</updated>
<entry><title>Uranexport</title><id>urn:ostwind:7</id><link href="https://ostwind.example/7"/>
<published>2025-11-12T07:45:00+01:00</published><updated>2025-11-12T09:00:00+01:00</updated>
<summary>Kurz.</summary>
<content type="html">&lt;p&gt;{SECOND}&lt;/p&gt;&lt;p&gt;Zweiter Absatz.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss(tmp_path: Path, ingest) -> None:
    path = tmp_path / "politik.rss"
    path.write_text(RSS, encoding="utf-8")
    items = ingest([path])
    a, b = documents(items)
    assert a.text == ARTICLE  # content:encoded beats the short description; no markup, no script
    assert (a.path, a.title, a.source) == (
        "https://steppenbote.example/a/1",
        "Tokajew reist nach Moskau",
        "Steppenbote – Politik",
    )
    assert (a.published, a.published_from) == ("2025-11-10", "metadata")  # the publisher's date, not UTC
    assert a.meta["guid"] == "urn:steppenbote:1"
    assert b.text == SECOND and b.title == "Neue Regeln & Kritik" and b.published is None
    [err] = errors(items)
    assert err.path == "https://steppenbote.example/a/3" and err.kind == "empty"


def test_atom(tmp_path: Path, ingest) -> None:
    path = tmp_path / "feed.xml"  # no telling extension: sniffed
    path.write_text(ATOM, encoding="utf-8")
    [doc] = ingest([path])
    assert doc.text == f"{SECOND}\nZweiter Absatz."
    assert (doc.source, doc.path, doc.published) == (
        "Ostwind Nachrichten",
        "https://ostwind.example/7",
        "2025-11-12",
    )


def test_broken_feed(tmp_path: Path, ingest) -> None:
    path = tmp_path / "kaputt.atom"
    path.write_text("<feed><entry><title>abgebrochen", encoding="utf-8")
    [err] = ingest([path])  # feedparser salvages an entry without text
    assert isinstance(err, IngestError) and err.path.startswith(str(path)) and err.kind == "empty"
    path.write_text("<rss><channel><title>nichts", encoding="utf-8")
    [err] = ingest([path])
    assert err.path == str(path) and err.kind in ("invalid", "empty")


def _warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for uri, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


PAGE = (
    "<html><head><title>Uran | Ostwind</title><meta property='og:site_name' content='Ostwind'></head><body>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n"))
    + "<footer>Impressum</footer></body></html>"
)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc(tmp_path: Path, ingest, name: str) -> None:
    path = tmp_path / name
    _warc(
        path,
        [
            ("https://ostwind.example/uran", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://ostwind.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://ostwind.example/weg", "404 Not Found", "text/html", b"<html><body>weg</body></html>"),
            (
                "https://ostwind.example/alt",
                "200 OK",
                "text/html; charset=windows-1252",
                PAGE.replace("Uran |", "Alt |").encode("cp1252"),
            ),
            ("https://ostwind.example/leer", "200 OK", "text/html", b"<html><body></body></html>"),
        ],
        gzip=name.endswith(".gz"),
    )
    items = ingest([path], [])
    a, b = documents(items)
    assert (a.path, a.source, a.title) == ("https://ostwind.example/uran", "Ostwind", "Uran")
    assert a.text == ARTICLE and "crawled" in a.meta
    assert b.path == "https://ostwind.example/alt" and b.text == ARTICLE
    [err] = errors(items)
    assert err.path == "https://ostwind.example/leer" and err.kind == "empty"


def test_not_a_warc(tmp_path: Path, ingest) -> None:
    path = tmp_path / "falsch.warc"
    path.write_text("Das ist kein Archiv.", encoding="utf-8")
    [err] = ingest([path])
    assert err.path == str(path) and err.kind == "invalid"


def test_warc_without_html(tmp_path: Path, ingest) -> None:
    path = tmp_path / "bilder.warc.gz"
    _warc(path, [("https://x.example/a.png", "200 OK", "image/png", b"\x89PNG\r\n")], gzip=True)
    [err] = ingest([path])
    assert err.kind == "empty" and "no HTML" in err.reason


def test_warc_and_feed_on_stdin(tmp_path: Path, ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://ostwind.example/uran", "200 OK", "text/html", PAGE.encode())], gzip=True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    [doc] = ingest(["-"])
    assert doc.path == "https://ostwind.example/uran" and doc.text == ARTICLE
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ATOM.encode())))
    [doc] = ingest(["-"])
    assert doc.source == "Ostwind Nachrichten"
