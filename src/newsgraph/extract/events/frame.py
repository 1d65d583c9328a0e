"""An event's frame: who acts, on whom, where, when, and whether it happened, is planned or denied.

Heuristics over the sentence (no parser): actors are the entity mentions of the trigger's clause that
no preposition governs (the subject side), falling back to the last person mentioned when a pronoun
("er", "seines Besuchs") stands there; targets follow a target preposition ("Sanktionen gegen X") or
the verb; the place is a place mention after a place preposition; the time is the nearest time
expression of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.triggers import Hit
from newsgraph.model import Mention, Timex
from newsgraph.model import Span as CharSpan

PERSONISH = frozenset({"PER", "ORG", "LOC"})
SKIPPABLE_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PIAT", "CARD", "ADV"})
PASSIVE_PARTICIPLE = "VVPP"


@dataclass(slots=True)
class Placed:
    """A mention with its token range in the doc."""

    mention: Mention
    start: int
    end: int


@dataclass(slots=True)
class Frame:
    actors: list[CharSpan] = field(default_factory=list)
    targets: list[CharSpan] = field(default_factory=list)
    place: CharSpan | None = None
    time: str | None = None
    status: str = "reported"


def place_mentions(doc: Doc, mentions: list[Mention]) -> list[Placed]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.type in PERSONISH:
            out.append(Placed(m, span.start, span.end))
    return out


def _clause(sent: Span, i: int, lex: Lexicon) -> tuple[int, int]:
    lo = i
    while lo > sent.start and sent.doc[lo - 1].lower_ not in lex.clause_breaks:
        lo -= 1
    hi = i + 1
    while hi < sent.end and sent.doc[hi].lower_ not in lex.clause_breaks:
        hi += 1
    return lo, hi


def _governing_preposition(doc: Doc, start: int, floor: int) -> str | None:
    """The preposition that governs a mention starting at token ``start``, if any."""
    k = start - 1
    while k >= floor and doc[k].tag_ in SKIPPABLE_TAGS | {"NN"} and doc[k].lower_ not in ("", ","):
        k -= 1
    if k >= floor and (doc[k].tag_.startswith("APPR") or not doc[k].tag_) and doc[k].is_lower:
        return doc[k].lower_
    return None


def _last_person_before(placed: list[Placed], token: int) -> Placed | None:
    people = [p for p in placed if p.end <= token and p.mention.type == "PER" and p.mention.form == "name"]
    return people[-1] if people else None


def build(doc: Doc, sent: Span, hit: Hit, placed: list[Placed], timexes: list[Timex], lex: Lexicon) -> Frame:
    frame = Frame()
    lo, hi = _clause(sent, hit.start, lex)
    in_sentence = [p for p in placed if p.start >= sent.start and p.end <= sent.end]
    roles: dict[int, str | None] = {
        id(p): _governing_preposition(doc, p.start, sent.start) for p in in_sentence
    }
    trigger_token = doc[hit.start]
    passive = trigger_token.tag_ == PASSIVE_PARTICIPLE

    actors: list[Placed] = []
    targets: list[Placed] = []
    for p in in_sentence:
        prep = roles[id(p)]
        if prep in lex.agent_prepositions and passive and lo <= p.start < hi:
            actors.append(p)
        elif prep in lex.target_prepositions and (hit.trigger.pos == "noun" or lo <= p.start < hi):
            (actors if hit.trigger.symmetric else targets).append(p)
    free_in_clause = [
        p for p in in_sentence if roles[id(p)] is None and lo <= p.start < hi and p not in actors
    ]
    if hit.trigger.pos == "noun":
        after = [p for p in in_sentence if p.start == hit.end or (p.start == hit.end + 1 and roles[id(p)])]
        subject = [p for p in in_sentence if roles[id(p)] is None and p.start < hit.start]
        owner = _owner_by_reference(doc, hit.start, lo, placed, lex)
        chosen = (
            owner
            or (after[:1] if after and roles[id(after[0])] not in lex.place_prepositions else [])
            or subject[:1]
        )
        actors = chosen + [a for a in actors if a not in chosen]
    else:
        before = [p for p in free_in_clause if p.start < hit.start]
        later = [p for p in free_in_clause if p.start > hit.start]
        if passive:
            antecedent = [p for p in in_sentence if p.end <= lo]
            targets += antecedent[-1:] if not before else before[-1:]
        elif before:
            actors = before[-1:] + actors
            targets += later[:1]
        elif later:
            actors = later[:1] + actors
            targets += later[1:2]
        else:
            actors = (_owner_by_reference(doc, hit.start, lo, placed, lex) or []) + actors
    frame.actors = _unique(p.mention.span for p in actors)
    frame.targets = [s for s in _unique(p.mention.span for p in targets) if s not in frame.actors]
    places = [p for p in in_sentence if p.mention.type == "LOC" and roles[id(p)] in lex.place_prepositions]
    if places:
        frame.place = min(places, key=lambda p: abs(p.start - hit.start)).mention.span
    frame.time = _time(doc, sent, hit, timexes)
    frame.status = _status(doc, sent, hit, lo, hi, lex)
    return frame


def _owner_by_reference(doc: Doc, i: int, lo: int, placed: list[Placed], lex: Lexicon) -> list[Placed] | None:
    """A pronoun or possessive just before the trigger (or opening its clause) → the last person."""
    for k in range(i - 1, max(lo, i - 4) - 1, -1):
        if doc[k].lower_ in lex.back_references:
            person = _last_person_before(placed, k)
            return [person] if person else None
    for k in range(lo, i):
        if doc[k].lower_ in lex.back_references:
            person = _last_person_before(placed, k)
            return [person] if person else None
    return None


def _time(doc: Doc, sent: Span, hit: Hit, timexes: list[Timex]) -> str | None:
    start, end = sent.start_char, sent.end_char
    inside = [t for t in timexes if start <= t.start and t.end <= end and t.type in ("DATE", "TIME")]
    if not inside:
        return None
    at = doc[hit.start].idx
    return min(inside, key=lambda t: abs(t.start - at)).value


def _status(doc: Doc, sent: Span, hit: Hit, lo: int, hi: int, lex: Lexicon) -> str:
    window = range(max(sent.start, hit.start - lex.negation_window), hit.start)
    after = range(hit.end, hi) if hit.trigger.pos == "verb" else range(0)
    if any(doc[k].lower_ in lex.negation_cues for k in [*window, *after]):
        return "negated"
    clause = [doc[k] for k in range(lo, hi)]
    if any(t.lower_ in lex.planned_cues for t in clause):
        return "planned"
    if any(t.lower_ in lex.future_auxiliaries for t in clause):
        infinitive = doc[hit.start].tag_ in lex.infinitive_tags or any(
            t.tag_ in lex.infinitive_tags for t in clause
        )
        if infinitive or hit.trigger.pos == "noun":
            return "planned"
    return "reported"


def _unique(spans) -> list[CharSpan]:  # type: ignore[no-untyped-def]
    out: list[CharSpan] = []
    for s in spans:
        if s not in out:
            out.append(s)
    return out
