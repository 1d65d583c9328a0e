"""Find numbers in text: digits with German separators, number words, fractions, scales, ordinals.

``scan(text)`` returns ``Num`` records (character spans, value, kind). It knows nothing of units or
context beyond what decides whether a token is a number at all (dates, clock times, phone numbers, codes
and URLs are not numbers). All words come from ``lexicon``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.extract.quantities.lexicon import Lexicon, get

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
SPACE_GROUP = re.compile(r"[ \u00a0\u202f]")
DATE_FULL = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
DAY_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})")
GERMAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
DECIMAL_COMMA = re.compile(r"\d+,\d+")
GROUPED_COMMA_DOT = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 100, 1000})
SIGN_CHARS = {"-": -1.0, "−": -1.0, "+": 1.0}
HYPHENS = {"-", "–", "—", "−"}


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    digit: bool
    alpha: bool


@dataclass(slots=True)
class Num:
    """A number found in the text. ``kind``: cardinal | ordinal | fraction | relative | superlative."""

    start: int
    end: int
    value: float
    kind: str = "cardinal"
    weak: bool = False  # an article ("ein") that is a number only if a unit, scale or fraction follows
    scale: float | None = None  # scale word applied (Milliarden: 1e9)
    digits: bool = False  # written in digits
    year_like: bool = False  # a bare 4-digit number 1000..2199
    relative: str | None = None  # "end-1" for relative ordinals
    tok_start: int = 0  # index of the first token
    tok_end: int = 0  # index after the last token
    parts: list[str] = field(default_factory=list)


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        out.append(Tok(m.start(), m.end(), t, t.lower(), t[0].isdigit(), t[0].isalpha()))
    return out


def parse_digits(s: str) -> float | None:
    """German digit strings: 410.000, 27,8, 2.000,352, 4,800 (=4.8); 1.5 (a dot not before 3 digits) = 1.5."""
    s = SPACE_GROUP.sub("", s)
    try:
        if GERMAN_THOUSANDS.fullmatch(s):
            return float(s.replace(".", "").replace(",", "."))
        if DECIMAL_COMMA.fullmatch(s):
            return float(s.replace(",", "."))
        if GROUPED_COMMA_DOT.fullmatch(s):  # English 1,234.5
            return float(s.replace(",", ""))
        if s.count(".") == 1 and "," not in s:
            return float(s)
        if "." not in s and "," not in s:
            return float(s)
    except ValueError:
        return None
    return None


def _ordinal_value(lx: Lexicon, word: str) -> float:
    """Value of an ordinal stem word: its last atom back to a cardinal (zehntausendst -> zehntausend)."""
    low = word.lower()
    for stem in sorted(lx.ordinal_cardinal, key=len, reverse=True):
        if low.endswith(stem):
            return _atoms_value(lx, low[: len(low) - len(stem)] + lx.ordinal_cardinal[stem])
    return _atoms_value(lx, low)


def _atoms_value(lx: Lexicon, word: str) -> float:
    assert lx.atoms_re is not None
    total = 0.0
    current = 0.0
    for atom in lx.atoms_re.findall(word.lower()):
        if atom in lx.connector:
            continue
        v = lx.atom_value.get(atom, 0.0)
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += v
    return total + current


class Scanner:
    """Number scanner for one language (built once per process)."""

    def __init__(self, lang: str = "de") -> None:
        self.lx = lx = get(lang)
        raw = lx.raw["numbers.toml"]
        self.range_connectors = [tuple(c.lower().split()) for c in raw["range"]["connectors"]]
        self.range_paired = {k.lower(): v.lower() for k, v in raw["range"]["paired"].items()}
        words: set[str] = set(lx.atom_value) | set(lx.ordinal_value) | set(lx.special) | set(lx.articles)
        words |= set(lx.scales) | set(lx.fractions) | set(lx.half_nouns) | set(lx.relative_value)
        words |= set(lx.adverb_ordinals) | set(lx.bare) | set(lx.signs) | set(lx.scale_ordinals)
        self.prefixes = frozenset(w[:3].lower() for w in words if w)
        self.word = lru_cache(maxsize=65536)(self._word)

    # ---- single words -------------------------------------------------------------------------
    def _word(self, low: str) -> tuple[str, float | str] | None:
        """Classify one lower-cased word: (kind, value) or None."""
        lx = self.lx
        if low[:3] not in self.prefixes:
            return None
        if low in lx.articles:
            return ("article", 1.0)
        if low in lx.special:
            return ("cardinal", lx.special[low])
        m = lx.cardinal_re.fullmatch(low) if lx.cardinal_re else None
        if m:
            v = _atoms_value(lx, m.group("num"))
            if m.group("half"):
                v += 0.5
            return ("cardinal", v)
        m = lx.fraction_compound_re.fullmatch(low) if lx.fraction_compound_re else None
        if m:
            return ("fraction", _atoms_value(lx, m.group("num")) / lx.fractions[m.group("den").lower()])
        if low in lx.fractions or low in lx.scales or low in lx.half_nouns or low in lx.signs:
            return None
        m = lx.superlative_re.fullmatch(low) if lx.superlative_re else None
        if m:
            return ("superlative", lx.ordinal_value[m.group("ord").lower()])
        m = lx.ordinal_re.fullmatch(low) if lx.ordinal_re else None
        if m:
            return ("ordinal" if m.group("end") else "ordinal_bare", _ordinal_value(lx, m.group("ord")))
        if low in lx.adverb_ordinals:
            return ("ordinal", lx.adverb_ordinals[low])
        for stem, val in lx.scale_ordinals.items():
            if low.startswith(stem) and low[len(stem) :] in ("",) + lx.ordinal_endings:
                return ("scale_ordinal", val)
        if lx.relative_from_end_re:
            m = lx.relative_from_end_re.fullmatch(low)
            if m:
                n = int(lx.ordinal_value[m.group("ord").lower()])
                return ("relative", f"end-{n - 1}")
        m = lx.relative_re.fullmatch(low) if lx.relative_re else None
        if m:
            return ("relative", lx.relative_value[m.group("stem").lower()])
        return None

    # ---- the scan -----------------------------------------------------------------------------
    def scan(self, text: str, toks: list[Tok] | None = None) -> list[Num]:
        toks = toks if toks is not None else tokenize(text)
        blocked = self._blocked(text, toks)
        out: list[Num] = []
        i = 0
        n = len(toks)
        while i < n:
            if i in blocked:
                i += 1
                continue
            num = self._core(text, toks, i, blocked)
            if num is None:
                i += 1
                continue
            if num.kind in ("cardinal", "fraction", "article"):
                self._extend(text, toks, num, blocked)
                self._sign(text, toks, num)
            if num.kind == "article":
                if num.weak:
                    num.kind = "cardinal"
                else:
                    num.kind = (
                        "fraction" if "fraction" in num.parts and "scale" not in num.parts else "cardinal"
                    )
            out.append(num)
            i = max(num.tok_end, i + 1)
        return out

    def _blocked(self, text: str, toks: list[Tok]) -> set[int]:
        """Token indices that are no numbers: dates, clock times, phone numbers, codes, URLs."""
        lx = self.lx
        blocked: set[int] = set()
        urls = [(m.start(), m.end()) for m in URL_RE.finditer(text)] if ("/" in text or "@" in text) else []
        n = len(toks)
        for i, t in enumerate(toks):
            if not t.digit:
                continue
            if urls and any(a <= t.start < b for a, b in urls):
                blocked.add(i)
                continue
            prev_char = text[t.start - 1] if t.start > 0 else " "
            next_char = text[t.end] if t.end < len(text) else " "
            if prev_char.isalpha() or prev_char == "_":
                blocked.add(i)  # A320, t0
                continue
            if prev_char in HYPHENS and t.start >= 2 and text[t.start - 2].isalpha():
                blocked.add(i)  # Sputnik-1, Covid-19
                continue
            if DATE_FULL.fullmatch(t.text):
                blocked.add(i)
                continue
            nxt = toks[i + 1] if i + 1 < n else None
            nxt2 = toks[i + 2] if i + 2 < n else None
            if nxt is not None and nxt.low in lx.clock:
                blocked.add(i)  # 14.30 Uhr, 14 Uhr
                continue
            m = DAY_MONTH.fullmatch(t.text)
            day_month = m is not None and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12
            if day_month and nxt is not None and nxt.text == "." and nxt.start == t.end:
                blocked.add(i)  # 12.11.
                continue
            if nxt is not None and nxt.text == "." and nxt2 is not None and nxt2.low in lx.months:
                blocked.add(i)  # 11. November
                continue
            if nxt is not None and nxt.low in lx.months and t.text.isdigit() and int(t.text) <= 31:
                blocked.add(i)  # 11 November
                continue
            if next_char == ":" and nxt2 is not None and nxt2.digit and nxt2.start == t.end + 1:
                blocked.update((i, i + 2))  # 14:30, 2:1
                continue
            # chains of digit groups glued by - or / (phone numbers, 787-9 stays a two-part chain)
            j = i
            chain = [i]
            while (
                j + 2 < n
                and toks[j + 1].text in ("-", "/")
                and toks[j + 1].start == toks[j].end
                and toks[j + 2].digit
                and toks[j + 2].start == toks[j + 1].end
            ):
                j += 2
                chain.append(j)
            if len(chain) >= 3 or (chain and prev_char == "+" and len(chain) >= 2):
                blocked.update(range(i, chain[-1] + 1))
            elif len(chain) == 2 and toks[i + 1].text == "/":
                a, b = toks[i].text, toks[i + 2].text
                if not (a.isdigit() and b.isdigit() and int(b) in FRACTION_DENOMINATORS and int(a) < int(b)):
                    blocked.update(range(i, i + 3))  # 9/11, 24/7
        return blocked

    def _core(self, text: str, toks: list[Tok], i: int, blocked: set[int]) -> Num | None:
        lx = self.lx
        t = toks[i]
        n = len(toks)
        if t.digit:
            value = parse_digits(t.text)
            if value is None:
                return None
            j = i + 1
            # space-grouped thousands: 1 234 567, 40 000
            if len(t.text) <= 3 and t.text.isdigit():
                while (
                    j < n
                    and toks[j].digit
                    and len(toks[j].text) >= 3
                    and re.fullmatch(r"\d{3}(?:,\d+)?", toks[j].text)
                    and toks[j].start == toks[j - 1].end + 1
                    and SPACE_GROUP.fullmatch(text[toks[j - 1].end])
                    and j not in blocked
                ):
                    j += 1
                if j > i + 1:
                    value = parse_digits(text[t.start : toks[j - 1].end])
                    if value is None:
                        return None
            num = Num(t.start, toks[j - 1].end, value, digits=True, tok_start=i, tok_end=j)
            if j == i + 1 and t.text.isdigit() and len(t.text) == 4 and 1000 <= value <= 2199:
                num.year_like = True
            # 1/2
            if (
                j + 1 < n
                and toks[j].text == "/"
                and toks[j].start == num.end
                and toks[j + 1].digit
                and toks[j + 1].start == toks[j].end
                and toks[j + 1].text.isdigit()
                and t.text.isdigit()
                and int(toks[j + 1].text) in FRACTION_DENOMINATORS
                and int(t.text) < int(toks[j + 1].text)
            ):
                num.value = value / int(toks[j + 1].text)
                num.kind = "fraction"
                num.end = toks[j + 1].end
                num.tok_end = j + 2
                num.year_like = False
                return num
            # 2½
            if (
                j < n
                and toks[j].start == num.end
                and len(toks[j].text) == 1
                and _vulgar(toks[j].text) is not None
            ):
                num.value += _vulgar(toks[j].text) or 0.0
                num.end = toks[j].end
                num.tok_end = j + 1
                return num
            # ordinal "3. Banane", "den 90. Jahrestag", "(17.)", a list item "1. Ingemar Stenmark"
            dot = j + 1 < n and toks[j].text == "." and toks[j].start == num.end and t.text.isdigit()
            cue = i > 0 and toks[i - 1].low in lx.ordinal_cues
            list_item = i == 0 or "\n" in text[toks[i - 1].end : t.start] or toks[i - 1].text in (":", "–")
            if (
                dot
                and len(t.text) <= 3
                and (
                    (toks[j + 1].alpha and (cue or (list_item and toks[j + 1].text[0].isupper())))
                    or (toks[j + 1].text == ")" and i > 0 and toks[i - 1].text == "(")
                )
            ):
                num.kind = "ordinal"
                num.end = toks[j].end
                num.tok_end = j + 1
                num.year_like = False
            return num
        if len(t.text) == 1 and _vulgar(t.text) is not None:
            return Num(t.start, t.end, _vulgar(t.text) or 0.0, kind="fraction", tok_start=i, tok_end=i + 1)
        if not t.alpha:
            return None
        if t.start >= 2 and text[t.start - 1] in HYPHENS and text[t.start - 2].isalpha():
            return None  # Top-Zwölf, Sputnik-Eins
        cls = self.word(t.low)
        if cls is None:
            # "die Hälfte"
            if t.low in lx.half_nouns and i > 0 and toks[i - 1].low in lx.half_noun_determiners:
                p = toks[i - 1]
                return Num(
                    p.start, t.end, lx.half_nouns[t.low], kind="fraction", tok_start=i - 1, tok_end=i + 1
                )
            return None
        kind, value = cls
        if kind == "article":
            return Num(t.start, t.end, 1.0, kind="article", weak=True, tok_start=i, tok_end=i + 1)
        if kind == "relative":
            return Num(t.start, t.end, 0.0, kind="relative", relative=str(value), tok_start=i, tok_end=i + 1)
        if kind == "ordinal_bare":
            if i > 0 and toks[i - 1].low in lx.ordinal_bare_after:
                return Num(t.start, t.end, float(value), kind="ordinal", tok_start=i, tok_end=i + 1)
            return None
        if kind == "scale_ordinal":
            # "dem Milliardsten Signal"; after a number it is handled in _extend
            if i > 0 and toks[i - 1].low in lx.ordinal_cues:
                return Num(t.start, t.end, float(value), kind="ordinal", tok_start=i, tok_end=i + 1)
            return None
        assert isinstance(value, float)
        if kind == "cardinal" and t.low in lx.bare and t.text[0].isupper():
            # a capitalized bare "Tausend"/"Hundert" is a noun or a name (Claudia Tausend), not a number
            sentence_start = i == 0 or toks[i - 1].text in (".", "!", "?", "„", '"', ":")
            if not sentence_start:
                return None
        return Num(t.start, t.end, value, kind=kind, tok_start=i, tok_end=i + 1)

    def _next_word_number(self, toks: list[Tok], j: int) -> float | None:
        if j >= len(toks) or not toks[j].alpha:
            return None
        cls = self.word(toks[j].low)
        if cls is None or cls[0] != "cardinal":
            return None
        return float(cls[1])

    def _extend(self, text: str, toks: list[Tok], num: Num, blocked: set[int]) -> None:
        """Komma-decimals, "und drei Viertel", fractions, scale words, the number after a scale word."""
        lx = self.lx
        n = len(toks)
        j = num.tok_end
        # zwei Komma drei
        if j + 1 < n and toks[j].low in lx.decimal_words and not num.digits:
            digits = ""
            k = j + 1
            while k < n and (v := self._next_word_number(toks, k)) is not None and v < 10 and v == int(v):
                digits += str(int(v))
                k += 1
            if digits:
                num.value = float(f"{int(num.value)}.{digits}")
                num.end, num.tok_end, j = toks[k - 1].end, k, k
        # fünf und drei Viertel
        if j + 2 < n and toks[j].low in lx.connector:
            v = (
                self._next_word_number(toks, j + 1)
                if not toks[j + 1].digit
                else parse_digits(toks[j + 1].text)
            )
            if v is not None and toks[j + 2].low in lx.fractions:
                num.value += v / lx.fractions[toks[j + 2].low]
                num.end, num.tok_end, j = toks[j + 2].end, j + 3, j + 3
                num.weak = False
                num.parts.append("fraction")
        # ein Drittel, drei halbe, zwei drittel
        elif j < n and toks[j].low in lx.fractions and "fraction" not in num.parts:
            num.value = num.value / lx.fractions[toks[j].low]
            num.end, num.tok_end, j = toks[j].end, j + 1, j + 1
            num.weak = False
            num.parts.append("fraction")
            num.kind = "fraction" if num.kind != "article" else num.kind
        # scale words
        if j < n and toks[j].alpha:
            low = toks[j].low
            dot = j + 1 < n and toks[j + 1].text == "." and toks[j + 1].start == toks[j].end
            scale = None
            if dot and (low + ".") in lx.scales:
                scale, end_j = lx.scales[low + "."], j + 2
            elif low in lx.scales:
                scale, end_j = lx.scales[low], j + 1
            if scale is not None:
                num.value *= scale
                num.scale = scale
                num.weak = False
                num.year_like = False
                num.end, num.tok_end, j = toks[end_j - 1].end, end_j, end_j
                num.parts.append("scale")
                if num.kind == "fraction":
                    num.kind = "cardinal"
                # zwei Millionen eintausendeinhundertfünfzig
                rest = self._next_word_number(toks, j)
                if rest is not None and rest < scale and toks[j].low not in lx.articles:
                    num.value += rest
                    num.end, num.tok_end, j = toks[j].end, j + 1, j + 1
            else:
                cls = self.word(low)
                if cls is not None and cls[0] == "scale_ordinal":
                    num.value *= float(cls[1])
                    num.kind = "ordinal"
                    num.weak = False
                    num.end, num.tok_end = toks[j].end, j + 1

    def _sign(self, text: str, toks: list[Tok], num: Num) -> None:
        i = num.tok_start
        if i == 0:
            return
        p = toks[i - 1]
        if p.low in self.lx.signs:
            num.value *= self.lx.signs[p.low]
            num.start, num.tok_start = p.start, i - 1
            num.year_like = False
        elif p.text in SIGN_CHARS and p.end == num.start and num.digits:
            before = text[p.start - 1] if p.start > 0 else " "
            if before.isspace() or before in "([":
                num.value *= SIGN_CHARS[p.text]
                num.start, num.tok_start = p.start, i - 1
                num.year_like = False


def _vulgar(ch: str) -> float | None:
    if ch.isdigit() or ch.isalpha():
        return None
    try:
        return float(unicodedata.numeric(ch))
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=4)
def scanner(lang: str = "de") -> Scanner:
    return Scanner(lang)


def scan(text: str, lang: str = "de") -> list[Num]:
    """All numbers in ``text`` (cardinals, fractions, ordinals, relative ordinals)."""
    return scanner(lang).scan(text)
