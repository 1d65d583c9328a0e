"""Load the quantity vocabulary of one language (``lang/<lang>/quantities/*.toml``) and compile its patterns.

Engine code never names a word; every word comes from the data files. ``get(lang)`` is cached per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.lang import load_toml

FILES = (
    "numbers.toml",
    "ordinals.toml",
    "qualifiers.toml",
    "units.toml",
    "currencies.toml",
    "context.toml",
    "measures.toml",
)


def _alt(forms: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal forms, longest first (so that the longest form wins)."""
    uniq = sorted({f for f in forms if f}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(_flex(f) for f in uniq) + ")"


def _flex(form: str) -> str:
    """A literal form whose inner spaces match any run of spaces."""
    return r"\s+".join(re.escape(part) for part in form.split())


LETTER = r"[^\W\d_]"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    code: str  # UCUM or ISO 4217
    kind: str  # length, mass, ..., currency
    factor: float = 1.0
    name: str = ""
    measure: str | None = None  # what the unit itself says is measured (jährig -> Alter)


@dataclass(slots=True)
class Lexicon:
    lang: str
    raw: dict[str, dict[str, Any]]
    # number words
    atom_value: dict[str, float] = field(default_factory=dict)
    ordinal_value: dict[str, float] = field(default_factory=dict)  # ordinal stem -> value of its atom
    ordinal_cardinal: dict[str, str] = field(default_factory=dict)  # ordinal stem -> a cardinal form
    cardinal_re: re.Pattern[str] | None = None
    ordinal_re: re.Pattern[str] | None = None
    atoms_re: re.Pattern[str] | None = None
    ordinal_endings: tuple[str, ...] = ()
    ordinal_bare_after: frozenset[str] = frozenset()
    connector: frozenset[str] = frozenset()
    decimal_words: frozenset[str] = frozenset()
    half_suffix_re: re.Pattern[str] | None = None
    special: dict[str, float] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()
    scales: dict[str, float] = field(default_factory=dict)
    scale_ordinals: dict[str, float] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)  # denominator word -> denominator
    fraction_compound_re: re.Pattern[str] | None = None
    half_nouns: dict[str, float] = field(default_factory=dict)
    half_noun_determiners: frozenset[str] = frozenset()
    bare: dict[str, float] = field(default_factory=dict)
    signs: dict[str, float] = field(default_factory=dict)
    # ordinals and ranks
    ordinal_cues: frozenset[str] = frozenset()
    relative_re: re.Pattern[str] | None = None
    relative_value: dict[str, str] = field(default_factory=dict)
    relative_from_end_re: re.Pattern[str] | None = None
    adverb_ordinals: dict[str, float] = field(default_factory=dict)
    rank_nouns: frozenset[str] = frozenset()
    superlative_re: re.Pattern[str] | None = None
    # qualifiers
    qualifier_re: re.Pattern[str] | None = None
    qualifier_of: dict[str, str] = field(default_factory=dict)
    not_after_noun: frozenset[str] = frozenset()
    # units
    unit_word_re: re.Pattern[str] | None = None
    unit_symbol_re: re.Pattern[str] | None = None
    unit_of: dict[str, UnitInfo] = field(default_factory=dict)  # lower-cased form -> unit
    unit_symbol_of: dict[str, UnitInfo] = field(default_factory=dict)  # exact symbol -> unit
    ambiguous_currency: frozenset[str] = frozenset()  # forms that only default to a currency (Dollar)
    prefix_re: re.Pattern[str] | None = None
    prefix_of: dict[str, UnitInfo] = field(default_factory=dict)
    subunit_re: re.Pattern[str] | None = None
    subunit_factor: float = 0.01
    context_units: dict[str, UnitInfo] = field(
        default_factory=dict
    )  # form -> unit when context words present
    angle_context: frozenset[str] = frozenset()
    # context
    idiom_re: re.Pattern[str] | None = None
    source_re: re.Pattern[str] | None = None
    source_before_re: re.Pattern[str] | None = None
    source_after_re: re.Pattern[str] | None = None
    source_np_openers: frozenset[str] = frozenset()
    rate_re: re.Pattern[str] | None = None
    rate_value: dict[str, str] = field(default_factory=dict)
    rate_units: dict[str, str] = field(default_factory=dict)
    group_re: re.Pattern[str] | None = None
    group_not_after: frozenset[str] = frozenset()
    year_cues: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    clock: frozenset[str] = frozenset()
    label_nouns: frozenset[str] = frozenset()
    age_measure: str | None = None  # the measure of a person's age in parentheses ("Heino (77)")
    age_unit: str | None = None
    abbreviations: frozenset[str] = frozenset()
    # measures
    prepositions: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    genitive: frozenset[str] = frozenset()
    linking: tuple[tuple[str, ...], ...] = ()
    transparent: frozenset[str] = frozenset()
    stop_nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    hints: dict[str, str] = field(default_factory=dict)
    ratio_adjectives: dict[str, str] = field(default_factory=dict)
    dimension_adjectives: dict[str, str] = field(default_factory=dict)


def _lower_all(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


def _build_numbers(lx: Lexicon, num: dict[str, Any]) -> None:
    roles: dict[str, list[str]] = {}
    ord_roles: dict[str, list[str]] = {}
    for atom in num["atom"]:
        for f in atom["forms"]:
            lx.atom_value[f] = float(atom["value"])
            roles.setdefault(atom["role"], []).append(f)
        for o in atom.get("ordinal", []):
            lx.ordinal_value[o] = float(atom["value"])
            lx.ordinal_cardinal[o] = atom["forms"][-1] if atom["role"] == "digit" else atom["forms"][0]
            ord_roles.setdefault(atom["role"], []).append(o)
    conn = _alt(num["connector"])
    lx.connector = _lower_all(num["connector"])
    d, t, z = _alt(roles["digit"]), _alt(roles["teen"]), _alt(roles["tens"])
    h, k = _alt(roles["hundred"]), _alt(roles["thousand"])
    below100 = f"(?:{t}|(?:{d}{conn})?{z}|{d})"
    below1000 = f"(?:{d}?{h}{conn}?{below100}?|{below100})"
    cardinal = f"(?:{below1000}?{k}{conn}?{below1000}?|{below1000}|{_alt(roles['zero'])})"
    dord, tord, zord = _alt(ord_roles["digit"]), _alt(ord_roles["teen"]), _alt(ord_roles["tens"])
    hord, kord = _alt(ord_roles["hundred"]), _alt(ord_roles["thousand"])
    u_ord = f"(?:{tord}|(?:{d}{conn})?{zord}|{dord})"
    b_ord = f"(?:{d}?{h}{conn}?{u_ord}|{d}?{hord}|{u_ord})"
    ordinal = f"(?:{below1000}?{k}{conn}?{b_ord}|{below1000}?{kord}|{b_ord}|{_alt(ord_roles['zero'])})"
    lx.ordinal_endings = tuple(num["ordinal_endings"])
    ends = _alt(num["ordinal_endings"])
    half = _alt(num["half_suffix"])
    lx.cardinal_re = re.compile(f"(?P<num>{cardinal})(?P<half>{half})?", re.IGNORECASE)
    lx.ordinal_re = re.compile(f"(?P<ord>{ordinal})(?P<end>{ends})?", re.IGNORECASE)
    lx.half_suffix_re = re.compile(half, re.IGNORECASE)
    all_atoms = list(lx.atom_value) + list(num["connector"])
    lx.atoms_re = re.compile(_alt(all_atoms), re.IGNORECASE)
    lx.ordinal_bare_after = _lower_all(num["ordinal_bare_after"])
    lx.decimal_words = _lower_all(num["decimal_word"])
    for sp in num.get("special", []):
        for f in sp["forms"]:
            lx.special[f.lower()] = float(sp["value"])
    for art in num.get("article", []):
        lx.articles = lx.articles | _lower_all(art["forms"])
    for sc in num.get("scale", []):
        for f in sc["forms"]:
            lx.scales[f.lower()] = float(sc["value"])
        for o in sc.get("ordinal", []):
            lx.scale_ordinals[o.lower()] = float(sc["value"])
    fraction_forms: list[str] = []
    for fr in num.get("fraction", []):
        for f in fr["forms"]:
            lx.fractions[f.lower()] = float(fr["value"])
            fraction_forms.append(f)
    lx.fraction_compound_re = re.compile(f"(?P<num>{cardinal})(?P<den>{_alt(fraction_forms)})", re.IGNORECASE)
    for hn in num.get("half_noun", []):
        for f in hn["forms"]:
            lx.half_nouns[f.lower()] = float(hn["value"])
        lx.half_noun_determiners = lx.half_noun_determiners | _lower_all(hn["determiners"])
    for b in num.get("bare", []):
        for f in b["forms"]:
            lx.bare[f.lower()] = float(b["value"])
    for s in num.get("sign", []):
        for f in s["forms"]:
            lx.signs[f.lower()] = float(s["value"])


def _build_ordinals(lx: Lexicon, od: dict[str, Any]) -> None:
    lx.ordinal_cues = _lower_all(od["ordinal_cues"])
    ends = _alt(lx.ordinal_endings)
    stems: list[str] = []
    for rel in od.get("relative", []):
        for s in rel["stems"]:
            lx.relative_value[s.lower()] = rel["value"]
            stems.append(s)
    lx.relative_re = re.compile(f"(?P<stem>{_alt(stems)}){ends}?", re.IGNORECASE)
    from_end = [s for r in od.get("relative_from_end", []) for s in r["stems"]]
    if from_end:
        lx.relative_from_end_re = re.compile(
            f"(?P<ord>{_alt(list(lx.ordinal_value))})(?P<stem>{_alt(from_end)}){ends}?", re.IGNORECASE
        )
    for adv in od.get("adverb", []):
        for f in adv["forms"]:
            lx.adverb_ordinals[f.lower()] = float(adv["value"])
    lx.rank_nouns = _lower_all([f for r in od.get("rank_noun", []) for f in r["forms"]])
    sup = [f for s in od.get("superlative", []) for f in s["forms"]]
    ordstems = [o for o in lx.ordinal_value if lx.ordinal_value[o] > 1]
    lx.superlative_re = re.compile(f"(?P<ord>{_alt(ordstems)})(?P<sup>{_alt(sup)}){ends}", re.IGNORECASE)


def _build_qualifiers(lx: Lexicon, q: dict[str, Any]) -> None:
    phrases: list[str] = []
    for item in q["qualifier"]:
        for p in item["phrases"]:
            lx.qualifier_of[" ".join(p.lower().split())] = item["qualifier"]
            phrases.append(p)
    lx.not_after_noun = _lower_all(q.get("not_after_noun", []))
    fillers = _alt(q.get("fillers", [])) if q.get("fillers") else None
    fill = rf"(?:\s+{fillers})*" if fillers else ""
    lx.qualifier_re = re.compile(rf"(?<!{LETTER})(?P<q>{_alt(phrases)}){fill}\s+$", re.IGNORECASE)


def _build_units(lx: Lexicon, units: dict[str, Any], cur: dict[str, Any]) -> None:
    words: list[str] = []
    symbols: list[str] = []
    for u in units["unit"]:
        info = UnitInfo(u["ucum"], u["kind"], float(u.get("factor", 1.0)), u["name"], u.get("measure"))
        if u["name"] == "age_years":
            lx.age_measure, lx.age_unit = u.get("measure"), u["ucum"]
        for f in u.get("forms", []):
            lx.unit_of[" ".join(f.lower().split())] = info
            words.append(f)
        for s in u.get("symbols", []):
            lx.unit_symbol_of[s] = info
            symbols.append(s)
        for f in u.get("context_only", []):
            lx.context_units[f.lower()] = info
    prefixes: list[str] = []
    for c in cur["currency"]:
        info = UnitInfo(c["iso"], "currency", 1.0, c["name"])
        forms = list(c.get("forms", []))
        nouns = c.get("nouns", []) or [f for f in c.get("forms", []) if " " not in f]
        for adj in c.get("adjectives", []):
            for end in ("e", "en", "er", "es", ""):
                for n in nouns:
                    forms.append(f"{adj}{end} {n}")
        for f in forms:
            lx.unit_of[" ".join(f.lower().split())] = info
            words.append(f)
        for s in c.get("symbols", []):
            lx.unit_symbol_of[s] = info
            symbols.append(s)
        lx.ambiguous_currency = lx.ambiguous_currency | _lower_all(c.get("ambiguous", []))
        for p in c.get("prefixes", []):
            lx.prefix_of[p.lower()] = info
            prefixes.append(p)
    # a word unit follows the number after spaces or a hyphen (12-Pfund), never inside a word
    lx.unit_word_re = re.compile(
        rf"[ \t\u00a0\u202f]*(?:-[ \t]*)?(?P<u>{_alt(words)})(?!{LETTER})", re.IGNORECASE
    )
    lx.unit_symbol_re = re.compile(rf"[ \t\u00a0\u202f]*(?P<u>{_alt(symbols)})(?!{LETTER}|\d)")
    lx.prefix_re = re.compile(rf"(?<!{LETTER})(?P<p>{_alt(prefixes)})[ \t\u00a0]?$", re.IGNORECASE)
    sub = [f for s in cur.get("subunit", []) for f in s["forms"]]
    if sub:
        lx.subunit_factor = float(cur["subunit"][0]["factor"])
        lx.subunit_re = re.compile(rf"\s*(?P<u>{_alt(sub)})(?!{LETTER})", re.IGNORECASE)


def _build_context(lx: Lexicon, ctx: dict[str, Any], ms: dict[str, Any]) -> None:
    lx.angle_context = _lower_all(ctx["angle_context"]["words"])
    lx.idiom_re = re.compile(rf"(?<!{LETTER}){_alt(ctx['idioms']['phrases'])}(?!{LETTER})", re.IGNORECASE)
    src = ctx["sources"]
    lx.source_re = re.compile(rf"(?<!{LETTER}){_alt(src['phrases'])}(?!{LETTER})", re.IGNORECASE)
    lx.source_before_re = re.compile(rf"(?<!{LETTER}){_alt(src['mention_before'])}\s+$", re.IGNORECASE)
    lx.source_after_re = re.compile(rf"^\s*{_alt(src['mention_after'])}(?!{LETTER})", re.IGNORECASE)
    lx.source_np_openers = _lower_all(src.get("np_openers", []))
    rates = ctx["rates"]["words"]
    lx.rate_units = dict(ctx["rates"]["units"])
    lx.rate_value = {" ".join(k.lower().split()): v for k, v in rates.items()}
    # not "im Jahr 2022" (a date): a rate word followed by a year-like number is none
    lx.rate_re = re.compile(
        rf"(?<!{LETTER})(?P<r>{_alt(list(rates))})(?!{LETTER})(?!\s+[12]\d{{3}}(?!\d))", re.IGNORECASE
    )
    lx.group_re = re.compile(
        rf"(?<!{LETTER}){_alt(ctx['group_reference']['phrases'])}(?!{LETTER})", re.IGNORECASE
    )
    lx.group_not_after = _lower_all(ctx["group_reference"].get("not_after", []))
    yr = ctx["years"]
    lx.year_cues = _lower_all(yr["cues"])
    lx.months = _lower_all(yr["months"])
    lx.clock = _lower_all(yr["clock"])
    lx.label_nouns = _lower_all(ctx["labels"]["nouns"])
    lx.abbreviations = frozenset(ctx["abbreviations"]["words"])
    lx.prepositions = _lower_all(ms["prepositions"])
    lx.function_words = _lower_all(ms["function_words"])
    lx.genitive = _lower_all(ms["genitive"])
    lx.linking = tuple(tuple(p.lower().split()) for p in ms["linking"])
    lx.transparent = _lower_all(ms["transparent"])
    lx.stop_nouns = _lower_all(ms["stop"])
    lx.source_nouns = _lower_all(ms["source_nouns"])
    lx.hints = {k.lower(): v for k, v in ms["hints"].items()}
    lx.ratio_adjectives = {k.lower(): v for k, v in ms["ratio_adjectives"].items()}
    lx.dimension_adjectives = {k.lower(): v for k, v in ms["dimension_adjectives"].items()}


@cache
def get(lang: str = "de") -> Lexicon:
    """The compiled vocabulary for ``lang`` (raises FileNotFoundError naming the missing file)."""
    raw = {name: load_toml(lang, f"quantities/{name}") for name in FILES}
    lx = Lexicon(lang=lang, raw=raw)
    _build_numbers(lx, raw["numbers.toml"])
    _build_ordinals(lx, raw["ordinals.toml"])
    _build_qualifiers(lx, raw["qualifiers.toml"])
    _build_units(lx, raw["units.toml"], raw["currencies.toml"])
    _build_context(lx, raw["context.toml"], raw["measures.toml"])
    return lx
