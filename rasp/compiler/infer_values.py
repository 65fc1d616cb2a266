"""Pass 2: the set of values every s-op can take, and the encoding each gets in the residual stream.

Two methods: `abstract` propagates value sets through each operation (a Map over the product of
its inputs' sets, a mean over every achievable sum); `exhaustive` runs the interpreter on every
input up to the maximum length and records what each s-op actually takes, which is exact and
keeps lookup tables small (reference §7.3).
"""

from __future__ import annotations

import dis
import functools
import itertools
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.dialect import Dialect
from rasp.errors import RaspError
from rasp.interpreter import evaluate, evaluate_all
from rasp.sops import (
    UNSET,
    Aggregate,
    Comparison,
    Constant,
    Encoding,
    Indices,
    Map,
    Reduction,
    Select,
    SelectorAnd,
    SelectorWidth,
    Tokens,
)

MAX_TABLE = 200_000
"""Most argument combinations a Map's value set is computed over."""
MAX_VALUES = 20_000
"""Most values a mean's value set may have before it counts as unknown."""
EXHAUSTIVE_INPUTS = 5_000
"""Most inputs `auto` inference enumerates."""


def input_count(vocab: Sequence, max_len: int) -> int:
    """How many inputs of length 1..max_len the vocabulary makes."""
    return sum(len(vocab) ** n for n in range(1, max_len + 1))


def all_inputs(vocab: Sequence, max_len: int):
    """Every input of length 1..max_len, shortest first."""
    for n in range(1, max_len + 1):
        yield from (list(t) for t in itertools.product(vocab, repeat=n))


def value_order(value: object) -> tuple:
    """A sort key over mixed atoms: numbers (and bools), then strings, then None."""
    if value is None:
        return (2, 0)
    if isinstance(value, str):
        return (1, value)
    if isinstance(value, tuple):
        return (3, tuple(value_order(v) for v in value))
    return (0, value)


def _sorted(values) -> tuple | None:
    if values is None:
        return None
    try:  # atoms of one kind sort as value_order sorts them, and faster
        return tuple(sorted(set(values)))
    except TypeError:
        return tuple(sorted(set(values), key=value_order))


def infer_values(
    graph: nx.DiGraph, vocab: Sequence, max_len: int, dialect: Dialect, method: str = "auto"
) -> None:
    """Sets VALUES on every s-op node and WIDTH_ONE on every selector ('abstract', 'exhaustive' or
    'auto': exhaustive when there are at most EXHAUSTIVE_INPUTS inputs)."""
    if method == "auto":
        method = "exhaustive" if input_count(vocab, max_len) <= EXHAUSTIVE_INPUTS else "abstract"
    graph.graph["method"] = method
    graph.graph["dialect"] = dialect
    if method == "exhaustive":
        _exhaustive(graph, vocab, max_len, dialect)
    else:
        _abstract(graph, vocab, max_len, dialect)


def _default(expr: Aggregate, dialect: Dialect) -> object:
    return dialect.default if expr.default is UNSET else expr.default


def _is_number(value: object, dialect: Dialect) -> bool:
    if isinstance(value, bool):
        return dialect.bool_means
    return isinstance(value, (int, float))


def _abstract(graph: nx.DiGraph, vocab: Sequence, max_len: int, dialect: Dialect) -> None:
    known: dict = {}  # sums of means by their numbers
    for gid in nx.topological_sort(graph):
        data = graph.nodes[gid]
        expr, args = data[N.EXPR], [graph.nodes[a] for a in data[N.ARGS]]
        if data[N.ROLE] == N.SELECTOR:
            data[N.WIDTH_ONE] = _static_width_one(expr, args)
            continue
        match expr:
            case Tokens():
                values = evaluate(expr, list(vocab), dialect=dialect).values
            case Indices():
                values = range(max_len)
            case Constant(value=value):
                values = [value]
            case SelectorWidth() if data[N.ROLE] == N.ATTENTION:
                values = [1 / (w + 1) for w in range(max_len + 1)]
            case SelectorWidth():
                values = range(max_len + 1)
            case Aggregate():
                values = _aggregate_values(
                    expr, args[0][N.WIDTH_ONE], args[1][N.VALUES], max_len, dialect, data, known
                )
            case _:
                table = node_table(graph, gid)
                if table is not None and table.array is not None:
                    values = table.distinct()
                    if not np.isnan(table.array).any():  # np.unique sorts as _sorted does
                        data[N.VALUES] = tuple(values)
                        continue
                else:
                    values = None if table is None else set(table.results) - {FAILED}
        data[N.VALUES] = _sorted(values)


@dataclass
class Table:
    """A Map node over its arguments' value combinations: the combinations as a float array
    `columns` when they are all numbers (a function of operators only is then evaluated on numpy
    columns), as object columns `objects` for a plain product, else as tuples `given`; `results`
    in the same order (FAILED where it raises)."""

    columns: np.ndarray | None
    listed: list | None
    given: list[tuple] | None = None
    array: np.ndarray | None = None
    """The results as a numpy array, when computed on columns (listed only when asked for)."""
    objects: list[np.ndarray] | None = None
    """The combinations as object columns, when they are a plain product."""
    derived: dict = field(default_factory=dict)
    """What later passes compute from the table, kept for the next asker."""

    @property
    def results(self) -> list:
        """The results as a list."""
        if self.listed is None:
            self.listed = self.array.tolist()
        return self.listed

    def distinct(self) -> list:
        """The distinct results of a table computed on columns, sorted (once per table)."""
        if "distinct" not in self.derived:
            self.derived["distinct"] = np.unique(self.array).tolist()
        return self.derived["distinct"]

    @property
    def rows(self) -> list[tuple]:
        """The combinations as tuples."""
        if self.given is None:
            if self.columns is not None:
                self.given = list(map(tuple, self.columns.tolist()))
            else:
                self.given = list(zip(*self.objects, strict=True))
        return self.given


def node_table(graph: nx.DiGraph, gid: str) -> Table | None:
    """A Map node's table over its arguments' value sets (None: unknown or too many), computed
    once per compilation."""
    data = graph.nodes[gid]
    key = (gid, tuple(data[N.ARGS]))
    tables = graph.graph.setdefault("tables", {})
    if key not in tables:
        same = _same_table_key(graph, data[N.FN], data[N.ARGS])
        shared = graph.graph.setdefault("shared_tables", {})
        if same is None or same not in shared:
            tables[key] = _table(graph, data[N.FN], data[N.ARGS])
            if same is not None:
                shared[same] = tables[key]
        else:
            tables[key] = shared[same]
    return tables[key]


def _same_table_key(graph: nx.DiGraph, fn, args: list[str]) -> tuple | None:
    """What a Map's table depends on, equal for Maps that share one (the `a and b == 0` of every
    bracket pair): the function's code and its arguments' typed value sets and mean groups (None:
    a function whose code alone does not fix it, or unknown values)."""
    code = getattr(fn, "__code__", None)
    if code is None or fn.__closure__ or fn.__defaults__ or fn.__kwdefaults__:
        return None
    values = [graph.nodes[a].get(N.VALUES) for a in args]
    if any(v is None for v in values):
        return None
    groups = tuple(tuple(members) for members in _groups(graph, args))
    shared = tuple(id(graph.nodes[a].get(N.BY_WIDTH)) for a in args)  # means share value tables
    return code, id(fn.__globals__), groups, shared, tuple(map(_typed, values))


def _typed(values: tuple) -> tuple:
    """A value set as a key that tells 1, 1.0 and True apart, and 0.0 from -0.0 (a set holds at
    most one value equal to 0)."""
    zero = repr(values[values.index(0)]) if 0 in values else None
    return values, tuple(map(type, values)), zero


def _table(graph: nx.DiGraph, fn, args: list[str]) -> Table | None:
    if _operators_only(fn):
        columns = _numeric_combinations(graph, args)
        if columns is not None and len(columns) >= VECTORISE_FROM:
            array = _vectorised(fn, columns)
            if array is not None:
                return Table(columns, None, array=array)
    dialect = graph.graph["dialect"]
    values = [graph.nodes[a].get(N.VALUES) for a in args]
    if any(v is None for v in values):
        return None
    plain = not (dialect.none_propagates and any(None in v for v in values))
    if plain and all(len(members) == 1 for members in _groups(graph, args)):
        objects = _product_columns(values)
        if objects is not None:
            # the last value set varies fastest: one block of rows per combination of the others
            blocks = np.repeat(np.arange(math.prod(map(len, values[:-1]))), len(values[-1]))
            results = evaluate_split(fn, objects, len(objects) - 1, blocks)
            if results is None:
                results = evaluate_columns(fn, objects)
            if results is not None:
                return Table(None, results, objects=objects)
    rows = combinations(graph, args)
    return None if rows is None else Table(None, evaluate_rows(fn, rows, dialect, plain), rows)


def _product_columns(values: list) -> list[np.ndarray] | None:
    """The product of value sets as object columns, in itertools.product's order (None: more
    than MAX_TABLE combinations)."""
    sizes = [len(v) for v in values]
    if math.prod(sizes) > MAX_TABLE or not all(sizes):
        return None
    columns = []
    for k, v in enumerate(values):
        column = np.fromiter(v, dtype=object, count=len(v))
        columns.append(np.repeat(np.tile(column, math.prod(sizes[:k])), math.prod(sizes[k + 1 :])))
    return columns


def _static_width_one(expr, args) -> bool:
    """A select on equal keys that are indices, or an `and` with one, never selects two keys."""
    if isinstance(expr, Select):
        return expr.comparison is Comparison.EQ and isinstance(expr.keys, Indices)
    if isinstance(expr, SelectorAnd):
        return args[0][N.WIDTH_ONE] or args[1][N.WIDTH_ONE]
    return False


def _groups(graph: nx.DiGraph, nodes: list[str]) -> list[list[int]]:
    groups: dict[object, list[int]] = {}
    for k, gid in enumerate(nodes):
        data = graph.nodes[gid]
        key = (data[N.ARGS][0], "mean") if data.get(N.BY_WIDTH) else k
        groups.setdefault(key, []).append(k)
    return list(groups.values())


def combination_bound(graph: nx.DiGraph, nodes: list[str]) -> float:
    """An upper bound on how many value combinations `nodes` take together (inf: unknown)."""
    size = 1.0
    for members in _groups(graph, nodes):
        data = [graph.nodes[nodes[k]] for k in members]
        if len(members) > 1:
            size *= _joint_count(graph, data)
        elif data[0].get(N.VALUES) is None:
            return math.inf
        else:
            size *= len(data[0][N.VALUES])
    return size


def _joint_count(graph: nx.DiGraph, data: list[dict]) -> int:
    """A bound on the joint values of means under one selector (each width's product, width 0 once);
    counted once per tuple of their value tables, which the means of equal numbers share."""
    key = tuple(id(d[N.BY_WIDTH]) for d in data)
    known = graph.graph.setdefault("joint_counts", {})
    if key not in known:
        known[key] = 1 + sum(math.prod(len(d[N.BY_WIDTH][w]) for d in data) for w in data[0][N.BY_WIDTH] if w)
    return known[key]


def combinations(graph: nx.DiGraph, nodes: list[str], limit: int = MAX_TABLE) -> list[tuple] | None:
    """The value combinations `nodes` can take together (None: unknown or more than `limit`).

    Means under the same selector are combined width by width; everything else as a product.
    """
    parts, size = [], 1
    for members in _groups(graph, nodes):
        data = [graph.nodes[nodes[k]] for k in members]
        # a group of means: tuples of their joint values; a single node: its values
        options = _shared_width(graph, data, limit) if len(members) > 1 else data[0].get(N.VALUES)
        if options is None:
            return None
        size *= len(options)
        if size > limit:
            return None
        parts.append((members, options))
    if all(len(members) == 1 for members, _ in parts):  # a plain product, in order
        return list(itertools.product(*(options for _, options in parts)))
    if len(parts) == 1:  # one group of means, in order
        return parts[0][1]
    combos = []
    for choice in itertools.product(*(options for _, options in parts)):
        row = [None] * len(nodes)
        for (members, _), values in zip(parts, choice, strict=True):
            for k, v in zip(members, values if len(members) > 1 else (values,), strict=True):
                row[k] = v
        combos.append(tuple(row))
    return combos


def _shared_width(graph: nx.DiGraph, data: list[dict], limit: int) -> list[tuple] | None:
    """The joint values of means under one selector: at each width, every combination of their
    sums divided by that width (as the interpreter divides, `s * 1.0 / width`)."""
    means = _cached_width_means(graph, data, limit)
    if means is None:
        return None
    options = dict.fromkeys(map(tuple, means.tolist()))
    for row in _width_extremes(data):
        options.setdefault(row)
    return list(options)


def _cached_width_means(graph: nx.DiGraph, data: list[dict], limit: int) -> np.ndarray | None:
    """`_width_means` (None: more than `limit` joint values), once per tuple of value tables (which
    the means of equal numbers share)."""
    key = (tuple(id(d[N.BY_WIDTH]) for d in data), limit)
    known = graph.graph.setdefault("width_means", {})
    if key not in known:
        known[key] = None if _joint_count(graph, data) > limit else _width_means(data)
    return known[key]


def _width_means(data: list[dict]) -> np.ndarray:
    """The distinct joint means at widths of two and more, as rows of a float array."""
    widths = np.array([w for w in data[0][N.BY_WIDTH] if w > 1], dtype=np.int64)
    if not len(widths):
        return np.zeros((0, len(data)))
    # every member's sums, width after width; row r of a width picks one sum per member (mixed radix)
    sums = [[np.array(sorted(d[N.BY_WIDTH][w]), dtype=float) for w in widths.tolist()] for d in data]
    lengths = np.array([[len(s) for s in member] for member in sums], dtype=np.int64)
    per_width = lengths.prod(axis=0)
    at = np.repeat(np.arange(len(widths)), per_width)
    local = np.arange(int(per_width.sum())) - np.repeat(np.cumsum(per_width) - per_width, per_width)
    columns = []
    for member, length in zip(sums, lengths, strict=True):
        starts = np.cumsum(length) - length
        columns.append(np.concatenate(member)[starts[at] + local % length[at]])
        local = local // length[at]
    table = np.stack(columns, axis=1)
    flat = np.concatenate([np.concatenate(member) for member in sums])
    if np.array_equal(flat, np.round(flat)):  # a fraction in lowest terms is met at one width only
        divisor = widths[at]
        for column in columns:
            divisor = np.gcd(divisor, column.astype(np.int64))
        return (table / widths[at][:, None])[divisor == 1]
    return _unique_rows(table / widths[at][:, None])


def _width_extremes(data: list[dict]) -> list[tuple]:
    """The joint values at width 0 (the defaults) and 1 (the values themselves)."""
    singles = itertools.product(*(sorted(d[N.BY_WIDTH][1], key=value_order) for d in data))
    return [tuple(d[N.BY_WIDTH][0] for d in data), *singles]


def _numeric_combinations(graph: nx.DiGraph, nodes: list[str], limit: int = MAX_TABLE) -> np.ndarray | None:
    """The combinations of means under one selector as a float array (None: other nodes, a
    default that is not a number, or more than `limit`)."""
    groups = _groups(graph, nodes)
    if len(groups) != 1 or len(groups[0]) < 2:
        return None
    data = [graph.nodes[gid] for gid in nodes]
    extremes = _width_extremes(data)
    if not all(isinstance(v, (int, float)) for row in extremes for v in row):
        return None
    # means of equal numbers share their BY_WIDTH dict, so (opens, closes) of every bracket pair
    # have one table
    key = (tuple(id(d[N.BY_WIDTH]) for d in data), limit)
    known = graph.graph.setdefault("joint_means", {})
    if key not in known:
        means = _cached_width_means(graph, data, limit)
        # the extremes are whole numbers (or defaults), which no mean in lowest terms (width >= 2) is
        extra = np.array(list(dict.fromkeys(extremes)), dtype=float)
        known[key] = None if means is None else np.concatenate([means, extra])
    return known[key]


def _operators_only(fn) -> bool:
    """True for a function whose body uses only operators on its arguments and number constants
    (no calls, attributes or global names), so numpy float64 columns give Python's results."""
    code = getattr(fn, "__code__", None)
    if code is None or code.co_names or code.co_flags & 0x0C:  # names, *args or **kwargs
        return False
    cells = [c.cell_contents for c in fn.__closure__ or ()]
    constants = [c for c in code.co_consts if c is not None and c is not fn.__doc__]
    if not all(type(c) in (int, float) for c in [*cells, *constants]):
        return False
    return not _adds_flags(code)


@functools.lru_cache(maxsize=1024)
def _adds_flags(code) -> bool:
    """True when the code compares and also adds or inverts: numpy adds and inverts comparisons'
    flags as `or` and `not` (True + True is True, ~True is False), Python as numbers (2, -2)."""
    ops = [(i.opname, i.argrepr) for i in dis.get_instructions(code)]
    flags = any(name == "COMPARE_OP" for name, _ in ops)
    return flags and any(name == "UNARY_INVERT" or arg in ("+", "+=") for name, arg in ops)


def _vectorised(fn, table: np.ndarray, originals: list[np.ndarray] | None = None) -> np.ndarray | None:
    """fn on the columns of a float table at once, checked on a spread of rows against plain
    calls on the `originals` the table was made from (None: numpy raises, warns or disagrees;
    the rows are then evaluated one by one)."""
    try:
        with np.errstate(all="raise"), warnings.catch_warnings():
            warnings.simplefilter("error")
            out = fn(*table.T)
    except Exception:  # a row numpy cannot do as Python does
        return None
    if not isinstance(out, np.ndarray) or out.shape != (len(table),) or out.dtype.kind not in "bf":
        return None
    for k in np.linspace(0, len(table) - 1, 17).astype(int).tolist():
        try:
            row = table[k].tolist() if originals is None else [c[k] for c in originals]
            if fn(*row) != out[k].item():
                return None
        except Exception:  # numpy computed a row Python refuses
            return None
    return out


FAILED = object()
"""The result of a function on a combination of values the program never meets (it raises)."""


def _unique_rows(table: np.ndarray) -> np.ndarray:
    """The distinct rows of a float table in lexicographic order (np.unique(axis=0), faster)."""
    table = table[np.lexsort(table.T[::-1])]
    keep = np.concatenate([[True], np.any(table[1:] != table[:-1], axis=1)])
    return table[keep]


VECTORISE_FROM = 64
"""Rows from which an operator-only function of numbers is tried on numpy columns at once."""


def evaluate_columns(fn, columns: list[np.ndarray]) -> list | None:
    """fn on each row of equally long object columns holding no FAILED nor propagating None
    (None: some row raises; evaluate row by row to mark it)."""
    if _operators_only(fn) and len(columns[0]) >= VECTORISE_FROM:
        try:
            table = np.stack(columns, axis=1).astype(np.float64)
        except (TypeError, ValueError):  # not all numbers
            table = None
        array = None if table is None else _vectorised(fn, table, columns)
        # ints stay exact in Python but not in float64 (2**53 and beyond): numbers and flags only
        if array is not None and all(set(map(type, c)) <= {float, bool} for c in columns):
            return array.tolist()
    try:  # numpy's loop calls fn on each row, faster than Python's
        return np.frompyfunc(fn, len(columns), 1)(*columns).tolist()
    except Exception:  # some row raises
        return None


def evaluate_split(fn, columns: list[np.ndarray], wide: int, keys: np.ndarray) -> list | None:
    """fn on each row of object columns, one call per group of rows with equal `keys` (on which
    every column but `wide` is constant), column `wide` (floats) passed as a numpy array: for a
    function of operators only, `flag or balance < 0` is one call per flag. Checked on a spread
    of rows against plain calls (None: not applicable, or numpy raises, warns or disagrees)."""
    if not _operators_only(fn) or len(keys) < VECTORISE_FROM or set(map(type, columns[wide])) != {float}:
        return None
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    if len(first) > len(keys) // 8:  # too many groups for calls on arrays to pay
        return None
    array, inverse, out = (
        columns[wide].astype(np.float64),
        inverse.reshape(-1),
        np.empty(len(keys), dtype=object),
    )
    try:
        with np.errstate(all="raise"), warnings.catch_warnings():
            warnings.simplefilter("error")
            for group, row in enumerate(first.tolist()):
                mask = inverse == group
                call = [column[row] for column in columns]
                call[wide] = array[mask]
                block = fn(*call)
                if isinstance(block, np.ndarray):
                    if block.shape != call[wide].shape or block.dtype.kind not in "bf":
                        return None
                    out[mask] = block  # stored as Python bools and floats
                elif type(block) in (bool, int, float):  # decided by the scalars (`True or ...`)
                    out[mask] = block
                else:
                    return None
    except Exception:  # a row numpy cannot do as Python does
        return None
    for k in np.linspace(0, len(keys) - 1, 17).astype(int).tolist():
        try:
            if fn(*(column[k] for column in columns)) != out[k]:
                return None
        except Exception:  # numpy computed a row Python refuses
            return None
    return out.tolist()


def evaluate_rows(fn, rows: list[tuple], dialect: Dialect, plain: bool = False) -> list:
    """fn on each row (FAILED where it raises or reads FAILED): on numpy columns at once when no
    row raises, else row by row, once per distinct row. `plain`: the caller knows no row holds
    FAILED or a None that propagates."""
    unusual = (FAILED, None) if dialect.none_propagates else (FAILED,)
    if rows and rows[0] and (plain or not any(v in row for row in rows for v in unusual)):
        columns = [np.fromiter(column, dtype=object, count=len(rows)) for column in zip(*rows, strict=True)]
        results = evaluate_columns(fn, columns)
        if results is not None:
            return results
    cache: dict[tuple, object] = {}
    out = []
    for row in rows:
        if row not in cache:
            if FAILED in row:
                cache[row] = FAILED
            elif dialect.none_propagates and None in row:
                cache[row] = None
            else:
                try:
                    cache[row] = fn(*row)
                except Exception:  # a combination the program never meets
                    cache[row] = FAILED
        out.append(cache[row])
    return out


def _aggregate_values(
    expr: Aggregate, width_one: bool, values, max_len: int, dialect: Dialect, data: dict, known: dict
):
    if values is None:
        return None
    default = _default(expr, dialect)
    out = set(values) | {default}
    if width_one or expr.reduction is not Reduction.MEAN or max_len < 2:
        return out
    numbers = [v for v in values if _is_number(v, dialect)]
    if not numbers:
        return out
    key = tuple((type(v), v) for v in numbers)
    if key not in known:  # the means of one program mostly share their numbers (flags)
        known[key] = _mean_sums(key, max_len)
    found = known[key]
    if found is None:
        return None
    layers, means = found
    shared = (key, type(default), default)  # one dict for means of equal numbers and default
    if shared not in known:
        known[shared] = {0: default, **dict(enumerate(layers, start=1))}
    by_width = known[shared]
    sums = set(means)
    if not dialect.integer_means and len(numbers) == len(values):
        data[N.BY_WIDTH] = by_width
    if dialect.integer_means:
        sums = {int(m) for m in sums}
    return out | sums


def _mean_sums(numbers: tuple, max_len: int) -> tuple[tuple[frozenset, ...], frozenset] | None:
    """For `numbers` given as (type, value) pairs: the sums of `width` of them for each width
    1..max_len (width 1: the numbers themselves) and every mean of two or more; None when too
    many."""
    values = [v for _, v in numbers]
    means, layer, layers = set(), {0}, []
    for width in range(1, max_len + 1):
        layer = {s + v for s in layer for v in values}
        if len(layer) * max_len > MAX_VALUES:
            return None
        layers.append(frozenset(layer) if width > 1 else frozenset(values))
        if width > 1:
            means |= {s * 1.0 / width for s in layer}
    return tuple(layers), frozenset(means)


def _exhaustive(graph: nx.DiGraph, vocab: Sequence, max_len: int, dialect: Dialect) -> None:
    root = graph.nodes[graph.graph["root"]][N.EXPR]
    columns: dict[str, list] = {gid: [] for gid in graph.nodes}
    widest: dict[str, int] = {gid: 0 for gid in graph.nodes}
    by_expr: dict[int, list[str]] = {}
    for gid, data in graph.nodes(data=True):
        by_expr.setdefault(id(data[N.EXPR]), []).append(gid)
    skipped, starts = 0, [0]
    for item in all_inputs(vocab, max_len):
        try:
            values = evaluate_all(root, item, dialect=dialect)
        except RaspError:
            skipped += 1
            continue
        starts.append(starts[-1] + len(item))
        for key, (_, value) in values.items():
            for gid in by_expr.get(key, ()):
                data = graph.nodes[gid]
                if data[N.ROLE] == N.SELECTOR:
                    widest[gid] = max(widest[gid], max(value.widths))
                elif data[N.SYNTHETIC]:
                    columns[gid].extend(1 / (w + 1) for w in value.values)
                else:
                    columns[gid].extend(value.values)
    graph.graph["columns"] = columns
    graph.graph["skipped_inputs"] = skipped
    graph.graph["input_starts"] = starts
    for gid, data in graph.nodes(data=True):
        if data[N.ROLE] == N.SELECTOR:
            data[N.WIDTH_ONE] = widest[gid] <= 1
        else:
            data[N.VALUES] = _sorted(columns[gid])


def choose_encodings(graph: nx.DiGraph, dialect: Dialect) -> None:
    """Sets ENCODING on every s-op: means of numbers are numerical (attention averages a scalar);
    Maps annotated numerical with numeric values are numerical; everything else is one-hot."""
    narrowed = False
    for _, data in graph.nodes(data=True):
        if data[N.ROLE] == N.SELECTOR:
            continue
        expr, values = data[N.EXPR], data[N.VALUES]
        numeric = values is not None and all(
            (dialect.bool_means or not isinstance(expr, Aggregate))
            if issubclass(kind, bool)
            else issubclass(kind, (int, float))
            for kind in set(map(type, values))
        )
        encoding = Encoding.CATEGORICAL
        if data[N.SYNTHETIC]:
            encoding = Encoding.NUMERICAL
        elif isinstance(expr, Aggregate) and expr.reduction is Reduction.MEAN:
            width_one = graph.nodes[data[N.ARGS][0]][N.WIDTH_ONE]
            source = graph.nodes[data[N.ARGS][1]][N.VALUES]
            means = source is None or any(_is_number(v, dialect) for v in source)
            if values is None or (
                numeric and (not width_one or expr.encoding is Encoding.NUMERICAL) and means
            ):
                encoding = Encoding.NUMERICAL
            elif source is not None and graph.graph["method"] == "abstract":
                # one-hot: copies one value (several selected keys would average one-hots, as in
                # tracr; the property check catches a program that relies on that)
                copies = _sorted(set(source) | {_default(expr, dialect)})
                narrowed = narrowed or copies != data[N.VALUES]
                data[N.VALUES] = copies
                data.pop(N.BY_WIDTH, None)
        elif isinstance(expr, (Map, SelectorWidth)) and expr.encoding is Encoding.NUMERICAL and numeric:
            encoding = Encoding.NUMERICAL
        data[N.ENCODING] = encoding
    if narrowed:  # tables made over the means these copies were thought to take are stale
        for cache in ("tables", "shared_tables", "width_means", "joint_means", "joint_counts"):
            graph.graph.pop(cache, None)
