"""The example corpus and its gold file agree with each other.

``examples/gold.toml`` lists the facts planted in ``examples/articles/``; later features (NER, entity
merging, quantities, timexes, quotes, events, comparisons) test against it. These tests make sure
every gold string is really in its article (exactly, and at one place when it is meant to pin one),
that every article is listed, that dates and TIMEX3 values are well formed and consistent with the
publication dates, and that the expected comparison verdicts follow from the qualifier intervals.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
import tomllib
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOLD_PATH = EXAMPLES / "gold.toml"
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".json", ".rss", ".atom"}

GOLD: dict[str, Any] = tomllib.loads(GOLD_PATH.read_text(encoding="utf-8"))
DOCS: dict[str, dict[str, Any]] = {d["id"]: d for d in GOLD["document"]}
ENTITIES: dict[str, dict[str, Any]] = {e["key"]: e for e in GOLD["entity"]}
QUANTITIES: dict[str, dict[str, Any]] = {q["id"]: q for q in GOLD["quantity"]}
OUTLETS: dict[str, dict[str, Any]] = {o["key"]: o for o in GOLD["outlet"]}

QUALIFIERS = {"exact", "approx", "almost", "more_than", "less_than", "at_least", "at_most"}
UNITS = {"USD", "EUR", "RUB", "UZS", "a", "h", "Cel", "km", "t", "%", "m3", "m3/a", "[bbl_us]/d"}
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
QUOTE_KINDS = {"direct", "indirect", "reported", "free_indirect"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
EVENT_STATUS = {"reported", "planned", "negated"}
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

_DATE = r"\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?)?|W\d{2}|SU|WI|SP|FA|Q[1-4]|H[12]))?"
_POINT = rf"(?:{_DATE}|PRESENT_REF|PAST_REF|FUTURE_REF)"
_DURATION = r"P(?:\d+(?:\.\d+)?[YMWD])+|PT(?:\d+(?:\.\d+)?[HMS])+"
TIMEX3 = re.compile(rf"^(?:{_POINT}(?:/{_POINT})?|{_DURATION})$")


# ----------------------------------------------------------------------------------------- loading
class _ArticleText(HTMLParser):
    """Text of the <article> element, one line per block, whitespace collapsed (no trafilatura)."""

    BLOCKS = {"p", "h1", "h2", "h3", "li", "div", "header", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.lines: list[str] = []
        self.buf: list[str] = []

    def _flush(self) -> None:
        line = " ".join("".join(self.buf).split())
        if line:
            self.lines.append(line)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in self.BLOCKS:
            self._flush()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.buf.append(data)


def html_article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines)


def jsonl_records(path: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            obj = json.loads(line)
            assert "id" in obj and "text" in obj, f"{path.name}:{n}: a record needs id and text"
            records[obj["id"]] = obj
    return records


RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def rss_channel(path: Path) -> ET.Element:
    channel = ET.parse(path).getroot().find("channel")
    assert channel is not None, f"{path.name}: no RSS channel"
    return channel


def rss_items(path: Path) -> dict[str, ET.Element]:
    return {item.findtext("guid", ""): item for item in rss_channel(path).iter("item")}


def article_text(doc: dict[str, Any]) -> str:
    path = EXAMPLES / doc["file"]
    if doc["format"] == "jsonl":
        return jsonl_records(path)[doc["record"]]["text"]
    if doc["format"] == "rss":
        content = rss_items(path)[doc["record"]].findtext(RSS_CONTENT, "")
        return html_article_text(f"<article>{content}</article>")
    raw = path.read_text(encoding="utf-8")
    return html_article_text(raw) if doc["format"] == "html" else raw


TEXTS: dict[str, str] = {doc_id: article_text(doc) for doc_id, doc in DOCS.items()}


def count(text: str, sub: str) -> int:
    return text.count(sub)


def word_spans(text: str, sub: str) -> list[tuple[int, int]]:
    """Spans of ``sub`` as a whole word (a hyphen joins words: 'EU-Kommission' is one word)."""
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(sub)}(?![\w-])", text)]


def word_count(text: str, sub: str, longer: tuple[str, ...] = ()) -> int:
    """Whole-word occurrences of ``sub`` that are not part of an occurrence of a ``longer`` spelling."""
    covered = [span for other in longer if sub in other and other != sub for span in word_spans(text, other)]
    return sum(
        1 for start, end in word_spans(text, sub) if not any(a <= start and end <= b for a, b in covered)
    )


def all_spellings(ent: dict[str, Any]) -> tuple[str, ...]:
    return tuple({s for form in ("names", "deriv", "part") for sp in ent.get(form, {}).values() for s in sp})


def pinned(text: str, item: dict[str, Any], key: str) -> str | None:
    """An error message when item[key] cannot be located at exactly one place, else None."""
    sub = item[key]
    if "context" in item:
        if sub not in item["context"]:
            return f"{key} {sub!r} is not inside its context {item['context']!r}"
        n = count(text, item["context"])
        return None if n == 1 else f"context {item['context']!r} occurs {n} times"
    n = count(text, sub)
    return None if n == 1 else f"{key} {sub!r} occurs {n} times (give a context that occurs once)"


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def item_id(item: dict[str, Any]) -> str:
    return str(
        item.get("id") or f"{item['doc']}:{item.get('text') or item.get('start') or item.get('trigger')}"
    )


# ----------------------------------------------------------------------------------------- documents
def test_every_article_is_listed_and_every_listed_article_exists() -> None:
    listed = {(d["file"], d.get("record")) for d in GOLD["document"]}
    found: set[tuple[str, str | None]] = set()
    for path in sorted((EXAMPLES / "articles").iterdir()):
        if path.suffix not in ARTICLE_SUFFIXES:
            continue
        rel = path.relative_to(EXAMPLES).as_posix()
        if path.suffix == ".jsonl":
            found |= {(rel, rid) for rid in jsonl_records(path)}
        elif path.suffix in {".rss", ".atom"}:
            found |= {(rel, guid) for guid in rss_items(path)}
        else:
            found.add((rel, None))
    assert found == listed
    assert len(DOCS) == len(GOLD["document"]) >= 6, "document ids must be unique; at least six articles"


def test_three_outlets_and_all_formats() -> None:
    outlets = {o["key"] for o in GOLD["outlet"]}
    assert len(outlets) >= 3
    assert {d["outlet"] for d in DOCS.values()} == outlets
    assert {"txt", "html", "jsonl", "rss"} <= {d["format"] for d in DOCS.values()}


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_document_metadata(doc_id: str) -> None:
    doc = DOCS[doc_id]
    published = dt.date.fromisoformat(doc["published"])
    week_start, week_end = (dt.date.fromisoformat(x) for x in GOLD["corpus"]["week"].split("/"))
    assert week_start <= published <= week_end
    assert doc["published_from"] in {"text", "metadata"}
    outlet = next(o for o in GOLD["outlet"] if o["key"] == doc["outlet"])
    assert doc["source"] == outlet["name"]
    assert isinstance(doc["agencies"], list)
    text = TEXTS[doc_id]
    for agency in [*doc["agencies"], *doc.get("agencies_ok", [])]:
        assert agency in text or agency == doc["source"], f"agency {agency!r} is not named in the text"
    n_words = len(text.split())
    assert 250 <= n_words <= 600, f"{doc_id}: {n_words} words"
    raw = (EXAMPLES / doc["file"]).read_text(encoding="utf-8")
    if doc["format"] == "txt":
        assert doc["published_from"] == "text"
        first_sentence = re.split(r"(?<=[a-zäöüß)])[.!?] (?=[A-ZÄÖÜ])", text, maxsplit=1)[0]
        assert count(first_sentence, doc["date_in_text"]) == 1, "the date belongs in the first sentence"
        assert doc["source"] in text
    elif doc["format"] == "html":
        assert f'<meta property="og:site_name" content="{doc["source"]}">' in raw
        assert f"<title>{doc['title']}" in raw
        assert re.search(
            rf'<meta (?:name="date"|property="article:published_time") content="{doc["published"]}', raw
        )
        for marker in doc["boilerplate"]:
            assert marker in raw, f"boilerplate {marker!r} is not on the page"
    elif doc["format"] == "rss":
        item = rss_items(EXAMPLES / doc["file"])[doc["record"]]
        assert rss_channel(EXAMPLES / doc["file"]).findtext("title") == doc["source"]
        assert item.findtext("title") == doc["title"]
        assert item.findtext("link") == doc["path"]
        assert parsedate_to_datetime(item.findtext("pubDate", "")).date().isoformat() == doc["published"]
        assert all(f"({agency})" in text for agency in doc["agencies"])
        copy, original = shingles(text), shingles(TEXTS[doc["near_duplicate_of"]])
        assert len(copy & original) >= 0.6 * len(copy), "a near-duplicate is mostly the original's text"
    else:
        record = jsonl_records(EXAMPLES / doc["file"])[doc["record"]]
        assert record["source"] == doc["source"]
        assert record["title"] == doc["title"]
        assert record["published"].startswith(doc["published"])
        assert record["url"] == doc["path"]
        assert set(doc["meta_kept"]) <= set(record)


def test_html_survives_trafilatura() -> None:
    trafilatura = pytest.importorskip("trafilatura")
    for doc_id, doc in DOCS.items():
        if doc["format"] != "html":
            continue
        raw = (EXAMPLES / doc["file"]).read_text(encoding="utf-8")
        extracted = trafilatura.extract(raw) or ""
        meta = trafilatura.extract_metadata(raw)
        assert meta.sitename == doc["source"] and meta.date == doc["published"]
        for marker in doc["boilerplate"]:
            assert marker not in extracted, f"{doc_id}: boilerplate {marker!r} extracted"
        strings = [q["text"] for q in GOLD["quantity"] if q["doc"] == doc_id]
        strings += [t["text"] for t in GOLD["timex"] if t["doc"] == doc_id]
        strings += [q["start"] for q in GOLD["quote"] if q["doc"] == doc_id]
        missing = [s for s in strings if s not in extracted]
        assert not missing, f"{doc_id}: not in trafilatura's text: {missing}"


# ----------------------------------------------------------------------------------------- entities
def test_entity_keys_and_types() -> None:
    assert len(ENTITIES) == len(GOLD["entity"])
    for ent in GOLD["entity"]:
        assert ent["type"] in ENTITY_TYPES, ent["key"]
        for form in ("names", "deriv", "part"):
            assert set(ent.get(form, {})) <= set(DOCS), f"{ent['key']}: unknown document in {form}"


@pytest.mark.parametrize("key", sorted(ENTITIES))
def test_entity_spellings_occur(key: str) -> None:
    ent = ENTITIES[key]
    for form in ("names", "deriv", "part"):
        for doc_id, spellings in ent.get(form, {}).items():
            for spelling in spellings:
                n = word_count(TEXTS[doc_id], spelling, all_spellings(ent))
                assert n, f"{key}/{form}: {spelling!r} not in {doc_id} (standing alone)"


def test_entity_spellings_are_complete_across_documents() -> None:
    """A spelling listed for an entity in one article is listed wherever else it occurs."""
    for ent in GOLD["entity"]:
        for form in ("names", "deriv", "part"):
            listed = ent.get(form, {})
            every = {s for spellings in listed.values() for s in spellings}
            for doc_id, text in TEXTS.items():
                present = {s for s in every if word_count(text, s, all_spellings(ent))}
                assert present <= set(listed.get(doc_id, [])), f"{ent['key']}/{form} in {doc_id}: {present}"


def test_country_adjectives_are_all_listed() -> None:
    deriv = {
        (doc_id, s)
        for ent in GOLD["entity"]
        for doc_id, spellings in ent.get("deriv", {}).items()
        for s in spellings
    }
    stems = "|".join(
        sorted({s[:-2] for ent in GOLD["entity"] for sp in ent.get("deriv", {}).values() for s in sp if s})
    )
    for doc_id, text in TEXTS.items():
        for word in re.findall(rf"(?<![\w-])(?:{stems})\w*(?![\w-])", text):
            assert (doc_id, word) in deriv, f"{doc_id}: adjective {word!r} not in any entity's deriv"


def test_name_variants_are_planted() -> None:
    """The story needs spellings that differ between outlets, for people and for places."""
    for key in ("kowaljow", "tursunow", "sadykowa", "saizew", "taschkent", "buchara", "karakul"):
        spellings = {s for sp in ENTITIES[key]["names"].values() for s in sp}
        full = {s for s in spellings if " " in s} or spellings
        assert len(full) >= 2, f"{key} has a single spelling"


# ----------------------------------------------------------------------------------------- quantities
@pytest.mark.parametrize("qid", sorted(QUANTITIES))
def test_quantity(qid: str) -> None:
    q = QUANTITIES[qid]
    text = TEXTS[q["doc"]]
    assert (err := pinned(text, q, "text")) is None, f"{qid}: {err}"
    assert q["qualifier"] in QUALIFIERS
    assert isinstance(q["value"], int | float)
    assert q.get("unit", "USD") in UNITS, q.get("unit")
    if "value_max" in q:
        assert q["value_max"] > q["value"]
    for time in [q.get("time"), *q.get("time_alt", [])]:
        assert time is None or TIMEX3.match(time), time
    assert "time_alt" not in q or "time" in q
    for ref in q.get("subjects", []):
        assert ref in ENTITIES, f"{qid}: unknown entity {ref!r}"
    speaker = q.get("speaker")
    assert speaker is None or speaker in ENTITIES or speaker in OUTLETS, f"{qid}: unknown speaker {speaker!r}"
    if "copy_of" in q:
        original = QUANTITIES[q["copy_of"]]
        assert (original["text"], original["value"]) == (q["text"], q["value"])
        assert DOCS[q["doc"]]["near_duplicate_of"] == original["doc"]
    if "speaker_text" in q:
        assert q["speaker_text"] in text, f"{qid}: speaker_text not in article"
    assert q.get("measure_key"), f"{qid}: measure_key is needed to align comparisons"


def test_not_quantities_occur() -> None:
    for item in GOLD["not_quantity"]:
        for sub in item["texts"]:
            assert sub in TEXTS[item["doc"]], f"{item['doc']}: {sub!r}"


# ----------------------------------------------------------------------------------------- timexes
@pytest.mark.parametrize("i", range(len(GOLD["timex"])), ids=[item_id(t) for t in GOLD["timex"]])
def test_timex(i: int) -> None:
    t = GOLD["timex"][i]
    text = TEXTS[t["doc"]]
    assert (err := pinned(text, t, "text")) is None, err
    assert t["type"] in TIMEX_TYPES
    for value in [t["value"], *t.get("alt", [])]:
        assert TIMEX3.match(value), value
    value = t["value"]
    if t["type"] == "DURATION" or t["type"] == "SET":
        assert value.startswith("P")
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        date = parse_date(value)  # raises on an impossible date
        published = dt.date.fromisoformat(DOCS[t["doc"]]["published"])
        for n, day in enumerate(WEEKDAYS):
            if day.lower() in t["text"].lower():
                assert date.weekday() == n, f"{t['text']!r} → {value} is not a {day}"
        relative = {"gestern": -1, "heute": 0, "morgen": 1}
        if t["text"].lower() in relative and t.get("anchor", "doc") == "doc":
            assert date == published + dt.timedelta(days=relative[t["text"].lower()])
    if re.match(r"^\d{4}-W\d{2}$", value):
        year, week = int(value[:4]), int(value[6:])
        dt.date.fromisocalendar(year, week, 1)


def test_relative_dates_point_both_ways() -> None:
    """Weekday names resolve backwards and forwards from each article's own date, and a weekday equal
    to the publication weekday with 'vergangenen' goes a whole week back."""
    offsets = set()
    for t in GOLD["timex"]:
        if any(day.lower() in t["text"].lower() for day in WEEKDAYS):
            published = dt.date.fromisoformat(DOCS[t["doc"]]["published"])
            offsets.add((parse_date(t["value"]) - published).days)
    assert min(offsets) <= -7 and max(offsets) >= 1 and 0 in offsets
    assert any(t.get("anchor") == "text" for t in GOLD["timex"])


# ----------------------------------------------------------------------------------------- quotes
@pytest.mark.parametrize("i", range(len(GOLD["quote"])), ids=[item_id(q) for q in GOLD["quote"]])
def test_quote(i: int) -> None:
    q = GOLD["quote"][i]
    text = TEXTS[q["doc"]]
    assert (err := pinned(text, q, "start")) is None, err
    assert q["kind"] in QUOTE_KINDS and set(q.get("alt_kinds", [])) <= QUOTE_KINDS
    assert q.get("speaker") is None or q["speaker"] in ENTITIES
    if "speaker_text" in q:
        assert q["speaker_text"] in text
    if "cue" in q:
        assert all(part in text for part in q["cue"].split()), q["cue"]


def test_quote_styles_are_covered() -> None:
    styles = {s for q in GOLD["quote"] for s in q["style"]}
    need = {
        "direct", "speaker_before_colon", "speaker_after", "two_sentences", "partial_quote_inside",
        "konjunktiv", "dass", "reported", "laut", "nach_angaben", "so_x", "wie_mitteilte", "pronoun",
        "role_noun", "free_indirect",
    }  # fmt: skip
    assert need <= styles, need - styles


# ----------------------------------------------------------------------------------------- events
@pytest.mark.parametrize("i", range(len(GOLD["event"])), ids=[item_id(e) for e in GOLD["event"]])
def test_event(i: int) -> None:
    e = GOLD["event"][i]
    assert (err := pinned(TEXTS[e["doc"]], e, "trigger")) is None, err
    assert re.fullmatch(r"\d{3,4}", e["code"])
    assert e["status"] in EVENT_STATUS
    for ref in [*e.get("actors", []), *e.get("targets", []), e.get("place")]:
        assert ref is None or ref in ENTITIES, ref
    if "time" in e:
        assert TIMEX3.match(e["time"])


def test_event_kinds_are_covered() -> None:
    codes = {e["code"] for e in GOLD["event"]}
    assert {"042", "043", "040", "057", "163", "141", "111"} <= codes
    assert any(e["status"] == "planned" and e["code"] == "057" for e in GOLD["event"])


# ----------------------------------------------------------------------------------------- comparisons
def interval(q: dict[str, Any]) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) for a quantity, by its qualifier (issue 8's convention)."""
    x = float(q["value"])
    if "value_max" in q:
        return x, float(q["value_max"]), False, False
    return {
        "exact": (x, x, False, False),
        "approx": (0.9 * x, 1.1 * x, False, False),
        "almost": (0.9 * x, x, False, True),
        "more_than": (x, math.inf, True, True),
        "at_least": (x, math.inf, False, True),
        "at_most": (0.0, x, False, False),
        "less_than": (0.0, x, False, True),
    }[q["qualifier"]]


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo_a, hi_a, lo_open_a, hi_open_a = interval(a)
    lo_b, hi_b, lo_open_b, hi_open_b = interval(b)
    low = max(lo_a, lo_b)
    high = min(hi_a, hi_b)
    low_open = (lo_a == low and lo_open_a) or (lo_b == low and lo_open_b)
    high_open = (hi_a == high and hi_open_a) or (hi_b == high and hi_open_b)
    return low < high or (low == high and not low_open and not high_open)


@pytest.mark.parametrize("cid", [c["id"] for c in GOLD["comparison"]])
def test_comparison_verdict_follows_from_the_intervals(cid: str) -> None:
    c = next(c for c in GOLD["comparison"] if c["id"] == cid)
    qs = [QUANTITIES[qid] for qid in c["quantities"]]
    assert sorted(c["quantities"]) == sorted(q for g in c["groups"] for q in g)
    assert len({q["doc"] for q in qs}) >= 2, "a comparison spans documents"
    for q in qs:
        assert q["measure_key"] == c["measure"], q["id"]
        assert q.get("unit", "") == c["unit"], q["id"]
        assert set(c["subjects"]) <= set(q.get("subjects", [])), q["id"]
        assert q.get("time", c["time"]) == c["time"] or not c["time"], q["id"]
    for group in c["groups"]:
        for a, b in itertools.combinations(group, 2):
            assert compatible(QUANTITIES[a], QUANTITIES[b]), f"{a} and {b} are in one group"
    clashes = {
        frozenset((a, b))
        for a, b in itertools.combinations(c["quantities"], 2)
        if not compatible(QUANTITIES[a], QUANTITIES[b])
    }
    assert clashes == {frozenset(pair) for pair in c.get("conflicting_pairs", [])}
    assert (c["verdict"] == "conflict") == bool(clashes)
    outlets = {DOCS[QUANTITIES[q]["doc"]]["outlet"] for q in c["quantities"]}
    assert len(outlets) >= 2, "a comparison is across outlets"


def test_planted_comparisons_cover_agree_and_conflict() -> None:
    verdicts = [c["verdict"] for c in GOLD["comparison"] if not c.get("stretch")]
    assert verdicts.count("conflict") >= 3 and verdicts.count("agree") >= 3


@pytest.mark.parametrize("tid", [t["id"] for t in GOLD["trap"]])
def test_trap_is_explained_by_scope_subject_measure_or_unit(tid: str) -> None:
    trap = next(t for t in GOLD["trap"] if t["id"] == tid)
    for a, b in itertools.product(trap["left"], trap["right"]):
        qa, qb = QUANTITIES[a], QUANTITIES[b]
        differs = (
            qa["measure_key"] != qb["measure_key"]
            or qa.get("unit") != qb.get("unit")
            or set(qa.get("subjects", [])) != set(qb.get("subjects", []))
            or ("time" in qa and "time" in qb and qa["time"] != qb["time"])
        )
        assert differs, f"{tid}: {a} and {b} share measure, unit, subjects and time"
        in_same_comparison = any(a in c["quantities"] and b in c["quantities"] for c in GOLD["comparison"])
        assert not in_same_comparison, f"{tid}: {a} and {b} must not be compared"
