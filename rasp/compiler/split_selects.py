"""Splits selector widths into the widths of smaller selects, one head each, added by the MLP.

Two rewrites. The width of an `or` of selectors that never select the same key is the sum of
their widths: the RASP paper's `sort` counts `select(key, key, <) or (select(key, key, ==) and
select(indices, indices, <))`, which as one head would compare the joint one-hot of (key, index).

And `selector_width(select(keys, keys, <))` with `keys = f(a, b)` ordered first by `a`, then by `b`
(tracr's sort keys `key + i/n`) would need the one-hot of `keys`, |a|·|b| wide, on both sides of
the head. No single head can do it from `a` and `b` alone: its logits are sums of terms in
(a_q, a_k), (a_q, b_k), (b_q, a_k), (b_q, b_k), and keys selected for any b_k (a_k below a_q)
must all score alike, which forces the (b_q, b_k) part to be a sum of a term in b_q and one in
b_k, so it cannot tell b_k < b_q from b_k = b_q when a_k = a_q. So the width is split into two
disjoint selects, each a sum of tables over `a` or over `b`: keys with a smaller `a`, and keys
with an equal `a` and a smaller `b`. Two heads of the same layer read their widths and the
width's MLP adds them (a staircase over the pair, quadratic in the length but small and cheap
beside the |a|·|b|-square head it replaces). With exhaustive inference the new heads' observed
widths are counted input by input from the observed columns of `a` and `b`.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np

from rasp.compiler import nodes as N
from rasp.compiler.attention import comparison_table, conjuncts, formula_of, formula_table
from rasp.compiler.infer_values import value_order
from rasp.sops import (
    Comparison,
    Encoding,
    Predicate,
    Select,
    SelectorAnd,
    SelectorOr,
    SelectorWidth,
)

_ORDERS = {Comparison.LT, Comparison.LEQ, Comparison.GT, Comparison.GEQ}
_OUTCOMES = {
    Comparison.LT: {"<"},
    Comparison.EQ: {"="},
    Comparison.GT: {">"},
    Comparison.LEQ: {"<", "="},
    Comparison.GEQ: {">", "="},
    Comparison.NEQ: {"<", ">"},
    Comparison.TRUE: {"<", "=", ">"},
    Comparison.FALSE: set(),
}
"""How a key compares with a query when each comparison selects it."""


def _program_widths(graph: nx.DiGraph):
    """(width, the head reading 1/(w+1), its selector) of each selector width of the program, read
    as the loop reaches it (a split before it may have changed the graph)."""
    for gid in list(graph.nodes):
        data = graph.nodes[gid]
        if data[N.ROLE] == N.MLP and not data[N.SYNTHETIC] and isinstance(data[N.EXPR], SelectorWidth):
            scratch = data[N.ARGS][0]
            yield gid, scratch, graph.nodes[scratch][N.ARGS][0]


def split_disjoint_widths(graph: nx.DiGraph) -> None:
    """Rewrites every selector width of an `or` of selectors that never select the same key as
    the sum of their widths."""
    for gid, scratch, selector in _program_widths(graph):
        parts = _disjuncts(graph, selector)
        if len(parts) < 2 or not all(_exclusive(graph, a, b) for a, b in itertools.combinations(parts, 2)):
            continue
        parts = [_and_node(graph, part) for part in parts]
        heads = [_width_head(graph, scratch, part) for part in parts]
        if "columns" in graph.graph:
            _observed_part_widths(graph, heads, parts)
        _replace_width(graph, gid, scratch, selector, heads)


def _disjuncts(graph: nx.DiGraph, selector: str) -> list[tuple[str, ...]]:
    """The selectors an `or` is made of, each as the selectors it `and`s: nested `or`s flattened,
    and an `and` of an `or` distributed ((a or b) and c: a and c, b and c)."""
    expr, args = graph.nodes[selector][N.EXPR], graph.nodes[selector][N.ARGS]
    if isinstance(expr, SelectorOr):
        return [part for arg in args for part in _disjuncts(graph, arg)]
    if isinstance(expr, SelectorAnd):
        return [left + right for left in _disjuncts(graph, args[0]) for right in _disjuncts(graph, args[1])]
    return [(selector,)]


def _exclusive(graph: nx.DiGraph, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when `a` and `b` (selectors `and`ed) never select the same key: each `and`s a select on
    the same keys and queries, and no key compares with a query both ways (`<` and `==`, say)."""

    def outcomes(part: tuple[str, ...]) -> list[tuple[list, set]]:
        found = []
        for conjunct in (c for selector in part for c in conjuncts(formula_of(graph, selector))):
            if conjunct[0] != "leaf":
                continue
            leaf = graph.nodes[conjunct[1]]
            comparison = leaf[N.EXPR].comparison
            if comparison in _OUTCOMES:
                selected = _OUTCOMES[comparison]
                found.append((leaf[N.ARGS], {"<", "=", ">"} - selected if conjunct[2] else selected))
        return found

    return any(
        args_a == args_b and not (one & other) for args_a, one in outcomes(a) for args_b, other in outcomes(b)
    )


def _and_node(graph: nx.DiGraph, part: tuple[str, ...]) -> str:
    """The selector `and`ing the part's selectors: the one itself, else a node made once."""
    gid = part[0]
    for other in part[1:]:
        left, gid = gid, f"{gid}&{other}"
        if gid not in graph:
            graph.add_node(
                gid,
                **{
                    N.EXPR: SelectorAnd(graph.nodes[left][N.EXPR], graph.nodes[other][N.EXPR]),
                    N.ARGS: [left, other],
                    N.NAME: _unique(graph, f"{graph.nodes[left][N.NAME]}.and"),
                    N.ROLE: N.SELECTOR,
                    N.SYNTHETIC: True,
                    N.WIDTH_ONE: graph.nodes[left][N.WIDTH_ONE] or graph.nodes[other][N.WIDTH_ONE],
                },
            )
            graph.add_edge(left, gid)
            graph.add_edge(other, gid)
    return gid


def _observed_part_widths(graph: nx.DiGraph, heads: list[str], parts: list[str]) -> None:
    """The columns of the parts' heads (1/(w+1) at each observed position), input by input."""
    columns = graph.graph["columns"]
    for head, part in zip(heads, parts, strict=True):
        if columns.get(head):  # made for another width already
            continue
        formula = formula_of(graph, part)
        widths = [
            formula_table(formula, _observed(graph, start, end)).sum(axis=1)
            for start, end in itertools.pairwise(_input_starts(graph))
        ]
        columns[head] = (1 / (np.concatenate(widths) + 1)).tolist()
        graph.nodes[head][N.VALUES] = tuple(sorted(set(columns[head])))


def _observed(graph: nx.DiGraph, start: int, end: int):
    """The table of a select on one observed input (exhaustive inference's columns)."""

    def leaf_table(leaf: str) -> np.ndarray:
        keys, queries = (graph.graph["columns"][arg][start:end] for arg in graph.nodes[leaf][N.ARGS])
        return comparison_table(graph.nodes[leaf][N.EXPR].comparison, keys, queries)

    return leaf_table


def split_lexicographic_widths(graph: nx.DiGraph) -> None:
    """Rewrites every selector width of a lexicographic select as the sum of two heads' widths."""
    for gid, scratch, selector in _program_widths(graph):
        order = _lexicographic(graph, selector)
        if order is not None:
            _split(graph, gid, scratch, selector, order)


def _lexicographic(graph: nx.DiGraph, selector: str):
    """(major, minor, major ranks, minor ranks) when the select orders f(major, minor) that way."""
    expr = graph.nodes[selector][N.EXPR]
    if not isinstance(expr, Select) or expr.comparison not in _ORDERS:
        return None
    keys, queries = graph.nodes[selector][N.ARGS]
    if keys != queries:
        return None
    node = graph.nodes[keys]
    args = node[N.ARGS]
    if node[N.ROLE] != N.MLP or len(args) != 2 or args[0] == args[1]:
        return None
    values = [graph.nodes[a][N.VALUES] for a in args]
    if any(v is None or len(v) < 2 or None in v for v in values):
        return None
    try:
        grid = np.array([[float(node[N.FN](x, y)) for y in values[1]] for x in values[0]])
    except Exception:  # a non-number, or a combination the function refuses: keep the one-hot
        return None
    for major in (0, 1):
        table = grid if major == 0 else grid.T
        ranks = _ranks(table)
        if ranks is not None:
            return (
                args[major],
                args[1 - major],
                *(
                    dict(zip(values[k], r, strict=True))
                    for k, r in zip((major, 1 - major), ranks, strict=True)
                ),
            )
    return None


def _ranks(table: np.ndarray):
    """(row ranks, column ranks) when table[i, j] < table[i', j'] exactly when row i ranks below
    row i', or i = i' and column j ranks below column j' (rows in disjoint value ranges, every row
    ordering the columns alike, no ties); else None."""
    columns = np.argsort(table[0], kind="stable")
    if np.any(np.diff(table[:, columns], axis=1) <= 0):
        return None
    rows = np.argsort(table[:, columns[0]], kind="stable")
    if np.any(table[rows[:-1], columns[-1]] >= table[rows[1:], columns[0]]):
        return None
    return np.argsort(rows), np.argsort(columns)


def _comparison(ranks: dict, strict: bool, ascending: bool):
    """`key` ranks below `query` (or equal, unless strict; above when not ascending): a plain
    comparison when the ranks follow the values' own order (or its reverse), else a predicate."""
    by_rank, by_value = sorted(ranks, key=ranks.get), sorted(ranks, key=value_order)
    if by_rank in (by_value, by_value[::-1]):
        below = (by_rank == by_value) == ascending
        return {
            (True, True): Comparison.LT,
            (True, False): Comparison.GT,
            (False, True): Comparison.LEQ,
            (False, False): Comparison.GEQ,
        }[(strict, below)]
    sign = 1 if ascending else -1
    if strict:
        return Predicate(lambda k, q: sign * (ranks[k] - ranks[q]) < 0, value="rank order")
    return Predicate(lambda k, q: sign * (ranks[k] - ranks[q]) <= 0, value="rank order or equal")


def _split(graph: nx.DiGraph, width: str, scratch: str, selector: str, order: tuple) -> None:
    """`width` as the sum of the two heads' widths."""
    keys = graph.nodes[selector][N.ARGS][0]
    _replace_width(graph, width, scratch, selector, _heads(graph, scratch, selector, order))
    _numerical_if_unread_as_one_hot(graph, keys)


def _replace_width(graph: nx.DiGraph, width: str, scratch: str, selector: str, heads: list[str]) -> None:
    """`width` as the sum of the heads' widths; the old head (and the selector, with the `or`s
    inside it, once nothing else reads them) goes."""
    most = round(1 / min(graph.nodes[scratch][N.VALUES])) - 1
    data = graph.nodes[width]
    data[N.ARGS] = heads
    data[N.FN] = lambda *parts: _sum_of_widths(parts, most)
    for head in heads:
        graph.add_edge(head, width)
    graph.remove_node(scratch)
    _drop_unread(graph, selector)


def _drop_unread(graph: nx.DiGraph, selector: str) -> None:
    if graph.nodes[selector][N.ROLE] == N.SELECTOR and not any(True for _ in graph.successors(selector)):
        args = graph.nodes[selector][N.ARGS]
        graph.remove_node(selector)
        for arg in dict.fromkeys(args):
            _drop_unread(graph, arg)


def _heads(graph: nx.DiGraph, scratch: str, selector: str, order: tuple) -> list[str]:
    """The heads of keys with a lower major rank, and of keys with the same major value and a
    lower minor rank (made once per select, however many widths read it)."""
    below, tie = f"{selector}a", f"{selector}t"
    if tie in graph:
        return [f"{below}s", f"{tie}s"]
    major, minor, major_ranks, minor_ranks = order
    comparison = graph.nodes[selector][N.EXPR].comparison
    ascending = comparison in (Comparison.LT, Comparison.LEQ)
    strict = comparison in (Comparison.LT, Comparison.GT)
    name = graph.nodes[selector][N.NAME]
    _select(graph, below, f"{name}.major", major, _comparison(major_ranks, True, ascending))
    equal = _select(graph, f"{selector}e", f"{name}.same", major, Comparison.EQ)
    after = _select(
        graph, f"{selector}b", f"{name}.minor", minor, _comparison(minor_ranks, strict, ascending)
    )
    graph.add_node(
        tie,
        **{
            N.EXPR: SelectorAnd(graph.nodes[equal][N.EXPR], graph.nodes[after][N.EXPR]),
            N.ARGS: [equal, after],
            N.NAME: _unique(graph, f"{name}.tie"),
            N.ROLE: N.SELECTOR,
            N.SYNTHETIC: True,
            N.WIDTH_ONE: False,
        },
    )
    graph.add_edge(equal, tie)
    graph.add_edge(after, tie)
    parts = [_width_head(graph, scratch, part) for part in (below, tie)]
    if "columns" in graph.graph:
        _observed_widths(graph, parts, order, ascending, strict)
    return parts


def _select(graph: nx.DiGraph, gid: str, name: str, sop: str, comparison) -> str:
    expr = graph.nodes[sop][N.EXPR]
    graph.add_node(
        gid,
        **{
            N.EXPR: Select(expr, expr, comparison),
            N.ARGS: [sop, sop],
            N.NAME: _unique(graph, name),
            N.ROLE: N.SELECTOR,
            N.SYNTHETIC: True,
            N.WIDTH_ONE: False,
        },
    )
    graph.add_edge(sop, gid)
    return gid


def _width_head(graph: nx.DiGraph, scratch: str, selector: str) -> str:
    """An attention node reading 1/(w+1) of `selector`'s width, like the scratch it replaces (made
    once per selector)."""
    gid = f"{selector}s"
    if gid in graph:
        return gid
    old = graph.nodes[scratch]
    graph.add_node(
        gid,
        **{
            **old,
            N.EXPR: SelectorWidth(graph.nodes[selector][N.EXPR]),
            N.ARGS: [selector],
            N.NAME: _unique(graph, f"{graph.nodes[selector][N.NAME]}.attn"),
        },
    )
    graph.add_edge(selector, gid)
    return gid


def _input_starts(graph: nx.DiGraph) -> list[int]:
    """Where each input starts in the observed columns (exhaustive inference), and where they end."""
    return graph.graph["input_starts"]


def _observed_widths(graph: nx.DiGraph, heads: list[str], order: tuple, ascending: bool, strict: bool):
    """The columns of the two new heads (1/(w+1) at each observed position), input by input."""
    major, minor, major_ranks, minor_ranks = order
    columns = graph.graph["columns"]
    sign = 1 if ascending else -1
    a = sign * np.array([major_ranks[v] for v in columns[major]])
    b = sign * np.array([minor_ranks[v] for v in columns[minor]])
    below, tie = [], []
    for start, end in itertools.pairwise(_input_starts(graph)):
        ka, kb = a[None, start:end], b[None, start:end]
        qa, qb = ka.T, kb.T
        minor_before = kb < qb if strict else kb <= qb
        below.append((ka < qa).sum(axis=1))
        tie.append(((ka == qa) & minor_before).sum(axis=1))
    for head, widths in zip(heads, (below, tie), strict=True):
        columns[head] = (1 / (np.concatenate(widths) + 1)).tolist()
        graph.nodes[head][N.VALUES] = tuple(sorted(set(columns[head])))


def _sum_of_widths(parts: tuple, most: int) -> int:
    width = sum(round(1 / x) - 1 for x in parts)
    if width > most:  # disjoint selections of at most `most` keys: no input gets here
        raise ValueError(f"widths adding up to {width} > {most}")
    return width


def _numerical_if_unread_as_one_hot(graph: nx.DiGraph, sop: str) -> None:
    """The keys keep one dimension, not |a|·|b|, when only MLPs (or nothing) read them."""
    data = graph.nodes[sop]
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in data[N.VALUES] or ())
    if data[N.VALUES] and numbers and all(graph.nodes[s][N.ROLE] == N.MLP for s in graph.successors(sop)):
        data[N.ENCODING] = Encoding.NUMERICAL


def _unique(graph: nx.DiGraph, name: str) -> str:
    taken = {d[N.NAME] for _, d in graph.nodes(data=True)}
    candidate = name
    for k in itertools.count(2):
        if candidate not in taken:
            return candidate
        candidate = f"{name}_{k}"
    raise AssertionError("unreachable")
