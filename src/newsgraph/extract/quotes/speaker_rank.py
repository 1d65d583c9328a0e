"""A learned speaker ranker: the rules propose, a linear model picks.

After the rule stages (``speaker``, ``speaker_select``) each quote has a speaker phrase or none.
Here the candidates of a quote are gathered — the rule's pick, the speaker phrases of the quote's
sentence and of the sentences before it (``Selector.candidates``), the phrases the second-look rules
would take (relative pronoun, passive source, "„…“, so X", the pronoun after the cue), the previous
quote's speaker — plus "no speaker". Each gets string features (distance, position to the cue and
the message, case cues, kind, NER type, which rule proposed it …); a linear model
(``lang/<lang>/quotes/speaker_model.json``, trained listwise by ``scripts/quotes/train_speaker.py``)
scores them, and the best one becomes the speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from newsgraph.extract.quotes import linear
from newsgraph.extract.quotes.candidates import NESTED_FRAME, Found
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_select import NOT, SURE, Selector
from newsgraph.extract.quotes.tokens import Tok

MODEL = "speaker_model"
BACK = 3  # sentences before the message searched for candidates
MAX_CANDS = 30
LEVELS = {NOT: "not", SURE: "sure"}


@dataclass(slots=True)
class SpeakerCand:
    a: int  # token range [a, b); a == b == -1 for "no speaker"
    b: int
    np: NP | None
    origins: set[str] = field(default_factory=set)
    feats: list[str] = field(default_factory=list)


def _bucket(x: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if x <= e:
            return str(e)
    return f">{edges[-1]}"


def blocked_tokens(sel: Selector, found: list[Found]) -> set[int]:
    """Tokens inside quotation marks: no speaker there (an indirect message may hold one, so a
    candidate inside it only carries the feature ``in_msg``)."""
    return sel.v.covered((g.start, g.end) for g in found if g.kind == "direct")


def rule_span(sel: Selector, f: Found) -> tuple[int, int] | None:
    if f.speaker is not None:
        return f.speaker.a, f.speaker.b
    if f.speaker_chars is not None:
        a = sel.v.tok_at(f.speaker_chars[0])
        b = sel.v.last_tok(f.speaker_chars[0], f.speaker_chars[1]) + 1
        if a < len(sel.toks):
            return a, min(b, len(sel.toks))
    return None


def capitalised_positions(toks: list[Tok]) -> dict[str, list[int]]:
    """Capitalised word -> its token positions, in order (how salient a name is before a point)."""
    where: dict[str, list[int]] = {}
    for t in toks:
        if t.is_cap:
            where.setdefault(t.lower, []).append(t.i)
    return where


def candidates(
    sel: Selector,
    f: Found,
    blocked: set[int],
    prev: tuple[int, int] | None,
    where: dict[str, list[int]] | None = None,
) -> list[SpeakerCand]:
    """The speaker candidates of ``f`` (the last one is "no speaker"), with their features.
    ``where``: ``capitalised_positions`` of the document (computed here when not given)."""
    v, toks = sel.v, sel.toks
    n = len(toks)
    m = min(v.tok_at(f.start), n - 1)
    me = min(v.last_tok(f.start, f.end), n - 1)
    anchor = f.cue[0] if f.cue is not None else m
    s0, s_end = toks[m].sent, toks[me].sent
    s_cue = toks[anchor].sent
    cands: dict[tuple[int, int], SpeakerCand] = {}

    def add(a: int, b: int, np_: NP | None, origin: str) -> None:
        c = cands.get((a, b))
        if c is None:
            c = cands[(a, b)] = SpeakerCand(a, b, np_)
        if c.np is None:
            c.np = np_
        c.origins.add(origin)

    rule = rule_span(sel, f)
    if rule is not None:
        add(rule[0], rule[1], f.speaker, "rule")
    lo_s = max(0, min(s0, s_cue) - BACK)
    hi_s = min(len(v.sents) - 1, max(s_end, s_cue))
    for s in range(lo_s, hi_s + 1):
        sa, sb = v.sents[s]
        ranked = sorted(sel.candidates(sa, sb, blocked, anchor, keep_all=True), key=lambda c: -c.score)
        for rank, c in enumerate(ranked):
            add(c.np.a, c.np.b, c.np, f"sent_rank{min(rank, 3)}" if c.score > 0 else "low")
    extra: list[tuple[str, NP | None]] = []
    if f.kind == "direct":
        extra.append(("post", sel.after_quote(f)))
    if f.cue is not None:
        extra.append(("rel", sel.relative(f)))
        extra.append(("psrc", sel.passive_source(f, blocked)))
        if f.speaker is not None:
            extra.append(("inv", sel.inverted_pronoun(f, sel.level(f.speaker))))
    elif f.kind != "direct":
        extra.append(("lead", sel.leading_source(f, blocked)))
    for origin, np_ in extra:
        if np_ is not None:
            add(np_.a, np_.b, np_, origin)
    if prev is not None:
        add(prev[0], prev[1], None, "prev")
    out = sorted(cands.values(), key=lambda c: ("rule" not in c.origins, abs(c.a - anchor)))[:MAX_CANDS]
    ctx = _context(sel, f, rule)
    if where is None:
        where = capitalised_positions(toks)
    for c in out:
        c.feats = _features(sel, f, c, anchor, m, me, s0, ctx, prev, where, rule)
    none = SpeakerCand(-1, -1, None, {"none"})
    none.feats = ["none"] + [f"none|{x}" for x in ctx] + [f"none|n={_bucket(len(out), (0, 1, 3, 6))}"]
    near = [c for c in out if c.a >= 0 and s0 - toks[c.a].sent in (0, 1)]  # what the frame offers
    best = max((x for c in near for x in c.feats if x.startswith("sc=")), default="sc=-", key=_score_of)
    none.feats.append(f"none|best_{best}")
    none.feats.append(f"none|{f.kind}|best_{best}")
    for c in near:
        none.feats += [f"none|near_{x}" for x in c.feats if x.startswith(("ner=", "np="))]
    out.append(none)
    return out


def _score_of(feat: str) -> float:
    try:
        return float(feat[3:])
    except ValueError:
        return -9.0


def _context(sel: Selector, f: Found, rule: tuple[int, int] | None) -> list[str]:
    out = [f"k={f.kind}", f"cue={f.cue is not None}", f"frame={f.frame}", f"src={f.source is not None}"]
    if rule is None:
        out.append("rule=none")
    elif f.speaker is not None:
        out.append(f"rule={f.speaker.kind}")
        out.append(f"rule_lvl={LEVELS.get(sel.level(f.speaker), 'unk')}")
        out.append(f"rule_k={f.kind}|{f.speaker.kind}")
    else:
        out.append("rule=copied")
    if f.cue is not None and sel.passive(f):
        out.append("passive")
    return out


def _features(
    sel: Selector,
    f: Found,
    c: SpeakerCand,
    anchor: int,
    m: int,
    me: int,
    s0: int,
    ctx: list[str],
    prev_span: tuple[int, int] | None,
    where: dict[str, list[int]],
    rule: tuple[int, int] | None,
) -> list[str]:
    toks, lex = sel.toks, sel.lex
    a, b = c.a, c.b
    k = f.kind
    base: list[str] = sorted(f"o={o}" for o in c.origins)
    first = toks[a]
    np_ = c.np
    kind = np_.kind if np_ is not None else "span"
    base.append(f"np={kind}")
    types = sorted({sel.mention_at[x] for x in range(a, b) if x in sel.mention_at})
    base.append(f"ner={'+'.join(types) or '-'}")
    if np_ is not None:
        base.append(f"lvl={LEVELS.get(sel.level(np_), 'unk')}")
        sa = sel.v.sents[toks[a].sent][0]
        sc = sel.score(np_, sa, anchor)
        base.append(f"sc={max(-2, min(4, round(sc * 2) / 2))}")
        if sel.oblique(np_):
            base.append("oblique")
        if a > 0 and sel.attached(np_):
            base.append("attached")
        if sel.after_prep(a, sa):
            base.append("after_prep")
    sd = s0 - toks[a].sent
    base.append(f"sd={max(-1, min(sd, 4))}")
    if f.cue is not None:
        cs = toks[f.cue[0]].sent
        base.append(f"cue_sd={max(-1, min(cs - toks[a].sent, 4))}")
        if b <= f.cue[0]:
            base.append(f"before_cue={_bucket(f.cue[0] - b, (0, 1, 2, 4, 8, 16))}")
        elif a >= f.cue[1]:
            base.append(f"after_cue={_bucket(a - f.cue[1], (0, 1, 2, 4, 8, 16))}")
        else:
            base.append("at_cue")
    if b <= m:
        base.append(f"before_msg={_bucket(m - b, (0, 1, 2, 4, 8, 16, 32))}")
    elif a > me:
        base.append(f"after_msg={_bucket(a - me, (0, 1, 2, 4, 8, 16))}")
    else:
        base.append("in_msg")
    prev = toks[a - 1] if a > 0 else None
    if prev is None or prev.sent != first.sent:
        base.append("p=start")
    elif prev.is_quote or prev.is_punct:
        base.append(f"p={prev.text}")
    else:
        base.append(f"pt={prev.tag}")
        if prev.lower in lex.prepositions:
            base.append("p=prep")
            base.append(f"pp={prev.lower}")
    nxt = toks[b] if b < len(toks) else None
    if nxt is not None:
        base.append(f"nt={nxt.tag}" if not nxt.is_punct else f"n={nxt.text}")
    base.append(f"t1={first.tag}")
    if kind == "pronoun":
        base.append(f"w1={first.lower}")
    elif first.lower in lex.det_nom:
        base.append("det=nom")
    elif first.lower in lex.det_obl:
        base.append("det=obl")
    elif first.lower in lex.det_gen:
        base.append("det=gen")
    base.append(f"len={_bucket(b - a, (1, 2, 3, 5, 8))}")
    last = toks[b - 1].lower
    if prev_span is not None and toks[prev_span[1] - 1].lower == last:
        base.append("same_as_prev")
    seen = bisect.bisect_left(where.get(last, []), a) if toks[b - 1].is_cap else -1
    base.append(f"seen={_bucket(seen, (-1, 0, 1, 3))}")
    ner = types[0] if types else "-"
    pos = next((x for x in base if x.startswith(("before_cue", "after_cue", "at_cue"))), "nocue")
    msg = next(x for x in base if x.startswith(("before_msg", "after_msg", "in_msg")))
    base += [
        f"{kind}|{ner}|sd={max(-1, min(sd, 4))}",
        f"{kind}|{pos}",
        f"{ner}|{pos}",
        f"{kind}|{msg}",
        f"{base[-1]}|{kind}",
    ]
    if rule is not None and "o=rule" not in base:
        if a < rule[1] and rule[0] < b:
            base.append("vs_rule=overlap")
        else:
            where_s = "same_sent" if toks[rule[0]].sent == toks[a].sent else "other_sent"
            base.append(f"vs_rule={where_s}|{'before' if b <= rule[0] else 'after'}")
    out = list(base)
    out.append(f"head={last}")
    if f.cue is not None:
        cue = toks[f.cue[0]].lemma or toks[f.cue[0]].lower
        out.append(f"cue={cue}|{pos}")
    out += [f"{k}|{x}" for x in base]
    if "o=rule" in base:
        out += [f"rule|{x}" for x in ctx]
    return out


def rerank(sel: Selector, found: list[Found]) -> None:
    """Give each quote of ``found`` the speaker the model ranks best (in place)."""
    model = linear.load(sel.lex.lang, MODEL)
    if model is None or not found:
        return
    blocked = blocked_tokens(sel, found)
    where = capitalised_positions(sel.toks)  # once per document
    prev: tuple[int, int] | None = None
    nested = [f for f in found if f.frame == NESTED_FRAME and f.source is not None]
    for f in sorted(found, key=lambda g: g.start):
        if f.frame == NESTED_FRAME and f.source is not None:
            continue  # it follows the sentence it stands in (below)
        if f.kind == "direct" and sel.words.parenthesis and sel.parenthesis(f) is not None:
            prev = rule_span(sel, f)  # "Mohammed ElBaradei („…“)": the frame names the speaker
            continue
        cands = candidates(sel, f, blocked, prev, where)
        scores = [model.proba(c.feats)[1] for c in cands]
        best = cands[max(range(len(cands)), key=lambda i: scores[i])]
        src = f.source
        apply(sel, f, best)
        if "rule" in best.origins and src is not None and f.speaker is None:
            # a continuation the model left to the rules follows its source's new speaker
            span = rule_span(sel, src)
            f.speaker_chars = None if span is None else (sel.toks[span[0]].start, sel.toks[span[1] - 1].end)
        span = rule_span(sel, f)
        if span is not None:
            prev = span
    for f in nested:
        f.speaker, f.speaker_chars = None, f.source.inherited_speaker(sel.toks)


def apply(sel: Selector, f: Found, c: SpeakerCand) -> None:
    if "rule" in c.origins:
        return  # the rules' own pick: keep it with its continuation links
    f.source = None
    if c.a < 0:
        f.speaker, f.speaker_chars = None, None
        return
    np_ = c.np or NP(c.a, c.b, "name", c.b - 1)
    f.speaker, f.speaker_chars = np_, None
