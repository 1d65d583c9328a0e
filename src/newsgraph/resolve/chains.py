"""Within one document: group mentions into chains, one per referent.

Persons: full names (given + surname) cluster by surname key and given-name compatibility; a bare
surname (*Tokajew*), a title plus surname (*Präsident Putin*) and a genitive (*Putins*) join the full
name they match (the nearest one when several do). Places and organizations: a gazetteer entry
(*Vereinigten Staaten*, *USA*, *kasachischen*, *US-Präsident*) or else the name key; ambiguous names
(*Washington*, *Georgia*) take the sense their context votes for; an abbreviation joins its long form
when both are in the document (*Eurasische Wirtschaftsunion* ... *EAWU*).

Compounds: a part-mention the gazetteer knows whole (*EU-Kommission*) or whose head names an institution
(*US-Finanzministerium*, ``compounds.toml``) is its own organization, not a part of *EU*/*USA*; a
coordinated adjective (*usbekisch-russischen*) links to its first place and counts as a co-mention of the
others. Every chain carries loose transliteration keys (``names.loose_keys``) and whether its document
shows a marker of transliterated spelling (``names.marked``); entity linking uses both, guarded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from newsgraph import settings
from newsgraph.model import Document, Mention
from newsgraph.resolve import compounds, gazetteer, names, rolewords

_ABBR = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]*[A-ZÄÖÜ0-9]$")
_NEXT_WORD = re.compile(r"\s+(\w)")


@dataclass(eq=False, slots=True)
class Chain:
    type: str
    mentions: list[Mention] = field(default_factory=list)
    forms: list[tuple[str, bool]] = field(default_factory=list)  # (form, complete)
    given: tuple[names.GivenName, ...] = ()
    given_variants: list[tuple[str, ...]] = field(default_factory=list)
    surname_keys: list[str] = field(default_factory=list)
    genitive_keys: list[str] = field(default_factory=list)  # fallback reading of a bare "...s"
    surname_primary: str = ""
    suffix: str | None = None
    roles: list[rolewords.Role] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # LOC/ORG/MISC name keys (first = primary)
    gaz: gazetteer.Entry | None = None
    unlinked: bool = False
    abbreviation_of: Chain | None = None
    abbr_keys: list[str] = field(default_factory=list)  # keys of abbreviations joined in this document
    loose_keys: list[str] = field(default_factory=list)  # loose transliteration keys (names.loose_keys)
    marked: bool = False  # the document spells names transliterated (names.marked)
    co_mentions: list[Mention] = field(default_factory=list)  # mentions linked elsewhere that also name it
    part_of: gazetteer.Entry | None = None  # the country an institution compound belongs to (US-...)

    def best_form(self) -> str:
        complete = [f for f, c in self.forms if c]
        if complete:
            return complete[0]
        return self.forms[0][0] if self.forms else (self.mentions[0].text if self.mentions else "")

    def add_keys(self, ks: list[str] | frozenset[str] | tuple[str, ...]) -> None:
        for k in ks:
            if k not in self.surname_keys:
                self.surname_keys.append(k)


Known = Callable[[str, str], bool]


@cache
def _strip_words(lang: str) -> frozenset[str]:
    lex = rolewords.lexicon(lang)
    return lex.strip_words() | names.lexicon(lang).titles


@cache
def _strip_roles(text: str, lang: str) -> str:
    """A tagger may include a role in the span (*US-Außenminister Blinken*): leading role nouns go."""
    lex = rolewords.lexicon(lang)
    tokens = text.split()
    while len(tokens) > 1 and lex.match(tokens[0]) is not None:
        tokens = tokens[1:]
    return " ".join(tokens)


def _genitive_context(text: str, end: int) -> bool:
    """A German Saxon genitive precedes its head noun: *Putins Sprecher*, *Stalins Dekulakisierung*."""
    m = _NEXT_WORD.match(text, end)
    return bool(m and m.group(1).isupper())


def _surface(doc: Document, m: Mention) -> str:
    return doc.text[m.start : m.end] or m.text


def build_chains(
    doc: Document, mentions: list[Mention], lang: str = settings.DEFAULT_LANGUAGE, known: Known | None = None
) -> list[Chain]:
    """The chains of one document, in order of first mention."""
    known = known or (lambda _t, _k: False)
    gaz = gazetteer.load(lang)
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    persons: list[tuple[Mention, gazetteer.Entry | None]] = []
    others: list[tuple[Mention, str, gazetteer.Entry | None]] = []
    for m in ordered:
        type_, entry = m.type, None
        text = _surface(doc, m)
        if m.form == "name":
            amb = gaz.ambiguity(text)
            if amb is not None and m.type in ("PER", "LOC", "ORG"):
                sense = gaz.choose_sense(amb, doc.text, m.start, m.end, m.type)
                type_ = sense.type
                entry = gaz.lookup(sense.place, allow_ambiguous=True) if sense.place else None
            elif m.type == "PER" and " " not in text.strip():
                # a tagger's PER on a known organization or country (*Rosatom*): the gazetteer wins
                hit = gaz.lookup(text)
                if hit is not None and hit.kind in ("org", "country"):
                    type_, entry = hit.type, hit
        if type_ == "PER":
            persons.append((m, entry))
        else:
            others.append((m, type_, entry))
    chains = _person_chains(doc, [m for m, _ in persons if m.form == "name"], lang, known)
    person_chains = list(chains)
    others = _persons_mistyped(doc, others, person_chains, gaz)
    for m, _ in persons:
        if m.form != "name":
            _attach_part(doc, m, person_chains, chains, gaz)
    marked = any(names.marked(_surface(doc, m), lang) for m in ordered)
    chains.extend(_other_chains(doc, others, chains, gaz, known, marked))
    _join_abbreviations(doc, chains)
    chains = [c for c in chains if (c.mentions or c.co_mentions) and c.abbreviation_of is None]
    for chain in chains:
        chain.marked = marked
        if chain.unlinked or chain.gaz is not None:
            continue
        own = chain.surname_keys if chain.type == "PER" else chain.keys
        chain.loose_keys = names.loose_keys(own, lang)
    chains.sort(key=lambda c: min(m.start for m in [*c.mentions, *c.co_mentions]))
    return chains


# --- persons -------------------------------------------------------------------------------------


def _persons_mistyped(
    doc: Document,
    others: list[tuple[Mention, str, gazetteer.Entry | None]],
    person_chains: list[Chain],
    gaz: gazetteer.Gazetteer,
) -> list[tuple[Mention, str, gazetteer.Entry | None]]:
    """A bare ORG/LOC/MISC name that is the surname of a full-named person of the same document and
    nothing the gazetteer knows (*Blinken* tagged ORG after *Anthony Blinken*) joins that person."""
    full = [c for c in person_chains if not c.unlinked and c.given]
    if not full:
        return others
    out = []
    for item in others:
        m, _type, entry = item
        text = names.clean(_surface(doc, m))
        if m.form == "name" and entry is None and " " not in text and gaz.lookup(text) is None:
            ks = names.keys(text, lang=gaz.lang)
            chain = next((c for c in full if ks & frozenset(c.surname_keys)), None)
            if chain is not None:
                chain.mentions.append(m)
                chain.forms.append((text, False))
                continue
        out.append(item)
    return out


def _role(doc: Document, m: Mention, lang: str) -> rolewords.Role | None:
    if m.role:
        return rolewords.parse_role(m.role, lang)
    return rolewords.find_role(doc.text, m.start, m.end, lang)


def _person_chains(doc: Document, mentions: list[Mention], lang: str, known: Known) -> list[Chain]:
    strip = _strip_words(lang)
    full: list[Chain] = []
    singles: list[tuple[Mention, names.PersonName]] = []
    unlinked = Chain("PER", unlinked=True)
    position: dict[int, Chain] = {}  # id(mention) -> chain
    for m in mentions:
        pn = names.parse(_strip_roles(_surface(doc, m), lang), strip, lang)
        if not pn.core or pn.core.lower() in strip:
            unlinked.mentions.append(m)
            continue
        if not pn.given:
            singles.append((m, pn))
            continue
        given = names.given_parts(pn, lang)
        core, surname = pn.core, pn.surname
        ks = names.keys(core, lang=lang)
        bases = names.genitive_bases(core, lang)
        if bases and _genitive_context(doc.text, m.end):
            base_keys = names.keys(bases[0], lang=lang)
            if any(known("PER", k) for k in base_keys) or not any(
                ks & frozenset(c.surname_keys) for c in full
            ):
                core, surname, ks = bases[0], surname[: -(len(pn.core) - len(bases[0]))], base_keys
        chain = next(
            (
                c
                for c in full
                if ks & frozenset(c.surname_keys)
                and c.suffix == pn.suffix
                and names.given_compatible(c.given, given)
            ),
            None,
        )
        form = " ".join([*_given_surface(pn), surname])
        if chain is None:
            chain = Chain("PER", suffix=pn.suffix, surname_primary=names.key(core, lang))
            full.append(chain)
        chain.add_keys(sorted(ks))
        if len(given) > len(chain.given):
            chain.given = given
        if pn.given not in chain.given_variants:
            chain.given_variants.append(pn.given)
        chain.mentions.append(m)
        chain.forms.append((form, True))
        position[id(m)] = chain
    single_chains: list[Chain] = []
    for m, pn in singles:
        token = pn.core
        ks = names.keys(token, lang=lang)
        bases = names.genitive_bases(token, lang)
        base_keys = frozenset().union(*(names.keys(b, lang=lang) for b in bases)) if bases else frozenset()
        chain = _nearest(
            m, [c for c in full if ks & frozenset(c.surname_keys) and c.suffix == pn.suffix], position
        )
        form = pn.surname
        if chain is None and base_keys:
            chain = _nearest(m, [c for c in full if base_keys & frozenset(c.surname_keys)], position)
            if chain is not None:
                form = pn.surname[: len(pn.surname) - (len(token) - len(bases[0]))]
        if chain is None:
            # a bare first name (*Hillary*) joins the one full name of the document it starts
            by_given = [c for c in full if c.given and not c.given[0].initial and ks & c.given[0].keys]
            if len(by_given) == 1:
                chain, form = by_given[0], token
        if chain is None:
            chain = next((c for c in single_chains if ks & frozenset(c.surname_keys)), None)
        if chain is None and base_keys:
            chain = next((c for c in single_chains if base_keys & frozenset(c.surname_keys)), None)
            if chain is not None:
                form = bases[0]
        if chain is None:
            genitive = bool(bases) and _genitive_context(doc.text, m.end)
            if genitive and not any(known("PER", k) for k in ks):
                chain = Chain("PER", suffix=pn.suffix, surname_primary=names.key(bases[0], lang))
                chain.add_keys(sorted(base_keys))
                form = bases[0]
            else:
                chain = Chain("PER", suffix=pn.suffix, surname_primary=names.key(token, lang))
                chain.add_keys(sorted(ks))
                chain.genitive_keys = sorted(base_keys)
            single_chains.append(chain)
        chain.mentions.append(m)
        chain.forms.append((form, False))
        position[id(m)] = chain
    chains = full + single_chains
    for chain in chains:
        for m in chain.mentions:
            role = _role(doc, m, lang)
            if role is not None:
                chain.roles.append(role)
    if unlinked.mentions:
        chains.append(unlinked)
    return chains


def _given_surface(pn: names.PersonName) -> list[str]:
    """Given names as written, hyphenated parts re-joined only where they were ("Kasim-Yomart")."""
    return list(pn.given_raw or pn.given)


def _nearest(m: Mention, candidates: list[Chain], position: dict[int, Chain]) -> Chain | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]

    def distance(c: Chain) -> tuple[int, int]:
        before = [m.start - x.end for x in c.mentions if x.end <= m.start]
        after = [x.start - m.end for x in c.mentions if x.start >= m.end]
        if before:
            return (0, min(before))
        return (1, min(after) if after else 10**9)

    return min(candidates, key=distance)


def _attach_part(
    doc: Document, m: Mention, person_chains: list[Chain], chains: list[Chain], gaz: gazetteer.Gazetteer
) -> None:
    """A PER deriv/part mention (*Putin-Regierung*, *Merkel'sche*) joins the person it names."""
    text = _surface(doc, m)
    for part in re.split(r"[-'’\s]+", text):
        if not part:
            continue
        ks = names.keys(part)
        for chain in person_chains:
            if not chain.unlinked and ks & frozenset(chain.surname_keys):
                chain.mentions.append(m)
                return
    chains.append(Chain("PER", mentions=[m], unlinked=True))


# --- places, organizations, misc -----------------------------------------------------------------


def _other_chains(
    doc: Document,
    items: list[tuple[Mention, str, gazetteer.Entry | None]],
    existing: list[Chain],
    gaz: gazetteer.Gazetteer,
    known: Known,
    marked: bool = False,
) -> list[Chain]:
    by_gaz: dict[str, Chain] = {}
    by_key: dict[tuple[str, str], Chain] = {}
    by_loose: dict[tuple[str, str], Chain] = {}
    out: list[Chain] = []
    unlinked = Chain("MISC", unlinked=True)
    pending: list[tuple[Mention, str]] = []

    def gaz_chain(entry: gazetteer.Entry) -> Chain:
        chain = by_gaz.get(entry.id)
        if chain is None:
            chain = by_gaz[entry.id] = Chain(entry.type, gaz=entry)
            out.append(chain)
        return chain

    def name_chain(m: Mention, type_: str, form: str) -> Chain | None:
        ks = [*gaz.keys(form), *compounds.class_keys(form, gaz.keys, gaz.lang)]
        if not ks:
            return None
        chain = next((by_key[(type_, k)] for k in ks if (type_, k) in by_key), None)
        loose = names.loose_keys(ks, gaz.lang) if marked else []
        if chain is None:
            chain = next((by_loose[(type_, k)] for k in loose if (type_, k) in by_loose), None)
        if chain is None:
            chain = Chain(type_, keys=list(ks))
            out.append(chain)
        for k in ks:
            by_key.setdefault((type_, k), chain)
            if k not in chain.keys:
                chain.keys.append(k)
        for k in loose:
            by_loose.setdefault((type_, k), chain)
        chain.mentions.append(m)
        chain.forms.append((form, True))
        return chain

    for m, type_, entry in items:
        text = _surface(doc, m)
        if m.form == "name":
            entry = entry or gaz.lookup(text) or (gaz.lookup_loose(text, type_) if marked else None)
            if entry is not None:
                chain = gaz_chain(entry)
                chain.mentions.append(m)
                chain.forms.append((_gaz_form(text, entry, gaz), True))
                continue
            if name_chain(m, type_, _name_form(doc, m, text, type_, gaz, known)) is None:
                unlinked.mentions.append(m)
        else:
            pending.append((m, type_))
    _join_genitives(out, by_key, gaz)
    for m, _type in pending:
        text = _surface(doc, m)
        if m.form == "deriv":
            # a coordinated adjective (usbekisch-russischen) links to its first place and co-mentions the rest
            found = gaz.adjective_parts(text)
            if found:
                gaz_chain(found[0]).mentions.append(m)
                for other in found[1:]:
                    gaz_chain(other).co_mentions.append(m)
                continue
        else:
            # a compound known whole (EU-Kommission) or naming an institution (US-Finanzministerium)
            whole = gaz.lookup(text)
            if whole is not None:
                chain = gaz_chain(whole)
                chain.mentions.append(m)
                chain.forms.append((names.clean(text), True))
                continue
            if compounds.institution(text, gaz.lang):
                chain = name_chain(m, "ORG", names.clean(text))
                if chain is not None:
                    stem = compounds.split(text)
                    owner = gaz.prefix(stem[0]) if stem else None
                    if owner is not None and owner.kind == "country":
                        chain.part_of = owner
                    continue
        entry = gaz.adjective(text) if m.form == "deriv" else gaz.prefix(text)
        if entry is None and m.form == "deriv":
            entry = gaz.prefix(text)
        if entry is not None:
            gaz_chain(entry).mentions.append(m)
            continue
        target = _part_target(text, [*out, *existing], gaz)
        if target is not None:
            target.mentions.append(m)
        else:
            unlinked.mentions.append(m)
    if unlinked.mentions:
        out.append(unlinked)
    return out


def _join_genitives(
    chains: list[Chain], by_key: dict[tuple[str, str], Chain], gaz: gazetteer.Gazetteer
) -> None:
    """A name chain whose forms are all a genitive (*des Steppenkuriers*) of another name chain of the same
    type in the document (*Steppenkurier*) joins it."""
    for chain in list(chains):
        if chain.gaz is not None or chain.unlinked or not chain.forms:
            continue
        target, base_forms = None, []
        for form, _complete in chain.forms:
            head, _, last = form.rpartition(" ")
            found = None
            for base in names.genitive_bases(last, gaz.lang):
                base_form = f"{head} {base}".strip()
                ks = gaz.keys(base_form)
                found = by_key.get((chain.type, ks[0])) if ks else None
                if found is not None and found is not chain:
                    break
                found = None
            if found is None or (target is not None and found is not target):
                target = None
                break
            target = found
            base_forms.append(base_form)
        if target is None:
            continue
        target.mentions.extend(chain.mentions)
        target.forms.extend((f, True) for f in base_forms)
        for k in chain.keys:
            if by_key.get((chain.type, k)) is chain:
                by_key[(chain.type, k)] = target
        chain.mentions.clear()
        chain.forms.clear()
        chains.remove(chain)


def _gaz_form(text: str, entry: gazetteer.Entry, gaz: gazetteer.Gazetteer) -> str:
    form = names.clean(text)
    head, _, last = form.rpartition(" ")
    for base in names.genitive_bases(last, gaz.lang):
        candidate = f"{head} {base}".strip()
        hit = gaz.lookup(candidate, allow_ambiguous=True)
        if hit is not None and hit.id == entry.id and gaz.lookup(form, allow_ambiguous=True) is None:
            return candidate
    return form


def _name_form(
    doc: Document, m: Mention, text: str, type_: str, gaz: gazetteer.Gazetteer, known: Known
) -> str:
    form = names.clean(text)
    head, _, last = form.rpartition(" ")
    for base in names.genitive_bases(last, gaz.lang):
        candidate = f"{head} {base}".strip()
        if any(known(type_, k) for k in gaz.keys(candidate)) or _genitive_context(doc.text, m.end):
            return candidate
    return form


def _part_target(text: str, chains: list[Chain], gaz: gazetteer.Gazetteer) -> Chain | None:
    parts = [p for p in re.split(r"-", names.clean(text)) if p]
    for part in parts:
        ks = set(gaz.keys(part))
        pks = names.keys(part)
        for chain in chains:
            if chain.unlinked:
                continue
            if ks & set(chain.keys) or (chain.type == "PER" and pks & frozenset(chain.surname_keys)):
                return chain
    return None


# --- abbreviations -------------------------------------------------------------------------------


def _is_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(_ABBR.match(form)) and 2 <= len(letters) <= settings.ABBREVIATION_MAX_LEN


def acronym_match(abbr: str, long_form: str) -> bool:
    """Whether ``abbr`` abbreviates ``long_form``: every capitalized word gives its first letter and
    possibly more letters from inside it (*EAWU* = *E*ur*a*sische *W*irtschafts*u*nion)."""
    words = [w.lower() for w in re.findall(r"\w+", long_form) if w[:1].isupper()]
    letters = [c.lower() for c in abbr if c.isalnum()]
    if len(words) < 2 or not letters:
        return False

    @cache
    def match(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(letters)
        if ai >= len(letters) or letters[ai] != words[wi][0]:
            return False
        # take the first letter, then k more letters from inside the word (as a subsequence)
        word = words[wi]
        if match(ai + 1, wi + 1):
            return True
        pos, k = 1, ai + 1
        while k < len(letters):
            found = word.find(letters[k], pos)
            if found < 0:
                break
            pos, k = found + 1, k + 1
            if match(k, wi + 1):
                return True
        return False

    return match(0, 0)


def _join_abbreviations(doc: Document, chains: list[Chain]) -> None:
    candidates = [c for c in chains if not c.unlinked and c.type != "PER" and c.gaz is None]
    longs = [c for c in chains if not c.unlinked and c.type != "PER"]
    for chain in candidates:
        form = chain.best_form()
        if not _is_abbreviation(form):
            continue
        target = None
        for long_chain in longs:
            if long_chain is chain or _is_abbreviation(long_chain.best_form()):
                continue
            if any(
                re.match(r"\s*\(\s*" + re.escape(form) + r"\s*\)", doc.text[m.end : m.end + len(form) + 6])
                for m in long_chain.mentions
            ):
                target = long_chain
                break
            if target is None and any(acronym_match(form, f) for f, _ in long_chain.forms):
                target = long_chain
        if target is None:
            continue
        chain.abbreviation_of = target
        target.mentions.extend(chain.mentions)
        target.forms.extend((f, False) for f, _ in chain.forms)
        for k in chain.keys:
            if k not in target.abbr_keys:
                target.abbr_keys.append(k)
