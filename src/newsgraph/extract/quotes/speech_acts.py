"""Reported speech acts: a whole indicative main clause whose main verb reports what someone said.

"Die Polizei bittet um Hinweise", "Die Opposition fordert den Rücktritt", "Die Polizei geht von
Suizid aus": no complement clause, no Konjunktiv, no marker, yet the sentence reports a speech act and
the quotes2024 gold marks the whole sentence, speaker included. This stage runs after the rules and the
learned stages, on the sentences no quote touches: when the main verb's lemma (a separable particle
joined in front) is listed in ``lang/<lang>/quotes/speech_acts.toml``, the verb is indicative and its
subject is found, the sentence becomes a quote of kind "reported" with that subject as speaker. An
apposition between subject and verb is passed over ("Lars Schauer, Manager von Energie Cottbus,
bezeichnete …"); a listed act in the passive counts when it names its agent ("Von Unionspolitikern wurden
die Äußerungen als geschmacklos bezeichnet", the agent prepositions in the data file), the agent speaking.

It needs the tagger's tags and lemmas; on an untagged document it finds nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.cues import CLAUSE_STOP
from newsgraph.extract.quotes.speaker import NP
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
APPOSITION_MARK = ","
APPOSITION_MAX = 12  # tokens an apposition may take
NOT_APPOSITION = ("PRELS", "PRELAT", "KOUS", "KOUI", "PWS", "PWAV")  # a relative or subordinate clause
ANY = "any"  # the pronoun gender of the generic and the first-person pronoun (grammar.toml)
SPEAKER_KINDS = frozenset({"name", "role", "source", "noun", "pronoun"})
AGENT_KINDS = frozenset({"name", "role", "source", "noun"})
PARTICIPLE = "VVPP"
PASSIVE_FRAME = "act_passive"  # its agent is a trusted speaker (speakers.toml, trusted_frames)


@cache
def lemmas(lang: str) -> frozenset[str]:
    """The listed speech-act lemmas of ``lang``."""
    return frozenset(e["lemma"] for e in load_toml(lang, DATA).get("act", []))


def main_verb(toks: list[Tok], a: int, b: int) -> tuple[int, int | None, int | None, str] | None:
    """The main verb of the sentence toks[a:b] read as a main clause: (verb, auxiliary, particle, lemma).

    The first finite verb; after a finite auxiliary or modal, the participle or infinitive of its clause.
    A separable particle after a finite full verb is joined in front of its lemma.
    """
    k = a - 1
    while k + 1 < b:
        k += 1
        t = toks[k]
        if t.text in CLAUSE_STOP:
            skip = apposition_end(toks, k, b) if settings.QUOTES_SPEECH_ACT_APPOSITION else None
            if skip is None:
                return None  # a clause before the finite verb: not a plain main clause
            k = skip
            continue
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


def apposition_end(toks: list[Tok], k: int, b: int) -> int | None:
    """The closing comma of an apposition opened by the comma toks[k] ("Lars Schauer, Manager von
    Energie Cottbus, bezeichnete …"): a verbless stretch of a few words up to a comma that a finite verb
    follows. None when toks[k] opens anything else."""
    if toks[k].text != APPOSITION_MARK:
        return None
    for c in range(k + 1, min(b - 1, k + 1 + APPOSITION_MAX)):
        t = toks[c]
        if t.text == APPOSITION_MARK:
            nxt = toks[c + 1].tag
            return c if c > k + 1 and (nxt == FULL_FINITE or nxt in AUX_FINITE) else None
        if t.text in CLAUSE_STOP or t.tag.startswith("V") or t.tag in NOT_APPOSITION:
            return None
    return None


def passive_agent(ex: Extractor, a: int, b: int, finite: int) -> NP | None:
    """The agent of a passive speech act: the phrase after an agent preposition ("von den Veranstaltern",
    "seitens der Regierung"), before or after the finite auxiliary."""
    toks, lex = ex.toks, ex.lex
    preps = agent_prepositions(lex.lang)
    for j in range(a, b - 1):
        if toks[j].lower not in preps or j + 1 == finite:
            continue
        np_ = speaker.parse_np(toks, j + 1, finite if j < finite else b, lex, oblique=True)
        if np_ is not None and np_.kind in AGENT_KINDS:
            return np_
    return None


@cache
def agent_prepositions(lang: str) -> frozenset[str]:
    return frozenset(load_toml(lang, DATA).get("passive_agent", {}).get("prepositions", []))


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
        passive = aux is not None and toks[aux].lower in lex.passive and toks[v].tag == PARTICIPLE
        if lemma not in acts or ex.is_konj(v) or (aux is not None and ex.is_konj(aux)):
            continue  # not a listed act, or Konjunktiv (the rules' business)
        finite = aux if aux is not None else v
        if finite == a or toks[b - 1].text == QUESTION:
            continue  # verb first or a question mark: a question or an imperative, no report
        if passive:  # "Von Unionspolitikern wurden die Äußerungen als geschmacklos bezeichnet"
            sp = passive_agent(ex, a, b, finite) if settings.QUOTES_SPEECH_ACT_PASSIVE else None
            if sp is None:
                continue  # a passive without its agent names no speaker
        else:
            if aux is not None and not settings.QUOTES_SPEECH_ACT_PERFECT:
                continue
            sp = ex.clause_subject(s, b - 1) or speaker.subject_after(toks, finite, b, lex)  # "nannte er"
        if sp is None or sp.kind not in SPEAKER_KINDS or sp.a <= finite < sp.b:
            continue
        if sp.kind == "pronoun" and lex.pronoun_gender.get(toks[sp.head].lower) == ANY:
            continue  # the generic or first-person pronoun: a definition or the author, not a report
        ms, me = ex.chars(a, b)
        if len(ex.v.text[ms:me].split()) < 3:
            continue
        last = part if part is not None else v
        cue_text = toks[v].text if part is None else f"{toks[v].text} … {toks[part].text}"
        frame = PASSIVE_FRAME if passive else "act"
        out.append(Found("reported", ms, me, s, sp, (v, last + 1), cue_text, frame=frame))
    return out
