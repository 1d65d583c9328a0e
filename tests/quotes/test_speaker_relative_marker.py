"""The ``[relative_marker]`` section of ``speakers.toml``: a reported message after "…, nach denen …" has
the relative pronoun for its speaker, not the phrase it hangs on."""

from __future__ import annotations

from newsgraph import settings
from newsgraph.analyze import analyze
from newsgraph.lang import load_toml
from newsgraph.model import Document

ENTRY = load_toml("de", "quotes/speakers.toml")["relative_marker"]


def test_switch_is_on():
    assert settings.QUOTES_RELATIVE_MARKER


def test_relative_marker_example(tagged_nlp):
    text = ENTRY["example"]
    quotes = [q for q in analyze(Document(id="t", text=text), tagged_nlp).quotes if q.kind == "reported"]
    assert quotes, text
    q = quotes[0]
    assert q.speaker_text == ENTRY["speaker"], q.speaker_text
    c = text.index(ENTRY["not_speaker"])
    assert not (q.speaker_start < c + len(ENTRY["not_speaker"]) and c < q.speaker_end)


def test_relative_marker_speaker_resolves_to_its_antecedent(analyze_text):
    """The pronoun after the preposition is no entity: its speaker_ref is the name before the comma."""
    text = ENTRY["example"]
    q = next(q for q in analyze_text(text).quotes if q.kind == "reported")
    assert q.speaker_ref is not None and ENTRY["entity"] in text[q.speaker_ref[0] : q.speaker_ref[1]]
