"""Find the quotes of one document: direct quotes, indirect and reported speech, free indirect.

The scanners work per sentence on a token view; direct quotes come from the mark scanner and take
their speaker from the cue next to them. Results are ``Found`` candidates; the component turns them
into ``model.Quote`` records. ``Extractor`` combines one mixin per rule family over the shared state
of ``base.ExtractorBase``:

- ``frames``: speech-verb frames (postposed, "wie X", complements, zu-clauses), Konjunktiv clauses,
  speech nouns;
- ``subjects``: the speaker of a cue's clause;
- ``bounds``: where clauses and messages start and end;
- ``markers``: "laut X", "X zufolge", "so X", pronominal and impersonal cues;
- ``directs``: direct quotes with their speakers, titles and names;
- ``free_indirect``: Konjunktiv sentences that go on with a quote's speaker.

``run`` calls them in order, then the learned stages (``screen``, ``sentences``), naming acts
(``naming``), chains (``chains``) and speech acts (``speech_acts``). ``FREE_RULE`` and ``SPEECH_ACTS``
are read at run time (scripts switch them).
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import chains, linear, naming, screen, sentences, speech_acts
from newsgraph.extract.quotes.bounds import Bounds
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.cues import find_verbs
from newsgraph.extract.quotes.directs import Directs
from newsgraph.extract.quotes.frames import Frames
from newsgraph.extract.quotes.free_indirect import FreeIndirect
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.markers import Markers
from newsgraph.extract.quotes.speaker_lexicon import load as speaker_words
from newsgraph.extract.quotes.speaker_scoring import Scorer
from newsgraph.extract.quotes.subjects import Subjects
from newsgraph.extract.quotes.tokens import View

MARKER_FRAMES = ("marker", "pronominal")  # "laut X", "X zufolge"; "…, laut dem …"
ANAPHORIC_FRAME = "anaphoric"  # "Dies teilte X mit": the sentence before is the message
FREE_RULE = settings.QUOTES_FREE_RULE
SPEECH_ACTS = settings.QUOTES_SPEECH_ACTS


class Extractor(Frames, Subjects, Bounds, Markers, Directs, FreeIndirect):
    """All rule families over one document's token view; ``run`` returns the candidates."""

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
        if settings.QUOTES_MARKER_OVER_ANAPHOR and any(f.frame == ANAPHORIC_FRAME for f in others):
            # "…, laut dem Kevin misshandelt worden war. Dies belegen zahlreiche Knochenbrüche.": the
            # sentence a demonstrative points back to names its own source; the marker's quote stands
            # (unless the demonstrative's subject can speak: "Dies gab die britische Polizei bekannt")
            markers = [g for g in others if g.frame in MARKER_FRAMES]
            scorer = Scorer(self.v, self.lex, speaker_words(self.lex.lang), None)
            others = [
                f
                for f in others
                if f.frame != ANAPHORIC_FRAME
                or f.speaker is None
                or not scorer.thing(f.speaker)
                or not any(self.clash(f, g) for g in markers)
            ]
        kept: list[Found] = []
        for f in others:
            clash = any(self.clash(f, g) and not self.nested_report(f, g) for g in kept)
            if not clash:
                kept.append(f)
        self.found = [f for f in self.found if f.kind == "direct"] + kept

    @staticmethod
    def clash(f: Found, g: Found) -> bool:
        """Do the two messages overlap by more than half the shorter one?"""
        return min(f.end, g.end) - max(f.start, g.start) > 0.5 * min(f.end - f.start, g.end - g.start)

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


def extract(v: View, lex: Lexicon) -> list[Found]:
    return Extractor(v, lex).run()
