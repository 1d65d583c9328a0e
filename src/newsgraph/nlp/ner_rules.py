"""Rules on top of the NER model (``lang/de/ner/rules.toml``), applied in the file's order.

Gazetteer rules here: ``retype`` (a name mention that is exactly a known, unambiguous place or
organization takes the gazetteer's type: *Rosatom* is ORG where the model says PER) and
``part_retype`` (a one-token name mention *Moskau-Besuch* whose head is a known place is the part
form, ``LOCpart``); gap fillers on tokens no mention covers: ``propagate`` (a name found once is
found again in the document, a person's surname alone too), ``adjective`` (a country adjective or
demonym -> ``LOCderiv``), ``prefix`` (a hyphenated compound with a known place or organization part
-> ``LOCpart``/``ORGpart``) and ``name`` (a known, unambiguous country, place or organization name ->
``LOC``/``ORG``). Names, adjectives and prefixes come from the shared gazetteer
(``newsgraph.resolve.gazetteer``: ``lang/de/entities/``), so each fact is stored once.

The document-level and context rules (type vote across the document, class-noun cues, given names,
cities, company forms, ...) live in ``newsgraph.nlp.ner_document``; their kinds are dispatched from
here. A rule that fails is logged and skipped: the model's mentions are never lost over it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc

from newsgraph import settings
from newsgraph.lang import load_toml
from newsgraph.nlp import ner_document as nd

log = logging.getLogger(__name__)

Chunk = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    label: str | None = None
    form: str | None = None
    max_tokens: int = 1
    examples: tuple[tuple[str, str, str], ...] = ()


@cache
def rules(lang: str = settings.DEFAULT_LANGUAGE) -> tuple[Rule, ...]:
    data = load_toml(lang, "ner/rules.toml")
    out = []
    for raw in data.get("rule", []):
        out.append(
            Rule(
                name=raw["name"],
                kind=raw["kind"],
                label=raw.get("label"),
                form=raw.get("form"),
                max_tokens=int(raw.get("max_tokens", 1)),
                examples=tuple(tuple(x) for x in raw.get("examples", [])),
            )
        )
    return tuple(out)


@cache
def _gazetteer(lang: str) -> Any:
    try:
        from newsgraph.resolve import gazetteer

        return gazetteer.load(lang)
    except Exception as exc:  # the rules are an extra layer: never fail the pipeline over them
        log.warning("NER gazetteer rules disabled: %s", exc)
        return None


@lru_cache(maxsize=200_000)
def _adjective(lang: str, word: str) -> bool:
    gaz = _gazetteer(lang)
    return gaz is not None and gaz.adjective(word) is not None


@lru_cache(maxsize=200_000)
def _prefix_type(lang: str, word: str) -> str | None:
    gaz = _gazetteer(lang)
    if gaz is None:
        return None
    hit = gaz.prefix(word)
    return hit.type if hit is not None else None


@lru_cache(maxsize=200_000)
def _name_type(lang: str, text: str) -> str | None:
    gaz = _gazetteer(lang)
    if gaz is None:
        return None
    hit = gaz.lookup(text)
    if hit is None:
        return None
    plain = not any(ch.isupper() for ch in text[1:])
    if hit.name.isupper() and plain and hit.name.lower() not in (text.lower(), text.lower()[:-1]):
        return None  # an abbreviation's key matched a plain word ("Ostsee" ~ "OSZE"; "Nato" is NATO)
    return hit.type


def _base(entry_type: str | None) -> str | None:
    return nd.LABEL_OF.get(entry_type or "")


def apply(doc: Doc, chunks: list[Chunk], lang: str = settings.DEFAULT_LANGUAGE) -> list[Chunk]:
    """Model chunks corrected and completed by the rules, in the order of ``rules.toml``."""
    out = list(chunks)
    for rule in rules(lang):
        try:
            out = _apply_rule(doc, out, rule, lang)
        except Exception as exc:  # one rule failing must not lose the model's mentions
            log.warning("NER rule %s failed: %s", rule.name, exc)
    return out


def _apply_rule(doc: Doc, out: list[Chunk], rule: Rule, lang: str) -> list[Chunk]:
    kind = rule.kind
    if kind == "retype":
        return [_retype(doc, c, lang) for c in out]
    if kind == "part_retype":
        return [_part_retype(doc, c, lang) for c in out]
    if kind in nd.KINDS:
        return nd.KINDS[kind](doc, out, lang)
    taken = nd.taken_tokens(len(doc), out)

    def add(s: int, e: int, label: str) -> None:
        out.append((s, e, label))
        for i in range(s, e):
            taken[i] = True

    if kind == "propagate":
        _propagate(doc, out, taken, add)
    elif kind == "name":
        _names(doc, taken, rule, lang, add)
    elif kind in ("adjective", "prefix"):
        for tok in doc:
            if taken[tok.i] or not tok.is_alpha and "-" not in tok.text or len(tok.text) < 3:
                continue
            compound_noun = "-" in tok.text and tok.text.rsplit("-", 1)[-1][:1].isupper()
            if kind == "adjective" and rule.label and not compound_noun and _adjective(lang, tok.text):
                add(tok.i, tok.i + 1, rule.label)
            elif kind == "prefix" and "-" in tok.text.strip("-") and tok.text[0].isupper():
                base = _base(_prefix_type(lang, tok.text))
                if base is not None:
                    add(tok.i, tok.i + 1, base + (rule.form or ""))
    else:
        raise ValueError(f"unknown NER rule kind {kind!r} in rule {rule.name!r}")
    return out


def _retype(doc: Doc, chunk: Chunk, lang: str) -> Chunk:
    """A model name mention that is exactly a known, unambiguous ORG/LOC name takes the gazetteer's type."""
    s, e, label = chunk
    if len(label) != 3:  # deriv/part forms keep the model's label
        return chunk
    base = _base(_name_type(lang, doc[s:e].text))
    if base is None or base == label:
        return chunk
    return (s, e, base)


def _part_retype(doc: Doc, chunk: Chunk, lang: str) -> Chunk:
    """A one-token name or part mention *Place-Noun* (not itself a known name) is the part form of
    its first element's type: LOCpart (also where the model said PERpart)."""
    s, e, label = chunk
    word = doc[s].text
    if e - s != 1 or label[3:] not in ("", "part") or "-" not in word.strip("-"):
        return chunk
    if _name_type(lang, word) is not None:
        return chunk
    if label.startswith("OTH"):  # the model read an object's name: "US-Dollar" is OTH in GermEval
        return chunk
    head = word.split("-")[0]
    base = _base(_name_type(lang, head)) or _base(_prefix_type(lang, head + "-"))
    return (s, e, base + "part") if base is not None else chunk


def _propagate(doc: Doc, chunks: list[Chunk], taken: list[bool], add: Any) -> None:
    """Names the model found once are found again elsewhere in the document: the full form of a
    name mention, and a person's last name alone (*Anthony Blinken* ... *Blinken*)."""
    forms: dict[tuple[str, ...], str] = {}
    for s, e, label in chunks:
        if len(label) != 3:
            continue
        words = tuple(t.text for t in doc[s:e])
        forms.setdefault(words, label)
        if label == "PER" and e - s > 1 and words[-1][:1].isupper():
            forms.setdefault(words[-1:], label)
    if not forms:
        return
    longest = max(len(f) for f in forms)
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not doc[i].text[:1].isupper():
            i += 1
            continue
        step = 1
        for length in range(min(longest, n - i), 0, -1):
            words = tuple(t.text for t in doc[i : i + length])
            label = forms.get(words)
            if label is not None and not any(taken[i : i + length]):
                add(i, i + length, label)
                step = length
                break
        i += step


def _names(doc: Doc, taken: list[bool], rule: Rule, lang: str, add: Any) -> None:
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not tok.text[:1].isupper() or not tok.is_alpha:
            i += 1
            continue
        matched = 0
        for length in range(min(rule.max_tokens, n - i), 0, -1):
            span = doc[i : i + length]
            if any(taken[j] for j in range(i, i + length)) or not span[-1].text[:1].isupper():
                continue
            base = _base(_name_type(lang, span.text))
            if base is not None:
                add(i, i + length, base)
                matched = length
                break
        i += matched or 1
