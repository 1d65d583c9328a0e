"""Tokenizer fixes for German news text, on top of spaCy's blank German tokenizer.

What changes (the rules and their examples: ``lang/de/tokenizer/rules.toml``):

- every abbreviation of ``abbreviations.toml`` is a special case that keeps its period
  (multi-part forms such as ``z. B.`` keep each part's period; the compact ``z.B.`` too);
- an abbreviation glued to a number (``Nr.5``) is split after its period;
- quote marks (``punctuation.toml``) are always tokens of their own, also when glued to words
  or punctuation (``sagte:„Nein!“Dann``);
- a period (or ``!``/``?``) glued between a word and a capitalized word is split off
  (``verflochten sei.Kasachstan``), also after an acronym (``USA.Die``) or a bracket (``(dpa).Berlin``).

Dates (``11.11.2025``), decimals (``1.5``), ordinals (``12.``), hyphenated words (``US-Dollar``,
``Sputnik-1``) and ``70 %`` keep spaCy's behaviour, pinned by the examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import ORTH
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from newsgraph.lang import load_toml

LANG = "de"


@dataclass(frozen=True)
class Abbreviation:
    """One written form of an abbreviation (possibly several tokens, e.g. ``z. B.``)."""

    form: str
    name: str
    may_end_sentence: bool
    also_word: bool

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.form.split())


@cache
def abbreviations(lang: str = LANG) -> tuple[Abbreviation, ...]:
    """All abbreviation forms of ``abbreviations.toml`` (multi-part forms also in compact spelling)."""
    out: dict[str, Abbreviation] = {}
    for entry in load_toml(lang, "tokenizer/abbreviations.toml")["abbreviation"]:
        for form in entry["forms"]:
            for spelling in (form, form.replace(" ", "")):
                if spelling not in out:
                    out[spelling] = Abbreviation(
                        form=spelling,
                        name=entry["name"],
                        may_end_sentence=bool(entry.get("may_end_sentence", False)),
                        also_word=bool(entry.get("also_word", False)),
                    )
    return tuple(out.values())


@cache
def abbreviation_tokens(lang: str = LANG) -> dict[str, Abbreviation]:
    """Token text -> the abbreviation it belongs to (each part of a multi-part form is a key).

    A part may end a sentence only where it is the last part of a form that may ("a." of "u. a.",
    not of "a. D."); it is a word-like abbreviation only if every form it belongs to is.
    """
    out: dict[str, Abbreviation] = {}
    for abbr in abbreviations(lang):
        for n, part in enumerate(abbr.parts):
            may_end = abbr.may_end_sentence and n == len(abbr.parts) - 1
            prev = out.get(part)
            if prev is not None:
                may_end = may_end or prev.may_end_sentence
                also_word = abbr.also_word and prev.also_word
            else:
                also_word = abbr.also_word
            out[part] = Abbreviation(part, abbr.name, may_end, also_word)
    return out


@cache
def punctuation(lang: str = LANG) -> dict:
    return load_toml(lang, "tokenizer/punctuation.toml")


def quote_chars(lang: str = LANG) -> tuple[str, ...]:
    quotes = punctuation(lang)["quotes"]
    return tuple(quotes["opening"]) + tuple(quotes["ambiguous"])


def _char_class(chars: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of ``chars`` (single characters or longer marks), longest first."""
    longest_first = sorted(chars, key=lambda c: (-len(c), c))
    return "(?:" + "|".join(re.escape(c) for c in longest_first) + ")"


def _after_any(chars: tuple[str, ...] | list[str]) -> str:
    """A look-behind for any of ``chars`` (one look-behind each: they must be fixed-width)."""
    return "(?:" + "|".join(f"(?<={re.escape(c)})" for c in chars) + ")"


def infix_patterns(lang: str = LANG) -> list[str]:
    """Infix patterns added to spaCy's German ones."""
    quotes = quote_chars(lang)
    q = _char_class(quotes)
    terminal = _char_class(punctuation(lang)["sentence"]["terminal_chars"])
    closing = _char_class(punctuation(lang)["sentence"]["closing_brackets"])
    stop = _char_class([".", ",", ";", ":", "!", "?", "…"])
    return [
        # quote marks anywhere
        q,
        # punctuation glued before or after a quote mark
        rf"(?<=[{ALPHA}0-9]){stop}(?={q})",
        rf"{_after_any(quotes)}{stop}",
        # a sentence end glued to the next sentence: "sei.Kasachstan", "USA.Die", "gut!Aber"
        rf"(?<=[{ALPHA_LOWER}]){terminal}(?=[{ALPHA_UPPER}])",
        rf"(?<=[{ALPHA_UPPER}]{{2}}){terminal}(?=[{ALPHA_UPPER}][{ALPHA_LOWER}])",
        # a closing bracket glued to punctuation, and that punctuation glued to a word
        rf"(?<=[{ALPHA}0-9]){closing}(?={stop})",
        rf"{_after_any(punctuation(lang)['sentence']['closing_brackets'])}{stop}(?=[{ALPHA}])",
    ]


def prefix_patterns(lang: str = LANG) -> list[str]:
    """Prefix patterns added to spaCy's: an abbreviation glued to a number (``Nr.5``)."""
    forms = sorted((a.form for a in abbreviations(lang) if len(a.parts) == 1), key=lambda f: (-len(f), f))
    return [r"(?:" + "|".join(re.escape(f) for f in forms) + r")(?=[0-9])"]


def special_cases(lang: str = LANG) -> dict[str, list[dict]]:
    """Every abbreviation part as a special case of one token."""
    cases: dict[str, list[dict]] = {}
    for abbr in abbreviations(lang):
        for part in abbr.parts:
            cases[part] = [{ORTH: part}]
    return cases


def customize(nlp: Language) -> None:
    """Adjust ``nlp.tokenizer`` in place (idempotent)."""
    lang = nlp.lang if nlp.lang == LANG else LANG
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or ()) + infix_patterns(lang)
    prefixes = prefix_patterns(lang) + list(nlp.Defaults.prefixes or ())
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    for text, attrs in special_cases(lang).items():
        tokenizer.add_special_case(text, attrs)
