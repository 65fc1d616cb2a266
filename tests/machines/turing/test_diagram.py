"""Tests the pictures: space-time grids, images, PNG/SVG bytes and text; state graphs, DOT and Mermaid."""

import io

import numpy as np
from PIL import Image

from machines.core import run
from machines.turing.bbchallenge import load
from machines.turing.diagram import (
    BLANK_COLOUR,
    HEAD_COLOUR,
    PALETTE,
    png_bytes,
    spacetime,
    spacetime_image,
    spacetime_text,
    state_graph,
    svg_bytes,
    to_dot,
    to_mermaid,
)
from machines.turing.tm_format import load as load_tm

BB2 = load("1RB1LB_1LA1RZ").machine
BB2_RUN = run(BB2, "", max_steps=10).snapshots
# BB(2) by hand: A0->1RB, B0->1LA, A1->1LB, B0->1LA, A0->1RB, B1->1RZ, over cells -2..1.
BB2_GRID = [[-1, -1, -1, -1], [-1, -1, 0, -1], [-1, -1, 0, 0], [-1, -1, 0, 0], [-1, 0, 0, 0], [0, 0, 0, 0],
            [0, 0, 0, 0]]
BB2_HEADS = [2, 3, 2, 1, 0, 1, 2]


def test_spacetime_grid():
    (grid,) = spacetime(BB2, BB2_RUN)
    assert grid.tolist() == BB2_GRID


def test_spacetime_image_colours_cells_and_heads():
    image = spacetime_image(BB2, BB2_RUN, cell=3)
    assert image.shape == (7 * 3, 4 * 3, 3) and image.dtype == np.uint8
    cells = image[::3, ::3]
    for row, (values, head) in enumerate(zip(BB2_GRID, BB2_HEADS, strict=True)):
        for column, value in enumerate(values):
            expected = HEAD_COLOUR if column == head else (BLANK_COLOUR if value < 0 else PALETTE[value])
            assert tuple(cells[row, column]) == expected


def test_png_and_svg_bytes():
    image = spacetime_image(BB2, BB2_RUN, cell=2)
    decoded = np.asarray(Image.open(io.BytesIO(png_bytes(image))).convert("RGB"))
    assert np.array_equal(decoded, image)
    svg = svg_bytes(image, title="BB(2)")
    assert svg.startswith(b"<?xml") and b"<svg" in svg


def test_spacetime_text():
    assert spacetime_text(BB2, BB2_RUN) == (
        "0 A  .  . [.] .\n"
        "1 B  .  .  1 [.]\n"
        "2 A  .  . [1] 1\n"
        "3 B  . [.] 1  1\n"
        "4 A [.] 1  1  1\n"
        "5 B  1 [1] 1  1\n"
        "6 Z  1  1 [1] 1\n")


TWO_TAPES = load_tm("tapes: 2\nstart: A\nhalt: H\nA 1 _ -> 1 ab R R A\nA _ _ -> _ _ L S H\n").machine


def test_two_tapes_side_by_side():
    snapshots = run(TWO_TAPES, ("11", ""), max_steps=10).snapshots
    grids = spacetime(TWO_TAPES, snapshots)
    assert [g.shape for g in grids] == [(4, 3), (4, 3)]
    image = spacetime_image(TWO_TAPES, snapshots, cell=1)
    assert image.shape == (4, 3 + 1 + 3, 3)
    assert spacetime_text(TWO_TAPES, snapshots).splitlines() == [
        "0 A [1 ] 1   .   | [. ] .   .",
        "1 A  1  [1 ] .   |  ab [. ] .",
        "2 A  1   1  [. ] |  ab  ab [. ]",
        "3 H  1  [1 ] .   |  ab  ab [. ]",
    ]


def test_state_graph():
    graph = state_graph(BB2)
    assert dict(graph.nodes(data=True)) == {"A": {"start": True, "halt": False},
                                            "B": {"start": False, "halt": False},
                                            "Z": {"start": False, "halt": True}}
    assert {(s, t): d["labels"] for s, t, d in graph.edges(data=True)} == {
        ("A", "B"): ["0→1,R", "1→1,L"], ("B", "A"): ["0→1,L"], ("B", "Z"): ["1→1,R"]}


def test_dot_and_mermaid():
    graph = state_graph(BB2)
    assert to_dot(graph) == (
        'digraph "1RB1LB_1LA1RZ" {\n  rankdir=LR;\n  node [shape=circle];\n'
        '  __start [shape=point, label=""];\n'
        '  "A" [label="A"];\n  __start -> "A";\n  "B" [label="B"];\n'
        '  "Z" [label="Z", shape=doublecircle];\n'
        '  "A" -> "B" [label="0→1,R\\n1→1,L"];\n  "B" -> "A" [label="0→1,L"];\n'
        '  "B" -> "Z" [label="1→1,R"];\n}\n')
    assert to_mermaid(graph) == (
        'flowchart LR\n  n0(("A"))\n  start_([start]) --> n0\n  n1(("B"))\n  n2((("Z")))\n'
        '  n0 -->|"0→1,R<br>1→1,L"| n1\n  n1 -->|"0→1,L"| n0\n  n1 -->|"1→1,R"| n2\n')


def test_quotes_are_escaped():
    machine = load_tm("start: 'say\"hi'\nhalt: h\n'say\"hi' 0 -> \"'\" R h\n").machine
    graph = state_graph(machine)
    assert '"say\\"hi"' in to_dot(graph)
    assert "say#quot;hi" in to_mermaid(graph)
