"""Score the timex tagger on the WikiWarsDE format (TIMEX2 inline annotations).

``run(path)`` reads ``path/keyinline/*.xml`` (or ``path`` itself when it holds the files): each
document's ``<DATETIME>`` is its date (the anchor), its ``<TEXT>`` with the ``<TIMEX2 val=...>``
tags removed is what gets tagged. Scores: strict extent (same span) and relaxed extent (overlapping
spans, one-to-one) precision/recall/F1, and value accuracy on the relaxed matches whose gold has a
value. TIMEX2 values are mapped to TIMEX3 where they differ (``P10CE`` -> ``P1000Y``, ``P2DE`` ->
``P20Y``), and durations are compared by length (``P2D`` = ``PT48H``). Extents: the tagger includes
a leading preposition (*am Mittwoch*, *im Jahr 2024*: the project's convention), TIMEX2 keys leave it
out (*Mittwoch*, *Jahr 2024*); ``strict`` compares after dropping such a preposition (the list
``extent_prepositions`` of the language's vocabulary), ``strict_as_tagged`` compares the raw spans.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.extract.timex import vocab as vocab_mod
from newsgraph.extract.timex.tagger import run as tag_run

_TAG = re.compile(r"<(/?)TIMEX2\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DATETIME = re.compile(r"<DATETIME>(.*?)</DATETIME>", re.S)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DUR = re.compile(r"^P(?:(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE|ML))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    mod: str | None = None


@dataclass
class GoldDoc:
    name: str
    text: str
    anchor: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def parse(path: Path) -> GoldDoc:
    """One keyinline file: the plain text of <TEXT>, its TIMEX2 spans with values, the DATETIME date."""
    raw = path.read_text(encoding="utf-8")
    m = _DATETIME.search(raw)
    anchor = None
    if m:
        d = _DATE.search(m.group(1))
        anchor = d.group(0) if d else None
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>")
    if start < 0 or end < 0:
        raise ValueError(f"{path}: no <TEXT> element")
    body = raw[start + len("<TEXT>") : end]
    out: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes = []
    pos = 0
    for tm in _TAG.finditer(body):
        seg = html.unescape(body[pos : tm.start()])
        out.append(seg)
        length += len(seg)
        pos = tm.end()
        if tm.group(1):
            if not stack:
                raise ValueError(f"{path}: unbalanced </TIMEX2>")
            s, attrs = stack.pop()
            timexes.append(GoldTimex(s, length, "", attrs.get("val"), attrs.get("mod")))
        else:
            stack.append((length, dict(_ATTR.findall(tm.group(2)))))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start : t.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return GoldDoc(path.name.split(".")[0], text, anchor, timexes)


def timex2_to_timex3(value: str) -> str:
    """TIMEX2 value -> TIMEX3 value where the two standards differ."""
    m = re.match(r"^P(\d+)(DE|CE|ML)$", value)
    if m:
        return f"P{int(m.group(1)) * {'DE': 10, 'CE': 100, 'ML': 1000}[m.group(2)]}Y"
    return value


def _dur_key(value: str) -> tuple[float, float] | None:
    """A duration as (months, seconds) for comparing ``P2D`` with ``PT48H``."""
    m = _DUR.match(value)
    if not m or value in ("P", "PT"):
        return None
    n, unit, h, mi, s = m.groups()
    months = 0.0
    secs = float(h or 0) * 3600 + float(mi or 0) * 60 + float(s or 0)
    if n:
        x = float(n)
        if unit in ("Y", "DE", "CE", "ML"):
            months = x * 12 * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit]
        elif unit == "M":
            months = x
        else:
            secs += x * {"W": 7 * 86400, "D": 86400}[unit]
    return months, secs


def same_value(gold: str, ours: str) -> bool:
    gold = timex2_to_timex3(gold)
    if gold == ours:
        return True
    g, o = _dur_key(gold), _dur_key(ours)
    return g is not None and g == o


_LEAD_WORDS = re.compile(r"(\w+)(?:\s+(\w+))?\s+")


def timex2_start(text: str, start: int, end: int, voc: vocab_mod.Vocab) -> int:
    """Our start moved past a leading preposition (TIMEX2 extents leave it out)."""
    m = _LEAD_WORDS.match(text, start, end)
    if not m:
        return start
    if m.group(2) and voc.has("extent_prepositions", f"{m.group(1)} {m.group(2)}"):
        return m.end()
    if voc.has("extent_prepositions", m.group(1)):
        rest = text[m.end(1) : end]
        return m.end(1) + len(rest) - len(rest.lstrip())
    return start


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def files(path: Path) -> list[Path]:
    path = Path(path)
    base = path / "keyinline" if (path / "keyinline").is_dir() else path
    found = sorted(base.glob("*.xml"))
    if not found:
        raise FileNotFoundError(f"no WikiWarsDE keyinline *.xml files under {path}")
    return found


def run(path: Path, limit: int | None = None, errors: list | None = None) -> dict:
    """Strict/relaxed extent P/R/F1 and value accuracy of the tagger on WikiWarsDE at ``path``.

    ``errors``: if a list is given, the mismatches are appended to it (for inspection).
    """
    docs = [parse(f) for f in files(Path(path))[: limit or None]]
    voc = vocab_mod.load("de")
    n_gold = n_pred = strict_tp = raw_tp = relaxed_tp = 0
    val_total = val_ok = mod_total = mod_ok = 0
    words = 0
    elapsed = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        pred = tag_run(doc.text, doc.anchor, doc_id=doc.name, infer_date=False).timexes
        elapsed += time.perf_counter() - t0
        words += len(doc.text.split())
        n_gold += len(doc.timexes)
        n_pred += len(pred)
        gold_spans = {(g.start, g.end) for g in doc.timexes}
        raw_tp += sum(1 for p in pred if (p.start, p.end) in gold_spans)
        strict_tp += sum(
            1
            for p in pred
            if (p.start, p.end) in gold_spans
            or (timex2_start(doc.text, p.start, p.end, voc), p.end) in gold_spans
        )
        used: set[int] = set()
        for g in doc.timexes:
            match = None
            for i, p in enumerate(pred):
                if i not in used and p.start < g.end and g.start < p.end:
                    match = i
                    break
            if match is None:
                if errors is not None:
                    errors.append(("missed", doc.name, g.text, g.value, _context(doc.text, g.start, g.end)))
                continue
            used.add(match)
            relaxed_tp += 1
            p = pred[match]
            if g.value:
                val_total += 1
                if same_value(g.value, p.value):
                    val_ok += 1
                elif errors is not None:
                    errors.append(
                        (
                            "value",
                            doc.name,
                            f"{g.text} | {p.text}",
                            f"{g.value} | {p.value} ({p.rule})",
                            _context(doc.text, g.start, g.end),
                        )
                    )
            if g.mod:
                mod_total += 1
                mod_ok += int(g.mod == p.mod)
        if errors is not None:
            for i, p in enumerate(pred):
                if i not in used:
                    errors.append(
                        (
                            "spurious",
                            doc.name,
                            p.text,
                            f"{p.value} ({p.rule})",
                            _context(doc.text, p.start, p.end),
                        )
                    )
    return {
        "documents": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict_tp, n_pred, n_gold),
        "strict_as_tagged": _prf(raw_tp, n_pred, n_gold),
        "relaxed": _prf(relaxed_tp, n_pred, n_gold),
        "value": {"accuracy": round(val_ok / val_total, 4) if val_total else 0.0, "n": val_total},
        "mod": {"accuracy": round(mod_ok / mod_total, 4) if mod_total else 0.0, "n": mod_total},
        "words_per_s": round(words / elapsed) if elapsed else 0,
    }


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"
