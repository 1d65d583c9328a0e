"""The GermEval reader and the strict chunk scorer (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate import ner as ev

TSV = "#\tsource\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tin\tO\tO\n4\tkasachischen\tB-LOCderiv\tO\n\n"
BIOES = "Angela B-PER\nMerkel E-PER\nin O\nBerlin S-LOC\nUS-Gipfel S-LOCPART\n\nNeu O\n"


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-PER", "E-PER", "S-LOC"], {(0, 2, "PER"), (2, 3, "LOC")}),
        (["I-ORG", "I-ORG", "B-ORG"], {(0, 2, "ORG"), (2, 3, "ORG")}),  # lenient like conlleval
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
        (["O", "O"], set()),
    ],
)
def test_chunks(tags: list[str], expected: set) -> None:
    assert ev.chunks(tags) == expected


def test_read_tsv_and_bioes(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text(TSV, encoding="utf-8")
    (tmp_path / "b.bioes").write_text(BIOES, encoding="utf-8")
    (s,) = ev.read(tmp_path / "a.tsv")
    assert s.words == ["Angela", "Merkel", "in", "kasachischen"]
    assert ev.chunks(s.tags) == {(0, 2, "PER"), (3, 4, "LOCderiv")}
    s1, s2 = ev.read(tmp_path / "b.bioes")
    assert ev.chunks(s1.tags) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOCpart")}
    assert s2.words == ["Neu"]
    assert len(list(ev.read(tmp_path / "b.bioes", limit=1))) == 1


def test_bad_label_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.bioes").write_text("Foo S-XYZ\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.bioes:1"):
        list(ev.read(tmp_path / "bad.bioes"))


def test_score_is_strict() -> None:
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}]
    pred = [{(0, 1, "PER"), (3, 4, "LOC")}]  # a boundary error counts as wrong
    res = ev.score(gold, pred)
    assert res["overall"]["p"] == 0.5 and res["overall"]["r"] == 0.5
    assert res["LOC"]["f1"] == 1.0 and res["PER"]["f1"] == 0.0
    assert len(ev.LABELS) == 12


def test_run_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match="nope.tsv"):
        ev.run(Path("nope.tsv"))
