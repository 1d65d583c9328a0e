"""The records newsgraph produces.

Every annotation is a ``[start, end)`` character span into ``Document.text``, which never
changes after ingestion. Records made by ``analyze`` refer to other things in the same
document by span (a mention's ``(start, end)``); the corpus-wide ``resolve`` step maps those
spans to entity ids. The export contract (``spec/export.schema.json``) is produced from these
records by ``store.export``.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
MentionForm = Literal["name", "deriv", "part"]
Qualifier = Literal["exact", "approx", "almost", "more_than", "less_than", "at_least", "at_most"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "reported", "free_indirect"]
PublishedFrom = Literal["metadata", "text"]
Span = tuple[int, int]


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id derived from content: the same parts always give the same id."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def enclosing(spans: list[Span], pos: int) -> Span | None:
    """The span of a sorted, non-overlapping list (sentences) that contains offset ``pos``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if 0 <= i < len(spans) and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def outlet_name(
    source: str | None, agencies: list[str] | None, path: str | None, title: str | None, doc_id: str
) -> str:
    """The name a document is cited by: its outlet, else the agencies it relies on, else its file
    name, title or id. One rule for the claims, the comparisons and the report."""
    if source:
        return source
    if agencies:
        return ", ".join(agencies)
    return (path or "").rsplit("/", 1)[-1] or title or doc_id


def record_id(kind: str, doc: str, start: int, end: int, extra: str = "") -> str:
    """Id of an annotation: a kind prefix plus a hash of document and span (stable across runs)."""
    return f"{kind}_{content_id(doc, str(start), str(end), extra, length=12)}"


@dataclass(slots=True)
class Document:
    """One article, normalized by ``ingest``. ``text`` is never modified afterwards."""

    id: str
    text: str
    path: str | None = None
    source: str | None = None
    agencies: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    published_from: PublishedFrom | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other input fields, kept as given
    # (name, type) pairs its story names elsewhere: set by resolve for a second analysis pass
    # (``resolve.known_names``), kept in their own table, never with the document
    known_names: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A named-entity mention (GermEval 2014 scheme). ``entity`` is set by resolve."""

    doc: str
    start: int
    end: int
    text: str
    type: EntityType
    form: MentionForm = "name"
    entity: str | None = None
    role: str | None = None  # role noun next to a person: "Präsident von Kasachstan"
    score: float | None = None

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    # added by resolve (issue 4): where it occurs, roles with their dates, what it belongs to
    documents: list[str] = field(default_factory=list)  # document ids, first seen first
    mention_count: int = 0
    role_history: list[dict[str, str | None]] = field(default_factory=list)  # role, noun, place, doc, date
    part_of: str | None = None  # entity id of the country it belongs to (Kreml -> Russland)


@dataclass(slots=True)
class Timex:
    id: str
    doc: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    rule: str | None = None  # name of the rule that produced it
    anchor: str | None = None  # the date it was resolved against, when relative
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
    interval: str | None = None  # an interval it spans: "2025-01/2025-09", "1994/..", "../2050"


@dataclass(slots=True)
class Quantity:
    id: str
    doc: str
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    qualifier: Qualifier = "exact"
    measure: str | None = None
    time: str | None = None  # TIMEX3 value of its time scope
    value_max: float | None = None  # upper bound of a range ("20 bis 30")
    is_rank: bool = False
    subject_spans: list[Span] = field(default_factory=list)  # mention spans it concerns
    speaker_span: Span | None = None  # mention span of who states it
    speaker_text: str | None = None  # "nach offiziellen Angaben", outlet name, ...
    measure_span: Span | None = None
    # filled by resolve
    subjects: list[str] = field(default_factory=list)
    speaker: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    doc: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_ref: Span | None = None  # mention span the speaker resolves to (pronoun antecedent...)
    speaker: str | None = None  # entity id, filled by resolve


@dataclass(slots=True)
class Event:
    id: str
    doc: str
    start: int
    end: int
    text: str
    code: str  # CAMEO
    actor_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    place_span: Span | None = None
    time: str | None = None
    status: Literal["reported", "planned", "negated"] = "reported"
    # filled by resolve
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    documents: list[str]
    label: str | None = None
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (copy, original) near-duplicates


@dataclass(slots=True)
class Comparison:
    id: str
    measure: str
    subjects: list[str]
    time: str | None
    unit: str | None
    verdict: Literal["agree", "conflict"]
    quantities: list[str]
    note: str | None = None


@dataclass(slots=True)
class Analysis:
    """What ``analyze`` produces for one document: a pure function of the Document."""

    doc: str
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # a publication date inferred from the text during analysis (when the Document had none)
    published: str | None = None
    pipeline: str = ""  # pipeline fingerprint: components and versions
