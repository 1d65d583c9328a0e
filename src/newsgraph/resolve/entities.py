"""Entity identity: one entity per real-world referent, across spellings, documents and outlets.

``EntityIndex`` is the corpus-wide state: plain data, serializable (``to_json``/``from_json``), and
incremental: ``add_document(doc, mentions)`` links a new document's mentions to existing entities or
creates new ones and returns ``{mention span: entity id}``. Nothing here touches a database.

Within a document (``chains.py``) a bare surname (*Tokajew*), a title plus surname (*Präsident Putin*)
and a genitive (*Putins*) join the full name. Across documents a person chain joins an entity that
shares a transliteration key of the surname and has compatible given names (``names.py``); a bare
surname joins only an unambiguous candidate. Places and organizations go through the gazetteer
(countries, aliases, adjectives, abbreviations); ``deriv`` mentions link to their country.

Loose transliteration keys (*Toshkent* = *Taschkent*, *Sodiqova* = *Sadykowa*: ``names.loose_keys``) link
only where the exact keys find nothing, only between chains of one type, only when the chain's document
or the candidate's documents show a transliterated spelling (``names.marked``), only to a single
candidate, and for persons only with compatible given names on both sides.

Entity ids are content-derived (type + first canonical key), so the same input gives the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph import settings
from newsgraph.model import Document, Entity, Mention, Span, content_id
from newsgraph.resolve import gazetteer, names, rolewords
from newsgraph.resolve.chains import Chain, build_chains

FORMAT = "newsgraph-entity-index/1"
ROLE_FIELDS = ("role", "text", "noun", "place", "doc", "date")
TYPES = frozenset({"PER", "LOC", "ORG", "MISC"})
FORMS = frozenset({"name", "deriv", "part"})


def _as_name(m: Mention) -> Mention:
    return Mention(m.doc, m.start, m.end, m.text, m.type, "name", m.entity, m.role, m.score)


_VOWELS = str.maketrans("", "", "aeiou")


def skeleton(key: str) -> str:
    """The consonants of a surname key, for keys long enough (settings.SKELETON_MIN_KEY) — else ''."""
    return key.translate(_VOWELS) if len(key) >= settings.SKELETON_MIN_KEY else ""


def _epenthesis(a: str, b: str) -> bool:
    """Whether one key is the other with one vowel inserted between two consonants
    (*tleuberdi* / *tileuberdi*): the spelling variant a consonant cluster gets across languages."""
    if abs(len(a) - len(b)) != 1:
        return False
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    for i in range(1, len(long_) - 1):
        if long_[:i] + long_[i + 1 :] == short:
            c = long_[i - 1], long_[i], long_[i + 1]
            if c[1] in "aeiou" and c[0] not in "aeiou" and c[2] not in "aeiou":
                return True
    return False


def _latin(text: str) -> bool:
    return all(ord(c) < 0x0250 for c in text)


def entity_id(*parts: str) -> str:
    return "ent_" + content_id(*parts, length=12)


@dataclass(slots=True)
class Record:
    """What the index knows about one entity (JSON-able through ``to_dict``)."""

    id: str
    type: str
    key: str  # the first canonical key the id was derived from
    forms: dict[str, list[int]] = field(default_factory=dict)  # form -> [count, order, complete]
    given: list[list[str]] = field(default_factory=list)  # given-name variants (surface parts)
    surname_keys: list[str] = field(default_factory=list)
    suffix: str | None = None
    keys: list[str] = field(default_factory=list)  # name keys (LOC/ORG/MISC), abbreviations included
    gaz: str | None = None  # gazetteer entry id
    gaz_name: str | None = None
    part_of: str | None = None  # entity id of the country it belongs to (Kreml -> Russland)
    note: str | None = None
    loose: list[str] = field(default_factory=list)  # loose transliteration keys (names.loose_keys)
    marked: bool = False  # seen in a document that spells names transliterated (names.marked)
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    roles: list[dict[str, str | None]] = field(default_factory=list)
    # transient lookup sets (not serialized; rebuilt on load)
    _doc_set: set[str] = field(default_factory=set, repr=False)
    _role_seen: set[tuple[str | None, ...]] = field(default_factory=set, repr=False)
    _role_texts: dict[str, None] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {s: getattr(self, s) for s in self.__slots__ if not s.startswith("_")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        rec = cls(**{k: v for k, v in data.items() if k in cls.__slots__ and not k.startswith("_")})
        rec._doc_set = set(rec.documents)
        for r in rec.roles:
            rec._role_seen.add(tuple(r.get(k) for k in ROLE_FIELDS))
            if r.get("text"):
                rec._role_texts[str(r["text"])] = None
        return rec

    def add_document(self, doc_id: str) -> None:
        if doc_id not in self._doc_set:
            self._doc_set.add(doc_id)
            self.documents.append(doc_id)

    def add_role(self, item: dict[str, str | None]) -> None:
        k = tuple(item.get(f) for f in ROLE_FIELDS)
        if k not in self._role_seen:
            self._role_seen.add(k)
            self.roles.append(item)
            if item.get("text"):
                self._role_texts[str(item["text"])] = None

    def role_objects(self) -> list[rolewords.Role]:
        out = []
        for text in self._role_texts:
            role = _parse_role(text)
            if role is not None:
                out.append(role)
        return out

    # --- derived --------------------------------------------------------------------------------
    def name(self) -> str:
        """The canonical name: a gazetteer name, else the most complete frequent form."""
        if self.gaz_name:
            return self.gaz_name
        if not self.forms:
            return self.key
        # complete (given + surname) first, then Latin script (for a German reader), then frequency
        return max(self.forms.items(), key=lambda kv: (kv[1][2], _latin(kv[0]), kv[1][0], -kv[1][1]))[0]

    def add_form(self, form: str, complete: bool) -> None:
        entry = self.forms.get(form)
        if entry is None:
            self.forms[form] = [1, len(self.forms), int(complete)]
        else:
            entry[0] += 1

    def given_parts(self) -> list[tuple[names.GivenName, ...]]:
        out = []
        for parts in self.given:
            pn = names.PersonName(tuple(parts), "", None, "")
            out.append(names.given_parts(pn))
        return out

    def to_entity(self) -> Entity:
        name = self.name()
        aliases = [f for f in sorted(self.forms, key=lambda f: self.forms[f][1]) if f != name]
        roles = list(dict.fromkeys(r["role"] for r in self.roles if r.get("role")))
        return Entity(
            id=self.id,
            name=name,
            type=self.type,  # type: ignore[arg-type]
            aliases=aliases,
            roles=roles,
            documents=list(self.documents),
            mention_count=self.mentions,
            role_history=[dict(r) for r in self.roles],
            part_of=self.part_of,
        )


@dataclass(slots=True)
class _Decision:
    chain: Chain
    entity: str | None  # existing or new id; None = left unlinked
    new: Record | None = None


class EntityIndex:
    """Corpus-wide entity state. Pure Python data; see the module docstring."""

    def __init__(self, lang: str = settings.DEFAULT_LANGUAGE) -> None:
        self.lang = lang
        self.records: dict[str, Record] = {}
        self.by_surname: dict[str, list[str]] = {}  # PER surname key -> entity ids
        self.by_skeleton: dict[str, list[str]] = {}  # consonant skeleton of long surname keys -> ids
        self.given_first: set[str] = set()  # keys of first given names seen in full names
        self.by_key: dict[str, str] = {}  # "TYPE|key" -> entity id (LOC/ORG/MISC names, abbreviations)
        self.by_loose: dict[str, list[str]] = {}  # "TYPE|loose key" -> entity ids (PER: of surnames)
        self.by_gaz: dict[str, str] = {}  # gazetteer entry id -> entity id
        self.docs: dict[str, str | None] = {}  # document id -> published date

    # --- the incremental step -------------------------------------------------------------------
    def add_document(self, doc: Document, mentions: list[Mention]) -> dict[Span, str]:
        """Link a document's mentions; returns ``{(start, end): entity id}`` for linked mentions.

        A document already added is resolved again without changing the index (same ids).
        Invalid mentions (span outside the text, unknown type) are skipped, never fatal; a document
        without text raises ``ValueError`` naming it.
        """
        if not isinstance(doc.text, str):
            raise ValueError(f"document {doc.id!r}: text is {type(doc.text).__name__}, not str")
        commit = doc.id not in self.docs
        valid = [
            m if m.form in FORMS else _as_name(m)
            for m in mentions
            if isinstance(m.start, int)
            and isinstance(m.end, int)
            and 0 <= m.start < m.end <= len(doc.text)
            and m.type in TYPES
        ]
        chains = build_chains(doc, valid, self.lang, known=self._known_key)
        out: dict[Span, str] = {}
        decisions = [self._decide(c) for c in chains]
        for d in decisions:
            if d.entity is None:
                continue
            if commit:
                self._commit(d, doc)
            for m in d.chain.mentions:
                out[m.span] = d.entity
            for m in d.chain.co_mentions:
                out.setdefault(m.span, d.entity)
        if commit:
            self.docs[doc.id] = doc.published
        return out

    def _known_key(self, type_: str, key: str) -> bool:
        if type_ == "PER":
            return key in self.by_surname
        return f"{type_}|{key}" in self.by_key

    # --- deciding ---------------------------------------------------------------------------------
    def _decide(self, chain: Chain) -> _Decision:
        if chain.unlinked:
            return _Decision(chain, None)
        if chain.gaz is not None:
            return self._decide_gaz(chain)
        if chain.type == "PER":
            return self._decide_person(chain)
        return self._decide_name(chain)

    def _decide_gaz(self, chain: Chain) -> _Decision:
        entry = chain.gaz
        assert entry is not None
        existing = self.by_gaz.get(entry.id)
        if existing is not None:
            return _Decision(chain, existing)
        eid = entity_id("gaz", entry.id)
        part_of = (
            entity_id("gaz", f"country:{entry.country}")
            if entry.country and entry.kind != "country"
            else None
        )
        rec = Record(
            eid, entry.type, entry.id, gaz=entry.id, gaz_name=entry.name, part_of=part_of, note=entry.note
        )
        return _Decision(chain, eid, rec)

    def _decide_name(self, chain: Chain) -> _Decision:
        for k in chain.keys:
            eid = self.by_key.get(f"{chain.type}|{k}")
            if eid is not None:
                return _Decision(chain, eid)
        loose = self._loose_candidates(chain)
        if len(loose) == 1:
            return _Decision(chain, loose[0].id)
        primary = chain.keys[0] if chain.keys else names.clean(chain.best_form())
        eid = self._fresh_id(chain.type, primary)
        rec = Record(eid, chain.type, primary)
        if chain.part_of is not None:
            rec.part_of = entity_id("gaz", chain.part_of.id)
        return _Decision(chain, eid, rec)

    def _loose_candidates(self, chain: Chain) -> list[Record]:
        """Entities of the chain's type sharing one of its loose keys, when the chain or the entity comes from
        a document that spells names transliterated."""
        out: dict[str, Record] = {}
        for k in chain.loose_keys:
            for eid in self.by_loose.get(f"{chain.type}|{k}", ()):
                rec = self.records[eid]
                if (chain.marked or rec.marked) and rec.suffix == chain.suffix:
                    out.setdefault(eid, rec)
        return list(out.values())

    def _decide_person(self, chain: Chain) -> _Decision:
        candidates: list[Record] = []
        seen: set[str] = set()
        for k in chain.surname_keys:
            for eid in self.by_surname.get(k, ()):
                if eid not in seen:
                    seen.add(eid)
                    rec = self.records[eid]
                    if rec.suffix == chain.suffix:
                        candidates.append(rec)
        # the genitive reading ("Putins" -> "Putin") is used only when it finds someone
        if not candidates and chain.genitive_keys:
            for k in chain.genitive_keys:
                for eid in self.by_surname.get(k, ()):
                    if eid not in seen and self.records[eid].suffix == chain.suffix:
                        seen.add(eid)
                        candidates.append(self.records[eid])
        if not candidates and chain.given:
            candidates = self._skeleton_candidates(chain)
        if not candidates and chain.given:
            # a loose transliteration (Sodiqova = Sadykowa): only people with compatible given names
            candidates = [
                rec
                for rec in self._loose_candidates(chain)
                if any(names.given_compatible(chain.given, v) for v in rec.given_parts() if v)
            ]
            if len(candidates) > 1:  # several people fit only loosely: none of them
                return self._new_person(chain)
        chosen = self._choose_person(chain, candidates)
        if chosen is not None:
            return _Decision(chain, chosen)
        if not chain.given and len(candidates) > 1:
            return _Decision(chain, None)  # an ambiguous bare surname stays unlinked
        if not chain.given and not candidates and any(k in self.given_first for k in chain.surname_keys):
            return _Decision(chain, None)  # a bare first name (*Mohammed*) names nobody in particular
        return self._new_person(chain)

    def _new_person(self, chain: Chain) -> _Decision:
        first = min(chain.given[0].keys) if chain.given and chain.given[0].keys else ""  # not set order
        primary = f"{chain.surname_primary}|{first}|{chain.suffix or ''}"
        eid = self._fresh_id("PER", primary)
        return _Decision(chain, eid, Record(eid, "PER", primary, suffix=chain.suffix))

    def _skeleton_candidates(self, chain: Chain) -> list[Record]:
        """People whose surname key differs by one vowel inserted into a consonant cluster (*Tleuberdi* ~
        *Tileuberdi*): only for long surnames, when both sides have given names and the first given names
        share a key."""
        out: list[Record] = []
        for k in chain.surname_keys:
            sk = skeleton(k)
            if not sk:
                continue
            for eid in self.by_skeleton.get(sk, ()):
                rec = self.records[eid]
                if rec in out or rec.suffix != chain.suffix:
                    continue
                firsts = [v[0].keys for v in rec.given_parts() if v]
                one_vowel = any(_epenthesis(k, rk) for rk in rec.surname_keys)
                if one_vowel and chain.given and any(chain.given[0].keys & f for f in firsts):
                    out.append(rec)
        return out

    def _choose_person(self, chain: Chain, candidates: list[Record]) -> str | None:
        if not candidates:
            return None
        if chain.given:
            strong, weak = [], []
            for rec in candidates:
                variants = rec.given_parts()
                if not variants:
                    weak.append(rec)
                elif any(names.given_compatible(chain.given, v) for v in variants):
                    strong.append(rec)
            pool = strong or weak
            if not pool:
                return None
            return max(pool, key=lambda r: (r.mentions, r.id)).id if len(pool) > 1 else pool[0].id
        if len(candidates) == 1:
            return candidates[0].id
        # several people share the surname: roles decide, then a clearly dominant one
        if chain.roles:
            by_role = [
                r
                for r in candidates
                if any(rolewords.same_office(a, b) for a in chain.roles for b in r.role_objects())
            ]
            if len(by_role) == 1:
                return by_role[0].id
        ranked = sorted(candidates, key=lambda r: r.mentions, reverse=True)
        if ranked[0].mentions >= settings.DOMINANT_ENTITY_RATIO * max(1, ranked[1].mentions):
            return ranked[0].id
        return None

    def _fresh_id(self, type_: str, key: str) -> str:
        eid = entity_id(type_, key)
        n = 1
        while eid in self.records:
            n += 1
            eid = entity_id(type_, key, str(n))
        return eid

    # --- committing -------------------------------------------------------------------------------
    def _commit(self, d: _Decision, doc: Document) -> None:
        chain = d.chain
        if d.new is not None and d.new.id not in self.records:
            self.records[d.new.id] = d.new
            if d.new.gaz:
                self.by_gaz[d.new.gaz] = d.new.id
            if d.new.part_of and d.new.part_of not in self.records:
                self._ensure_country(d.new, chain.part_of)
        rec = self.records[d.entity] if d.entity else None
        if rec is None:
            return
        for form, complete in chain.forms:
            rec.add_form(form, complete)
        rec.add_document(doc.id)
        rec.mentions += len(chain.mentions) + len(chain.co_mentions)
        rec.marked = rec.marked or chain.marked
        if rec.type == chain.type:
            for k in chain.loose_keys:
                if k not in rec.loose:
                    rec.loose.append(k)
                self._index_loose(rec.type, k, rec.id)
        if rec.type == "PER" and chain.type == "PER":
            for k in chain.surname_keys:
                if k not in rec.surname_keys:
                    rec.surname_keys.append(k)
                ids = self.by_surname.setdefault(k, [])
                if rec.id not in ids:
                    ids.append(rec.id)
                self._index_skeleton(k, rec.id)
            for parts in chain.given_variants:
                if list(parts) not in rec.given:
                    rec.given.append(list(parts))
                if parts:
                    self.given_first.update(names.keys(parts[0], lang=self.lang))
        for k in chain.keys:
            if k not in rec.keys:
                rec.keys.append(k)
            self.by_key.setdefault(f"{rec.type}|{k}", rec.id)
        for k in chain.abbr_keys:  # an abbreviation seen with its long form: from now on it means this
            if k not in rec.keys:
                rec.keys.append(k)
            self.by_key[f"{rec.type}|{k}"] = rec.id
        for role in chain.roles:
            item = {
                "role": role.display,
                "text": role.text,
                "noun": role.noun,
                "place": role.place,
                "doc": doc.id,
                "date": doc.published,
            }
            rec.add_role(item)

    def _index_loose(self, type_: str, key: str, eid: str) -> None:
        ids = self.by_loose.setdefault(f"{type_}|{key}", [])
        if eid not in ids:
            ids.append(eid)

    def _index_skeleton(self, key: str, eid: str) -> None:
        sk = skeleton(key)
        if sk:
            ids = self.by_skeleton.setdefault(sk, [])
            if eid not in ids:
                ids.append(eid)

    def _ensure_country(self, rec: Record, owner: gazetteer.Entry | None = None) -> None:
        """The country a place/org belongs to exists as an entity (maybe still without mentions); ``owner``
        is the country of an institution compound (*US-Finanzministerium*), else the gazetteer says."""
        entry = owner or gazetteer.load(self.lang).entry(rec.gaz or "")
        country = (
            gazetteer.load(self.lang).entry(f"country:{entry.country}") if entry and entry.country else None
        )
        if country is None:
            rec.part_of = None
            return
        eid = entity_id("gaz", country.id)
        self.records[eid] = Record(eid, country.type, country.id, gaz=country.id, gaz_name=country.name)
        self.by_gaz[country.id] = eid
        rec.part_of = eid

    # --- reading ----------------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        """All entities, most mentioned first."""
        recs = sorted(self.records.values(), key=lambda r: (-r.mentions, r.name()))
        return [r.to_entity() for r in recs]

    def get(self, eid: str) -> Entity | None:
        rec = self.records.get(eid)
        return rec.to_entity() if rec else None

    # --- serialization ----------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "lang": self.lang,
            "docs": self.docs,
            "entities": [r.to_dict() for r in self.records.values()],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any] | str) -> EntityIndex:
        if isinstance(data, str):
            data = json.loads(data)
        if data.get("format") != FORMAT:
            raise ValueError(f"not an entity index: format {data.get('format')!r}, expected {FORMAT!r}")
        index = cls(data.get("lang", settings.DEFAULT_LANGUAGE))
        index.docs = dict(data.get("docs", {}))
        for item in data.get("entities", []):
            index._restore(Record.from_dict(item))
        return index

    def _restore(self, rec: Record) -> None:
        self.records[rec.id] = rec
        if rec.gaz:
            self.by_gaz[rec.gaz] = rec.id
        for k in rec.surname_keys:
            self.by_surname.setdefault(k, []).append(rec.id)
            self._index_skeleton(k, rec.id)
        for parts in rec.given:
            if parts:
                self.given_first.update(names.keys(parts[0], lang=self.lang))
        for k in rec.keys:
            self.by_key.setdefault(f"{rec.type}|{k}", rec.id)
        if not rec.loose and not rec.gaz:  # an index saved before loose keys existed
            rec.loose = names.loose_keys(rec.surname_keys if rec.type == "PER" else rec.keys, self.lang)
        for k in rec.loose:
            self._index_loose(rec.type, k, rec.id)

    def to_rows(self) -> list[dict[str, Any]]:
        """Entity rows for a store: id, name, type, aliases, roles (JSON-able values)."""
        return [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "roles": e.roles,
                "documents": e.documents,
                "mention_count": e.mention_count,
                "role_history": e.role_history,
                "part_of": e.part_of,
            }
            for e in self.entities()
        ]


@lru_cache(maxsize=50_000)
def _parse_role(text: str) -> rolewords.Role | None:
    return rolewords.parse_role(text)


# --- query helpers for the CLI ---------------------------------------------------------------------


def find(index: EntityIndex, name: str, type_: str | None = None) -> Entity | None:
    """The entity a name denotes, by the same keys resolution uses (``newsgraph entity NAME``)."""
    hits = search(index, name, type_)
    return hits[0] if hits else None


def search(index: EntityIndex, name: str, type_: str | None = None) -> list[Entity]:
    """Entities a name may denote, best first: exact forms, gazetteer, name keys, surname keys."""
    text = names.clean(name)
    if not text:
        return []
    found: list[str] = []

    def push(eid: str | None) -> None:
        if eid and eid in index.records and eid not in found:
            rec = index.records[eid]
            if type_ is None or rec.type == type_:
                found.append(eid)

    low = text.lower()
    for rec in index.records.values():
        if rec.name().lower() == low or any(f.lower() == low for f in rec.forms):
            push(rec.id)
    gaz = gazetteer.load(index.lang)
    entry = gaz.lookup(text, allow_ambiguous=True) or gaz.adjective(text)
    if entry is not None:
        push(index.by_gaz.get(entry.id))
    for k in gaz.keys(text):
        for t in ("LOC", "ORG", "MISC"):
            push(index.by_key.get(f"{t}|{k}"))
    pn = names.parse(text, rolewords.lexicon(index.lang).strip_words(), index.lang)
    given = names.given_parts(pn, index.lang)
    people = []
    for k in names.keys(pn.core or text, lang=index.lang):
        for eid in index.by_surname.get(k, ()):
            rec = index.records[eid]
            if any(names.given_compatible(given, v) for v in rec.given_parts()) or not rec.given or not given:
                people.append(rec)
    for rec in sorted(people, key=lambda r: -r.mentions):
        push(rec.id)
    # last: loose transliteration keys (Samarqand finds Samarkand), places and names, then surnames
    loose = [
        *names.loose_keys(gaz.keys(text), index.lang),
        *names.loose_keys(names.keys(pn.core or text, lang=index.lang), index.lang),
    ]
    for k in dict.fromkeys(loose):
        for t in ("LOC", "ORG", "MISC", "PER"):
            for eid in index.by_loose.get(f"{t}|{k}", ()):
                push(eid)
    return [index.records[e].to_entity() for e in found]


def resolve_corpus(
    items: Iterable[tuple[Document, list[Mention]]], index: EntityIndex | None = None
) -> EntityIndex:
    """Convenience: add many documents in order."""
    index = index or EntityIndex()
    for doc, mentions in items:
        index.add_document(doc, mentions)
    return index
