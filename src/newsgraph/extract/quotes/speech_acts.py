"""Reported speech acts: a whole indicative main clause whose main verb reports what someone said.

"Die Polizei bittet um Hinweise", "Die Opposition fordert den Rücktritt", "Die Polizei geht von
Suizid aus": no complement clause, no Konjunktiv, no marker, yet the sentence reports a speech act and
the quotes2024 gold marks the whole sentence, speaker included. This stage runs after the rules and the
learned stages, on the sentences no quote touches: when the main verb's lemma (a separable particle
joined in front) is listed in ``lang/<lang>/quotes/speech_acts.toml``, the verb is indicative and its
subject is found, the sentence becomes a quote of kind "reported" with that subject as speaker. An
apposition or a relative clause between subject and verb is passed over ("Lars Schauer, Manager von
Energie Cottbus, bezeichnete …"; "Gutachter, die …, gehen von … aus"), and so is a content clause that
opens the sentence ("Dass …, empfanden Anwohner als Lärmbelästigung", the subject after the verb); a
listed act in the passive counts when it names its agent ("Von Unionspolitikern wurden die Äußerungen als
geschmacklos bezeichnet", the agent prepositions in the data file), the agent speaking; a perfect or
pluperfect ("hat … aufgefordert") counts with a subject of the kinds the data file lists
(settings.QUOTES_SPEECH_ACT_PERFECT). A naming act in the passive without its agent counts after the
opening predicative phrase the data file allows ("Als Grund wurde … genannt"; no speaker phrase;
settings.QUOTES_SPEECH_ACT_AGENTLESS), and a coordinated list of subjects before the verb is passed over
("Transparency International, Campact und LobbyControl werfen … vor"; settings.QUOTES_SPEECH_ACT_LIST).
A word a lemma ``needs`` ("von" for "ausgehen") must come before the participle of a perfect or
passive. A relative clause that an earlier stage took for a quote ("…, der von Beobachtern überwacht
werden soll") gives way to the act around it when it has no Konjunktiv: its modal belongs to the demand.
A negated act ("… wurden von den Behörden nicht genannt") reports nothing said
(settings.QUOTES_SPEECH_ACT_NEGATED; the negation words in the data file).

It needs the tagger's tags and lemmas; on an untagged document it finds nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import RELATIVE_TAGS
from newsgraph.extract.quotes.cues import CLAUSE_STOP
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import Tok
from newsgraph.lang import load_toml

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

DATA = "quotes/speech_acts.toml"
FULL_FINITE = "VVFIN"
AUX_FINITE = ("VAFIN", "VMFIN")  # the auxiliary first: the perfect's (is_perfect)
NONFINITE = ("VVPP", "VVINF", "VVIZU")
PARTICLE = "PTKVZ"
NOUN_TAGS = ("NN", "NE")  # the last word of a list before the verb
LIST_TAGS = (*NOUN_TAGS, "ART", "ADJA", "CARD")  # the words of a list of names or nouns
QUESTION = "?"
OPEN_PAREN = "("
CLOSE_PAREN = ")"
APPOSITION_MARK = ","
APPOSITION_MAX = 12  # tokens an apposition may take
RELATIVE_MAX = 25  # tokens a relative clause between subject and verb may take
PREPOSITION = "APPR"  # "…, mit dem …": a relative clause after a preposition
SUBORDINATOR = "KOUS"  # the tag of "dass" opening a content clause before the act
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


def main_verb(
    toks: list[Tok], a: int, b: int, coordination: frozenset[str] = frozenset()
) -> tuple[int, int | None, int | None, str] | None:
    """The main verb of the sentence toks[a:b] read as a main clause: (verb, auxiliary, particle, lemma).

    The first finite verb; after a finite auxiliary or modal, the participle or infinitive of its clause.
    A separable particle after a finite full verb is joined in front of its lemma.
    """
    k = a - 1
    while k + 1 < b:
        k += 1
        t = toks[k]
        if t.text == OPEN_PAREN:  # "Kurz vor Weihnachten (X berichtete) hatte …": not the main clause
            k = next((j for j in range(k + 1, b) if toks[j].text == CLOSE_PAREN), b)
            continue
        if t.text in CLAUSE_STOP:
            skip = apposition_end(toks, k, b) if settings.QUOTES_SPEECH_ACT_APPOSITION else None
            if skip is None and settings.QUOTES_SPEECH_ACT_LIST:
                skip = list_end(toks, k, b, coordination)
            if skip is None:
                return None  # a clause before the finite verb: not a plain main clause
            k = skip
            continue
        if t.tag == FULL_FINITE:
            part = None
            j = k
            while j + 1 < b:
                j += 1
                if toks[j].text in CLAUSE_STOP:
                    skip = insertion_end(toks, j, b)
                    if skip is None:
                        break
                    j = skip  # "gab am Montag, dem 27. März, die Einstellung bekannt"
                    continue
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
            # the right bracket: the last verb of the clause ("hat sich wie erwartet … entwickelt")
            last = None
            for j in range(k + 1, b):
                if toks[j].text in CLAUSE_STOP or (last is not None and toks[j].lower in coordination):
                    if last is None:
                        return None
                    break  # the end of the clause, or a second conjunct ("… angeschrieben und … gebeten")
                if toks[j].tag in NONFINITE and toks[j].lemma:
                    last = j
            if last is None:
                return None
            return last, k, None, toks[last].lemma.lower()
    return None


def apposition_end(toks: list[Tok], k: int, b: int) -> int | None:
    """The closing comma of an apposition opened by the comma toks[k] ("Lars Schauer, Manager von
    Energie Cottbus, bezeichnete …"): a verbless stretch of a few words up to a comma that a finite verb
    follows. None when toks[k] opens anything else."""
    if toks[k].text != APPOSITION_MARK:
        return None
    if k + 1 < b and toks[k + 1].tag in RELATIVE_TAGS:
        return relative_end(toks, k, b)
    c = insertion_end(toks, k, b)
    return c if c is not None and finite_after(toks, c) else None


def list_end(toks: list[Tok], k: int, b: int, coordination: frozenset[str]) -> int | None:
    """The last word of a coordinated list that the comma toks[k] goes on with before the finite verb
    ("Die Organisationen Transparency International, Campact und LobbyControl werfen …"): nouns,
    names and their articles and adjectives, with a coordinating word; None when anything else
    (a verb, a clause) comes first."""
    if toks[k].text != APPOSITION_MARK or not coordination:
        return None
    joined = False
    for c in range(k + 1, min(b - 1, k + 1 + APPOSITION_MAX)):
        t = toks[c]
        if t.lower in coordination:
            joined = True
        elif t.tag not in LIST_TAGS and t.text != APPOSITION_MARK:
            return None
        if finite_after(toks, c):
            return c if joined and t.tag in NOUN_TAGS else None
    return None


def insertion_end(toks: list[Tok], k: int, b: int) -> int | None:
    """The closing comma of a verbless insertion opened by the comma toks[k] ("am Montag, dem 27. März,
    die …"); None when toks[k] opens anything else."""
    if toks[k].text != APPOSITION_MARK:
        return None
    for c in range(k + 1, min(b - 1, k + 1 + APPOSITION_MAX)):
        t = toks[c]
        if t.text == APPOSITION_MARK:
            return c if c > k + 1 else None
        if t.text in CLAUSE_STOP or t.tag.startswith("V") or t.tag in NOT_APPOSITION:
            return None
    return None


def finite_after(toks: list[Tok], c: int) -> bool:
    """Does a finite verb (full, auxiliary or modal) follow the comma toks[c]: the main clause goes on?"""
    nxt = toks[c + 1].tag
    return nxt == FULL_FINITE or nxt in AUX_FINITE


def relative_end(toks: list[Tok], k: int, b: int) -> int | None:
    """The closing comma of a relative clause opened after the comma toks[k] ("Gutachter, die die Maschine
    untersuchten, gehen von einem Totalschaden aus"): a comma that the main clause's finite verb follows."""
    for c in range(k + 2, min(b - 1, k + 1 + RELATIVE_MAX)):
        t = toks[c]
        if t.text == APPOSITION_MARK:
            return c if finite_after(toks, c) else None
        if t.text in CLAUSE_STOP:
            return None
    return None


def fronted_clause_end(toks: list[Tok], a: int, b: int) -> int | None:
    """The finite verb of the main clause after a subordinate clause opening the sentence at ``a``: the
    finite verb right after the first comma whose next word is one."""
    for c in range(a + 2, b - 1):
        if toks[c].text == APPOSITION_MARK:
            return c + 1 if finite_after(toks, c) else None
        if toks[c].text in CLAUSE_STOP:
            return None
    return None


def adverb_subject(toks: list[Tok], a: int, finite: int, lex: Lexicon) -> NP | None:
    """The phrase between prefield adverbs and the finite verb ("Auch Rettungskräfte berichten von …")."""
    j = a
    while j < finite and toks[j].text in lex.prefield_adverbs:
        j += 1
    if j in (a, finite):
        return None
    np_ = speaker.parse_np(toks, j, finite, lex)
    return np_ if np_ is not None and np_.b == finite else None


def fronted_subject(toks: list[Tok], a: int, finite: int, lex: Lexicon) -> NP | None:
    """The subject before an apposition or relative clause that the finite verb follows: the phrase from
    the sentence start up to the first comma ("Die Gutachter, die …, gehen …"); None without such a comma."""
    k = next((j for j in range(a + 1, finite) if toks[j].text == APPOSITION_MARK), None)
    if k is None:
        return None
    np_ = speaker.parse_np(toks, a, k, lex)
    return np_ if np_ is not None and np_.b == k else None


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


def agentless(ex: Extractor, a: int, lemma: str) -> bool:
    """A passive act without its agent that still reports what was said: a naming act after the
    predicative phrase that opens the sentence ("Als Todesursache wurde ein Herzinfarkt angegeben")."""
    if not settings.QUOTES_SPEECH_ACT_AGENTLESS:
        return False
    acts, openers = agentless_acts(ex.lex.lang)
    return lemma in acts and ex.toks[a].lower in openers


@cache
def agentless_acts(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas that count in the passive without an agent, and the words that must open the sentence."""
    entry = load_toml(lang, DATA).get("passive_agentless", {})
    return frozenset(entry.get("lemmas", [])), frozenset(entry.get("openers", []))


@cache
def agent_prepositions(lang: str) -> frozenset[str]:
    return frozenset(load_toml(lang, DATA).get("passive_agent", {}).get("prepositions", []))


def is_perfect(toks: list[Tok], aux: int, v: int, lex: Lexicon) -> bool:
    """A perfect or pluperfect: a finite auxiliary of the perfect and the participle ("hat … gefordert")."""
    return toks[aux].tag == AUX_FINITE[0] and toks[aux].lower in lex.auxiliaries and toks[v].tag == PARTICIPLE


@cache
def negation_words(lang: str) -> frozenset[str]:
    """The words that negate a speech act between its finite verb and the end of its verb."""
    return frozenset(load_toml(lang, DATA).get("negated", {}).get("words", []))


def negated(toks: list[Tok], finite: int, last: int, lang: str) -> bool:
    """Is the act negated: a negation word between its finite verb and the last word of its verb
    (participle, infinitive or particle), outside any comma clause in between?"""
    words = negation_words(lang)
    for j in range(finite + 1, last):
        if toks[j].text in CLAUSE_STOP:
            return False
        if toks[j].lower in words:
            return True
    return False


@cache
def needs(lang: str) -> dict[str, frozenset[str]]:
    """Per listed lemma, the words of which one must follow the verb (its speech sense's preposition)."""
    return {e["lemma"]: frozenset(e["needs"]) for e in load_toml(lang, DATA).get("act", []) if e.get("needs")}


@cache
def perfect_speakers(lang: str) -> frozenset[str]:
    """The speaker kinds with which a listed act in the perfect is reported speech."""
    return frozenset(load_toml(lang, DATA).get("perfect", {}).get("speaker_kinds", []))


def find(ex: Extractor) -> list[Found]:
    """Reported speech acts in the sentences of ``ex`` that no quote found so far touches."""
    toks, lex = ex.toks, ex.lex
    if not ex.v.tagged:
        return []
    acts = lemmas(lex.lang)
    if not acts:
        return []
    out: list[Found] = []
    by_sent = ex.found_by_sentence()
    for s, (a, b) in enumerate(ex.v.sents):
        if b - a < 3 or not toks[a].is_cap:
            continue
        m = a  # where the main clause begins: after a fronted content clause ("Dass …, fordert X")
        if toks[a].lower in lex.subordinators:
            m = fronted_clause_end(toks, a, b) if toks[a].tag == SUBORDINATOR else None
            if m is None:
                continue
        if toks[a].lower in lex.prepositions_marker or any(i in ex.masked for i in range(a, b)):
            continue
        inside = by_sent.get(s, [])
        if inside and not all(is_relative_quote(ex, f, a, b) for f in inside):
            continue  # the sentence carries another quote
        mv = main_verb(toks, m, b, lex.coordination)
        if mv is None:
            continue
        v, aux, part, lemma = mv
        passive = aux is not None and toks[aux].lower in lex.passive and toks[v].tag == PARTICIPLE
        if lemma not in acts or ex.is_konj(v) or (aux is not None and ex.is_konj(aux)):
            continue  # not a listed act, or Konjunktiv (the rules' business)
        finite = aux if aux is not None else v
        need = needs(lex.lang).get(lemma)
        if need and not any(toks[j].lower in need for j in range(finite + 1, b if aux is None else v)):
            continue  # "Die Lichter gingen aus": not the speech sense of the verb
        if settings.QUOTES_OTHER_SENSE and ex.other_sense(lemma, a, b):
            continue  # "forderte 92 Menschenleben": the object gives the verb another sense
        if (finite == a or (m > a and finite != m)) or toks[b - 1].text == QUESTION:
            continue  # verb first or a question mark: a question or an imperative, no report
        if passive:  # "Von Unionspolitikern wurden die Äußerungen als geschmacklos bezeichnet"
            sp = passive_agent(ex, a, b, finite) if settings.QUOTES_SPEECH_ACT_PASSIVE else None
            if sp is None and agentless(ex, a, lemma):  # "Als Grund wurde … genannt"
                ms, me = ex.chars(a, b)  # no speaker phrase: speaker_select may find one in the context
                out.append(Found("reported", ms, me, s, None, (v, v + 1), toks[v].text, frame=PASSIVE_FRAME))
                continue
            if sp is None:
                continue  # a passive without its agent names no speaker
        else:
            if aux is not None and not (settings.QUOTES_SPEECH_ACT_PERFECT and is_perfect(toks, aux, v, lex)):
                continue  # a modal ("will … einführen"), or the perfect when it is off
            if m > a:  # after a fronted clause the subject follows the verb
                sp = speaker.subject_after(toks, finite, b, lex)
            else:  # "X, Rolle, fordert", "X, die …, fordern"; "X fordert"; "… nannte er"
                sp = (
                    fronted_subject(toks, a, finite, lex)
                    or ex.clause_subject(s, b - 1)
                    or speaker.subject_after(toks, finite, b, lex)
                    or adverb_subject(toks, a, finite, lex)
                )
            if sp is not None and aux is not None and sp.kind not in perfect_speakers(lex.lang):
                continue  # a perfect with a common noun as subject: mostly narration
        if sp is None or sp.kind not in SPEAKER_KINDS or sp.a <= finite < sp.b:
            continue
        if sp.kind == "pronoun" and lex.pronoun_gender.get(toks[sp.head].lower) == ANY:
            continue  # the generic or first-person pronoun: a definition or the author, not a report
        ms, me = ex.chars(a, b)
        if len(ex.v.text[ms:me].split()) < 3:
            continue
        last = part if part is not None else v
        if settings.QUOTES_SPEECH_ACT_NEGATED and negated(toks, finite, last, lex.lang):
            continue  # "… wurden von den Behörden nicht genannt": nothing was said
        cue_text = toks[v].text if part is None else f"{toks[v].text} … {toks[part].text}"
        frame = PASSIVE_FRAME if passive else "act"
        if inside and any(ex.v.tok_at(f.start) <= last for f in inside):
            continue  # the relative clause must follow the act
        for f in inside:  # "X fordert einen Plan, mit dem … werden soll": the whole sentence is the act
            ex.found.remove(f)
        out.append(Found("reported", ms, me, s, sp, (v, last + 1), cue_text, frame=frame))
    return out


def is_relative_quote(ex: Extractor, f: Found, a: int, b: int) -> bool:
    """A non-direct quote that is a relative clause inside the sentence toks[a:b] ("…, der von Beobachtern
    überwacht werden soll"): its first word, or the one after a preposition, is a relative pronoun, and it
    has no Konjunktiv (a modal "soll" there belongs to the act: a demand, not hearsay)."""
    if f.kind == "direct" or f.source is not None:
        return False
    toks = ex.toks
    i = ex.v.tok_at(f.start)
    if not a < i < b or toks[i].start != f.start:
        return False
    j = ex.v.last_tok(f.start, f.end) + 1
    if ex.has_konj(i, j):
        return False  # "…, das den Piloten zur Rückkehr bewogen hätte": indirect speech of its own
    if toks[i].tag in RELATIVE_TAGS:
        return True
    return toks[i].tag == PREPOSITION and i + 1 < b and toks[i + 1].tag in RELATIVE_TAGS
