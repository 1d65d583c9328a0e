"""Every entry of the quote vocabulary carries an example, and the examples are run."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import cues, direct, lexicon, tokens
from newsgraph.lang import load_toml

LEX = lexicon.load("de")
VERBS = load_toml("de", "quotes/verbs.toml")["verb"]
MARKERS = load_toml("de", "quotes/markers.toml")
GRAMMAR = load_toml("de", "quotes/grammar.toml")
KONJ = load_toml("de", "quotes/konjunktiv.toml")
SPEAKERS = load_toml("de", "quotes/speakers.toml")
MARKS = load_toml("de", "quotes/marks.toml")["pair"]


def _view(nlp, text):
    return tokens.view(nlp.make_doc(text))


@pytest.mark.parametrize("entry", VERBS, ids=lambda e: e["name"])
def test_verb_example_has_cue(entry, quotes_nlp):
    v = _view(quotes_nlp, entry["example"])
    found = []
    for a, b in v.sents:
        masked = set()
        for m in direct.scan(v.text, LEX):
            masked.update(range(v.tok_at(m.start), v.tok_at(m.end - 1) + 1))
        found += cues.find_verbs(v.toks, a, b, masked, LEX)
    assert any(c.sense.name == entry["name"] for c in found), (entry["name"], entry["example"])


@pytest.mark.parametrize("entry", VERBS, ids=lambda e: e["name"])
def test_verb_entry_is_well_formed(entry):
    assert entry["forms"].split(), entry["name"]
    assert set(entry["frames"]) <= {"that", "v2", "colon", "postposed", "wie", "object", "als"}


MARKER_CASES = (
    [("preposition", e) for e in MARKERS["preposition"]]
    + [("noun", e) for e in MARKERS["noun"]]
    + [("so", e) for e in MARKERS["so"]]
    + [("wie", e) for e in MARKERS["wie"]]
    + [("impersonal", e) for e in MARKERS["impersonal"]]
    + [("clause_noun", e) for e in MARKERS["clause_noun"]]
)


@pytest.mark.parametrize(
    "kind,entry", MARKER_CASES, ids=lambda x: x if isinstance(x, str) else x.get("name", "")
)
def test_marker_example_gives_a_quote(kind, entry, analyze_text):
    quotes = analyze_text(entry["example"]).quotes
    assert quotes, entry["example"]
    assert any(q.kind != "direct" or kind == "so" for q in quotes)


@pytest.mark.parametrize("section", [k for k, v in GRAMMAR.items() if "examples" in v])
def test_grammar_examples_use_the_class(section, quotes_nlp):
    words = {
        w for key, val in GRAMMAR[section].items() if key != "examples" and isinstance(val, list) for w in val
    }
    for ex in GRAMMAR[section]["examples"]:
        toks = [t.text for t in quotes_nlp.make_doc(ex)]
        hit = any(t in words or t.lower() in words for t in toks) or any(
            t.endswith(tuple(words)) for t in toks
        )
        assert hit, (section, ex)


@pytest.mark.parametrize("section", list(KONJ))
def test_konjunktiv_examples(section, quotes_nlp):
    from newsgraph.extract.quotes.extractor import Extractor

    forms = set(KONJ[section].get("forms", ()))
    for ex in KONJ[section]["examples"]:
        v = _view(quotes_nlp, ex)
        found = Extractor(v, LEX)
        assert any(found.is_konj(i, reportative=True) for i in range(len(v.toks))), ex
        if forms:
            assert any(t.text in forms for t in v.toks), ex


@pytest.mark.parametrize(
    "kind,entry",
    [("role", e) for e in SPEAKERS["role"]] + [("source", e) for e in SPEAKERS["source"]],
    ids=lambda x: x if isinstance(x, str) else x["word"],
)
def test_speaker_noun_examples(kind, entry):
    kinds = {LEX.noun_kind(w) for w in entry["example"].replace(",", " ").split() if w[:1].isupper()}
    assert kind in kinds, entry


@pytest.mark.parametrize("pair", MARKS, ids=lambda p: p["name"])
def test_quote_marks(pair):
    found = direct.scan(pair["example"], LEX)
    assert found, pair["example"]
    assert pair["example"][found[0].start : found[0].end] == pair["expect"]


def test_title_nouns_example(analyze_text):
    titles = load_toml("de", "quotes/marks.toml")["titles"]
    assert titles["nouns"]
    assert not [q for q in analyze_text(titles["example"]).quotes if q.kind == "direct"]
