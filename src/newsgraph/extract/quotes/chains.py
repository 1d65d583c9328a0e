"""Free indirect chains: consecutive continuation sentences become one quote.

The sentence classifier and the free indirect rule read one sentence at a time, so a report that
goes on in the Konjunktiv for three sentences comes out as three quotes. The quotes2024 gold (and an
analyst) reads it as one passage of one speaker: a free indirect sentence that continues the quote
ending with the sentence right before it (same speaker, nothing but punctuation in between) is
merged into that quote. Which kinds may start a chain is ``settings.QUOTES_CHAIN_HEADS``. A passage
also takes the uncovered Konjunktiv sentences after it that the classifier let go (``extend``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.candidates import Found

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

CONTINUATION = "free_indirect"
PARAGRAPH = "\n\n"


def _ends_sentence(ex: Extractor, f: Found) -> bool:
    """Does f run to the end of its sentence (only punctuation and quotation marks after it)?"""
    s = ex.v.end_sent(f.start, f.end)
    _sa, sb = ex.v.sent_chars(s)
    return all(not ch.isalnum() for ch in ex.v.text[f.end : sb])


def _starts_sentence(ex: Extractor, f: Found) -> bool:
    sa, _sb = ex.v.sent_chars(f.sent)
    return all(not ch.isalnum() for ch in ex.v.text[sa : f.start])


def _whole_indirect(ex: Extractor, f: Found) -> bool:
    """Is f an indirect quote that is its whole sentence, its cue outside it ("Damit seien „der Kurs …
    nicht mehr so klar“." after the speaker's sentence): a free indirect passage may go on from it as from
    a free indirect sentence (``settings.QUOTES_CHAIN_WHOLE_INDIRECT``). Train: tp 2398 -> 2399, pred
    2777 -> 2770; out of fold tp 2262 -> 2263, pred 2638 -> 2632; an indirect clause with its cue inside
    the sentence ("Er sagte, …") stays apart, as the gold mostly keeps it."""
    if not settings.QUOTES_CHAIN_WHOLE_INDIRECT or f.kind != "indirect" or not _starts_sentence(ex, f):
        return False
    if f.cue is None:
        return True
    ca, cb = ex.toks[f.cue[0]].start, ex.toks[f.cue[1] - 1].end
    return not (f.start <= ca and cb <= f.end)


def _hearsay_only(ex: Extractor, s: int) -> bool:
    """Does sentence s report only by the hearsay modal ("Die Demonstranten sollen … geführt haben"), with
    no Konjunktiv verb outside quotation marks?"""
    a, b = ex.v.sents[s]
    return not ex.has_konj(a, b) and any(ex.is_konj(i, reportative=True) for i in range(a, b))


def _hearsay_break(ex: Extractor, prev: Found, f: Found) -> bool:
    """Would a chain join a hearsay-only sentence and a Konjunktiv I sentence ("Die Demonstranten sollen …
    geführt haben. Dabei seien …")? The gold keeps the two reports apart (``settings.QUOTES_CHAIN_HEARSAY``).
    Train in-sample (tp, pred) (2399, 2770) -> (2407, 2781), out of fold (2258, 2610) -> (2267, 2621); dev
    (500, 601) -> (501, 603). Stopping at every hearsay-only sentence, even between two of them, lost:
    the gold chains "X soll …. Y soll …" (train (2406, 2802))."""
    if not settings.QUOTES_CHAIN_HEARSAY:
        return False
    last = ex.v.end_sent(prev.start, prev.end)
    (la, lb), (fa, fb) = ex.v.sents[last], ex.v.sents[f.sent]
    return (_hearsay_only(ex, last) and ex.has_konj1(fa, fb)) or (
        _hearsay_only(ex, f.sent) and ex.has_konj1(la, lb)
    )


def merge(ex: Extractor, found: list[Found]) -> list[Found]:
    """``found`` with each free indirect continuation merged into the quote right before it."""
    heads = settings.QUOTES_CHAIN_HEADS
    if not heads:
        return found
    directs = [(f.start, f.end) for f in found if f.kind == "direct"]
    others = sorted((f for f in found if f.kind != "direct"), key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    merged: dict[int, Found] = {}  # id of a merged continuation -> the quote it joined
    for f in others:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and f.kind == CONTINUATION
            and f.source is not None
            and (prev.kind in heads or prev.kind == CONTINUATION or _whole_indirect(ex, prev))
            and prev.end <= f.start
            and ex.v.end_sent(prev.start, prev.end) == f.sent - 1
            and _ends_sentence(ex, prev)
            and _starts_sentence(ex, f)
            and not any(prev.end <= a and b <= f.start for a, b in directs)
            and not _hearsay_break(ex, prev, f)
        ):
            prev.end = f.end
            prev.last_sent = f.sent
            merged[id(f)] = prev
            continue
        kept.append(f)
    if settings.QUOTES_FREE_EXTEND:
        extend(ex, kept, found)
    if settings.QUOTES_FREE_EXTEND_BACK:
        extend_back(ex, kept, found)
    out = [f for f in found if f.kind == "direct"] + kept
    for g in out:  # a quote nested in a merged sentence now follows the passage
        if g.source is not None and id(g.source) in merged:
            g.source = merged[id(g.source)]
    return out


def extend(ex: Extractor, kept: list[Found], found: list[Found]) -> None:
    """A free indirect passage takes the sentences right after it, in the same paragraph, that no other
    quote touches and that report in the Konjunktiv ("Eine weitere Maschine sei unterwegs. 22 Teams seien
    im Delta."): the classifier reads each sentence alone and lets such a second sentence go."""
    spans = [(f.start, f.end) for f in found if f.kind != "direct"]
    for f in kept:
        if f.kind != CONTINUATION or not _ends_sentence(ex, f):
            continue
        s = ex.v.end_sent(f.start, f.end)
        while s + 1 < len(ex.v.sents):
            a, b = ex.v.sents[s + 1]
            sa, sb = ex.v.sent_chars(s + 1)
            if b - a < 3 or any(qa < sb and sa < qb for qa, qb in spans):
                break
            if sum(1 for i in range(a, b) if i in ex.masked) > (b - a) // 2:
                break  # mostly a direct quote: its own
            if PARAGRAPH in ex.v.text[f.end : sa]:
                break  # a new paragraph: a new passage
            if not any(ex.is_konj(i) for i in range(a, b)):
                break
            ms, me = ex.chars(a, b)
            f.end = me
            f.last_sent = s + 1
            s += 1


def extend_back(ex: Extractor, kept: list[Found], found: list[Found]) -> None:
    """A free indirect passage takes the sentences right before it, in the same paragraph, that no quote
    touches and that report in the Konjunktiv ("Bis die Arbeiten beginnen könnten, würden noch Monate
    vergehen. Frühestens Mitte des Jahres könne damit begonnen werden."): the classifier reads each
    sentence alone and lets the first of such a passage go."""
    touched = ex.found_by_sentence(found)  # (before any start moves back)
    for f in kept:
        if f.kind != CONTINUATION or not _starts_sentence(ex, f):
            continue
        steps = 0
        while f.sent >= 1 and steps < settings.QUOTES_FREE_EXTEND_BACK:
            a, b = ex.v.sents[f.sent - 1]
            sa, sb = ex.v.sent_chars(f.sent - 1)
            if b - a < 3 or touched.get(f.sent - 1):
                break
            if f.source is not None and f.source.end > sa:
                break  # the quote it continues
            if PARAGRAPH in ex.v.text[sb : f.start] or any(i in ex.masked for i in range(a, b)):
                break
            if not any(ex.is_konj(i) for i in range(a, b)):
                break
            f.start = sa
            f.sent -= 1
            steps += 1
