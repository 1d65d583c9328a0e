"""From numbers to quantities on plain text: units, qualifiers, ranges, ranks; years and idioms dropped.

``find(text)`` returns ``Found`` records (character spans, value, unit, qualifier, rank flag). It needs no
spaCy Doc, so the recognizers_text evaluation and the data-example tests can run it directly; the spaCy
component adds what it is about (measure, subjects, time, speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.quantities.lexicon import UnitInfo
from newsgraph.extract.quantities.numbers import Num, Scanner, Tok, parse_digits, scanner, tokenize

UNIT_KINDS_OF_COUNT = ("currency",)
SUBUNIT_AMOUNT = re.compile(r"[ \t]*(?:(?P<c>[^\W\d_]+)[ \t]+)?(?P<n>\d{1,2}|[^\W\d_]+)(?![\d.,]\d)")
WINDOW = 60  # characters looked at before a number for a qualifier, a prefix unit, an angle word
FRACTION_UNIT = "1"  # UCUM unity: a share of a whole (ein Drittel = 0.333 of "1")


@dataclass(slots=True)
class Found:
    start: int  # the number (with sign / prefix unit), without the qualifier
    end: int  # after the unit
    value: float
    unit: str | None = None
    unit_kind: str | None = None
    qualifier: str = "exact"
    qualifier_start: int | None = None
    value_max: float | None = None
    is_rank: bool = False
    kind: str = "cardinal"  # cardinal | fraction | ordinal | relative | superlative
    relative: str | None = None
    num_end: int = 0  # end of the number before its unit
    tok_start: int = 0
    tok_end: int = 0
    scale: float | None = None
    year_like: bool = False
    weak: bool = False
    unit_start: int | None = None
    unit_form: str | None = None  # the unit as written, lower-cased ("dollar")
    unit_measure: str | None = None  # the measure the unit implies (jährig -> Alter)
    prep_ambiguous: bool = False  # "über"/"gegen" right after a capitalized word: a preposition after a noun

    @property
    def qstart(self) -> int:
        return self.qualifier_start if self.qualifier_start is not None else self.start


class Finder:
    def __init__(self, lang: str = "de") -> None:
        self.sc: Scanner = scanner(lang)
        self.lx = self.sc.lx

    # ---- units -------------------------------------------------------------------------------
    def _unit_after(self, text: str, pos: int) -> tuple[UnitInfo, int, int, str] | None:
        lx = self.lx
        best: tuple[UnitInfo, int, int, str] | None = None
        assert lx.unit_word_re is not None and lx.unit_symbol_re is not None
        m = lx.unit_word_re.match(text, pos)
        if m:
            form = " ".join(m.group("u").lower().split())
            info = lx.unit_of.get(form)
            if info is not None:
                best = (info, m.start("u"), m.end(), form)
        m = lx.unit_symbol_re.match(text, pos)
        if m and (best is None or m.end() > best[2]):
            sym = " ".join(m.group("u").split()) if " " in m.group("u") else m.group("u")
            info = lx.unit_symbol_of.get(sym) or lx.unit_symbol_of.get(m.group("u"))
            if info is not None:
                best = (info, m.start("u"), m.end(), m.group("u"))
        return best

    def _angle(self, text: str, start: int, end: int) -> bool:
        window = text[max(0, start - WINDOW) : end + WINDOW].lower()
        return any(w in window for w in self.lx.angle_context)

    def _attach_unit(self, text: str, f: Found) -> None:
        lx = self.lx
        got = self._unit_after(text, f.end)
        if got is not None:
            info, ustart, uend, form = got
            if form in lx.context_units and self._angle(text, f.start, uend):
                info = lx.context_units[form]
            f.unit, f.unit_kind, f.unit_start = info.code, info.kind, ustart
            f.unit_measure = info.measure
            f.unit_form = form.lower()
            f.value *= info.factor
            if f.value_max is not None:
                f.value_max *= info.factor
            f.end = uend
            if info.kind == "currency":
                self._subunit(text, f)
            return
        # prefix units: $ 15, USD 12, usd$ 15
        assert lx.prefix_re is not None
        m = lx.prefix_re.search(text, max(0, f.start - 10), f.start)
        if m:
            info = lx.prefix_of.get(m.group("p").lower())
            if info is not None:
                f.unit, f.unit_kind, f.unit_start = info.code, info.kind, m.start("p")
                f.unit_form = m.group("p").lower()
                f.start = m.start("p")

    def _subunit(self, text: str, f: Found) -> None:
        """15 Dollar und 15 Cent, zwei Euro fünfzig, 15 Dollar 50."""
        lx = self.lx
        m = SUBUNIT_AMOUNT.match(text, f.end)
        if not m:
            return
        if m.group("c") and m.group("c").lower() not in lx.connector:
            return
        word = m.group("n")
        if word.isdigit():
            v: float | None = float(word)
        else:
            cls = self.sc.word(word.lower())
            v = float(cls[1]) if cls and cls[0] == "cardinal" else None
        if v is None or v >= 100:
            return
        end = m.end()
        sub = lx.subunit_re.match(text, end) if lx.subunit_re else None
        if sub:
            end = sub.end()
        elif not (end == len(text) or text[end] in ".,;!?)"):
            return  # "15 Dollar 50" only when nothing follows; else the next number is something else
        f.value += v * lx.subunit_factor
        f.end = end

    # ---- qualifiers --------------------------------------------------------------------------
    def _qualifier(self, text: str, f: Found) -> None:
        lx = self.lx
        assert lx.qualifier_re is not None
        m = lx.qualifier_re.search(text, max(0, f.start - WINDOW), f.start)
        if m:
            phrase = " ".join(m.group("q").lower().split())
            f.prep_ambiguous = phrase in lx.not_after_noun and _after_noun(text, m.start("q"))
            f.qualifier = lx.qualifier_of.get(phrase, "exact")
            f.qualifier_start = m.start("q")

    # ---- main --------------------------------------------------------------------------------
    def find(self, text: str, toks: list[Tok] | None = None, keep_ordinals: bool = False) -> list[Found]:
        """Quantities in ``text``. ``keep_ordinals`` also returns plain ordinals and relative ordinals."""
        toks = toks if toks is not None else tokenize(text)
        nums = self.sc.scan(text, toks)
        lx = self.lx
        out: list[Found] = []
        for num in nums:
            f = self._from_num(num)
            if num.kind in ("cardinal", "fraction"):
                self._attach_unit(text, f)
                if f.weak and f.unit is None:
                    continue
                if f.unit is None and self._is_label(toks, num):
                    continue  # Seite 3, Senat 3
                if f.unit is None and num.kind == "fraction" and self._fraction_noun(toks, num):
                    f.unit, f.unit_kind = (
                        FRACTION_UNIT,
                        "ratio",
                    )  # ein Drittel, die Hälfte: a share of a whole
                if f.year_like and f.unit is None and self._is_year(toks, num):
                    continue
                self._qualifier(text, f)
            rank = self._rank(toks, num)
            if rank:
                f.is_rank = True
                if rank > 0:
                    f.start = min(f.start, rank)
                else:
                    f.end = max(f.end, -rank)
                    if num.tok_start > 0 and toks[num.tok_start - 1].low in lx.ordinal_cues:
                        f.start = toks[num.tok_start - 1].start  # "dem ersten Platz"
                f.unit = None
                f.unit_kind = None
            elif num.kind == "superlative":
                f.is_rank = True
            elif num.kind in ("ordinal", "relative") and not keep_ordinals:
                continue
            out.append(f)
        out = self._ranges(text, toks, out)
        if lx.idiom_re is not None and out:
            idioms = [(m.start(), m.end()) for m in lx.idiom_re.finditer(text)]
            if idioms:
                out = [f for f in out if not any(a <= f.start < b for a, b in idioms)]
        return out

    def _from_num(self, num: Num) -> Found:
        return Found(
            start=num.start,
            end=num.end,
            value=num.value,
            kind=num.kind,
            relative=num.relative,
            num_end=num.end,
            tok_start=num.tok_start,
            tok_end=num.tok_end,
            scale=num.scale,
            year_like=num.year_like,
            weak=num.weak,
        )

    def _is_label(self, toks: list[Tok], num: Num) -> bool:
        i = num.tok_start
        if i == 0:
            return False
        prev = toks[i - 1]
        if prev.text == "." and i > 1:
            return (toks[i - 2].low + ".") in self.lx.label_nouns
        return prev.low in self.lx.label_nouns and prev.text[0].isupper()

    def _fraction_noun(self, toks: list[Tok], num: Num) -> bool:
        """Does the fraction end in a capitalized fraction noun (Drittel, Viertel, Hälfte)?"""
        last = toks[num.tok_end - 1]
        return (
            last.alpha
            and last.text[0].isupper()
            and (last.low in self.lx.fractions or last.low in self.lx.half_nouns)
        )

    def _is_year(self, toks: list[Tok], num: Num) -> bool:
        lx = self.lx
        i, j = num.tok_start, num.tok_end
        if i > 0 and toks[i - 1].low in lx.year_cues:
            return True
        if j < len(toks):
            nxt = toks[j]
            if (
                nxt.alpha
                and nxt.text[0].isupper()
                and nxt.low not in lx.function_words
                and nxt.low not in lx.months
            ):
                return False  # 2000 Menschen
        return True

    def _rank(self, toks: list[Tok], num: Num) -> int | None:
        """Rank phrase start (> 0) or end (< 0) when ``num`` is a rank (Platz zwölf, den ersten Platz)."""
        lx = self.lx
        i, j = num.tok_start, num.tok_end
        if (
            num.kind in ("cardinal",)
            and i > 0
            and toks[i - 1].low in lx.rank_nouns
            and toks[i - 1].text[0].isupper()
        ):
            return toks[i - 1].start
        if (
            num.kind == "ordinal"
            and j < len(toks)
            and toks[j].low in lx.rank_nouns
            and toks[j].text[0].isupper()
        ):
            return -toks[j].end  # negative: the rank noun follows; its end is the end of the phrase
        return None

    def _ranges(self, text: str, toks: list[Tok], found: list[Found]) -> list[Found]:
        if len(found) < 2:
            return found
        sc = self.sc
        out: list[Found] = []
        skip = False
        for k, a in enumerate(found):
            if skip:
                skip = False
                continue
            b = found[k + 1] if k + 1 < len(found) else None
            if b is None or a.is_rank or b.is_rank or a.kind not in ("cardinal", "fraction"):
                out.append(a)
                continue
            between = text[a.end : b.start].strip().lower()
            between = " ".join(between.split())
            opener = None
            if a.tok_start > 0:
                opener = toks[a.tok_start - 1].low
            paired = sc.range_paired.get(opener or "")
            ok = tuple(between.split()) in sc.range_connectors or (paired is not None and between == paired)
            if not ok or (a.unit is not None and a.unit != b.unit) or b.qualifier != "exact":
                out.append(a)
                continue
            lo = a.value
            if a.scale is None and b.scale is not None and a.unit is None:
                lo = a.value * b.scale
            hyphen = between in ("-", "–", "—") and text[a.end : b.start] == between
            if lo >= b.value:
                if hyphen and a.unit is None:
                    skip = True  # 787-9: a model code, not a range
                    continue
                out.append(a)
                continue
            start_q = a.qualifier_start
            if paired is not None and between == paired and opener:
                start_q = start_q if start_q is not None else toks[a.tok_start - 1].start
            merged = Found(
                start=a.start,
                end=b.end,
                value=lo,
                unit=b.unit,
                unit_kind=b.unit_kind,
                qualifier=a.qualifier,
                qualifier_start=start_q,
                value_max=b.value,
                kind="cardinal",
                num_end=b.num_end,
                tok_start=a.tok_start,
                tok_end=b.tok_end,
                scale=b.scale,
                unit_start=b.unit_start,
            )
            out.append(merged)
            skip = True
        return out


def _after_noun(text: str, pos: int) -> bool:
    """Does a capitalized word (not at a sentence start) end right before ``pos``?"""
    before = text[max(0, pos - 40) : pos].rstrip()
    words = before.split()
    if not words or not words[-1][:1].isupper() or not words[-1].isalpha():
        return False
    if len(words) < 2:
        return False
    return words[-2][-1:] not in '.!?:"„“'


@lru_cache(maxsize=4)
def finder(lang: str = "de") -> Finder:
    return Finder(lang)


def find(text: str, lang: str = "de", keep_ordinals: bool = False) -> list[Found]:
    """Quantities in plain text (no measure/time/speaker; see the spaCy component for those)."""
    return finder(lang).find(text, keep_ordinals=keep_ordinals)


def atoms(text: str, lang: str = "de") -> list[Found]:
    """Numbers with units before range joining (the recognizers_text view: "100 bis 300 Milliarden" = two)."""
    f = finder(lang)
    toks = tokenize(text)
    out = []
    for num in f.sc.scan(text, toks):
        x = f._from_num(num)
        if num.kind in ("cardinal", "fraction"):
            f._attach_unit(text, x)
            if x.weak and x.unit is None:
                continue
            if x.year_like and x.unit is None and f._is_year(toks, num):
                continue
            f._qualifier(text, x)
        elif num.kind == "superlative":
            x.kind = "ordinal"
        out.append(x)
    return out


__all__ = ["Found", "Finder", "find", "atoms", "parse_digits"]
