"""What a claim measures, aligned across spellings: lemma groups and sentence cues from the language data.

``MeasureTable.resolve(lemma, text, number, sentence)`` gives the canonical measure of a quantity:

1. a lemma listed in a measure group → the group's label (*Todesopfer*, *Tote* → Todesopfer);
2. a carrier lemma (*Mensch*, *Projekt*: who or what is counted) or none → the measure whose cue stands
   nearest to the number, in its clause first, then in its sentence (*zwölf Menschen kamen ums Leben*);
3. a lemma whose noun does not follow the number closely (*Die Kosten … beziffert das Energieministerium
   auf 4,2 Mrd.*: the extractor's guess) → a cue within the number's clause, else the lemma;
4. any other lemma → itself (*zu den drei wichtigsten Handelspartnern* stays Handelspartner).

The data file (``lang/<lang>/compare/measures.toml``) documents the format; no word is named here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.lang import load_toml

Span = tuple[int, int]
CLAUSE_BREAK = re.compile(r"(?<!\d)[,;:](?!\d)|[–—()]|\s-\s")


def _cue_pattern(cue: str) -> str:
    words = []
    for word in cue.split():
        stem = word.rstrip("*")
        words.append(re.escape(stem) + (r"\w*" if word.endswith("*") else ""))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@dataclass(slots=True, frozen=True)
class MeasureTable:
    labels: dict[str, str]  # lower-case lemma → canonical label
    carriers: frozenset[str]  # lower-case lemmas
    cues: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, label)

    def canonical(self, lemma: str) -> str:
        return self.labels.get(lemma.lower(), lemma)

    def known(self, lemma: str | None) -> bool:
        return bool(lemma) and lemma.lower() in self.labels  # type: ignore[union-attr]

    def resolve(
        self,
        lemma: str | None,
        text: str,
        number: Span,
        sentence: Span | None = None,
        lemma_counted: bool = True,
    ) -> str | None:
        """The canonical measure of the number at ``number`` in ``text`` (see the module doc).
        ``lemma_counted``: the lemma's noun follows the number closely (*drei wichtigsten Handelspartnern*),
        so it names what is counted; a lemma found elsewhere in the clause is only the extractor's guess."""
        if lemma and lemma.lower() in self.labels:
            return self.labels[lemma.lower()]
        carrier = not lemma or lemma.lower() in self.carriers
        if not carrier and lemma_counted:
            return lemma
        sentence = sentence or _fallback_sentence(text, number)
        found = self.nearest_cue(text, number, _clause(text, number, sentence))
        if found is None and carrier:
            found = self.nearest_cue(text, number, sentence)
        return found or lemma

    def nearest_cue(self, text: str, number: Span, window: Span) -> str | None:
        best: tuple[int, int, str] | None = None
        lo, hi = window
        piece = text[lo:hi]
        for pattern, label in self.cues:
            for m in pattern.finditer(piece):
                s, e = lo + m.start(), lo + m.end()
                if s < number[1] and e > number[0]:
                    continue  # inside the number's own text
                distance = number[0] - e if e <= number[0] else s - number[1]
                key = (distance, -(e - s), label)
                if best is None or key < best:
                    best = key
        return best[2] if best else None


def _fallback_sentence(text: str, number: Span) -> Span:
    lo = max(text.rfind(".", 0, number[0]), text.rfind("\n", 0, number[0])) + 1
    ends = [p for p in (text.find(". ", number[1]), text.find("\n", number[1])) if p != -1]
    return lo, (min(ends) + 1 if ends else len(text))


def _clause(text: str, number: Span, sentence: Span) -> Span:
    lo, hi = sentence
    start, end = lo, hi
    for m in CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= number[0]:
            start = m.end()
        elif m.start() >= number[1]:
            end = m.start()
            break
    return start, end


@cache
def table(lang: str = "de") -> MeasureTable:
    data = load_toml(lang, "compare/measures.toml")
    labels: dict[str, str] = {}
    cues: list[tuple[re.Pattern[str], str]] = []
    for group in data.get("measure", []):
        label = group.get("label") or group["lemmas"][0]
        for lemma in group["lemmas"]:
            labels[lemma.lower()] = label
        labels[label.lower()] = label
        for cue in group.get("cues", []):
            cues.append((re.compile(_cue_pattern(cue), re.IGNORECASE), label))
    carriers = frozenset(x.lower() for x in data.get("carriers", {}).get("lemmas", []))
    return MeasureTable(labels, carriers, tuple(cues))


@cache
def synonyms(lang: str = "de") -> dict[str, str]:
    """Lemma (lower case) → canonical measure label (kept for callers that only have lemmas)."""
    return dict(table(lang).labels)
