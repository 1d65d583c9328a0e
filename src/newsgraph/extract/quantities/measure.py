"""What a number measures: a noun lemma and its span (Handelsvolumen, Investition, Uranproduktion, Grenze).

Rules, first that answers wins:
rank -> the noun after a superlative or a rank preposition ("Platz zwölf ... mit den größten Ölreserven");
ratio -> the adjective after "Mal so" (so groß -> Größe);
genitive -> "40 Prozent der weltweiten Uranproduktion";
count -> the noun counted ("19 Millionen Menschen", "27 Milliarden Investitionen");
linking -> "Handelsvolumen von fast 30 Milliarden", "Vereinbarungen im Wert von";
subject -> the nearest noun before it in the sentence that is no name, no time, not in a prepositional phrase
("Die gemeinsame Grenze zwischen den beiden Sowjetrepubliken ist rund 7.600 Kilometer lang");
dimension -> "7.600 Kilometer lang" (Länge) when there is no subject noun;
hint -> an agent noun in the clause ("einer der wichtigsten Investoren" -> Investition).
"""

from __future__ import annotations

from newsgraph.extract.quantities import discourse
from newsgraph.extract.quantities.context import Ctx
from newsgraph.extract.quantities.finder import Found

MAX_BACK = 30


NO_MATERIAL = ("currency", "percent", "time", "temperature", "ratio")
MAX_MODIFIERS = 4


def _noun_after(ctx: Ctx, i: int, limit: int, skip_mods: int = MAX_MODIFIERS) -> int | None:
    """The first noun at or after token ``i`` over at most ``skip_mods`` modifiers, before ``limit``."""
    doc = ctx.doc
    k = i
    while k < limit and k - i <= skip_mods:
        t = doc[k]
        if ctx.is_noun(k):
            return k
        if not ctx.is_modifier(k) or t.is_punct:
            return None
        k += 1
    return None


def _usable(ctx: Ctx, k: int) -> bool:
    t = ctx.doc[k]
    if ctx.is_proper(k) or t.text in ctx.lx.stop_nouns or t.lower_ in ctx.lx.stop_nouns:
        return False
    if ctx.lemma(k).lower() in ctx.lx.stop_nouns:
        return False
    if ctx.in_timex(t.idx, t.idx + len(t.text)) is not None:
        return False
    if ctx.avoid is not None and ctx.avoid[0] <= t.idx < ctx.avoid[1]:
        return False  # "beziffert das Energieministerium auf": the speaker, not the measure
    j = k - 1
    while (
        j > 0 and k - j <= MAX_MODIFIERS and ctx.is_modifier(j) and ctx.doc[j].lower_ not in ctx.lx.genitive
    ):
        j -= 1
    if j > 0 and ctx.doc[j].lower_ in ctx.lx.genitive and ctx.doc[j - 1].lower_ in ctx.lx.source_nouns:
        return False  # "nach Angaben der Behörden": the source, not the measure
    return not ctx.busy_at(t.idx)


def _head(ctx: Ctx, k: int, floor: int) -> int:
    """The head of a genitive attribute: "Das Investitionsvolumen des Projekts" -> Investitionsvolumen
    (unless the head is transparent: "das Volumen der Uranproduktion" stays Uranproduktion)."""
    lx = ctx.lx
    j = k - 1
    while (
        j > floor and k - j <= MAX_MODIFIERS and ctx.is_modifier(j) and ctx.doc[j].lower_ not in lx.genitive
    ):
        j -= 1
    if j > floor and ctx.doc[j].lower_ in lx.genitive and ctx.is_noun(j - 1) and _usable(ctx, j - 1):
        h = j - 1
        if ctx.doc[h].lower_ not in lx.transparent and ctx.lemma(h).lower() not in lx.transparent:
            return h
    return k


def _resolve(ctx: Ctx, k: int, limit: int) -> int | None:
    """A transparent noun (Wert, Volumen) stands for its genitive: das Volumen der Uranproduktion."""
    lx = ctx.lx
    if ctx.doc[k].lower_ in lx.transparent or ctx.lemma(k).lower() in lx.transparent:
        if k + 1 < limit and ctx.doc[k + 1].lower_ in lx.genitive:
            g = _noun_after(ctx, k + 2, limit)
            if g is not None and _usable(ctx, g):
                return g
        return None
    return k


def _in_pp(ctx: Ctx, k: int, floor: int) -> bool:
    """Is noun ``k`` inside a prepositional phrase (a preposition before it over modifiers)?"""
    lx = ctx.lx
    j = k - 1
    steps = 0
    while j >= floor and steps <= MAX_MODIFIERS:
        t = ctx.doc[j]
        if t.lower_ in lx.prepositions:
            return True
        if t.lower_ in lx.genitive or not ctx.is_modifier(j):
            return False
        j -= 1
        steps += 1
    return False


def find_measure(ctx: Ctx, f: Found, start: int) -> tuple[str, tuple[int, int]] | None:
    """(lemma, span) of what ``f`` measures; ``start`` is the quantity's first char (qualifier included)."""
    doc = ctx.doc
    lx = ctx.lx
    s0, s1 = ctx.sentence(f.start)
    first = ctx.tok_at(start)
    after = ctx.tok_end(f.end)
    sent_first = ctx.tok_at(s0)
    sent_end = ctx.tok_end(s1)

    def out(k: int | None) -> tuple[str, tuple[int, int]] | None:
        if k is None:
            return None
        t = doc[k]
        return ctx.lemma(k), (t.idx, t.idx + len(t.text))

    if f.is_rank:
        return out(_rank_measure(ctx, f, first, after, sent_first, sent_end))
    # ratio: siebeneinhalb Mal so groß
    if f.unit == "{times}" and after < sent_end:
        adj = doc[after].lower_
        if adj in lx.ratio_adjectives:
            t = doc[after]
            return lx.ratio_adjectives[adj], (t.idx, t.idx + len(t.text))
    # genitive after: 40 Prozent der weltweiten Uranproduktion, ein Drittel des Landes
    if after < sent_end and doc[after].lower_ in lx.genitive and f.unit_kind in (None, "percent", "ratio"):
        k = _noun_after(ctx, after + 1, sent_end)
        if k is not None and _usable(ctx, k):
            return out(_resolve(ctx, k, sent_end))
    # material: 25 Milliarden Kubikmeter Erdgas, 310.000 Tonnen Stahl
    material = (
        f.unit is not None and f.unit_kind not in NO_MATERIAL and after < sent_end and ctx.is_noun(after)
    )
    if material and _usable(ctx, after) and doc[after].text[0].isupper():
        return out(after)
    # count: 19 Millionen Menschen
    if f.unit is None and after < sent_end:
        k = _noun_after(ctx, after, sent_end, skip_mods=3)
        if (
            k is not None
            and not ctx.in_timex(doc[k].idx, doc[k].idx + 1)
            and doc[k].lower_ not in lx.stop_nouns
        ):
            return out(k)
    # linking: Handelsvolumen von fast 30 Milliarden Dollar; Vereinbarungen im Wert von über 17 Milliarden
    for phrase in sorted(lx.linking, key=len, reverse=True):
        a = first - len(phrase)
        if a - 1 >= sent_first and tuple(doc[x].lower_ for x in range(a, first)) == phrase:
            if ctx.is_noun(a - 1) and _usable(ctx, a - 1):
                r = _resolve(ctx, _head(ctx, a - 1, sent_first), sent_end)
                if r is not None:
                    return out(r)
            break
    # relative clause: "zu einem Gespräch, das etwa drei Stunden dauerte" -> Gespräch
    c0, c1 = ctx.clause(f.start, f.end)
    head = discourse.relative_head(ctx, discourse.get(lx.lang), c0)
    own_noun = any(
        ctx.is_noun(k) and _usable(ctx, k) and not _in_pp(ctx, k, ctx.tok_at(c0))
        for k in range(ctx.tok_at(c0), first)
    )
    governed = first > 0 and doc[first - 1].lower_ in lx.prepositions  # "seit fast drei Wochen": no attribute
    if head is not None and not own_noun and not governed and _usable(ctx, head):
        return out(head)
    # subject: nearest noun before it in the sentence, no name, no time, not in a prepositional phrase
    k = first - 1
    while k >= sent_first and first - k <= MAX_BACK:
        if ctx.is_noun(k) and _usable(ctx, k) and not _in_pp(ctx, k, sent_first):
            r = _resolve(ctx, _head(ctx, k, sent_first), sent_end)
            if r is not None:
                return out(r)
        k -= 1
    # hint: einer der wichtigsten Investoren
    for k in range(ctx.tok_at(c0), ctx.tok_end(c1)):
        t = doc[k]
        hint = lx.hints.get(t.lower_) or lx.hints.get(ctx.lemma(k).lower())
        if hint:
            return hint, (t.idx, t.idx + len(t.text))
    # second pass in the clause, prepositional phrases allowed ("kam auf ein Handelsvolumen mit X von ...")
    k = first - 1
    c_first = ctx.tok_at(c0)
    while k >= c_first:
        if ctx.is_noun(k) and _usable(ctx, k):
            r = _resolve(ctx, k, sent_end)
            if r is not None:
                return out(r)
        k -= 1
    # dimension adjective: 7.600 Kilometer lang
    if after < sent_end and doc[after].lower_ in lx.dimension_adjectives:
        t = doc[after]
        return lx.dimension_adjectives[t.lower_], (t.idx, t.idx + len(t.text))
    return None


def _rank_measure(ctx: Ctx, f: Found, first: int, after: int, sent_first: int, sent_end: int) -> int | None:
    doc = ctx.doc
    lx = ctx.lx
    preps = set(lx.raw["measures.toml"]["rank"]["prepositions"])
    sup_re = lx.superlative_re
    sup_forms = lx.raw["ordinals.toml"]["superlative"][0]["forms"]
    if f.kind == "superlative":
        return _noun_after(ctx, after, sent_end)
    k = after
    while k < sent_end and k - after <= 10 and not doc[k].is_punct:
        low = doc[k].lower_
        if low in preps or any(s in low for s in sup_forms) or (sup_re is not None and sup_re.fullmatch(low)):
            n = _noun_after(ctx, k + 1, sent_end)
            if n is not None and _usable(ctx, n):
                return n
        k += 1
    k = first - 1
    while k > sent_first and first - k <= 8 and not doc[k].is_punct:
        if (
            ctx.is_noun(k)
            and _usable(ctx, k)
            and any(doc[j].lower_ in preps for j in range(max(k - 3, 0), k))
        ):
            return k
        k -= 1
    return None
