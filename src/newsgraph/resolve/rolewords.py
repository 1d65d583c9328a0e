"""Role nouns next to person mentions (``lang/<lang>/entities/roles.toml``).

``find_role(text, start, end)`` finds the role phrase adjacent to the person mention
``text[start:end]``: left of it (*der kasachische Außenminister* Mukhtar Tleuberdi,
*Der Präsident von Kasachstan,* Kasim-Yomart Tokajew) or as an apposition right of it
(Dmitri Peskow, *Sprecher des Präsidenten*,). ``parse_role`` turns a role phrase into its noun and
the place it is tied to (an adjective, a *von X* complement or a compound prefix such as *US-*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph import settings
from newsgraph.lang import load_toml
from newsgraph.resolve import gazetteer

_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*|,")
_BOUNDARY = re.compile(r"[.!?;:()\[\]„“”\"«»\n]")
MAX_CONTEXT = 160
GENITIVE_NAME_WORDS = 3  # capitalised words of a genitive complement: "der Russischen Föderation"


@dataclass(frozen=True, slots=True)
class RoleNoun:
    name: str  # canonical ("Präsident")
    female: str | None
    compound: bool
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A role as found next to a person: its text and what it means."""

    text: str  # normalized phrase, e.g. "Präsident von Kasachstan", "kasachische Außenminister"
    noun: str  # the (compound) noun in its canonical form: "Außenminister", "Präsident", "Pressesprecher"
    base: str  # the role entry it matched: "Minister", "Präsident"
    place: str | None = None  # canonical name of the place/org it is tied to ("Kasachstan")
    complement: str | None = None  # a non-place complement ("des Präsidenten")
    start: int = -1  # span of the phrase in the text (when found by find_role)
    end: int = -1

    @property
    def display(self) -> str:
        if self.place:
            return lexicon().display_of.format(noun=self.noun, place=self.place)
        if self.complement:
            return f"{self.noun} {self.complement}"
        return self.noun


@dataclass(slots=True)
class RoleLexicon:
    lang: str
    forms: dict[str, tuple[RoleNoun, str]]  # lower-cased form -> (noun, canonical surface of that form)
    heads: list[tuple[str, RoleNoun, str]]  # compound heads (lower form, noun, canonical), longest first
    articles: frozenset[str]
    preps: frozenset[str]
    genitive: frozenset[str]
    display_of: str
    by_name: dict[str, RoleNoun]
    adjective_endings: tuple[str, ...] = ()

    def match(self, word: str) -> tuple[RoleNoun, str] | None:
        """(role noun, canonical compound noun) when ``word`` is a role noun, else None."""
        if not word[:1].isupper():
            return None
        low = word.lower()
        hit = self.forms.get(low)
        if hit is not None:
            return hit
        for head, noun, canonical in self.heads:
            if low.endswith(head) and len(low) > len(head):
                prefix = word[: len(word) - len(head)]
                return noun, prefix + (canonical if prefix.endswith("-") else canonical.lower())
        return None

    def strip_words(self) -> frozenset[str]:
        return frozenset(self.forms)


@cache
def lexicon(lang: str = settings.DEFAULT_LANGUAGE) -> RoleLexicon:
    data = load_toml(lang, "entities/roles.toml")
    forms: dict[str, tuple[RoleNoun, str]] = {}
    heads: list[tuple[str, RoleNoun, str]] = []
    by_name: dict[str, RoleNoun] = {}
    for entry in data.get("role", []):
        female = entry.get("female", [])
        noun = RoleNoun(
            entry["name"],
            female[0] if female else None,
            bool(entry.get("compound")),
            tuple(entry.get("synonyms", [])),
        )
        by_name[noun.name] = noun
        for form in entry.get("forms", []):
            forms[form.lower()] = (noun, noun.name)
            if noun.compound:
                heads.append((form.lower(), noun, noun.name))
        for form in female:
            forms[form.lower()] = (noun, female[0])
            if noun.compound:
                heads.append((form.lower(), noun, female[0]))
    heads.sort(key=lambda h: len(h[0]), reverse=True)
    return RoleLexicon(
        lang=lang,
        forms=forms,
        heads=heads,
        articles=frozenset(a.lower() for a in data.get("articles", [])),
        preps=frozenset(data.get("country_prepositions", [])),
        genitive=frozenset(data.get("genitive_articles", [])),
        display_of=data.get("display_of", "{noun} ({place})"),
        by_name=by_name,
        adjective_endings=tuple(load_toml(lang, "entities/inflection.toml").get("adjective_endings", [])),
    )


def _tokens(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def _is_adjective(word: str, lex: RoleLexicon) -> bool:
    """A lower-case inflected word before the noun (*einflussreichen*, *kasachische*), not *mit*."""
    return (
        word[:1].islower()
        and word.lower() not in lex.articles
        and word not in lex.preps
        and word.endswith(lex.adjective_endings)
    )


def _normalize_adjective(word: str, gaz: gazetteer.Gazetteer) -> str:
    low = word
    for ending in gaz.adjective_endings:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)] + gaz.adjective_endings[-1]
    return low


def _build(
    text: str,
    toks: list[tuple[str, int, int]],
    i_noun: int,
    i_first: int,
    i_last: int,
    lex: RoleLexicon,
    gaz: gazetteer.Gazetteer,
) -> Role:
    """A Role from tokens: adjectives toks[i_first:i_noun], noun toks[i_noun], complement up to i_last."""
    word, _, _ = toks[i_noun]
    match = lex.match(word)
    assert match is not None
    noun, canonical = match
    place: str | None = None
    # a compound prefix naming a place or organization: "US-Außenminister", "Kreml-Berater"
    if "-" in canonical:
        head, _, rest = canonical.rpartition("-")
        entry = gaz.prefix(head)
        if entry is not None:
            place, canonical = entry.name, rest[:1].upper() + rest[1:]
    adjectives = [t for t, _, _ in toks[i_first:i_noun]]
    for adj in adjectives:
        entry = gaz.adjective(adj)
        if entry is not None and place is None:
            place = entry.name
    complement_tokens = [t for t, _, _ in toks[i_noun + 1 : i_last + 1] if t != ","]
    complement = " ".join(complement_tokens) or None
    if complement_tokens and complement_tokens[0] in lex.preps:
        entry = gaz.lookup(" ".join(complement_tokens[1:]))
        if entry is not None:
            place, complement = entry.name, None
    elif complement_tokens and place is None:  # "Russlands", "der Russischen Föderation"
        names = complement_tokens[1:] if complement_tokens[0] in lex.genitive else complement_tokens
        entry = gaz.lookup(" ".join(names)) if names and all(w[:1].isupper() for w in names) else None
        if entry is not None:
            place = entry.name
    parts = [_normalize_adjective(a, gaz) for a in adjectives]
    surface = text[toks[i_noun][1] : toks[i_noun][2]]
    if "-" in surface and surface.rpartition("-")[0] and place:
        parts.append(surface.rpartition("-")[0] + "-" + canonical)
    else:
        parts.append(canonical)
    if complement_tokens:
        parts.extend(complement_tokens)
    return Role(
        text=" ".join(parts),
        noun=canonical,
        base=noun.name,
        place=place,
        complement=complement,
        start=toks[i_first][1],
        end=toks[i_last][2],
    )


def _left(text: str, start: int, lex: RoleLexicon, gaz: gazetteer.Gazetteer) -> Role | None:
    lo = max(0, start - MAX_CONTEXT)
    window = text[lo:start]
    cut = max((m.end() for m in _BOUNDARY.finditer(window)), default=0)
    toks = _tokens(window[cut:], lo + cut)
    if not toks:
        return None
    # only whitespace (or one comma) may separate the phrase from the name
    end = len(toks) - 1
    if toks[end][0] == ",":
        end -= 1
    if end < 0 or text[toks[end][2] : start].strip(" ,\t") != "":
        return None
    # complement "von Kasachstan" ending right before the name
    i = end
    i_last = end
    if i >= 2 and toks[i - 1][0] in lex.preps and toks[i][0][:1].isupper() and lex.match(toks[i - 2][0]):
        i_noun = i - 2
    elif lex.match(toks[i][0]):
        i_noun = i
    elif (g := _genitive_start(toks, i, lex, gaz)) is not None:
        i_noun = g - 1  # "Der Energieminister Russlands, …", "Der Präsident der Vereinigten Staaten, …"
    else:
        return None
    # a role noun that is itself a genitive complement of a role noun before it:
    # "der Pressesprecher des russischen Führers Dmitri Peskow"
    j = i_noun
    while j - 1 >= 0 and _is_adjective(toks[j - 1][0], lex):
        j -= 1
    if j - 2 >= 0 and toks[j - 1][0] in lex.genitive and lex.match(toks[j - 2][0]):
        i_last = end
        i_noun = j - 2
        j = i_noun
        while j - 1 >= 0 and _is_adjective(toks[j - 1][0], lex):
            j -= 1
    return _build(text, toks, i_noun, j, i_last, lex, gaz)


def _genitive_start(
    toks: list[tuple[str, int, int]], i: int, lex: RoleLexicon, gaz: gazetteer.Gazetteer
) -> int | None:
    """Where a genitive complement ending at token ``i`` starts, when a role noun stands before it: a
    place in the genitive ("Russlands") or a genitive article with up to three capitalised words ("der
    Russischen Föderation", "der Deutschen Bank")."""
    word = toks[i][0]
    if (
        i >= 1
        and word[:1].isupper()
        and word.endswith("s")
        and gaz.lookup(word)
        and lex.match(toks[i - 1][0])
    ):
        return i
    k = i
    while k > max(0, i - GENITIVE_NAME_WORDS) and toks[k - 1][0][:1].isupper():
        k -= 1
    if not toks[k][0][:1].isupper() or k < 2 or toks[k - 1][0] not in lex.genitive:
        return None
    return k - 1 if lex.match(toks[k - 2][0]) else None


def _right(text: str, end: int, lex: RoleLexicon, gaz: gazetteer.Gazetteer) -> Role | None:
    window = text[end : end + MAX_CONTEXT]
    m = re.match(r"\s*,\s*", window)
    if not m:
        return None
    rest = window[m.end() :]
    stop = re.search(r"[,.;:!?()\n]", rest)
    phrase = rest[: stop.start()] if stop else rest
    toks = _tokens(phrase, end + m.end())
    if not toks:
        return None
    k = 0
    if toks[0][0].lower() in lex.articles:
        k = 1
    first = k
    while k < len(toks) and _is_adjective(toks[k][0], lex):
        k += 1
    if k >= len(toks) or not lex.match(toks[k][0]):
        return None
    i_noun = k
    # complement: "des Präsidenten", "von Kasachstan", "der Regierung"; at most 4 tokens
    if len(toks) - 1 - i_noun > 4:
        return None
    if (
        len(toks) - 1 > i_noun
        and toks[i_noun + 1][0] not in lex.genitive
        and toks[i_noun + 1][0] not in lex.preps
    ):
        return None
    return _build(text, toks, i_noun, first, len(toks) - 1, lex, gaz)


def find_role(text: str, start: int, end: int, lang: str = settings.DEFAULT_LANGUAGE) -> Role | None:
    """The role phrase next to the person mention ``text[start:end]``, or None."""
    lex = lexicon(lang)
    gaz = gazetteer.load(lang)
    return _left(text, start, lex, gaz) or _right(text, end, lex, gaz)


def parse_role(text: str, lang: str = settings.DEFAULT_LANGUAGE) -> Role | None:
    """Noun and place of a role phrase (``Mention.role``): ``"kasachische Außenminister"`` ->
    ``Role(noun="Außenminister", place="Kasachstan")``."""
    lex = lexicon(lang)
    gaz = gazetteer.load(lang)
    toks = _tokens(text, 0)
    for i, (word, _, _) in enumerate(toks):
        if lex.match(word):
            j = i
            while j - 1 >= 0 and _is_adjective(toks[j - 1][0], lex):
                j -= 1
            return _build(text, toks, i, j, len(toks) - 1, lex, gaz)
    return None


def same_office(a: Role, b: Role) -> bool:
    """Whether two roles can name the same office (noun or synonym; places must not differ)."""
    if a.place and b.place and a.place != b.place:
        return False
    if a.noun == b.noun or a.base == b.base:
        return True
    lex = lexicon()
    na, nb = lex.by_name.get(a.base), lex.by_name.get(b.base)
    return bool(
        (na and (b.base in na.synonyms or b.noun in na.synonyms))
        or (nb and (a.base in nb.synonyms or a.noun in nb.synonyms))
    )
