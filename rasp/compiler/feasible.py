"""The points a staircase's coordinates take together, when they are read from means under one selector.

Means under one selector average the same keys: at width w each is the sum of its values at w keys,
over w. When every mean averages a function of one s-op (`x == "("`, `x == ")"`, ... of the tokens),
a key holding value v adds the vector g(v) of those functions at once, so coordinates linear in the
means (the balances `opens - closes` of three bracket pairs) take `offset + (sum of w vectors g) / w`
only: at length 20, 35,650 points where the product of the balances' value sets has 17M. The sums
are found on an integer grid, one dilation per width.

When the selector is a prefix (`select(indices, indices, <=)` or `<`), the width also fixes the
query's position, and with `<=` the query's own value is one of the w: so coordinates may also read
functions of the indices (`indices + 1`, as the RASP paper's Dyck programs count brackets) and of
the query's own value of that s-op (`tokens in closers`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.infer_values import FAILED, node_table
from rasp.sops import Comparison, Indices, Select

MAX_CELLS = 200_000
"""Largest integer grid of sums enumerated (three balances at length 20: 41³ = 68,921 cells)."""
MAX_POINTS = 100_000
"""Most points (width by width) enumerated."""


@dataclass
class _Reader:
    """A leaf that is not a mean: a function of the query's position or of its own source value."""

    of_position: bool
    values: dict  # position or source value -> the leaf's value


def feasible_indices(graph: nx.DiGraph, coordinates: list, strides: np.ndarray) -> np.ndarray | None:
    """The lexicographic indices (group index x stride, summed) of the group tuples `coordinates`
    (runs.Coordinate) can take together, sorted; None when they do not read numerical means of
    functions of one s-op under one selector (and, under a prefix selector, functions of the
    query's position or own value), the sums are not whole numbers, or the grid or the points
    exceed MAX_CELLS or MAX_POINTS (times the compilation's budget)."""
    leaves = {leaf for c in coordinates for leaf in (*c.slopes, *c.terms)}
    leaves |= {c.node for c in coordinates if not c.slopes and not c.terms}
    means = sorted(leaf for leaf in leaves if graph.nodes[leaf].get(N.BY_WIDTH))
    if not means or len({graph.nodes[m][N.ARGS][0] for m in means}) != 1:
        return None
    if any(m in c.terms for c in coordinates for m in means):
        return None
    source, contributions = _contributions(graph, means)
    defaults = [graph.nodes[m][N.BY_WIDTH][0] for m in means]
    if contributions is None or not all(type(v) in (bool, int, float) for v in defaults):
        return None
    prefix = _prefix(graph, graph.nodes[means[0]][N.ARGS][0])
    readers = {leaf: _reader(graph, leaf, source) for leaf in leaves - set(means)}
    if any(r is None for r in readers.values()) or (readers and prefix is None):
        return None
    slopes = np.array([[c.slopes.get(m, 0.0) for m in means] for c in coordinates])
    vectors = contributions @ slopes.T  # [source value, coordinate]
    if not np.array_equal(vectors, np.round(vectors)):
        return None
    max_len = max(graph.nodes[means[0]][N.BY_WIDTH])
    budget = graph.graph.get("budget", 1)
    reach = _reach(np.unique(vectors.astype(np.int64), axis=0), max_len, budget)
    if reach is None:
        return None
    own = any(not r.of_position for r in readers.values())
    points = _points(reach, vectors.astype(np.int64), prefix, own, max_len, budget)
    if points is None:
        return None
    sums, widths, picks = points
    values = graph.nodes[source][N.VALUES]
    position = widths - (1 if prefix is Comparison.LEQ else 0)  # the query's index at each point
    empty = slopes @ np.array(defaults, dtype=float)  # each coordinate at width 0: the defaults
    indices = np.zeros(len(sums), dtype=np.int64)
    for k, c in enumerate(coordinates):
        if not c.slopes and not c.terms:  # a one-hot leaf by the rank of its value
            groups = _ranks(readers[c.node], c, position, picks, values)
        elif not any(leaf in c.slopes or leaf in c.terms for leaf in readers):
            groups = _mean_groups(c, sums[:, k], widths, float(empty[k]))
        else:
            point = c.offset + np.where(widths > 0, sums[:, k] / np.maximum(widths, 1), empty[k])
            for leaf, reader in readers.items():
                if leaf in c.slopes or leaf in c.terms:
                    read = _read(reader, position, picks, values)
                    if leaf in c.terms:
                        read = [c.terms[leaf].get(v, FAILED) for v in read]
                    if any(v is FAILED for v in read):
                        return None
                    point = point + c.slopes.get(leaf, 1.0) * np.array(read, dtype=float)
            groups = _group_of(c.grouping, point)
        if groups is None or groups.min(initial=0) < 0:
            return None
        indices += groups * int(strides[k])
    indices = np.sort(indices)
    return indices[np.concatenate([[True], indices[1:] != indices[:-1]])]


def _contributions(graph: nx.DiGraph, means: list[str]) -> tuple[str | None, np.ndarray | None]:
    """(the common source, [source value, mean]: what a key holding each value adds to each mean)."""
    chains = [_chain(graph, graph.nodes[leaf][N.ARGS][1]) for leaf in means]
    sources = {base for base, _ in chains}
    if len(sources) != 1:
        return None, None
    source = sources.pop()
    values = graph.nodes[source].get(N.VALUES)
    if values is None:
        return None, None
    rows = []
    for v in values:
        row = [_through(graph, steps, v) for _, steps in chains]
        if not all(type(x) in (bool, int, float) for x in row):
            return None, None
        rows.append([float(x) for x in row])
    return source, np.array(rows).reshape(len(values), len(means))


def _chain(graph: nx.DiGraph, node: str) -> tuple[str, list[str]]:
    """(the node a chain of one-argument maps ending at `node` starts from, the maps in order)."""
    steps = []
    while graph.nodes[node][N.ROLE] == N.MLP and len(graph.nodes[node][N.ARGS]) == 1:
        steps.append(node)
        node = graph.nodes[node][N.ARGS][0]
    return node, steps[::-1]


def _through(graph: nx.DiGraph, steps: list[str], value: object) -> object:
    """`value` sent through the maps `steps` (FAILED where one fails or is unknown)."""
    for step in steps:
        table = node_table(graph, step)
        if table is None or value is FAILED:
            return FAILED
        known = graph.graph.setdefault("step_results", {})
        if step not in known:
            known[step] = dict(zip((row[0] for row in table.rows), table.results, strict=True))
        value = known[step].get(value, FAILED)
    return value


def _prefix(graph: nx.DiGraph, selector: str) -> Comparison | None:
    """LEQ or LT for `select(indices, indices, <=)` or `<` (a query at position q selects q + 1
    or q keys), else None."""
    expr = graph.nodes[selector][N.EXPR]
    if not isinstance(expr, Select) or expr.comparison not in (Comparison.LEQ, Comparison.LT):
        return None
    keys, queries = graph.nodes[selector][N.ARGS]
    if keys != queries or not isinstance(graph.nodes[keys][N.EXPR], Indices):
        return None
    return expr.comparison


def _reader(graph: nx.DiGraph, leaf: str, source: str) -> _Reader | None:
    """The leaf as a function of the indices or of `source` (through one-argument maps), or None."""
    base, steps = _chain(graph, leaf)
    of_position = isinstance(graph.nodes[base][N.EXPR], Indices)
    if not of_position and base != source:
        return None
    values = {v: _through(graph, steps, v) for v in graph.nodes[base][N.VALUES] or ()}
    if any(v is FAILED for v in values.values()):
        return None
    return _Reader(of_position, values)


def _reach(vectors: np.ndarray, max_len: int, budget: int) -> list[np.ndarray] | None:
    """Every sum of w vectors, for w = 0..max_len (None: the grid or the sums are too many)."""
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
    found, total = [np.zeros((1, len(shape)), dtype=np.int64)], 0
    for _ in range(max_len):
        grown = np.zeros(size, dtype=bool)
        for shift in shifts:
            if shift >= 0:
                grown[shift:] |= reach[: size - shift]
            else:
                grown[:shift] |= reach[-shift:]
        reach = grown
        cells = np.flatnonzero(reach)
        total += len(cells)
        if total > MAX_POINTS * budget:
            return None
        found.append(np.stack(np.unravel_index(cells, shape), axis=1) + low)
    return found


def _points(reach, vectors, prefix, own: bool, max_len: int, budget: int):
    """(sums, widths, source value index or -1) of every point: under a prefix selector the
    widths a query meets, and with `<=` and a reader of the query's own value, each sum of w - 1
    keys plus that value's vector; else every width, 0 included. None: too many points."""
    if prefix is Comparison.LEQ:
        widths = range(1, max_len + 1)
    elif prefix is Comparison.LT:
        widths = range(max_len)
    else:
        widths = range(max_len + 1)
    sums, width_of, picks = [], [], []
    for w in widths:
        if own:
            for t, vector in enumerate(vectors):
                part = reach[w - 1] + vector if prefix is Comparison.LEQ else reach[w]
                sums.append(part)
                width_of.append(np.full(len(part), w))
                picks.append(np.full(len(part), t))
        else:
            sums.append(reach[w])
            width_of.append(np.full(len(reach[w]), w))
            picks.append(np.full(len(reach[w]), -1))
    if sum(map(len, sums)) > MAX_POINTS * budget:
        return None
    return np.concatenate(sums), np.concatenate(width_of), np.concatenate(picks)


def _mean_groups(coordinate, sums: np.ndarray, widths: np.ndarray, empty: float) -> np.ndarray:
    """The group of `offset + sum / width` (`offset + empty` at width 0) at each point, looked up
    in a table over every (sum, width) pair: far fewer than the points."""
    low = int(sums.min(initial=0))
    s, w = np.meshgrid(
        np.arange(low, int(sums.max(initial=0)) + 1), np.arange(widths.max() + 1), indexing="ij"
    )
    values = coordinate.offset + np.where(w > 0, s / np.maximum(w, 1), empty)
    return _group_of(coordinate.grouping, values)[sums - low, widths]


def _read(reader: _Reader, position: np.ndarray, picks: np.ndarray, values: tuple) -> list:
    """The reader's value at each point."""
    if reader.of_position:
        return [reader.values.get(q, FAILED) for q in position.tolist()]
    return [reader.values[values[t]] for t in picks.tolist()]


def _ranks(reader: _Reader, coordinate, position, picks, values) -> np.ndarray | None:
    """The group (rank among the leaf's values) of a one-hot leaf at each point."""
    rank = {v: k for k, group in enumerate(coordinate.groups) for v in group}
    read = _read(reader, position, picks, values)
    if any(v is FAILED or v not in rank for v in read):
        return None
    return np.array([rank[v] for v in read], dtype=np.int64)


def _group_of(grouping, values: np.ndarray) -> np.ndarray:
    """The index of the group holding each value (-1: in no group)."""
    positions = grouping.positions
    right = np.clip(np.searchsorted(positions, values), 0, len(positions) - 1)
    left = np.clip(right - 1, 0, len(positions) - 1)
    nearest = np.where(np.abs(positions[left] - values) <= np.abs(positions[right] - values), left, right)
    tolerance = grouping.width + 1e-9 * np.maximum(1.0, np.abs(values))
    return np.where(np.abs(positions[nearest] - values) <= tolerance, nearest, -1)
