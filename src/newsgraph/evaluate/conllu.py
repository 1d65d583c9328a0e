"""A small CoNLL-U reader (Universal Dependencies), shared by the sentence and tagger scorers.

Multi-word tokens (``zum`` = ``zu`` + ``dem``) are kept as one surface token: its gold UPOS and
lemma are those of its first syntactic word (``ADP``, ``zu``) and its STTS tag is ``APPRART``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# a multi-word token whose first word has this STTS tag is a contracted preposition + article
_CONTRACTED = {"APPR": "APPRART"}


@dataclass(slots=True)
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)
    newdoc: bool = False
    newpar: bool = False


def read(path: Path, limit: int | None = None) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file; raises ``ValueError`` naming the file and line on bad input."""
    path = Path(path)
    sent: Sentence | None = None
    pending_mwt: tuple[int, int, str, bool] | None = None
    newdoc = newpar = False
    count = 0
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line:
                if sent is not None and sent.words:
                    yield sent
                    count += 1
                    if limit is not None and count >= limit:
                        return
                sent = None
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key = key.strip()
                if key.startswith("newdoc"):
                    newdoc = True
                elif key.startswith("newpar"):
                    newpar = True
                if sent is None:
                    sent = Sentence(sent_id="", text="", newdoc=newdoc, newpar=newpar)
                    newdoc = newpar = False
                if key == "sent_id":
                    sent.sent_id = value.strip()
                elif key == "text":
                    sent.text = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}:{lineno}: expected 10 columns, got {len(cols)}")
            if sent is None:
                sent = Sentence(sent_id=f"{path.name}:{lineno}", text="", newdoc=newdoc, newpar=newpar)
                newdoc = newpar = False
            idx, form, lemma, upos, xpos, _feats, _head, _rel, _deps, misc = cols
            space_after = "SpaceAfter=No" not in misc
            if "-" in idx:
                first, last = (int(x) for x in idx.split("-"))
                pending_mwt = (first, last, form, space_after)
                continue
            if "." in idx:  # empty node
                continue
            n = int(idx)
            if pending_mwt is not None and pending_mwt[0] <= n <= pending_mwt[1]:
                if n == pending_mwt[0]:
                    tag = _CONTRACTED.get(xpos, xpos)
                    sent.words.append(Word(pending_mwt[2], lemma, upos, tag, pending_mwt[3]))
                if n == pending_mwt[1]:
                    pending_mwt = None
                continue
            sent.words.append(Word(form, lemma, upos, xpos, space_after))
    if sent is not None and sent.words and (limit is None or count < limit):
        yield sent
