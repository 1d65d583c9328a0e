"""Acts of naming: "X nannte den Bericht eine „Zeitungsente“", "X bezeichnete Y als „…“".

What X said is the quoted name, and the quotes2024 gold marks only that phrase. Two cases:

- the object rule reads "X nannte Y „…“." as a reported speech act; when the quoted phrase ends the
  sentence, the candidate is kept until the learned screen has read it, then it gives way to the quoted
  phrase, with its speaker (``clauses.quoted_object``, ``settle``);
- a quoted phrase right after the naming particle ("als", grammar.toml ``naming``) in a sentence with a
  naming verb (frame "als" in verbs.toml) is a quote of that verb's subject, wherever the sentence's
  other quotes come from: "Die Äußerungen bezeichnete X als „Knaller aus Karlsruhe“ und glaubt, …"
  (``mark``, before the direct quotes are built).

The screen reads a bare short phrase as a title; the naming verb vouches for it, so ``settle`` puts back
what the screen dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.cues import find_verbs

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

FRAME = "named"  # the frame of a quoted phrase a naming act stands for
NAMING_FRAME = "als"  # the name of the naming frame in verbs.toml (a data key)
GAP = 2  # tokens (an article, an adjective) between the naming particle and the quoted name


def mark(ex: Extractor) -> None:
    """Attribute each quoted name after the naming particle to the naming verb of its sentence."""
    if not settings.QUOTES_NAMING:
        return
    toks, lex = ex.toks, ex.lex
    for k, (a, _b) in enumerate(ex.dq):
        if k in ex.direct_speaker or a <= 0 or a >= len(toks):
            continue
        j = next((x for x in range(a - 1, max(-1, a - 2 - GAP), -1) if toks[x].lower in lex.naming), None)
        after_particle = j is not None and not any(toks[x].is_punct for x in range(j + 1, a))
        s = toks[a].sent
        sa, sb = ex.v.sents[s]
        cue = next(
            (c for c in find_verbs(toks, sa, sb, ex.masked, lex) if NAMING_FRAME in c.sense.frames), None
        )
        if cue is None:
            continue
        if not after_particle and not (settings.QUOTES_NAMING_OBJECT and ends_object(ex, cue.last, k, sb)):
            continue
        cs = ex.clause_start(sa, cue.v)
        while cs < cue.v and toks[cs].lower in lex.clause_openers:
            cs += 1
        sp = ex.subject(s, sa, sb, cs, cue.v)
        if sp is None:
            continue
        ex.direct_speaker[k] = (sp, cue, FRAME)
        ex.named_quotes.add(k)


def ends_object(ex: Extractor, v: int, k: int, b: int) -> bool:
    """Is direct quote k the only one after the verb v, closing sentence [.., b) with no comma between
    ("Konaré, Präsident der AU, nannte dies einen „Militärputsch“.")?"""
    toks = ex.toks
    qa, qb = ex.dq[k]
    if qa <= v or any(toks[x].text == "," for x in range(v + 1, qa)):
        return False
    if any(v < a2 < qa for a2, _b2 in ex.dq):
        return False
    return all(t.is_punct for t in toks[qb:b])


def settle(ex: Extractor) -> list[Found]:
    """``ex.found`` after the screen: the naming candidates give way to their quoted phrase, and the
    quoted names the screen dropped come back."""
    directs = {(f.start, f.end): f for f in ex.found if f.kind == "direct"}
    out: list[Found] = []
    hosts = {id(f): k for f in ex.found if (k := ex.named.get(id(f))) is not None}
    for f in ex.found:
        if id(f) not in hosts:
            out.append(f)
    wanted = {k: None for k in ex.named_quotes}
    for f in ex.found:
        if id(f) in hosts:
            wanted[hosts[id(f)]] = f
    for k, host in wanted.items():
        m = ex.marked[k]
        quote = directs.get((m.start, m.end))
        if quote is None:
            sp, cue, _frame = ex.direct_speaker.get(k, (None, None, FRAME))
            if host is not None:
                sp, cue_rng, cue_text = host.speaker, host.cue, host.cue_text
            else:
                cue_rng = (cue.v, cue.last + 1) if cue is not None else None
                cue_text = ex.cue_text(cue) if cue is not None else None
            quote = Found(
                "direct", m.start, m.end, ex.toks[ex.dq[k][0]].sent, sp, cue_rng, cue_text, frame=FRAME
            )
            out.append(quote)
        elif host is not None and quote.speaker is None and quote.speaker_chars is None:
            quote.speaker, quote.cue, quote.cue_text = host.speaker, host.cue, host.cue_text
    return out
