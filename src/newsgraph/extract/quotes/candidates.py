"""The working record of the quote scanners, before it becomes a ``model.Quote``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.extract.quotes.speaker import NP

NESTED_FRAME = "nested"  # a quoted phrase inside a classified sentence: it keeps that sentence's speaker


@dataclass(slots=True)
class Found:
    kind: str  # direct | indirect | reported | free_indirect
    start: int  # message span, characters
    end: int
    sent: int  # sentence index of the message start
    speaker: NP | None = None
    cue: tuple[int, int] | None = None  # token range of the cue word(s)
    cue_text: str | None = None
    speaker_chars: tuple[int, int] | None = None  # copied from another quote (free indirect)
    speaker_ref: tuple[int, int] | None = None
    frame: str = ""  # which rule found it (for debugging and tests)
    nested: bool = False
    last_sent: int = -1  # free indirect: the last sentence merged into it
    source: Found | None = None  # free indirect: the quote whose speaker it continues
    firm: bool = False  # a rule shape the screen keeps unread (settings.QUOTES_NOUN_ZU_FIRM)

    @classmethod
    def continuing(
        cls,
        kind: str,
        start: int,
        end: int,
        sent: int,
        source: Found,
        speaker_chars: tuple[int, int] | None,
        frame: str,
    ) -> Found:
        """A sentence that goes on with ``source``'s speech: no speaker phrase or cue of its own, the
        speaker's characters taken over, itself the last sentence of the run."""
        return cls(
            kind, start, end, sent, speaker_chars=speaker_chars, frame=frame, last_sent=sent, source=source
        )

    def inherited_speaker(self, toks: Sequence[Any]) -> tuple[int, int] | None:
        """The speaker's characters as a continuation takes them over: copied ones first, else the
        span of the speaker phrase."""
        if self.speaker_chars is None and self.speaker is not None:
            return (toks[self.speaker.a].start, toks[self.speaker.b - 1].end)
        return self.speaker_chars
