"""Frame details added in the third session: the prefield subject before an auxiliary, the clause
around a marker (parentheses, a relative clause after the source), short capitalised quotes inside a quote."""

from __future__ import annotations

from newsgraph.model import Document


def _rules(nlp, text: str) -> list[tuple[str, str]]:
    """(kind, message) of what the rules find in ``text`` (no learned stages)."""
    from newsgraph.extract.quotes import lexicon, tokens
    from newsgraph.extract.quotes.extractor import Extractor
    from newsgraph.nlp import extensions

    extensions.register()
    doc = nlp.make_doc(text)
    doc._.document = Document(id="t", text=text)
    for name, proc in nlp.pipeline:
        if name != "ng_quotes":
            doc = proc(doc)
    found = Extractor(tokens.view(doc), lexicon.load("de"), models=()).run()
    return [(f.kind, text[f.start : f.end]) for f in found]


def test_prefield_subject_before_the_auxiliary_speaks(tagged_nlp):
    from newsgraph.nlp import extensions

    extensions.register()
    text = "Staatspräsident Mattarella hatte Conte gebeten, vorübergehend im Amt zu bleiben."
    doc = tagged_nlp.make_doc(text)
    doc._.document = Document(id="t", text=text)
    for _name, proc in tagged_nlp.pipeline:
        doc = proc(doc)
    assert [(q.text, q.speaker_text) for q in doc._.quotes] == [
        ("vorübergehend im Amt zu bleiben", "Staatspräsident Mattarella")
    ]


def test_marker_clause_runs_over_a_parenthesis(tagged_nlp):
    text = (
        "Der Minister Bernd Althusmann (CDU) soll laut VroniPlag bei seiner Dissertation abgeschrieben haben."
    )
    got = _rules(tagged_nlp, text)
    assert ("reported", text[: text.index(" haben") + 6]) in got, got


def test_relative_clause_after_the_source_is_not_the_message(tagged_nlp):
    text = "Nach offiziellen Angaben, die nicht überprüft werden können, waren die meisten Opfer Zivilisten."
    assert _rules(tagged_nlp, text) == [("reported", "waren die meisten Opfer Zivilisten")]


def test_short_capitalised_quote_inside_a_quote(tagged_nlp):
    text = "Der Minister sagte, der Plan sei ein „Vertrauensbruch“."
    got = _rules(tagged_nlp, text)
    assert ("direct", "„Vertrauensbruch“") in got, got


def test_short_capitalised_quote_alone_is_a_title(tagged_nlp):
    assert _rules(tagged_nlp, "Der Film „Titanic“ lief gestern im Fernsehen.") == []
