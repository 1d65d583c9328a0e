"""Document-level NER rules: what one sentence cannot tell, the document can.

Each function takes the document's chunks ``(token start, token end, GermEval label)`` and returns
them corrected; ``newsgraph.nlp.ner_rules`` runs them in the order of ``lang/de/ner/rules.toml``
(``KINDS`` maps a rule kind to its function). The words they rely on are data
(``lang/de/ner/cues.toml``; role nouns and titles from ``lang/de/entities/``):

- ``name_span``: a known multi-word name (gazetteer) over model chunks that cover only part of it
  (*Russischen* LOCderiv + *Föderation* -> *Russischen Föderation* LOC);
- ``never_alone``: a currency or unit word is never a MISC name by itself (*Dollar*);
- ``object_compound``: *Turan-Pipeline* names an object (OTH), whatever its first part is;
- ``extend_person``: a person mention extends leftwards over capitalised hyphenated given names
  (*Qassym-Schomart Toqajew*);
- ``cue_fill``: a run of proper nouns after a class noun (*Kosmodrom Baikonur*) becomes a mention;
- ``shape``: a mention has a letter and starts with a letter or digit;
- ``known_city``: capitals and big cities (``cities.toml``) are places;
- ``company_form``: *Sirdaryo Gaz Transport*, *Siemens AG* are organizations;
- ``abbreviation``: *Sirdaryo Gaz Transport (SGT)*: the short form has the name's type;
- ``adjective_name``: *Europäische Parlament*: capitalised adjective + institution noun is a name;
- ``institution_for``: *Ministerium für Notfallsituationen* is an organization;
- ``place_suffix``: *Mülheim an der Ruhr* is one place name;
- ``vote``: every occurrence of a name (genitive folded in) takes the type most votes give it in
  the document: the model's tag at each occurrence (1), a first-and-last-name person mention for
  its surname (2), a context cue left of an occurrence (its weight). Known gazetteer names keep
  their gazetteer type;
- ``trim_class_noun``: *Konzern Gazprom* as one mention loses the class noun in front;
- ``multiword_compound``: *Jone Deere-Landmaschinen* is one part-form mention, not a person *Jone*;
- ``part_head``: *Rosmagistral-Chef* (ORGpart) makes *Rosmagistral* alone an ORG name in the document;
- ``coordination``: proper nouns coordinated with a name (*Cove Capital und Tau-Ken Samruk*) share
  its type;
- ``source_names``: the document's outlet and agencies are organizations where the text names them;
- ``short_form`` (``newsgraph.nlp.ner_short_form``): *die Kommission* after *EU-Kommission* names it again.

Rules that read part-of-speech tags (STTS ``NE``/``FM``) do nothing where no tagger ran.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc

from newsgraph import settings
from newsgraph.lang import load_toml

Chunk = tuple[int, int, str]
PROPER = {"NE", "FM"}
LABEL_OF = {"LOC": "LOC", "ORG": "ORG", "PER": "PER", "MISC": "OTH"}  # mention type -> GermEval label


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    label: str  # GermEval base label
    weight: int
    fill: bool
    words: frozenset[str]
    heads: tuple[str, ...]
    via: frozenset[str] = frozenset()  # the cue stands before one of these words: "Unglück von X"

    def matches(self, word: str) -> bool:
        if word in self.words:
            return True
        low = word.lower()
        return any(low.endswith(h) for h in self.heads)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language (cached)
class Cues:
    cues: tuple[Cue, ...]
    object_heads: frozenset[str]
    object_label: str
    object_name_margin: float
    never_alone: frozenset[str]
    conjunctions: frozenset[str]
    adjective_heads: dict[str, str]  # institution noun -> GermEval label
    institution_heads: tuple[str, ...]
    institution_connectors: frozenset[str]
    institution_joiners: frozenset[str]
    place_connectors: tuple[tuple[str, ...], ...]
    rivers: frozenset[str]
    legal_forms: frozenset[str]
    business_words: frozenset[str]
    titles: frozenset[str]  # "Lady Gaga": a title may belong to the name
    role_forms: frozenset[str]  # lower-case role nouns (person cue; last part of *Gazprom-Chef*)

    def cue_of(self, word: str) -> Cue | None:
        """The cue a word directly left of a name is."""
        return _cue_of(self, word, False)

    def cue_before(self, doc: Doc, start: int) -> Cue | None:
        """The cue left of the name at token ``start``: directly, or before a ``via`` word."""
        if start == 0:
            return None
        cue = self.cue_of(doc[start - 1].text)
        if cue is not None or start < 2:
            return cue
        via = _cue_of(self, doc[start - 2].text, True)
        return via if via is not None and doc[start - 1].text in via.via else None


@lru_cache(maxsize=100_000)
def _cue_of(data: Cues, word: str, via: bool) -> Cue | None:
    for cue in data.cues:
        if bool(cue.via) == via and cue.matches(word):
            return cue
    return None


@cache
def cues(lang: str = settings.DEFAULT_LANGUAGE) -> Cues:
    data = load_toml(lang, "ner/cues.toml")
    out = [
        Cue(
            name=raw["name"],
            label=LABEL_OF.get(raw["type"], raw["type"]),
            weight=int(raw.get("weight", 1)),
            fill=bool(raw.get("fill", False)),
            words=frozenset(raw.get("words", [])),
            heads=tuple(h.lower() for h in raw.get("heads", [])),
            via=frozenset(raw.get("via", [])),
        )
        for raw in data.get("cue", [])
    ]
    roles = load_toml(lang, "entities/roles.toml")
    titles = load_toml(lang, "entities/names.toml").get("titles", [])
    role_words: set[str] = set(titles)
    role_heads: set[str] = set()
    for role in roles.get("role", []):
        forms = [*role.get("forms", []), *role.get("female", [])]
        role_words.update(forms)
        if role.get("compound"):
            role_heads.update(f.lower() for f in forms)
    out.append(
        Cue(
            name="person_role_noun",
            label="PER",
            weight=2,
            fill=False,
            words=frozenset(role_words),
            heads=tuple(sorted(role_heads, key=len, reverse=True)),
        )
    )
    obj = data.get("object_compound", {})
    return Cues(
        cues=tuple(out),
        object_heads=frozenset(h.lower() for h in obj.get("heads", [])),
        object_label=obj.get("label", "OTH"),
        object_name_margin=float(obj.get("name_margin", 0.0)),
        never_alone=frozenset(data.get("never_alone", {}).get("words", [])),
        conjunctions=frozenset(data.get("coordination", {}).get("words", [])),
        adjective_heads={
            w: LABEL_OF.get(t, t)
            for t in ("ORG", "LOC", "PER", "MISC")
            for w in data.get("adjective_name", {}).get(t, [])
        },
        institution_heads=tuple(h.lower() for h in data.get("institution_for", {}).get("heads", [])),
        institution_connectors=frozenset(data.get("institution_for", {}).get("connectors", [])),
        institution_joiners=frozenset(data.get("institution_for", {}).get("joiners", [])),
        role_forms=frozenset(w.lower() for w in role_words) | frozenset(role_heads),
        titles=frozenset(titles),
        legal_forms=frozenset(data.get("company_form", {}).get("legal", [])),
        business_words=frozenset(data.get("company_form", {}).get("business", [])),
        rivers=frozenset(data.get("place_suffix", {}).get("rivers", [])),
        place_connectors=tuple(tuple(c.split()) for c in data.get("place_suffix", {}).get("connectors", [])),
    )


def _known_type(lang: str, text: str) -> str | None:
    from newsgraph.nlp.ner_rules import _base, _name_type

    return _base(_name_type(lang, text))


def _known_prefix(lang: str, text: str) -> bool:
    from newsgraph.nlp.ner_rules import _prefix_type

    return _prefix_type(lang, text) is not None


def taken_tokens(n: int, chunks: list[Chunk]) -> list[bool]:
    taken = [False] * n
    for s, e, _ in chunks:
        for i in range(s, e):
            taken[i] = True
    return taken


def _is_name(label: str) -> bool:
    return len(label) == 3


def _proper_run(doc: Doc, start: int, taken: list[bool]) -> int:
    """End of the run of untaken, capitalised proper-noun tokens from ``start`` (== start: none)."""
    j = start
    while j < len(doc) and not taken[j] and doc[j].tag_ in PROPER and doc[j].text[:1].isupper():
        j += 1
    return j


# ------------------------------------------------------------------------------------- the rules
def name_span(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """A known multi-word name replaces the derived/part chunks that lie inside it (*Russischen*
    LOCderiv in *Russischen Föderation*); name chunks inside are left alone (GermEval: *Republik
    [Zypern]*)."""
    n = len(doc)
    out = list(chunks)
    for c in chunks:
        if _is_name(c[2]) or c not in out:
            continue
        done = False
        for length in range(4, 1, -1):
            for s in range(max(0, c[1] - length), c[0] + 1):
                e = s + length
                if e > n or not doc[s].text[:1].isupper() or not doc[e - 1].text[:1].isupper():
                    continue
                inside = [x for x in out if x[0] < e and s < x[1]]
                if any(x[0] < s or x[1] > e or _is_name(x[2]) for x in inside):
                    continue
                base = _known_type(lang, doc[s:e].text)
                if base is not None:
                    out = [x for x in out if x not in inside] + [(s, e, base)]
                    done = True
                    break
            if done:
                break
    return out


def never_alone(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    if settings.NER_CURRENCY_NAMES:  # GermEval's convention: "Euro", "Dollar" alone are OTH names
        return chunks
    words = cues(lang).never_alone
    return [c for c in chunks if not (c[2] == "OTH" and c[1] - c[0] == 1 and doc[c[0]].text in words)]


def _object_compound_word(data: Cues, word: str) -> bool:
    parts = word.split("-")
    return len(parts) > 1 and parts[0][:1].isupper() and parts[-1].lower() in data.object_heads


@lru_cache(maxsize=4096)
def name_like(word: str, margin: float) -> bool:
    """The tagger's lexicon reads ``word`` alone as a proper noun (NE best, or within ``margin`` of the
    best reading): *Turon*, *Druschba*, *Nord* yes; *Erdgas*, *Gas*, *Kraft* no."""
    from newsgraph.nlp.tagger import hanta

    try:
        readings = hanta().tag_word(word)
    except Exception:  # no tagger: no evidence
        return False
    if not readings:
        return False
    best = readings[0][1]
    return any(tag == "NE" and score >= best - margin for tag, score in readings)


def object_compound(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    data = cues(lang)
    out = []
    for s, e, label in chunks:
        if _object_compound_word(data, doc[e - 1].text):
            s, label = e - 1, data.object_label  # the compound alone is the name ("Die Turon-Gasleitung")
        out.append((s, e, label))
    # one the model missed, where its first part reads as a proper noun ("Turon-Gasleitung", not
    # "Erdgas-Pipeline")
    taken = taken_tokens(len(doc), out)
    for tok in doc:
        word = tok.text
        if (
            not taken[tok.i]
            and _object_compound_word(data, word)
            and name_like(word.split("-")[0], data.object_name_margin)
        ):
            out.append((tok.i, tok.i + 1, data.object_label))
    return sorted(out)


def _given_names(lang: str, word: str) -> bool:
    """*Qassym-Schomart*: capitalised alphabetic parts, no known place/organization, no role noun."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p.isalpha() and p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    if any(p.lower() in cues(lang).role_forms for p in parts):
        return False
    return _known_type(lang, word) is None and not _known_prefix(lang, word)


def extend_person(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """Only where the tagger ran: it tells a name (NE) from a compound noun (*Löwen-Keeper*, NN)."""
    if not doc.has_annotation("TAG"):
        return chunks
    by_end = {c[1]: c for c in chunks}
    out = list(chunks)
    for c in chunks:
        s, e, label = c
        if label != "PER" or s == 0 or doc[s - 1].tag_ not in PROPER:
            continue
        if not _given_names(lang, doc[s - 1].text):
            continue
        left = by_end.get(s)
        if left is not None and left[0] != s - 1:
            continue
        covering = [x for x in out if x[0] <= s - 1 < x[1]]
        if any(x != left for x in covering):
            continue
        out = [x for x in out if x != c and x != left] + [(s - 1, e, "PER")]
    return out


def cue_fill(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    if not doc.has_annotation("TAG"):
        return chunks
    data = cues(lang)
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for i in range(1, len(doc)):
        cue = data.cue_before(doc, i)
        if cue is None or not cue.fill or taken[i]:
            continue
        end = _proper_run(doc, i, taken)
        if i < end <= i + 4:
            out.append((i, end, cue.label))
            for j in range(i, end):
                taken[j] = True
    return out


def trim_class_noun(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Präsident Obama*, *Konzern Gazprom* as one model mention: the class noun or role in front is
    not part of the name (GermEval)."""
    data = cues(lang)
    out = []
    for s, e, label in chunks:
        if _is_name(label) and e - s >= 2 and doc[s + 1].text[:1].isupper():
            cue = data.cue_of(doc[s].text)
            if cue is not None and cue.weight >= 2 and doc[s].text not in data.titles:
                s += 1
        out.append((s, e, label))
    return out


def multiword_compound(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Jone Deere-Landmaschinen*: a name followed by a compound that continues it (a proper noun to
    the tagger, capitalised first part, no known place or organization) is one part-form mention.
    Only where the tagger ran: it tells *Deere-Landmaschinen* (NE) from *Liga-Präsident* (NN)."""
    if not doc.has_annotation("TAG"):
        return chunks
    out = list(chunks)
    by_start = {c[0]: c for c in chunks}
    for c in chunks:
        s, e, label = c
        if not _is_name(label) or e - s > 2 or e >= len(doc):
            continue
        word = doc[e].text
        if doc[e].tag_ not in PROPER:
            continue
        first, sep, rest = word.partition("-")
        if not sep or not (first[:1].isupper() and first.isalpha() and rest[:1].isupper()):
            continue
        nxt = by_start.get(e)
        if (nxt is not None and (nxt[1] != e + 1 or _is_name(nxt[2]))) or any(x[0] < e < x[1] for x in out):
            continue
        if _known_type(lang, first) is not None or _known_prefix(lang, word):
            continue
        out = [x for x in out if x != c and x != nxt] + [(s, e + 1, label + "part")]
    return out


def part_head(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """The first part of a part-form compound is a name of that type elsewhere in the document:
    *Rosmagistral-Chef* (ORGpart) ... *Rosmagistral übernimmt* -> ORG."""
    heads: dict[str, str] = {}
    for s, e, label in chunks:
        word = doc[s].text
        if e - s != 1 or not label.endswith("part") or "-" not in word.strip("-"):
            continue
        head = word.split("-")[0]
        if len(head) >= 3 and head[:1].isupper() and head.isalpha():
            heads.setdefault(head, label[:3])
    if not heads:
        return chunks
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for tok in doc:
        text = tok.text
        base = text if text in heads else text[:-1] if text.endswith("s") and text[:-1] in heads else None
        if base is not None and not taken[tok.i]:
            out.append((tok.i, tok.i + 1, heads[base]))
            taken[tok.i] = True
    return out


def _group_keys(doc: Doc, chunks: list[Chunk]) -> dict[Chunk, str]:
    """Each name chunk's group: its text, a genitive folded into the bare form found elsewhere."""
    texts = {c: doc[c[0] : c[1]].text for c in chunks if _is_name(c[2])}
    known = set(texts.values()) | {t.split()[-1] for c, t in texts.items() if c[2] == "PER"}
    keys = {}
    for c, text in texts.items():
        for end in ("s", "'", "’", "es"):
            if text.endswith(end) and text[: -len(end)] in known:
                text = text[: -len(end)]
                break
        keys[c] = text
    return keys


def place_suffix(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Mülheim an der Ruhr*, *Frankfurt am Main*: a place mention, a connector (``cues.toml``) and a
    proper noun (STTS NE) are one place name."""
    connectors = cues(lang).place_connectors
    if not connectors or not doc.has_annotation("TAG"):
        return chunks
    out = list(chunks)
    starts = {c[0] for c in out}
    for c in chunks:
        s, e, label = c
        if label != "LOC":
            continue
        for conn in connectors:
            k = e + len(conn)
            if k >= len(doc) or [t.text for t in doc[e:k]] != list(conn):
                continue
            nxt = doc[k]
            covered = any(x[0] <= k < x[1] and x[:2] != (k, k + 1) for x in out)
            proper = nxt.tag_ == "NE" or nxt.text in cues(lang).rivers
            if (
                proper
                and nxt.text[:1].isupper()
                and not covered
                and not any(x[0] < k and e <= x[0] for x in out if x[0] in starts and x[0] != k)
            ):
                out = [x for x in out if x != c and x[:2] != (k, k + 1)] + [(s, k + 1, "LOC")]
                break
    return out


def vote(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    keys = _group_keys(doc, chunks)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    data = cues(lang)
    for c, key in keys.items():
        s, e, label = c
        votes[key][label] += 1
        if label == "PER" and e - s > 1:
            votes[doc[e - 1].text]["PER"] += 2
        cue = data.cue_before(doc, s)
        if cue is not None and not (cue.label == "PER" and label != "PER" and key.endswith("s")):
            votes[key][cue.label] += cue.weight
    # a full name and its surname alone are one person: their person votes count for each other
    for c, key in keys.items():
        if c[1] - c[0] > 1 and doc[c[1] - 1].text in votes:
            votes[key]["PER"] += votes[doc[c[1] - 1].text]["PER"] - (c[2] == "PER") * 2
    out = []
    for c in chunks:
        key = keys.get(c)
        if key is None or _known_type(lang, key) is not None:
            out.append(c)
            continue
        ranked = votes[key].most_common(2)
        best, top = ranked[0]
        if best != c[2] and (len(ranked) == 1 or top > ranked[1][1]):
            c = (c[0], c[1], best)
        out.append(c)
    return out


def coordination(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """``A und B``: an unmarked run of proper nouns next to a conjunction takes the type of the name
    on the other side (a parenthesis after the left name is skipped: *Cove Capital (70 %) und ...*)."""
    conj = cues(lang).conjunctions
    if not conj or not doc.has_annotation("TAG"):
        return chunks
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    by_end = {e: (s, e, label) for s, e, label in out if _is_name(label)}
    by_start = {s: (s, e, label) for s, e, label in out if _is_name(label)}
    for tok in doc:
        if tok.text not in conj or tok.i + 1 >= len(doc):
            continue
        # left name, then the run to the right
        left_end = tok.i
        if left_end > 0 and doc[left_end - 1].text == ")":
            j = left_end - 1
            while j > 0 and doc[j].text != "(" and tok.i - j < 8:
                j -= 1
            left_end = j if doc[j].text == "(" else left_end
        left = by_end.get(left_end)
        end = _proper_run(doc, tok.i + 1, taken)
        if left is not None and end > tok.i + 1:
            out.append((tok.i + 1, end, left[2]))
            for j in range(tok.i + 1, end):
                taken[j] = True
            continue
        # the run to the left, then a name to the right
        right = by_start.get(tok.i + 1)
        start = tok.i
        while start > 0 and not taken[start - 1] and doc[start - 1].tag_ in PROPER:
            start -= 1
        if right is not None and start < tok.i and doc[start].text[:1].isupper():
            out.append((start, tok.i, right[2]))
            for j in range(start, tok.i):
                taken[j] = True
    return out


def source_names(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    document = doc._.document if doc.has_extension("document") else None
    if document is None:
        return chunks
    names = {n for n in [document.source, *(document.agencies or [])] if n and len(n) > 1}
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for name in sorted(names):
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?:s|')?(?![\w-])")
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(), m.end())
            if span is None or any(taken[span.start : span.end]):
                continue
            out.append((span.start, span.end, "ORG"))
            for j in range(span.start, span.end):
                taken[j] = True
    return out


def shape(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """A mention does not start with an opening bracket ("[", "[red/") and has a letter, a digit or a
    currency sign (GermEval tags "$" and "€" as OTH)."""
    out = []
    for s, e, label in chunks:
        text = doc[s:e].text
        if text[:1] in "([{" or not any(ch.isalnum() or unicodedata.category(ch) == "Sc" for ch in text):
            continue
        out.append((s, e, label))
    return out


@cache
def _cities(lang: str) -> tuple[dict[str, str], int, frozenset[str]]:
    """City name -> label, the most words in a name, the first words of names (genitive too)."""
    data = load_toml(lang, "ner/cities.toml").get("cities", {})
    ambiguous = {a["name"] for a in load_toml(lang, "entities/ambiguity.toml").get("ambiguous", [])}
    label = data.get("label", "LOC")
    names = {n: label for n in data.get("names", []) if n not in ambiguous}
    longest = max((len(n.split()) for n in names), default=1)
    firsts = {n.split()[0] for n in names} | {n + "s" for n in names if " " not in n}
    return names, longest, frozenset(firsts)


def _city(lang: str, text: str) -> str | None:
    names = _cities(lang)[0]
    if text in names:
        return names[text]
    if text.endswith("s") and text[:-1] in names and not text[:-1].endswith("s"):
        return names[text[:-1]]
    return None


def _city_part(lang: str, word: str) -> bool:
    """*Taschkent-Besuch*: a city, a hyphen, a capitalised rest."""
    head, sep, rest = word.partition("-")
    return bool(sep) and rest[:1].isupper() and head in _cities(lang)[0]


def known_city(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """A capital or big city (``cities.toml``): retype a model name mention that is exactly one,
    fill it where no mention covers it; an uncovered *Taschkent-Besuch* is the part form (a model
    name mention *Berlin-Charlottenburg* stays a name)."""
    out = [
        (s, e, _city(lang, doc[s:e].text) or label) if _is_name(label) else (s, e, label)
        for s, e, label in chunks
    ]
    taken = taken_tokens(len(doc), out)
    _, longest, firsts = _cities(lang)
    words = [t.text for t in doc]
    i, n = 0, len(doc)
    while i < n:
        step = 1
        if not taken[i] and words[i][:1].isupper():
            if "-" in words[i] and _city_part(lang, words[i]):
                out.append((i, i + 1, "LOCpart"))
                taken[i] = True
            for length in range(min(longest, n - i), 0, -1) if words[i] in firsts else ():
                if any(taken[i : i + length]):
                    continue
                label = _city(lang, doc[i : i + length].text)
                if label is not None:
                    out.append((i, i + length, label))
                    for j in range(i, i + length):
                        taken[j] = True
                    step = length
                    break
        i += step
    return out


def company_form(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Sirdaryo Gaz Transport*, *Cove Capital*: a multi-word name ending in a business word or legal
    form is an ORG; a legal form right after a name mention joins it (*Siemens AG*)."""
    data = cues(lang)
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for c in chunks:
        s, e, label = c
        if not _is_name(label):
            continue
        if e < len(doc) and not taken[e] and doc[e].text in data.legal_forms:
            out = [x for x in out if x != c] + [(s, e + 1, "ORG")]
            taken[e] = True
        elif (
            e - s >= 2
            and label != "ORG"
            and (doc[e - 1].text in data.legal_forms or doc[e - 1].text in data.business_words)
        ):
            out = [x for x in out if x != c] + [(s, e, "ORG")]
    return out


def abbreviation(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """``Sirdaryo Gaz Transport (SGT)``: an upper-case short form in parentheses right after a name
    mention is a mention of the same type."""
    out = list(chunks)
    taken = taken_tokens(len(doc), out)
    for _s, e, label in chunks:
        if not _is_name(label) or label == "PER":  # "Wowereit (SPD)": a person's party, no short form
            continue
        if e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
            continue
        word = doc[e + 1].text
        if not (2 <= len(word) <= 8 and word.isalpha() and word.isupper()):
            continue
        if taken[e + 1]:  # the model's own mention of an organization's short form takes its type
            if label == "ORG":
                out = [(x[0], x[1], label) if x[:2] == (e + 1, e + 2) and _is_name(x[2]) else x for x in out]
            continue
        out.append((e + 1, e + 2, label))
        taken[e + 1] = True
    return out


def adjective_name(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Europäische Parlament*: a capitalised adjective + institution noun (``cues.toml``) is a name."""
    heads = cues(lang).adjective_heads
    if not heads:
        return chunks
    tagged = doc.has_annotation("TAG")
    out = list(chunks)
    for i in range(len(doc) - 1):
        tok, nxt = doc[i], doc[i + 1]
        label = heads.get(nxt.text)
        if label is None or not tok.text[:1].isupper() or not tok.is_alpha:
            continue
        here = [c for c in out if c[0] <= i < c[1] or c[0] <= i + 1 < c[1]]
        is_adjective = any(c[:2] == (i, i + 1) and c[2].endswith("deriv") for c in here) or (
            tagged and tok.tag_ == "ADJA"
        )
        if not is_adjective or any(c[0] < i or c[1] > i + 2 for c in here):
            continue
        out = [c for c in out if c not in here] + [(i, i + 2, label)]
    return out


def institution_for(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    """*Ministerium für Notfallsituationen*: institution noun + connector + capitalised nouns -> ORG."""
    data = cues(lang)
    if not data.institution_heads:
        return chunks
    out = list(chunks)
    n = len(doc)
    for i in range(n - 2):
        tok = doc[i]
        low = tok.text.lower()
        if not tok.text[:1].isupper() or not tok.is_alpha:
            continue
        if doc[i + 1].text not in data.institution_connectors:
            continue
        if not any(low.endswith(h) for h in data.institution_heads):
            continue
        j, end, prev_noun = i + 2, 0, False
        person = {k for c in out if c[2].startswith("PER") for k in range(c[0], c[1])}
        tagged = doc.has_annotation("TAG")
        while j < n and j - i <= 8 and j not in person:
            word = doc[j].text
            if word[:1].isupper() and doc[j].is_alpha:
                if prev_noun:
                    break
                end, prev_noun = j + 1, True
            elif (tagged and doc[j].tag_ == "ADJA" and word.islower()) or (
                word in data.institution_joiners and end and prev_noun
            ):
                prev_noun = False
            else:
                break
            j += 1
        if not end:
            continue
        inside = [c for c in out if c[0] < end and i < c[1]]
        if any(c[0] < i or c[1] > end for c in inside):
            continue
        out = [c for c in out if c not in inside] + [(i, end, "ORG")]
    return out


def _short_form(doc: Doc, chunks: list[Chunk], lang: str) -> list[Chunk]:
    from newsgraph.nlp.ner_short_form import short_form

    return short_form(doc, chunks, lang)


KINDS: dict[str, Callable[[Doc, list[Chunk], str], list[Chunk]]] = {
    "shape": shape,
    "known_city": known_city,
    "abbreviation": abbreviation,
    "company_form": company_form,
    "adjective_name": adjective_name,
    "institution_for": institution_for,
    "name_span": name_span,
    "never_alone": never_alone,
    "object_compound": object_compound,
    "extend_person": extend_person,
    "cue_fill": cue_fill,
    "vote": vote,
    "part_head": part_head,
    "multiword_compound": multiword_compound,
    "trim_class_noun": trim_class_noun,
    "place_suffix": place_suffix,
    "coordination": coordination,
    "source_names": source_names,
    "short_form": _short_form,
}
