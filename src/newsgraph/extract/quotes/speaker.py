"""Speaker noun phrases around a speech cue: who is the subject of the speech verb.

A small noun-phrase grammar over tokens (STTS tags when present, capitalisation otherwise):
pronoun | [determiner] attribute* Noun+ (linking-word [determiner] attribute* Noun+)* [, Name ,].
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import settings
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.tokens import QUOTE_CHARS, Tok

MAX_ATTRS = 4
MAX_PAREN = 6  # tokens inside a parenthesis that still belongs to the phrase before it ("(SPD)")
NOUN_TAGS = frozenset({"NN", "NE", "FM", "XY"})
ADJ_TAGS = frozenset({"ADJA", "CARD", "ADJD"})
VERB_PREFIX = "V"
CLAUSE_FINAL_TAGS = frozenset({"VVPP", "VVINF", "VVIZU", "VAPP", "VAINF", "VMINF", "PTKVZ"})


@dataclass(slots=True)
class NP:
    a: int  # token range [a, b)
    b: int
    kind: str  # "pronoun" | "name" | "role" | "source" | "noun" | "indefinite"
    head: int  # index of the head noun (or the pronoun)
    name: tuple[int, int] | None = None  # token range of the proper name inside, if any
    definite: bool = True


def is_noun(t: Tok, lex: Lexicon) -> bool:
    """A noun or name token (by tag, else by capitalisation and the closed word classes)."""
    if t.tag:
        return t.tag in NOUN_TAGS or (t.is_cap and t.tag == "TRUNC")
    if not t.is_cap or t.is_punct or t.text in lex.prefield_adverbs:
        return False
    lw = t.lower
    return not (
        lw in lex.det_nom
        or lw in lex.pronoun_gender
        or lw in lex.prepositions
        or lw in lex.clause_openers
        or lw in lex.wh
        or lw in lex.subordinators
        or lw in lex.coordination
        or lw in lex.det_obl
        or lw in lex.det_gen
    )


def _is_attr_noun(toks: list[Tok], j: int, end: int, lex: Lexicon) -> bool:
    """An attribute followed by a noun: "diese neue Regel" (so "diese" is a determiner here)."""
    return (
        j + 1 < end
        and toks[j - 1].lower in lex.det_nom
        and _is_attr(toks[j], lex)
        and is_noun(toks[j + 1], lex)
    )


def _is_attr(t: Tok, lex: Lexicon) -> bool:
    if t.tag:
        return t.tag in ADJ_TAGS
    return lex.is_adjective_like(t.text) or t.text[:1].isdigit()


def parse_np(toks: list[Tok], i: int, end: int, lex: Lexicon, oblique: bool = False) -> NP | None:
    """The noun phrase that starts at token ``i`` (before ``end``), or None.

    ``oblique`` admits a dative/accusative determiner (after "laut", "gemäß").
    """
    if i >= end:
        return None
    t = toks[i]
    if t.lower in lex.pronoun_gender and not (
        t.lower in lex.det_nom
        and i + 1 < end
        and is_noun(toks[i + 1], lex)
        or _is_attr_noun(toks, i + 1, end, lex)
    ):
        return NP(i, i + 1, "pronoun", i)
    if t.text in lex.prefield_adverbs or (t.tag and t.tag in ("ADV", "PROAV", "KON", "APPR", "PDS")):
        return None
    if t.lower in lex.indefinite and (i + 1 >= end or not is_noun(toks[i + 1], lex)):
        return NP(i, i + 1, "indefinite", i, definite=False)
    j = i
    definite = True
    if t.lower in lex.det_nom:
        definite = t.lower not in lex.det_indef
        j += 1
        if j < end and toks[j].lower in lex.indefinite:  # "manch einer"
            return NP(i, j + 1, "indefinite", j, definite=False)
    elif t.lower in lex.det_obl or t.lower in lex.det_gen:
        if not oblique:
            return None
        j += 1  # "laut einem Sprecher", "in einer Pressemitteilung"
    k = 0
    while j < end and k < MAX_ATTRS and _is_attr(toks[j], lex) and not is_noun(toks[j], lex):
        j += 1
        k += 1
    if k > 0 and t.lower in lex.det_nom and (j >= end or not is_noun(toks[j], lex)):
        return NP(i, j, "noun", j - 1, None, definite)  # a nominalized adjective: "der 81-jährige"
    if j >= end or not is_noun(toks[j], lex) or toks[j].text in lex.time_nouns:
        return None
    head_start = j
    while (
        j < end
        and (is_noun(toks[j], lex) or _is_quoted_name(toks, j, end))
        and toks[j].text not in lex.time_nouns
    ):
        if toks[j].is_quote:
            j = _skip_quoted(toks, j, end)
        elif _truncated(toks, j, end, lex):
            j += 3  # "Such- und Rettungsagentur"
        else:
            j += 1
    b = j
    # dependent phrases: "des russischen Führers", "von Kasachstan", "aus dem Außenministerium"
    for _ in range(2):
        if (
            b < end
            and toks[b].lower in lex.linking | lex.det_gen
            and toks[b].lower not in lex.det_nom - lex.det_gen
        ):
            sub = _dependent(toks, b, end, lex)
            if sub is None or (settings.QUOTES_NP_STRICT_LINK and _loose_link(toks, b, sub, lex)):
                break
            b = sub
        else:
            break
    # apposition with a name: "Der Präsident von Kasachstan, Kasim-Yomart Tokajew,"
    if b + 1 < end and toks[b].text == "," and toks[b + 1].is_cap and is_noun(toks[b + 1], lex):
        c = b + 1
        while c < end and is_noun(toks[c], lex) and c - b <= 4:
            c += 1
        if c >= end or toks[c].text in (",", ".") or toks[c].lower in lex.verbs:
            b = c
    head = head_start
    kind = "noun"
    name: tuple[int, int] | None = None
    # head = the last role/source noun; the name = capitalized run after it (or the whole run)
    for x in range(head_start, b):
        nk = lex.noun_kind(toks[x].text) if toks[x].is_cap else None
        if nk:
            head, kind = x, nk
    run_start = head + 1 if kind in ("role", "source") else head_start
    last = b - 1
    while last >= run_start and not (is_noun(toks[last], lex) and toks[last].is_cap):
        last -= 1
    first = last
    while (
        first - 1 >= run_start
        and is_noun(toks[first - 1], lex)
        and toks[first - 1].is_cap
        and (lex.noun_kind(toks[first - 1].text) is None)
    ):
        first -= 1
    if last >= run_start and lex.noun_kind(toks[first].text) is None:
        name = (first, last + 1)
        if kind == "noun" and (t.lower not in lex.det_nom or _looks_name(toks, first, last + 1, lex)):
            kind = "name"
    if kind == "noun" and toks[head_start].tag == "NE":
        kind = "name"
    if kind == "noun" and toks[i].lower not in lex.det_nom and not toks[i].tag:
        kind = "name"  # a bare capitalized run: a name ("Tleuberdi", "TASS", "Watson")
    if kind == "name" and name is None:
        name = (head_start, head_start + 1)
    return NP(i, _parenthesis(toks, b, end), kind, head, name, definite)


def _parenthesis(toks: list[Tok], b: int, end: int) -> int:
    """A short parenthesis right after the phrase belongs to it: "Kristina Schröder (CDU)"."""
    if b < end and toks[b].text == "(":
        for c in range(b + 1, min(end, b + MAX_PAREN + 1)):
            if toks[c].text == ")":
                return c + 1
            if toks[c].text in ("(", ".", ";"):
                break
    return b


def _looks_name(toks: list[Tok], a: int, b: int, lex: Lexicon) -> bool:
    if any(toks[x].tag == "NE" for x in range(a, b)):
        return True
    return b - a >= 1 and a > 0 and lex.noun_kind(toks[a - 1].text) is not None


def _truncated(toks: list[Tok], j: int, end: int, lex: Lexicon) -> bool:
    """A truncated compound and its partner: "Such- und Rettungsagentur"."""
    return (
        toks[j].text.endswith("-")
        and j + 2 < end
        and toks[j + 1].lower in lex.coordination
        and is_noun(toks[j + 2], lex)
    )


def _is_quoted_name(toks: list[Tok], j: int, end: int) -> bool:
    return (
        toks[j].text in QUOTE_CHARS
        and j + 1 < end
        and toks[j + 1].is_cap
        and j > 0
        and not toks[j - 1].is_punct
    )


def _skip_quoted(toks: list[Tok], j: int, end: int) -> int:
    k = j + 1
    while k < end and k - j < 8:
        if toks[k].text in QUOTE_CHARS:
            return k + 1
        k += 1
    return j + 1


def _loose_link(toks: list[Tok], b: int, sub: int, lex: Lexicon) -> bool:
    """A linked phrase that is an adverbial, not part of the noun phrase: "die Polizei [von einem Mord]",
    "laut X [aus Sicherheitsgründen]"; kept: "der Präsident [von Kasachstan]", "[aus dem Ministerium]"."""
    if toks[b].lower in lex.det_gen:
        return False  # a genitive: "des russischen Führers"
    j = b + 1
    if toks[j].lower in lex.det_gen or toks[j].lower in lex.det_obl or toks[j].lower in lex.det_nom:
        return toks[j].lower in lex.det_indef or toks[j].lemma.lower() in lex.det_indef
    # a bare common noun right before a clause-final verb form is an adverbial of that verb
    return (
        sub < len(toks)
        and toks[sub].tag in CLAUSE_FINAL_TAGS
        and all(toks[x].tag in NOUN_TAGS - {"NE", "FM"} for x in range(j, sub))
    )


def _dependent(toks: list[Tok], b: int, end: int, lex: Lexicon) -> int | None:
    j = b + 1
    if j < end and (
        toks[j].lower in lex.det_gen or toks[j].lower in lex.det_obl or toks[j].lower in lex.det_nom
    ):
        j += 1
    k = 0
    while j < end and k < MAX_ATTRS and _is_attr(toks[j], lex) and not is_noun(toks[j], lex):
        j += 1
        k += 1
    if j >= end or not is_noun(toks[j], lex):
        return None
    while j < end and is_noun(toks[j], lex):
        j += 3 if _truncated(toks, j, end, lex) else 1
    return j


def skippable(t: Tok, lex: Lexicon) -> bool:
    """Words between a cue verb and its subject: adverbs, 'sich', time words, numbers, brackets."""
    if t.lower in lex.reflexive or t.text in lex.time_nouns or t.text[:1].isdigit():
        return True
    if t.text in "()":
        return True
    if t.tag:
        return t.tag in ("ADV", "PTKNEG", "ADJD", "PROAV", "PTKVZ", "CARD") or (
            t.tag == "PPER" and t.lower not in lex.pronoun_gender
        )
    return (
        not t.is_cap
        and t.text.isalpha()
        and t.lower not in lex.det_nom
        and t.lower not in lex.det_obl
        and t.lower not in lex.pronoun_gender
        and t.lower not in lex.prepositions
        and t.lower not in lex.subordinators
        and t.lower not in lex.coordination
        and t.lower not in lex.verbs
    )


def subject_after(toks: list[Tok], v: int, end: int, lex: Lexicon) -> NP | None:
    """The subject after an inverted verb: "sagte am Dienstag der Sprecher", "sagte er"."""
    j = v + 1
    steps = 0
    while j < end and steps < 14:
        steps += 1
        t = toks[j]
        if t.text in (",", ".", ":", ";", "!", "?") or t.text in QUOTE_CHARS or t.lower in lex.coordination:
            return None
        if t.lower in lex.pronoun_gender:
            return NP(j, j + 1, "pronoun", j)
        if t.lower in lex.prepositions:
            j = _skip_pp(toks, j, end, lex)
            continue
        if t.lower in lex.det_obl:
            nxt = _dependent(toks, j - 1, end, lex) if j > 0 else None
            j = nxt if nxt and nxt > j else j + 1
            continue
        if skippable(t, lex):
            j += 1
            continue
        np_ = parse_np(toks, j, end, lex)
        if np_ is not None:
            return np_
        j += 1
    return None


def skip_pp(toks: list[Tok], j: int, end: int, lex: Lexicon) -> int:
    """The token after the prepositional phrase that starts at ``j``."""
    return min(_skip_pp(toks, j, end, lex), end)


def _skip_pp(toks: list[Tok], j: int, end: int, lex: Lexicon) -> int:
    """Skip a prepositional phrase: preposition [det] attr* Noun+ (and a following genitive)."""
    k = j + 1
    if k < end and (
        toks[k].lower in lex.det_gen or toks[k].lower in lex.det_obl or toks[k].lower in lex.det_nom
    ):
        k += 1
    n = 0
    while (
        k < end
        and n < MAX_ATTRS
        and (_is_attr(toks[k], lex) or toks[k].text[:1].isdigit())
        and not is_noun(toks[k], lex)
    ):
        k += 1
        n += 1
    while k < end and (is_noun(toks[k], lex) or toks[k].text[:1].isdigit()):
        k += 1
    if k < end and toks[k].lower in lex.det_gen:
        sub = _dependent(toks, k, end, lex)
        if sub:
            k = sub
    return max(k, j + 1)


def subject_before(toks: list[Tok], a: int, v: int, lex: Lexicon) -> NP | None:
    """The subject in the prefield: "Tokajew bestätigte", "Der Präsident von X, Y, kündigte … an"."""
    if a >= v:
        return None
    np_ = parse_np(toks, a, v, lex)
    if np_ is not None and np_.b == v:
        return np_
    if np_ is not None and all(skippable(toks[x], lex) and not toks[x].is_cap for x in range(np_.b, v)):
        return np_  # "Toqajew seinerseits erklärte"
    if np_ is not None and np_.b < v:
        # allow a comma-enclosed relative clause or apposition between subject and verb
        k = np_.b
        if k == v - 1 and toks[k].text == ",":
            return np_  # "Der Leiter …, Klaus Stöhr, sagte"
        if toks[k].text == ",":
            depth = 0
            for x in range(k + 1, v):
                if toks[x].text == ",":
                    depth += 1
            if toks[v - 1].text == "," and depth >= 1:
                return np_
    return None
