"""The fast NER model's private vocab computes only the lexeme attributes the model reads."""

from __future__ import annotations

import spacy
from spacy.attrs import IDS, IS_SPACE

from newsgraph.nlp import ner


def test_only_read_lexeme_attrs() -> None:
    tagger = ner.load_model("fast")
    assert isinstance(tagger, ner.FastTagger)
    attrs = tagger.nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    assert set(tagger.nlp.vocab.lex_attr_getters) == {IDS[a] for a in attrs} | {IS_SPACE}
    assert IDS["LIKE_NUM"] in spacy.blank("de").vocab.lex_attr_getters  # other vocabs keep theirs
    words = ["Angela", "Merkel", "besuchte", "Paris", "."]
    assert tagger.predict_words([words]) == tagger.predict_words([list(words)])


def test_config_without_embed_attrs_is_left_alone() -> None:
    nlp = spacy.blank("de")
    before = dict(nlp.vocab.lex_attr_getters)
    ner._only_read_lexeme_attrs(nlp)
    assert nlp.vocab.lex_attr_getters == before
