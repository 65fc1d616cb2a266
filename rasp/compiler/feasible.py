"""The points a staircase's coordinates take together, when they are linear in means under one selector.

Means under one selector average the same keys: at width w each is the sum of its values at w keys,
over w. When every mean averages a function of one s-op (`x == "("`, `x == ")"`, ... of the tokens),
a key holding value v adds the vector g(v) of those functions at once, so coordinates linear in the
means (the balances `opens - closes` of three bracket pairs) take `offset + (sum of w vectors g) / w`
only: at length 20, 35,650 points where the product of the balances' value sets has 257³ = 17M.
The sums are found on an integer grid, one dilation per width.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.infer_values import FAILED, node_table

MAX_CELLS = 200_000
"""Largest integer grid of sums enumerated (three balances at length 20: 41³ = 68,921 cells)."""
MAX_POINTS = 100_000
"""Most points (width by width) enumerated."""


def feasible_indices(graph: nx.DiGraph, coordinates: list, strides: np.ndarray) -> np.ndarray | None:
    """The lexicographic indices (group index x stride, summed) of the group tuples `coordinates`
    (runs.Coordinate) can take together, sorted; None when they are not all linear in numerical
    means of functions of one s-op under one selector, the sums are not whole numbers, or the grid
    or the points exceed MAX_CELLS or MAX_POINTS (times the compilation's budget)."""
    leaves = sorted({leaf for c in coordinates for leaf in c.slopes})
    if not leaves or any(c.terms or not c.slopes for c in coordinates):
        return None
    datas = [graph.nodes[leaf] for leaf in leaves]
    if len({d[N.ARGS][0] for d in datas}) != 1 or not all(d.get(N.BY_WIDTH) for d in datas):
        return None
    contributions = _contributions(graph, leaves)
    defaults = [d[N.BY_WIDTH][0] for d in datas]
    if contributions is None or not all(type(v) in (bool, int, float) for v in defaults):
        return None
    slopes = np.array([[c.slopes.get(leaf, 0.0) for leaf in leaves] for c in coordinates])
    vectors = contributions @ slopes.T  # [source values, coordinates]
    if not np.array_equal(vectors, np.round(vectors)):
        return None
    max_len = max(datas[0][N.BY_WIDTH])
    found = _sums(np.unique(vectors.astype(np.int64), axis=0), max_len, graph.graph.get("budget", 1))
    if found is None:
        return None
    sums, widths, low = found
    empty = slopes @ np.array(defaults, dtype=float)  # width 0: every mean its default
    indices = np.zeros(len(sums), dtype=np.int64)
    extra = 0
    for k, c in enumerate(coordinates):
        # the group of offset + s / w for every sum s and width w, looked up by (s, w); -1: none
        s, w = np.meshgrid(np.arange(low[k], sums[:, k].max() + 1), np.arange(1, max_len + 1), indexing="ij")
        groups = _group_of(c.grouping, c.offset + s / w)[sums[:, k] - low[k], widths - 1]
        at_zero = int(_group_of(c.grouping, np.array([c.offset + empty[k]]))[0])
        if at_zero < 0 or groups.min(initial=0) < 0:
            return None
        indices += groups * int(strides[k])
        extra += at_zero * int(strides[k])
    indices = np.sort(np.append(indices, extra))
    return indices[np.concatenate([[True], indices[1:] != indices[:-1]])]


def _contributions(graph: nx.DiGraph, leaves: list[str]) -> np.ndarray | None:
    """[source value, leaf]: what a key holding each value of the common source adds to each mean."""
    sources, functions = set(), []
    for leaf in leaves:
        node = graph.nodes[leaf][N.ARGS][1]
        data = graph.nodes[node]
        if data[N.ROLE] == N.MLP and len(data[N.ARGS]) == 1:
            table = node_table(graph, node)
            if table is None:
                return None
            sources.add(data[N.ARGS][0])
            functions.append(dict(zip((row[0] for row in table.rows), table.results, strict=True)))
        else:
            sources.add(node)
            functions.append(None)
    if len(sources) != 1:
        return None
    values = graph.nodes[sources.pop()].get(N.VALUES)
    if values is None:
        return None
    rows = []
    for v in values:
        row = [v if f is None else f.get(v, FAILED) for f in functions]
        if not all(type(x) in (bool, int, float) for x in row):
            return None
        rows.append([float(x) for x in row])
    return np.array(rows).reshape(len(values), len(leaves))


def _sums(
    vectors: np.ndarray, max_len: int, budget: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(every sum of `width` vectors for widths 1..max_len, each one's width, the grid's lowest
    corner), or None when the grid or the sums exceed `budget` times MAX_CELLS or MAX_POINTS."""
    low = np.minimum(0, vectors.min(axis=0) * max_len)
    high = np.maximum(0, vectors.max(axis=0) * max_len)
    shape = tuple((high - low + 1).tolist())
    size = math.prod(shape)
    if size > MAX_CELLS * budget:
        return None
    # on the flattened grid a vector is one shift: every sum met stays inside the grid, so no
    # shift wraps from one row into the next
    shifts = sorted(set((vectors @ np.cumprod([1, *shape[:0:-1]])[::-1]).tolist()))
    reach = np.zeros(size, dtype=bool)
    reach[np.ravel_multi_index(tuple((-low).tolist()), shape)] = True
    cells, widths, total = [], [], 0
    for width in range(1, max_len + 1):
        grown = np.zeros(size, dtype=bool)
        for shift in shifts:
            if shift >= 0:
                grown[shift:] |= reach[: size - shift]
            else:
                grown[:shift] |= reach[-shift:]
        reach = grown
        cells.append(np.flatnonzero(reach))
        total += len(cells[-1])
        if total > MAX_POINTS * budget:
            return None
        widths.append(np.full(len(cells[-1]), width))
    sums = np.stack(np.unravel_index(np.concatenate(cells), shape), axis=1) + low
    return sums, np.concatenate(widths), low


def _group_of(grouping, values: np.ndarray) -> np.ndarray:
    """The index of the group holding each value (-1: in no group)."""
    positions = grouping.positions
    right = np.clip(np.searchsorted(positions, values), 0, len(positions) - 1)
    left = np.clip(right - 1, 0, len(positions) - 1)
    nearest = np.where(np.abs(positions[left] - values) <= np.abs(positions[right] - values), left, right)
    tolerance = grouping.width + 1e-9 * np.maximum(1.0, np.abs(values))
    return np.where(np.abs(positions[nearest] - values) <= tolerance, nearest, -1)
