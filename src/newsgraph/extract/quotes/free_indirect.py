"""Free indirect speech: a Konjunktiv sentence right after a quote (or after a sentence with a speech
verb and its speaker) goes on with that speaker's words; consecutive ones merge into one passage.
"""

from __future__ import annotations

from newsgraph import settings
from newsgraph.extract.quotes.base import ExtractorBase
from newsgraph.extract.quotes.candidates import Found

FREE_WINDOW = settings.QUOTES_FREE_WINDOW
FREE_KONJ2 = settings.QUOTES_FREE_KONJ2
FREE_MERGE = settings.QUOTES_FREE_MERGE


class FreeIndirect(ExtractorBase):
    """Free indirect passages."""

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
            strong = self.has_konj1(a, b)
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
