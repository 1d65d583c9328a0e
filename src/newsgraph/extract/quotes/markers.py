"""Marker phrases that attribute without a speech verb.

Prepositional markers before ("laut X", "nach Angaben X") or after their source ("X zufolge"), the
reported message around them (``reported_around``), "…, so X", pronominal markers that are their own
source ("Demnach …", "…, wonach …") and impersonal cues ("heißt es", ``impersonal``). The words come
from the lexicon (``lang/<lang>/quotes/``).
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import clauses, speaker
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import RELATIVE_TAGS
from newsgraph.extract.quotes.cues import CLAUSE_STOP, clause_end
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import QUOTE_CHARS


class Markers(ExtractorBase):
    """Markers, "so X", pronominal and impersonal cues."""

    def markers(self, s: int, a: int, b: int) -> None:
        toks, lex = self.toks, self.lex
        for i in range(a, b):
            if i in self.masked:
                continue
            t = toks[i]
            entry = lex.prepositions_marker.get(t.lower)
            if entry is not None:
                if entry.get("position") == "after":
                    self.marker_after(s, a, b, i)
                else:
                    self.marker_before(s, a, b, i, entry)
                continue
            bare_so = i > 0 and self.dq_ending_at(i - 1) is not None
            if t.lower in lex.so_words and i > a and (toks[i - 1].text == "," or bare_so):
                sp = speaker.parse_np(toks, i + 1, b, lex)
                if sp is not None and (sp.b >= b - 1 or toks[sp.b].text in CLAUSE_STOP):
                    k = self.dq_ending_at(i - 1) if bare_so else self.dq_ending_at(i - 2)
                    if k is not None:
                        self.direct_speaker.setdefault(k, (sp, None, "so"))
                        self.direct_cue_tok[k] = i
                    else:
                        start = self.message_start(a, i - 1)
                        if start < i - 1:
                            ms, me = self.chars(start, i - 1)
                            self.add(Found("reported", ms, me, s, sp, (i, i + 1), t.text, frame="so"))
            for position, seq in lex.pronominal:
                if t.lower == seq[0] and all(i + x < b and toks[i + x].lower == w for x, w in enumerate(seq)):
                    self.pronominal(s, a, b, i, len(seq), position)
            for words in lex.impersonal:
                if toks[i].lower == words[0] and all(
                    i + x < b and toks[i + x].lower == w for x, w in enumerate(words)
                ):
                    self.impersonal(s, a, b, i, len(words))

    def marker_before(self, s: int, a: int, b: int, i: int, entry: dict) -> None:
        toks, lex = self.toks, self.lex
        j = i + 1
        if entry.get("needs_noun"):
            # "nach [den|eigenen|offiziellen] Angaben [der Polizei]"
            k = j
            while k < b and k - j < 3 and not lex.is_speech_noun(toks[k].text):
                if toks[k].is_punct:
                    return
                k += 1
            if k >= b or not lex.is_speech_noun(toks[k].text) or not toks[k].is_cap:
                return
            np_end = k + 1
            if np_end < b and (toks[np_end].lower in lex.det_gen or toks[np_end].lower in lex.linking):
                sub = speaker._dependent(toks, np_end, b, lex)
                if sub:
                    np_end = sub
            if np_end < b and toks[np_end].lower in lex.marker_then:  # "unter Berufung auf X"
                sub = speaker._dependent(toks, np_end, b, lex)
                if sub:
                    np_end = sub
            sp = NP(k, np_end, "source", k)
            if np_end > k + 1:
                inner = speaker.parse_np(
                    toks, k + 2 if toks[k + 1].lower in lex.linking else k + 1, np_end, lex
                )
                if inner is not None and inner.name is not None:
                    sp = NP(k, np_end, inner.kind, inner.head, inner.name)
        else:
            if (
                toks[i].is_cap is False
                and i > a
                and toks[i - 1].text not in (",", "(")
                and toks[i - 1].is_punct
            ):
                return
            sp = speaker.parse_np(toks, j, b, lex, oblique=True)
            if sp is None:
                # "Laut faz.net appellierte …", "Laut „Reuters“ zeichnet …": up to the verb
                k = j
                while (
                    k < b
                    and k - j < 6
                    and (toks[k].is_cap or toks[k].is_punct or "." in toks[k].text)
                    and (toks[k].text not in CLAUSE_STOP)
                ):
                    k += 1
                if k == j and j < b and not toks[j].is_punct:
                    k = j + 1
                if k == j or k >= b:
                    return
                sp = NP(j, k, "source", j)
            np_end = sp.b
        self.reported_around(s, a, b, i, np_end, sp, toks[i].text)

    def marker_after(self, s: int, a: int, b: int, i: int) -> None:
        toks, lex = self.toks, self.lex
        # the source before "zufolge": back to the clause start, at most 8 tokens
        st = i - 1
        while st > a and i - st < 8 and toks[st - 1].text not in CLAUSE_STOP and (st - 1) not in self.masked:
            st -= 1
        if st >= i:
            return
        sp = speaker.parse_np(toks, st, i, lex) or NP(st, i, "source", i - 1)
        sp = NP(st, i, sp.kind, sp.head, sp.name)
        self.reported_around(s, a, b, st, i + 1, sp, toks[i].text, cue=(i, i + 1))

    def reported_around(
        self,
        s: int,
        a: int,
        b: int,
        m0: int,
        m1: int,
        sp: NP,
        cue_text: str,
        cue: tuple[int, int] | None = None,
    ) -> None:
        """A marker phrase [m0, m1) inside sentence [a, b): the message is the rest of its clause.

        At the start of a clause the message runs from the marker to the sentence end; inside a
        clause it is the longer side of the marker (the gold standard leaves the marker out).
        """
        toks = self.toks
        cue = cue or (m0, m0 + 1)
        self.sent_cues.setdefault(s, [])
        if settings.QUOTES_MARKER_CLAUSE and s in self.anaphoric_sents:
            return  # "Das berichtet X unter Berufung auf Y": the message is the sentence before
        ca = m0
        while (
            ca > a
            and toks[ca - 1].text not in (",", "(", ":", ";")
            and not (toks[ca - 1].text in QUOTE_CHARS and ca - 1 == a)
        ):
            ca -= 1
            if toks[ca].text == ")" and settings.QUOTES_MARKER_SKIP_PARENS:  # "X (CDU) soll laut Y …"
                opened = next((x for x in range(ca - 1, a - 1, -1) if toks[x].text == "("), None)
                if opened is not None:
                    ca = opened
        if settings.QUOTES_MARKER_PREFIELD and ca > a and clauses.fronted_clause(self, a, ca):
            ca = a  # "Weil … führten, ist es laut X schwer, …": the fronted clause is the prefield
        if ca == m0:
            n = m1
            if n < b and toks[n].text == ",":
                n += 1
                if n < b and toks[n].tag in RELATIVE_TAGS:  # "Nach Angaben X, die … können, waren …"
                    close = next((x for x in range(n + 1, b - 1) if toks[x].text == ","), None)
                    if close is not None:
                        n = close + 1
            end = b
            if ca > a and toks[ca - 1].text == "(":
                end = next((x for x in range(n, b) if toks[x].text == ")"), b)
            if n >= end - 1:
                return
            ms, me = self.chars(n, end)
        else:
            left = (toks[ca].start, toks[m0 - 1].end)
            n = m1 + 1 if m1 < b and toks[m1].text == "," else m1
            end = b
            if settings.QUOTES_MARKER_CLAUSE and self.subordinate_at(ca, a):
                end = clause_end(toks, n, b, self.masked)  # "…, die nach Angaben X … sollte, wurde …"
            right = (left[1], left[1]) if n >= end - 1 else self.chars(n, end)
            marker = toks[min(m1, len(toks)) - 1].end - toks[m0].start
            whole = right[1] - left[0]
            if marker <= settings.QUOTES_MARKER_INSIDE * whole and right[1] > right[0]:
                ms, me = left[0], right[1]  # a short marker inside: the clause around it
            else:
                ms, me = left if left[1] - left[0] >= right[1] - right[0] else right
        self.add(Found("reported", ms, me, s, sp, cue, cue_text, frame="marker"))

    def pronominal(self, s: int, a: int, b: int, i: int, n: int, position: str) -> None:
        """ "Demnach steht …" / "…, wonach die Maus schuld sei": the marker itself is the speaker."""
        toks = self.toks
        if position == "sentence_start" and i != a:
            return
        if position == "clause_start" and not (i > a and toks[i - 1].text == ","):
            return
        e = i + n
        if e >= b - 1:
            return
        ms, me = self.chars(e, b)
        rel = i
        head = i + 1 if toks[i].lower in self.lex.prepositions and n > 1 else i
        sp = NP(head, head + 1, "source", head)
        if position == "clause_start":
            # the source is the noun phrase the relative clause hangs on: "die Befunde des Amts, wonach …"
            j = i - 1
            k = j
            while (
                k > a
                and j - k < 8
                and (
                    toks[k - 1].is_cap
                    or toks[k - 1].lower in self.lex.det_gen
                    or self.lex.is_adjective_like(toks[k - 1].text)
                    or toks[k - 1].lower in self.lex.det_nom
                    or toks[k - 1].lower in self.lex.det_obl
                )
                and toks[k - 1].text not in CLAUSE_STOP
            ):
                k -= 1
                if toks[k].lower in self.lex.det_nom or toks[k].lower in self.lex.det_obl:
                    break
            if k < j:
                sp = NP(k, j, "source", j - 1)
        self.add(
            Found(
                "reported", ms, me, s, sp, (rel, e), " ".join(x.text for x in toks[i:e]), frame="pronominal"
            )
        )

    def relative_prefield(self, a: int, i: int, n: int, b: int) -> bool:
        """ "In der Vorabversion des Berichts, der … gestellt wurde, heißt es, […]": the comma before the
        cue closes a relative clause on a prepositional source, so the message follows the cue."""
        toks, lex = self.toks, self.lex
        if not settings.QUOTES_IMPERSONAL_RELATIVE or i <= a + 1 or toks[a].lower not in lex.prepositions:
            return False
        e = i + n
        if e + 1 >= b or toks[e].text not in (",", ":"):
            return False
        np_ = speaker.parse_np(toks, a + 1, i, lex, oblique=True)
        if np_ is None or np_.b + 1 >= i - 1 or toks[np_.b].text != ",":
            return False
        rel = toks[np_.b + 1]
        return rel.tag in RELATIVE_TAGS if rel.tag else rel.lower in lex.det_nom

    def impersonal(self, s: int, a: int, b: int, i: int, n: int) -> None:
        toks = self.toks
        cue = (i, i + n)
        text = " ".join(t.text for t in toks[i : i + n])
        if i > a and toks[i - 1].text == "," and not self.relative_prefield(a, i, n, b):
            src = None
            j = i + n
            if j < b and toks[j].lower in self.lex.prepositions:  # ", hieß es vom Abgeordneten X"
                src = speaker.parse_np(toks, j + 1, b, self.lex)
            k = self.dq_ending_at(i - 2)
            if k is not None:
                self.direct_speaker.setdefault(k, (src, None, "impersonal"))
                self.direct_cue_tok[k] = i
                return
            start = self.message_start(a, i - 1)
            if start < i - 1:
                ms, me = self.chars(start, i - 1)
                self.add(Found("indirect", ms, me, s, src, cue, text, frame="impersonal"))
            return
        e = i + n
        while e < b - 1 and speaker.skippable(toks[e], self.lex) and e - (i + n) < 2:
            e += 1  # "heißt es wörtlich:"
        src = None
        if i > a + 1 and toks[a].lower in self.lex.prepositions:
            src = speaker.parse_np(
                self.toks, a + 1, i, self.lex, oblique=True
            )  # "In der Mitteilung heißt es"
            if src is not None:
                cut = src.b if src.b < i and toks[src.b].text == "," else i  # before a relative clause
                src = NP(src.a, cut, "source", src.head, src.name)
        if e < b and toks[e].text in (",", ":") and e + 1 < b - 1:
            k = self.dq_starting_at(e + 1)
            if k is not None:
                self.direct_speaker.setdefault(k, (src, None, "impersonal"))
                self.direct_cue_tok[k] = i
                return
            ms, me = self.chars(e + 1, self.message_end(e + 1, b) if settings.QUOTES_CUE_MESSAGE_END else b)
            self.add(Found("indirect", ms, me, s, src, cue, text, frame="impersonal"))
