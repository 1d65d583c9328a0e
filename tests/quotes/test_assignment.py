"""Maximum-weight matching, checked against every pairing of small random tables."""

from __future__ import annotations

import itertools
import random

import pytest

from newsgraph.evaluate.assignment import max_weight_matching


def _best(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    for k in range(min(rows, cols) + 1):
        for rs in itertools.combinations(range(rows), k):
            for cs in itertools.permutations(range(cols), k):
                if all(weights[r][c] > 0 for r, c in zip(rs, cs, strict=True)):
                    best = max(best, sum(weights[r][c] for r, c in zip(rs, cs, strict=True)))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_matches_brute_force(seed: int) -> None:
    rnd = random.Random(seed)
    rows, cols = rnd.randint(1, 4), rnd.randint(1, 4)
    weights = [[rnd.choice([0.0, 0.0, rnd.random() * 10]) for _ in range(cols)] for _ in range(rows)]
    pairs = max_weight_matching(weights)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(weights[r][c] > 0 for r, c in pairs)
    assert sum(weights[r][c] for r, c in pairs) == pytest.approx(_best(weights))


def test_empty() -> None:
    assert max_weight_matching([]) == []
    assert max_weight_matching([[]]) == []
