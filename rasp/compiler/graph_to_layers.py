"""Pass 3: assigns every node to a layer, scheduling by attention depth as RASP's own analyser does.

An attention node goes to the layer after the latest of its inputs; an elementwise node joins the
MLP of the layer its latest input comes from, fused with the other elementwise nodes there (it is
computed straight from its 'leaves', the inputs from outside that MLP). Elementwise nodes of a
single input (tokens, indices), and numerical ones that are a token term plus a position term
(sort's keys), are folded into the embedding tables; other elementwise nodes of the inputs need
an MLP before the first attention (layer 0). Sort reaches the analyser's 2 layers only because
its lexicographic select is split into two heads first (`split_selects`: one head cannot do it).
"""

from __future__ import annotations

import itertools
import math

import networkx as nx

from rasp.compiler import nodes as N
from rasp.compiler.embedding_sums import embedding_terms
from rasp.compiler.infer_values import MAX_TABLE, combination_bound, value_order
from rasp.compiler.runs import runs_for
from rasp.sops import Aggregate, Constant, Encoding, Map, Reduction, Select


def insert_conversions(graph: nx.DiGraph) -> None:
    """Adds a one-hot copy of each numerical s-op that a select or a max/min aggregate reads."""
    copies: dict[str, str] = {}
    for gid in list(nx.topological_sort(graph)):
        data = graph.nodes[gid]
        expr = data[N.EXPR]
        if isinstance(expr, Select):
            positions = [0, 1]
        elif isinstance(expr, Aggregate) and (
            expr.reduction is not Reduction.MEAN or data[N.ENCODING] is Encoding.CATEGORICAL
        ):
            positions = [1]
        else:
            continue
        for position in positions:
            source = data[N.ARGS][position]
            if graph.nodes[source].get(N.ENCODING) is not Encoding.NUMERICAL:
                continue
            if source not in copies:
                copy = f"{source}c"
                src = graph.nodes[source]
                graph.add_node(
                    copy,
                    **{
                        N.EXPR: Map(lambda x: x, (src[N.EXPR],), op="onehot({0})"),
                        N.ARGS: [source],
                        N.NAME: src[N.NAME] + ".onehot",
                        N.ROLE: N.MLP,
                        N.FN: lambda x: x,
                        N.SYNTHETIC: True,
                        N.VALUES: src[N.VALUES],
                        N.ENCODING: Encoding.CATEGORICAL,
                    },
                )
                graph.add_edge(source, copy)
                columns = graph.graph.get("columns")
                if columns is not None:
                    columns[copy] = columns[source]
                copies[source] = copy
            data[N.ARGS][position] = copies[source]
            if source not in data[N.ARGS]:
                graph.remove_edge(source, gid)
            graph.add_edge(copies[source], gid)


def insert_joints(graph: nx.DiGraph) -> None:
    """Where an `or` or `not` mixes selects on different s-ops, adds one-hot joint s-ops (the tuple
    of the keys, and of the queries) for the attention head to compare, and rewrites the selector."""
    from rasp.compiler.attention import conjuncts, formula_of

    joints: dict[tuple[str, ...], str] = {}
    for gid in list(graph.nodes):
        data = graph.nodes[gid]
        if data[N.ROLE] != N.ATTENTION or N.FORMULA in graph.nodes[data[N.ARGS][0]]:
            continue
        selector = data[N.ARGS][0]
        rewritten, changed = [], False
        for conjunct in conjuncts(formula_of(graph, selector)):
            leaves_ = _formula_leaves(conjunct)
            ends = [[graph.nodes[leaf][N.ARGS][side] for leaf in leaves_] for side in (0, 1)]
            sides = [_varying(graph, nodes_) for nodes_ in ends]
            if len({tuple(graph.nodes[leaf][N.ARGS]) for leaf in leaves_}) <= 1:
                rewritten.append(conjunct)
                continue
            changed = True
            # a side of constants only needs no joint: each select reads its own constant there
            joint_ids = [
                _joint(graph, parts, joints) if parts else nodes_[0]
                for parts, nodes_ in zip(sides, ends, strict=True)
            ]
            copies = {}
            for leaf in leaves_:
                copy = f"{leaf}j{len(graph)}"
                args = graph.nodes[leaf][N.ARGS]
                place = [_place(graph, args[side], sides[side]) for side in (0, 1)]
                graph.add_node(
                    copy,
                    **{
                        **graph.nodes[leaf],
                        N.ARGS: list(joint_ids),
                        N.PARTS: tuple(place),
                        N.SYNTHETIC: True,
                    },
                )
                for joint in joint_ids:
                    graph.add_edge(joint, copy)
                graph.add_edge(copy, selector)
                copies[leaf] = copy
            rewritten.append(_relabel(conjunct, copies))
        if changed:
            graph.nodes[selector][N.FORMULA] = rewritten[0] if len(rewritten) == 1 else ("and", rewritten)


def _formula_leaves(formula) -> list[str]:
    if formula[0] == "leaf":
        return [formula[1]]
    return list(dict.fromkeys(leaf for f in formula[1] for leaf in _formula_leaves(f)))


def _relabel(formula, copies: dict[str, str]):
    if formula[0] == "leaf":
        return ("leaf", copies[formula[1]], formula[2])
    return (formula[0], [_relabel(f, copies) for f in formula[1]])


def _varying(graph: nx.DiGraph, nodes_: list[str]) -> list[str]:
    return list(dict.fromkeys(a for a in nodes_ if not isinstance(graph.nodes[a][N.EXPR], Constant)))


def _place(graph: nx.DiGraph, node: str, parts: list[str]):
    """Where `node`'s value sits in a joint of `parts`: an index, None (no joint), or a constant."""
    if isinstance(graph.nodes[node][N.EXPR], Constant):
        return ("constant", graph.nodes[node][N.EXPR].value)
    return None if len(parts) == 1 else parts.index(node)


def _joint(graph: nx.DiGraph, parts: list[str], joints: dict) -> str:
    """The node holding the tuple of `parts` (the part itself when alone)."""
    if len(parts) == 1:
        return parts[0]
    key = tuple(parts)
    if key not in joints:
        gid = f"j{len(joints)}"
        names = [graph.nodes[p][N.NAME] for p in parts]
        values = [graph.nodes[p][N.VALUES] for p in parts]
        columns = graph.graph.get("columns")
        if columns is not None:
            columns[gid] = list(zip(*(columns[p] for p in parts), strict=True))
            joint_values = sorted(set(columns[gid]), key=value_order)
        elif any(v is None for v in values) or math.prod(len(v) for v in values) > MAX_TABLE:
            joint_values = None
        else:
            joint_values = list(itertools.product(*values))
        graph.add_node(
            gid,
            **{
                N.EXPR: Map(_tuple, tuple(graph.nodes[p][N.EXPR] for p in parts), op="joint"),
                N.ARGS: list(parts),
                N.NAME: "(" + ", ".join(names) + ")",
                N.ROLE: N.MLP,
                N.FN: _tuple,
                N.SYNTHETIC: True,
                N.VALUES: joint_values,
                N.ENCODING: Encoding.CATEGORICAL,
            },
        )
        for p in parts:
            graph.add_edge(p, gid)
        joints[key] = gid
    return joints[key]


def _tuple(*values: object) -> tuple:
    return values


def leaves(graph: nx.DiGraph, gid: str) -> list[str]:
    """The inputs of an MLP node from outside its MLP (through the fused elementwise nodes)."""
    layer, found = graph.nodes[gid][N.LAYER], []

    def walk(node: str) -> None:
        for arg in graph.nodes[node][N.ARGS]:
            data = graph.nodes[arg]
            if data[N.ROLE] == N.MLP and data[N.LAYER] == layer and not _in_embedding(data, layer):
                walk(arg)
            elif arg not in found:
                found.append(arg)

    walk(gid)
    return found


def _in_embedding(data: dict, layer: int) -> bool:
    return layer == 0 and data.get(N.IN_EMBEDDING, False)


FUSED_TABLE = 50_000
"""Largest lookup table (combinations of leaf values) an MLP node is fused over before it is
computed one layer later from materialised inputs instead."""


def graph_to_layers(graph: nx.DiGraph) -> int:
    """Sets LAYER (and IN_EMBEDDING, N.LEAVES) on every node; returns the number of layers.

    An elementwise node whose fused table would exceed FUSED_TABLE, and that cannot be planned
    along runs of its linear coordinates either, moves one layer later (abstract value sets only;
    exhaustive ones are observed combinations and stay small).
    """
    delay: dict[str, int] = {}
    for _ in range(len(graph)):
        layers = _assign(graph, delay)
        oversized = [
            gid
            for gid, d in graph.nodes(data=True)
            if d[N.ROLE] == N.MLP
            and not d[N.IN_EMBEDDING]
            and "columns" not in graph.graph
            and _table_size(graph, gid) > FUSED_TABLE
            and runs_for(graph, gid) is None
            and any(graph.nodes[a][N.ROLE] == N.MLP for a in d[N.ARGS])
        ]
        if not oversized:
            return layers
        delay[min(oversized, key=lambda g: graph.nodes[g][N.LAYER])] = 1
    return layers


def _table_size(graph: nx.DiGraph, gid: str) -> float:
    varying = [a for a in graph.nodes[gid][N.LEAVES] if not isinstance(graph.nodes[a][N.EXPR], Constant)]
    return combination_bound(graph, varying)


def _assign(graph: nx.DiGraph, delay: dict[str, int]) -> int:
    ready: dict[str, int] = {}
    for gid in nx.topological_sort(graph):
        data = graph.nodes[gid]
        inputs = [ready[a] for a in graph.predecessors(gid)]
        if data[N.ROLE] == N.INPUT:
            data[N.LAYER] = 0
        elif data[N.ROLE] == N.SELECTOR:
            data[N.LAYER] = max(inputs)
        elif data[N.ROLE] == N.ATTENTION:
            data[N.LAYER] = max(inputs) + 1
        else:
            data[N.LAYER] = max(inputs) + delay.get(gid, 0)
        ready[gid] = data[N.LAYER]
        if data[N.ROLE] == N.MLP:
            data[N.IN_EMBEDDING] = data[N.LAYER] == 0 and (
                _single_input(graph, gid) or embedding_terms(graph, gid) is not None
            )
    for gid, data in graph.nodes(data=True):
        if data[N.ROLE] == N.MLP:
            data[N.LEAVES] = _embedding_leaves(graph, gid) if data[N.IN_EMBEDDING] else leaves(graph, gid)
            data[N.NEEDED] = gid == graph.graph["root"] or any(
                not _fused_with(graph.nodes[s], data) for s in graph.successors(gid)
            )
    attention = max((d[N.LAYER] for _, d in graph.nodes(data=True) if d[N.ROLE] == N.ATTENTION), default=0)
    return attention + (1 if has_input_mlp(graph) else 0)


def _fused_with(reader: dict, data: dict) -> bool:
    """True when `reader` is computed in the same MLP (or embedding) straight from the leaves."""
    return (
        reader[N.ROLE] == N.MLP
        and reader[N.LAYER] == data[N.LAYER]
        and reader[N.IN_EMBEDDING] == data[N.IN_EMBEDDING]
    )


def has_input_mlp(graph: nx.DiGraph) -> bool:
    """True when some elementwise node of the inputs needs an MLP before the first attention."""
    return any(
        d[N.ROLE] == N.MLP and d[N.LAYER] == 0 and not d[N.IN_EMBEDDING] for _, d in graph.nodes(data=True)
    )


def _input_leaves(graph: nx.DiGraph, gid: str) -> set[str]:
    return {a for a in nx.ancestors(graph, gid) if graph.nodes[a][N.ROLE] == N.INPUT}


def _single_input(graph: nx.DiGraph, gid: str) -> bool:
    varying = [a for a in _input_leaves(graph, gid) if not isinstance(graph.nodes[a][N.EXPR], Constant)]
    return len(varying) <= 1


def _embedding_leaves(graph: nx.DiGraph, gid: str) -> list[str]:
    return sorted(_input_leaves(graph, gid), key=lambda a: int(a[1:]))
