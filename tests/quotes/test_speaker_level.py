"""Speaker plausibility fixes (``speaker_scoring``): a genitive name in front, a preposition that ends
like an adjective."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.extract.quotes import lexicon, speaker, speaker_lexicon, tokens
from newsgraph.extract.quotes.speaker_select import SURE, Selector

LEX = lexicon.load("de")
WORDS = speaker_lexicon.load("de")


@pytest.fixture(scope="module")
def tagged_nlp():
    from newsgraph.nlp import pipeline

    return pipeline.build(("ng_sentences", "ng_hanta"))


@dataclass
class _Mention:
    start: int
    end: int
    type: str = "PER"


def _selector(nlp, text: str, names: tuple[str, ...] = ()) -> Selector:
    doc = nlp(text)
    mentions = [_Mention(text.index(n), text.index(n) + len(n)) for n in names]
    return Selector(tokens.view(doc), LEX, WORDS, mentions)


def _np(sel: Selector, phrase: str) -> speaker.NP:
    i = sel.v.tok_at(sel.v.text.index(phrase))
    np_ = speaker.parse_np(sel.v.toks, i, len(sel.v.toks), LEX, oblique=True)
    assert np_ is not None, phrase
    return np_


def test_a_genitive_name_does_not_make_a_name_phrase(tagged_nlp):
    text = "Das Komitee würdigte damit Obamas Einsatz zur Stärkung der Diplomatie."
    sel = _selector(tagged_nlp, text, ("Obamas",))
    np_ = _np(sel, "Obamas Einsatz")
    assert sel.v.text[sel.toks[np_.a].start : sel.toks[np_.b - 1].end].startswith("Obamas Einsatz")
    assert sel.level(np_) != SURE


@pytest.mark.parametrize("prep", ["über", "unter", "gegenüber"])
def test_a_preposition_ending_like_an_adjective_opens_a_pp(tagged_nlp, prep):
    text = f"Den Unmut der Partei {prep} Stoibers Äußerungen brachte die Sprecherin zum Ausdruck."
    sel = _selector(tagged_nlp, text)
    a = sel.v.tok_at(text.index("Stoibers"))
    assert sel.after_prep(a, 0), prep
