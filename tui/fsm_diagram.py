"""Draws an automaton's state graph as a terminal diagram: boxes in BFS layers joined by labelled arcs.

States stand in one row, ordered by their BFS layer from the start state (wider gaps between layers).
Each edge to a later state is an arc above the row, each edge to an earlier state an arc below it, every
arc on a track of its own; self-loops are written inside their box as ↻label. Accepting states have a
double border, the start state an arrow, current states are reversed and edges that just fired yellow.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx
from rich.text import Text

CURRENT = "bold reverse"
FIRED = "bold yellow"
INSIDE_LAYER_GAP, BETWEEN_LAYERS_GAP = 2, 4
MAX_TRACKS = 12
"""Arcs per side beyond which the drawing is too tall to follow."""

_SINGLE = dict(tl="┌", tr="┐", bl="└", br="┘", h="─", v="│", up="┴", down="┬")
_DOUBLE = dict(tl="╔", tr="╗", bl="╚", br="╝", h="═", v="║", up="╧", down="╤")


@dataclass
class _Arc:
    source: str
    target: str
    label: str
    above: bool
    style: str
    source_x: int = 0
    target_x: int = 0
    track: int = 0
    label_x: int = 0

    @property
    def span(self) -> tuple[int, int]:
        low, high = sorted((self.source_x, self.target_x))
        return low, high


def layers(graph: nx.DiGraph, start: str) -> list[list[str]]:
    """States in BFS layers from `start`, in graph order within a layer; unreachable states last."""
    found = [list(layer) for layer in nx.bfs_layers(graph, [start])]
    reached = {q for layer in found for q in layer}
    order = {q: i for i, q in enumerate(graph)}
    found = [sorted(layer, key=order.__getitem__) for layer in found]
    rest = [q for q in graph if q not in reached]
    return found + ([rest] if rest else [])


def draw(graph: nx.DiGraph, current: Collection[str] = (), fired: Collection[tuple[str, str]] = (),
         *, width: int = 80) -> list[Text] | None:
    """Lines of the diagram of `graph` (as `machines.fsm.graph.to_networkx` builds it), or None if it
    would not fit in `width` columns or needs more than MAX_TRACKS arcs on a side."""
    start = next(q for q, data in graph.nodes(data=True) if data["start"])
    layered = layers(graph, start)
    order = [q for layer in layered for q in layer]
    layer_of = {q: i for i, layer in enumerate(layered) for q in layer}
    position = {q: i for i, q in enumerate(order)}
    arcs = [_Arc(u, v, data["label"], position[v] > position[u], FIRED if (u, v) in fired else "")
            for u, v, data in graph.edges(data=True) if u != v]

    names = {q: _box_text(graph, q) for q in order}
    ports = {(q, above): [a for a in arcs if a.above == above and q in (a.source, a.target)]
             for q in order for above in (True, False)}
    inner = {q: max(len(names[q]) + 2, 2 * len(ports[q, True]) + 1, 2 * len(ports[q, False]) + 1)
             for q in order}
    left, x = {}, 0
    for i, q in enumerate(order):
        if i:
            x += INSIDE_LAYER_GAP if layer_of[q] == layer_of[order[i - 1]] else BETWEEN_LAYERS_GAP
        x += 2 if q == start else 0
        left[q] = x
        x += inner[q] + 2
    for (q, _), attached in ports.items():
        attached.sort(key=lambda a: (left[a.target if a.source == q else a.source], a.source == q))
        for i, arc in enumerate(attached):
            port = left[q] + 1 + (inner[q] - 2 * len(attached) + 1) // 2 + 2 * i
            if arc.source == q:
                arc.source_x = port
            else:
                arc.target_x = port
    tracks = {above: _assign_tracks([a for a in arcs if a.above == above]) for above in (True, False)}
    right = max([x, *(a.label_x + len(a.label) for a in arcs)])
    if right > width or max(tracks.values()) > MAX_TRACKS:
        return None
    return _render(graph, order, start, set(current), names, left, inner, arcs, tracks, right)


def _box_text(graph: nx.DiGraph, q: str) -> str:
    output = graph.nodes[q]["output"]
    name = q if output is None else f"{q}/{output}"
    if graph.has_edge(q, q):
        name += f" ↻{graph.edges[q, q]['label']}"
    return name


def _assign_tracks(arcs: list[_Arc]) -> int:
    """Puts each arc on the nearest track where it touches no other; returns the number of tracks.
    A label goes where no arc's vertical crosses it: inside its arc, nearest the middle, or else after
    the arc's right end, which then takes that room too."""
    ports = {x for arc in arcs for x in (arc.source_x, arc.target_x)}

    def clear(x: int, length: int) -> bool:
        return not ports.intersection(range(x, x + length))

    taken: list[list[tuple[int, int]]] = []
    for arc in sorted(arcs, key=lambda a: (a.span[1] - a.span[0], a.span)):
        low, high = arc.span
        size, middle = len(arc.label), (low + high - len(arc.label) + 1) // 2
        inside = sorted(range(low + 2, high - size), key=lambda x: abs(x - middle))
        arc.label_x = next((x for x in inside if clear(x, size)), 0)
        if not arc.label_x:
            arc.label_x = next(x for x in range(high + 2, high + 3 + len(ports)) if clear(x, size))
            high = arc.label_x + size - 1
        track = next((t for t, spans in enumerate(taken)
                      if all(high < a - 1 or low > b + 1 for a, b in spans)), len(taken))
        if track == len(taken):
            taken.append([])
        taken[track].append((low, high))
        arc.track = track
    return len(taken)


def _render(graph, order, start, current, names, left, inner, arcs, tracks, right) -> list[Text]:
    top, bottom = tracks[True], tracks[False]
    box_row = top + 1 if top else 0
    height = box_row + 3 + (bottom + 1 if bottom else 0)
    cells = [[(" ", "") for _ in range(right)] for _ in range(height)]

    def put(row: int, col: int, char: str, style: str = "") -> None:
        cells[row][col] = (char, style)

    for q in order:
        border = _DOUBLE if graph.nodes[q]["accepting"] else _SINGLE
        style = CURRENT if q in current else "bold"
        x, w = left[q], inner[q]
        put(box_row, x, border["tl"], style)
        put(box_row + 2, x, border["bl"], style)
        for i in range(w):
            put(box_row, x + 1 + i, border["h"], style)
            put(box_row + 2, x + 1 + i, border["h"], style)
        put(box_row, x + w + 1, border["tr"], style)
        put(box_row + 2, x + w + 1, border["br"], style)
        put(box_row + 1, x, border["v"], style)
        put(box_row + 1, x + w + 1, border["v"], style)
        text = names[q].center(w)
        for i, char in enumerate(text):
            put(box_row + 1, x + 1 + i, char, style)
        if q == start:
            put(box_row + 1, x - 2, "→", "bold")

    for arc in arcs:
        row = top - 1 - arc.track if arc.above else box_row + 4 + arc.track
        low, high = arc.span
        for col in range(low, high + 1):
            char = "─"
            if col == low:
                char = "┌" if arc.above else "└"
            elif col == high:
                char = "┐" if arc.above else "┘"
            put(row, col, "┼" if cells[row][col][0] == "│" else char, arc.style)
    for arc in arcs:
        row = top - 1 - arc.track if arc.above else box_row + 4 + arc.track
        near = top if arc.above else box_row + 3
        step = 1 if arc.above else -1
        for x, end in ((arc.source_x, "│"), (arc.target_x, "▼" if arc.above else "▲")):
            for r in range(row + step, near, step):
                put(r, x, "┼" if cells[r][x][0] == "─" else "│", arc.style)
            put(near, x, end, arc.style)
        border = _DOUBLE if graph.nodes[arc.source]["accepting"] else _SINGLE
        edge_row = box_row if arc.above else box_row + 2
        put(edge_row, arc.source_x, border["up" if arc.above else "down"], cells[edge_row][arc.source_x][1])
    for arc in arcs:
        row = top - 1 - arc.track if arc.above else box_row + 4 + arc.track
        for i, char in enumerate(arc.label):
            put(row, arc.label_x + i, char, arc.style or "italic")

    lines = []
    for row in cells:
        line = Text()
        for char, style in row:
            line.append(char, style)
        line.rstrip()
        lines.append(line)
    return lines
