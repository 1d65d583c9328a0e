"""Screen the scanners' candidates with a learned model: keep a candidate or drop it.

The rules fire on titles and names in quotation marks, on plans that read like hearsay, on
clauses after a cue that are not what was said. A binary logistic regression
(``lang/<lang>/quotes/screen_model.json``, trained by ``scripts/quotes/train_screen.py`` on
quotes2024 train only) reads what the rule knew — its frame, the cue, the speaker it found, the
shape of the span and of the words around it — and drops the candidates it does not believe.
No word is named here: word features are read from the text and weighted by the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import settings
from newsgraph.extract.quotes.candidates import Found
from newsgraph.extract.quotes.linear import LinearModel

if TYPE_CHECKING:
    from newsgraph.extract.quotes.extractor import Extractor

MODEL = "screen_model"
KEEP = "keep"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(ex: Extractor, f: Found) -> list[str]:
    toks, lex, text = ex.toks, ex.lex, ex.v.text
    a = ex.v.tok_at(f.start)
    b = max(a + 1, ex.v.last_tok(f.start, f.end) + 1)
    b = min(b, len(toks))
    inner = [t for t in toks[a:b] if t.text.isalpha()]
    kind = f.kind
    out = ["bias", "kind=" + kind, "frame=" + f.frame, f"{kind}&frame={f.frame}"]
    out.append(f"{kind}&words=" + _bucket(len(inner), (1, 2, 3, 5, 8, 15, 30)))
    if f.cue_text:
        cue = toks[f.cue[0]].lower if f.cue is not None else f.cue_text.lower()
        out.append("cue=" + cue)
        senses = lex.verbs.get(cue)
        if senses:
            out.append("cue_sense=" + senses[0].name)
    else:
        out.append(kind + "&no_cue")
    if f.speaker is not None:
        out.append(f"{kind}&speaker=" + f.speaker.kind)
    elif f.speaker_chars is not None:
        out.append(kind + "&speaker=copied")
    else:
        out.append(kind + "&speaker=none")
    if f.nested:
        out.append("nested")
    konj1 = sum(1 for i in range(a, b) if ex.is_konj(i) and toks[i].lower not in lex.konj2)
    out.append(f"{kind}&konj1={min(konj1, 2)}")
    if any(toks[i].lower in lex.konj2 for i in range(a, b)):
        out.append(kind + "&konj2")
    if any(toks[i].lower in lex.reportative for i in range(a, b)):
        out.append(kind + "&hearsay")
    if inner:
        caps = sum(1 for t in inner if t.is_cap) / len(inner)
        out.append(f"{kind}&caps=" + _bucket(int(caps * 4), (0, 1, 2, 3)))
        out.append(f"{kind}&first=" + inner[0].lower)
        out.append(f"{kind}&lower_start={inner[0].text[:1].islower()}")
    if a > 0:
        out.append(f"{kind}&before=" + toks[a - 1].lower)
        if a > 1:
            out.append(f"{kind}&before2=" + toks[a - 2].lower)
    if b < len(toks):
        out.append(f"{kind}&after=" + toks[b].lower)
    body = text[f.start : f.end]
    if any(ch in body for ch in ".!?"):
        out.append(kind + "&sentence_punct")
    if any(ch.isdigit() for ch in body):
        out.append(kind + "&digits")
    sa, sb = ex.v.sent_chars(f.sent) if f.sent < len(ex.v.sents) else (f.start, f.end)
    share = (f.end - f.start) / max(1, sb - sa)
    out.append(f"{kind}&share=" + _bucket(int(share * 10), (2, 5, 8, 10)))
    sents = toks[b - 1].sent - toks[a].sent + 1
    out.append(f"{kind}&sents=" + _bucket(sents, (1, 2, 3)))
    others = sum(1 for g in ex.found if g is not f and g.start < f.end and f.start < g.end)
    out.append(f"{kind}&overlaps={min(others, 2)}")
    return out


def screen(ex: Extractor, model: LinearModel) -> list[Found]:
    """The candidates of ``ex`` the model keeps (and the firm ones, which it does not read)."""
    keep = model.classes.index(KEEP)
    threshold = model.cut(settings.QUOTES_SCREEN_THRESHOLD)
    return [f for f in ex.found if f.firm or float(model.proba(features(ex, f))[keep]) >= threshold]
