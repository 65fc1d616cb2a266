"""Diagrams: the networkx graph, DOT, Mermaid and PNG of automata and transducers."""

import io

from PIL import Image

from machines.fsm import Moore, make_divisibility, regex_to_nfa, to_dot, to_mermaid, to_networkx, to_png

DIV3 = make_divisibility(3)


def test_networkx_graph_has_states_and_merged_edges():
    graph = to_networkx(regex_to_nfa("a|b"))
    assert graph.nodes["s0"]["start"] and graph.nodes["s1"]["accepting"]
    assert any(d["symbols"] == ["ε"] for _, _, d in graph.edges(data=True))
    div3 = to_networkx(DIV3)
    assert div3.edges["r0", "r1"]["label"] == "1" and div3.number_of_edges() == 6


def test_dot_and_mermaid_text():
    dot = to_dot(DIV3)
    assert '"r0" [shape=doublecircle, label="r0"];' in dot and '"" -> "r0";' in dot
    assert '"r1" -> "r2" [label="0"];' in dot
    mermaid = to_mermaid(DIV3)
    assert mermaid.startswith("flowchart LR") and 'n0((("r0")))' in mermaid and 'n1 -->|"0"| n2' in mermaid


def test_moore_states_show_their_output():
    moore = Moore(("s",), ("a",), ("x",), {("s", "a"): "s"}, {"s": "x"}, "s")
    assert 'label="s/x"' in to_dot(moore)


def test_png_is_a_picture():
    data = to_png(DIV3, size=3, dpi=50)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.width > 50 and image.height > 50
