"""Provides the weights of MLPs: each elementwise s-op computed straight from its leaf inputs.

One-hot leaves only: one hidden unit per combination of leaf values (an `and` of one-hot dims),
whose output row is the result's encoding, so negative results are exact (tracr's ReLU clipping
bug cannot happen). With a numerical leaf: the leaves are folded into one number `z` (mixed radix,
one-hot leaves by rank) that separates every combination; the result is a staircase over `z` with
a step of two ReLUs between neighbouring combinations whose results differ, each as steep as that
gap requires and no steeper (reference §7.3).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.errors import CompileError
from rasp.compiler.infer_values import FAILED, MAX_TABLE, combinations, evaluate_rows, node_table, value_order
from rasp.compiler.runs import (
    Runs,
    fused_ancestors,
    linear_slope,
    radix_weights,
    runs_for,
    separate,
    separate_table,
)
from rasp.dialect import Dialect
from rasp.sops import Constant, Encoding

MERGE = 1e-12
"""Staircase points closer than this (relative to |z|) are one point (float rounding of one value)."""
PRECISION = 1e11
"""Largest ratio of |z| to the smallest gap between staircase points float64 resolves safely."""


@dataclass
class MLPPlan:
    """Hidden units of one s-op: inputs [D, H], biases [H], outputs [H, D], output bias [D]."""

    w_1: np.ndarray
    b_1: np.ndarray
    w_2: np.ndarray
    b_2: np.ndarray


def fused_function(graph: nx.DiGraph, gid: str, leaves: list[str], dialect: Dialect):
    """The node's value as a Python function of its leaves' values."""

    def value(node: str, env: dict) -> object:
        if node not in env:
            data = graph.nodes[node]
            args = [value(a, env) for a in data[N.ARGS]]
            if dialect.none_propagates and None in args:
                env[node] = None
            else:
                env[node] = data[N.FN](*args)
        return env[node]

    return lambda *xs: value(gid, dict(zip(leaves, xs, strict=True)))


def fused_columns(
    graph: nx.DiGraph, gid: str, varying: list[str], rows: list[tuple], fixed: dict, dialect: Dialect
) -> dict[str, list]:
    """The value of every node fused into `gid` (and of `gid`) on each row of leaf values, each
    node evaluated by `evaluate_rows`."""
    columns: dict[str, list] = {leaf: [row[k] for row in rows] for k, leaf in enumerate(varying)}
    columns |= {leaf: [value] * len(rows) for leaf, value in fixed.items()}
    order = [n for n in nx.topological_sort(graph.subgraph([*fused_ancestors(graph, gid), gid]))]
    for node in order:
        data = graph.nodes[node]
        rows_of_args = list(zip(*(columns[a] for a in data[N.ARGS]), strict=True))
        columns[node] = evaluate_rows(data[N.FN], rows_of_args, dialect)
    return columns


def table(graph: nx.DiGraph, gid: str, dialect: Dialect) -> tuple[list[str], list[tuple], list]:
    """(varying leaves, their value combinations, the node's value for each) of an MLP node."""
    leaves = graph.nodes[gid][N.LEAVES]
    fixed = {a: graph.nodes[a][N.EXPR].value for a in leaves if isinstance(graph.nodes[a][N.EXPR], Constant)}
    varying = [a for a in leaves if a not in fixed]
    observed = graph.graph.get("columns")
    own = _own_table(graph, gid)
    if own is not None:  # its own table, from value inference
        combos = own.rows
        columns = {gid: own.results}
    else:
        if observed is not None:
            combos = sorted(
                set(zip(*(observed[a] for a in varying), strict=True)),
                key=lambda c: tuple(value_order(v) for v in c),
            )
        else:
            combos = combinations(graph, varying)
            if combos is None:
                raise CompileError(
                    [
                        (
                            graph.nodes[gid][N.NAME],
                            "its inputs' value combinations are unknown or more "
                            f"than {MAX_TABLE:,}: {[graph.nodes[a][N.NAME] for a in varying]}",
                        )
                    ]
                )
        columns = fused_columns(graph, gid, varying, combos, fixed, dialect)
    graph.nodes[gid]["_fused"] = columns
    kept = [k for k, r in enumerate(columns[gid]) if r is not FAILED]
    rows = [combos[k] for k in kept]
    graph.nodes[gid]["_kept"] = kept
    return varying, rows, [columns[gid][k] for k in kept]


def _own_table(graph: nx.DiGraph, gid: str):
    """The node's table from value inference, when its leaves are its arguments (abstract values)."""
    data = graph.nodes[gid]
    if "columns" in graph.graph or data[N.LEAVES] != data[N.ARGS] or fused_ancestors(graph, gid):
        return None
    if any(isinstance(graph.nodes[a][N.EXPR], Constant) for a in data[N.ARGS]):
        return None
    return node_table(graph, gid)


def plan_mlp(graph: nx.DiGraph, gid: str, layout, dialect: Dialect) -> MLPPlan:
    """The hidden units computing MLP node `gid` from its leaves."""
    try:
        return _plan(graph, gid, layout, dialect)
    finally:
        graph.nodes[gid].pop("_fused", None)
        graph.nodes[gid].pop("_kept", None)


def _plan(graph: nx.DiGraph, gid: str, layout, dialect: Dialect) -> MLPPlan:
    d = len(layout.labels)
    runs = runs_for(graph, gid)
    if runs is not None:
        return _along_runs(graph, gid, runs, layout, d)
    own = _own_table(graph, gid)
    if own is not None and own.columns is not None and graph.nodes[gid][N.ENCODING] is Encoding.NUMERICAL:
        parts = separate_table(graph, own)
        if parts is not None:
            return _additive(graph, gid, graph.nodes[gid][N.ARGS], parts, layout, d)
    varying, rows, results = table(graph, gid, dialect)
    numeric = [a for a in varying if graph.nodes[a][N.ENCODING] is Encoding.NUMERICAL]
    if graph.nodes[gid][N.ENCODING] is Encoding.NUMERICAL and len(varying) > 1:
        parts = separate(rows, results)
        if parts is not None:
            return _additive(graph, gid, varying, parts, layout, d)
    outputs = _encode_all(layout, gid, results, d)
    if not numeric:
        return _lookup(varying, rows, outputs, layout, d)
    pivot = _pivot(graph, gid, varying, rows, results, outputs, layout, d)
    if pivot is not None:
        return pivot
    staircase = _staircase(graph, gid, varying, rows, outputs, layout, d)
    if len(varying) == 2 and len(numeric) == 1:
        tents = _tents(graph, varying, numeric[0], rows, results, outputs, layout, d, staircase.w_1.shape[1])
        if tents is not None:
            return tents
    return staircase


def _pivot(graph, gid, varying, rows, results, outputs, layout, d: int) -> MLPPlan | None:
    """A staircase along fused numerical s-ops that are sums of per-leaf terms, linear in the
    numerical leaves (such as `opens - closes`), when the result depends on them alone: `balance <
    0` then needs one step instead of one per combination of its inputs, and a function of two
    such balances a staircase over their mixed radix."""
    pivots: list[tuple[np.ndarray, np.ndarray]] = []
    for candidate in fused_ancestors(graph, gid):
        if graph.nodes[candidate][N.ENCODING] is not Encoding.NUMERICAL:
            continue
        form = _linear_form(graph, gid, candidate, varying, rows, layout, d)
        if form is None or any(np.allclose(form[1], z) for _, z in pivots):
            continue
        pivots.append(form)
        if _determines(np.stack([z for _, z in pivots], axis=1), results):
            break
    else:
        return None
    fastest, weights = radix_weights([_spread(values) for _, values in pivots])
    direction = sum(weights[k] * pivots[k][0] for k in fastest)
    z = sum(weights[k] * pivots[k][1] for k in fastest)
    return _steps(graph, gid, direction, z, outputs, d)


def _along_runs(graph, gid, runs: Runs, layout, d: int) -> MLPPlan:
    """A staircase along the runs' coordinates, one step where neighbouring runs meet."""
    direction, z = np.zeros(d), np.zeros(len(runs.points))
    for k, (c, weight) in enumerate(zip(runs.coordinates, runs.weights, strict=True)):
        z += weight * (c.positions[runs.points[:, k]] - c.offset)
        if c.slopes or c.terms:
            for leaf, a in c.slopes.items():
                direction[layout.dims[leaf][0]] += weight * a
            for leaf, term in c.terms.items():
                for value, dim in layout.index[leaf].items():
                    direction[dim] += weight * term.get(value, 0.0)
        else:  # a one-hot leaf, by rank
            for rank, dim in enumerate(layout.index[c.node].values()):
                direction[dim] += weight * rank
    dims, outputs = _encode_own(layout, gid, runs.results)
    return _steps(graph, gid, direction, z, outputs, d, dims)


def _determines(keys: np.ndarray, results: list) -> bool:
    """True when rows with equal keys (to 1e-9) always have equal results."""
    codes: dict[object, int] = {}
    coded = np.array([codes.setdefault(r, len(codes)) for r in results])
    _, group = np.unique(np.round(keys, 9), axis=0, return_inverse=True)
    group = group.reshape(-1)
    low = np.full(group.max() + 1, len(codes))
    high = np.full(group.max() + 1, -1)
    np.minimum.at(low, group, coded)
    np.maximum.at(high, group, coded)
    return bool(np.array_equal(low, high))


def _spread(values: np.ndarray) -> tuple[float, float]:
    points = np.unique(np.round(values, 9))
    gaps = np.diff(points)
    return (float(points[-1] - points[0]) if len(points) else 0.0, float(gaps.min()) if len(gaps) else 1.0)


def _linear_form(graph, gid, candidate, varying, rows, layout, d: int):
    """(direction, values): `candidate` as direction · residual on each row, if it is a sum of
    per-leaf terms linear in the numerical leaves; else None."""
    column = graph.nodes[gid]["_fused"][candidate]
    try:
        values = [float(column[k]) for k in graph.nodes[gid]["_kept"]]
    except (TypeError, ValueError):  # a non-number, or a combination the program never meets
        return None
    parts = separate(rows, values)
    if parts is None:
        return None
    direction = np.zeros(d)
    for leaf, term in zip(varying, parts[1], strict=True):
        if graph.nodes[leaf][N.ENCODING] is Encoding.NUMERICAL:
            slope = linear_slope(term)
            if slope is None:
                return None
            direction[layout.dims[leaf][0]] = slope
        else:
            for value, dim in layout.index[leaf].items():
                direction[dim] = term.get(value, 0.0)
    z = np.array(values)
    offset = float(z[0]) - float(direction @ _residual_of(graph, varying, rows[0], layout, d))
    return direction, z - offset


def _residual_of(graph, varying, row, layout, d: int) -> np.ndarray:
    """The residual stream's leaf dimensions holding one combination of leaf values."""
    vector = np.zeros(d)
    for leaf, value in zip(varying, row, strict=True):
        vector += layout.encode(leaf, value)
    return vector


def _tents(graph, varying, number, rows, results, outputs, layout, d: int, limit: int) -> MLPPlan | None:
    """f(x, c) of a numerical x and a one-hot c as 'tents' over x: one per (result, k-th x giving
    it), centred at that x, the centre picked by c through the one-hot weights (far away where c
    never gives that result). Hidden units: three per tent; cheaper than a staircase over every
    (x, c) when f has few results, as `length - indices` has. None when the tents would need
    `limit` hidden units or more."""
    x_at = varying.index(number)
    c_at = 1 - x_at
    category = varying[c_at]
    xs = sorted({float(r[x_at]) for r in rows})
    if len(xs) < 2:
        return None
    gap = min(b - a for a, b in itertools.pairwise(xs))
    if gap <= MERGE * max(1.0, abs(xs[0]), abs(xs[-1])):
        return None
    slope, far = 4.0 / gap, xs[-1] + 2 * (xs[-1] - xs[0]) + 1.0
    preimages: dict[object, dict[object, list[float]]] = {}
    encodings: dict[object, np.ndarray] = {}
    for row, result, out in zip(rows, results, outputs, strict=True):
        preimages.setdefault(result, {}).setdefault(row[c_at], []).append(float(row[x_at]))
        encodings[result] = out
    tents = [(result, k) for result, by_c in preimages.items() for k in range(max(map(len, by_c.values())))]
    h = 3 * len(tents)
    if h >= limit:
        return None
    w_1, b_1, w_2 = np.zeros((d, h)), np.tile([1.0, 0.0, -1.0], len(tents)), np.zeros((h, d))
    x_dim = layout.dims[number][0]
    for t, (result, k) in enumerate(tents):
        units = slice(3 * t, 3 * t + 3)
        w_1[x_dim, units] = slope
        for value, dim in layout.index[category].items():
            points = sorted(preimages[result].get(value, []))
            centre = points[k] if k < len(points) else far
            w_1[dim, units] = -slope * centre
        w_2[units] = np.outer([1.0, -2.0, 1.0], encodings[result])
    return MLPPlan(w_1, b_1, w_2, np.zeros(d))


def _additive(graph, gid, varying, parts, layout, d: int) -> MLPPlan:
    """A sum of per-leaf terms: linear terms of numerical leaves as ReLU(x) - ReLU(-x), others as
    one-leaf lookups or staircases."""
    constant, terms = parts
    plans = []
    for leaf, term in zip(varying, terms, strict=True):
        points = sorted(term)
        if graph.nodes[leaf][N.ENCODING] is Encoding.NUMERICAL:
            slope = linear_slope(term)
            if slope is not None:
                w_1, w_2 = np.zeros((d, 2)), np.zeros((2, d))
                w_1[layout.dims[leaf][0]] = [1.0, -1.0]
                w_2[:, layout.dims[gid][0]] = [slope, -slope]
                offset = term[points[0]] - slope * float(points[0])
                plans.append(MLPPlan(w_1, np.zeros(2), w_2, offset * _unit(layout, gid, d)))
                continue
            outputs = [term[v] * _unit(layout, gid, d) for v in points]
            plans.append(_staircase(graph, gid, [leaf], [(v,) for v in points], outputs, layout, d))
        else:
            plans.append(
                _lookup(
                    [leaf],
                    [(v,) for v in points],
                    [term[v] * _unit(layout, gid, d) for v in points],
                    layout,
                    d,
                )
            )
    plan = MLPPlan(
        np.concatenate([p.w_1 for p in plans], axis=1),
        np.concatenate([p.b_1 for p in plans]),
        np.concatenate([p.w_2 for p in plans]),
        sum(p.b_2 for p in plans),
    )
    plan.b_2 = plan.b_2 + constant * _unit(layout, gid, d)
    return plan


def _encode_all(layout, gid: str, results: list, d: int) -> np.ndarray:
    """The residual vectors [len(results), d] of s-op `gid` holding each result."""
    dims, rows = _encode_own(layout, gid, results)
    out = np.zeros((len(results), d))
    out[:, dims] = rows
    return out


def _encode_own(layout, gid: str, results: list) -> tuple[np.ndarray, np.ndarray]:
    """(dims, rows): the dimensions of s-op `gid` and each result's values on them, the rest of
    the residual being zero (a staircase with many results needs no full residual vectors)."""
    dims = np.array(layout.dims[gid][:1] if gid not in layout.index else layout.dims[gid], dtype=np.int64)
    if gid not in layout.index:
        return dims, np.array(results, dtype=float)[:, None]
    column = {value: k for k, value in enumerate(layout.index[gid])}
    rows = np.zeros((len(results), len(dims)))
    rows[np.arange(len(results)), [column[r] for r in results]] = 1.0
    return dims, rows


def _unit(layout, gid: str, d: int) -> np.ndarray:
    vector = np.zeros(d)
    vector[layout.dims[gid][0]] = 1.0
    return vector


def _lookup(varying, rows, outputs, layout, d: int) -> MLPPlan:
    h = len(rows)
    w_1, w_2 = np.zeros((d, h)), np.zeros((h, d))
    b_1 = np.full(h, -(len(varying) - 1.0))
    for unit, (combo, out) in enumerate(zip(rows, outputs, strict=True)):
        for leaf, value in zip(varying, combo, strict=True):
            w_1[layout.index[leaf][value], unit] = 1.0
        w_2[unit] = out
    if not varying:
        return MLPPlan(w_1[:, :0], b_1[:0], w_2[:0], outputs[0] if len(outputs) else np.zeros(d))
    return MLPPlan(w_1, b_1, w_2, np.zeros(d))


def _staircase(graph, gid, varying, rows, outputs, layout, d: int) -> MLPPlan:
    direction = np.zeros(d)
    coordinates = np.zeros((len(rows), len(varying)))
    spreads = []
    for k, leaf in enumerate(varying):
        if graph.nodes[leaf][N.ENCODING] is Encoding.NUMERICAL:
            coordinates[:, k] = [float(c[k]) for c in rows]
        else:
            ranks = {v: r for r, v in enumerate(layout.index[leaf])}
            coordinates[:, k] = [ranks[c[k]] for c in rows]
        points = np.unique(coordinates[:, k])
        span = float(points[-1] - points[0]) if len(points) else 0.0
        gaps = np.diff(points)
        gaps = gaps[gaps > MERGE * max(1.0, float(np.abs(points).max(initial=0.0)))]
        spreads.append((span, float(gaps.min()) if len(gaps) else 1.0))
    _, weights = radix_weights(spreads)
    for k, leaf in enumerate(varying):
        if graph.nodes[leaf][N.ENCODING] is Encoding.NUMERICAL:
            direction[layout.dims[leaf][0]] = weights[k]
        else:
            for rank, dim in enumerate(layout.index[leaf].values()):
                direction[dim] = weights[k] * rank
    return _steps(graph, gid, direction, coordinates @ weights, outputs, d)


def _steps(graph, gid, direction: np.ndarray, z: np.ndarray, outputs, d: int, dims=None) -> MLPPlan:
    """A staircase over z = direction · residual, stepping between neighbouring z whose outputs differ
    (`outputs` over `dims`, else over all d dimensions)."""
    order = np.argsort(z, kind="stable")
    zs = z[order]
    own = np.arange(d) if dims is None else dims
    full = np.asarray(outputs, dtype=float).reshape(len(order), len(own))
    nonzero = np.any(full != 0, axis=0)
    written = own[nonzero]  # the output's own dimensions
    outs = full[:, nonzero][order]
    steps = np.flatnonzero(np.any(outs[1:] != outs[:-1], axis=1)) + 1
    gaps = zs[steps] - zs[steps - 1]
    scale = float(np.abs(zs).max(initial=0.0))
    if len(steps) and (gaps.min() <= MERGE * max(1.0, scale) or scale / gaps.min() > PRECISION):
        raise CompileError(
            [
                (
                    graph.nodes[gid][N.NAME],
                    "two input combinations with different results "
                    "are too close together for float64 to tell apart",
                )
            ]
        )
    slopes = 2.0 / gaps
    middles = (zs[steps] + zs[steps - 1]) / 2
    read = np.flatnonzero(direction)
    w_1 = np.zeros((d, 2 * len(steps)))
    w_1[read] = np.repeat(direction[read, None] * slopes[None, :], 2, axis=1)
    b_1 = np.repeat(-slopes * middles, 2) + np.tile([0.5, -0.5], len(steps))
    w_2 = np.zeros((2 * len(steps), d))
    w_2[:, written] = (
        np.repeat(outs[steps] - outs[steps - 1], 2, axis=0) * np.tile([1.0, -1.0], len(steps))[:, None]
    )
    b_2 = np.zeros(d)
    if len(order):
        b_2[written] = outs[0]
    return MLPPlan(w_1, b_1, w_2, b_2)
