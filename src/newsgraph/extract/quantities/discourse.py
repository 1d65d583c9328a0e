"""Discourse scope of a quantity (vocabulary in ``lang/<lang>/quantities/discourse.toml``).

* **anaphora**: a definite noun that names no one ("die Leitung", "bei der Explosion", "das Projekt")
  refers to the entity an earlier noun of its class was tied to (a name ending in such a noun, a noun
  followed by a name, a noun with a name as its complement, a class verb with a place in its clause);
  a pronoun subject refers to the thing last resolved for a number since the previous sentence;
* **circumstances and attributes**: the preposition that governs a number ("bei minus drei Grad",
  "das Werk mit 900 Beschäftigten");
* **relative clauses**: "…, das etwa drei Stunden dauerte" belongs to the noun before the comma;
* **speech frames**: "beziffert das Ministerium auf", "die Organisatoren sprachen von".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.extract.quantities.context import Ctx
from newsgraph.lang import load_toml

Span = tuple[int, int]
MIN_TAIL = 4  # a compound matches a class noun by its last part of at least this many letters
MIN_HEAD = 3
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
PRONOUN_TAGS = frozenset({"PPER"})
RELATIVE_TAGS = frozenset({"PRELS", "PRELAT"})
NO_ANTECEDENT_TYPES = frozenset({"PER"})


@dataclass(slots=True)
class DiscourseLexicon:
    class_of: dict[str, str] = field(default_factory=dict)  # lower-cased noun lemma -> class
    class_verbs: dict[str, str] = field(default_factory=dict)
    class_types: dict[str, frozenset[str]] = field(default_factory=dict)
    every_mention: dict[str, str] = field(default_factory=dict)  # entity type -> class
    strong_only: frozenset[str] = frozenset()  # classes resolved only from the measured noun or the subject
    persists: frozenset[str] = frozenset()  # event classes whose place carries to the next sentence's numbers
    link: frozenset[str] = frozenset()
    max_gap: int = 3
    pronouns: frozenset[str] = frozenset()
    new_referent: frozenset[str] = frozenset()
    indefinite: frozenset[str] = frozenset()
    circumstance: frozenset[str] = frozenset()
    condition_kinds: frozenset[str] = frozenset()
    attribute: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    relative_preps: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    after_verb: frozenset[str] = frozenset()
    max_np: int = 6
    single_agency: bool = True

    def noun_class(self, word: str) -> str | None:
        """The class of a noun (its lemma or surface form), by the whole word or its compound tail."""
        w = word.lower()
        if w in self.class_of:
            return self.class_of[w]
        for i in range(MIN_HEAD, len(w) - MIN_TAIL + 1):
            if w[i:] in self.class_of and len(w[i:]) >= MIN_TAIL:
                return self.class_of[w[i:]]
        return None


def _low(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@cache
def get(lang: str = "de") -> DiscourseLexicon:
    raw: dict[str, Any] = load_toml(lang, "quantities/discourse.toml")
    dl = DiscourseLexicon()
    for c in raw.get("anaphor_class", []):
        for n in c.get("nouns", []):
            dl.class_of[n.lower()] = c["name"]
        for v in c.get("verbs", []):
            dl.class_verbs[v.lower()] = c["name"]
        if c.get("types"):
            dl.class_types[c["name"]] = frozenset(c["types"])
        if c.get("strong_only"):
            dl.strong_only = dl.strong_only | {c["name"]}
        if c.get("persists"):
            dl.persists = dl.persists | {c["name"]}
        if c.get("every_mention"):
            for t in c.get("types", []):
                dl.every_mention[t] = c["name"]
    an = raw["anaphora"]
    dl.link = _low(an["link_prepositions"])
    dl.max_gap = int(an["max_gap"])
    dl.pronouns = _low(an["pronouns"])
    dl.new_referent = _low(an["new_referent"])
    dl.indefinite = _low(an["indefinite"])
    dl.circumstance = _low(raw["circumstance"]["prepositions"])
    dl.condition_kinds = frozenset(raw["circumstance"]["condition_kinds"])
    dl.attribute = _low(raw["attribute"]["prepositions"])
    dl.relative = _low(raw["relative"]["pronouns"])
    dl.relative_preps = _low(raw["relative"]["prepositions"])
    sf = raw["speech_frame"]
    dl.frame_verbs = _low(sf["verbs"])
    dl.report_verbs = frozenset(sf["report_verbs"])
    dl.after_verb = _low(sf["after_verb"])
    dl.max_np = int(sf["max_np"])
    dl.single_agency = bool(raw["default_speaker"]["prefer_single_agency"])
    return dl


# ---- the registry of antecedents -------------------------------------------------------------------
@dataclass(slots=True)
class Registry:
    """(position, anaphor class, mention span) in text order."""

    events: list[tuple[int, str, Span]] = field(default_factory=list)
    resolved: list[tuple[int, str, Span]] = field(default_factory=list)  # anaphors resolved so far

    def latest(self, key: str, before: int) -> Span | None:
        best = None
        for pos, k, span in self.events:
            if pos >= before:
                break
            if k == key:
                best = span
        return best

    def last_resolved(self, lo: int, hi: int) -> tuple[int, str, Span] | None:
        """The last anaphor resolved for a number in [lo, hi)."""
        cands = [r for r in self.resolved if lo <= r[0] < hi]
        return max(cands, key=lambda x: x[0]) if cands else None


def _key(dl: DiscourseLexicon, ctx: Ctx, k: int) -> str | None:
    """The anaphor class of noun ``k`` (by lemma or surface form), or None."""
    t = ctx.doc[k]
    return dl.noun_class(ctx.lemma(k)) or dl.noun_class(t.text)


def _allowed(dl: DiscourseLexicon, key: str, m: Any) -> bool:
    if m.type in NO_ANTECEDENT_TYPES:
        return False
    types = dl.class_types.get(key)
    return types is None or m.type in types


def _new_referent(dl: DiscourseLexicon, ctx: Ctx, k: int, indefinite: bool = False) -> bool:
    """Is noun ``k`` introduced as a new, different referent ("einem ähnlichen Unfall"; with
    ``indefinite``, any noun after an indefinite article: "bei einem Unfall")?"""
    words = dl.new_referent | dl.indefinite if indefinite else dl.new_referent
    j = k - 1
    while j >= 0 and k - j <= 3 and ctx.is_modifier(j):
        if ctx.doc[j].lower_ in words:
            return True
        j -= 1
    return False


def build(ctx: Ctx, dl: DiscourseLexicon) -> Registry:
    """Every place in the document where a class noun is tied to a name."""
    reg = Registry()
    doc = ctx.doc
    events: list[tuple[int, str, Span]] = []
    for m in ctx.mentions:
        if getattr(m, "form", "name") == "deriv":
            continue
        parts = m.text.replace("–", "-").replace("-", " ").split()
        cls = dl.noun_class(parts[-1]) if parts else None
        if cls and _allowed(dl, cls, m) and not ctx.busy_at(m.start):
            events.append((m.start, cls, (m.start, m.end)))
        if m.type in dl.every_mention:
            events.append((m.start, dl.every_mention[m.type], (m.start, m.end)))
    genitive = ctx.lx.genitive
    starts = {m.start: m for m in reversed(ctx.mentions)}
    n = len(doc)
    for k in range(n - 1):
        t = doc[k]
        if not ctx.is_noun(k) or ctx.is_proper(k) or ctx.busy_at(t.idx):
            continue
        key = _key(dl, ctx, k)
        if key is None or _new_referent(dl, ctx, k):
            continue
        j = k + 1
        target = starts.get(doc[j].idx)  # "Verdichterstation Karakul"
        if target is None and (doc[j].lower_ in genitive or doc[j].lower_ in dl.link):
            for g in range(j + 1, min(n, j + 2 + dl.max_gap)):  # "Unglück an der Verdichterstation Karakul"
                target = starts.get(doc[g].idx)
                if target is not None or doc[g].is_punct or not (ctx.is_modifier(g) or ctx.is_noun(g)):
                    break
        if (
            target is not None
            and getattr(target, "form", "name") != "deriv"
            and not ctx.busy_at(target.start)
            and _allowed(dl, key, target)
        ):
            events.append((t.idx, key, (target.start, target.end)))
    if dl.class_verbs:
        for k in range(n):
            cls = dl.class_verbs.get(ctx.lemma(k).lower())
            if cls is None:
                continue
            c0, c1 = ctx.clause(doc[k].idx, doc[k].idx + len(doc[k].text))
            places = [
                m
                for m in ctx.mentions
                if c0 <= m.start
                and m.end <= c1
                and _allowed(dl, cls, m)
                and getattr(m, "form", "name") != "deriv"
            ]
            if places:
                best = min(places, key=lambda m: abs(m.start - doc[k].idx))
                events.append((doc[k].idx, cls, (best.start, best.end)))
    events.sort(key=lambda e: e[0])
    reg.events = events
    return reg


# ---- resolution -----------------------------------------------------------------------------------
def _in_pp(ctx: Ctx, k: int, floor: int) -> bool:
    """Is noun ``k`` inside a prepositional phrase (a preposition before it over determiners and
    adjectives, "der" read as a dative article here: "Nach der Modernisierung")?"""
    j = k - 1
    while j >= floor and k - j <= 5:
        t = ctx.doc[j]
        if t.lower_ in ctx.lx.prepositions:
            return True
        if not ctx.is_modifier(j):
            return False
        j -= 1
    return False


def resolve(
    ctx: Ctx,
    dl: DiscourseLexicon,
    reg: Registry,
    clause: Span,
    start: int,
    end: int,
    measure_span: Span | None,
    partitive: bool = False,
) -> tuple[Span | None, bool, str | None]:
    """(antecedent mention span, strong, class): the entity a definite noun of the clause stands for.
    ``strong`` when that noun is the measure noun (or its genitive complement) or the clause's subject
    before the number: then it replaces the names found in the clause. A class marked ``strong_only``
    resolves only from such a noun; a pronoun resolves only when no person was named after the thing."""
    doc = ctx.doc
    c0, c1 = clause
    first, last = ctx.tok_at(c0), ctx.tok_end(c1)
    qfirst, qafter = ctx.tok_at(start), ctx.tok_end(end)
    cands: list[tuple[int, bool]] = []
    s0, s1 = ctx.sentence(start)
    # "ein Viertel der großen Unternehmen": a share of a group, not a thing named before
    if measure_span is not None and s0 <= measure_span[0] < s1 and not (partitive and measure_span[0] >= end):
        mk = ctx.tok_at(measure_span[0])
        cands.append((mk, True))
        if mk + 1 < len(doc) and doc[mk + 1].lower_ in ctx.lx.genitive:
            for g in range(mk + 2, min(len(doc), mk + 2 + 4)):
                if ctx.is_noun(g):
                    cands.append((g, True))
                    break
    before = list(range(qfirst - 1, first - 1, -1))
    after = list(range(qafter, last))
    for k in before + after:
        if not ctx.is_noun(k) or ctx.is_proper(k) or ctx.in_mention(doc[k].idx, doc[k].idx + 1):
            continue
        if ctx.busy_at(doc[k].idx):
            continue
        nxt = doc[k + 1].lower_ if k + 1 < last else ""
        if nxt in ctx.lx.genitive or nxt in dl.link and k + 2 < len(doc) and ctx.busy_at(doc[k + 2].idx):
            continue  # its own complement: "den Ausbau erneuerbarer Energien", "den Bau von zwei Stationen"
        strong = k < qfirst and not _in_pp(ctx, k, first)
        cands.append((k, strong))
    strong_cands = [k for k, st in cands if st]
    weak_cands = [k for k, st in cands if not st]
    hit = _first_antecedent(ctx, dl, reg, strong_cands, strong=True)
    if hit is not None:
        return hit[0], True, hit[1]
    # a pronoun subject before the number: the thing last resolved for a number since the previous sentence
    for k in before:
        t = doc[k]
        if t.lower_ in dl.pronouns and (not ctx.tagged or t.tag_ in PRONOUN_TAGS):
            p0, _ = ctx.sentence(max(s0 - 1, 0))
            last_hit = reg.last_resolved(p0, t.idx)
            if last_hit is not None and not any(
                m.type == "PER" and last_hit[0] < m.start < t.idx for m in ctx.mentions
            ):
                return last_hit[2], True, last_hit[1]
    hit = _first_antecedent(ctx, dl, reg, weak_cands, strong=False)
    return (hit[0], False, hit[1]) if hit is not None else (None, False, None)


def _first_antecedent(
    ctx: Ctx, dl: DiscourseLexicon, reg: Registry, cands: list[int], strong: bool
) -> tuple[Span, str] | None:
    for k in cands:
        if _new_referent(dl, ctx, k, indefinite=True) or _named_here(ctx, k):
            continue
        t = ctx.doc[k]
        key = _key(dl, ctx, k)
        if key is None or (key in dl.strong_only and (not strong or _plural_form(ctx, k))):
            continue
        span = reg.latest(key, t.idx)
        if span is not None:
            reg.resolved.append((t.idx, key, span))
            return span, key
    return None


def _plural_form(ctx: Ctx, k: int) -> bool:
    """Does noun ``k`` not start with its lemma (Firmen / Firma): a plural, a group rather than one named?"""
    return not ctx.doc[k].lower_.startswith(ctx.lemma(k).lower())


def _named_here(ctx: Ctx, k: int) -> bool:
    """Is noun ``k`` followed by a name of its own ("Betreibergesellschaft SGT")?"""
    if k + 1 >= len(ctx.doc):
        return False
    t = ctx.doc[k + 1]
    return ctx.is_proper(k + 1) or ctx.in_mention(t.idx, t.idx + 1)


# ---- the preposition that governs a number ------------------------------------------------------------
def governing_preposition(ctx: Ctx, start: int) -> tuple[str, bool] | None:
    """(preposition, after_noun) right before the quantity's first token, if any."""
    i = ctx.tok_at(start) - 1
    if i < 0:
        return None
    t = ctx.doc[i]
    low = t.lower_
    if low not in ctx.lx.prepositions:
        return None
    # right after a common noun that stands outside a prepositional phrase: "Das Werk mit 900 Beschäftigten"
    after_noun = i > 0 and ctx.is_noun(i - 1) and not ctx.is_proper(i - 1) and not _in_pp(ctx, i - 1, 0)
    return low, after_noun


# ---- relative clauses -----------------------------------------------------------------------------
def relative_head(ctx: Ctx, dl: DiscourseLexicon, c0: int) -> int | None:
    """The token index of the noun a relative clause starting at ``c0`` belongs to, or None."""
    doc = ctx.doc
    i = ctx.tok_at(c0)
    if i >= len(doc) or i < 2:
        return None
    t = doc[i]
    rel = t.lower_ in dl.relative and (not ctx.tagged or t.tag_ in RELATIVE_TAGS)
    if not rel and t.lower_ in dl.relative_preps and i + 1 < len(doc):
        n = doc[i + 1]
        rel = n.lower_ in dl.relative and (not ctx.tagged or n.tag_ in RELATIVE_TAGS)
    if not rel or doc[i - 1].text != ",":
        return None
    idioms = (
        [(m.start(), m.end()) for m in ctx.lx.idiom_re.finditer(ctx.text, max(0, c0 - 80), c0)]
        if ctx.lx.idiom_re is not None
        else []
    )
    k = i - 2
    while k >= 0 and i - k <= 8 and not doc[k].is_punct:
        tk = doc[k]
        if ctx.is_noun(k) and not any(a <= tk.idx < b for a, b in idioms):
            return k
        k -= 1
    return None


def main_clause(ctx: Ctx, dl: DiscourseLexicon, clause: Span) -> Span:
    """A relative clause together with the clause it belongs to."""
    if relative_head(ctx, dl, clause[0]) is None:
        return clause
    a, _ = ctx.clause(max(clause[0] - 2, 0), max(clause[0] - 2, 0))
    return a, clause[1]


# ---- speech frames ---------------------------------------------------------------------------------
def _np_span(ctx: Ctx, i: int, limit: int, max_np: int) -> tuple[int, int] | None:
    """Token range [i, j) of a noun phrase starting at ``i`` (determiners, adjectives, nouns, names)."""
    doc = ctx.doc
    j = i
    seen = False
    while j < limit and j - i < max_np:
        t = doc[j]
        if t.is_punct:
            break
        if ctx.is_noun(j) or ctx.is_proper(j):
            seen = True
        elif (
            seen
            and t.lower_ not in ctx.lx.genitive
            or (
                not ctx.is_modifier(j)
                and not seen
                and t.lower_ not in ctx.lx.genitive
                and not (t.text[:1].isupper() or ctx.in_mention(t.idx, t.idx + 1))
            )
        ):
            break
        j += 1
    while j > i and not (ctx.is_noun(j - 1) or ctx.is_proper(j - 1)):
        j -= 1
    return (i, j) if seen and j > i else None


def speech_frame(
    ctx: Ctx,
    dl: DiscourseLexicon,
    clause: Span,
    start: int,
    speech_verbs: dict[str, Any],
    roles: Any,
    passive: frozenset[str] = frozenset(),
) -> tuple[Span | None, str, Span] | None:
    """(speaker mention span or None, speaker text, speaker region) of a speech frame in the clause."""
    doc = ctx.doc
    c0, c1 = clause
    first, last = ctx.tok_at(c0), ctx.tok_end(c1)
    verb = None
    words = {doc[k].lower_ for k in range(first, last)}
    for k in range(first, last):
        low = doc[k].lower_
        if low in dl.frame_verbs:
            verb = k
        elif low in speech_verbs:
            later = {doc[x].lower_ for x in range(k + 1, last)}
            names = {
                s.name for s in speech_verbs[low] if s.particle is None or s.joined or s.particle in later
            }
            nxt = doc[k + 1].lower_ if k + 1 < last else ""
            if names & dl.report_verbs or (names and nxt in dl.after_verb):
                verb = k
        if verb is not None:
            break
    if verb is None or words & passive:
        return None  # "wird auf 20.000 geschätzt": a passive names no speaker
    # the subject before the verb: the first noun, name or pronoun outside a prepositional phrase and a time
    lead = first
    while lead < verb and not (
        (ctx.is_noun(lead) or ctx.is_proper(lead) or doc[lead].lower_ in dl.pronouns)
        and not _in_pp(ctx, lead, first)
        and ctx.in_timex(doc[lead].idx, doc[lead].idx + 1) is None
    ):
        lead += 1
    if lead < verb and doc[lead].lower_ in dl.pronouns and (not ctx.tagged or doc[lead].tag_ in PRONOUN_TAGS):
        person = [m for m in ctx.mentions if m.type == "PER" and m.end <= doc[lead].idx]
        if person:
            m = person[-1]
            return (m.start, m.end), m.text, (doc[lead].idx, doc[lead].idx + len(doc[lead].text))
        return None
    # the finite verb: for "hatte … gemeldet" the subject precedes the auxiliary
    fin = verb
    if ctx.tagged:
        for k in range(first, verb + 1):
            if doc[k].tag_ in FINITE_TAGS:
                fin = k
                break
    cand_after = _np_span(ctx, fin + 1, last, dl.max_np) if fin + 1 < last else None
    chosen = None
    if cand_after is not None:
        a, b = cand_after
        head = doc[b - 1]
        named = any(
            m.type in ("PER", "ORG") and doc[a].idx <= m.start < head.idx + len(head.text)
            for m in ctx.mentions
        )
        if (named or roles(head.text) is not None) and doc[a].idx <= start:
            chosen = cand_after
    if chosen is None and lead < fin:
        a = _np_start(ctx, lead, first)
        if fin - a <= dl.max_np and not any(doc[k].is_punct for k in range(a, fin)):
            chosen = (a, fin)
    if chosen is None:
        return None
    a, b = chosen
    region = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
    if region[0] <= start < region[1]:
        return None  # the number stands in that noun phrase: "68 Prozent der Befragten hätten … gemeldet"
    names = [
        m for m in ctx.mentions if region[0] <= m.start and m.end <= region[1] and m.type in ("PER", "ORG")
    ]
    span = (names[-1].start, names[-1].end) if names else None
    return span, ctx.text[region[0] : region[1]], region


def _np_start(ctx: Ctx, lead: int, first: int) -> int:
    """Back from the head noun ``lead`` over its determiners and adjectives."""
    j = lead
    while j > first and ctx.is_modifier(j - 1):
        j -= 1
    return j
