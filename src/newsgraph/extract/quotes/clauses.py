"""Clause shapes the message boundaries need (tagger tags, no words): is a preposed stretch a main
clause, is a fronted subordinate clause the prefield, does an infinitive follow its cue without the
comma, is a comma phrase verbless, does a contrast go on in the Konjunktiv, which quoted phrase closes
an object. Each takes the ``Extractor`` whose tokens it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.cues import Cue, clause_end

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

RELATIVE_TAGS = ("PRELS", "PRELAT")  # a relative clause
SUBORDINATOR_TAGS = ("KOUS", "KOUI")  # a subordinate clause: "weil", "damit"; "um … zu"
FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
WH_TAGS = ("PWAV", "PWS", "PWAT")  # "warum", "wer", "welche": an indirect question
CLOSING_TAGS = ("VVPP", "PTKVZ")  # a participle or a separable particle closes its clause
CLAUSE_OPENING_TAGS = ("KOUS", "KOUI", "KON", "PRELS", "PWAV", "PWS", "$,", "$.", "$(")


def quoted_object(ex: Extractor, v: int, b: int) -> int | None:
    """The direct quote (its index) that is the only one after the verb v and ends sentence [.., b)."""
    inside = [k for k, (qa, qb) in enumerate(ex.dq) if v < qa and qb <= b]
    if len(inside) != 1:
        return None
    qb = ex.dq[inside[0]][1]
    if not all(t.is_punct for t in ex.toks[qb:b]):
        return None  # the quoted phrase does not end the sentence: the object goes on
    return inside[0]


def extraposed_zu(ex: Extractor, cue: Cue, b: int) -> bool:
    """Does an infinitive clause without its comma follow the cue that closes its clause (a participle
    or a separable particle: "hat angekündigt die Preise zu erhöhen", "bietet an den Lohn zu erhöhen")?"""
    toks, n = ex.toks, cue.last + 1
    if not ex.v.tagged or n >= b or toks[cue.last].tag not in CLOSING_TAGS:
        return False
    if toks[n].tag in CLAUSE_OPENING_TAGS or toks[n].lower in ex.lex.coordination:
        return False
    return ex.zu_clause(n, b)


def fronted_clause(ex: Extractor, a: int, ca: int) -> bool:
    """Is [a, ca) a subordinate clause opening the sentence, with the finite verb of the main clause at
    ca ("Nachdem Fossett Probleme hatte, geht es ihm …")?"""
    toks = ex.toks
    return (
        toks[a].tag == "KOUS"
        and toks[ca - 1].text == ","
        and toks[ca].tag in FINITE_TAGS
        and not ex.is_konj(ca)
        and sum(1 for t in toks[a:ca] if t.tag in FINITE_TAGS) == 1
    )


def main_clause(ex: Extractor, a: int, b: int) -> bool:
    """Can tokens [a, b) be a preposed message: a main clause whose finite verb comes before any comma
    ("Die Lage ist ernst, sagte X"), not a fronted subordinate clause, a phrase with a relative
    clause or an apposition ("Nachdem …, forderten beide", "In einer Botschaft, die …, sagte X")?"""
    if not settings.QUOTES_POSTPOSED_MAIN or not ex.v.tagged:
        return True
    toks = ex.toks
    if toks[a].tag in WH_TAGS:
        return False
    if any(toks[x].text == "," and toks[x + 1].tag in FINITE_TAGS for x in range(a + 1, b - 1)):
        return True  # "Als Kämpfer die Stadt einnahmen, töteten sie …": a fronted clause, then the verb
    if toks[a].tag in SUBORDINATOR_TAGS:
        return False
    for t in toks[a:b]:
        if t.tag in FINITE_TAGS:
            return True
        if t.text == "," and t.i not in ex.masked:
            return False
    return False


def verbless(ex: Extractor, a: int, b: int) -> bool:
    """Tokens [a, b) hold no verb and open no clause (an apposition or a phrase split by commas)."""
    return not any(
        t.tag.startswith("V") or t.tag in RELATIVE_TAGS or t.tag in SUBORDINATOR_TAGS for t in ex.toks[a:b]
    )


def reported_on(ex: Extractor, n: int, b: int) -> bool:
    """Does the clause opening at token n ("aber es seien auch Fragen gestellt worden") go on reporting in
    the Konjunktiv I (so that "…, aber …" does not end the message)?"""
    if not settings.QUOTES_BREAK_KONJ:
        return False
    e = clause_end(ex.toks, n + 1, b, ex.masked)
    return any(ex.is_konj(i) and ex.toks[i].lower not in ex.lex.konj2 for i in range(n + 1, e))
