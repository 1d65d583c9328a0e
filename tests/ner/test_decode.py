"""The numpy greedy NER decoder (nlp/ner_decode.py) makes exactly spaCy's moves."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.evaluate import ner as ev
from newsgraph.nlp import ner, ner_decode

FAST = ner.MODELS_DIR / "ner-fast" / "config.cfg"
pytestmark = pytest.mark.skipif(not FAST.exists(), reason="fast NER model not installed")


@pytest.fixture(scope="module")
def tagger() -> ner.FastTagger:
    t = ner.load_model("fast")
    assert isinstance(t, ner.FastTagger)
    return t


def _spacy_chunks(tagger: ner.FastTagger, sentences: list[list[str]]) -> list[list[ner.Chunk]]:
    docs = (Doc(tagger.nlp.vocab, words=w) for w in sentences)
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in tagger.nlp.pipe(docs, batch_size=64)]


def _decoded(tagger: ner.FastTagger, sentences: list[list[str]]) -> list[list[ner.Chunk]]:
    assert tagger.decoder is not None
    tok2vec = tagger.nlp.get_pipe("tok2vec")
    out: list[list[ner.Chunk]] = []
    for k in range(0, len(sentences), 64):
        docs = [Doc(tagger.nlp.vocab, words=w) for w in sentences[k : k + 64]]
        out.extend(tagger.decoder(docs, tok2vec.predict(docs)))
    return out


def test_fast_model_uses_the_decoder(tagger: ner.FastTagger) -> None:
    assert ner_decode.GreedyNER.supports(tagger.nlp)
    assert isinstance(tagger.decoder, ner_decode.GreedyNER)


def test_same_entities_as_spacy_on_dev(tagger: ner.FastTagger, shared_data: Path) -> None:
    sentences = [s.words for s in ev.read(shared_data / "germeval2014" / "dev.tsv", 300)]
    expected = _spacy_chunks(tagger, sentences)
    assert sum(map(len, expected)) > 200
    assert _decoded(tagger, sentences) == expected


def test_same_entities_as_spacy_on_odd_input(tagger: ner.FastTagger) -> None:
    """Empty sentences, one-word ones, whitespace tokens (no entity may start on one), long ones."""
    rng = random.Random(7)
    vocab = ["Angela", "Merkel", "besuchte", "Paris", "und", "die", "Deutsche", "Bank", "in", "New", "York"]
    vocab += ["Kasachstan", "russische", "Moskau-Besuch", ".", ",", " ", "\n", "SPD-Chef", "am", "Montag"]
    sentences = [[], ["Berlin"], [" "], ["Angela", " ", "Merkel"]]
    sentences += [[rng.choice(vocab) for _ in range(rng.randint(1, 90))] for _ in range(60)]
    sentences += [[]]
    assert _decoded(tagger, sentences) == _spacy_chunks(tagger, sentences)


def test_predict_words_on_empty_input(tagger: ner.FastTagger) -> None:
    assert tagger.predict_words([]) == []
    assert tagger.predict_words([[], []]) == [[], []]


def test_keep_freed_memory_is_harmless() -> None:
    """A malloc setting: True on glibc, False where there is no ``mallopt``; calling it twice is fine."""
    first = ner.keep_freed_memory()
    assert isinstance(first, bool)
    assert ner.keep_freed_memory() == first
