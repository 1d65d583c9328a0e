"""The CoNLL-U reader and the scorers on a small hand-made file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate import conllu, sentences

SAMPLE = """# newdoc id = d1
# sent_id = s1
# text = Er kam zum Kreml.
1\tEr\ter\tPRON\tPPER\t_\t2\tnsubj\t_\t_
2\tkam\tkommen\tVERB\tVVFIN\t_\t0\troot\t_\t_
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_
3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\tART\t_\t5\tdet\t_\t_
5\tKreml\tKreml\tPROPN\tNE\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

# sent_id = s2
# text = Dann ging er.
1\tDann\tdann\tADV\tADV\t_\t2\tadvmod\t_\t_
2\tging\tgehen\tVERB\tVVFIN\t_\t0\troot\t_\t_
3\ter\ter\tPRON\tPPER\t_\t2\tnsubj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_reader_keeps_contractions_as_one_token(sample: Path) -> None:
    sents = list(conllu.read(sample))
    assert [s.sent_id for s in sents] == ["s1", "s2"]
    assert sents[0].newdoc
    words = sents[0].words
    assert [w.form for w in words] == ["Er", "kam", "zum", "Kreml", "."]
    assert (words[2].upos, words[2].xpos, words[2].lemma) == ("ADP", "APPRART", "zu")
    assert not words[3].space_after
    assert len(list(conllu.read(sample, limit=1))) == 1


def test_reader_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text("1\tEr\ter\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.conllu:1"):
        list(conllu.read(path))


def test_sentence_scorer(sample: Path) -> None:
    docs = sentences.documents(sample)
    assert docs == [("Er kam zum Kreml. Dann ging er.", {18})]
    result = sentences.run(sample)
    assert result["ng_sentences"]["f1"] == 1.0


def test_tagger_scorer(sample: Path) -> None:
    from newsgraph.evaluate import tagger

    result = tagger.run(sample)
    assert result["tokens"] == 9
    assert result["upos_acc"] >= 0.85
    assert result["lemma_acc"] >= 0.85
