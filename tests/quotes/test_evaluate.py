"""The quotes2024 scorer: matching rule and a small run on the public dev data."""

from __future__ import annotations

from types import SimpleNamespace

from newsgraph.evaluate import quotes as ev


def _q(start, end, sp=None):
    return SimpleNamespace(
        start=start, end=end, speaker_start=sp and sp[0], speaker_end=sp and sp[1], kind="direct"
    )


def test_match_needs_half_of_both():
    gold = [{"spans": [(0, 100)], "speaker": [(200, 210)], "type": "Direct"}]
    assert ev.match([_q(0, 60)], gold) == [(0, 0)]
    assert ev.match([_q(0, 40)], gold) == []  # covers too little of the gold
    assert ev.match([_q(0, 300)], gold) == []  # gold covers too little of it
    assert ev.speaker_ok(_q(0, 60, (205, 220)), gold[0])
    assert not ev.speaker_ok(_q(0, 60, (300, 310)), gold[0])


def test_discontinuous_gold():
    gold = [{"spans": [(0, 40), (60, 100)], "speaker": [], "type": "Indirect"}]
    assert ev.match([_q(0, 100)], gold) == [(0, 0)]
    assert ev.speaker_ok(_q(0, 100), gold[0])


def test_run_on_dev_sample(shared_data):
    res = ev.run(shared_data / "quotes2024" / "dev", limit=15)
    assert res["documents"] == 15
    assert res["quote"]["f1"] > 0.4
    assert 0 <= res["quote+speaker"]["f1"] <= res["quote"]["f1"]


def test_twice_annotated_span_pairs_with_the_agreeing_speaker():
    # the corpus marks some spans twice: once with the person, once with the outlet relaying them
    gold = [
        {"spans": [(0, 100)], "speaker": [(300, 310)], "type": "Direct"},  # the outlet
        {"spans": [(0, 100)], "speaker": [(200, 210)], "type": "Direct"},  # the person
    ]
    pred = [_q(0, 100, (200, 210))]
    assert ev.match(pred, gold) == [(0, 1)]


def test_matching_finds_the_most_pairs():
    # greedy by overlap pairs the first prediction with the first gold (overlap 1.0) and leaves the
    # second prediction, which can only match the first gold, unpaired
    gold = [
        {"spans": [(0, 100)], "speaker": [], "type": "Indirect"},
        {"spans": [(0, 60)], "speaker": [], "type": "Indirect"},
    ]
    pred = [_q(0, 100), _q(0, 180)]
    assert ev.match(pred, gold) == [(0, 1), (1, 0)]


def test_match_takes_bare_spans():
    # the training scripts match spans that carry no speaker
    gold = [{"spans": [(0, 100)], "speaker": [(200, 210)], "type": "Direct"}]
    assert ev.match([SimpleNamespace(start=0, end=90)], gold) == [(0, 0)]
