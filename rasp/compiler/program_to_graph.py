"""Pass 1: a RASP program into a networkx graph of s-ops and selectors, with compilability checks."""

from __future__ import annotations

import networkx as nx

from rasp.compiler import nodes as N
from rasp.compiler.errors import CompileError
from rasp.sops import (
    Aggregate,
    Constant,
    Indices,
    Map,
    Node,
    Select,
    Selector,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorWidth,
    SOp,
    Tokens,
    topological,
)

_KNOWN = (
    Tokens,
    Indices,
    Constant,
    Map,
    Aggregate,
    SelectorWidth,
    Select,
    SelectorAnd,
    SelectorOr,
    SelectorNot,
)


def _kind(node: Node) -> str:
    return type(node).__name__.lower()


def _role(node: Node) -> str:
    if isinstance(node, (Tokens, Indices, Constant)):
        return N.INPUT
    if isinstance(node, Selector):
        return N.SELECTOR
    if isinstance(node, Aggregate):
        return N.ATTENTION
    return N.MLP


def program_to_graph(program: SOp) -> nx.DiGraph:
    """The program as a DiGraph (edges from each input to its reader), root id in graph.graph['root'].

    Node ids are 'n0', 'n1', ... in dependency order. A selector width becomes an attention node
    (its 'scratch' output, 1/(w+1)) read by an MLP node (the width). Raises CompileError listing
    every node no transformer block can compute.
    """
    if not isinstance(program, SOp):
        raise CompileError([(repr(program), "only an s-op can be compiled (not a selector or atom)")])
    graph = nx.DiGraph()
    ids: dict[int, str] = {}
    used: set[str] = set()
    problems: list[tuple[str, str]] = []
    shared: dict[tuple, str] = {}
    for k, node in enumerate(topological(program)):
        gid = f"n{k}"
        if isinstance(node, Selector):
            # selectors written twice alike are one attention pattern (one head, as the analyser's)
            signature = (
                type(node),
                tuple(ids[id(c)] for c in node.children()),
                getattr(node, "comparison", None),
            )
            if signature in shared:
                ids[id(node)] = shared[signature]
                continue
            shared[signature] = gid
        ids[id(node)] = gid
        name = _unique(getattr(node, "name", "") or f"{_kind(node)}_{k}", used)
        args = [ids[id(c)] for c in node.children()]
        data = {N.EXPR: node, N.ARGS: args, N.NAME: name, N.ROLE: _role(node), N.SYNTHETIC: False}
        if isinstance(node, Map):
            data[N.FN] = node.fn
        if not isinstance(node, _KNOWN):
            problems.append((name, f"no transformer block computes a {type(node).__name__}"))
        if isinstance(node, SelectorWidth):
            scratch = f"{gid}s"
            graph.add_node(
                scratch,
                **{
                    N.EXPR: node,
                    N.ARGS: args,
                    N.NAME: _unique(name + ".attn", used),
                    N.ROLE: N.ATTENTION,
                    N.SYNTHETIC: True,
                },
            )
            for child in args:
                graph.add_edge(child, scratch)
            data.update({N.ARGS: [scratch], N.FN: _width_from_scratch})
            args = [scratch]
        graph.add_node(gid, **data)
        for child in args:
            graph.add_edge(child, gid)
    graph.graph["root"] = ids[id(program)]
    if problems:
        raise CompileError(problems)
    return graph


def _width_from_scratch(x: float) -> int:
    return round(1 / x) - 1


def _unique(name: str, used: set[str]) -> str:
    candidate, k = name, 1
    while candidate in used:
        k += 1
        candidate = f"{name}_{k}"
    used.add(candidate)
    return candidate


def leaf_selects(graph: nx.DiGraph, selector: str) -> list[str]:
    """The Select nodes a (possibly composed) selector is built from."""
    if isinstance(graph.nodes[selector][N.EXPR], Select):
        return [selector]
    return [leaf for arg in graph.nodes[selector][N.ARGS] for leaf in leaf_selects(graph, arg)]
