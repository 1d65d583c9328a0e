"""Speech cues in a sentence: speech verbs (with their particle, 'sich' or 'es') and markers."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import settings
from newsgraph.extract.quotes.lexicon import Lexicon, VerbSense
from newsgraph.extract.quotes.tokens import QUOTE_CHARS, Tok

CLAUSE_STOP = frozenset({",", ".", ":", ";", "!", "?"})
NOT_PARTICLE_TAGS = frozenset({"PTKZU", "APPR", "APPRART", "PTKA"})  # "zu sagen", "mit …": no verb particle


@dataclass(slots=True)
class Cue:
    v: int  # token index of the finite verb (or the joined verb-final form)
    sense: VerbSense
    particle: int | None = None  # token index of the separable particle

    @property
    def last(self) -> int:
        return self.particle if self.particle is not None else self.v


def clause_end(toks: list[Tok], i: int, end: int, masked: set[int]) -> int:
    """First clause-stopping punctuation at or after ``i`` (quoted material is skipped)."""
    j = i
    while j < end:
        if j not in masked and toks[j].text in CLAUSE_STOP:
            return j
        j += 1
    return end


def find_verbs(toks: list[Tok], a: int, b: int, masked: set[int], lex: Lexicon) -> list[Cue]:
    out: list[Cue] = []
    for i in range(a, b):
        if i in masked:
            continue
        t = toks[i]
        split = _split_particle(toks, i, a, b, masked, lex)
        if split is not None:
            out.append(split)
            continue
        senses = lex.verbs.get(t.lower)
        if not senses:
            continue
        if t.is_cap and i != a:
            continue  # a noun ("Angaben"), not the verb ("angaben")
        if t.tag and not (t.tag.startswith("V") or t.tag in ("ADJD", "NN", "")):
            continue
        if t.tag == "NN" and t.is_cap:
            continue
        chosen: Cue | None = None
        for sense in senses:
            if sense.particle:
                p = next(
                    (
                        j
                        for j in range(i + 1, b)
                        if j not in masked
                        and toks[j].lower == sense.particle
                        and (j + 1 >= b or toks[j + 1].text in CLAUSE_STOP)
                    ),
                    None,
                )
                if p is None:
                    continue
                if sense.reflexive and not _near(toks, i, lex.reflexive, 4):
                    continue
                chosen = Cue(i, sense, p)
                break
            if sense.reflexive and not _near(toks, i, lex.reflexive, 4):
                continue
            if sense.impersonal and not _near(toks, i, lex.expletive, 2):
                continue
            if chosen is None:
                chosen = Cue(i, sense)
        if chosen is not None:
            out.append(chosen)
    return out


def _split_particle(toks: list[Tok], i: int, a: int, b: int, masked: set[int], lex: Lexicon) -> Cue | None:
    """A clause-final verb right after its separated particle ("wie X bekannt gab", "hat … bekannt
    gegeben, dass"): the verb-final joined form ("bekanntgab", "bekanntgegeben")."""
    if not settings.QUOTES_SPLIT_PARTICLE or i <= a or i - 1 in masked:
        return None
    p = toks[i - 1]
    if p.lower not in lex.particles or p.tag in NOT_PARTICLE_TAGS:
        return None
    if i + 1 < b and toks[i + 1].text not in CLAUSE_STOP:
        return None
    joined = [s for s in lex.verbs.get(p.lower + toks[i].lower, ()) if s.joined and not s.reflexive]
    return Cue(i, joined[0]) if joined else None


def _near(toks: list[Tok], i: int, words: frozenset[str], k: int) -> bool:
    lo, hi = max(0, i - k), min(len(toks), i + k + 1)
    return any(toks[j].lower in words for j in range(lo, hi) if j != i)


def is_quote_tok(t: Tok) -> bool:
    return t.text in QUOTE_CHARS
