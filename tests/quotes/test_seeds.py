"""The seed articles: every quote found, with the right kind, cue and speaker."""

from __future__ import annotations

import pytest

# (seed file prefix, start of the quote text, kind, cue contains, speaker text, speaker_ref text)
CASES = [
    ("000", "„Der wichtigste Punkt", "direct", "kündigte", "er", "Tokajew"),
    ("000", "dass er während seines offiziellen Besuchs", "indirect", "kündigte", "Tokajew", "Tokajew"),
    ("000", "dass das Dokument", "indirect", "fügte", "Er", "Tokajew"),
    ("000", "„eine neue Ära einläuten“", "direct", "fügte", "Er", "Tokajew"),
    ("000", "„Wenn der kasachische Präsident", "direct", "sagte", "Dmitri Peskow", "Dmitri Peskow"),
    ("000", "„Seit seiner Unabhängigkeit", "direct", "erklärte", "Eduard Poletáyev", "Eduard Poletáyev"),
    ("000", "dass diese Politik ihre Wirksamkeit", "indirect", "fügte", "Er", "Poletáyev"),
    ("000", "dass während der Gespräche", "indirect", "bestätigte", "Tokajew", "Tokajew"),
    ("003", "„Russland ist einer der führenden", "direct", "sagte", "er", "Putin"),
    ("003", "„Ich möchte noch einmal", "direct", "bemerkte", "der Präsident", "Putin"),
    ("003", "„Das kann uns nur freuen", "direct", "fügte", "Putin", "Putin"),
    ("003", "„Ohne dies", "direct", "unterstrich", "er", "Toqajew"),
    ("003", "„dem jungen Generationenverständnis", "direct", "erklärte", "Toqajew", "Toqajew"),
    ("003", "kommunizierten die Präsidenten", "reported", "bemerkte", "Dmitri Peskow", "Dmitri Peskow"),
    (
        "003",
        "Im Rahmen des Besuchs",
        "reported",
        "teilte",
        "Pressedienst des Kreml",
        "Pressedienst des Kreml",
    ),
    ("003", "Russland und Kasachstan sind enge", "indirect", "teilte", "Wladimir Putin", "Wladimir Putin"),
    ("003", "Dies teilte der russische Präsident", "reported", "berichtet", "TASS", "TASS"),
    ("004", "dass Kasachstan versuche", "indirect", "sagte", "Mukhtar Tleuberdi", "Tleuberdi"),
    ("004", "dass es in Kasachstan keine Unternehmen", "indirect", "betonte", "Er", "Tleuberdi"),
    ("004", "„Wir betrachten unsere Beziehungen", "direct", "so", "Tleuberdi", "Tleuberdi"),
    ("004", "Sein Land werde weiterhin", "free_indirect", None, None, "Tleuberdi"),
    ("004", "Kasachstan beabsichtige", "indirect", "sagte", "er", "Tokajew"),
    ("004", "„Es ist eine schwierige Beziehung", "direct", "schreibt", "Watson", "Watson"),
    ("004", "Das Abdriften Zentralasiens", "reported", "schreibt", "Portal Republic", "Republic"),
    ("004", "„Es gibt Probleme innerhalb der Union", "direct", "sagte", "ein hoher Diplomat", None),
    ("004", "„Der Kurs zur Integration", "direct", "urteilt", "Wassilij Gontscharow", "Wassilij Gontscharow"),
]


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir, analyze_text):
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, analyze_text(text, path.stem).quotes)
    return out


@pytest.mark.parametrize("seed,start,kind,cue,speaker,ref", CASES, ids=[f"{c[0]}:{c[1][:24]}" for c in CASES])
def test_seed_quote(seed_quotes, seed, start, kind, cue, speaker, ref):
    text, quotes = seed_quotes[seed]
    hits = [q for q in quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r}: {[q.text[:30] for q in quotes]}"
    q = hits[0]
    assert q.kind == kind
    assert text[q.start : q.end] == q.text
    if cue is not None:
        assert q.cue and cue in q.cue, q.cue
        assert text[q.cue_start : q.cue_end].startswith(q.cue.split(" … ")[0])
    if speaker is not None:
        assert q.speaker_text and speaker in q.speaker_text, q.speaker_text
        assert text[q.speaker_start : q.speaker_end] == q.speaker_text
    if ref is not None:
        assert q.speaker_ref is not None, q
        assert ref in text[q.speaker_ref[0] : q.speaker_ref[1]], text[q.speaker_ref[0] : q.speaker_ref[1]]


def test_seed_titles_are_not_quotes(seed_quotes):
    _text, quotes = seed_quotes["000"]
    assert not any(q.text == "„Rossískaya Gazeta“" for q in quotes)


def test_ids_are_stable(seeds_dir, analyze_text):
    path = sorted(seeds_dir.glob("000_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    a = [q.id for q in analyze_text(text, "x").quotes]
    b = [q.id for q in analyze_text(text, "x").quotes]
    assert a == b and len(set(a)) == len(a)
