"""A document's quantities as claims for the comparison: canonical measure, firm subjects, time scope,
source and speaker, and the entities its sentence and document speak of.

* **measure**: ``measures.MeasureTable.resolve`` (lemma groups, carrier nouns, sentence cues).
* **subjects**: the quantity's subject mentions inside its own sentence are firm; subjects found in other
  sentences (an anaphor such as *beiden Ländern* resolved by the extractor) only count as context.
* **time**: the quantity's TIMEX3 value; where the timex that gave it spans only part of that value
  (``Timex.interval``: *in den ersten neun Monaten des Jahres 2025* → 2025-01/2025-09), the interval.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.model import Analysis, Document, Quantity, Span, enclosing, outlet_name
from newsgraph.resolve.compare import Claim
from newsgraph.resolve.measures import MeasureTable, table
from newsgraph.store.contract import MentionIndex

COUNTED_GAP_WORDS = 2  # "drei wichtigsten Handelspartnern": the counted noun right after the number
SENTENCE_WEIGHT = 3.0  # an entity in the claim's sentence weighs this many mentions elsewhere


def _counted(text: str, q: Quantity) -> bool:
    """Whether the measure noun follows the number with at most ``COUNTED_GAP_WORDS`` words between."""
    if q.measure_span is None or q.measure_span[0] < q.end:
        return False
    gap = text[q.end : q.measure_span[0]]
    return len(gap.split()) <= COUNTED_GAP_WORDS and not any(ch in gap for ch in ",;:.")


def _inside_number(numbers: list[Span], start: int, end: int) -> bool:
    number = enclosing(numbers, start)
    return number is not None and end <= number[1]


def _time(q: Quantity, analysis: Analysis, sentence: Span | None) -> str | None:
    if not q.time:
        return None
    for t in analysis.timexes:
        partial = t.value == q.time and t.interval and "/" in t.interval and "." not in t.interval
        if partial and (sentence is None or sentence[0] <= t.start < sentence[1]):
            return t.interval
    return q.time


def claims_of(
    doc: Document,
    analysis: Analysis,
    names: dict[str, str] | None = None,
    story: str | None = None,
    copy_of: str | None = None,
    measures: MeasureTable | None = None,
) -> list[Claim]:
    """The claims of one document (quantities without any measure are left out)."""
    names = names or {}
    measures = measures or table(doc.language or "de")
    outlet = outlet_name(doc.source, doc.agencies, doc.path, doc.title, doc.id)
    out: list[Claim] = []
    numbers = sorted((q.start, q.end) for q in analysis.quantities)
    # a "mention" inside a number's own text (its currency: *US-Dollar*) is no subject
    mentions = [m for m in analysis.mentions if not _inside_number(numbers, m.start, m.end)]
    index = MentionIndex([(m.start, m.end, m.entity) for m in mentions])
    doc_counts: Counter[str] = Counter(m.entity for m in mentions if m.entity)
    for q in analysis.quantities:
        sentence = enclosing(analysis.sentences, q.start)
        measure = measures.resolve(
            q.measure, doc.text, (q.start, q.end), sentence, lemma_counted=_counted(doc.text, q)
        )
        if not measure:
            continue
        inside = [
            sp
            for sp in q.subject_spans
            if (sentence is None or sentence[0] <= sp[0] < sentence[1]) and not _inside_number(numbers, *sp)
        ]
        context = Counter(doc_counts)
        if sentence is not None:
            for m in mentions:
                if m.entity and sentence[0] <= m.start < sentence[1]:
                    context[m.entity] += SENTENCE_WEIGHT
        speaker = index.entity(q.speaker_span)
        out.append(
            Claim(
                id=q.id,
                doc=doc.id,
                text=q.text,
                value=q.value,
                measure=measure,
                unit=q.unit,
                qualifier=q.qualifier,
                value_max=q.value_max,
                subjects=tuple(index.entities(inside)),
                time=_time(q, analysis, sentence),
                story=story,
                source=outlet,
                speaker=names.get(speaker or "") or q.speaker_text,
                published=doc.published,
                rank=q.is_rank,
                context=tuple(sorted(context.items())),
                copy_of=copy_of,
            )
        )
    return out
