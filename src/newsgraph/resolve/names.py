"""Transliteration keys and person-name parsing.

A name token is reduced to a *key* that outlets' spellings share: *Tokajew*, *Toqajew*, *Tokayev* and
*Токаев* all become ``tokaov``. The key is anyascii plus ordered rewrites kept as data
(``lang/<lang>/entities/transliteration.toml``); a rule may have alternatives (English *ch* is German
*tsch*, German *ch* is English *kh*), so a token has a small SET of keys and two tokens match when their
sets meet. Person names are parsed into given names, surname (with particles) and a generational suffix
with the word lists of ``names.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from newsgraph import settings
from newsgraph.lang import load_toml

MAX_KEY_VARIANTS = 8
CLASS_SEP = "#"  # a compound's class key: "<stem key>#<class>" (resolve/compounds.py)
_NON_ALPHA = re.compile(r"[^a-z]+")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    to: tuple[str, ...]
    scope: str = "all"  # "all" | "given"

    def apply(self, text: str) -> tuple[str, ...]:
        if not self.pattern.search(text):
            return (text,)
        return tuple(dict.fromkeys(self.pattern.sub(alt, text) for alt in self.to))


def _rule(entry: dict[str, Any]) -> Rule:
    to = entry["to"]
    alts = tuple(to) if isinstance(to, list) else (to,)
    return Rule(entry["name"], re.compile(entry["from"]), alts, entry.get("scope", "all"))


@cache
def rules(lang: str = settings.DEFAULT_LANGUAGE) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """(pre-anyascii rules, ASCII rewrites) of a language, in order."""
    data = load_toml(lang, "entities/transliteration.toml")
    return tuple(_rule(e) for e in data.get("pre", [])), tuple(_rule(e) for e in data.get("rewrite", []))


@lru_cache(maxsize=200_000)
def fold(token: str, lang: str = settings.DEFAULT_LANGUAGE) -> str:
    """The pre-rules, anyascii and lower-casing; only a-z kept."""
    pre, _ = rules(lang)
    text = token.lower()
    for rule in pre:
        text = rule.pattern.sub(rule.to[0], text)
    return _NON_ALPHA.sub("", anyascii(text).lower())


@lru_cache(maxsize=200_000)
def token_keys(token: str, given: bool = False, lang: str = settings.DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """The keys of one name token; the first is the primary key (first alternative of every rule)."""
    variants: tuple[str, ...] = (fold(token, lang),)
    _, rewrites = rules(lang)
    for rule in rewrites:
        if rule.scope == "given" and not given:
            continue
        out: list[str] = []
        for v in variants:
            out.extend(rule.apply(v))
        variants = tuple(dict.fromkeys(out))[:MAX_KEY_VARIANTS]
    return tuple(v for v in variants if v) or ("",)


@lru_cache(maxsize=200_000)
def key(token: str, lang: str = settings.DEFAULT_LANGUAGE) -> str:
    """The primary key of a token (hyphenated parts keyed one by one, joined by '-')."""
    parts = [p for p in token.split("-") if p]
    return "-".join(token_keys(p, False, lang)[0] for p in parts)


@lru_cache(maxsize=200_000)
def keys(token: str, given: bool = False, lang: str = settings.DEFAULT_LANGUAGE) -> frozenset[str]:
    """All keys of a token; hyphenated parts keyed one by one (alternatives combined, capped)."""
    parts = [p for p in token.split("-") if p]
    if not parts:
        return frozenset({""})
    combos: list[str] = [""]
    for i, part in enumerate(parts):
        sep = "-" if i else ""
        combos = [c + sep + k for c in combos for k in token_keys(part, given, lang)][:MAX_KEY_VARIANTS]
    return frozenset(combos)


# --- loose keys and markers of a transliterated spelling -------------------------------------------


@cache
def loose_rules(lang: str = settings.DEFAULT_LANGUAGE) -> tuple[Rule, ...]:
    """The ``[[loose]]`` rewrites of a language, in order."""
    return tuple(_rule(e) for e in load_toml(lang, "entities/transliteration.toml").get("loose", []))


@lru_cache(maxsize=200_000)
def loose_key(key_: str, lang: str = settings.DEFAULT_LANGUAGE) -> str:
    """A key with the ``[[loose]]`` rewrites applied (first alternative each): *toskent* -> *taskent*."""
    for rule in loose_rules(lang):
        key_ = rule.pattern.sub(rule.to[0], key_)
    return key_


def loose_keys(
    ks: frozenset[str] | list[str] | tuple[str, ...], lang: str = settings.DEFAULT_LANGUAGE
) -> list[str]:
    """The loose keys of a set of keys that have at least ``settings.LOOSE_KEY_MIN_LETTERS`` letters (in a
    class key, letters of its stem)."""
    out: dict[str, None] = {}
    for k in sorted(ks):
        lk = loose_key(k, lang)
        if sum(c.isalpha() for c in lk.partition(CLASS_SEP)[0]) >= settings.LOOSE_KEY_MIN_LETTERS:
            out[lk] = None
    return list(out)


@cache
def markers(lang: str = settings.DEFAULT_LANGUAGE) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) of the ``[[marker]]`` table: signs that a text spells names transliterated."""
    data = load_toml(lang, "entities/transliteration.toml")
    return tuple((m["name"], re.compile(m["pattern"])) for m in data.get("marker", []))


def marked(text: str, lang: str = settings.DEFAULT_LANGUAGE) -> bool:
    """Whether a surface shows a marker of a transliterated (Uzbek Latin) spelling: *Qorakoʻl*, *Buxoro*."""
    return any(p.search(text) for _, p in markers(lang))


# --- person names ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameLexicon:
    particles: frozenset[str]
    suffixes: frozenset[str]
    genitive: tuple[str, ...]
    titles: frozenset[str]
    genitive_not_after: dict[str, tuple[str, ...]]  # ending -> letters a base may not end with


@cache
def lexicon(lang: str = settings.DEFAULT_LANGUAGE) -> NameLexicon:
    data = load_toml(lang, "entities/names.toml")
    return NameLexicon(
        particles=frozenset(p.lower() for p in data.get("particles", [])),
        suffixes=frozenset(s.lower() for s in data.get("suffixes", [])),
        genitive=tuple(sorted(data.get("genitive", []), key=len, reverse=True)),
        titles=frozenset(t.lower() for t in data.get("titles", [])),
        genitive_not_after={e: tuple(v) for e, v in data.get("genitive_not_after", {}).items()},
    )


@dataclass(frozen=True, slots=True)
class GivenName:
    """One given-name part (hyphenated given names count as several parts)."""

    text: str
    keys: frozenset[str]
    initial: bool  # "W."

    @property
    def first_letter(self) -> str:
        return min(self.keys)[:1] if self.keys else ""


@dataclass(frozen=True, slots=True)
class PersonName:
    given: tuple[str, ...]  # surface parts
    surname: str  # surface, with particles ("von der Leyen")
    suffix: str | None = None  # "jr"
    core: str = ""  # the surname without particles ("Leyen"), what the key is made of
    given_raw: tuple[str, ...] = ()  # given names as written ("Kasim-Yomart")

    @property
    def full(self) -> str:
        return " ".join([*self.given, self.surname]).strip()


_PUNCT_EDGE = re.compile(r"^[^\w]+|[^\w.'’]+$")


@lru_cache(maxsize=200_000)
def clean(text: str) -> str:
    """Whitespace normalized, surrounding punctuation and quotes removed."""
    return _PUNCT_EDGE.sub("", " ".join(text.split()))


@lru_cache(maxsize=100_000)
def parse(
    text: str, strip_words: frozenset[str] = frozenset(), lang: str = settings.DEFAULT_LANGUAGE
) -> PersonName:
    """Split a person mention into given names, surname and suffix.

    Leading titles (``names.toml``) and any word in ``strip_words`` (role nouns, lower-cased) are dropped,
    as are leading lower-case words (adjectives a tagger may have included).
    """
    lex = lexicon(lang)
    tokens = clean(text).split()
    while len(tokens) > 1 and (
        tokens[0].lower() in lex.titles or tokens[0].lower() in strip_words or tokens[0][:1].islower()
    ):
        tokens = tokens[1:]
    suffix = None
    if len(tokens) > 1 and tokens[-1].lower() in lex.suffixes:
        suffix = tokens[-1].lower().rstrip(".")
        tokens = tokens[:-1]
        if tokens and tokens[-1].endswith(","):
            tokens[-1] = tokens[-1][:-1]
    if not tokens:
        return PersonName((), clean(text), None, clean(text))
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in lex.particles:
        i -= 1
    surname_tokens = tokens[i:]
    core = surname_tokens[-1]
    head, sep, rest = core.partition("-")
    if sep and head.lower() in lex.particles and rest:
        core = rest
    given: list[str] = []
    for tok in tokens[:i]:
        given.extend(p for p in tok.split("-") if p)
    return PersonName(tuple(given), " ".join(surname_tokens), suffix, core, tuple(tokens[:i]))


@lru_cache(maxsize=100_000)
def given_parts(name: PersonName, lang: str = settings.DEFAULT_LANGUAGE) -> tuple[GivenName, ...]:
    out = []
    for part in name.given:
        initial = part.endswith(".") and len(part.rstrip(".")) <= 2 or len(part) == 1
        out.append(GivenName(part, keys(part.rstrip("."), given=True, lang=lang), initial))
    return tuple(out)


def _part_compatible(a: GivenName, b: GivenName, threshold: float) -> bool:
    if a.initial or b.initial:
        return bool(a.first_letter) and a.first_letter == b.first_letter
    if a.keys & b.keys:
        return True
    ka, kb = min(a.keys), min(b.keys)
    if min(len(ka), len(kb)) < 4:
        return False
    return max(JaroWinkler.similarity(x, y) for x in a.keys for y in b.keys) >= threshold


def given_compatible(
    a: tuple[GivenName, ...], b: tuple[GivenName, ...], threshold: float = settings.GIVEN_NAME_SIMILARITY
) -> bool:
    """Whether two given-name sequences can denote the same person.

    Missing given names are compatible with anything; otherwise the shorter sequence must align with
    the start of the longer one part by part (*Wladimir* ~ *Wladimir Wladimirowitsch*, but
    *George H. W.* is not *George W.*; *Jong-un* is not *Jong-il*).
    """
    if not a or not b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) > 1 and len(short) != len(long_) and any(p.initial for p in long_[len(short) :]):
        return False
    return all(_part_compatible(x, y, threshold) for x, y in zip(short, long_, strict=False))


@lru_cache(maxsize=200_000)
def genitive_bases(token: str, lang: str = settings.DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Candidate nominative forms of a possibly genitive name: ``Putins`` -> (``Putin``,)."""
    out = []
    lex = lexicon(lang)
    for ending in lex.genitive:
        if len(token) > len(ending) + 2 and token.endswith(ending):
            base = token[: -len(ending)]
            if not base.lower().endswith(lex.genitive_not_after.get(ending, ())):
                out.append(base)
    return tuple(out)
