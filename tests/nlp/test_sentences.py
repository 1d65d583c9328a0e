"""Sentence boundaries: the rule examples of sentences.toml, the abbreviation examples, the seeds, UD GSD."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.lang import load_toml
from newsgraph.nlp.sentences import spans

RULES = load_toml("de", "tokenizer/sentences.toml")["rule"]
CASES = [(r["name"], ex["text"], ex["sentences"]) for r in RULES for ex in r["examples"]]
ABBREVIATIONS = load_toml("de", "tokenizer/abbreviations.toml")["abbreviation"]
ABBR_CASES = [
    (a["name"], text, n)
    for a in ABBREVIATIONS
    for text, n in zip(a["examples"], a.get("sentences", [1] * len(a["examples"])), strict=True)
]


def sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_rule_examples(nlp_sents: Language, rule: str, text: str, expected: list[str]) -> None:
    assert sentences(nlp_sents, text) == expected


@pytest.mark.parametrize(("name", "text", "n"), ABBR_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in ABBR_CASES])
def test_abbreviation_examples(nlp_sents: Language, name: str, text: str, n: int) -> None:
    assert len(sentences(nlp_sents, text)) == n, sentences(nlp_sents, text)


# Tricky German cases beyond the rule examples: (text, expected sentences).
TRICKY = [
    # a quote at the start of the text
    ("„Wir kommen“, sagte er. Dann ging er.", ["„Wir kommen“, sagte er.", "Dann ging er."]),
    # the period of an ordinal before a month is not an end; the year at the end is
    (
        "Am 12. November 2025 kam er. Am 13. reiste er ab.",
        ["Am 12. November 2025 kam er.", "Am 13. reiste er ab."],
    ),
    # a date with its year stays one token inside the sentence
    (
        "Am Dienstag (11.11.2025) kündigte er an. Er kam.",
        ["Am Dienstag (11.11.2025) kündigte er an.", "Er kam."],
    ),
    # an initial, a title and an abbreviation in one sentence
    (
        "Laut Dr. A. Müller vom Inst. für Politik ist das so.",
        ["Laut Dr. A. Müller vom Inst. für Politik ist das so."],
    ),
    # a question inside a quote continues with the cue
    ("„Was nun?“, fragte Peskow. Niemand antwortete.", ["„Was nun?“, fragte Peskow.", "Niemand antwortete."]),
    # a bracketed sentence
    (
        "Er kam an. (Die Reise dauerte lange.) Dann sprach er.",
        ["Er kam an.", "(Die Reise dauerte lange.)", "Dann sprach er."],
    ),
    # numbers with periods and decimals inside
    (
        "Es waren 1.5 Mio. bzw. 27,8 Mrd. Dollar. Das ist viel.",
        ["Es waren 1.5 Mio. bzw. 27,8 Mrd. Dollar.", "Das ist viel."],
    ),
    # a trailer line without a period
    ("Die Lage ist ernst.\nQuelle: Agenturen", ["Die Lage ist ernst.", "Quelle: Agenturen"]),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY, ids=[c[0][:30] for c in TRICKY])
def test_tricky_cases(nlp_sents: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp_sents, text) == expected


def test_sentence_end_number_is_split(nlp_sents: Language) -> None:
    doc = nlp_sents("Der Vertrag läuft bis 2050. Danach nicht.")
    assert [t.text for t in doc][:6] == ["Der", "Vertrag", "läuft", "bis", "2050", "."]
    ordinal = nlp_sents("Heute, am 12. November, finden Gespräche statt.")
    assert "12." in [t.text for t in ordinal]


def test_whitespace_belongs_to_the_sentence_before(nlp_sents: Language) -> None:
    doc = nlp_sents("Erster Satz.\n\nZweiter Satz.\n")
    sents = list(doc.sents)
    assert len(sents) == 2
    assert sents[0].text == "Erster Satz.\n\n"
    assert sents[1][0].text == "Zweiter"
    assert spans(doc) == [(0, 12), (14, 27)]


# Hand-checked boundaries in the seeds: (file prefix, sentence expected to appear whole).
SEED_SENTENCES = [
    (
        "000",
        "„Der wichtigste Punkt meines Besuchs in Moskau wird die Unterzeichnung einer Erklärung über "
        "den Übergang der Beziehungen zwischen Kasachstan und Russland zu einer umfassenden strategischen "
        "Allianz und Partnerschaft sein“, kündigte er in einem Artikel in der Zeitung "
        "„Rossískaya Gazeta“ an.",
    ),
    (
        "000",
        "Der Präsident von Kasachstan, Kasim-Yomart Tokajew, kündigte am Dienstag (11.11.2025) an, dass er "
        "während seines offiziellen Besuchs im Nachbarland mit seinem russischen Amtskollegen Wladimir Putin "
        "eine Erklärung über eine Allianz und strategische Partnerschaft unterzeichnen werde.",
    ),
    ("000", "Quelle: Agenturen"),
    (
        "003",
        "„Russland ist einer der führenden Handels- und Wirtschaftspartner Kasachstans und belegt den ersten "
        "Platz bei Investitionen.",
    ),
    ("003", "Eine große Anzahl russischer Unternehmen arbeitet erfolgreich in Kasachstan“, sagte er."),
    ("003", "„Das kann uns nur freuen."),
    ("003", "Toqajew traf am 11. November zu einem Staatsbesuch in Moskau ein."),
    (
        "003",
        "Heute, am 12. November, finden Gespräche mit beiden Führern in enger und erweiterter Runde statt.",
    ),
    (
        "004",
        "Dennoch sei die Situation für Kasachstan schwierig, da die Wirtschaft der Republik mit der "
        "russischen verflochten sei.",
    ),
    (
        "004",
        "„Wir betrachten unsere Beziehungen zu Russland als eine Allianz, die innerhalb dieser "
        "multilateralen Strukturen funktioniert“, so Tleuberdi.",
    ),
    ("004", "1959 schoss die Sowjetunion von hier aus den ersten Satelliten, Sputnik-1, in den Orbit."),
    ("004", "Russland und Kasachstan – die Stimmung wird kühler“, schreibt Watson."),
    ("004", "[hrsg/russland.NEWS]"),
]
SEED_COUNTS = {"000": 17, "003": 21, "004": 56}


def _seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "sentence"), SEED_SENTENCES, ids=[f"{p}:{s[:30]}" for p, s in SEED_SENTENCES]
)
def test_seed_boundaries(nlp_sents: Language, seeds_dir: Path, prefix: str, sentence: str) -> None:
    assert sentence in sentences(nlp_sents, _seed(seeds_dir, prefix))


@pytest.mark.parametrize(("prefix", "count"), sorted(SEED_COUNTS.items()))
def test_seed_sentence_counts(nlp_sents: Language, seeds_dir: Path, prefix: str, count: int) -> None:
    assert len(sentences(nlp_sents, _seed(seeds_dir, prefix))) == count


def test_gsd_boundary_f1_floor(shared_data: Path) -> None:
    """Quality gate: boundary F1 on UD German GSD dev+test, running text without newlines."""
    from newsgraph.evaluate import sentences as score

    result = score.run(shared_data / "ud_german_gsd")
    assert result["ng_sentences"]["f1"] >= 0.95
    assert result["ng_sentences"]["p"] >= 0.99
    assert result["ng_sentences"]["f1"] > result["spacy_sentencizer"]["f1"]
