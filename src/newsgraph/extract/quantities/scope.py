"""Scope of a quantity: its time (TIMEX3), the entities it concerns (mention spans), who states it."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.quantities.context import Ctx
from newsgraph.extract.quantities.finder import Found

SCOPE_TYPES = ("DATE", "TIME")
RATE_WINDOW = 40  # characters between a rate word (jährlich) and the number
SUBJECT_TYPES = ("LOC", "ORG", "PER", "MISC")
PAREN_GAP = 3
KONJ_TAGS = frozenset({"VVFIN", "VMFIN"})  # STTS finite full and modal verbs
PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})


# ---- time ----------------------------------------------------------------------------------------
def find_rate(ctx: Ctx, f: Found, start: int) -> str | None:
    """A TIMEX3 SET value next to the number (jährlich, im Jahr, pro Tag; or a SET timex): it is a rate."""
    lx = ctx.lx
    s0, s1 = ctx.sentence(f.start)
    text = ctx.text
    for t in ctx.timexes:
        if t.type != "SET" or t.start < s0 or t.end > s1:
            continue
        if 0 <= start - t.end <= RATE_WINDOW:
            between = text[t.end : start]
        elif 0 <= t.start - f.end <= RATE_WINDOW:
            between = text[f.end : t.start]
        else:
            continue
        if not any(ch in between for ch in ",;:.!?"):
            return t.value
    if lx.rate_re is not None:
        for m in lx.rate_re.finditer(text, max(s0, start - RATE_WINDOW), min(s1, f.end + RATE_WINDOW)):
            if (m.end() <= start or m.start() >= f.end) and ctx.in_timex(
                m.start(), m.end(), ("DATE",)
            ) is None:
                between = text[m.end() : start] if m.end() <= start else text[f.end : m.start()]
                if not any(ch in between for ch in ",;:.!?") and not ctx.busy_between(m, start, f.end):
                    return lx.rate_value.get(" ".join(m.group("r").lower().split()))
    return None


def _scope_value(t: Any) -> str | None:
    """The time a timex gives as a scope: its closed interval when it has one ("2025-01/2025-09"),
    else its value; an interval open to the past ("bis 2050") is no scope."""
    interval = getattr(t, "interval", None)
    if interval:
        if interval.startswith(".."):
            return None
        if not interval.endswith(".."):
            return interval
    return t.value


def find_time(ctx: Ctx, f: Found, start: int) -> str | None:
    """The time scope: the nearest DATE/TIME timex before the number in its clause, else the nearest one
    after it in its clause ("Die Leitung wurde 1967 in Betrieb genommen, ist 1.300 km lang": none).
    A timex right after the number wins ("minus 50 Grad im Winter")."""
    c0, c1 = ctx.clause(f.start, f.end)
    text = ctx.text
    for t in ctx.timexes:  # right after it: "minus 50 Grad im Winter"
        if t.type in SCOPE_TYPES and f.end <= t.start <= c1 and not text[f.end : t.start].strip():
            v = _scope_value(t)
            if v:
                return v
    before = [t for t in ctx.timexes if c0 <= t.start and t.end <= start and t.type in SCOPE_TYPES]
    for t in sorted(before, key=lambda t: t.end, reverse=True):
        v = _scope_value(t)
        if v:
            return v
    after = [t for t in ctx.timexes if f.end <= t.start and t.end <= c1 and t.type in SCOPE_TYPES]
    for t in sorted(after, key=lambda t: t.start):
        v = _scope_value(t)
        if v:
            return v
    return None


# ---- subjects ------------------------------------------------------------------------------------
def _key(text: str) -> str:
    k = text.lower()
    return k[:-1] if k.endswith("s") and len(k) > 4 else k


def _inside(span: tuple[int, int], region: tuple[int, int] | None) -> bool:
    return region is not None and region[0] <= span[0] and span[1] <= region[1]


def find_subjects(
    ctx: Ctx,
    f: Found,
    start: int,
    speaker: tuple[int, int] | None,
    region: tuple[int, int] | None = None,
    clause: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Mention spans the number concerns: mentions in its clause (not the speaker's, not inside a number);
    a number in parentheses belongs to the name right before them; "zwischen den beiden Ländern" -> the
    last two places named before (not one compared against: "nach China")."""
    text = ctx.text
    c0, c1 = clause or ctx.clause(f.start, f.end)
    out: list[tuple[int, int]] = []
    if c0 > 0 and text[c0 - 1] == "(":
        for m in ctx.mentions:
            if 0 <= c0 - 1 - m.end <= PAREN_GAP:
                out.append((m.start, m.end))
    for m in ctx.mentions:
        inside = c0 <= m.start and m.end <= c1 and (m.start, m.end) != speaker and m.type in SUBJECT_TYPES
        if (
            inside
            and ctx.in_timex(m.start, m.end) is None
            and not (start <= m.start < f.end)
            and not _inside((m.start, m.end), region)
            and not any(a <= m.start < b for a, b in ctx.busy)
        ):
            out.append((m.start, m.end))
    lx = ctx.lx
    if lx.group_re is not None and lx.group_re.search(text, c0, c1):
        seen: dict[str, tuple[int, int]] = {}
        for m in reversed(ctx.mentions):
            if m.end > start or m.type not in ("LOC", "ORG"):
                continue
            i = ctx.tok_at(m.start)
            if i > 0 and ctx.doc[i - 1].lower_ in lx.group_not_after:
                continue  # "nach China": compared against, not one of the two
            k = _key(m.text)
            if k not in seen:
                seen[k] = (m.start, m.end)
            if len(seen) == 2:
                break
        for span in seen.values():
            if span not in out:
                out.append(span)
    return sorted(set(out))


# ---- speaker -------------------------------------------------------------------------------------
Speaker = tuple[tuple[int, int] | None, str | None, tuple[int, int] | None]


def find_speaker(ctx: Ctx, f: Found, start: int, clause: tuple[int, int] | None = None) -> Speaker:
    """(speaker_span, speaker_text, region of the attribution): a source phrase in the number's own clause
    ("offiziell sind es zwölf"); a speech frame in that clause ("beziffert das Ministerium auf", "die
    Organisatoren sprachen von"); a source named in the sentence when the quote around the number is
    attributed outside that sentence; else the quote's speaker (an indirect quote whose cue stands in
    another sentence, or that has none, counts only in the Konjunktiv: an indicative sentence is the
    outlet's own report);
    else that source; else the default (the single agency of a wire copy, or the outlet)."""
    from newsgraph.extract.quantities import discourse
    from newsgraph.extract.quotes.lexicon import load as quote_lexicon

    text = ctx.text
    s0, s1 = ctx.sentence(f.start)
    c0, c1 = clause or ctx.clause(f.start, f.end)
    own = _sentence_source(ctx, c0, c1, f.start)
    if own is not None:
        return own
    quote = None
    qlx = quote_lexicon(ctx.lx.lang)
    for q in ctx.quotes:
        if q.start <= f.start and f.end <= q.end:
            cue = getattr(q, "cue_start", None)
            cue_here = cue is not None and s0 <= cue < s1
            if (
                getattr(q, "kind", "") in ("indirect", "free_indirect")
                and not cue_here
                and not _konjunktiv(ctx, qlx, s0, s1)
            ):
                continue  # an indicative sentence after a quote, without a cue of its own: the outlet's
            quote = q
            break
    if quote is None or getattr(quote, "kind", "") != "direct":
        dl = discourse.get(ctx.lx.lang)
        frame = discourse.speech_frame(ctx, dl, (c0, c1), start, qlx.verbs, qlx.noun_kind, qlx.passive)
        if frame is not None:
            return frame
    source = _sentence_source(ctx, s0, s1, f.start)
    if quote is not None:
        span = _quote_speaker_span(quote)
        if source is not None and (span is None or not (s0 <= span[0] < s1)):
            return source
        if span is not None:
            return (
                span,
                text[span[0] : span[1]]
                if quote.speaker_ref
                else (quote.speaker_text or text[span[0] : span[1]]),
                None,  # a quote's speaker may sit anywhere: no region kept from the measure
            )
        if quote.speaker_text:
            return None, quote.speaker_text, None
    if source is not None:
        return source
    return None, default_speaker(ctx), None


def _konjunktiv(ctx: Ctx, qlx: Any, a: int, b: int) -> bool:
    """Does [a, b) hold a Konjunktiv verb (the quote lexicon's forms; a finite full or modal verb with the
    Konjunktiv I ending when tagged) or the hearsay "sollen" with a perfect infinitive?"""
    doc = ctx.doc
    first, last = ctx.tok_at(a), ctx.tok_end(b)
    modal = next((k for k in range(first, last) if doc[k].lower_ in qlx.reportative), None)
    if modal is not None:
        for k in range(modal + 2, last):  # "sollen es getan haben", "soll verletzt worden sein"
            if doc[k].lower_ in qlx.reportative_perfect and (
                not ctx.tagged or doc[k - 1].tag_ in PARTICIPLE_TAGS
            ):
                return True
    for k in range(ctx.tok_at(a), ctx.tok_end(b)):
        t = doc[k]
        if t.text[:1].isupper():
            continue
        low = t.lower_
        prev = doc[k - 1].lower_ if k > 0 else ""
        if prev in qlx.first_person:
            continue
        if low in qlx.konj1 or low in qlx.konj2:
            return True
        if (
            ctx.tagged
            and t.tag_ in KONJ_TAGS
            and len(low) >= 4
            and low.endswith(qlx.konj_endings)
            and not low.endswith(qlx.konj_not_endings)
        ):
            return True
    return False


def default_speaker(ctx: Ctx) -> str | None:
    """The single news agency a wire copy names (when the outlet is another), else the outlet."""
    from newsgraph.extract.quantities import discourse

    document = getattr(ctx.doc._, "document", None)
    if document is None:
        return None
    outlet = getattr(document, "source", None)
    agencies = [a for a in (getattr(document, "agencies", None) or []) if a]
    if discourse.get(ctx.lx.lang).single_agency and len(agencies) == 1 and agencies[0] != outlet:
        return agencies[0]
    return outlet


def _sentence_source(ctx: Ctx, s0: int, s1: int, at: int) -> Speaker | None:
    """The source named in the sentence [s0, s1) nearest to position ``at``."""
    lx = ctx.lx
    text = ctx.text
    found: list[tuple[int, Speaker]] = []
    for m in ctx.mentions:
        if not (s0 <= m.start and m.end <= s1) or getattr(m, "form", "name") != "name":
            continue
        before = lx.source_before_re is not None and lx.source_before_re.search(
            text, max(s0, m.start - 30), m.start
        )
        after = lx.source_after_re is not None and lx.source_after_re.match(text[m.end : m.end + 20])
        if before or after:
            found.append((abs(m.start - at), ((m.start, m.end), m.text, (m.start, m.end))))
    if lx.source_re is not None:
        for m2 in lx.source_re.finditer(text, s0, s1):
            end = _source_np_end(ctx, m2.end(), s1)
            names = [
                (m.start, m.end)
                for m in ctx.mentions
                if m2.start() <= m.start and m.end <= end and getattr(m, "form", "name") == "name"
            ]
            found.append(
                (
                    abs(m2.start() - at),
                    (names[-1] if names else None, text[m2.start() : end], (m2.start(), end)),
                )
            )
    return min(found, key=lambda x: x[0])[1] if found else None


def _source_np_end(ctx: Ctx, pos: int, limit: int) -> int:
    """End of the noun phrase after a source phrase: "nach Angaben | der russischen Delegation"."""
    lx = ctx.lx
    doc = ctx.doc
    k = ctx.tok_end(pos)
    end = pos
    seen_noun = False
    steps = 0
    while k < len(doc) and doc[k].idx < limit and steps < 8:
        t = doc[k]
        if steps == 0 and t.lower_ not in lx.genitive and t.lower_ not in lx.source_np_openers:
            break
        if t.is_punct:
            break
        if ctx.is_noun(k):
            seen_noun = True
        elif seen_noun or steps > 0 and not ctx.is_modifier(k):
            break
        end = t.idx + len(t.text)
        k += 1
        steps += 1
    return end if seen_noun else pos


def _quote_speaker_span(q: Any) -> tuple[int, int] | None:
    if q.speaker_ref:
        return tuple(q.speaker_ref)  # type: ignore[return-value]
    if q.speaker_start is not None and q.speaker_end is not None:
        return (q.speaker_start, q.speaker_end)
    return None
