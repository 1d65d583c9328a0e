"""A second look at each quote's speaker, after the clause scanners and before resolution.

The scanners (``extractor``, ``sentences``) pick the speaker by its position next to the cue, or
copy the speaker of the quote before. Here, with the mentions of the NER at hand:

- a phrase that cannot speak is replaced by the best phrase of its clause: an object in the prefield
  ("Die praktische Anwendung … stellte der Vorsitzende X in Frage: „…“"), a dative ("Der Zeitung
  sagte X: „…“"), an abstract noun ("die Zustimmung seiner Regierung"), a genitive or PP object
  ("den Bericht der New York Times"), "man"/"es" ("heißt es im Bericht" → the PP);
- a pronoun right after the cue verb is its subject ("Der Politik schlug er vor, …");
- a relative pronoun before the cue is the speaker ("eines Hackers, der behauptet, …");
- a passive cue takes the source of its PP ("In einem Bericht der Zeitung wurde vermutet, …");
- a direct quote followed by ", so X" / ", sagte X" takes X;
- a continuation (a copied speaker) keeps it unless its own sentence names a subject in front of
  the message, or a new subject stands in the sentence between it and the quote it continues;
- a message whose own subject was taken for its speaker ("[Die Bundeswehr sei …]") takes the
  subject of the sentence before ("Lammert würdigte die Bundeswehr …").

Candidates are person, organisation and place mentions, role and source noun phrases and personal
pronouns outside quotes, scored by kind, case, position (clause start) and distance. The words and
thresholds live in ``lang/<lang>/quotes/speakers.toml`` (``speaker_lexicon``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsgraph.extract.quotes import speaker
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_lexicon import SpeakerWords
from newsgraph.extract.quotes.tokens import View

NOT, UNKNOWN, SURE = 0, 1, 2  # how sure a phrase can be a speaker
PERSON_LIKE = frozenset({"pronoun", "name", "role", "source"})
CLAUSE_PUNCT = frozenset({",", ":", ";", "(", ")", "–", "-"})


@dataclass(slots=True)
class Cand:
    np: NP
    score: float


class Selector:
    def __init__(self, v: View, lex: Lexicon, words: SpeakerWords, mentions: list | None) -> None:
        self.v, self.lex, self.words = v, lex, words
        self.toks = v.toks
        # token index -> mention type (PER / ORG / LOC), for mentions that can speak
        self.has_ner = bool(mentions)
        self.mention_at: dict[int, str] = {}
        for m in mentions or []:
            if m.type not in ("PER", "ORG", "LOC"):
                continue
            a = v.tok_at(m.start)
            b = v.tok_at(max(m.start, m.end - 1)) + 1
            if a >= len(self.toks):
                continue
            for x in range(a, min(b, len(self.toks))):
                self.mention_at[x] = m.type

    # ------------------------------------------------------------------ tests
    def has_mention(self, np_: NP) -> bool:
        return any(x in self.mention_at for x in range(np_.a, np_.b))

    def plausible(self, np_: NP) -> bool:
        return self.level(np_) == SURE

    def level(self, np_: NP, dependent: bool = False) -> int:
        """How sure is it that this phrase can be a speaker? NOT in an oblique case, for a pronoun
        that names nobody ("man", "es"), a fragment without determiner ("verdächtige Passagiere"),
        or a head that is an abstract noun ("die Prognose", "die Zustimmung seiner Regierung");
        SURE for a pronoun, a name, a mention, a role, source, document or person noun; else
        UNKNOWN (a common noun the word lists do not know)."""
        toks = self.toks
        if self.oblique(np_):
            return NOT
        if np_.kind == "pronoun":
            return NOT if toks[np_.a].lower in self.words.non_speakers else SURE
        if np_.kind == "indefinite":
            return SURE
        if np_.a > 0 and not dependent and self.attached(np_):
            return NOT
        run = self.head_run(np_)
        if not run:
            return SURE if np_.kind in PERSON_LIKE else NOT
        # a genitive name in front is not the head: "Stoibers Äußerungen"
        k = 0
        while (
            k + 1 < len(run)
            and run[k] in self.mention_at
            and run[k + 1] not in self.mention_at
            and toks[run[k]].lower.endswith(self.words.genitive_name_endings)
            and not self.lex.noun_kind(toks[run[k + 1]].text)
        ):
            k += 1
        if k:
            run = run[k:]
        if run[0] in self.mention_at or any(self.lex.noun_kind(toks[x].text) for x in run):
            return SURE
        head = toks[run[0]].lower
        if head.endswith(self.words.person_nouns) or head.endswith(self.words.document_nouns):
            return SURE
        if self.lex.is_speech_noun(toks[run[0]].text):
            return SURE
        if head.endswith(self.words.abstract_endings):
            return NOT
        if run[0] > np_.a and toks[np_.a].text[:1].islower() and toks[np_.a].lower not in self.lex.det_nom:
            return NOT  # no determiner, a lowercase attribute first: a fragment of a phrase
        if np_.kind == "name" or toks[run[0]].tag == "NE" or any(x in self.mention_at for x in run):
            return SURE
        return UNKNOWN

    def attached(self, np_: NP) -> bool:
        """Is the phrase a dependent of something before it, so not a subject? After a preposition
        ("Gegenüber NDR Info"), inside a phrase ("der Fraktions- und Parteivorsitzenden"), or a
        genitive right after a noun ("den Bericht der New York Times")."""
        toks, lex = self.toks, self.lex
        prev = toks[np_.a - 1]
        if prev.lower in lex.prepositions or prev.lower in lex.det_gen | lex.det_obl | lex.det_nom:
            return True
        if prev.text.endswith("-") or (prev.lower in lex.coordination and toks[np_.a - 2].text.endswith("-")):
            return True
        first = toks[np_.a].lower
        return (
            first in lex.det_gen
            and prev.is_cap
            and prev.text.isalpha()
            and (prev.tag in ("NN", "NE") or (not prev.tag and prev.sent == toks[np_.a].sent))
            and np_.a - 1 > self.v.sents[prev.sent][0]
        )

    def head_run(self, np_: NP) -> list[int]:
        """The tokens of the first noun run of a phrase: its head and a name next to it, not the
        dependents ("die Zustimmung" of "die Zustimmung seiner Regierung")."""
        toks, lex = self.toks, self.lex
        j = np_.a
        while j < np_.b and not toks[j].is_cap:
            j += 1
        if j == np_.a and toks[j].lower in lex.det_nom | lex.det_obl | lex.det_gen:
            j += 1  # a capitalized determiner at the sentence start
            while j < np_.b and not toks[j].is_cap:
                j += 1
        k = j
        while k < np_.b and toks[k].is_cap and not toks[k].is_punct and toks[k].lower not in lex.det_gen:
            k += 1
        return list(range(j, k))

    def oblique(self, np_: NP) -> bool:
        """ "Der englisch-sprachigen Zeitung": a weak adjective after a nominative-looking article
        shows a dative or genitive."""
        toks = self.toks
        if np_.b - np_.a < 3 or toks[np_.a].lower not in self.words.weak_articles:
            return False
        if np_.a > 0 and toks[np_.a - 1].lower in self.lex.prepositions:
            return False  # "laut der gleichen Agentur": the case comes from the preposition
        nxt = toks[np_.a + 1]
        word = nxt.text.replace("-", "")
        return (
            word.isalpha()
            and nxt.lower.endswith(self.words.oblique_adjective_endings)
            and (nxt.text[:1].islower() or toks[np_.a + 2].is_cap)  # "der Süddeutschen Zeitung"
            and self.mention_at.get(np_.a + 1) != "PER"
        )

    def after_prep(self, a: int, lo: int) -> bool:
        """Is the phrase starting at token ``a`` the object of a preposition (or a genitive)?"""
        toks, lex = self.toks, self.lex
        j = a - 1
        while j >= lo and (
            lex.is_adjective_like(toks[j].text) or (toks[j].lower in lex.det_obl and j == a - 1)
        ):
            j -= 1
        if j < lo:
            return False
        w = toks[j].lower
        return w in lex.prepositions or (w in lex.det_gen and w not in lex.det_nom and j == a - 1)

    # ------------------------------------------------------------------ candidates
    def candidates(
        self, lo: int, hi: int, blocked: set[int], anchor: int, keep_all: bool = False
    ) -> list[Cand]:
        """Speaker phrases in tokens [lo, hi) outside ``blocked``, scored (``keep_all``: also those
        scored 0 or below, for the learned ranker)."""
        toks, lex = self.toks, self.lex
        out: list[Cand] = []
        i = lo
        while i < hi:
            t = toks[i]
            if i in blocked or t.is_punct:
                i += 1
                continue
            np_ = None
            if (
                t.lower in lex.pronoun_gender
                and lex.pronoun_gender[t.lower] in ("m", "f", "pl")
                and not (t.lower in lex.det_nom and i + 1 < hi and toks[i + 1].is_cap)
            ):
                np_ = NP(i, i + 1, "pronoun", i)
            if np_ is None and (
                t.lower in lex.det_nom or t.is_cap or t.lower in lex.det_obl or t.lower in lex.det_gen
            ):
                np_ = speaker.parse_np(toks, i, hi, lex, oblique=True)
                if np_ is not None and any(x in blocked for x in range(np_.a, np_.b)):
                    np_ = None
            if np_ is None:
                i += 1
                continue
            sc = self.score(np_, lo, anchor)
            if sc > 0 or keep_all:
                out.append(Cand(np_, sc))
            i = max(np_.b, i + 1)
        return out

    def score(self, np_: NP, lo: int, anchor: int) -> float:
        toks, lex = self.toks, self.lex
        first = toks[np_.a].lower
        if np_.kind == "pronoun":
            if first in self.words.non_speakers:
                return 0.0
            base = 2.0
        else:
            kinds = {self.mention_at.get(x) for x in range(np_.a, np_.b)}
            if "PER" in kinds:
                base = 3.0
            elif np_.kind == "role":
                base = 2.5
            elif "ORG" in kinds or np_.kind == "source":
                base = 2.0
            elif "LOC" in kinds and np_.a == lo:
                base = 2.0  # a country as the subject of its sentence: "Der Iran streitet dies ab."
            elif np_.kind == "name" and (not self.has_ner or toks[np_.head].tag == "NE"):
                base = 1.5 if self.has_ner else 2.0
            elif first in lex.det_nom and np_.a == lo and self.level(np_) != NOT:
                base = 1.0  # a common noun subject at the sentence start: "Die Universität hatte …"
            else:
                return 0.0
        if first in lex.det_obl or first in (lex.det_gen - lex.det_nom) or self.oblique(np_):
            base -= 2.5
        if self.after_prep(np_.a, lo):
            base -= 2.5
        # subject positions: the clause start, or right after the finite verb
        prev = toks[np_.a - 1] if np_.a > lo else None
        if prev is None or prev.text in CLAUSE_PUNCT or prev.is_quote:
            base += 0.5
        dist = abs(np_.a - anchor) if np_.a > anchor else abs(anchor - np_.b)
        return base - 0.02 * dist

    # ------------------------------------------------------------------ selection
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
        return None

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

    def refine(self, found: list[Found]) -> None:
        toks = self.toks
        quoted: set[int] = set()  # no speaker inside a quoted message
        for g in found:
            if g.kind != "free_indirect":
                a = self.v.tok_at(g.start)
                b = self.v.tok_at(max(g.start, g.end - 1)) + 1
                quoted.update(range(a, min(b, len(toks))))
        replaced: dict[int, NP | None] = {}  # id of a replaced phrase -> its replacement
        kept: set[int] = set()  # ids of phrases judged right for a quote already
        alive: list[NP] = []  # the phrases behind those ids, so that no id is reused while we run
        for f in sorted(found, key=lambda g: g.start):
            if (
                f.speaker is not None
                and f.kind in ("free_indirect", "indirect")
                and f.cue is None
                and f.frame not in self.words.trusted_frames
                and self.inside(f.speaker, f)
            ):
                # the subject of the message itself ("[Die Bundeswehr sei …]") does not speak it:
                # the subject of the sentence before does ("Lammert würdigte die Bundeswehr …")
                f.speaker = self.lookback(f, quoted)
                f.speaker_chars = None
                continue
            if f.source is not None and f.speaker is None:
                # a continuation: a new subject in the sentence right before it, outside the quote it
                # continues, is its speaker ("Stolpe setzte dagegen auf Förderung. [Heutige Autos seien …]")
                new_sp = self.prefix_subject(f, quoted) if f.cue is None and f.kind != "direct" else None
                new_sp = new_sp or self.interloper(f, quoted)
                if new_sp is not None:
                    f.speaker, f.speaker_chars, f.source = new_sp, None, None
                continue
            if f.kind == "free_indirect":
                continue
            old = f.speaker
            if f.kind == "direct" and f.cue is None and old is not None and self.earlier(old, f):
                # a quote that continues an earlier speaker, unless its own sentence names one in
                # front of it ("Hier sparte der Bundespräsident nicht mit Kritik: „…“")
                own = self.prefix_subject(f, quoted, direct=True)
                if own is not None:
                    f.speaker = own
                    continue
            if old is not None and id(old) in replaced:
                f.speaker = replaced[id(old)]  # shares its speaker with a quote already looked at
                continue
            if old is not None and id(old) in kept:
                continue
            new = self.better(f, quoted)
            if new is old and old is not None:
                kept.add(id(old))
                alive.append(old)
            if new is not old:
                f.speaker = new
                if new is not None:
                    f.speaker_chars = None
                if old is not None:
                    replaced[id(old)] = new
                    alive.append(old)
        for f in found:  # free indirect speech copies the speaker of its source quote
            src = f.source
            if src is None or src.speaker is None:
                continue
            sp = replaced.get(id(src.speaker), src.speaker)
            src.speaker = sp
            f.speaker_chars = None if sp is None else (toks[sp.a].start, toks[sp.b - 1].end)

    def better(self, f: Found, quoted: set[int]) -> NP | None:
        """The speaker phrase ``f`` should have (``f.speaker`` itself when it is fine)."""
        if f.kind == "direct" and f.cue is None:
            post = self.after_quote(f)
            if post is not None:
                return post
        if f.speaker is None and f.speaker_chars is not None:
            # a continuation takes the speaker of the quote before, unless its own sentence has a
            # frame before the message: "Er forderte die SPD auf, [stärker zu sparen]"
            own = self.prefix_subject(f, quoted) if f.kind != "direct" and f.cue is None else None
            if own is not None:
                f.source = None
            return own
        if f.cue is not None and f.frame not in self.words.trusted_frames:
            rel = self.relative(f)
            if rel is not None:
                return rel  # "eines Hackers, der behauptet, …"
        level = NOT
        if f.speaker is not None:
            level = SURE if f.frame in self.words.trusted_frames else self.level(f.speaker)
            inverted = self.inverted_pronoun(f, level)
            if inverted is not None:
                return inverted
        if level == SURE:
            return f.speaker
        if f.speaker is not None and self.passive(f):
            agent = self.passive_source(f, quoted)  # "X wurde von Y als … bezeichnet": Y speaks
            if agent is not None:
                return agent
            if self.words.passive_subject_speaks is False and not self.quotes_object(f):
                return None  # "Die Männer werden beschuldigt, …": the subject is not the speaker
        if f.speaker is None and self.passive(f):
            # "In einem Bericht der Zeitung wurde vermutet, …": the source in a PP, else nobody
            return self.passive_source(f, quoted)
        if f.cue is not None and (f.speaker is None or f.speaker.kind == "pronoun" and level == NOT):
            # "heißt es im Abschlussbericht, …" / "In der Mitteilung heißt es, …"
            src = self.passive_source(f, quoted)
            if src is not None:
                return src
        if f.speaker is None and f.cue is None and f.kind != "direct":
            lead = self.leading_source(f, quoted)
            if lead is not None:
                return lead
        best = self.choose(f, quoted, self.words.min_score if level == NOT else self.words.strong_score)
        if best is not None:
            return best
        if (
            f.speaker is not None
            and f.speaker.kind == "pronoun"
            and level == NOT
            and self.words.drop_non_speakers
        ):
            return None  # "man sagt": nobody named
        if f.speaker is not None and not self.words.drop_implausible:
            return f.speaker
        return None


def refine(v: View, lex: Lexicon, found: list[Found], mentions: list | None) -> None:
    """Replace missing or implausible speakers of ``found`` in place."""
    from newsgraph import settings
    from newsgraph.extract.quotes.speaker_lexicon import load

    sel = Selector(v, lex, load(lex.lang), mentions)
    sel.refine(found)
    if settings.QUOTES_SPEAKER_RANKER:
        from newsgraph.extract.quotes.speaker_rank import rerank

        try:
            rerank(sel, found)  # the learned ranker picks among the rules' candidates
        except Exception:  # a ranker failure keeps the rules' speakers, never loses the quotes
            logging.getLogger(__name__).exception("speaker ranker failed; the rules' speakers are kept")
