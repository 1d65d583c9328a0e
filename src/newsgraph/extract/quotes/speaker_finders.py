"""Where a quote's speaker may stand besides the subject next to its cue: one finder per frame.

"„…“, so X" after a direct quote, the subject in front of a message that starts inside its
sentence, the sentences before a continuation, a pronoun right after the cue verb, a relative
pronoun before it, the source PP of a passive cue, a source preposition opening the message.
``speaker_select`` decides which finder a quote needs.
"""

from __future__ import annotations

from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes import speaker_conventions as conventions
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_scoring import SURE, Scorer


class Finders(Scorer):
    def after_quote(self, f: Found) -> NP | None:
        """ "„…“, so X" / "„…“, sagte X": the speaker right after a direct quote."""
        toks, lex = self.toks, self.lex
        j = self.v.tok_at(f.end)
        if j < len(toks) and toks[j].start < f.end:
            j += 1
        if j + 1 >= len(toks) or toks[j].text != ",":
            return None
        w = toks[j + 1]
        end = min(len(toks), j + 16)
        k = j + 2
        while k < end and toks[k].text not in (".", "!", "?", ";", ":") and not toks[k].is_quote:
            k += 1
        if w.lower in lex.so_words or w.lower in lex.verbs:
            sp = speaker.subject_after(toks, j + 1, k, lex)
            if sp is not None and not self.oblique(sp) and toks[sp.a].lower not in self.words.non_speakers:
                return sp  # the frame itself says this is the speaker
        return None

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
        for j in list(range(cs, v)) + list(range(v + 1, ce)):
            stop = v if j < v else ce
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
