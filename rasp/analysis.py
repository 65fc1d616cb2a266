"""Provides the original REPL's analysis of a program: layers, heads per layer, and the flow graph.

`schedule` is the original's `best` (greedy) scheduler: every s-op goes to the earliest layer its
inputs allow (an aggregate one layer after its values and no earlier than its selector, which sits
one layer after its keys and queries; elementwise operations stay in their inputs' layer). A
layer needs one head per distinct selector its aggregates use; a renamed copy (`s2 = s1;`) is
the same selector. `flow_graph` gives the computation as a networkx DiGraph; `to_dot` and
`draw_png` render it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from rasp.sops import (
    Aggregate,
    Node,
    Select,
    Selector,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorWidth,
    SOp,
    topological,
)

LAYER = "layer"
"""Node attribute keys of the flow graph (each node is the string id `n<k>`)."""
LABEL = "label"
KIND = "kind"
NAME = "name"


def depths(root: Node) -> dict[int, int]:
    """The earliest layer of every node `root` depends on, by node id (inputs are layer 0)."""
    depth: dict[int, int] = {}
    for node in topological(root):
        kids = [depth[id(c)] for c in node.children()]
        match node:
            case Select():
                depth[id(node)] = max(kids) + 1
            case SelectorAnd() | SelectorOr() | SelectorNot():
                depth[id(node)] = max(kids)
            case Aggregate(selector=selector, sop=sop):
                depth[id(node)] = max(depth[id(sop)] + 1, depth[id(selector)])
            case SelectorWidth(selector=selector):
                depth[id(node)] = max(1, depth[id(selector)])
            case _:
                depth[id(node)] = max(kids, default=0)
    return depth


@dataclass(frozen=True, slots=True)
class Schedule:
    """How many layers a program needs and how many attention heads each layer needs."""

    layers: int
    heads: tuple[int, ...]
    """Heads per layer, for layers 1 .. `layers`."""

    @property
    def max_heads(self) -> int:
        """The most heads any layer needs."""
        return max(self.heads, default=0)


def schedule(root: SOp) -> Schedule:
    """The number of layers and the heads per layer `root` needs (the original's `best` scheduler)."""
    depth = depths(root)
    heads: dict[int, set[int]] = {}
    layers = 0
    for node in topological(root):
        if not isinstance(node, SOp):
            continue
        layer = depth[id(node)]
        layers = max(layers, layer)
        if isinstance(node, (Aggregate, SelectorWidth)):
            heads.setdefault(layer, set()).add(id(node.selector.origin))
    return Schedule(layers, tuple(len(heads.get(i, ())) for i in range(1, layers + 1)))


def flow_graph(root: Node) -> nx.DiGraph:
    """The computation as a DiGraph: an edge from each input node to the node computed from it.

    Node ids are `n0, n1, ...` in dependency order; attributes: LABEL (the operation), NAME (the
    program's name for it, or ''), KIND ('s-op' or 'selector') and LAYER (from `depths`).
    """
    depth = depths(root)
    graph = nx.DiGraph()
    ids: dict[int, str] = {}
    for k, node in enumerate(topological(root)):
        ids[id(node)] = f"n{k}"
        graph.add_node(
            f"n{k}",
            **{
                LABEL: node.label,
                NAME: getattr(node, "name", ""),
                KIND: "selector" if isinstance(node, Selector) else "s-op",
                LAYER: depth[id(node)],
            },
        )
        for child in node.children():
            graph.add_edge(ids[id(child)], f"n{k}")
    return graph


def _shown(graph: nx.DiGraph, node: str) -> str:
    data = graph.nodes[node]
    return data[NAME] or data[LABEL]


def to_dot(graph: nx.DiGraph, title: str = "rasp") -> str:
    """The flow graph in Graphviz DOT: s-ops as boxes, selectors as ellipses, grouped by layer."""
    lines = [f'digraph "{_escape(title)}" {{', "  rankdir=BT;"]
    for layer in sorted({d[LAYER] for _, d in graph.nodes(data=True)}):
        lines.append(f'  subgraph "cluster_{layer}" {{ label="layer {layer}";')
        for node, data in graph.nodes(data=True):
            if data[LAYER] == layer:
                shape = "ellipse" if data[KIND] == "selector" else "box"
                lines.append(f'    {node} [label="{_escape(_shown(graph, node))}", shape={shape}];')
        lines.append("  }")
    lines += [f"  {a} -> {b};" for a, b in graph.edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def draw_png(graph: nx.DiGraph, title: str = "") -> bytes:
    """The flow graph as a PNG picture, layers from bottom (inputs) to top."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    positions = _layout(graph)
    ranks = max((y for _, y in positions.values()), default=0) + 1
    width = max((sum(1 for _, y in positions.values() if y == r) for r in range(int(ranks))), default=1)
    figure, axes = plt.subplots(figsize=(max(6, 1.9 * width), max(4, 1.1 * ranks + 1)))
    for layer in sorted({d[LAYER] for _, d in graph.nodes(data=True)}):
        heights = [positions[n][1] for n, d in graph.nodes(data=True) if d[LAYER] == layer]
        axes.axhspan(min(heights) - 0.45, max(heights) + 0.45, color="#f0f0f0" if layer % 2 else "#fafafa",
                     zorder=0)
        axes.text(-width / 2 - 0.9, (min(heights) + max(heights)) / 2, f"layer {layer}", fontsize=8,
                  va="center", color="#555555")
    colours = ["#9ecae1" if graph.nodes[n][KIND] == "s-op" else "#fdae6b" for n in graph.nodes]
    nx.draw_networkx_edges(graph, positions, ax=axes, arrows=True, edge_color="#888888")
    nx.draw_networkx_nodes(graph, positions, ax=axes, node_color=colours, node_size=900)
    labels = {n: _clip(_shown(graph, n)) for n in graph.nodes}
    nx.draw_networkx_labels(graph, positions, labels, ax=axes, font_size=7)
    axes.set_title(title or "RASP computation flow (blue: s-ops, orange: selectors)")
    axes.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Positions: layers from bottom to top, and inside a layer one row per step of the longest
    path within it; nodes in a row are ordered by the mean position of their inputs."""
    order = list(nx.topological_sort(graph))
    step: dict[str, int] = {}
    for node in order:
        same = [step[p] + 1 for p in graph.predecessors(node)
                if graph.nodes[p][LAYER] == graph.nodes[node][LAYER]]
        step[node] = max(same, default=0)
    base, rows = {}, 0
    for layer in sorted({graph.nodes[n][LAYER] for n in order}):
        base[layer] = rows
        rows += 1 + max(step[n] for n in order if graph.nodes[n][LAYER] == layer)
    by_row: dict[int, list[str]] = {}
    for node in order:
        by_row.setdefault(base[graph.nodes[node][LAYER]] + step[node], []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    for row in sorted(by_row):
        def barycentre(node: str) -> float:
            xs = [positions[p][0] for p in graph.predecessors(node) if p in positions]
            return sum(xs) / len(xs) if xs else 0.0

        ordered = sorted(by_row[row], key=lambda n: (barycentre(n), int(n[1:])))
        for k, node in enumerate(ordered):
            positions[node] = (k - (len(ordered) - 1) / 2, float(row))
    return positions


def _clip(text: str, size: int = 22) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def save_flow(root: Node, stem: Path) -> list[Path]:
    """Writes `<stem>.dot` and `<stem>.png` for `root` (atomically) and returns their paths."""
    from machines.files import write_bytes, write_text

    graph = flow_graph(root)
    dot, png = stem.with_suffix(".dot"), stem.with_suffix(".png")
    write_text(dot, to_dot(graph, root.display_name))
    write_bytes(png, draw_png(graph, root.display_name))
    return [dot, png]
