"""Direct quotes as candidates: the marks ``direct`` scanned, with their speaker and cue.

``directs`` gives each quoted span the speaker a frame attributed to it, else the one of the indirect
quote it sits in, of a colon clause, of the nearest cue of its sentence, or of the quote it continues; it
drops titles and names (``is_title``, ``name_like``, ``capital_ok``, ``foreign_phrase``) and glosses in
parentheses (``gloss``). A short lower-case phrase inside a message with no speaker yet keeps that message
as its ``source`` (the speaker found later comes over). ``nested_in`` adds quoted phrases inside the
sentences the learned classifier accepted.
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes import direct
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import NESTED_FRAME, Found
from newsgraph.extract.quotes.cues import Cue
from newsgraph.extract.quotes.speaker import NP

SHORT_QUOTE_WORDS = settings.QUOTES_SHORT_WORDS
DIRECT_CHAIN = settings.QUOTES_DIRECT_CHAIN
SENTENCE_PUNCT = direct.SENTENCE_PUNCT
FOREIGN_TAG = "FM"  # STTS: foreign material


class Directs(ExtractorBase):
    """Direct quotes: attribution, titles and names, quotes nested in classified sentences."""

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
            if attributed is None and settings.QUOTES_FOREIGN_PHRASE and self.foreign_phrase(a, b, inner):
                continue  # "die CD „Have a nice day“", "die „L’Alliance pour la Planète“": a title or a name
            if attributed is None and settings.QUOTES_GLOSS and self.gloss(a, b, inner):
                continue  # "der Operation „Cast Lead“ („gegossenes Blei“)": a translation or a gloss
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
                if not (settings.QUOTES_NESTED_LOWER and host is not None and inner[:1].islower()):
                    continue
                f.source = host  # "so „schütze sie Gott“" in a message whose speaker is found later
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

    def foreign_phrase(self, a: int, b: int, inner: str) -> bool:
        """Are the tokens [a, b) of a quoted span a short phrase mostly in a foreign language (tag FM), with
        no mark that ends a sentence at its end: a title or a name ("„Have a nice day“", "„22. Bol d’or“"),
        not words said? Needs the tagger."""
        if not self.v.tagged or inner.rstrip()[-1:] in SENTENCE_PUNCT:
            return False
        words = [t for t in self.toks[a:b] if any(ch.isalpha() for ch in t.text)]
        if not words or len(words) >= 2 * SHORT_QUOTE_WORDS:
            return False
        return sum(t.tag == FOREIGN_TAG for t in words) >= 0.5 * len(words)

    def gloss(self, a: int, b: int, inner: str) -> bool:
        """Is a short quoted span alone in parentheses ("(„gegossenes Blei“)"), without sentence punctuation:
        a translation or a gloss of the name before it?"""
        toks = self.toks
        if a <= 0 or b >= len(toks) or toks[a - 1].text != "(" or toks[b].text != ")":
            return False
        return direct.count_words(inner) < SHORT_QUOTE_WORDS and not direct.has_sentence_punct(inner)

    def is_title(self, j: int) -> bool:
        """Does token j (right before an opening mark) make the quoted span a title or a name?"""
        return self.toks[j].text in self.lex.title_nouns

    def previous_quote(self, pos: int, s: int) -> Found | None:
        """The quote with a speaker that ends right before ``pos`` (same or previous sentence)."""
        best: Found | None = None
        for g in self.found:
            if g.end <= pos + 1 and (g.speaker is not None or g.speaker_chars is not None):
                end_sent = self.v.end_sent(g.start, g.end)
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

    def nested_in(self, hosts: list[Found]) -> None:
        """Quoted phrases inside the sentences the classifier accepted ("Eine „offene architektonische
        Frage“ sei der Grund"), which the mark scanner left for want of a cue: direct quotes of the
        host's speaker, as inside any other quote."""
        done = {(f.start, f.end) for f in self.found if f.kind == "direct"}
        for k, m in enumerate(self.marked):
            host = next((f for f in hosts if f.start <= m.start and m.end <= f.end + 1), None)
            if host is None or (m.start, m.end) in done:
                continue
            if host.speaker is None and host.speaker_chars is None and not settings.QUOTES_NESTED_LOWER:
                continue  # (on: the host's speaker, found later, comes over by ``source``)
            inner = self.v.text[m.inner[0] : m.inner[1]]
            mode = settings.QUOTES_NESTED_DIRECT
            if mode == "lower" and not inner[:1].islower():
                continue
            if mode == "multi" and direct.count_words(inner) < 2:
                continue
            a, b = self.dq[k]
            if m.opened and a > 0 and self.is_title(a - 1):
                continue  # "der Film „…“": a title
            if settings.QUOTES_FOREIGN_PHRASE and self.foreign_phrase(a, b, inner):
                continue  # "einer „running mate“": a foreign term
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
