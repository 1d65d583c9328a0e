"""Where a quote's speaker may stand besides the subject next to its cue: one finder per frame.

"„…“, so X" after a direct quote (also "so letztere", a quoted name, "heißt es in X", "wird X
zitiert"), a name before a quote in parentheses, the subject in front of a message that starts inside
its sentence, the sentences before a continuation, a pronoun right after the cue verb, a relative
pronoun before it, the source PP of a passive cue (also before a relative clause), the source PP after
"es"/"man", the prefield subject when the scanners took an object from the middle field, a source
preposition opening the message.
``speaker_select`` decides which finder a quote needs.
"""

from __future__ import annotations

from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes import speaker_conventions as conventions
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.clauses import FINITE_TAGS
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_scoring import NOT as NOT_SPEAKER
from newsgraph.extract.quotes.speaker_scoring import SURE, Scorer


class Finders(Scorer):
    def message_tokens(self, found: list[Found]) -> set[int]:
        """The tokens inside the messages of ``found`` (free indirect passages excepted): no speaker there."""
        return self.v.covered((g.start, g.end) for g in found if g.kind != "free_indirect")

    def token_after(self, f: Found) -> int:
        """The first token after the quote ``f`` (its closing mark included in the quote)."""
        j = self.v.tok_at(f.end)
        if j < len(self.toks) and self.toks[j].start < f.end:
            j += 1
        return j

    def after_quote(self, f: Found) -> NP | None:
        """ "„…“, so X" / "„…“, sagte X": the speaker right after a direct quote; also "„…“, so letztere"
        (an anaphor), "„…“, schrieb „Die Zeit“" (a quoted name) and "„…“ wird X … zitiert" (the subject
        of a passive verb that quotes its object)."""
        toks, lex, words = self.toks, self.lex, self.words
        j = self.token_after(f)
        if j + 1 >= len(toks):
            return None
        if toks[j].text == ",":
            j += 1  # j: the word after the comma
        elif not (
            words.passive_object
            and toks[j].lower in lex.passive
            or words.impersonal_source
            and toks[j].lower in lex.verbs
            and not toks[j].is_cap
        ):
            return None
        w = toks[j]
        end = min(len(toks), j + 15)
        k = j + 1
        while k < end and toks[k].text not in (".", "!", "?", ";", ":") and not toks[k].is_quote:
            k += 1
        if w.lower in lex.so_words and j + 1 < len(toks) and toks[j + 1].lower in words.anaphors:
            return NP(j + 1, j + 2, "pronoun", j + 1)  # "so letztere"
        if w.lower in lex.so_words or w.lower in lex.verbs:
            sp = speaker.subject_after(toks, j, k, lex)
            if sp is not None and not self.oblique(sp) and toks[sp.a].lower not in words.non_speakers:
                return sp  # the frame itself says this is the speaker
            if sp is None and words.quoted_names and w.lower not in lex.so_words:
                return self.quoted_name(j + 1)
            if sp is not None and words.impersonal_source and toks[sp.a].lower in words.non_speakers:
                return self.source_pp(sp.b, k)  # "„…“, heißt es in einer Erklärung"
        if (
            words.passive_object
            and w.lower in lex.passive
            and self.quoting_verb(j + 1, min(len(toks), j + 20))
        ):
            sp = speaker.subject_after(toks, j, k, lex)
            if sp is not None and not self.oblique(sp) and toks[sp.a].lower not in words.non_speakers:
                return sp
        return None

    def impersonal(self, np_: NP, f: Found) -> NP | None:
        """ "heißt es im Abschlussbericht, […]": a non-speaker pronoun ("es", "man") gives way to the source
        PP after it in its clause, or, opening its sentence, to the subject after its verb ("Es ziehen 47
        Prozent der Befragten die Schlussfolgerung, […]")."""
        toks = self.toks
        if np_.kind != "pronoun" or toks[np_.a].lower not in self.words.non_speakers:
            return None
        m = self.v.tok_at(f.start)
        ce = np_.b
        while ce < len(toks) and ce - np_.b < 12 and toks[ce].text not in (",", ":", ";", ".") and ce < m:
            if toks[ce].is_quote:
                break
            ce += 1
        pp = self.source_pp(np_.b, ce)
        if pp is not None:
            return pp
        sa = self.v.sents[toks[np_.a].sent][0]
        if np_.a == sa and np_.b < ce and toks[np_.b].tag in FINITE_TAGS:
            sub = speaker.subject_after(toks, np_.b, ce, self.lex)
            if sub is not None and sub.kind != "pronoun" and self.level(sub) != NOT_SPEAKER:
                return sub
        return None

    def source_pp(self, a: int, b: int) -> NP | None:
        """ "in einer Pressemitteilung des CCC": the first source preposition in tokens [a, b) and the
        speaker phrase after it (a document, a body, a person)."""
        toks = self.toks
        for j in range(a, b):
            if toks[j].lower not in self.words.passive_source_prepositions or j + 1 >= b:
                continue
            np_ = self.widen(speaker.parse_np(toks, j + 1, b, self.lex, oblique=True), b)
            if np_ is not None and self.level(np_, dependent=True) == SURE:
                return NP(j, np_.b, "source", np_.head, np_.name)
            return None
        return None

    def widen(self, np_: NP | None, b: int) -> NP | None:
        """ "einer gestern verbreiteten Erklärung": an article the grammar read as an indefinite pronoun
        runs on to the first noun after its attributes (before token ``b``)."""
        toks = self.toks
        if np_ is None or np_.kind != "indefinite":
            return np_
        for k in range(np_.b, min(b, np_.b + 4)):
            t = toks[k]
            if t.is_punct or t.lower in self.lex.verbs:
                break
            if t.is_cap and (not t.tag or t.tag in speaker.NOUN_TAGS):
                return NP(np_.a, k + 1, "noun", k)
        return np_

    def quoted_name(self, i: int) -> NP | None:
        """ "„Die Zeit“": a short capitalised name in quotation marks starting at token ``i``."""
        toks = self.toks
        if i + 2 >= len(toks) or not toks[i].is_quote or not toks[i + 1].is_cap:
            return None
        for c in range(i + 2, min(len(toks), i + 7)):
            if toks[c].is_quote:
                return NP(i, c + 1, "source", c - 1)
            if toks[c].is_punct or toks[c].sent != toks[i].sent:
                break
        return None

    def quoting_verb(self, a: int, b: int) -> bool:
        """Is there, in tokens [a, b) of one sentence, a speech verb that names the one quoted as its
        object ("zitiert")?"""
        toks = self.toks
        for x in range(a, b):
            if toks[x].text in (".", "!", "?", ";") or toks[x].sent != toks[a].sent:
                return False
            if any(sense.object_speaker for sense in self.lex.verbs.get(toks[x].lower, [])):
                return True
        return False

    def parenthesis(self, f: Found) -> NP | None:
        """ "…, Mohammed ElBaradei („Mir fällt niemand ein …“), und …": a direct quote alone in parentheses
        right after a person's name (a PER mention; a proper noun when there is no NER) is that person's."""
        toks = self.toks
        m = self.v.tok_at(f.start)
        e = self.v.last_tok(f.start, f.end) + 1
        if m < 2 or e >= len(toks) or toks[m - 1].text != "(" or toks[e].text != ")":
            return None

        def named(x: int) -> bool:
            if self.has_ner:
                return self.mention_at.get(x) == "PER"
            return toks[x].tag == "NE"

        b = m - 1
        a = b
        while a - 1 >= 0 and b - a < 5 and named(a - 1) and toks[a - 1].sent == toks[m].sent:
            a -= 1
        if a == b:
            return None
        return NP(a, b, "name", b - 1, (a, b))

    def earlier(self, np_: NP, f: Found) -> bool:
        """Does the phrase stand in a sentence before the one the quote starts in?"""
        m = self.v.tok_at(f.start)
        return m < len(self.toks) and self.toks[np_.a].sent < self.toks[m].sent

    def prefix_subject(self, f: Found, blocked: set[int], direct: bool = False) -> NP | None:
        """The subject of the clause in front of a message that starts inside its sentence."""
        toks = self.toks
        m = self.v.tok_at(f.start)
        if m >= len(toks):
            return None
        sa, _sb = self.v.sents[toks[m].sent]
        if m - sa < 2 or not (direct or toks[m - 1].text in (",", ":")):
            return None
        end = m if direct and toks[m - 1].text not in (",", ":") else m - 1
        cands = [c for c in self.candidates(sa, end, blocked, m) if c.np.b <= end]
        if not cands:
            return None
        best = max(cands, key=lambda c: c.score)
        return best.np if best.score >= self.words.prefix_score else None

    def main_clause(self, f: Found) -> NP | None:
        """ "…, halten die Befehlshaber der US-Streitkräfte einen Abzug für unwahrscheinlicher, [da …]",
        "…, war sich die Staatsanwaltschaft sicher, [dass …]": the subject of the clause right before a
        message that starts inside its sentence after a comma: the phrase in front of its finite verb, else
        the one after it."""
        toks, lex = self.toks, self.lex
        m = self.v.tok_at(f.start)
        if m < 2 or m >= len(toks) or toks[m - 1].text != "," or not self.v.tagged:
            return None
        sa = self.v.sents[toks[m].sent][0]
        cs = m - 2
        while cs > sa and toks[cs - 1].text not in (",", ":", ";"):
            cs -= 1
        fin = next((x for x in range(cs, m - 1) if toks[x].tag in FINITE_TAGS), None)
        if (
            fin is None
            or toks[cs].lower in lex.subordinators
            or toks[cs].lower in self.words.relative_pronouns
        ):
            return None  # no main clause: a subordinate or relative clause before the message
        sp = speaker.subject_before(toks, cs, fin, lex) if fin > cs else None  # "X kritisierte Y dafür, …"
        if sp is None:
            sp = speaker.subject_after(toks, fin, m - 1, lex)  # "Unter … Bedingungen halten X …"
        if sp is None or self.oblique(sp) or toks[sp.a].lower in self.words.non_speakers:
            return None
        return sp if self.level(sp) != NOT_SPEAKER else None

    def inside(self, np_: NP, f: Found) -> bool:
        return f.start <= self.toks[np_.a].start and self.toks[np_.b - 1].end <= f.end

    def lookback(self, f: Found, blocked: set[int]) -> NP | None:
        """The best speaker phrase in the sentences right before the message."""
        m = self.v.tok_at(f.start)
        if m >= len(self.toks):
            return None
        s0 = self.toks[m].sent
        for s in range(s0 - 1, max(-1, s0 - 1 - self.words.lookback_sentences), -1):
            sa, sb = self.v.sents[s]
            cands = self.candidates(sa, sb, blocked, sa)
            if cands:
                best = max(cands, key=lambda c: c.score)
                if best.score >= self.words.min_score:
                    return best.np
        return None

    def interloper(self, f: Found, blocked: set[int]) -> NP | None:
        src = f.source
        m = self.v.tok_at(f.start)
        if src is None or m >= len(self.toks):
            return None
        s0 = self.toks[m].sent
        if s0 == 0:
            return None
        sa, sb = self.v.sents[s0 - 1]
        pa, pb = self.v.sent_chars(s0 - 1)
        if src.end > pa and src.start < pb or any(x in blocked for x in range(sa, sb)):
            return None  # the sentence before is (part of) a quote
        cands = [c for c in self.candidates(sa, sb, blocked, sa) if c.np.kind != "pronoun"]
        if not cands:
            return None
        best = max(cands, key=lambda c: c.score)
        return best.np if best.score >= self.words.interloper_score else None

    def inverted_pronoun(self, f: Found, level: int) -> NP | None:
        """ "Der Politik schlug er vor, …": a personal pronoun right after the cue verb is its
        subject, so the phrase in front of the verb is an object ("sie" only when that phrase is
        not sure to be a speaker: it may be the object in "X forderte sie auf")."""
        toks, lex = self.toks, self.lex
        sp = f.speaker
        if f.cue is None or sp is None or sp.kind == "pronoun" or sp.b > f.cue[0]:
            return None
        j = f.cue[0] + 1
        if j >= len(toks):
            return None
        w = toks[j].lower
        gender = lex.pronoun_gender.get(w)
        if gender == "m" and w not in lex.det_nom or gender in ("f", "pl") and level != SURE:
            return NP(j, j + 1, "pronoun", j)
        return None

    def prefield(self, f: Found) -> NP | None:
        """ "Jüttner hatte Lenz gestern aufgefordert, […]", "Milinkewitsch kritisierte die Handlungsweise
        Kozulins als „…“": a speaker phrase the scanners took from the middle field (after the finite verb)
        is an object when the prefield holds a subject phrase; that phrase speaks. Not when the middle-field
        phrase looks nominative ("hatte der Minister erklärt") or is a pronoun."""
        toks, lex = self.toks, self.lex
        sp = f.speaker
        if f.cue is None or sp is None or sp.kind == "pronoun" or not self.v.tagged or sp.a == 0:
            return None
        if toks[sp.a].lower in lex.det_masc_nom or toks[sp.a].tag == "NE" and toks[sp.a - 1].tag != "VAFIN":
            return None
        run = self.head_run(sp)
        head = toks[run[0]] if run else toks[sp.head]
        if lex.is_speech_noun(head.text) or head.lower.endswith(self.words.document_nouns):
            return None  # "dementierte Berichte der Zeitung, …": the object is itself a source
        v = f.cue[0]
        sa = self.v.sents[toks[v].sent][0]
        if toks[v].tag == "VVPP" and sp.b <= v:
            x = sp.a - 1
            while x > sa and sp.a - x < 6 and toks[x].lower not in lex.auxiliaries and not toks[x].is_punct:
                x -= 1
            if toks[x].lower not in lex.auxiliaries or toks[x].tag != "VAFIN":
                return None
        elif toks[v].tag == "VVFIN" and sp.a > v and v > sa:
            x = v
        else:
            return None
        pre = speaker.parse_np(toks, sa, x, lex)
        if pre is None or pre.kind == "pronoun" or self.oblique(pre) or self.level(pre) != SURE:
            return None
        rest = toks[pre.b : x]
        if rest and (
            rest[-1].text != ","
            or any(t.tag.startswith("V") or t.is_quote or t.text in (":", ";") for t in rest)
        ):
            return None  # the prefield is more than this phrase (and an apposition or PP after it)
        if not rest:
            return pre
        # "Der Fraktionsvorsitzende im Landtag, Wolfgang Jüttner,": the phrase runs to the apposition's end
        b = x - 1
        a = b
        while a > pre.b and toks[a - 1].tag == "NE":
            a -= 1
        return NP(pre.a, b, pre.kind, pre.head, (a, b) if a < b else pre.name, pre.definite)

    def relative(self, f: Found) -> NP | None:
        """ "eines Hackers, der behauptet, …": the relative pronoun right before the cue verb."""
        toks = self.toks
        v = f.cue[0] if f.cue is not None else -1
        j = v - 1
        while j > 0 and speaker.skippable(toks[j], self.lex) and v - j < 4:
            j -= 1
        if j > 0 and toks[j].lower in self.words.relative_pronouns and toks[j - 1].text == ",":
            return NP(j, j + 1, "pronoun", j)
        return conventions.relative_clause(self, v, f.cue[1] if f.cue is not None else -1)

    def passive_source(self, f: Found, blocked: set[int]) -> NP | None:
        """The phrase after a source preposition in the passive clause of the cue."""
        toks, lex = self.toks, self.lex
        v = f.cue[0] if f.cue is not None else -1
        if v < 0:
            return None
        sa, sb = self.v.sents[toks[v].sent]
        cs = v - 1
        while cs > sa and toks[cs - 1].text not in (",", ":", ";"):
            cs -= 1
        ce = v + 1
        while ce < sb and toks[ce].text not in (",", ":", ";", ".") and not toks[ce].is_quote:
            ce += 1
        front = self.before_relative(cs, sa)  # "In einer Presseerklärung, die … wurde, wurde verkündet"
        for j in list(range(*front)) + list(range(cs, v)) + list(range(v + 1, ce)):
            stop = front[1] if j < front[1] else v if j < v else ce
            if toks[j].lower not in self.words.passive_source_prepositions or j + 1 >= stop:
                continue
            np_ = speaker.parse_np(toks, j + 1, stop, lex, oblique=True)
            if np_ is None or any(x in blocked for x in range(np_.a, np_.b)):
                continue
            if toks[j].lower in self.words.placeless_prepositions and any(
                self.mention_at.get(x) == "LOC" for x in range(np_.a, np_.b)
            ):
                continue  # "Aus Hamburg wird gemeldet": a place, not a source
            if self.level(np_, dependent=True) == SURE:
                return NP(j, np_.b, "source", np_.head, np_.name)
        return None

    def before_relative(self, cs: int, sa: int) -> tuple[int, int]:
        """When the clause that starts at token ``cs`` follows a relative clause (", die am Mittwoch
        veröffentlicht wurde,"), the tokens of the clause in front of that relative clause; else (0, 0)."""
        toks = self.toks
        if cs - 2 <= sa or toks[cs - 1].text != ",":
            return (0, 0)
        r = cs - 2
        while r > sa and toks[r].text not in (",", ":", ";"):
            r -= 1
        if toks[r].text != "," or toks[r + 1].lower not in self.words.relative_pronouns or toks[r + 2].is_cap:
            return (0, 0)  # no relative clause (an apposition: ", die Pakistanische Volkspartei,")
        c0 = r
        while c0 > sa and toks[c0 - 1].text not in (",", ":", ";"):
            c0 -= 1
        return (c0, r)

    def leading_source(self, f: Found, blocked: set[int]) -> NP | None:
        """ "[Nach dem Urteil sind Durchsuchungen nur erlaubt …]": a message that opens with a
        source preposition and a speaker phrase names its source there."""
        toks, lex = self.toks, self.lex
        m = self.v.tok_at(f.start)
        if m + 2 >= len(toks) or toks[m].lower not in self.words.leading_source_prepositions:
            return None
        sa = self.v.sents[toks[m].sent][0]
        if m != sa:
            return None
        np_ = speaker.parse_np(toks, m + 1, self.v.sents[toks[m].sent][1], lex, oblique=True)
        if np_ is None or toks[np_.a].text in lex.time_nouns:
            return None
        lvl = self.level(np_, dependent=True)
        has_name = any(x in self.mention_at for x in range(np_.a, np_.b))
        return np_ if lvl == SURE or has_name else None

    def quotes_object(self, f: Found) -> bool:
        """Does the cue name its speaker as its object ("zitiert X", passive "X wird zitiert")?"""
        if f.cue is None:
            return False
        senses = self.lex.verbs.get(self.toks[f.cue[0]].lower, [])
        return any(sense.object_speaker for sense in senses)

    def passive(self, f: Found) -> bool:
        """Is the cue a participle after a passive auxiliary ("wird vorgeworfen", "wurde mitgeteilt")?"""
        if f.cue is None:
            return False
        v = f.cue[0]
        sa, sb = self.v.sents[self.toks[v].sent]
        # "wird … vorgeworfen" / "…, dass X aufgefordert wurde"
        return any(self.toks[x].lower in self.lex.passive for x in range(max(sa, v - 6), min(sb, v + 3)))

    def choose(self, f: Found, blocked: set[int], min_score: float) -> NP | None:
        toks = self.toks
        s = f.sent
        sa, sb = self.v.sents[s]
        if f.kind == "direct":
            anchor = self.v.tok_at(f.start)
            if f.speaker is not None and toks[f.speaker.a].sent != s:
                s = toks[f.speaker.a].sent  # the clause the scanner took the phrase from
                sa, sb = self.v.sents[s]
        else:
            anchor = f.cue[0] if f.cue is not None else self.v.tok_at(f.start)
            if anchor < len(toks) and toks[anchor].sent != s:
                s = toks[anchor].sent
                sa, sb = self.v.sents[s]
        cands = self.candidates(sa, sb, blocked, anchor)
        if not cands:
            return None
        best = max(cands, key=lambda c: c.score)
        return best.np if best.score >= min_score else None
