"""What one number passes on to the next: the measure of an elliptic or verbless clause ("waren es 1,9
Milliarden", "der usbekische Staat 51 Prozent"), its subjects and time, a parallel clause's subject ("China
liegt mit 13,4 Milliarden …"), the place of an event for the next sentence's numbers; and the discourse
subject of a clause that names nobody (``discourse.resolve``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph import model
from newsgraph.extract.quantities import discourse
from newsgraph.extract.quantities.context import Ctx
from newsgraph.extract.quantities.finder import Found

Span = tuple[int, int]
Measure = tuple[str, Span] | None
ATTRIBUTIVE_GAP = 4
PARTS = ("1", "%")  # fractions and percentages: a following genitive names a group, not a referent


@dataclass(slots=True)
class Chain:
    ctx: Ctx
    dl: discourse.DiscourseLexicon
    registry: discourse.Registry
    made: list[model.Quantity] = field(default_factory=list)
    persisting: set[int] = field(default_factory=set)  # indexes into made: subjects = the place of an event

    @property
    def prev(self) -> model.Quantity | None:
        return self.made[-1] if self.made else None

    def add(self, q: model.Quantity) -> None:
        self.made.append(q)

    # ---- measure -----------------------------------------------------------------------------------
    def gapped(self, f: Found) -> bool:
        """A verbless clause after a quantity of the same unit in the same sentence ("Rosmagistral übernimmt
        49 Prozent, der usbekische Staat 51 Prozent"): it shares the first clause's verb and measure."""
        ctx, prev = self.ctx, self.prev
        if prev is None or not ctx.tagged or prev.unit != f.unit:
            return False
        if ctx.sentence(prev.start) != ctx.sentence(f.start):
            return False
        c0, c1 = ctx.clause(f.start, f.end)
        if prev.end > c0:
            return False
        a, b = ctx.tok_at(c0), ctx.tok_end(c1)
        return not any(
            ctx.doc[k].tag_ in discourse.FINITE_TAGS or ctx.doc[k].tag_.startswith("VV") for k in range(a, b)
        )

    def gapped_measure(self, f: Found, start: int, measure: Measure) -> Measure:
        """The noun before a verbless clause's number is its subject, not its measure: the measure is the
        first clause's (a noun after the number stays: "aber nur 17.588 Pannonier")."""
        prev = self.prev
        if prev is None or (measure is not None and measure[1][0] >= start):
            return measure
        return (prev.measure, prev.measure_span) if prev.measure and prev.measure_span else None

    def carried_measure(self, f: Found, measure: Measure, gapped: bool) -> tuple[Measure, bool]:
        """(measure, carried): an elliptic clause ("…, in den ersten beiden Monaten 2026 waren es 1,9
        Milliarden") measures what the quantity just before it (same unit, same or previous sentence)
        measures; the same noun measured again ("offiziell sind es weiterhin zwölf") is carried too."""
        prev = self.prev
        if prev is None:
            return measure, False
        if measure is None and not f.is_rank and not gapped:
            if prev.measure is None or prev.unit is None or prev.unit != f.unit or prev.measure_span is None:
                return None, False
            if not self.near(prev, f):
                return None, False
            return (prev.measure, prev.measure_span), True
        if measure is not None and measure[1] == prev.measure_span:
            return measure, self.near(prev, f)
        return measure, False

    # ---- subjects and time ---------------------------------------------------------------------------
    def scope(
        self,
        f: Found,
        start: int,
        clause: Span,
        measure: Measure,
        subjects: list[Span],
        time: str | None,
        region: Span | None,
        *,
        carried: bool,
        gapped: bool,
        isolated: bool,
    ) -> tuple[list[Span], str | None]:
        """The subjects and time of ``f`` given the names of its clause (``subjects``). ``isolated``: a
        circumstance or an attribute ("bei minus drei Grad", "das Werk mit 900 Beschäftigten") takes
        nothing from the discourse."""
        ctx, dl, prev = self.ctx, self.dl, self.prev
        persists = False
        if not isolated:
            ante, strong, cls = discourse.resolve(
                ctx, dl, self.registry, clause, start, f.end, measure[1] if measure else None, f.unit in PARTS
            )
            if ante is not None and (strong or not subjects):
                # a strong anaphor (the measured thing, the clause's subject) keeps only the names
                # that stand as actors: no adjectives (usbekischen), no places in phrases (über X)
                kept = [s for s in subjects if strong and not self.attributive(s)]
                subjects = sorted({ante, *kept})
                persists = cls in dl.persists
        if prev is None:
            self._mark(persists)
            return subjects, time
        same_clause = ctx.clause(prev.start, prev.end) == ctx.clause(f.start, f.end)
        rank_of_prev = f.is_rank and measure is None and same_clause and bool(prev.measure)
        last = len(self.made) - 1
        if carried or gapped or rank_of_prev:
            if carried and time is None:
                time = prev.time
            if (carried or f.is_rank) and prev.subject_spans:
                # a parallel clause names its own subject and keeps the partners in phrases:
                # "Russland kam auf ein Handelsvolumen mit Usbekistan von …; China liegt mit …"
                own = [s for s in subjects if s not in prev.subject_spans]
                partners = [s for s in prev.subject_spans if self.attributive(s)]
                subjects = sorted(set(own + partners)) if own else list(prev.subject_spans)
                persists = persists or last in self.persisting
        elif (
            not subjects
            and not isolated
            and last in self.persisting
            and not self.names_in(clause, region)
            and self.near(prev, f)
        ):
            # the place of an event stays the subject of the next numbers that name nothing
            subjects, persists = list(prev.subject_spans), True
        self._mark(persists)
        return subjects, time

    def _mark(self, persists: bool) -> None:
        if persists:
            self.persisting.add(len(self.made))

    # ---- tests on positions ----------------------------------------------------------------------------
    def near(self, prev: model.Quantity, f: Found) -> bool:
        """Is ``prev`` in the same sentence as ``f`` or in the one right before it?"""
        ctx = self.ctx
        s0, _ = ctx.sentence(f.start)
        p0, _ = ctx.sentence(prev.start)
        return p0 == s0 or ctx.sentence(max(s0 - 1, 0))[0] == p0

    def attributive(self, span: Span) -> bool:
        """Is the mention at ``span`` an adjective (usbekischen) or inside a prepositional phrase?"""
        ctx = self.ctx
        m = next((m for m in ctx.mentions if (m.start, m.end) == span), None)
        if m is not None and getattr(m, "form", "name") == "deriv":
            return True
        i = ctx.tok_at(span[0])
        j = i - 1
        while j >= 0 and i - j <= ATTRIBUTIVE_GAP:  # "in der Provinz Buxoro": over nouns and modifiers
            t = ctx.doc[j]
            if t.lower_ in ctx.lx.prepositions:
                return True
            if t.is_punct or not (ctx.is_modifier(j) or ctx.is_noun(j)):
                return False
            j -= 1
        return False

    def names_in(self, clause: Span, region: Span | None) -> bool:
        """Does the clause name anything (a proper noun) outside the attribution?"""
        ctx = self.ctx
        for k in range(ctx.tok_at(clause[0]), ctx.tok_end(clause[1])):
            t = ctx.doc[k]
            if region is not None and region[0] <= t.idx < region[1]:
                continue
            if ctx.is_proper(k):
                return True
        return False
