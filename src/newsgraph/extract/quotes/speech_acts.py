"""Reported speech acts: a whole indicative main clause whose main verb reports what someone said.

"Die Polizei bittet um Hinweise", "Die Opposition fordert den Rücktritt", "Die Polizei geht von
Suizid aus": no complement clause, no Konjunktiv, no marker, yet the sentence reports a speech act and
the quotes2024 gold marks the whole sentence, speaker included. This stage runs after the rules and the
learned stages, on the sentences no quote touches: when the main verb's lemma (a separable particle
joined in front) is listed in ``lang/<lang>/quotes/speech_acts.toml``, the verb is indicative and its
subject is found, the sentence becomes a quote of kind "reported" with that subject as speaker.

It needs the tagger's tags and lemmas; on an untagged document it finds nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.cues import CLAUSE_STOP
from newsgraph.extract.quotes.tokens import Tok
from newsgraph.lang import load_toml

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

DATA = "quotes/speech_acts.toml"
FULL_FINITE = "VVFIN"
AUX_FINITE = ("VAFIN", "VMFIN")
NONFINITE = ("VVPP", "VVINF", "VVIZU")
PARTICLE = "PTKVZ"
QUESTION = "?"
ANY = "any"  # the pronoun gender of the generic and the first-person pronoun (grammar.toml)
SPEAKER_KINDS = frozenset({"name", "role", "source", "noun", "pronoun"})


@cache
def lemmas(lang: str) -> frozenset[str]:
    """The listed speech-act lemmas of ``lang``."""
    return frozenset(e["lemma"] for e in load_toml(lang, DATA).get("act", []))


def main_verb(toks: list[Tok], a: int, b: int) -> tuple[int, int | None, int | None, str] | None:
    """The main verb of the sentence toks[a:b] read as a main clause: (verb, auxiliary, particle, lemma).

    The first finite verb; after a finite auxiliary or modal, the participle or infinitive of its clause.
    A separable particle after a finite full verb is joined in front of its lemma.
    """
    for k in range(a, b):
        t = toks[k]
        if t.text in CLAUSE_STOP:
            return None  # a clause before the finite verb: not a plain main clause
        if t.tag == FULL_FINITE:
            part = None
            for j in range(k + 1, b):
                if toks[j].text in CLAUSE_STOP:
                    break
                if toks[j].tag == PARTICLE:
                    part = j
                    break
            if not t.lemma:
                return None
            lemma = t.lemma.lower()
            if part is not None:
                lemma = toks[part].lower + lemma
            return k, None, part, lemma
        if t.tag in AUX_FINITE:
            for j in range(k + 1, b):
                if toks[j].text in CLAUSE_STOP:
                    return None
                if toks[j].tag in NONFINITE and toks[j].lemma:
                    return j, k, None, toks[j].lemma.lower()
            return None
    return None


def find(ex: Extractor) -> list[Found]:
    """Reported speech acts in the sentences of ``ex`` that no quote found so far touches."""
    toks, lex = ex.toks, ex.lex
    if not ex.v.tagged:
        return []
    acts = lemmas(lex.lang)
    if not acts:
        return []
    out: list[Found] = []
    spans = [(f.start, f.end) for f in ex.found]
    for s, (a, b) in enumerate(ex.v.sents):
        if b - a < 3 or not toks[a].is_cap or toks[a].lower in lex.subordinators:
            continue
        if toks[a].lower in lex.prepositions_marker or any(i in ex.masked for i in range(a, b)):
            continue
        sa, sb = toks[a].start, toks[b - 1].end
        if any(qa < sb and sa < qb for qa, qb in spans):
            continue  # the sentence carries another quote
        mv = main_verb(toks, a, b)
        if mv is None:
            continue
        v, aux, part, lemma = mv
        if lemma not in acts or (aux is not None and not settings.QUOTES_SPEECH_ACT_PERFECT):
            continue
        if ex.is_konj(v) or (aux is not None and (ex.is_konj(aux) or toks[aux].lower in lex.passive)):
            continue  # Konjunktiv (the rules' business) or a passive without its agent
        finite = aux if aux is not None else v
        if finite == a or toks[b - 1].text == QUESTION:
            continue  # verb first or a question mark: a question or an imperative, no report
        sp = ex.clause_subject(s, b - 1) or speaker.subject_after(toks, finite, b, lex)  # "Dabei nannte er"
        if sp is None or sp.kind not in SPEAKER_KINDS or sp.a <= finite < sp.b:
            continue
        if sp.kind == "pronoun" and lex.pronoun_gender.get(toks[sp.head].lower) == ANY:
            continue  # the generic or first-person pronoun: a definition or the author, not a report
        ms, me = ex.chars(a, b)
        if len(ex.v.text[ms:me].split()) < 3:
            continue
        last = part if part is not None else v
        cue_text = toks[v].text if part is None else f"{toks[v].text} … {toks[part].text}"
        out.append(Found("reported", ms, me, s, sp, (v, last + 1), cue_text, frame="act"))
    return out
