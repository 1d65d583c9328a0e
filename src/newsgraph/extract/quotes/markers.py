"""Marker phrases that attribute without a speech verb.

Prepositional markers before ("laut X", "nach Angaben X") or after their source ("X zufolge", "Seiner
Meinung nach"), the reported message around them (``reported_around``), "…, so X" (also inside the
sentence: "A, so X, B"), pronominal markers that are their own source ("Demnach …", "…, wonach …",
"Danach …" after a sentence that names a report) and impersonal cues ("heißt es", ``impersonal``).
The words come from the lexicon (``lang/<lang>/quotes/``).
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import clauses, speaker
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import ARTICLE_TAG, FINITE_TAGS, NAME_TAG, RELATIVE_TAGS
from newsgraph.extract.quotes.cues import CLAUSE_STOP, clause_end
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import QUOTE_CHARS

MAX_SOURCE = 10  # tokens back in which a noun phrase before "zufolge" may start
ATTRIBUTIVE = "ADJA"  # "die [seiner Meinung nach] verbreiteten Illusionen": the marker qualifies that phrase
PHRASE_STOP = (":", ";")  # that noun phrase ends at the finite verb or at one of these
PAREN_DEPTH = {"(": 1, ")": -1}  # … outside parentheses ("der Federal Reserve (kurz: „Fed“)")


class Markers(ExtractorBase):
    """Markers, "so X", pronominal and impersonal cues."""

    def markers(self, s: int, a: int, b: int) -> None:
        toks, lex = self.toks, self.lex
        for i in range(a, b):
            if i in self.masked:
                continue
            t = toks[i]
            entry = lex.prepositions_marker.get(t.lower)
            if entry is not None and settings.QUOTES_MARKER_PRONOMINAL_FIRST and self.pronominals(s, a, b, i):
                continue  # "…, nach denen 72 Prozent …", "…, laut dem …": a relative marker, not "nach X"
            if entry is not None:
                if entry.get("position") == "after":
                    self.marker_after(s, a, b, i)
                elif self.postposed(a, b, i, entry):
                    self.marker_after(s, a, b, i, postposed=True)
                else:
                    self.marker_before(s, a, b, i, entry)
                continue
            bare_so = i > 0 and self.dq_ending_at(i - 1) is not None
            if t.lower in lex.so_words and i > a and (toks[i - 1].text == "," or bare_so):
                sp = speaker.parse_np(toks, i + 1, b, lex)
                if sp is not None and not bare_so and self.so_inserted(s, a, b, i, sp):
                    continue
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
            if toks[i].lower not in lex.marker_firsts:
                continue  # no pronominal or impersonal marker starts here
            self.pronominals(s, a, b, i)
            for words in lex.impersonal:
                if self.words_at(i, b, words):
                    self.impersonal(s, a, b, i, len(words))

    def pronominals(self, s: int, a: int, b: int, i: int) -> bool:
        """The pronominal markers that start at token i ("demnach", "…, nach denen …"); was one found?"""
        hit = False
        if self.toks[i].lower not in self.lex.marker_firsts:
            return hit
        for position, seq in self.lex.pronominal:
            if self.words_at(i, b, seq):
                hit = self.pronominal(s, a, b, i, len(seq), position) or hit
        return hit

    def words_at(self, i: int, b: int, words: tuple[str, ...]) -> bool:
        """Do the tokens from i (before b) read ``words``, lowercased?"""
        return i + len(words) <= b and all(self.toks[i + x].lower == w for x, w in enumerate(words))

    def so_inserted(self, s: int, a: int, b: int, i: int, sp: NP) -> bool:
        """ "Vom 2. April an, so die Ergebnisse eines Richters, der … ermittelt, seien … deportiert
        worden": "so X" inside the sentence splits the message in two; the longer part is taken."""
        toks = self.toks
        if not settings.QUOTES_SO_INSERTED or self.dq_ending_at(i - 2) is not None:
            return False  # "„In absehbarer Zeit“, so X, …": the direct quote takes the source
        e = clause_end(toks, sp.b, b, self.masked)  # over prepositional phrases after the source
        if e >= b - 1 or toks[e].text != "," or any(toks[x].tag in FINITE_TAGS for x in range(sp.b, e)):
            return False
        if toks[e + 1].tag in RELATIVE_TAGS:  # "…, der bei der Stelle ermittelt, …"
            e = clause_end(toks, e + 2, b, self.masked)
            if e >= b - 1 or toks[e].text != ",":
                return False
        start, end = self.message_start(a, i - 1), self.sentence_end(a, b)
        if start >= i - 1 or not any(toks[x].tag in FINITE_TAGS for x in range(e + 1, end)):
            return False  # "…, so der Aufruf, verbunden mit …": no clause goes on after the source
        left, right = self.chars(start, i - 1), self.chars(e + 1, end)
        ms, me = left if left[1] - left[0] >= right[1] - right[0] else right
        self.add(
            Found(
                "reported",
                ms,
                me,
                s,
                NP(sp.a, e, sp.kind, sp.head, sp.name),
                (i, i + 1),
                toks[i].text,
                frame="so",
            )
        )
        return True

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
            if settings.QUOTES_MARKER_GENITIVE_NOUN and self.genitive_of_noun(j, k):
                return  # "nach dem Scheitern der EU-Verfassung", "nach Abschluss der Ermittlungen"
            if settings.QUOTES_MARKER_NOUNS and toks[k].lower not in entry.get("nouns", (toks[k].lower,)):
                return  # "unter Berufung auf X", not "unter den Ergebnissen"
            np_end = k + 1
            if np_end < b and (toks[np_end].lower in lex.det_gen or toks[np_end].lower in lex.linking):
                sub = speaker._dependent(toks, np_end, b, lex)
                if sub:
                    np_end = sub
            if settings.QUOTES_MARKER_SOURCE_NP:
                np_end = self.source_end(a, i, k, np_end, b)
            if np_end < b and toks[np_end].lower in lex.marker_then:  # "unter Berufung auf X"
                sub = speaker._dependent(toks, np_end, b, lex)
                if sub:
                    np_end = sub
                elif settings.QUOTES_MARKER_THEN_SOURCE:
                    return  # no readable source after "auf": no message either ("auf nicht weiter …")
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
            sp = self.name_then_subject(j, sp)
            np_end = sp.b
        self.reported_around(s, a, b, i, np_end, sp, toks[i].text)

    def name_then_subject(self, j: int, sp: NP) -> NP:
        """ "Jedoch wurde laut Sergei Voznyak der Sprecher … festgenommen": a nominative article right after
        the name that opens the source starts the clause's subject, not a genitive of the name; the source
        ends with the name (settings.QUOTES_MARKER_NAME_END)."""
        toks = self.toks
        if not settings.QUOTES_MARKER_NAME_END or sp.a != j:
            return sp
        e = j
        while e < sp.b and toks[e].tag == NAME_TAG:
            e += 1
        if e == j or e >= sp.b or toks[e].tag != ARTICLE_TAG or toks[e].lower not in self.lex.det_nom:
            return sp
        return NP(j, e, "name", e - 1, (j, e))

    def postposed(self, a: int, b: int, i: int, entry: dict) -> bool:
        """Is marker word i a postposition after one of its listed speech nouns ("Seiner Meinung nach")?
        Not after a first- or second-person owner ("meiner Meinung nach") nor in a question."""
        after = entry.get("after_nouns")
        if not after or not settings.QUOTES_MARKER_POSTPOSITION or i <= a:
            return False
        prev = self.toks[i - 1]
        if not prev.is_cap or (i - 1) in self.masked or not prev.lower.endswith(tuple(after)):
            return False
        if i - 2 >= a and self.toks[i - 2].text in entry.get("after_not", ()):
            return False
        return not any(t.text == "?" for t in self.toks[i:b])

    def source_before(self, a: int, i: int) -> int | None:
        """The first token of the longest noun phrase that ends right before token i, within its clause
        ("Allein nimmt die Organisation [Schätzungen] zufolge …", "[Seiner Meinung] nach …"); noun
        phrases chain over a genitive, a linking preposition or a coordination ("den Prognosen und den
        Wasserständen am Oberlauf")."""
        toks, lex = self.toks, self.lex
        joins = lex.linking | lex.coordination | lex.prepositions
        ok: set[int] = set()
        best = None
        st = i - 1
        while st >= a and i - st <= MAX_SOURCE and toks[st].text not in CLAUSE_STOP:
            np_ = speaker.parse_np(toks, st, i, lex, oblique=True)
            if np_ is not None and (
                np_.b == i
                or (np_.b in ok and (toks[np_.b].lower in lex.det_gen or toks[np_.b].text == "("))
                or (np_.b + 1 in ok and toks[np_.b].lower in joins)
            ):
                ok.add(st)
                best = st
            st -= 1
        return best

    def genitive_of_noun(self, j: int, k: int) -> bool:
        """Is the speech noun at token k (found after the marker word at j - 1) the genitive of another
        noun between them ("nach dem Scheitern der Verfassung")? Then it is not the marker's noun."""
        toks = self.toks
        return (
            k - 2 >= j
            and toks[k - 1].lower in self.lex.det_gen
            and toks[k - 2].is_cap
            and speaker.is_noun(toks[k - 2], self.lex)
        )

    def source_end(self, a: int, i: int, k: int, np_end: int, b: int) -> int:
        """Where the source after "nach Angaben" ends: over further genitives, an apposition with a name
        and a parenthesis ("des Direktors der Fluggesellschaft, Jefferson Irwin Jauwena,", "(USGS)").
        An article that could open the subject ("der überwiegende Teil") joins only when the marker opens
        its clause and the finite verb follows the source."""
        toks, lex = self.toks, self.lex
        whole = speaker.parse_np(toks, k, b, lex, oblique=True)
        if whole is None or whole.b <= np_end:
            return np_end
        if any(t.lower in lex.det_nom for t in toks[np_end : whole.b]):
            nxt = whole.b + 1 if whole.b < b and toks[whole.b].text == "," else whole.b
            opens = i == a or toks[i - 1].text in (",", "(")
            if not (opens and nxt < b and toks[nxt].tag in FINITE_TAGS) and not self.subject_first(a, i):
                return np_end
        return whole.b

    def subject_first(self, a: int, i: int) -> bool:
        """Does the clause of the marker at token i open with its subject and the finite verb ("Die
        Regenzeit könnte nach Angaben des Leiters der Sektion …")? Then an article after the source opens
        a genitive, not the subject."""
        if not settings.QUOTES_MARKER_SUBJECT_FIRST:
            return False
        toks = self.toks
        c = i
        while c > a and toks[c - 1].text not in (",", "(", ":", ";"):
            c -= 1
        np_ = speaker.parse_np(toks, c, i, self.lex)
        return np_ is not None and np_.kind != "pronoun" and np_.b < i and toks[np_.b].tag in FINITE_TAGS

    def marker_after(self, s: int, a: int, b: int, i: int, postposed: bool = False) -> None:
        toks, lex = self.toks, self.lex
        # the source before "zufolge": back to the clause start, at most 8 tokens
        st = i - 1
        while (
            not postposed
            and st > a
            and i - st < 8
            and toks[st - 1].text not in CLAUSE_STOP
            and (st - 1) not in self.masked
        ):
            st -= 1
        if settings.QUOTES_MARKER_AFTER_NP or postposed:
            np_start = self.source_before(a, i)
            if np_start is not None:
                st = np_start
        if st >= i:
            return
        sp = speaker.parse_np(toks, st, i, lex) or NP(st, i, "source", i - 1)
        sp = NP(st, i, sp.kind, sp.head, sp.name)
        if self.attributive(s, a, b, st, i, sp):
            return
        self.reported_around(s, a, b, st, i + 1, sp, toks[i].text, cue=(i, i + 1))

    def attributive(self, s: int, a: int, b: int, st: int, i: int, sp: NP) -> bool:
        """ "Die seiner Ansicht nach fragwürdige Rolle der Notenbank … veranlasste …": a marker phrase
        between an article and an attributive adjective qualifies that noun phrase only, so the message
        is the noun phrase after the marker, up to the finite verb or a colon. Was one found?"""
        toks = self.toks
        if not settings.QUOTES_MARKER_ATTRIBUTIVE or st <= a or i + 1 >= b:
            return False
        if toks[st - 1].tag != ARTICLE_TAG or toks[i + 1].tag != ATTRIBUTIVE:
            return False
        e, depth = i + 1, 0
        while e < b:
            if e not in self.masked:
                if depth == 0 and (toks[e].tag in FINITE_TAGS or toks[e].text in PHRASE_STOP):
                    break
                depth += PAREN_DEPTH.get(toks[e].text, 0)
            e += 1
        while e > i + 2 and toks[e - 1].text == ",":
            e -= 1
        ms, me = self.chars(i + 1, e)
        self.add(Found("reported", ms, me, s, sp, (i, i + 1), toks[i].text, frame="marker"))
        return True

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
            and not self.missed_boundary(ca, m0)
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
            if self.quote_follows(n):
                return
            ms, me = self.chars(n, end)
        else:
            left = (toks[ca].start, toks[m0 - 1].end)
            n = m1 + 1 if m1 < b and toks[m1].text == "," else m1
            if self.quote_follows(n):
                return
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

    def missed_boundary(self, ca: int, m0: int) -> bool:
        """ "… von zeitweise 7,1. Nach Angaben des USGS fand …": a capitalised marker word after a token
        that ends with a period starts a sentence the segmenter missed."""
        if not settings.QUOTES_MARKER_MISSED_STOP or ca != m0:
            return False
        t, prev = self.toks[m0], self.toks[m0 - 1]
        return (
            t.is_cap
            and t.lower in self.lex.prepositions_marker
            and len(prev.text) > 1
            and prev.text[-1] == "."
        )

    def quote_follows(self, n: int) -> bool:
        """ "Laut X: „…“", "…, sagte sie Teilnehmern zufolge: „…“": the direct quote after the marker
        is its message, so the marker gives no reported quote of its own."""
        if not settings.QUOTES_MARKER_QUOTE or n >= len(self.toks) or self.toks[n].text != ":":
            return False
        return self.dq_starting_at(n + 1) is not None

    def pronominal(self, s: int, a: int, b: int, i: int, n: int, position: str) -> bool:
        """ "Demnach steht …" / "…, wonach die Maus schuld sei": the marker itself is the speaker.
        False when the marker is not in its position."""
        toks = self.toks
        if position in ("sentence_start", "after_report") and i != a:
            return False
        if position == "after_report" and not self.reports_before(a):
            return False  # "Danach brach Feuer aus": a time adverb, not a source
        if position == "clause_start" and not (i > a and toks[i - 1].text == ","):
            return False
        e = i + n
        if e >= b - 1:
            return True
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
        return True

    def reports_before(self, a: int) -> bool:
        """Does the sentence before the one starting at token a name a report: a speech noun ("Studie",
        "Darstellung") that is not itself in a marker phrase? (Neither a speech verb there nor "Nach
        Aussagen von X geschah Y. Danach …" is a sign: there it is a time adverb.)"""
        if not settings.QUOTES_MARKER_AFTER_REPORT or a == 0:
            return False
        s = self.toks[a - 1].sent
        pa, _ = self.v.sents[s]
        toks, lex = self.toks, self.lex
        return any(
            toks[x].is_cap
            and lex.is_speech_noun(toks[x].text)
            and not any(toks[y].lower in lex.prepositions_marker for y in range(max(pa, x - 3), x))
            for x in range(pa + 1, a)
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
