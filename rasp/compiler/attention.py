"""Provides the weights of attention heads: aggregates (mean, max, min) and selector widths.

Logits are additive: a selector that is an `and` of selects on different s-ops adds one bilinear
table per select, and selects on the same keys and queries (with any `and`, `or`, `not` among them)
become one table. A query's selected keys score `c·m`, the others at most `c·(m-1)`; the BOS key
scores `c·(m-½)`, so it wins exactly when nothing is selected and carries the default (a selector
width gives BOS the full `c·m` and reads 1/(w+1)). `c` grows with the log of the length, so the
weight leaking to an unselected key is below 1e-17 (reference §7.3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.errors import CompileError
from rasp.compiler.infer_values import value_order
from rasp.interpreter import COMPARISON_UFUNCS
from rasp.sops import Aggregate, Encoding, Reduction, Select, SelectorNot, SelectorOr

LEAK = 40.0
"""Logit margin, in nats, between a chosen and an unchosen key beyond the log of their number."""


def sharpness(max_len: int) -> float:
    """The logit gap that makes softmax exact in float64 over max_len + 1 keys."""
    return math.log(max_len + 1) + LEAK


@dataclass
class HeadPlan:
    """A head before its BOS corrections: bilinear logits, value-to-output map, BOS targets."""

    name: str
    logits: np.ndarray  # [D, D] query dims x key dims
    values: np.ndarray  # [D, D] value dims x output dims
    bos_logit: float
    default: np.ndarray  # [D] what a query that selects nothing reads


def formula_of(graph: nx.DiGraph, selector: str):
    """The selector as nested ('and'|'or', [...]) / ('leaf', select id, negated), `not` pushed to leaves."""
    return graph.nodes[selector].get(N.FORMULA) or _formula(graph, selector)


def _formula(graph: nx.DiGraph, selector: str, negate: bool = False):
    expr = graph.nodes[selector][N.EXPR]
    args = graph.nodes[selector][N.ARGS]
    if isinstance(expr, Select):
        return ("leaf", selector, negate)
    if isinstance(expr, SelectorNot):
        return _formula(graph, args[0], not negate)
    op = "or" if isinstance(expr, SelectorOr) != negate else "and"
    return (op, [_formula(graph, a, negate) for a in args])


def _groups(graph: nx.DiGraph, formula) -> set[tuple[str, str]]:
    if formula[0] == "leaf":
        keys, queries = graph.nodes[formula[1]][N.ARGS]
        return {(keys, queries)}
    return set().union(*(_groups(graph, f) for f in formula[1]))


def conjuncts(formula) -> list:
    if formula[0] == "and":
        return [c for f in formula[1] for c in conjuncts(f)]
    return [formula]


def _part(value: object, part) -> object:
    if part is None:
        return value
    if isinstance(part, int):
        return value[part]
    return part[1]


def _table(graph: nx.DiGraph, conjuncts: list, keys: tuple, queries: tuple) -> np.ndarray:
    """[queries x keys] 0/1: where every conjunct holds."""

    def leaf_table(leaf: str) -> np.ndarray:
        key_part, query_part = graph.nodes[leaf].get(N.PARTS, (None, None))
        return comparison_table(
            graph.nodes[leaf][N.EXPR].comparison,
            [_part(k, key_part) for k in keys],
            [_part(q, query_part) for q in queries],
        )

    return formula_table(("and", conjuncts), leaf_table).astype(float)


def formula_table(formula, leaf_table) -> np.ndarray:
    """[queries x keys] True where `formula` holds, from `leaf_table(select id)` of its selects."""
    if formula[0] == "leaf":
        return leaf_table(formula[1]) != formula[2]
    parts = [formula_table(f, leaf_table) for f in formula[1]]
    return np.logical_and.reduce(parts) if formula[0] == "and" else np.logical_or.reduce(parts)


def comparison_table(comparison, keys: list, queries: list) -> np.ndarray:
    """[queries x keys] `comparison(key, query)` (False where they do not compare): numpy's for
    plain comparisons of numbers or of strings, else one call per pair of distinct values."""
    op = getattr(comparison, "value", None)
    kinds = {type(v) for v in keys + queries}
    if op in COMPARISON_UFUNCS and (kinds <= {int, float} or kinds == {str}):
        return COMPARISON_UFUNCS[op](np.array(keys)[None, :], np.array(queries)[:, None])
    if op in ("true", "false"):
        return np.full((len(queries), len(keys)), op == "true")
    key_index, query_index = _indexed(keys), _indexed(queries)
    distinct = np.zeros((len(query_index[0]), len(key_index[0])), dtype=bool)
    for i, query in enumerate(query_index[0]):
        for j, key in enumerate(key_index[0]):
            try:
                distinct[i, j] = bool(comparison(key, query))
            except TypeError:
                distinct[i, j] = False
    return distinct[np.ix_(query_index[1], key_index[1])]


def _indexed(values: list) -> tuple[list, np.ndarray]:
    """(the distinct values, by type so that 1 and True stay apart; each value's index among them)."""
    index: dict = {}
    codes = [index.setdefault((type(v), v), len(index)) for v in values]
    return [v for _, v in index], np.array(codes, dtype=np.int64)


def selector_tables(graph: nx.DiGraph, selector: str) -> list[tuple[str, str, list]]:
    """The selector as `and`ed tables over (keys, queries) pairs: [(keys, queries, conjuncts)].

    Raises CompileError when an `or` or `not` mixes selects on different s-ops.
    """
    by_group: dict[tuple[str, str], list] = {}
    for conjunct in conjuncts(formula_of(graph, selector)):
        groups = _groups(graph, conjunct)
        if len(groups) > 1:
            raise CompileError(
                [
                    (
                        graph.nodes[selector][N.NAME],
                        "an 'or' or 'not' combines selects on different keys or queries; "
                        "one attention head adds selects only under 'and'",
                    )
                ]
            )
        by_group.setdefault(groups.pop(), []).append(conjunct)
    return [(keys, queries, conjuncts) for (keys, queries), conjuncts in by_group.items()]


def plan_head(graph: nx.DiGraph, members: list[str], layout, max_len: int) -> HeadPlan:
    """The head computing `members` (attention nodes sharing a selector), before BOS corrections."""
    first = graph.nodes[members[0]]
    selector = first[N.ARGS][0]
    d = len(layout.labels)
    logits = np.zeros((d, d))
    tables = selector_tables(graph, selector)
    problems = []
    for keys, queries, _ in tables:
        for side in (keys, queries):
            if graph.nodes[side][N.VALUES] is None:
                problems.append((graph.nodes[side][N.NAME], "its value set is unknown (too large)"))
    if problems:
        raise CompileError(problems)
    expr = first[N.EXPR]
    ranked = isinstance(expr, Aggregate) and expr.reduction is not Reduction.MEAN
    base = sharpness(max_len)
    rank_scale, n_ranks = 0.0, 0
    if ranked:
        source = first[N.ARGS][1]
        n_ranks = len(graph.nodes[source][N.VALUES])
        rank_scale = base
    c = 2 * (base + rank_scale * n_ranks)
    for keys, queries, conjuncts in tables:
        rows = list(layout.index[queries].values())
        cols = list(layout.index[keys].values())
        table = _table(graph, conjuncts, graph.nodes[keys][N.VALUES], graph.nodes[queries][N.VALUES])
        logits[np.ix_(rows, cols)] += c * table
    m = len(tables)
    values = np.zeros((d, d))
    default = np.zeros(d)
    if isinstance(expr, Aggregate):
        bos_logit = c * (m - 0.5)
        for gid in members:
            _aggregate_values(graph, gid, layout, values, default)
        if ranked:
            source = first[N.ARGS][1]
            order = sorted(graph.nodes[source][N.VALUES], key=value_order)
            if expr.reduction is Reduction.MIN:
                order.reverse()
            for rank, value in enumerate(order):
                logits[layout.ONE, layout.index[source][value]] += rank_scale * rank
    else:
        bos_logit = c * m
        default[layout.dims[members[0]][0]] = 1.0
    return HeadPlan(first[N.NAME], logits, values, bos_logit, default)


def _aggregate_values(graph: nx.DiGraph, gid: str, layout, values: np.ndarray, default: np.ndarray) -> None:
    data = graph.nodes[gid]
    source = data[N.ARGS][1]
    fallback = layout.default_of(gid)
    src = graph.nodes[source]
    if data[N.ENCODING] is Encoding.NUMERICAL:
        out = layout.dims[gid][0]
        if src[N.ENCODING] is Encoding.NUMERICAL:
            values[layout.dims[source][0], out] = 1.0
        else:
            for value, dim in layout.index[source].items():
                if isinstance(value, (int, float)):
                    values[dim, out] = float(value)
                elif value is not None:
                    raise CompileError([(data[N.NAME], f"averages the non-number {value!r}")])
        if not isinstance(fallback, (int, float)) and fallback in data[N.VALUES]:
            raise CompileError(
                [(data[N.NAME], f"a numerical mean needs a number as default, not {fallback!r}")]
            )
        default[out] = float(fallback) if isinstance(fallback, (int, float)) else 0.0
        return
    if src[N.ENCODING] is Encoding.NUMERICAL:
        raise CompileError([(data[N.NAME], "copies a numerical s-op into a one-hot one")])
    for value, dim in layout.index[source].items():
        if value in layout.index[gid]:  # else never read (exhaustive inference)
            values[dim, layout.index[gid][value]] = 1.0
    if fallback in layout.index[gid]:  # else no input ever selects nothing (exhaustive inference)
        default[layout.index[gid][fallback]] = 1.0
