"""Speech-verb frames: what a cue verb's clause says and where its message lies.

``verb_frames`` reads one cue verb: postposed ("„…“, sagte X" / "…, sagte X"), "wie X mitteilte",
an anaphoric "Das sagte X", an extraposed infinitive without its comma, a nominal object ("X forderte
den Rücktritt"), else the complement after the clause (``complement``: a colon, a dass/wh clause, a V2
clause in Konjunktiv, an infinitive clause ``zu_clause``). Without a verb: a comma clause in Konjunktiv
that hangs on a noun (``konj_clauses``) and speech nouns with a comma ("ist der Ansicht, dass …",
``noun_cues``).
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import clauses, naming, speaker
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import ARTICLE_TAG, SUBORDINATOR_TAGS
from newsgraph.extract.quotes.cues import CLAUSE_STOP, Cue, clause_end
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import QUOTE_CHARS

KONJ_WINDOW = settings.QUOTES_KONJ_WINDOW
WIE_LEAD_TAGS = ("ADV", "KON")  # a connective before a sentence-initial "wie X mitteilte" ("Denn wie …")
INFIX_ZU = "VVIZU"  # the tagger's tag of an infinitive with "zu" inside ("zurückzunehmen")
NP_OPENING_TAGS = (
    "ART",
    "ADJA",
    "PPOSAT",
    "PIAT",
    "PIDAT",
    "PDAT",
    "CARD",
)  # words before a noun in its phrase


class Frames(ExtractorBase):
    """The verb frames and the verbless clause cues (Konjunktiv clauses, speech nouns)."""

    def verb_frames(self, s: int, a: int, b: int, cue: Cue) -> bool:
        toks, lex = self.toks, self.lex
        v = cue.v
        frames = cue.sense.frames
        prev = v - 1
        # ---- postposed: "„…“, sagte X" / "Das Land werde …, sagte X"
        bare = prev >= a and self.dq_ending_at(prev) is not None  # "„…“ erklärte X." (no comma)
        if (
            prev >= a
            and (toks[prev].text == "," or bare)
            and "postposed" in frames
            and not cue.sense.joined
            and (bare or speaker.subject_before(toks, a, v, lex) is None)  # not "X, Rolle, forderte"
            and not (not bare and "that" in frames and self.that_follows(v, b))
        ):
            sp = None if cue.sense.impersonal else speaker.subject_after(toks, v, b, lex)
            if cue.sense.object_speaker:
                sp = self.quoted_one(s, a, b, v + 1, v, sp)
            if sp is not None or cue.sense.impersonal:
                k = self.dq_ending_at(prev) if bare else self.dq_ending_at(prev - 1)
                if k is not None and not bare and self.inner_quote(k, a, prev):
                    k = None  # the quoted phrase only ends a longer message: the message is reported
                if k is not None:
                    self.direct_speaker.setdefault(k, (sp, cue, "postposed"))
                    self.sent_cues.setdefault(s, []).append((cue, sp))
                    return True
                start = self.message_start(a, prev)
                kind = "indirect" if start < prev and self.has_konj(start, prev) else "reported"
                if start < prev and (kind == "indirect" or clauses.main_clause(self, start, prev)):
                    ms, me = self.chars(start, prev)
                    self.add(
                        Found(kind, ms, me, s, sp, (v, cue.last + 1), self.cue_text(cue), frame="postposed")
                    )
                    self.sent_cues.setdefault(s, []).append((cue, sp))
                    return True
        # ---- "wie X mitteilte, …" / "…, wie X mitteilte"
        if "wie" in frames:
            cs = self.wie_start(a, v)
            if cs < v and toks[cs].lower in lex.wie_words and (cue.sense.joined or cue.particle is None):
                sp = speaker.parse_np(toks, cs + 1, v, lex)
                if sp is None and settings.QUOTES_WIE_PP:
                    sp = self.wie_source(cs + 1, v)
                if sp is None:
                    sp = self.wie_quoted_source(cs + 1, v)
                if sp is not None:
                    if cs > a and toks[cs - 1].text == ",":
                        start = self.message_start(a, cs - 1)
                        k = self.dq_ending_at(cs - 2)
                        if k is not None:
                            self.direct_speaker.setdefault(k, (sp, cue, "wie"))
                        elif start < cs - 1:
                            ms, me = self.chars(start, cs - 1)
                            self.add(
                                Found("reported", ms, me, s, sp, (v, v + 1), self.cue_text(cue), frame="wie")
                            )
                    else:
                        e = clause_end(toks, v + 1, b, self.masked)
                        if e < b and toks[e].text == "," and e + 1 < b:
                            ms, me = self.chars(e + 1, b)
                            self.add(
                                Found("reported", ms, me, s, sp, (v, v + 1), self.cue_text(cue), frame="wie")
                            )
                    self.sent_cues.setdefault(s, []).append((cue, sp))
                    return True
        if cue.sense.impersonal:
            return False  # "heißt es": handled with its source by impersonal()
        if (
            cue.sense.joined
            and not (v > a and any(toks[x].lower in lex.auxiliaries for x in range(a, v)))
            and not clauses.final_cue(self, a, b, v)
        ):
            return False
        # ---- verb-second main clause: find the subject, then the complement after the clause
        cs = self.clause_start(a, v)
        while cs < v and toks[cs].lower in lex.clause_openers:
            cs += 1
        sp = None
        if not cue.sense.impersonal:
            sp = self.subject(s, a, b, cs, v)
            if cue.sense.object_speaker:
                sp = self.quoted_one(s, a, b, cs, v, sp)
            if (
                cue.sense.joined
                and toks[cs].tag in clauses.RELATIVE_TAGS
                and clauses.final_cue(self, a, b, v)
            ):
                sp = NP(cs, cs + 1, "pronoun", cs)  # "Ägypten, das vorschlug, …": the relative pronoun speaks
        if sp is None and not cue.sense.impersonal and "that" not in frames and "v2" not in frames:
            return False
        self.sent_cues.setdefault(s, []).append((cue, sp))
        if cs == a and v == a + 1 and toks[a].lower in lex.anaphoric and s > 0 and sp is not None:
            self.anaphoric_sents.add(s)
            pa, pb = self.v.sents[s - 1]
            if pb > pa:
                k = (
                    self.dq_ending_at(pb - 1)
                    if toks[pb - 1].text in QUOTE_CHARS
                    else self.dq_ending_at(pb - 2)
                )
                if k is not None:
                    self.direct_speaker.setdefault(k, (sp, cue, "anaphoric"))
                else:
                    ms, _ = self.chars(pa, pb)
                    self.add(
                        Found(
                            "indirect",
                            ms,
                            toks[a].end,
                            s - 1,
                            sp,
                            (v, cue.last + 1),
                            self.cue_text(cue),
                            frame="anaphoric",
                        )
                    )
                return True
        after = cue.last + 1
        if sp is not None and sp.a > v:
            after = max(after, sp.b)
        # the complement follows one of the next commas (an apposition or a PP may come first)
        e = clause_end(toks, after, b, self.masked)
        if e >= b - 1:
            if settings.QUOTES_ZU_NO_COMMA and "that" in frames and clauses.extraposed_zu(self, cue, b):
                # "Philips hat angekündigt die Preise zu erhöhen": an infinitive without its comma
                ms, me = self.chars(cue.last + 1, b)
                own = sp if sp is not None and sp.b <= v else None  # a phrase after the cue is the message's
                self.add(Found("indirect", ms, me, s, own, (v, cue.last + 1), self.cue_text(cue), frame="zu"))
                return True
            # no complement clause: a reported speech act with a nominal object
            if (
                "object" in frames
                and sp is not None
                and not (settings.QUOTES_STANCE_OBJECT and cue.sense.name in self.lex.stance)
                and not (settings.QUOTES_OTHER_SENSE and self.other_sense(cue.sense.name, a, b))
                and self.reported_act(a, b, v, sp)
            ):
                ms, me = self.chars(a, b)
                cue_rng = (v, cue.last + 1)
                f = Found("reported", ms, me, s, sp, cue_rng, self.cue_text(cue), frame="object")
                quoted = (
                    clauses.quoted_object(self, v, b)
                    if naming.NAMING_FRAME in frames and settings.QUOTES_OBJECT_QUOTED
                    else None
                )
                if quoted is not None:  # "nannte den Bericht eine „Zeitungsente“": the quoted words say it
                    self.named[id(f)] = quoted
                self.add(f)
                return True
            return False
        tries = 0
        first = e + 1  # the earliest complement start ("…, nicht über X, das Gebäude, bestimmen zu wollen")
        while e < b - 1 and tries < 3:
            tries += 1
            got = self.complement(s, a, b, e, cue, sp, first)
            if got:
                return True
            if toks[e].text != ",":
                return False
            e = clause_end(toks, e + 1, b, self.masked)
        return False

    def other_sense(self, verb: str, a: int, b: int) -> bool:
        """Does the clause [a, b) hold an object word that gives ``verb`` a sense other than speech
        ("Das Erdbeben forderte 92 Menschenleben"; ``[[other_sense]]`` in verbs.toml)?"""
        words = self.lex.other_sense.get(verb)
        return bool(words) and any(self.toks[x].lower in words for x in range(a, b))

    def wie_start(self, a: int, v: int) -> int:
        """The start of the clause of cue v, read over appositions when it opens with "wie" ("Wie
        Steve Marshall, Sprecher der UN, in Bangkok mitteilte, …"): the nearest "wie" at the sentence
        start or after a comma with no other verb before v."""
        toks, lex = self.toks, self.lex
        cs = self.clause_start(a, v)
        if (
            settings.QUOTES_WIE_AFTER_ADVERB
            and cs + 1 < v
            and toks[cs].tag in WIE_LEAD_TAGS
            and toks[cs + 1].lower in lex.wie_words
        ):
            return cs + 1  # "Denn wie die Zeitung berichtete, leidet …"
        if not settings.QUOTES_WIE_APPOSITION or toks[cs].lower in lex.wie_words or not self.v.tagged:
            return cs
        for j in range(cs - 1, a - 1, -1):
            if toks[j].tag.startswith("V") or j in self.masked:
                return cs
            if toks[j].lower in lex.wie_words and (j == a or toks[j - 1].text == ","):
                return j
        return cs

    def that_follows(self, v: int, b: int) -> bool:
        """Does the clause of cue v end in a comma and a dass/ob clause ("…, bekräftigte gegenüber Y,
        dass …"): the cue's message follows it, the stretch before it is no postposed message."""
        if not settings.QUOTES_POSTPOSED_THAT:
            return False
        e = clause_end(self.toks, v + 1, b, self.masked)
        return e + 1 < b and self.toks[e].text == "," and self.toks[e + 1].lower in self.lex.subordinators

    def inner_quote(self, k: int, a: int, end: int) -> bool:
        """Does direct quote k close a message [start, end) that begins with words of its own outside the
        quote (a main clause with its finite verb: "Der Planet begleitet den Stern „HD 13189“")?"""
        if not settings.QUOTES_POSTPOSED_INNER or not self.v.tagged:
            return False
        qa = self.dq[k][0]
        start = self.message_start(a, end)
        if qa - start < 3 or any(x in self.masked for x in range(start, qa)):
            return False
        return any(t.tag in clauses.FINITE_TAGS for t in self.toks[start:qa]) and clauses.main_clause(
            self, start, qa
        )

    def wie_source(self, j: int, v: int) -> NP | None:
        """The source of "wie sich aus X ergab" / "wie aus X hervorgeht": the noun phrase after the
        preposition (a reflexive pronoun may come first)."""
        toks, lex = self.toks, self.lex
        if j < v and toks[j].lower in lex.reflexive:
            j += 1
        if j + 1 >= v or toks[j].tag not in clauses.PREPOSITION_TAGS or toks[v].tag == "VVPP":
            return None  # not a passive "wie von X gefordert": the agent phrase is no source
        return speaker.parse_np(toks, j + 1, v, lex, oblique=True)

    def wie_quoted_source(self, j: int, v: int) -> NP | None:
        """ "wie die „Bild“-Zeitung in der Ausgabe vom Montag berichtete": a source with a quoted name,
        which the noun phrase reader does not take; the words from the article up to the verb, with a
        quoted name and no verb or comma among them (settings.QUOTES_WIE_QUOTED_SOURCE)."""
        toks = self.toks
        if not settings.QUOTES_WIE_QUOTED_SOURCE or j + 1 >= v or toks[j].tag != ARTICLE_TAG:
            return None
        if not any(x in self.masked for x in range(j + 1, v)):
            return None
        if any(t.tag.startswith("V") or t.text in CLAUSE_STOP for t in toks[j + 1 : v]):
            return None
        head = next((x for x in range(v - 1, j, -1) if x not in self.masked and toks[x].is_cap), v - 1)
        return NP(j, v, "source", head)

    def reported_act(self, a: int, b: int, v: int, sp: NP) -> bool:
        """A main clause "X forderte den Rücktritt" / "Als Grund gab X … an": a reported speech act."""
        if self.toks[a].lower in self.lex.clause_openers:
            return False
        if sp.kind == "noun" and not sp.definite:
            return False
        if sp.a == a and sp.b == v:
            return True  # subject first, verb second
        if sp.a == v + 1 or (
            sp.a > v and all(speaker.skippable(t, self.lex) for t in self.toks[v + 1 : sp.a])
        ):
            return v - a <= 4  # short prefield, verb, subject
        return False

    def complement(self, s: int, a: int, b: int, e: int, cue: Cue, sp: NP | None, first: int = -1) -> bool:
        """The quote after the cue's clause ends at token e ("," or ":"); ``first`` is the token after the
        first comma after the cue (an infinitive clause reaches back over verbless comma phrases to it)."""
        toks, lex = self.toks, self.lex
        v, frames = cue.v, cue.sense.frames
        sep = toks[e].text
        n = e + 1
        if n >= len(toks) or (n >= b and sep != ":"):
            return False
        k = self.dq_starting_at(n)
        if k is not None and sep in (":", ","):
            # the whole complement is a direct quote, or a V2 clause opens with one
            qa, qb = self.dq[k]
            if qb >= b - 1 or toks[qb].text in CLAUSE_STOP:
                self.direct_speaker.setdefault(k, (sp, cue, "colon"))
                return True
        if sep == ":" and "colon" in frames:
            ms, me = self.chars(n, b)
            self.add(Found("indirect", ms, me, s, sp, (v, cue.last + 1), self.cue_text(cue), frame="colon"))
            return True
        if sep != ",":
            return False
        w = toks[n].lower
        cue_rng = (v, cue.last + 1)
        if "that" in frames and (w in lex.subordinators or w in lex.wh):
            ms, me = self.chars(n, self.message_end(n, b))
            self.add(Found("indirect", ms, me, s, sp, cue_rng, self.cue_text(cue), frame="that"))
            return True
        window = min(b, n + KONJ_WINDOW)
        quoted = any(x in self.masked for x in range(n, window))
        hearsay = (
            settings.QUOTES_V2_HEARSAY
            and toks[n].tag not in clauses.RELATIVE_TAGS
            and any(self.is_konj(x, reportative=True) for x in range(n + 1, window))
        )
        if "v2" in frames and w not in lex.wie_words and (self.has_konj(n, window) or quoted or hearsay):
            ms, me = self.chars(n, self.message_end(n, b))
            self.add(Found("indirect", ms, me, s, sp, cue_rng, self.cue_text(cue), frame="v2"))
            return True
        if "that" in frames and self.zu_clause(n, b) and not clauses.purpose_clause(self, n, b):
            reach = (
                settings.QUOTES_ZU_REACH
                and self.v.tagged
                and 0 <= first < n
                and toks[n].tag not in SUBORDINATOR_TAGS
            )
            reach = reach and clauses.verbless(self, first, e)
            start = first if reach else n
            ms, me = self.chars(start, self.dependents_end(clause_end(toks, n, b, self.masked), b))
            self.add(Found("indirect", ms, me, s, sp, cue_rng, self.cue_text(cue), frame="zu"))
            return True
        return False

    def zu_clause(self, n: int, b: int) -> bool:
        """ "…, die Steuern zu senken": an infinitive clause (ends in "zu" + verb)."""
        e = clause_end(self.toks, n, b, self.masked)
        if e - n < 2:
            return False
        if settings.QUOTES_ZU_INFIX and self.toks[e - 1].tag == INFIX_ZU:
            return True  # "…, seine Ernennung zurückzunehmen"
        return self.toks[e - 2].lower in self.lex.infinitive and not self.toks[e - 1].is_cap

    def konj_clauses(self, s: int, a: int, b: int) -> None:
        """ "Der Vorwurf, das Gericht sei nicht legitim, …": a comma clause in Konjunktiv I."""
        toks, lex = self.toks, self.lex
        for e in range(a + 1, b - 2):
            if toks[e].text != "," or e in self.masked:
                continue
            n = e + 1
            if not (toks[e - 1].is_cap and toks[e - 1].text.isalpha()) or toks[e - 1].sent != s:
                continue  # only a clause that hangs on a noun ("der Vorwurf, …")
            if (
                toks[n].lower in lex.subordinators
                or toks[n].lower in lex.wh
                or toks[n].lower in lex.det_nom
                and (n + 1 < b and not toks[n + 1].is_cap)
            ):
                continue  # relative clauses and dass-clauses need a cue
            kon = next(
                (x for x in range(n, min(b, n + 5)) if self.is_konj(x) and toks[x].lower not in lex.konj2),
                None,
            )
            if kon is None or any(toks[x].text in CLAUSE_STOP for x in range(n, kon)):
                continue
            if any(f.start <= toks[n].start < f.end for f in self.found if f.kind != "direct"):
                continue
            start = n
            if settings.QUOTES_KONJ_VERB_FIRST and kon == n:
                # "Die Getöteten, vor allem Zivilisten, seien verbrannt worden": the verb of the sentence
                if any(t.tag in clauses.FINITE_TAGS for t in toks[a:e]):
                    continue
                start = a
            end = b
            nxt = clause_end(toks, kon + 1, b, self.masked)
            if (
                nxt < b - 1
                and toks[nxt].text == ","
                and not toks[nxt + 1].is_cap
                and not self.has_konj(nxt + 1, b)
            ):
                end = nxt
            sp = self.clause_subject(s, e)
            ms, me = self.chars(start, end)
            self.add(Found("indirect", ms, me, s, sp, None, None, frame="konj"))
            return

    def noun_cues(self, s: int, a: int, b: int) -> None:
        """ "ist der Ansicht, dass …": a speech noun, a comma, a dass/V2 clause."""
        toks, lex = self.toks, self.lex
        if settings.QUOTES_NOUN_ZU:
            self.noun_zu(s, a, b)
        if settings.QUOTES_BECAME_KNOWN:
            self.became_known(s, a, b)
        for i in range(a, b - 2):
            if i in self.masked or toks[i].text not in lex.clause_nouns or toks[i + 1].text != ",":
                continue
            if any(f.sent == s and f.kind != "direct" for f in self.found):
                return
            n = i + 2
            w = toks[n].lower
            if not (w in lex.subordinators or self.has_konj(n, min(b, n + KONJ_WINDOW))):
                continue
            sp = speaker.subject_before(toks, a, min(i, b), lex)
            if sp is None:
                np_ = speaker.parse_np(toks, a, b, lex)
                sp = np_ if np_ is not None and np_.b <= i else None
            ms, me = self.chars(n, self.message_end(n, b) if settings.QUOTES_CUE_MESSAGE_END else b)
            self.add(Found("indirect", ms, me, s, sp, (i, i + 1), toks[i].text, frame="noun"))
            return

    def overlaps_reported(self, ms: int, me: int) -> bool:
        """Does [ms, me) overlap a quote already found that is not a direct one?"""
        return any(f.start < me and ms < f.end for f in self.found if f.kind != "direct")

    def noun_zu(self, s: int, a: int, b: int) -> None:
        """ "Dem Appell der Polizei, sich zu stellen, …": a demand noun (with its genitive or prepositional
        attribute), a comma, an infinitive clause; the noun phrase is the speaker (it overlaps both the
        noun and the genitive that the gold marks)."""
        toks, lex = self.toks, self.lex
        if not self.v.tagged:
            return
        for e in range(a + 1, b - 2):
            if toks[e].text != "," or e in self.masked:
                continue
            n = e + 1
            if not self.zu_clause(n, b) or clauses.purpose_clause(self, n, b):
                continue
            cs = self.clause_start(a, e)
            head = next(
                (
                    i
                    for i in range(e - 1, max(cs, e - 9) - 1, -1)
                    if toks[i].text in lex.zu_nouns and i not in self.masked
                ),
                None,
            )
            if head is None or not clauses.verbless(self, head + 1, e):
                continue
            end = self.dependents_end(clause_end(toks, n, b, self.masked), b)
            ms, me = self.chars(n, end)
            if self.overlaps_reported(ms, me):
                continue
            start = head
            while start > cs and toks[start - 1].tag in NP_OPENING_TAGS:
                start -= 1
            sp = NP(start, e, "noun", head)
            found = Found("indirect", ms, me, s, sp, (head, head + 1), toks[head].text, frame="zu")
            found.firm = settings.QUOTES_NOUN_ZU_FIRM  # the screen has seen few of the demand nouns
            self.add(found)

    def became_known(self, s: int, a: int, b: int) -> None:
        """ "Im April wurde dann bekannt, dass …": a listed adjective, only verbs after it up to the comma,
        a form of "werden" in its clause, then a dass/ob clause: reported without a named speaker."""
        toks, lex = self.toks, self.lex
        if not self.v.tagged:
            return
        for i in range(a, b - 2):
            if i in self.masked or toks[i].lower not in lex.became_known:
                continue
            e = clause_end(toks, i + 1, b, self.masked)
            if e + 1 >= b or toks[e].text != "," or toks[e + 1].lower not in lex.subordinators:
                continue
            if not all(t.tag.startswith("V") for t in toks[i + 1 : e]):
                continue
            cs = self.clause_start(a, i)
            if not any(toks[x].lower in lex.became_known_verbs for x in range(cs, e)):
                continue
            n = e + 1
            ms, me = self.chars(n, self.message_end(n, b))
            if self.overlaps_reported(ms, me):
                continue
            self.add(Found("indirect", ms, me, s, None, (i, i + 1), toks[i].text, frame="that"))
