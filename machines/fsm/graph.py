"""Provides state diagrams of finite automata and transducers: a networkx graph, DOT, Mermaid and a PNG."""

from __future__ import annotations

import io
import json

import networkx as nx

from machines.fsm.dfa import DFA
from machines.fsm.nfa import NFA
from machines.fsm.transducer import Mealy, Moore

Automaton = DFA | NFA | Mealy | Moore


def _edge_labels(machine: Automaton) -> dict[tuple[str, str], list[str]]:
    labels: dict[tuple[str, str], list[str]] = {}
    for (source, symbol), target in machine.transitions.items():
        if isinstance(machine, Mealy):
            target, output = target
            symbol = f"{symbol}/{output}"
        targets = sorted(target) if isinstance(machine, NFA) else [target]
        for t in targets:
            labels.setdefault((source, t), []).append(symbol or "ε")
    return labels


def to_networkx(machine: Automaton) -> nx.DiGraph:
    """One node per state (attributes start, accepting, output) and one edge per connected pair, whose
    'symbols' attribute lists what it reads (ε for epsilon) and 'label' joins them with commas."""
    graph = nx.DiGraph(name=machine.name)
    accepting = getattr(machine, "accepting", frozenset())
    for q in machine.states:
        output = machine.output[q] if isinstance(machine, Moore) else None
        graph.add_node(q, start=q == machine.start, accepting=q in accepting, output=output)
    for (source, target), symbols in _edge_labels(machine).items():
        graph.add_edge(source, target, symbols=symbols, label=",".join(symbols))
    return graph


def _node_label(graph: nx.DiGraph, q: str) -> str:
    output = graph.nodes[q]["output"]
    return q if output is None else f"{q}/{output}"


def to_dot(machine: Automaton) -> str:
    """Graphviz DOT text: accepting states drawn as double circles, an arrow into the start state."""
    graph = to_networkx(machine)
    quote = json.dumps  # a JSON string is a valid DOT quoted string
    lines = [f"digraph {quote(machine.name or 'automaton')} {{", "  rankdir=LR;",
             '  "" [shape=none, label=""];']
    for q, data in graph.nodes(data=True):
        shape = "doublecircle" if data["accepting"] else "circle"
        lines.append(f"  {quote(q)} [shape={shape}, label={quote(_node_label(graph, q))}];")
    lines.append(f'  "" -> {quote(machine.start)};')
    for source, target, data in graph.edges(data=True):
        lines.append(f"  {quote(source)} -> {quote(target)} [label={quote(data['label'])}];")
    return "\n".join([*lines, "}"]) + "\n"


def to_mermaid(machine: Automaton) -> str:
    """Mermaid flowchart text: accepting states in double circles, states as n0, n1, ... with labels."""
    graph = to_networkx(machine)
    ids = {q: f"n{i}" for i, q in enumerate(machine.states)}

    def text(value: str) -> str:
        return '"' + value.replace('"', "#quot;") + '"'

    lines = ["flowchart LR", "  start[ ] --> " + ids[machine.start], "  style start fill:none,stroke:none"]
    for q, data in graph.nodes(data=True):
        ring = ("(((", ")))") if data["accepting"] else ("((", "))")
        lines.append(f"  {ids[q]}{ring[0]}{text(_node_label(graph, q))}{ring[1]}")
    for source, target, data in graph.edges(data=True):
        lines.append(f"  {ids[source]} -->|{text(data['label'])}| {ids[target]}")
    return "\n".join(lines) + "\n"


def to_png(machine: Automaton, *, size: float = 6.0, dpi: int = 100) -> bytes:
    """A PNG of the state diagram (networkx layout drawn with matplotlib, no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    graph = to_networkx(machine)
    layout = nx.circular_layout(graph) if len(graph) <= 12 else nx.spring_layout(graph, seed=0)
    figure = Figure(figsize=(size, size), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(machine.name or type(machine).__name__)
    node_size = 900 if len(graph) <= 30 else 200
    colours = ["#d8ecff" if q == machine.start else "white" for q in graph]
    nx.draw_networkx_nodes(graph, layout, ax=axes, node_size=node_size, node_color=colours,
                           edgecolors="black")
    accepting = [q for q, d in graph.nodes(data=True) if d["accepting"]]
    nx.draw_networkx_nodes(graph, layout, nodelist=accepting, ax=axes, node_size=node_size * 0.6,
                           node_color="none", edgecolors="black")
    labels = {q: _node_label(graph, q) for q in graph}
    nx.draw_networkx_labels(graph, layout, labels=labels, ax=axes, font_size=9 if len(graph) <= 30 else 6)
    # Self-loops are written beside their state, away from the middle: drawn as arcs they hide under it.
    middle = sum(layout.values()) / len(layout)
    for q in graph:
        if graph.has_edge(q, q):
            away = layout[q] - middle
            away = away / (float((away ** 2).sum()) ** 0.5 or 1.0) * 24
            axes.annotate(f"↻ {graph.edges[q, q]['label']}", layout[q], xytext=(away[0], away[1]),
                          textcoords="offset points", ha="center", va="center", fontsize=8, color="#444")
    straight = [(u, v) for u, v in graph.edges if u != v and not graph.has_edge(v, u)]
    curved = [(u, v) for u, v in graph.edges if u != v and graph.has_edge(v, u)]
    for edges, style in ((straight, "arc3"), (curved, "arc3,rad=0.2")):
        nx.draw_networkx_edges(graph, layout, edgelist=edges, ax=axes, node_size=node_size, arrows=True,
                               arrowsize=14, connectionstyle=style)
        nx.draw_networkx_edge_labels(graph, layout, ax=axes, font_size=8, connectionstyle=style,
                                     edge_labels={e: graph.edges[e]["label"] for e in edges})
    axes.margins(0.15)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()
