"""A document's quantities as claims: measure from cues, firm subjects only from the claim's sentence, no
currency "mention" as a subject, and the timex interval where the quantity's time is only its year."""

from __future__ import annotations

from newsgraph.model import Analysis, Document, Mention, Quantity, Timex
from newsgraph.resolve.claims import claims_of

TEXT = (
    "Russland und Kasachstan sind enge Partner. "
    "Das Handelsvolumen zwischen beiden Ländern betrug in den ersten neun Monaten des Jahres 2025 "
    "20 Milliarden US-Dollar. Offiziell kamen bei der Explosion zwölf Menschen ums Leben."
)


def span(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def analysis() -> Analysis:
    a = Analysis(doc="d")
    first_end = TEXT.index("Das")
    second_end = TEXT.index("Offiziell")
    a.sentences = [(0, first_end - 1), (first_end, second_end - 1), (second_end, len(TEXT))]
    ru, kz, usd = span(TEXT, "Russland"), span(TEXT, "Kasachstan"), span(TEXT, "US-Dollar")
    a.mentions = [
        Mention("d", *ru, "Russland", "LOC", entity="ru"),
        Mention("d", *kz, "Kasachstan", "LOC", entity="kz"),
        Mention("d", *usd, "US-Dollar", "MISC", entity="usd"),
    ]
    period = span(TEXT, "in den ersten neun Monaten des Jahres 2025")
    a.timexes = [Timex("t1", "d", *period, TEXT[slice(*period)], "DATE", "2025", interval="2025-01/2025-09")]
    amount = span(TEXT, "20 Milliarden US-Dollar")
    dead = span(TEXT, "zwölf")
    a.quantities = [
        Quantity(
            "q1",
            "d",
            *amount,
            "20 Milliarden US-Dollar",
            20e9,
            unit="USD",
            measure="Handelsvolumen",
            time="2025",
            subject_spans=[ru, kz, usd],
            measure_span=span(TEXT, "Handelsvolumen"),
        ),
        Quantity("q2", "d", *dead, "zwölf", 12, measure="Mensch", measure_span=span(TEXT, "Menschen")),
    ]
    return a


def test_claims_of_a_document() -> None:
    doc = Document(id="d", text=TEXT, source="TASS", published="2025-11-12", language="de")
    trade, dead = claims_of(doc, analysis(), {"ru": "Russland"}, story="s1")
    assert trade.measure == "Handelsvolumen" and trade.time == "2025-01/2025-09"
    assert trade.subjects == ()  # Russia and Kazakhstan are named in another sentence; US-Dollar is the unit
    assert dict(trade.context)["ru"] > 0 and "usd" not in dict(trade.context)
    assert dead.measure == "Todesopfer" and dead.story == "s1" and dead.source == "TASS"
