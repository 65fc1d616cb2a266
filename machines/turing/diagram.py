"""Provides pictures of Turing machines as values: space-time diagrams (image, PNG, SVG, text) and the
state graph (networkx, DOT, Mermaid). Nothing here writes files."""

from __future__ import annotations

import io
from collections.abc import Sequence

import networkx as nx
import numpy as np

from machines.core import Snapshot
from machines.turing.machine import TMConfig, TuringMachine

BLANK_COLOUR = (255, 255, 255)
HEAD_COLOUR = (220, 40, 40)
GAP_COLOUR = (160, 160, 160)
# Non-blank symbols get these in alphabet order (black first: 2-symbol machines draw as usual).
PALETTE = ((0, 0, 0), (31, 119, 180), (255, 127, 14), (44, 160, 44), (148, 103, 189), (140, 86, 75),
           (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))


def _window(configs: Sequence[TMConfig], tape: int) -> tuple[int, int]:
    """The smallest range of positions holding every visited head and non-blank cell of one tape."""
    lo = min(min(c.tapes[tape].start, c.tapes[tape].head) for c in configs)
    hi = max(max(c.tapes[tape].start + len(c.tapes[tape].cells) - 1, c.tapes[tape].head) for c in configs)
    return lo, hi


def spacetime(machine: TuringMachine, snapshots: Sequence[Snapshot[TMConfig]]) -> list[np.ndarray]:
    """Per tape, a (time, position) array of alphabet indices (the blank is -1, the head adds no mark).

    Rows follow `snapshots`; columns span every cell any of them touches.
    """
    configs = [s.config for s in snapshots]
    index = {s: i for i, s in enumerate(a for a in machine.alphabet if a != machine.blank)}
    grids = []
    for t in range(machine.tapes):
        lo, hi = _window(configs, t)
        grid = np.full((len(configs), hi - lo + 1), -1, dtype=np.int16)
        for row, config in enumerate(configs):
            tape = config.tapes[t]
            for i, symbol in enumerate(tape.cells):
                if symbol != machine.blank:
                    grid[row, tape.start + i - lo] = index[symbol]
        grids.append(grid)
    return grids


def spacetime_image(machine: TuringMachine, snapshots: Sequence[Snapshot[TMConfig]], *,
                    cell: int = 4) -> np.ndarray:
    """An RGB image (uint8, height x width x 3): one row of `cell`-pixel squares per snapshot, time
    going down, heads in red, tapes side by side with a grey gap."""
    if cell < 1:
        raise ValueError(f"cell={cell!r} must be a positive number of pixels")
    configs = [s.config for s in snapshots]
    colours = np.array([*PALETTE * (1 + len(machine.alphabet) // len(PALETTE)), BLANK_COLOUR], dtype=np.uint8)
    panels = []
    for t, grid in enumerate(spacetime(machine, snapshots)):
        lo, _ = _window(configs, t)
        rgb = colours[grid]  # index -1 picks the last colour: the blank
        heads = [c.tapes[t].head - lo for c in configs]
        rgb[np.arange(len(configs)), heads] = HEAD_COLOUR
        if panels:
            panels.append(np.full((len(configs), 1, 3), GAP_COLOUR, dtype=np.uint8))
        panels.append(rgb)
    image = np.concatenate(panels, axis=1)
    return np.repeat(np.repeat(image, cell, axis=0), cell, axis=1)


def png_bytes(image: np.ndarray) -> bytes:
    """PNG file contents of an RGB image."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image, mode="RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def svg_bytes(image: np.ndarray, *, title: str = "") -> bytes:
    """SVG file contents showing an RGB image with axes (position across, step down)."""
    from matplotlib.figure import Figure  # no pyplot: no global state, no display needed

    height, width = image.shape[:2]
    figure = Figure(figsize=(max(3.0, min(12.0, width / 40)), max(3.0, min(12.0, height / 40))))
    axes = figure.add_subplot()
    axes.imshow(image, interpolation="nearest", aspect="auto")
    axes.set_xlabel("tape cells")
    axes.set_ylabel("time (rows of snapshots)")
    if title:
        axes.set_title(title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    return buffer.getvalue()


def spacetime_text(machine: TuringMachine, snapshots: Sequence[Snapshot[TMConfig]]) -> str:
    """One line per snapshot: step, state and each tape, blanks as '.', the head's cell in brackets."""
    configs = [s.config for s in snapshots]
    width = max(len(a) for a in machine.alphabet)
    step_width = len(str(snapshots[-1].step))
    state_width = max(len(c.state) for c in configs)
    windows = [_window(configs, t) for t in range(machine.tapes)]
    lines = []
    for snapshot in snapshots:
        config = snapshot.config
        tapes = []
        for tape, (lo, hi) in zip(config.tapes, windows, strict=True):
            cells = []
            for position in range(lo, hi + 1):
                symbol = tape.at(position, machine.blank)
                shown = ("." if symbol == machine.blank else symbol).center(width)
                cells.append(f"[{shown}]" if position == tape.head else f" {shown} ")
            tapes.append("".join(cells))
        lines.append(f"{snapshot.step:>{step_width}} {config.state:<{state_width}} " + " | ".join(tapes))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _label(rule) -> str:
    reads, writes = ",".join(rule.read), ",".join(rule.write)
    return f"{reads}→{writes},{''.join(m.name for m in rule.moves)}"


def state_graph(machine: TuringMachine) -> nx.DiGraph:
    """The state graph: a node per state (attributes `start`, `halt`), an edge per pair of states
    joined by rules, its `labels` listing them as 'read→write,move'."""
    graph = nx.DiGraph(name=machine.name)
    for state in machine.states:
        graph.add_node(state, start=state == machine.start, halt=state in machine.halt_states)
    for rule in machine.rules:
        if graph.has_edge(rule.state, rule.next_state):
            graph.edges[rule.state, rule.next_state]["labels"].append(_label(rule))
        else:
            graph.add_edge(rule.state, rule.next_state, labels=[_label(rule)])
    return graph


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(graph: nx.DiGraph) -> str:
    """Graphviz DOT text of a state graph (halt states double circles, an arrow into the start)."""
    lines = [f"digraph {_dot_quote(graph.graph.get('name') or 'machine')} {{", "  rankdir=LR;",
             "  node [shape=circle];", '  __start [shape=point, label=""];']
    for node, data in graph.nodes(data=True):
        shape = ", shape=doublecircle" if data["halt"] else ""
        lines.append(f"  {_dot_quote(node)} [label={_dot_quote(node)}{shape}];")
        if data["start"]:
            lines.append(f"  __start -> {_dot_quote(node)};")
    for source, target, data in graph.edges(data=True):
        label = "\\n".join(label.replace("\\", "\\\\").replace('"', '\\"') for label in data["labels"])
        lines.append(f'  {_dot_quote(source)} -> {_dot_quote(target)} [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_mermaid(graph: nx.DiGraph) -> str:
    """Mermaid flowchart text of a state graph (node ids n0, n1, ...; names as labels)."""
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node, data in graph.nodes(data=True):
        label = f'"{_mermaid_text(node)}"'
        lines.append(f"  {ids[node]}((({label})))" if data["halt"] else f"  {ids[node]}(({label}))")
        if data["start"]:
            lines.append(f"  start_([start]) --> {ids[node]}")
    for source, target, data in graph.edges(data=True):
        label = "<br>".join(_mermaid_text(label) for label in data["labels"])
        lines.append(f'  {ids[source]} -->|"{label}"| {ids[target]}')
    return "\n".join(lines) + "\n"
