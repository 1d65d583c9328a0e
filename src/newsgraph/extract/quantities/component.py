"""The spaCy component ``ng_quantities``: every number with its unit, qualifier, measure, subjects,
time scope and speaker, appended to ``doc._.quantities`` as ``model.Quantity`` records.

Reads (when present): ``doc._.document`` (id, source), ``doc._.timexes`` (numbers inside DATE/TIME/SET
timexes are skipped; durations are kept as quantities with a time unit), ``doc._.quotes`` (speaker),
``doc._.mentions`` (subjects, names), token ``tag_``/``lemma_`` (from ng_hanta; simplemma otherwise).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import model, settings
from newsgraph.extract.quantities import chain, discourse
from newsgraph.extract.quantities.context import Ctx
from newsgraph.extract.quantities.finder import Found, finder
from newsgraph.extract.quantities.measure import find_measure
from newsgraph.extract.quantities.numbers import tokenize
from newsgraph.extract.quantities.scope import find_rate, find_speaker, find_subjects, find_time
from newsgraph.nlp import extensions

log = logging.getLogger(__name__)
NOT_QUANTITY_TIMEX = ("DATE", "TIME", "SET")


class QuantityExtractor:
    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        self.finder = finder(lang)

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.extract(doc)
        except Exception as exc:  # one bad document must not stop a run
            document = getattr(doc._, "document", None)
            log.warning("ng_quantities failed on %s: %r", getattr(document, "id", "?"), exc)
        return doc

    def extract(self, doc: Doc) -> list[model.Quantity]:
        ctx = Ctx.build(doc, self.finder.lx)
        text = ctx.text
        found = self.finder.find(text, tokenize(text))
        kept: list[Found] = []
        for f in found:
            if ctx.in_timex(f.start, f.num_end or f.end, NOT_QUANTITY_TIMEX) is not None:
                continue
            if (
                any(
                    t.start < f.end and f.start < t.end and t.type in NOT_QUANTITY_TIMEX and t.start > f.start
                    for t in ctx.timexes
                )
                and f.unit_kind == "time"
            ):
                continue  # "neun Monaten des Jahres 2025" overlapping a date
            if ctx.in_mention(f.start, f.end):
                continue  # Sputnik-1, Boeing 787
            kept.append(f)
        ctx.busy = [(f.qstart, f.end) for f in kept]
        _resolve_ambiguous_currency(kept, ctx.lx.ambiguous_currency)
        document = getattr(doc._, "document", None)
        doc_id = getattr(document, "id", "") or ""
        out = extensions.records(doc, "quantities")
        made: list[model.Quantity] = []
        dl = discourse.get(self.lang)
        links = chain.Chain(ctx, dl, discourse.build(ctx, dl))
        for f in kept[: settings.QUANTITIES_MAX_PER_DOC]:
            if f.prep_ambiguous and not _after_name(ctx, f):
                f.qualifier, f.qualifier_start = "exact", None  # "Kredite über 1,5 Milliarden Euro"
            start = f.qstart
            _age_after_name(ctx, f)
            clause = discourse.main_clause(ctx, dl, ctx.clause(f.start, f.end))
            speaker_span, speaker_text, region = find_speaker(ctx, f, start)
            prep = discourse.governing_preposition(ctx, start)
            circumstance = prep is not None and prep[0] in dl.circumstance
            attribute = prep is not None and prep[0] in dl.attribute and prep[1]
            gapped = links.gapped(f)
            ctx.avoid = region
            if circumstance and f.unit_kind in dl.condition_kinds:
                measure = None  # "bei minus drei Grad": the ambient temperature
            else:
                measure = find_measure(ctx, f, start)
            ctx.avoid = None
            measure = links.gapped_measure(f, start, measure) if gapped else measure
            if f.unit_measure and f.unit_start is not None:
                measure = (f.unit_measure, (f.unit_start, f.end))
            measure, carried = links.carried_measure(f, measure, gapped)
            unit, time = f.unit, find_time(ctx, f, start)
            if attribute:
                time = None  # "das Werk mit 900 Beschäftigten hatte 2012 …": the clause's time is not its own
            rate = find_rate(ctx, f, start) if not f.is_rank else None
            if rate is not None:
                per = ctx.lx.rate_units.get(rate)
                if unit is not None and per is not None and "/" not in unit:
                    unit = f"{unit}/{per}"
                elif time is None:
                    time = rate
            subjects: list[tuple[int, int]] = []
            if not attribute:
                subjects = find_subjects(ctx, f, start, speaker_span, region, clause)
            subjects, time = links.scope(
                f,
                start,
                clause,
                measure,
                subjects,
                time,
                region,
                carried=carried,
                gapped=gapped,
                isolated=circumstance or attribute,
            )
            q = model.Quantity(
                id=model.record_id("n", doc_id, start, f.end),
                doc=doc_id,
                start=start,
                end=f.end,
                text=text[start : f.end],
                value=_clean(f.value),
                unit=unit,
                qualifier=f.qualifier,  # type: ignore[arg-type]
                measure=measure[0] if measure else None,
                measure_span=measure[1] if measure else None,
                time=time,
                value_max=_clean(f.value_max) if f.value_max is not None else None,
                is_rank=f.is_rank,
                subject_spans=subjects,
                speaker_span=speaker_span,
                speaker_text=speaker_text,
            )
            made.append(q)
            links.add(q)
        out.extend(made)
        return made


def _resolve_ambiguous_currency(found: list[Found], ambiguous: frozenset[str]) -> None:
    """A bare "Dollar" is the one other dollar the article names explicitly (kanadische Dollar), if exactly
    one and no explicit US dollar; else it keeps its default (USD)."""
    bare = [f for f in found if f.unit_kind == "currency" and f.unit_form in ambiguous]
    if not bare:
        return
    default = bare[0].unit
    explicit = {f.unit for f in found if f.unit_kind == "currency" and f.unit_form not in ambiguous}
    same_name = {
        f.unit
        for f in found
        if f.unit_kind == "currency"
        and f.unit_form
        and bare[0].unit_form
        and f.unit_form.endswith(bare[0].unit_form)
        and f.unit_form not in ambiguous
    }
    others = same_name - {default}
    if len(others) == 1 and default not in explicit:
        code = others.pop()
        for f in bare:
            f.unit = code


AGE_MAX = 120


def _age_after_name(ctx: Ctx, f: Found) -> None:
    """ "Heino (77)": a bare whole number in parentheses right after a person's name is the age in years."""
    text = ctx.text
    if (
        ctx.lx.age_unit is None
        or f.unit is not None
        or f.is_rank
        or f.value != int(f.value)
        or not 0 < f.value <= AGE_MAX
    ):
        return
    if not (f.start > 0 and text[f.start - 1] == "(" and text[f.end : f.end + 1] == ")"):
        return
    for m in ctx.mentions:
        if m.type == "PER" and 0 <= f.start - 1 - m.end <= 1:
            f.unit, f.unit_kind = ctx.lx.age_unit, "time"
            f.unit_measure, f.unit_start = ctx.lx.age_measure, f.start
            return


def _after_name(ctx: Ctx, f: Found) -> bool:
    """Is the word before the qualifier a name (a mention or an NE tag)? "Buchara über 40.000 Haushalte"."""
    q = f.qualifier_start if f.qualifier_start is not None else f.start
    i = ctx.tok_at(q) - 1
    return i >= 0 and ctx.is_proper(i)


def _clean(v: float) -> float:
    """Round away binary noise (27.8e9 stays 27800000000.0, 1/3 keeps 12 significant digits)."""
    return float(f"{v:.12g}")


@Language.factory("ng_quantities", default_config={"lang": "de"})
def make_quantities(nlp: Language, name: str, lang: str) -> QuantityExtractor:
    extensions.register()
    return QuantityExtractor(lang)
