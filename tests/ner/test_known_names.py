"""The second NER pass over a story: names one article types fill the bare occurrences of another."""

from __future__ import annotations

import pytest

from newsgraph import workflow
from newsgraph.model import Document
from newsgraph.nlp import pipeline
from newsgraph.nlp.ner_document import name_like
from newsgraph.nlp.ner_known import fill, occurrences
from newsgraph.resolve.known_names import StoryText, for_document, story_names
from newsgraph.store import open_db, reads, writes


def _like(word: str) -> bool:
    return name_like(word, 0.0)


def _doc(i: str, text: str, names: list[tuple[str, str, str]], sources: list[str] | None = None) -> StoryText:
    mentions = []
    for name, typ, form in names:
        at = text.index(name)
        mentions.append((at, at + len(name), name, typ, form))
    return StoryText(i, text, mentions, sources or [])


CUED = _doc(
    "a",
    "Der russische Konzern Rosmagistral baut die Leitung, sagte Igor Saizew in Taschkent.",
    [("Rosmagistral", "ORG", "name"), ("Igor Saizew", "PER", "name"), ("Taschkent", "LOC", "name")],
    ["zpd"],
)
BARE = _doc("b", "Rosmagistral übernimmt 49 Prozent. Saizew schwieg.", [])


def test_story_names_majority_type_and_sources() -> None:
    other = _doc("c", "Rosmagistral und Rosmagistral", [("Rosmagistral", "PER", "name")])
    known = dict(story_names([CUED, BARE, other], _like))
    assert known["Igor Saizew"] == "PER"
    assert "Rosmagistral" not in known  # ORG once, PER once: no majority
    assert known["zpd"] == "ORG"  # an outlet or agency of the story


@pytest.mark.parametrize(
    ("name", "typ", "known"),
    [
        ("Rosmagistral", "ORG", True),  # the tagger reads it as a proper noun
        ("Leitung", "ORG", False),  # a common noun the model once typed: never spread
        ("Igor Saizew", "PER", True),  # several capitalised words
        ("EU", "ORG", False),  # too short to spread safely
    ],
)
def test_story_names_filter(name: str, typ: str, known: bool) -> None:
    text = f"Heute: {name}."
    doc = _doc("x", text, [(name, typ, "name")])
    assert ((name, typ) in story_names([doc], _like)) is known


def test_for_document_says_when_an_occurrence_is_uncovered() -> None:
    known = story_names([CUED, BARE], _like)
    mine, uncovered = for_document(BARE, known)
    assert ("Rosmagistral", "ORG") in mine and uncovered
    assert for_document(CUED, known)[1] is False  # all its occurrences are mentions already


def test_occurrences_keep_word_boundaries() -> None:
    assert occurrences("Rosmagistral-Chef und Rosmagistrals Rosmagistral", "Rosmagistral") == [
        (0, 12),
        (36, 48),
    ]


def test_fill_adds_only_uncovered_occurrences() -> None:
    nlp = pipeline.build(["ng_sentences"])
    doc = nlp("Rosmagistral zahlt. Der Konzern Rosmagistral baut.")
    second = [t.i for t in doc if t.text == "Rosmagistral"][1]
    chunks = fill(doc, [(second, second + 1, "ORG")], [("Rosmagistral", "ORG")])
    assert chunks == [(0, 1, "ORG"), (second, second + 1, "ORG")]


TEXTS = {
    "a": "Der russische Pipelinekonzern Rosmagistral baut die Turan-Pipeline in Usbekistan aus, sagte "
    "Energieminister Alexander Kowaljow am Mittwoch in Taschkent. Rosmagistral-Chef Igor Saizew nannte "
    "keine Zahlen.",
    "b": "Rosmagistral übernimmt davon 49 Prozent, sagte Energieminister Alexander Kowaljow am Mittwoch in "
    "Taschkent. Der Ausbau der Turan-Pipeline in Usbekistan beginnt im Mai, sagte Igor Saizew.",
}


def test_second_pass_fills_and_is_idempotent(tmp_path) -> None:
    conn = open_db(tmp_path / "k.db")
    docs = [Document(id=k, text=t, source="Blatt " + k, published="2026-03-18") for k, t in TEXTS.items()]
    writes.put_documents(conn, docs)
    workflow.analyze(conn, workflow.pending_documents(conn), workers=1)
    first = workflow.resolve(conn)
    b = [m.text for m in reads.analysis(conn, "b").mentions]
    assert "Rosmagistral" in b
    assert first["known_names"] >= 1
    assert workflow.pending_documents(conn) == []  # the fingerprint with the names is the expected one
    again = workflow.resolve(conn)
    assert again["known_names"] == 0
