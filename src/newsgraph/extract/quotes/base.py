"""The state every rule family of the quote ``Extractor`` shares, and the token helpers they all use.

``ExtractorBase`` holds the token view, the lexicon, the direct quotes the mark scanner found (their
token ranges ``dq`` and the ``masked`` tokens inside them), the cues and speakers found per sentence,
and the candidates (``found``); the rule mixins (``frames``, ``subjects``, ``bounds``, ``markers``,
``directs``, ``free_indirect``) extend it and ``extractor.Extractor`` combines them.
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import direct
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.cues import CLAUSE_STOP, Cue
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.tokens import Tok, View

MIN_MESSAGE_WORDS = settings.QUOTES_MIN_MESSAGE_WORDS
KONJ_ENDING_TAGS = ("VVFIN", "VMFIN")  # the ending rule is for full and modal verbs (auxiliaries are listed)


def konj_form(toks: list[Tok], i: int, lex: Lexicon, reportative: bool = False) -> bool:
    """Is token i a Konjunktiv (I or II) verb form (or the hearsay "soll", when asked)?"""
    t = toks[i]
    if t.is_cap:
        return False
    if t.lower in lex.konj1 or t.lower in lex.konj2 or (reportative and t.lower in lex.reportative):
        return i == 0 or toks[i - 1].lower not in lex.first_person
    if not t.lower.endswith(lex.konj_endings) or len(t.lower) < 4 or t.lower.endswith(lex.konj_not_endings):
        return False
    prev = toks[i - 1].lower if i > 0 else ""
    if t.tag:
        return t.tag in KONJ_ENDING_TAGS and prev not in lex.first_person
    return prev in lex.konj_pronouns


class ExtractorBase:
    """What the scanners share: tokens, lexicon, direct quotes, cues per sentence, candidates."""

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
        # the first direct quote by its first and by its last token (the scanners ask per token)
        self._dq_by_start: dict[int, int] = {}
        self._dq_by_last: dict[int, int] = {}
        for k, (a, b) in enumerate(self.dq):
            self._dq_by_start.setdefault(a, k)
            self._dq_by_last.setdefault(b - 1, k)
        self.direct_speaker: dict[int, tuple[NP | None, Cue | None, str]] = {}
        self.sent_cues: dict[int, list[tuple[Cue, NP | None]]] = {}
        self.direct_cue_tok: dict[int, int] = {}
        self.anaphoric_sents: set[int] = set()  # sentences whose cue reports the one before ("Das sagte X")
        # acts of naming ("nannte X „…“"): id of the candidate -> the direct quote that is its message
        self.named: dict[int, int] = {}
        self.named_quotes: set[int] = set()  # direct quotes that are a name a naming verb gives ("als „…“")

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens [a, b) without trailing sentence punctuation."""
        while b > a + 1 and self.toks[b - 1].text in CLAUSE_STOP:
            b -= 1
        return self.toks[a].start, self.toks[b - 1].end

    def dq_ending_at(self, j: int) -> int | None:
        """Index of the direct quote whose last token is j."""
        return self._dq_by_last.get(j)

    def dq_starting_at(self, j: int) -> int | None:
        """Index of the direct quote whose first token is j."""
        return self._dq_by_start.get(j)

    def is_konj(self, i: int, reportative: bool = False) -> bool:
        """Is token i a Konjunktiv (I or II) verb form (or the hearsay "soll", when asked)?"""
        return i not in self.masked and konj_form(self.toks, i, self.lex, reportative)

    def found_by_sentence(self, found: list[Found] | None = None) -> dict[int, list[Found]]:
        """The candidates found so far (or ``found``) that overlap each sentence (one pass over them)."""
        n = len(self.v.sents)
        out: dict[int, list[Found]] = {}
        for f in self.found if found is None else found:
            if f.end <= f.start:
                continue
            first = self.toks[self.v.tok_at(f.start)].sent
            last = self.v.end_sent(f.start, f.end)
            for s in range(max(0, first - 1), min(n, last + 2)):
                sa, sb = self.v.sent_chars(s)
                if f.start < sb and sa < f.end:
                    out.setdefault(s, []).append(f)
        return out

    def has_konj(self, a: int, b: int) -> bool:
        return any(self.is_konj(i) for i in range(a, b))

    def has_konj1(self, a: int, b: int) -> bool:
        """Is there a Konjunktiv verb among tokens [a, b) that is not a Konjunktiv II form ("sei", "habe")?"""
        return any(self.is_konj(i) and self.toks[i].lower not in self.lex.konj2 for i in range(a, b))

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
