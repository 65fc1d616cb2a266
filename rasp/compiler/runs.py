"""Fused elementwise s-ops as runs of equal results along a mixed radix of linear coordinates.

An MLP node is computed from its leaves through fused nodes. Some fused numerical nodes are sums
of per-leaf terms, linear in the numerical leaves (`balance = opens - closes`): each is a
coordinate, a number the MLP reads as one direction of the residual stream. Ordered
lexicographically (fastest coordinate first), the product of the coordinates' value sets is one
line `z`; every fused node is tracked as runs of equal results along it, built node by node, so a
chain such as `any_negative = b1 < 0 or (b0 < 0)` costs |vals(b0 < 0)| x |vals(b1)| evaluations,
not |vals(b0)| x |vals(b1)|. The MLP is then a staircase with one step per run boundary.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.feasible import feasible_indices
from rasp.compiler.infer_values import (
    FAILED,
    combination_bound,
    evaluate_columns,
    evaluate_rows,
    evaluate_split,
    node_table,
)
from rasp.sops import Constant, Encoding

PRECISION = 1e11
"""Largest ratio of |z| to the smallest gap between its points float64 resolves safely."""
TABLE_ABOVE = 2_000
"""Leaf combinations above which an MLP node is planned along runs when it can be (below, a
lookup or staircase over every combination is as small and well tried)."""
MAX_RUNS = 50_000
"""Most runs a fused node may have along the coordinates before its MLP is planned otherwise."""
MAX_STEPS = 3_000
"""Most steps (two hidden units each) a node's staircase may have."""
DEPTH_BUDGET = 20
"""How many times the step budget (and rasp.compiler.feasible's point budgets) a compilation
asked for the fewest layers allows."""
FEASIBLE_FROM = 1_500
"""Steps over the product of the coordinates' value sets above which the points they take together
are enumerated (rasp.compiler.feasible) for a smaller staircase."""
NEAR = 1e-12
"""Values of one coordinate closer than this (relative) are one point: float rounding of one
fraction (2/3 - 1/3 against 1/3), grouped only where every fused function agrees on the group."""


class _Failed(Exception):
    """The runs cannot be built within budget, or a grouped value splits a result."""


@dataclass
class Grouping:
    """A coordinate's values cut into groups of near-equal floats (one value each for ranks), the
    position of each group on the coordinate and the widest group's spread."""

    groups: list
    positions: np.ndarray
    width: float = 0.0

    @cached_property
    def members(self) -> np.ndarray:
        """Every value of every group, in order, as an object array."""
        return _objects(itertools.chain(*self.groups))

    @cached_property
    def sizes(self) -> np.ndarray:
        """How many values each group holds."""
        return np.array([len(group) for group in self.groups])

    @cached_property
    def firsts(self) -> np.ndarray:
        """Where each group starts in `members`."""
        return np.cumsum(self.sizes) - self.sizes


@dataclass
class Coordinate:
    """A linear coordinate: `node`'s value = sum over its leaves of slope * value (numerical) or
    term[value] (one-hot) + offset; a one-hot leaf on its own is a coordinate by rank."""

    node: str
    grouping: Grouping
    slopes: dict[str, float] = field(default_factory=dict)
    terms: dict[str, dict] = field(default_factory=dict)
    offset: float = 0.0

    @property
    def groups(self) -> list:
        return self.grouping.groups

    @property
    def positions(self) -> np.ndarray:
        return self.grouping.positions

    @property
    def width(self) -> float:
        return self.grouping.width


@dataclass
class Runs:
    """The node as a staircase along `z = sum(weights * positions)`: the lexicographic points
    (a group index per coordinate) where runs meet and the result on each of those points."""

    coordinates: list[Coordinate]
    weights: np.ndarray
    points: np.ndarray
    results: list

    @property
    def steps(self) -> int:
        return len(self.results) // 2


def fused_ancestors(graph: nx.DiGraph, gid: str) -> list[str]:
    """The nodes fused into `gid`'s computation (between its leaves and it), nearest first."""
    leaves, found, frontier = set(graph.nodes[gid][N.LEAVES]), [], list(graph.nodes[gid][N.ARGS])
    while frontier:
        node = frontier.pop(0)
        if node in leaves or node in found:
            continue
        found.append(node)
        frontier.extend(graph.nodes[node][N.ARGS])
    return found


def separate(rows, results) -> tuple[float, list[dict]] | None:
    """(constant, per-leaf terms) when the result is a sum of one function per leaf, else None.

    `rows`: tuples of leaf values, or a float array with a row per combination; `results` a list
    or a numpy array."""
    if not len(rows) or (isinstance(results, list) and any(isinstance(r, str) for r in results)):
        return None
    try:
        values = np.array(results, dtype=float)
    except (TypeError, ValueError):
        return None
    width = rows.shape[1] if isinstance(rows, np.ndarray) else len(rows[0])
    keys, codes = [], []
    for k in range(width):
        if isinstance(rows, np.ndarray):
            distinct = np.unique(rows[:, k])
            code = np.searchsorted(distinct, rows[:, k])
            keys.append(distinct.tolist())
        else:
            index: dict = {}
            code = np.array([index.setdefault(row[k], len(index)) for row in rows])
            keys.append(list(index))
        codes.append(code.reshape(-1))
    table = np.stack(codes, axis=1)
    if math.prod(len(k) for k in keys) > 2**62:
        return None
    radix = np.cumprod([1, *(len(k) for k in keys[:0:-1])])[::-1]
    base = int(np.argmin(table @ radix))  # the corner of smallest values: its probes exist most often
    terms, total = [], np.full(len(values), values[base])
    for k in range(width):
        line = np.all(np.delete(table, k, axis=1) == np.delete(table[base], k), axis=1)  # base but leaf k
        term = np.full(len(keys[k]), np.nan)
        term[codes[k][line]] = values[line] - values[base]
        if np.isnan(term).any():  # some value of leaf k never meets the base values of the others
            return None
        terms.append(dict(zip(keys[k], term.tolist(), strict=True)))
        total += term[codes[k]]
    if not np.allclose(total, values, rtol=1e-12, atol=1e-12):
        return None
    return float(values[base]), terms


def separate_table(graph: nx.DiGraph, table) -> tuple[float, list[dict]] | None:
    """`separate` of a value-inference table, computed once per table, and once for tables of equal
    numeric rows and results (the balances of every bracket pair)."""
    if "separate" not in table.derived:
        rows = table.rows if table.columns is None else table.columns
        if table.array is None:
            table.derived["separate"] = separate(rows, table.results)
        else:
            known = graph.graph.setdefault("separations", {})
            key = (id(table.columns), table.array.dtype.str, table.array.tobytes())
            if key not in known:
                known[key] = separate(rows, table.array)
            table.derived["separate"] = known[key]
    return table.derived["separate"]


def linear_slope(term: dict) -> float | None:
    """a when term(v) = a·v + b for every v, else None."""
    points = sorted(term)
    if len(points) < 2:
        return 0.0
    a = (term[points[-1]] - term[points[0]]) / (float(points[-1]) - float(points[0]))
    b = term[points[0]] - a * float(points[0])
    xs, ys = np.array(points, dtype=float), np.array([term[v] for v in points])
    # math.isclose(y, a x + b, rel_tol=1e-12, abs_tol=1e-12) for every point
    fit = a * xs + b
    if np.all(np.abs(ys - fit) <= np.maximum(1e-12 * np.maximum(np.abs(ys), np.abs(fit)), 1e-12)):
        return a
    return None


def runs_for(graph: nx.DiGraph, gid: str) -> Runs | None:
    """The runs of MLP node `gid` when its leaves take more than TABLE_ABOVE combinations (abstract
    value sets) and the runs fit the budget, else None."""
    if "columns" in graph.graph:  # exhaustive inference: the observed tables are small and exact
        return None
    varying = [a for a in graph.nodes[gid][N.LEAVES] if not isinstance(graph.nodes[a][N.EXPR], Constant)]
    if combination_bound(graph, varying) <= TABLE_ABOVE:
        return None
    return plan_runs(graph, gid)


def plan_runs(graph: nx.DiGraph, gid: str) -> Runs | None:
    """The runs of MLP node `gid` along its coordinates (None: no coordinates fit, or over budget).

    Cached on the graph by node and leaves (graph_to_layers asks for it before the MLP is built)."""
    key = (gid, tuple(graph.nodes[gid][N.LEAVES]))
    cache = graph.graph.setdefault("runs", {})
    if key not in cache:
        try:
            cache[key] = _plan(graph, gid)
        except _Failed:
            cache[key] = None
    return cache[key]


def _plan(graph: nx.DiGraph, gid: str) -> Runs:
    dialect = graph.graph["dialect"]
    leaves = set(graph.nodes[gid][N.LEAVES])
    fused = fused_ancestors(graph, gid)
    coordinates: dict[str, Coordinate] = {}
    constants: dict[str, object] = {}

    if _linear_coordinate(graph, gid, leaves) is not None:
        raise _Failed  # a sum of per-leaf terms is smaller

    def visit(node: str) -> None:
        if node in coordinates or node in constants:
            return
        data = graph.nodes[node]
        if node in leaves:
            if isinstance(data[N.EXPR], Constant):
                constants[node] = data[N.EXPR].value
            else:
                known = graph.graph.setdefault("leaf_coordinates", {})
                if node not in known:
                    known[node] = _leaf_coordinate(graph, node)
                coordinates[node] = known[node]
            return
        linear = _linear_coordinate(graph, node, leaves) if node != gid else None
        if linear is not None:
            coordinates[node] = linear
            return
        for arg in data[N.ARGS]:
            visit(arg)

    visit(gid)
    if all(
        c.node in leaves and graph.nodes[c.node][N.ENCODING] is not Encoding.NUMERICAL
        for c in coordinates.values()
    ):
        raise _Failed  # one-hot leaves only: a lookup table of them is as small
    listed = list(coordinates.values())
    fastest, weights = radix_weights([(_span(c), _gap(c)) for c in listed])
    order = [listed[k] for k in fastest]
    weights = weights[fastest]
    deviation = float(sum(w * c.width for w, c in zip(weights, order, strict=True)))
    if deviation > min(_gap(c) for c in order) / 8:
        raise _Failed
    sizes = [len(c.groups) for c in order]
    scale = sum(w * float(np.abs(c.positions - c.offset).max()) for w, c in zip(weights, order, strict=True))
    if math.prod(sizes) > 2**62 or scale > PRECISION * min(_gap(c) for c in order):
        raise _Failed
    strides = np.cumprod([1, *sizes[:-1]])
    columns: dict[str, _Column] = {}
    for k, c in enumerate(order):
        runs = np.arange(sizes[k])
        if any(len(group) > 1 for group in c.groups):
            columns[c.node] = _Column(k + 1, runs * strides[k], runs, c.groups, True, c)
        else:  # one value per group: nothing to check
            columns[c.node] = _Column(k + 1, runs * strides[k], runs, [g[0] for g in c.groups], False)
    for node, value in constants.items():
        columns[node] = _Column(0, np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64), [value], False)
    inside = [n for n in nx.topological_sort(graph.subgraph([*fused, gid])) if n not in columns]
    known = graph.graph.setdefault("run_columns", {})  # nodes shared by several MLP outputs
    given = dict(columns)
    try:
        for node in inside:
            data = graph.nodes[node]
            args = [columns[a] for a in data[N.ARGS]]
            key = (node, tuple(c.node for c in order[: max((a.space for a in args), default=0)]))
            if key not in known:
                known[key] = _apply(data[N.FN], args, sizes, dialect)
            columns[node] = known[key]
        runs = _staircase(columns[gid], order, weights, sizes, strides, _max_steps(graph))
    except _Failed:
        runs = None
    if runs is not None and runs.steps <= FEASIBLE_FROM:
        return runs
    # many runs over the product of the value sets: fewer over the points met together, if known
    key = tuple(c.node for c in order)
    feasible = graph.graph.setdefault("feasible", {})
    if key not in feasible:
        feasible[key] = feasible_indices(graph, order, strides)
    try:
        if feasible[key] is not None:
            return _along_points(graph, gid, given, inside, feasible[key], order, weights, sizes, strides)
    except _Failed:
        pass
    if runs is None:
        raise _Failed
    return runs


def _leaf_coordinate(graph: nx.DiGraph, node: str) -> Coordinate:
    """A numerical leaf by its value, a one-hot leaf by the rank of its value."""
    data = graph.nodes[node]
    values = data[N.VALUES]
    if values is None:
        raise _Failed
    if data[N.ENCODING] is Encoding.NUMERICAL:
        return Coordinate(node, _grouping(graph, values), {node: 1.0})
    return Coordinate(node, Grouping([[v] for v in values], np.arange(len(values), dtype=float)))


def _linear_coordinate(graph: nx.DiGraph, node: str, leaves: set) -> Coordinate | None:
    """A fused node of leaves only that is a sum of per-leaf terms, linear in numerical leaves."""
    data = graph.nodes[node]
    args = data[N.ARGS]
    if any(a not in leaves for a in args):
        return None
    key = (node, tuple(args))
    cache = graph.graph.setdefault("coordinates", {})
    if key not in cache:
        cache[key] = _linear(graph, node)
    return cache[key]


def _linear(graph: nx.DiGraph, node: str) -> Coordinate | None:
    data = graph.nodes[node]
    args = data[N.ARGS]
    if (
        data[N.VALUES] is None
        or not args
        or any(isinstance(graph.nodes[a][N.EXPR], Constant) for a in args)
        or not set(map(type, data[N.VALUES])) <= {int, float}
    ):
        return None
    table = node_table(graph, node)
    if table is None:
        return None
    if table.array is not None:
        if table.array.dtype.kind != "f":
            return None
        results = table.array
    else:
        results = table.results
        if not set(map(type, results)) <= {int, float}:
            return None
    parts = separate_table(graph, table)
    if parts is None:
        return None
    first = table.rows[0] if table.columns is None else table.columns[0].tolist()
    slopes, terms, offset = {}, {}, float(results[0])
    for arg, term, value in zip(args, parts[1], first, strict=True):
        if graph.nodes[arg][N.ENCODING] is Encoding.NUMERICAL:
            slopes[arg] = linear_slope(term)
            if slopes[arg] is None:
                return None
            offset -= slopes[arg] * float(value)
        else:
            terms[arg] = term
            offset -= term[value]
    values = table.distinct() if table.array is not None else sorted(set(results))
    return Coordinate(node, _grouping(graph, values), slopes, terms, offset)


def _grouping(graph: nx.DiGraph, values) -> Grouping:
    """Sorted numbers cut where neighbours differ by more than NEAR; once per value set (the
    balances of every bracket pair take the same values)."""
    key = tuple(values)
    known = graph.graph.setdefault("groupings", {})
    if key not in known:
        points = np.array(values, dtype=float)
        if len(points) == 0:
            raise _Failed
        cut = np.flatnonzero(np.diff(points) > NEAR * np.maximum(1.0, np.abs(points[1:]))) + 1
        starts, ends = np.concatenate([[0], cut]), np.concatenate([cut, [len(points)]])
        groups = [key[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        known[key] = Grouping(groups, points[starts], float((points[ends - 1] - points[starts]).max()))
    return known[key]


def _span(c: Coordinate) -> float:
    return float(c.positions[-1] - c.positions[0]) if len(c.positions) > 1 else 0.0


def _gap(c: Coordinate) -> float:
    return float(np.diff(c.positions).min()) if len(c.positions) > 1 else 1.0


def radix_weights(spreads: list[tuple[float, float]]) -> tuple[list[int], np.ndarray]:
    """(the coordinates fastest first, a weight each) of coordinates given by the span and the
    smallest gap of their values: z = sum(weight * value) grows strictly along the lexicographic
    order, the coordinate with the most levels (span / gap) varying fastest so weights stay small."""
    fastest = sorted(range(len(spreads)), key=lambda k: -spreads[k][0] / spreads[k][1])
    weights, total = np.zeros(len(spreads)), 0.0
    for k in fastest:
        span, gap = spreads[k]
        weights[k] = (total + gap) / gap if total else 1.0
        total += weights[k] * span
    return fastest, weights


@dataclass
class _Column:
    """A node's results along the first `space` coordinates: run starts (lexicographic indices)
    and a code per run into `table` (the groups themselves for a coordinate)."""

    space: int
    starts: np.ndarray
    codes: np.ndarray
    table: list
    grouped: bool
    coordinate: Coordinate | None = None
    """For a grouped column, the coordinate whose groups `table` holds (numbers only)."""


def _lift(column: _Column, space: int, sizes: list[int]) -> np.ndarray:
    """Run starts and codes of `column` repeated over the coordinates up to `space`."""
    if len(column.starts) == 1:  # one run over everything
        return column.starts, column.codes
    below = math.prod(sizes[: column.space])
    repeats = math.prod(sizes[column.space : space])
    if len(column.starts) * repeats > MAX_RUNS:
        raise _Failed
    starts = (column.starts[None, :] + below * np.arange(repeats)[:, None]).ravel()
    return starts, np.tile(column.codes, repeats)


def _apply(fn, args: list[_Column], sizes: list[int], dialect) -> _Column:
    space = max((a.space for a in args), default=0)
    lifted = [_lift(a, space, sizes) for a in args]
    starts = np.unique(np.concatenate([s for s, _ in lifted])) if lifted else np.zeros(1, dtype=np.int64)
    codes = (
        np.stack([c[np.searchsorted(s, starts, side="right") - 1] for s, c in lifted], axis=1)
        if lifted
        else np.zeros((1, 0), dtype=np.int64)
    )
    radix = np.cumprod([1, *(len(a.table) for a in args[:-1])])
    if math.prod(len(a.table) for a in args) > 2**62:
        raise _Failed
    bound = math.prod(len(a.table) for a in args)
    first, inverse = _distinct(codes @ radix if args else np.zeros(1, dtype=np.int64), bound)
    distinct = codes[first]
    table, results = _coded(_evaluate(fn, args, distinct, dialect))
    out = results[inverse.reshape(-1)]
    keep = np.concatenate([[True], out[1:] != out[:-1]])
    return _Column(space, starts[keep], out[keep], table, False)


def _coded(values: list) -> tuple[list, np.ndarray]:
    """(the distinct values, each value's index among them); equal values of different types
    (1, 1.0, True) stay apart."""
    if set(map(type, values)) == {bool}:
        return [False, True], np.array(values, dtype=np.int64)
    table: list = []
    index: dict[tuple, int] = {}
    codes = np.empty(len(values), dtype=np.int64)
    for k, value in enumerate(values):
        key = (type(value), value) if value is not FAILED else ("failed",)
        if key not in index:
            index[key] = len(table)
            table.append(value)
        codes[k] = index[key]
    return table, codes


def _evaluate(fn, args: list[_Column], rows: np.ndarray, dialect) -> list:
    """fn on each combination of run codes; a coordinate's group gives one result for all its
    members or none."""
    grouped = [k for k, a in enumerate(args) if a.grouped]
    unusual = (FAILED, None) if dialect.none_propagates else (FAILED,)
    values = [v for a in args if not a.grouped for v in a.table]  # a coordinate's groups hold numbers
    if len(grouped) > 1 or not len(rows) or any(u in values for u in unusual):
        return _evaluate_rows(fn, args, rows.tolist(), dialect)
    counts = np.ones(len(rows), dtype=np.int64)
    if grouped:
        counts = args[grouped[0]].coordinate.grouping.sizes[rows[:, grouped[0]]]
    bounds = np.concatenate([[0], np.cumsum(counts)[:-1]])
    columns = []
    for k, a in enumerate(args):
        if a.grouped:
            grouping = a.coordinate.grouping
            first = grouping.firsts[rows[:, k]]
            columns.append(grouping.members[np.repeat(first - bounds, counts) + np.arange(int(counts.sum()))])
        else:
            columns.append(np.repeat(_objects(a.table)[rows[:, k]], counts))
    results = None
    if len(grouped) == 1:  # one call per combination of the other arguments' codes
        others = [k for k in range(len(args)) if k != grouped[0]]
        radix = np.cumprod([1, *(len(args[k].table) for k in others[:-1])])
        keys = np.repeat(rows[:, others] @ radix if others else np.zeros(len(rows), dtype=np.int64), counts)
        results = evaluate_split(fn, columns, grouped[0], keys)
    if results is None and args:
        results = evaluate_columns(fn, columns)
    if results is None:
        return _evaluate_rows(fn, args, rows.tolist(), dialect)
    if grouped:  # every member of a group gives its first member's result
        results = _objects(results)
        if not np.all(results == results[np.repeat(bounds, counts)]):
            raise _Failed
    return [results[b] for b in bounds.tolist()] if not grouped else results[bounds].tolist()


def _objects(values) -> np.ndarray:
    values = list(values)
    return np.fromiter(values, dtype=object, count=len(values))


def _evaluate_rows(fn, args: list[_Column], rows: list[list[int]], dialect) -> list:
    """`_evaluate` one row at a time (several groups in a row, FAILED or None among the values)."""
    flat: list[tuple] = []
    bounds = []
    for row in rows:
        bounds.append(len(flat))
        flat.extend(
            itertools.product(
                *(a.table[c] if a.grouped else (a.table[c],) for a, c in zip(args, row, strict=True))
            )
        )
    results = evaluate_rows(fn, flat, dialect)
    if len(flat) > len(rows):
        index: dict[tuple, int] = {}
        codes = np.array([index.setdefault((type(v), v), len(index)) for v in results])
        if not np.array_equal(np.minimum.reduceat(codes, bounds), np.maximum.reduceat(codes, bounds)):
            raise _Failed
    return [results[b] for b in bounds]


def _along_points(
    graph: nx.DiGraph,
    gid: str,
    given: dict,
    inside: list[str],
    points: np.ndarray,
    order,
    weights,
    sizes,
    strides,
) -> Runs:
    """The runs of `gid` over `points`, the lexicographic indices its coordinates take together
    (rasp.compiler.feasible): one step where neighbouring points' results differ, whatever lies
    between them."""
    key = tuple(c.node for c in order)
    where = (points[:, None] // strides[None, :]) % np.array(sizes)[None, :]
    position = {c.node: k for k, c in enumerate(order)}
    coded = {
        node: (
            column,
            where[:, position[node]] if node in position else np.zeros(len(points), dtype=np.int64),
        )
        for node, column in given.items()
    }
    known = graph.graph.setdefault("point_columns", {})  # nodes shared by several MLP outputs
    for node in inside:
        if (node, key) not in known:
            known[node, key] = _apply_points(
                graph.nodes[node][N.FN], [coded[a] for a in graph.nodes[node][N.ARGS]], graph.graph["dialect"]
            )
        coded[node] = known[node, key]
    column, codes = coded[gid]
    failed = [k for k, v in enumerate(column.table) if v is FAILED]
    if failed:  # combinations never met take their neighbours' results
        keep = ~np.isin(codes, failed)
        points, codes = points[keep], codes[keep]
    if not len(points):
        raise _Failed
    steps = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    if len(steps) > _max_steps(graph):
        raise _Failed
    at = np.concatenate([[0], np.stack([steps - 1, steps], axis=1).ravel()])
    where = (points[at, None] // strides[None, :]) % np.array(sizes)[None, :]
    return Runs(order, weights, where, [column.table[c] for c in codes[at].tolist()])


def _apply_points(fn, args: list[tuple], dialect) -> tuple:
    """fn at every point, from its arguments' (column, code per point): (column, code per point)."""
    if math.prod(len(column.table) for column, _ in args) > 2**62:
        raise _Failed
    codes = np.stack([c for _, c in args], axis=1)
    radix = np.cumprod([1, *(len(column.table) for column, _ in args[:-1])])
    first, inverse = _distinct(codes @ radix, int(radix[-1]) * len(args[-1][0].table))
    table, results = _coded(_evaluate(fn, [column for column, _ in args], codes[first], dialect))
    return _Column(0, None, None, table, False), results[inverse.reshape(-1)]


def _distinct(keys: np.ndarray, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """(where each distinct key first occurs, each key's rank among them) of keys in [0, bound):
    np.unique's, by a table of every key when that is small."""
    if bound > 4 * len(keys) + 1024:
        return np.unique(keys, return_index=True, return_inverse=True)[1:]
    first = np.full(bound, len(keys))
    np.minimum.at(first, keys, np.arange(len(keys)))
    present = first < len(keys)
    rank = np.cumsum(present) - 1
    return first[present], rank[keys]


def _max_steps(graph: nx.DiGraph) -> int:
    """The most steps a node's staircase may have in this compilation."""
    return MAX_STEPS * graph.graph.get("budget", 1)


def _staircase(column: _Column, order, weights, sizes, strides, most: int) -> Runs:
    starts, codes = _lift(column, len(order), sizes)
    failed = [k for k, v in enumerate(column.table) if v is FAILED]
    if failed:
        valid = ~np.isin(codes, failed)
        if not valid.any():
            raise _Failed
        starts, codes = starts[valid], codes[valid]
        starts[0] = 0  # a combination never met takes its neighbour's result
        keep = np.concatenate([[True], codes[1:] != codes[:-1]])
        starts, codes = starts[keep], codes[keep]
    if len(starts) - 1 > most:
        raise _Failed
    indices = np.concatenate([[0], np.stack([starts[1:] - 1, starts[1:]], axis=1).ravel()])
    points = (indices[:, None] // strides[None, :]) % np.array(sizes)[None, :]
    run_of = np.concatenate([[0], np.repeat(np.arange(1, len(starts)), 2) - np.tile([1, 0], len(starts) - 1)])
    results = [column.table[c] for c in codes[run_of]]
    return Runs(order, weights, points, results)
