"""A reprint's own paragraphs: what the original wire copy lacks, found by word shingles."""

from __future__ import annotations

import pytest

from newsgraph.resolve.copies import own_spans

WIRE = (
    "Taschkent (zpd) – Russland und Usbekistan haben am Mittwoch ein Abkommen über den Ausbau der Leitung "
    "unterzeichnet.\nDie Kosten beziffert das Ministerium auf 4,2 Milliarden US-Dollar, davon übernimmt "
    "der Konzern 49 Prozent.\nEine Sprecherin der Kommission sagte, man werde das Abkommen prüfen."
)
LOCAL = "Ein Röhrenwerk in Mülheim an der Ruhr bemüht sich um Aufträge. Das Werk hat rund 900 Beschäftigte."


@pytest.mark.parametrize(
    ("reprint", "own"),
    [
        (WIRE, []),  # a verbatim reprint adds nothing
        (WIRE.replace("\nEine", f"\n{LOCAL}\nEine"), [LOCAL]),  # a paragraph of its own
        # a copied paragraph, shortened and with another dash, is still the wire's
        (WIRE.replace("Taschkent (zpd) – ", "Taschkent (zpd) - ").replace(" am Mittwoch", ""), []),
        (WIRE + "\nNordstadt", []),  # too short to call (a byline)
    ],
)
def test_own_spans(reprint: str, own: list[str]) -> None:
    assert [reprint[s:e] for s, e in own_spans(reprint, WIRE)] == own
