"""Pass 3: assigns every node to a layer, scheduling by attention depth as RASP's own analyser does.

An attention node goes to the layer after the latest of its inputs; an elementwise node joins the
MLP of the layer its latest input comes from, fused with the other elementwise nodes there (it is
computed straight from its 'leaves', the inputs from outside that MLP). Elementwise nodes of a
single input (tokens, indices) are folded into the embedding tables; other elementwise nodes of
the inputs need an MLP before the first attention (layer 0).
"""

from __future__ import annotations

import networkx as nx

from rasp.compiler import nodes as N
from rasp.sops import Aggregate, Constant, Encoding, Map, Reduction, Select

LEAVES = "leaves"
"""For 'mlp' nodes: ids of the nodes outside its MLP that it is computed from."""


def insert_conversions(graph: nx.DiGraph) -> None:
    """Adds a one-hot copy of each numerical s-op that a select or a max/min aggregate reads."""
    copies: dict[str, str] = {}
    for gid in list(nx.topological_sort(graph)):
        data = graph.nodes[gid]
        expr = data[N.EXPR]
        if isinstance(expr, Select):
            positions = [0, 1]
        elif isinstance(expr, Aggregate) and expr.reduction is not Reduction.MEAN:
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
                graph.add_node(copy, **{
                    N.EXPR: Map(lambda x: x, (src[N.EXPR],), op="onehot({0})"), N.ARGS: [source],
                    N.NAME: src[N.NAME] + ".onehot", N.ROLE: N.MLP, N.FN: lambda x: x, N.SYNTHETIC: True,
                    N.VALUES: src[N.VALUES], N.ENCODING: Encoding.CATEGORICAL})
                graph.add_edge(source, copy)
                columns = graph.graph.get("columns")
                if columns is not None:
                    columns[copy] = columns[source]
                copies[source] = copy
            data[N.ARGS][position] = copies[source]
            if source not in data[N.ARGS]:
                graph.remove_edge(source, gid)
            graph.add_edge(copies[source], gid)


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


def graph_to_layers(graph: nx.DiGraph) -> int:
    """Sets LAYER (and IN_EMBEDDING, LEAVES) on every node; returns the number of layers."""
    ready: dict[str, int] = {}
    for gid in nx.topological_sort(graph):
        data = graph.nodes[gid]
        inputs = [ready[a] for a in data[N.ARGS]]
        if data[N.ROLE] == N.INPUT:
            data[N.LAYER] = 0
        elif data[N.ROLE] == N.SELECTOR:
            data[N.LAYER] = max(inputs)
        elif data[N.ROLE] == N.ATTENTION:
            data[N.LAYER] = max(inputs) + 1
        else:
            data[N.LAYER] = max(inputs)
        ready[gid] = data[N.LAYER]
        if data[N.ROLE] == N.MLP:
            data[N.IN_EMBEDDING] = data[N.LAYER] == 0 and _single_input(graph, gid)
    for gid, data in graph.nodes(data=True):
        if data[N.ROLE] == N.MLP:
            data[LEAVES] = _embedding_leaves(graph, gid) if data[N.IN_EMBEDDING] else leaves(graph, gid)
    attention = max((d[N.LAYER] for _, d in graph.nodes(data=True) if d[N.ROLE] == N.ATTENTION), default=0)
    return attention + (1 if has_input_mlp(graph) else 0)


def has_input_mlp(graph: nx.DiGraph) -> bool:
    """True when some elementwise node of the inputs needs an MLP before the first attention."""
    return any(d[N.ROLE] == N.MLP and d[N.LAYER] == 0 and not d[N.IN_EMBEDDING]
               for _, d in graph.nodes(data=True))


def _input_leaves(graph: nx.DiGraph, gid: str) -> set[str]:
    return {a for a in nx.ancestors(graph, gid) if graph.nodes[a][N.ROLE] == N.INPUT}


def _single_input(graph: nx.DiGraph, gid: str) -> bool:
    varying = [a for a in _input_leaves(graph, gid) if not isinstance(graph.nodes[a][N.EXPR], Constant)]
    return len(varying) <= 1


def _embedding_leaves(graph: nx.DiGraph, gid: str) -> list[str]:
    return sorted(_input_leaves(graph, gid), key=lambda a: int(a[1:]))
