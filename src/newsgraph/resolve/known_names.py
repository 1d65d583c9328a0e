"""The names a story knows, for a second NER pass over the articles that missed them.

NER reads one article at a time; a name with no cue in its sentence (*Rosmagistral übernimmt davon
49 Prozent*) is missed there although another article of the same story types it
(*des russischen Pipelinekonzerns Rosmagistral*). The two-stage idea of Krishnan & Manning (2006),
non-local consistency, at the level of a story:

* a story's **known names** are the texts of its name mentions with the type most of them have (a
  strict majority; a one-word name must read as a proper noun to the tagger, ``nlp.ner_document.name_like``,
  so a common noun the model once mistook for a name is never spread), and its articles' outlets and
  agencies (organizations);
* each article gets the known names that occur in its text (``Document.known_names``, stored in
  ``known_names`` with their fingerprint) and is analyzed again where one of them occurs where no
  mention covers it; NER then fills those occurrences (``nlp.ner_known``), and everything downstream
  (quantity subjects, quote speakers, event actors) sees the new mentions.

Known names only grow the set of mentions by names the story already has, so a second run finds the
same names and analyzes nothing again.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsgraph import settings
from newsgraph.nlp.ner_known import occurrences
from newsgraph.store.codec import loads

NAME_TYPES = ("PER", "ORG", "LOC", "MISC")
SOURCE_TYPE = "ORG"  # outlets and agencies


@dataclass(slots=True)
class StoryText:
    """One article as this step sees it."""

    id: str
    text: str
    mentions: list[tuple[int, int, str, str, str]]  # start, end, text, type, form
    sources: list[str]  # its outlet and agencies


def story_names(docs: Iterable[StoryText], name_like: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(name, type) pairs a story knows, sorted."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    sources: set[str] = set()
    for d in docs:
        for _s, _e, text, typ, form in d.mentions:
            if form == "name" and typ in NAME_TYPES:
                votes[text][typ] += 1
        sources.update(s for s in d.sources if s)
    known: dict[str, str] = {}
    for text, count in votes.items():
        (typ, n), *rest = count.most_common(2) + [("", 0)]
        if n > rest[0][1] and _usable(text, name_like):
            known[text] = typ
    for source in sources:
        if len(source) >= settings.NER_KNOWN_NAME_MIN_CHARS:
            known.setdefault(source, SOURCE_TYPE)
    return sorted(known.items())


def _usable(text: str, name_like: Callable[[str], bool]) -> bool:
    if len(text) < settings.NER_KNOWN_NAME_MIN_CHARS or not any(ch.isalpha() for ch in text):
        return False
    words = text.split()
    if len(words) == 1:
        return name_like(text)
    return all(w[:1].isupper() for w in words)


def for_document(doc: StoryText, known: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
    """The known names that occur in ``doc``, and whether one occurs where no mention covers it."""
    mine: list[tuple[str, str]] = []
    uncovered = False
    covered = sorted((s, e) for s, e, *_ in doc.mentions)
    for name, typ in known:
        spans = occurrences(doc.text, name)
        if not spans:
            continue
        mine.append((name, typ))
        if not uncovered:
            uncovered = any(not any(s < b and a < e for s, e in covered) for a, b in spans)
    return mine, uncovered


def story_texts(conn: sqlite3.Connection) -> list[list[StoryText]]:
    """The stories of more than one article, each as its articles."""
    out = []
    for row in conn.execute("SELECT documents FROM stories ORDER BY id"):
        ids = loads(row["documents"], [])
        if len(ids) < 2:
            continue
        marks = ",".join("?" * len(ids))
        docs = {
            d["id"]: d
            for d in conn.execute(
                f"SELECT id, text, source, agencies FROM documents WHERE id IN ({marks})", ids
            )
        }
        mentions: dict[str, list[tuple[int, int, str, str, str]]] = {}
        for r in conn.execute(
            f'SELECT doc, start, "end", text, type, form FROM mentions WHERE doc IN ({marks})'
            ' ORDER BY doc, start, "end"',
            ids,
        ):
            mentions.setdefault(r["doc"], []).append((r["start"], r["end"], r["text"], r["type"], r["form"]))
        out.append(
            [
                StoryText(
                    d["id"], d["text"], mentions.get(d["id"], []), [d["source"], *loads(d["agencies"], [])]
                )
                for d in (docs[i] for i in ids if i in docs)
            ]
        )
    return out
