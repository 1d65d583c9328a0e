"""Find the quotes of one document: direct quotes, indirect and reported speech, free indirect.

The scanners work per sentence on a token view; direct quotes come from the mark scanner and
take their speaker from the cue next to them. Results are ``Found`` candidates; the component
turns them into ``model.Quote`` records.
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import (
    chains,
    clauses,
    direct,
    linear,
    naming,
    screen,
    sentences,
    speaker,
    speech_acts,
)
from newsgraph.extract.quotes.candidates import NESTED_FRAME, Found
from newsgraph.extract.quotes.cues import CLAUSE_STOP, Cue, clause_end, find_verbs
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import QUOTE_CHARS, View

SHORT_QUOTE_WORDS = settings.QUOTES_SHORT_WORDS
KONJ_WINDOW = settings.QUOTES_KONJ_WINDOW
FREE_WINDOW = settings.QUOTES_FREE_WINDOW
FREE_KONJ2 = settings.QUOTES_FREE_KONJ2
MIN_MESSAGE_WORDS = settings.QUOTES_MIN_MESSAGE_WORDS
DIRECT_CHAIN = settings.QUOTES_DIRECT_CHAIN
FREE_MERGE = settings.QUOTES_FREE_MERGE
FREE_RULE = settings.QUOTES_FREE_RULE
SPEECH_ACTS = settings.QUOTES_SPEECH_ACTS
SENTENCE_PUNCT = direct.SENTENCE_PUNCT
INFIX_ZU = "VVIZU"  # the tagger's tag of an infinitive with "zu" inside ("zurückzunehmen")
RELATIVE_TAGS = ("PRELS", "PRELAT")  # a relative clause (tagger tags)
SUBORDINATOR_TAGS = ("KOUS", "KOUI")  # a subordinate clause: "weil", "damit"; "um … zu"


class Extractor:
    def __init__(self, v: View, lex: Lexicon, models: tuple[str, ...] | None = None) -> None:
        self.v = v
        # the learned stages to run after the rules: "screen", "sentences" (default: settings, read now)
        self.models = settings.QUOTES_MODELS if models is None else models
        self.toks = v.toks
        self.lex = lex
        self.found: list[Found] = []
        self.marked = direct.scan(v.text, lex)
        # token ranges of direct quotes, and the set of masked token indices
        self.dq: list[tuple[int, int]] = []
        self.masked: set[int] = set()
        for m in self.marked:
            a = v.tok_at(m.start)
            b = v.tok_at(m.end - 1) + 1 if m.end > m.start else a
            b = min(b, len(self.toks))
            self.dq.append((a, b))
            self.masked.update(range(a, b))
        self.direct_speaker: dict[int, tuple[NP | None, Cue | None, str]] = {}
        self.sent_cues: dict[int, list[tuple[Cue, NP | None]]] = {}
        self.direct_cue_tok: dict[int, int] = {}
        self.anaphoric_sents: set[int] = set()  # sentences whose cue reports the one before ("Das sagte X")
        # acts of naming ("nannte X „…“"): id of the candidate -> the direct quote that is its message
        self.named: dict[int, int] = {}
        self.named_quotes: set[int] = set()  # direct quotes that are a name a naming verb gives ("als „…“")

    # ------------------------------------------------------------------ helpers
    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens [a, b) without trailing sentence punctuation."""
        while b > a + 1 and self.toks[b - 1].text in CLAUSE_STOP:
            b -= 1
        return self.toks[a].start, self.toks[b - 1].end

    def dq_ending_at(self, j: int) -> int | None:
        """Index of the direct quote whose last token is j."""
        for k, (_a, b) in enumerate(self.dq):
            if b - 1 == j:
                return k
        return None

    def dq_starting_at(self, j: int) -> int | None:
        for k, (a, _b) in enumerate(self.dq):
            if a == j:
                return k
        return None

    def is_konj(self, i: int, reportative: bool = False) -> bool:
        """Is token i a Konjunktiv (I or II) verb form (or the hearsay "soll", when asked)?"""
        t, lex = self.toks[i], self.lex
        if i in self.masked or t.is_cap:
            return False
        if t.lower in lex.konj1 or t.lower in lex.konj2 or (reportative and t.lower in lex.reportative):
            return i == 0 or self.toks[i - 1].lower not in lex.first_person
        if (
            not t.lower.endswith(lex.konj_endings)
            or len(t.lower) < 4
            or t.lower.endswith(lex.konj_not_endings)
        ):
            return False
        prev = self.toks[i - 1].lower if i > 0 else ""
        if t.tag:
            # auxiliaries are in the lists; the ending rule is for full and modal verbs only
            return t.tag in ("VVFIN", "VMFIN") and prev not in lex.first_person
        return prev in lex.konj_pronouns

    def has_konj(self, a: int, b: int) -> bool:
        return any(self.is_konj(i) for i in range(a, b))

    def add(self, f: Found) -> None:
        if f.end <= f.start:
            return
        if f.kind != "direct" and len(self.v.text[f.start : f.end].split()) < MIN_MESSAGE_WORDS:
            return  # "Dennoch, so X": too short to be a message
        self.found.append(f)

    def cue_text(self, cue: Cue) -> str:
        t = self.toks[cue.v].text
        if cue.particle is not None:
            return f"{t} … {self.toks[cue.particle].text}"
        return t

    # ------------------------------------------------------------------ verbs
    def run(self) -> list[Found]:
        for s, (a, b) in enumerate(self.v.sents):
            self.sentence(s, a, b)
        naming.mark(self)
        self.directs()
        self.dedupe()
        if FREE_RULE:
            self.free_indirect()
        if "screen" in self.models:
            model = linear.load(self.lex.lang, screen.MODEL)
            if model is not None:
                self.found = screen.screen(self, model)
        if "sentences" in self.models:
            model = linear.load(self.lex.lang, sentences.MODEL)
            if model is not None:
                classified = sentences.classify(self, model)
                self.found.extend(classified)
                if settings.QUOTES_NESTED_DIRECT != "none":
                    self.nested_in(classified)
        if self.named or self.named_quotes:
            self.found = naming.settle(self)
        self.found = chains.merge(self, self.found)
        if SPEECH_ACTS:
            self.found.extend(speech_acts.find(self))
        return self.found

    def nested_in(self, hosts: list[Found]) -> None:
        """Quoted phrases inside the sentences the classifier accepted ("Eine „offene architektonische
        Frage“ sei der Grund"), which the mark scanner left for want of a cue: direct quotes of the
        host's speaker, as inside any other quote."""
        done = {(f.start, f.end) for f in self.found if f.kind == "direct"}
        for k, m in enumerate(self.marked):
            host = next((f for f in hosts if f.start <= m.start and m.end <= f.end + 1), None)
            if host is None or (m.start, m.end) in done:
                continue
            if host.speaker is None and host.speaker_chars is None:
                continue
            inner = self.v.text[m.inner[0] : m.inner[1]]
            mode = settings.QUOTES_NESTED_DIRECT
            if mode == "lower" and not inner[:1].islower():
                continue
            if mode == "multi" and direct.count_words(inner) < 2:
                continue
            a = self.dq[k][0]
            if m.opened and a > 0 and self.is_title(a - 1):
                continue  # "der Film „…“": a title
            f = Found(
                "direct",
                m.start,
                m.end,
                host.sent,
                None,
                host.cue,
                host.cue_text,
                speaker_chars=host.inherited_speaker(self.toks),
                frame=NESTED_FRAME,
                nested=True,
                source=host,
            )
            self.found.append(f)

    def dedupe(self) -> None:
        """Overlapping non-direct candidates: keep the one a speech verb found (then the longer)."""
        rank = {
            "that": 0,
            "v2": 0,
            "colon": 0,
            "postposed": 1,
            "wie": 1,
            "zu": 2,
            "anaphoric": 2,
            "impersonal": 2,
            "noun": 3,
            "so": 3,
            "marker": 4,
            "pronominal": 4,
            "object": 5,
            "konj": 6,
        }
        others = sorted(
            (f for f in self.found if f.kind != "direct"),
            key=lambda f: (rank.get(f.frame, 6), -(f.end - f.start)),
        )
        kept: list[Found] = []
        for f in others:
            clash = any(
                min(f.end, g.end) - max(f.start, g.start) > 0.5 * min(f.end - f.start, g.end - g.start)
                for g in kept
            )
            if not clash:
                kept.append(f)
        self.found = [f for f in self.found if f.kind == "direct"] + kept

    def sentence(self, s: int, a: int, b: int) -> None:
        toks, lex = self.toks, self.lex
        cues = find_verbs(toks, a, b, self.masked, lex)
        done_tokens: set[int] = set()
        for cue in cues:
            if cue.v in done_tokens:
                continue
            got = self.verb_frames(s, a, b, cue)
            if got:
                done_tokens.add(cue.v)
        self.markers(s, a, b)
        self.noun_cues(s, a, b)
        self.konj_clauses(s, a, b)

    def clause_start(self, a: int, v: int) -> int:
        j = v - 1
        while j >= a:
            if j not in self.masked and self.toks[j].text in (",", ":", ";"):
                return j + 1
            j -= 1
        return a

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
        ):
            sp = None if cue.sense.impersonal else speaker.subject_after(toks, v, b, lex)
            if cue.sense.object_speaker:
                sp = self.quoted_one(s, a, b, v + 1, v, sp)
            if sp is not None or cue.sense.impersonal:
                k = self.dq_ending_at(prev) if bare else self.dq_ending_at(prev - 1)
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
        if cue.sense.joined and not (v > a and any(toks[x].lower in lex.auxiliaries for x in range(a, v))):
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
            if "object" in frames and sp is not None and self.reported_act(a, b, v, sp):
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

    def wie_start(self, a: int, v: int) -> int:
        """The start of the clause of cue v, read over appositions when it opens with "wie" ("Wie
        Steve Marshall, Sprecher der UN, in Bangkok mitteilte, …"): the nearest "wie" at the sentence
        start or after a comma with no other verb before v."""
        toks, lex = self.toks, self.lex
        cs = self.clause_start(a, v)
        if not settings.QUOTES_WIE_APPOSITION or toks[cs].lower in lex.wie_words or not self.v.tagged:
            return cs
        for j in range(cs - 1, a - 1, -1):
            if toks[j].tag.startswith("V") or j in self.masked:
                return cs
            if toks[j].lower in lex.wie_words and (j == a or toks[j - 1].text == ","):
                return j
        return cs

    def quoted_one(self, s: int, a: int, b: int, cs: int, v: int, subj: NP | None) -> NP | None:
        """For "zitieren": the object ("zitiert den Prediger"), or the passive subject ("X wird zitiert")."""
        toks, lex = self.toks, self.lex
        if subj is None:
            j = cs
            while j < v and toks[j].text in lex.prefield_adverbs:
                j += 1
            return speaker.parse_np(toks, j, v, lex)
        j = max(v + 1, subj.b if subj.a > v else v + 1)
        steps = 0
        while j < b and steps < 8 and toks[j].text not in CLAUSE_STOP:
            np_ = speaker.parse_np(toks, j, b, lex, oblique=True)
            if np_ is not None:
                return np_
            j += 1
            steps += 1
        return subj

    def subject(self, s: int, a: int, b: int, cs: int, v: int) -> NP | None:
        toks, lex = self.toks, self.lex
        clause = range(cs, v)
        if (
            any(toks[x].lower in lex.passive for x in clause)
            and toks[v].lower not in lex.verbs.get(toks[v].lower, [])
            and self._is_participle(v)
        ):
            return None  # "Es wurde angekündigt, dass …", "Ihm wird vorgeworfen, …"
        if v > cs and toks[v - 1].lower in lex.pronoun_gender:
            return NP(v - 1, v, "pronoun", v - 1)  # verb-final clause: "in dem er verlangte"
        coord = [x for x in clause if toks[x].lower in lex.coordination and x > cs]
        if coord:
            sp = speaker.subject_before(toks, coord[-1] + 1, v, lex)
            if sp is not None:
                return sp
        sp = speaker.subject_before(toks, cs, v, lex) or (
            speaker.subject_before(toks, a, v, lex) if cs > a else None
        )
        if sp is None and cs < v and toks[cs].text in lex.prefield_adverbs:
            sp = speaker.subject_before(toks, cs + 1, v, lex)  # "Auch der Schiedsrichter kritisierte, …"
        if sp is not None and sp.b - sp.a == 1 and sp.kind != "pronoun" and sp.a == a:
            after = speaker.subject_after(toks, v, b, lex)
            if toks[a].lower in lex.anaphoric:
                sp = after  # "Dies bestätigte Stoiber"
            elif (
                not toks[a].tag
                and after is not None
                and (after.kind == "pronoun" or toks[after.a].lower in lex.det_masc_nom)
            ):
                sp = after  # "Zuletzt betonte der Staatschef": the prefield was an adverb, not a name
        if sp is None and cs < v and toks[cs].lower in lex.det_nom and cs > a and toks[cs - 1].text == ",":
            # relative clause "Tokajew, der … als „…“ bezeichnet"
            sp = speaker.parse_np(toks, self.clause_start(a, cs - 1), cs - 1, lex)
        if sp is None and v > a and toks[v - 1].lower in lex.coordination:
            # "X sprach sich dagegen aus und sagte, …": the subject of the first clause
            j = a
            while j < v and toks[j].text in lex.prefield_adverbs:
                j += 1
            sp = speaker.parse_np(toks, j, v, lex)
        if sp is None:
            sp = speaker.subject_after(toks, v, b, lex)
        if sp is None:
            aux = next((x for x in clause if toks[x].lower in lex.auxiliaries), None)
            if aux is not None:  # "Im Vorfeld hatte das Komitee betont, dass …"
                sp = self.prefield_subject(cs, aux) or speaker.subject_after(toks, aux, v, lex)
        if sp is None and v - 1 > cs and toks[v - 1].text == ",":
            # "Der Doktorvater zu Guttenbergs, Peter Häberle, erklärte": the name in the apposition
            k = v - 2
            while k > cs and toks[k - 1].text != ",":
                k -= 1
            np_ = speaker.parse_np(toks, k, v - 1, lex)
            if np_ is not None and np_.b == v - 1 and np_.kind in ("name", "role"):
                sp = np_
        if sp is None and cs < v:
            j = cs
            while j < v and (toks[j].text in lex.prefield_adverbs or toks[j].tag in ("ADV", "PTKNEG")):
                j += 1
            np_ = speaker.parse_np(toks, j, v, lex)  # "(Selbst) X hatte schon … kritisiert, dass"
            if np_ is not None and (np_.kind != "noun" or toks[j].lower in lex.det_nom):
                sp = np_
        return sp

    def prefield_subject(self, cs: int, aux: int) -> NP | None:
        """ "Staatspräsident Mattarella hatte Conte gebeten, …": the noun phrase that fills the prefield
        before the finite auxiliary is the subject (not the object after it), unless it is oblique."""
        if not settings.QUOTES_PREFIELD_SUBJECT:
            return None
        toks, lex = self.toks, self.lex
        j = cs
        while j < aux and toks[j].text in lex.prefield_adverbs:
            j += 1
        if j >= aux or toks[j].lower in lex.det_obl or toks[j].lower in lex.prepositions:
            return None
        np_ = speaker.parse_np(toks, j, aux, lex)
        return np_ if np_ is not None and np_.b == aux else None

    def reported_act(self, a: int, b: int, v: int, sp: NP) -> bool:
        """A main clause "X forderte den Rücktritt" / "Als Grund gab X … an": a reported speech act."""
        if (
            self.toks[a].lower in self.lex.clause_openers
            or any(x in self.masked for x in range(a, b))
            and False
        ):
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

    def _is_participle(self, v: int) -> bool:
        """A speech verb form at the end of its clause (after an auxiliary) reads as a participle."""
        nxt = self.toks[v + 1].text if v + 1 < len(self.toks) else "."
        return nxt in CLAUSE_STOP

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
        if "v2" in frames and w not in lex.wie_words and (self.has_konj(n, window) or quoted):
            ms, me = self.chars(n, self.message_end(n, b))
            self.add(Found("indirect", ms, me, s, sp, cue_rng, self.cue_text(cue), frame="v2"))
            return True
        if "that" in frames and self.zu_clause(n, b):
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
            ms, me = self.chars(n, end)
            self.add(Found("indirect", ms, me, s, sp, None, None, frame="konj"))
            return

    def message_end(self, n: int, b: int) -> int:
        """Where a reported message that starts at token n ends: the sentence end, a semicolon,
        ", doch …" (a new main clause), or ", <finite verb>" (the main clause after a preposed one)."""
        toks, lex = self.toks, self.lex
        for x in range(n + 1, b - 1):
            if x in self.masked:
                continue
            if toks[x].text == ";" or self.colon_quote(x, b):
                return x
            if (
                settings.QUOTES_COORDINATED_BREAK
                and toks[x].lower in lex.coordination
                and toks[x + 1].tag in ("VVFIN", "VAFIN", "VMFIN")
                and x + 1 not in self.masked
                and not self.is_konj(x + 1)
            ):
                return x  # "…, Europa brauche die Engländer und fügte hinzu": the speaker acts on
            if toks[x].text == "," and x + 1 < b:
                nxt = toks[x + 1]
                if nxt.lower in lex.message_breaks and not clauses.reported_on(self, x + 1, b):
                    return x
                if nxt.tag in ("VVFIN", "VAFIN", "VMFIN") and not self.is_konj(x + 1):
                    return x
        return b

    def colon_quote(self, x: int, b: int) -> bool:
        """Is token x a colon that opens a direct quote running to the end of the sentence [.., b)?
        ("…, die Lage sei ernst: „…“": the indirect message ends at the colon, the quote is its own.)"""
        if not settings.QUOTES_COLON_QUOTE or self.toks[x].text != ":" or x in self.masked:
            return False
        k = self.dq_starting_at(x + 1)
        if k is None:
            return False
        qb = self.dq[k][1]
        return qb >= b - 1 or all(self.toks[y].is_punct for y in range(qb, b))

    def sentence_end(self, a: int, b: int) -> int:
        """The end of sentence [a, b) without a closing ": „…“" direct quote."""
        for x in range(a + 1, b - 1):
            if self.colon_quote(x, b):
                return x
        return b

    def zu_clause(self, n: int, b: int) -> bool:
        """ "…, die Steuern zu senken": an infinitive clause (ends in "zu" + verb)."""
        e = clause_end(self.toks, n, b, self.masked)
        if e - n < 2:
            return False
        if settings.QUOTES_ZU_INFIX and self.toks[e - 1].tag == INFIX_ZU:
            return True  # "…, seine Ernennung zurückzunehmen"
        return self.toks[e - 2].lower in self.lex.infinitive and not self.toks[e - 1].is_cap

    def noun_cues(self, s: int, a: int, b: int) -> None:
        """ "ist der Ansicht, dass …": a speech noun, a comma, a dass/V2 clause."""
        toks, lex = self.toks, self.lex
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

    def message_start(self, a: int, end: int) -> int:
        """Where a preposed message begins: the sentence start, or after a colon."""
        j = end - 1
        while j > a:
            if j not in self.masked and self.toks[j].text == ":":
                return j + 1
            j -= 1
        return a

    # ------------------------------------------------------------------ markers
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

    def dependents_end(self, e: int, b: int) -> int:
        """The clause ending at token e (a comma) with the relative and subordinate clauses that hang
        on it ("…, die Maut zu erheben, der die Grenze passiert", "…, zu öffnen, damit …")."""
        if not settings.QUOTES_ZU_DEPENDENTS:
            return e
        toks = self.toks
        while (
            e < b - 1
            and toks[e].text == ","
            and toks[e + 1].lower not in self.lex.subordinators  # "dass", "ob": the verb's own complement
            and self.subordinate_at(e + 1, e)
        ):
            e = clause_end(toks, e + 2, b, self.masked)
        return e

    def subordinate_at(self, ca: int, a: int) -> bool:
        """Does a verb-final clause open at token ca, after a comma: a relative pronoun (after its
        preposition: "in dem", "unter denen") or a subordinator?"""
        toks, lex = self.toks, self.lex
        if ca <= a or toks[ca - 1].text != ",":
            return False
        j = ca + 1 if toks[ca].lower in lex.prepositions and ca + 1 < len(toks) else ca
        return (
            toks[j].tag in RELATIVE_TAGS
            or toks[ca].lower in lex.subordinators
            or toks[ca].tag in SUBORDINATOR_TAGS
        )

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

    def impersonal(self, s: int, a: int, b: int, i: int, n: int) -> None:
        toks = self.toks
        cue = (i, i + n)
        text = " ".join(t.text for t in toks[i : i + n])
        if i > a and toks[i - 1].text == ",":
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
                src = NP(src.a, i, "source", src.head, src.name)
        if e < b and toks[e].text in (",", ":") and e + 1 < b - 1:
            k = self.dq_starting_at(e + 1)
            if k is not None:
                self.direct_speaker.setdefault(k, (src, None, "impersonal"))
                self.direct_cue_tok[k] = i
                return
            ms, me = self.chars(e + 1, self.message_end(e + 1, b) if settings.QUOTES_CUE_MESSAGE_END else b)
            self.add(Found("indirect", ms, me, s, src, cue, text, frame="impersonal"))

    # ------------------------------------------------------------------ direct quotes
    def capital_ok(self, host: Found | None, s: int) -> bool:
        """May a short quoted phrase that opens with a capital ("als „Knaller aus Karlsruhe“") count as a
        direct quote? Inside another quote (``settings.QUOTES_SHORT_CAPITAL``: "host"), or also next to a
        speech verb of its sentence ("cue"); never otherwise: titles and names."""
        mode = settings.QUOTES_SHORT_CAPITAL
        if mode == "host":
            return host is not None
        if mode == "cue":
            return host is not None or bool(self.sent_cues.get(s))
        return False

    def directs(self) -> None:
        toks = self.toks
        indirect = [f for f in self.found if f.kind != "direct"]
        for k, m in enumerate(self.marked):
            a, b = self.dq[k]
            if a >= len(toks):
                continue
            s = toks[a].sent
            inner = self.v.text[m.inner[0] : m.inner[1]]
            words = direct.count_words(inner)
            attributed = self.direct_speaker.get(k)
            host = next((f for f in indirect if f.start <= m.start and m.end <= f.end + 1), None)
            sp: NP | None = None
            cue: Cue | None = None
            cue_rng: tuple[int, int] | None = None
            cue_text: str | None = None
            copied: tuple[int, int] | None = None
            if attributed is not None:
                sp, cue, _frame = attributed
                if cue is not None:
                    cue_rng, cue_text = (cue.v, cue.last + 1), self.cue_text(cue)
                elif k in self.direct_cue_tok:
                    i = self.direct_cue_tok[k]
                    cue_rng, cue_text = (i, i + 1), toks[i].text
            elif host is not None:
                sp, cue_rng, cue_text, copied = host.speaker, host.cue, host.cue_text, host.speaker_chars
            elif a > 0 and toks[a - 1].text == ":":
                sp = self.clause_subject(toks[a - 1].sent, a - 1)
            else:
                near = self.sent_cues.get(s) or []
                if near:
                    cue, sp = min(near, key=lambda c: abs(c[0].v - a))
                    cue_rng, cue_text = (cue.v, cue.last + 1), self.cue_text(cue)
            if attributed is None and m.opened and a > 0 and self.is_title(a - 1):
                continue  # "der Film „…“", "der „Red Bull Racing Teams“": a title or a name
            has_context = attributed is not None or host is not None or bool(self.sent_cues.get(s))
            cue_near = attributed is not None or bool(self.sent_cues.get(s))
            if not cue_near and settings.QUOTES_NAME_LIKE and self.name_like(a, b):
                continue  # „Gesetz zur Änderung des Passgesetzes“ with no cue near: a name, not words said
            sentence_like = words >= SHORT_QUOTE_WORDS or direct.has_sentence_punct(inner)
            if not sentence_like:
                if not has_context:
                    continue
                if attributed is None and not inner[:1].islower() and not self.capital_ok(host, s):
                    continue
            if (
                sp is None
                and copied is None
                and attributed is None
                and not sentence_like
                and has_context is False
            ):
                pass
            if (
                sp is None
                and copied is None
                and attributed is None
                and not sentence_like
                and a > self.v.sents[s][0]
            ):
                sp = self.clause_subject(s, a)  # "Ursprünglich wollte er „…“"
            if sp is None and copied is None and attributed is None and sentence_like:
                # a quote continuing the previous one: "X sagte, … . „…“" / "„…“ sagte er. „…“"
                prior = self.previous_quote(m.start, s)
                if prior is not None:
                    sp, copied = prior.speaker, prior.speaker_chars
                    if sp is not None:
                        copied = None
            f = Found(
                "direct", m.start, m.end, s, sp, cue_rng, cue_text, speaker_chars=copied, frame="direct"
            )
            f.nested = host is not None
            if sp is None and copied is None and not sentence_like:
                continue
            if (
                sp is None
                and copied is None
                and not has_context
                and words < 2 * SHORT_QUOTE_WORDS
                and m.opened
            ) and not direct.has_sentence_punct(inner):
                continue  # a free-standing quoted phrase without any cue: a title or a name
            self.add(f)
            self._drop_covered(f)

    def name_like(self, a: int, b: int) -> bool:
        """Do the tokens [a, b) of a quoted span read as a name or a title: no verb, a capital first word,
        at least half the words capitalised, no sentence punctuation at the end? Needs the tagger."""
        if not self.v.tagged:
            return False
        words = [t for t in self.toks[a:b] if any(ch.isalpha() for ch in t.text)]
        if not words or not words[0].is_cap:
            return False
        if any(t.tag.startswith("V") for t in words):
            return False
        last = next((t for t in reversed(self.toks[a:b]) if not t.is_quote), None)
        if last is not None and last.text in SENTENCE_PUNCT:
            return False
        return sum(t.is_cap for t in words) >= 0.5 * len(words)

    def is_title(self, j: int) -> bool:
        """Does token j (right before an opening mark) make the quoted span a title or a name?"""
        return self.toks[j].text in self.lex.title_nouns

    def clause_subject(self, s: int, end: int) -> NP | None:
        """The subject of the sentence part before token ``end`` (no cue verb needed).

        "X äußerte sich zufrieden:", "Ursprünglich wollte er „…“", "Nach Schäubles Idee soll „…“".
        """
        toks, lex = self.toks, self.lex
        a = self.v.sents[s][0]
        j = a
        while j < end and (toks[j].text in lex.prefield_adverbs or toks[j].is_punct):
            j += 1
        np_ = speaker.parse_np(toks, j, end, lex)
        if np_ is not None and np_.b == end and toks[end].text == ":" and np_.kind != "noun":
            return np_  # "Bundesinnenminister Schäuble: „…“"
        if (
            np_ is not None
            and np_.b < end
            and toks[np_.b].text.isalpha()
            and not toks[np_.b].is_cap
            and (j == a or np_.kind == "pronoun")
        ):
            return np_
        # inverted: a prefield, the finite verb (first lowercase word), the subject
        v = next(
            (
                x
                for x in range(a + 1, end)
                if not toks[x].is_cap
                and toks[x].text.isalpha()
                and toks[x].lower not in lex.prepositions
                and toks[x].lower not in lex.det_nom
                and toks[x].lower not in lex.det_obl
                and toks[x].lower not in lex.det_gen
                and not lex.is_adjective_like(toks[x].text)
            ),
            None,
        )
        if v is None:
            return None
        return speaker.subject_after(toks, v, end, lex)

    def previous_quote(self, pos: int, s: int) -> Found | None:
        """The quote with a speaker that ends right before ``pos`` (same or previous sentence)."""
        best: Found | None = None
        for g in self.found:
            if g.end <= pos + 1 and (g.speaker is not None or g.speaker_chars is not None):
                end_sent = self.toks[self.v.tok_at(max(g.start, g.end - 1))].sent
                if s - end_sent <= DIRECT_CHAIN and (best is None or g.end > best.end):
                    best = g
        return best

    def _drop_covered(self, f: Found) -> None:
        """An indirect candidate that is just this direct quote (plus a comma) is dropped."""
        keep = []
        for g in self.found:
            if g is f or g.kind == "direct":
                keep.append(g)
                continue
            inter = min(f.end, g.end) - max(f.start, g.start)
            if inter > 0.9 * (g.end - g.start):
                if f.speaker is None and f.speaker_chars is None:
                    f.speaker, f.cue, f.cue_text = g.speaker, g.cue, g.cue_text
                continue
            keep.append(g)
        self.found = keep

    # ------------------------------------------------------------------ free indirect
    def free_indirect(self) -> None:
        toks, lex = self.toks, self.lex
        covered: dict[int, list[Found]] = {}
        for f in self.found:
            covered.setdefault(f.sent, []).append(f)
        last: Found | None = None
        last_sent = -10
        run: Found | None = None
        by_sent = sorted(self.found, key=lambda f: f.start)
        idx = 0
        new: list[Found] = []
        for s, (a, b) in enumerate(self.v.sents):
            while idx < len(by_sent) and by_sent[idx].sent <= s:
                g = by_sent[idx]
                if g.speaker is not None or g.speaker_chars is not None:
                    last, last_sent = g, toks[self.v.tok_at(g.end - 1)].sent if g.end > 0 else g.sent
                idx += 1
            sa, sb = self.v.sent_chars(s)
            span = sum(
                max(0, min(sb, f.end) - max(sa, f.start)) for f in self.found if f.end > sa and f.start < sb
            )
            if span > 0.3 * (sb - sa):
                run = None
                continue
            strong = any(self.is_konj(i) and toks[i].lower not in lex.konj2 for i in range(a, b))
            kon = strong or any(
                i not in self.masked
                and not toks[i].is_cap
                and toks[i].lower in lex.reportative
                and (
                    not lex.reportative_perfect
                    or any(toks[x].lower in lex.reportative_perfect for x in range(i + 1, b))
                    or (last is not None and s - last_sent <= 1 and last.kind != "direct")
                )
                for i in range(a, b)
            )
            near = last is not None and s - last_sent <= FREE_WINDOW
            if not kon and near and FREE_KONJ2:
                kon = any(self.is_konj(i) for i in range(a, b))  # Konjunktiv II right after a quote
            # no quote just before, but the sentence before has a speech verb with its speaker
            prev_cue = next(
                (sp for _c, sp in reversed(self.sent_cues.get(s - 1, [])) if sp is not None), None
            )
            if not kon or not (near or prev_cue is not None and strong):
                run = None
                continue
            ms, me = self.chars(a, b)
            if FREE_MERGE and run is not None and run.last_sent == s - 1:
                run.end = me
                run.last_sent = s
                last_sent = s
                continue
            src = last if near else None
            if src is not None:
                sp_chars = src.inherited_speaker(toks)
            else:
                src = Found("reported", toks[a].start, toks[a].start, s - 1, prev_cue)
                sp_chars = (toks[prev_cue.a].start, toks[prev_cue.b - 1].end)
            f = Found.continuing("free_indirect", ms, me, s, src, sp_chars, "free")
            new.append(f)
            run = f
            last_sent = s
        self.found.extend(new)


def extract(v: View, lex: Lexicon) -> list[Found]:
    return Extractor(v, lex).run()
