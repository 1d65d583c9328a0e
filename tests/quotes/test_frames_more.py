"""Frame details added in the third session: the prefield subject before an auxiliary, the clause
around a marker (parentheses, a relative clause after the source), short capitalised quotes inside a quote."""

from __future__ import annotations


def _rules(extractor_of, text: str) -> list[tuple[str, str]]:
    """(kind, message) of what the rules find in ``text`` (no learned stages)."""
    return [(f.kind, text[f.start : f.end]) for f in extractor_of(text).found]


def test_prefield_subject_before_the_auxiliary_speaks(tagged_quotes):
    text = "Staatspräsident Mattarella hatte Conte gebeten, vorübergehend im Amt zu bleiben."
    assert [(q.text, q.speaker_text) for q in tagged_quotes(text)] == [
        ("vorübergehend im Amt zu bleiben", "Staatspräsident Mattarella")
    ]


def test_marker_clause_runs_over_a_parenthesis(extractor_of):
    text = (
        "Der Minister Bernd Althusmann (CDU) soll laut VroniPlag bei seiner Dissertation abgeschrieben haben."
    )
    got = _rules(extractor_of, text)
    assert ("reported", text[: text.index(" haben") + 6]) in got, got


def test_relative_clause_after_the_source_is_not_the_message(extractor_of):
    text = "Nach offiziellen Angaben, die nicht überprüft werden können, waren die meisten Opfer Zivilisten."
    assert _rules(extractor_of, text) == [("reported", "waren die meisten Opfer Zivilisten")]


def test_short_capitalised_quote_inside_a_quote(extractor_of):
    text = "Der Minister sagte, der Plan sei ein „Vertrauensbruch“."
    got = _rules(extractor_of, text)
    assert ("direct", "„Vertrauensbruch“") in got, got


def test_short_capitalised_quote_alone_is_a_title(extractor_of):
    assert _rules(extractor_of, "Der Film „Titanic“ lief gestern im Fernsehen.") == []
