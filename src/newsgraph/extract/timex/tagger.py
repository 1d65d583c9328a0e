"""``tag(text, anchor)``: find time expressions and normalize them to TIMEX3 (no spaCy needed)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from newsgraph import settings
from newsgraph.extract.timex import docdate, matcher
from newsgraph.extract.timex import rules as rules_mod
from newsgraph.extract.timex import vocab as vocab_mod
from newsgraph.extract.timex.calendar import PDate
from newsgraph.extract.timex.context import Context
from newsgraph.extract.timex.normalize import NORMALIZERS, Groups
from newsgraph.model import Timex, record_id

MODES = ("auto", "news", "narrative", "none")
log = logging.getLogger(__name__)


@dataclass
class Tagging:
    timexes: list[Timex] = field(default_factory=list)
    mode: str = "news"
    anchor: str | None = None  # the anchor used (given, or inferred)
    inferred: str | None = None  # the document date inferred from the text, when there was none
    inferred_by: str | None = None  # the pattern that gave it


def _explicit_years(chosen: list[matcher.Candidate]) -> list[tuple[int, int]]:
    """(position, year) of the years written out in the chosen matches (BC years negative)."""
    out = []
    for c in chosen:
        g = c.match.groupdict()
        y = g.get("year")
        if y and (len(y) == 4 or g.get("era")):
            out.append((c.start, -int(y) if g.get("era") and c.rule.norm == "year" and _bc(c) else int(y)))
    return out


def _bc(c: matcher.Candidate) -> bool:
    era = c.match.groupdict().get("era")
    return bool(era) and vocab_mod.load().lookup("era_bc", era) is not None


def _focus(c: matcher.Candidate, res_date: PDate, ctx: Context) -> bool:
    """Whether a date mention moves the narrative there (bare-month years are taken from such mentions).

    Not: a year standing alone in an aside ("(1908)", "seit 1856"), a look back ("im Vorjahr").
    """
    start, _ = ctx.sentence(c.start)
    before_in_sentence = ctx.text[start : c.start]
    if before_in_sentence.rfind("(") > before_in_sentence.rfind(")"):
        return False  # an aside in parentheses: "(SHS-Staat, ab 1929 Jugoslawien)"
    if c.rule.norm in ("relative", "relative_unit", "year_anaphoric", "ref"):
        last = ctx.last("Y", before=c.start, focus=True)
        return last is None or (res_date.year or 0) >= (last.year or 0)
    if res_date.month is not None:
        return True
    one, two = matcher.prev_words(ctx.text, c.start)
    if ctx.vocab.has("year_focus_cues", one) or ctx.vocab.has("year_focus_cues", two):
        return True
    if c.match.groupdict().get("position"):
        return True
    before = ctx.text[max(0, c.start - 3) : c.start]
    return c.start == 0 or "\n" in before or c.start == ctx.sentence(c.start)[0]


def detect_mode(anchor: PDate | None, years: list[int]) -> str:
    """news or narrative: narrative when the text's years lie far from the document date."""
    if anchor is None or anchor.year is None:
        return "none"
    if len(years) < settings.TIMEX_NARRATIVE_MIN_YEARS:
        return "news"
    near = sum(1 for y in years if anchor.year - 2 <= y <= anchor.year + 1)
    return "narrative" if near / len(years) < settings.TIMEX_NARRATIVE_NEAR_SHARE else "news"


def run(
    text: str,
    anchor: str | None,
    doc_id: str = "",
    mode: str = "auto",
    infer_date: bool = True,
    lang: str = "de",
) -> Tagging:
    """Tag ``text``; ``anchor`` is the document date ("YYYY-MM-DD", "YYYY-MM", "YYYY" or None)."""
    if mode not in MODES:
        raise ValueError(f"timex mode must be one of {MODES}, not {mode!r}")
    voc = vocab_mod.load(lang)
    rules = rules_mod.load(lang)
    a = PDate.parse(anchor)
    ctx = Context(text, voc, a, "news" if a else "none")
    chosen = matcher.select(matcher.find(text, rules, voc, ctx))
    years = _explicit_years(chosen)
    result = Tagging()
    if a is None and infer_date:
        plausible = [
            y for pos, y in years if voc.lookup("signals", matcher.prev_words(text, pos)[0]) != "until"
        ]
        found = docdate.infer(text, plausible, lang)
        if found:
            result.inferred, result.inferred_by = found
            a = PDate.parse(found[0])
            ctx.anchor = a
    ctx.mode = detect_mode(a, [y for _, y in years]) if mode == "auto" else mode
    if ctx.mode != "none" and a is None:
        ctx.mode = "none"
    result.mode = ctx.mode
    result.anchor = a.iso() if a else None
    prev_end = 0
    for c in chosen:
        fn = NORMALIZERS.get(c.rule.norm)
        if fn is None:
            raise ValueError(f"timex rule {c.rule.name!r}: unknown normalizer {c.rule.norm!r}")
        try:
            res = fn(c.rule, Groups(c.match, ctx), ctx, c.start)
        except (ValueError, OverflowError, TypeError) as exc:  # a date out of range (BC, year 9999 ...)
            log.debug("timex rule %s on %r: %s", c.rule.name, text[c.start : c.end], exc)
            continue
        if res is None:
            continue
        start = with_preposition(text, c.start, prev_end, voc)
        prev_end = c.end
        result.timexes.append(
            Timex(
                id=record_id("t", doc_id, start, c.end),
                doc=doc_id,
                start=start,
                end=c.end,
                text=text[start : c.end],
                type=res.type,  # type: ignore[arg-type]
                value=res.value,
                rule=c.rule.name,
                anchor=res.anchor,
                mod=res.mod or None,
                interval=res.interval,
            )
        )
        if res.date is not None and res.type in ("DATE", "TIME"):
            ctx.remember(c.start, res.date, _focus(c, res.date, ctx))
    return result


_LEAD = re.compile(r"(?:^|(?<=\s)|(?<=[(„\"“]))(\w+)(?:\s+(\w+))?\s+$")


def with_preposition(text: str, start: int, floor: int, voc: vocab_mod.Vocab) -> int:
    """``start`` moved left over a preposition that belongs to the expression ("am Mittwoch")."""
    m = _LEAD.search(text, max(floor, start - 30), start)
    if not m:
        return start
    if m.group(2) and voc.has("extent_prepositions", f"{m.group(1)} {m.group(2)}"):
        return m.start(1)
    if voc.has("extent_prepositions", m.group(2) or m.group(1)):
        return m.start(2) if m.group(2) else m.start(1)
    return start


def tag(text: str, anchor: str | None = None, doc_id: str = "", mode: str = "auto") -> list[Timex]:
    """The time expressions of ``text`` normalized against ``anchor`` (None: stay underspecified)."""
    return run(text, anchor, doc_id=doc_id, mode=mode, infer_date=False).timexes
