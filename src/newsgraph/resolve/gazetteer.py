"""Places and organizations known by name: countries (pycountry's German names plus
``countries.toml``), cities and regions (``places.toml``), organizations (``orgs.toml``), and names
that denote different referents by context (``ambiguity.toml``).

Everything is looked up by a normalized key: inflection endings of non-final tokens removed
(*Europäischen Union* = *Europäische Union*), then the transliteration key of every token, so
*Kasan* = *Kazan* and *Vereinigten Staaten* = *Vereinigte Staaten*.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from typing import Any

import pycountry

from newsgraph import settings
from newsgraph.lang import load_toml
from newsgraph.resolve import names

_WORD = re.compile(r"[\w][\w.'’‘-]*")


@dataclass(frozen=True, slots=True)
class Entry:
    """A known place or organization."""

    id: str  # "country:KZ", "place:moskau", "org:kreml"
    name: str  # canonical German name
    type: str  # LOC | ORG
    kind: str  # country | city | region | state | org
    country: str | None = None  # ISO code of the country it belongs to (the country itself for countries)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Sense:
    id: str
    type: str
    place: str | None
    cues_before: frozenset[str]
    cues_after: frozenset[str]
    document_cues: frozenset[str]


@dataclass(frozen=True, slots=True)
class Ambiguity:
    name: str
    window: int
    default: str
    senses: tuple[Sense, ...]
    examples: tuple[tuple[str, str, str], ...] = ()


@dataclass(slots=True)
class Gazetteer:
    lang: str
    by_key: dict[str, Entry] = field(default_factory=dict)
    by_adjective: dict[str, Entry] = field(default_factory=dict)
    by_demonym: dict[str, Entry] = field(default_factory=dict)
    by_prefix: dict[str, Entry] = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)
    by_loose: dict[str, Entry | None] = field(default_factory=dict)  # loose key -> entry (None: several)
    ambiguous: dict[str, Ambiguity] = field(default_factory=dict)  # primary key -> ambiguity
    nonfinal_endings: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    _cache: dict[tuple[str, str, bool], Any] = field(default_factory=dict)

    def _cached(self, kind: str, text: str, flag: bool, compute: Any) -> Any:
        k = (kind, text, flag)
        try:
            return self._cache[k]
        except KeyError:
            if len(self._cache) > 500_000:
                self._cache.clear()
            value = self._cache[k] = compute()
            return value

    # --- keys ---------------------------------------------------------------------------------
    def norm_tokens(self, text: str) -> list[str]:
        tokens = _WORD.findall(names.clean(text))
        out = []
        for i, tok in enumerate(tokens):
            if i < len(tokens) - 1:
                low = tok.lower()
                for ending in self.nonfinal_endings:
                    if low.endswith(ending) and len(tok) - len(ending) >= 3:
                        tok = tok[: -len(ending)]
                        break
            out.append(tok)
        return out

    def keys(self, text: str) -> list[str]:
        """Keys of a multi-word name; the first is the primary key."""
        return self._cached("keys", text, False, lambda: self._keys(text))

    def _keys(self, text: str) -> list[str]:
        tokens = self.norm_tokens(text)
        if not tokens:
            return []
        per_token = [
            sorted(names.keys(t, lang=self.lang), key=lambda k, t=t: k != names.key(t, self.lang))
            for t in tokens
        ]
        out = [" ".join(combo) for combo in product(*per_token)]
        return out[: names.MAX_KEY_VARIANTS]

    def primary_key(self, text: str) -> str:
        ks = self.keys(text)
        return ks[0] if ks else ""

    # --- lookups ------------------------------------------------------------------------------
    def lookup(self, text: str, allow_ambiguous: bool = False) -> Entry | None:
        """The entry a name denotes (genitive tried: *Kasachstans*), or None."""
        return self._cached("lookup", text, allow_ambiguous, lambda: self._lookup(text, allow_ambiguous))

    def _lookup(self, text: str, allow_ambiguous: bool) -> Entry | None:
        for candidate in self._with_genitive(text):
            for k in self.keys(candidate):
                if not allow_ambiguous and k in self.ambiguous:
                    return None
                hit = self.by_key.get(k)
                if hit is not None:
                    return hit
        return None

    def _with_genitive(self, text: str) -> list[str]:
        text = names.clean(text)
        out = [text]
        head, _, last = text.rpartition(" ")
        for base in names.genitive_bases(last, self.lang):
            out.append(f"{head} {base}".strip())
        return out

    def adjective(self, text: str) -> Entry | None:
        """The place a derived adjective or demonym refers to: *kasachischen* -> Kasachstan."""
        return self._cached("adjective", text, False, lambda: self._adjective(text))

    def _adjective(self, text: str) -> Entry | None:
        word = names.clean(text)
        hit = self.by_demonym.get(word.lower())
        if hit is not None:
            return hit
        low = word.lower()
        candidates = [low] + [low[: -len(e)] for e in self.adjective_endings if low.endswith(e)]
        for cand in candidates:
            hit = self.by_adjective.get(cand)
            if hit is not None:
                return hit
        # "US-amerikanische": a known prefix; "usbekisch-russischen": the first conjunct (adjective_parts)
        head, sep, rest = word.partition("-")
        if sep and rest:
            return self.prefix(head + "-") or self.adjective(head) or self.adjective(rest)
        return None

    def adjective_parts(self, text: str) -> tuple[Entry, ...]:
        """The places a coordinated compound adjective names, in order: *usbekisch-russischen* ->
        (Usbekistan, Russland); one entry for a plain adjective or *US-amerikanische*; () when unknown."""
        word = names.clean(text)
        parts = [p for p in word.split("-") if p]
        if len(parts) < 2:
            hit = self.adjective(word)
            return (hit,) if hit else ()
        out: dict[str, Entry] = {}
        for part in parts:
            hit = self.by_prefix.get(part) or self.lookup(part) or self.adjective(part)
            if hit is None:
                hit = self.adjective(word)
                return (hit,) if hit else ()
            out.setdefault(hit.id, hit)
        return tuple(out.values())

    def prefix(self, text: str) -> Entry | None:
        """The place or organization a compound starts or ends with: *US-Präsident*, *Moskau-Besuch*."""
        return self._cached("prefix", text, False, lambda: self._prefix(text))

    def _prefix(self, text: str) -> Entry | None:
        parts = [p for p in names.clean(text).split("-") if p]
        if not parts:
            return None
        for n in range(len(parts) - 1 if len(parts) > 1 else 1, 0, -1):
            head = "-".join(parts[:n])
            hit = self.by_prefix.get(head) or self.lookup(head)
            if hit is not None:
                return hit
        for part in parts[1:]:
            hit = self.by_prefix.get(part) or self.lookup(part)
            if hit is not None:
                return hit
        # a closed compound with a listed prefix: "Sowjetrepublik"
        word = parts[0]
        for pre, hit in self.by_prefix.items():
            if len(pre) >= 4 and len(word) > len(pre) + 2 and word.startswith(pre):
                return hit
        return None

    def entry(self, entry_id: str) -> Entry | None:
        return self.by_id.get(entry_id)

    def lookup_loose(self, text: str, type_: str) -> Entry | None:
        """The one entry of type ``type_`` whose loose transliteration key a name shares (*Oʻzbekiston* ->
        Usbekistan), or None (none, several, or the name too short: ``names.loose_keys``)."""
        found = {
            e.id: e
            for k in names.loose_keys(self.keys(text), self.lang)
            if (e := self.by_loose.get(k)) is not None and e.type == type_
        }
        return next(iter(found.values())) if len(found) == 1 else None

    # --- ambiguity ----------------------------------------------------------------------------
    def ambiguity(self, text: str) -> Ambiguity | None:
        return self._cached("ambiguity", text, False, lambda: self._ambiguity(text))

    def _ambiguity(self, text: str) -> Ambiguity | None:
        for candidate in self._with_genitive(text):
            amb = self.ambiguous.get(self.primary_key(candidate))
            if amb is not None:
                return amb
        return None

    def choose_sense(
        self, amb: Ambiguity, text: str, start: int, end: int, tagged: str | None = None
    ) -> Sense:
        """The sense of an ambiguous mention ``text[start:end]``, voted by cue words around it and,
        weakly, by the type the tagger gave (``tagged``)."""
        left = set(_WORD.findall(text[max(0, start - amb.window) : start]))
        left_near = _WORD.findall(text[max(0, start - 40) : start])[-2:]
        right = _WORD.findall(text[end : end + amb.window])[:3]
        doc_words = set(_WORD.findall(text))
        best, best_score = None, 0.0
        for sense in amb.senses:
            score = 2.0 * len(sense.cues_before & set(left_near)) + 0.5 * len(sense.cues_before & left)
            score += 1.5 * len(sense.cues_after & set(right[:2]))
            score += 0.5 * len(sense.document_cues & doc_words)
            if tagged is not None and sense.type == tagged:
                score += 1.0
            if score > best_score:
                best, best_score = sense, score
        if best is None:
            best = next(s for s in amb.senses if s.id == amb.default)
        return best


def _words(entry: dict[str, Any], name: str) -> list[str]:
    return [w for w in entry.get(name, []) if w]


def _german_country_names() -> dict[str, list[str]]:
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        translate = tr.gettext
    except OSError:  # pragma: no cover - locales missing
        translate = str
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        forms = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        german = [translate(f) for f in forms if f]
        out[c.alpha_2] = list(dict.fromkeys(g for g in [*german, *[f for f in forms if f]] if g))
    return out


@cache
def load(lang: str = settings.DEFAULT_LANGUAGE) -> Gazetteer:
    """The gazetteer of a language, built once per process."""
    infl = load_toml(lang, "entities/inflection.toml")
    gaz = Gazetteer(
        lang=lang,
        nonfinal_endings=tuple(infl.get("nonfinal_endings", [])),
        adjective_endings=tuple(infl.get("adjective_endings", [])),
    )

    def add(entry: Entry, forms: list[str], override: bool = True) -> None:
        gaz.by_id[entry.id] = entry
        for form in forms:
            for k in gaz.keys(form):
                if override or k not in gaz.by_key:
                    gaz.by_key[k] = entry
            for lk in names.loose_keys(gaz.keys(form), lang):
                seen = gaz.by_loose.get(lk, entry)
                gaz.by_loose[lk] = entry if seen is not None and seen.id == entry.id else None

    def add_derived(entry: Entry, data: dict[str, Any]) -> None:
        for adj in _words(data, "adjectives"):
            gaz.by_adjective[adj.lower()] = entry
        for dem in _words(data, "demonyms"):
            gaz.by_demonym[dem.lower()] = entry
        for pre in _words(data, "prefixes"):
            gaz.by_prefix[pre] = entry

    countries = {c["iso"]: c for c in load_toml(lang, "entities/countries.toml").get("country", [])}
    for iso, forms in _german_country_names().items():
        data = countries.get(iso, {})
        name = data.get("name") or forms[0]
        entry = Entry(f"country:{iso}", name, "LOC", "country", iso)
        add(entry, [*forms], override=False)
    for iso, data in countries.items():
        entry = gaz.by_id.get(f"country:{iso}") or Entry(
            f"country:{iso}", data["name"], "LOC", "country", iso
        )
        entry = Entry(entry.id, data["name"], "LOC", "country", iso)
        add(entry, [data["name"], *_words(data, "aliases")])
        # pycountry forms registered earlier must point at the entry with the canonical name
        for k, v in list(gaz.by_key.items()):
            if v.id == entry.id:
                gaz.by_key[k] = entry
        add_derived(entry, data)

    for data in load_toml(lang, "entities/places.toml").get("place", []):
        kind = data.get("kind", "city")
        entry = Entry(
            f"place:{gaz.primary_key(data['name'])}:{data.get('country', '')}",
            data["name"],
            "LOC",
            kind,
            data.get("country"),
        )
        forms = _words(data, "aliases") if data.get("ambiguous") else [data["name"], *_words(data, "aliases")]
        add(entry, forms)
        add_derived(entry, data)

    for data in load_toml(lang, "entities/orgs.toml").get("org", []):
        entry = Entry(
            f"org:{gaz.primary_key(data['name'])}",
            data["name"],
            data.get("type", "ORG"),
            "org",
            data.get("country"),
            data.get("note"),
        )
        add(entry, [data["name"], *_words(data, "aliases")])
        add_derived(entry, data)

    for data in load_toml(lang, "entities/ambiguity.toml").get("ambiguous", []):
        senses = tuple(
            Sense(
                s["id"],
                s["type"],
                s.get("place"),
                frozenset(s.get("cues_before", [])),
                frozenset(s.get("cues_after", [])),
                frozenset(s.get("document_cues", [])),
            )
            for s in data.get("sense", [])
        )
        amb = Ambiguity(
            data["name"],
            int(data.get("window", 60)),
            data["default"],
            senses,
            tuple(tuple(e) for e in data.get("examples", [])),
        )
        gaz.ambiguous[gaz.primary_key(data["name"])] = amb
    return gaz
