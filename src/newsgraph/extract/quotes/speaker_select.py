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
- a direct quote followed by ", so X" / ", sagte X" takes X, also ", so letztere" (an anaphor),
  ", schrieb „Die Zeit“" (a quoted name), ", heißt es in einer Erklärung" (the source PP) and
  "wird X … zitiert" (the subject of a passive verb that quotes its object);
- a direct quote alone in parentheses right after a person's name is that person's
  ("Mohammed ElBaradei („…“)"; the learned ranker leaves it alone);
- a phrase the scanners took from the middle field ("Jüttner hatte Lenz aufgefordert, …") gives way
  to the subject in the prefield; the source PP after "es" replaces it ("heißt es im Bericht, …");
- a continuation (a copied speaker) keeps it unless its own sentence names a subject in front of
  the message, or a new subject stands in the sentence between it and the quote it continues;
- a message without a cue that starts after a comma takes the subject of the clause before it
  ("…, war sich die Staatsanwaltschaft sicher, [dass …]");
- a message whose own subject was taken for its speaker ("[Die Bundeswehr sei …]") takes the
  subject of the sentence before ("Lammert würdigte die Bundeswehr …").

Candidates are person, organisation and place mentions, role and source noun phrases and personal
pronouns outside quotes, scored by kind, case, position (clause start) and distance. The words and
thresholds live in ``lang/<lang>/quotes/speakers.toml`` (``speaker_lexicon``).

Modules: ``speaker_scoring`` (can a phrase speak, scored candidates), ``speaker_finders`` (one finder
per frame), this one (which finder a quote needs; the ``refine`` entry point), then ``speaker_rank``
(the learned ranker) and ``speaker_conventions`` (the gold's conventions, applied last).
"""

from __future__ import annotations

import logging

from newsgraph import settings
from newsgraph.extract.quotes import speaker_conventions as conventions
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.lexicon import Lexicon
from newsgraph.extract.quotes.speaker import NP
from newsgraph.extract.quotes.speaker_finders import Finders
from newsgraph.extract.quotes.speaker_scoring import NOT, PERSON_LIKE, SURE, UNKNOWN, Cand
from newsgraph.extract.quotes.tokens import View

SENTENCE_FRAME = "sentence"  # the frame of the quotes the sentence classifier found

__all__ = ["NOT", "PERSON_LIKE", "SURE", "UNKNOWN", "Cand", "Selector", "refine"]


class Selector(Finders):
    """Decides, quote by quote, whether the scanners' speaker stands or which finder replaces it."""

    def refine(self, found: list[Found]) -> None:
        toks = self.toks
        quoted = self.message_tokens(found)  # no speaker inside a quoted message
        replaced: dict[int, NP | None] = {}  # id of a replaced phrase -> its replacement
        kept: set[int] = set()  # ids of phrases judged right for a quote already
        alive: list[NP] = []  # the phrases behind those ids, so that no id is reused while we run
        for f in sorted(found, key=lambda g: g.start):
            if self.so_after(f):
                # a classified message closed by its own source ("[…], so X weiter."): X speaks, not the
                # speaker of the quote before
                post = self.after_quote(f)
                if post is not None:
                    f.speaker, f.speaker_chars, f.source = post, None, None
                    continue
            if (
                f.speaker is not None
                and f.kind in ("free_indirect", "indirect")
                and f.cue is None
                and f.frame not in self.words.trusted_frames
                and self.inside(f.speaker, f)
            ):
                # the subject of the message itself ("[Die Bundeswehr sei …]") does not speak it:
                # the subject of the sentence before does ("Lammert würdigte die Bundeswehr …")
                main = self.main_clause(f) if self.words.main_clause else None
                f.speaker = main or self.lookback(f, quoted)
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
            if f.kind == "direct" and self.words.parenthesis:
                paren = self.parenthesis(f)  # "Mohammed ElBaradei („…“)"
                if paren is not None:
                    f.speaker, f.speaker_chars, f.source = paren, None, None
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

    def so_after(self, f: Found) -> bool:
        """Is ``f`` a message of the sentence classifier followed by ", so X" (when
        settings.QUOTES_SENTENCE_SO_SPEAKER)? Out of fold on train X is the right speaker +2 times, in
        sample +3, dev 0; any closing frame ``after_quote`` reads (", <speech verb> X") cost a dev speaker."""
        if not settings.QUOTES_SENTENCE_SO_SPEAKER or f.frame != SENTENCE_FRAME or f.kind == "direct":
            return False
        toks = self.toks
        j = self.token_after(f)
        if j < len(toks) and toks[j].text == ",":
            j += 1
        return j < len(toks) and toks[j].lower in self.lex.so_words

    def better(self, f: Found, quoted: set[int]) -> NP | None:
        """The speaker phrase ``f`` should have (``f.speaker`` itself when it is fine)."""
        if f.kind == "direct" and (f.cue is None or f.speaker is None):
            post = self.after_quote(f)
            if post is not None:
                return post
        if (
            self.words.main_clause
            and f.kind == "indirect"
            and f.cue is None
            and f.frame not in self.words.trusted_frames
        ):
            main = self.main_clause(f)  # "…, war sich die Staatsanwaltschaft sicher, [dass …]"
            if main is not None:
                return main
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
        if self.words.prefield_subject:
            pre = self.prefield(f)  # "Jüttner hatte Lenz aufgefordert, […]": the prefield speaks
            if pre is not None:
                return pre
        if level == SURE:
            return f.speaker
        if f.speaker is not None and self.words.impersonal_source:
            alt = self.impersonal(f.speaker, f)
            if alt is not None:
                return alt  # "Nun heißt es im Abschlussbericht, …" / "Es ziehen 47 Prozent der Befragten …"
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
    from newsgraph.extract.quotes.speaker_lexicon import load

    sel = Selector(v, lex, load(lex.lang), mentions)
    sel.refine(found)
    if settings.QUOTES_SPEAKER_RANKER:
        from newsgraph.extract.quotes.speaker_rank import rerank

        try:
            rerank(sel, found)  # the learned ranker picks among the rules' candidates
        except Exception:  # a ranker failure keeps the rules' speakers, never loses the quotes
            logging.getLogger(__name__).exception("speaker ranker failed; the rules' speakers are kept")
    try:
        conventions.follow(sel, found)  # the gold conventions the ranker does not learn
    except Exception:  # never lose a document's quotes over a speaker convention
        logging.getLogger(__name__).exception("speaker conventions failed; the ranker's speakers are kept")
