"""Clause shapes the message boundaries need (tagger tags, no words): is a preposed stretch a main
clause, is a fronted subordinate clause the prefield, does an infinitive follow its cue without the
comma, is a comma phrase verbless, does a contrast go on in the Konjunktiv, which quoted phrase closes
an object, is an infinitive a purpose clause, where a reported stretch ends before the main clause or
the source after it. Each takes the ``Extractor`` whose tokens it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.cues import Cue, clause_end

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

RELATIVE_TAGS = ("PRELS", "PRELAT")  # a relative clause
PREPOSITION_TAGS = ("APPR", "APPRART")  # a preposition (a relative pronoun after one: "…, nach denen …")
SUBORDINATOR_TAGS = ("KOUS", "KOUI")  # a subordinate clause: "weil", "damit"; "um … zu"
FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
ARTICLE_TAG = "ART"  # an article ("die „Bild“-Zeitung", "laut NAME der Sprecher")
NAME_TAG = "NE"  # a word of a proper name
WH_TAGS = ("PWAV", "PWS", "PWAT")  # "warum", "wer", "welche": an indirect question
CLOSING_TAGS = ("VVPP", "PTKVZ")  # a participle or a separable particle closes its clause
# what follows "so" when it names a source ("so der Minister", "so Müller", "so heißt es in …")
SOURCE_OPENING_TAGS = ("NE", "NN", "ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "VVFIN", "VAFIN")
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


def final_cue(ex: Extractor, a: int, b: int, v: int) -> bool:
    """Is cue v the last word of a subordinate or relative clause that a comma closes, its complement after
    the comma ("Während X ankündigte, …", "Ägypten, das vorschlug, …")?"""
    if not settings.QUOTES_FINAL_CUE or not ex.v.tagged or v + 2 >= b or ex.toks[v + 1].text != ",":
        return False
    cs = ex.clause_start(a, v)
    return cs < v and ex.toks[cs].tag in SUBORDINATOR_TAGS + RELATIVE_TAGS


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


def purpose_clause(ex: Extractor, n: int, b: int) -> bool:
    """Does the infinitive clause at n open with "um", "ohne", "statt" (tag KOUI, maybe after one adverb:
    "nur um … zu finden")? A purpose clause, not the complement of the cue."""
    if not settings.QUOTES_ZU_PURPOSE or not ex.v.tagged:
        return False
    toks = ex.toks
    return toks[n].tag == "KOUI" or (n + 1 < b and toks[n].tag == "ADV" and toks[n + 1].tag == "KOUI")


def main_clause_after(ex: Extractor, a: int, b: int) -> int:
    """Where a reported stretch [a, b) ends before a main clause that follows it after a comma and opens
    with an indicative finite verb ("Sie wisse, dass …, hatte X damals gesagt", "…, zitiert Y aus …"):
    that comma, when the stretch opens with a main clause in the Konjunktiv (its verb before the first
    comma, not in a relative clause: "Der Zugang, wo … sichern soll, wird … bezeichnet"); else b."""
    if not settings.QUOTES_UNIT_TAIL or not ex.v.tagged or a >= b:
        return b
    toks = ex.toks
    if toks[a].tag in SUBORDINATOR_TAGS:
        return b  # "Nachdem X …, wurde er festgenommen": a fronted clause, then its main clause
    konj = False
    for x in range(a, b - 1):
        if x in ex.masked:
            continue
        if ex.is_konj(x, reportative=True):
            konj = True
        elif not konj and toks[x].text == ",":
            return b
        elif (
            konj
            and toks[x].text == ","
            and toks[x + 1].tag in FINITE_TAGS
            and not ex.is_konj(x + 1)
            and any(not t.is_punct for t in toks[x + 2 : b])  # a clause, not a stray verb at the end
        ):
            return x
        elif konj and toks[x].text == "," and settings.QUOTES_UNIT_TAIL_SOURCE and source_tail(ex, x + 1, b):
            return x  # "…, so Ute Bader", "…, wie der Verband am Montag bekannt gab"
    return b


def source_tail(ex: Extractor, n: int, b: int) -> bool:
    """Does a source clause open at token n and close the sentence [.., b): "so X (weiter)", "so heißt es
    in …" (a noun phrase or an indicative verb after "so"), "wie X … bekannt gab" (its verb indicative)?"""
    toks, lex = ex.toks, ex.lex
    if n + 1 >= b:
        return False
    e = clause_end(toks, n + 1, b, ex.masked)
    if any(not t.is_punct for t in toks[e:b]):
        return False  # an inserted clause, the message goes on after it
    if toks[n].lower in lex.so_words:
        return toks[n + 1].tag in SOURCE_OPENING_TAGS and not ex.is_konj(n + 1)
    if toks[n].lower in lex.wie_words:
        return e - 1 > n + 1 and toks[e - 1].tag in FINITE_TAGS and not ex.is_konj(e - 1)
    return False
