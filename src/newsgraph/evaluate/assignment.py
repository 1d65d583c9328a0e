"""Maximum-weight one-to-one matching between two small sets (the Hungarian method).

The scorers pair predicted spans with gold spans. A greedy pairing can leave a better pairing
unused when one prediction overlaps two gold spans equally well (the same span annotated twice,
with two speakers); this finds the pairing with the largest total weight instead.
"""

from __future__ import annotations

import math


def max_weight_matching(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of largest total weight; a weight <= 0 is no edge, and no pair uses one.

    ``weights`` is a rectangular rows × columns table. O(n² m) for n = min(rows, columns).
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    table = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    n, m = len(table), len(table[0])
    # Kuhn–Munkres on costs (minimised): cost = -weight, a missing edge costs 0 (stays unpaired).
    cost = [[-w if w > 0 else 0.0 for w in row] for row in table]
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # column j (1-based) -> row (1-based) that holds it, 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = math.inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = []
    for j in range(1, m + 1):
        i = owner[j]
        if i and table[i - 1][j - 1] > 0:
            pairs.append((j - 1, i - 1) if transposed else (i - 1, j - 1))
    return sorted(pairs)
