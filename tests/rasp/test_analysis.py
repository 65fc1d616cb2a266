"""The analyser: layers and heads per layer as the original REPL's `best` scheduler reports them
(reference §3), and the flow graph as networkx, DOT and PNG."""

import networkx as nx
import pytest

from rasp.analysis import KIND, LAYER, depths, draw_png, flow_graph, save_flow, schedule, to_dot

# (program, layers, heads per layer): figures of the original's analyser.
SCHEDULES = [
    ("length", 1, (1,)),
    ("hist", 1, (2,)),
    ("hist_bos", 1, (1,)),
    ("reverse", 2, (1, 1)),
    ("sorted", 2, (2, 1)),
    ("sort_bos", 2, (1, 1)),
    ("frac_prevs", 1, (1,)),
    ("hist2_bos", 2, (2, 1)),
    ("sort_by_most_freq", 3, (2, 1, 1)),
    ("dyck1_ptf", 2, (1, 1)),
    ("dyck2_ptf", 4, (1, 2, 1, 1)),
    ("dyck3_ptf", 4, (1, 2, 1, 1)),
    ("longsum", 5, (2, 1, 1, 1, 1)),
]

DEFINITIONS = """
hist = selector_width(select(tokens, tokens, ==));
sorted = sort(tokens, tokens);
frac_prevs = aggregate(select(indices, indices, <=), indicator(tokens == "l"));
"""


@pytest.fixture(scope="module")
def analysed(paper_session):
    paper_session.run(DEFINITIONS)
    return paper_session


@pytest.mark.parametrize(("name", "layers", "heads"), SCHEDULES)
def test_layers_and_heads_match_the_original_analyser(analysed, name, layers, heads):
    result = schedule(analysed.value(name))
    assert (result.layers, result.heads) == (layers, heads)


# (program, layers, heads per layer): a renamed copy of a selector is the same head; a selector
# written twice is two.
COPIES = [
    ("s1 = select(indices, indices, <=); s2 = s1;"
     " a = aggregate(s1, indicator(tokens == \"l\")) + aggregate(s2, indices);", 1, (1,)),
    ("s1 = select(indices, indices, <=); s2 = s1; s3 = s2;"
     " a = aggregate(s1, indices) + aggregate(s3, indices) + aggregate(s2, indices + 1);", 1, (1,)),
    ("s1 = select(indices, indices, <=); s2 = select(indices, indices, <=);"
     " a = aggregate(s1, indices) + aggregate(s2, indices);", 1, (2,)),
    ("s1 = select(indices, indices, ==); s2 = s1; b = aggregate(s1, indices);"
     " a = aggregate(select(b, indices, ==), indices) + aggregate(s2, b);", 2, (1, 2)),
    ("def f(s) { return s; } s1 = select(tokens, tokens, ==); s2 = f(s1);"
     " a = aggregate(s1, indices) + aggregate(s2, indices);", 1, (1,)),
]


@pytest.mark.parametrize(("source", "layers", "heads"), COPIES)
def test_a_copied_selector_is_one_head(source, layers, heads):
    from rasp.session import Session

    session = Session()
    session.run(source)
    result = schedule(session.value("a"))
    assert (result.layers, result.heads) == (layers, heads)


def test_inputs_are_layer_zero(analysed):
    assert schedule(analysed.value("indices")).layers == 0
    assert set(depths(analysed.value("tokens")).values()) == {0}


def test_flow_graph_is_a_dag_with_layers(analysed):
    graph = flow_graph(analysed.value("reverse"))
    assert nx.is_directed_acyclic_graph(graph)
    assert max(d[LAYER] for _, d in graph.nodes(data=True)) == 2
    assert {d[KIND] for _, d in graph.nodes(data=True)} == {"s-op", "selector"}
    last = list(graph.nodes)[-1]
    assert graph.nodes[last]["name"] == "reverse" and graph.out_degree(last) == 0


def test_dot_names_every_node_and_edge(analysed):
    graph = flow_graph(analysed.value("sorted"))
    dot = to_dot(graph, "sorted")
    assert dot.startswith('digraph "sorted" {') and dot.rstrip().endswith("}")
    assert dot.count(" -> ") == graph.number_of_edges()
    assert all(f"  {node} [" in dot or f"    {node} [" in dot for node in graph.nodes)


def test_png_and_files(analysed, tmp_path):
    png = draw_png(flow_graph(analysed.value("hist_bos")))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    paths = save_flow(analysed.value("hist_bos"), tmp_path / "hist_bos")
    assert [p.name for p in paths] == ["hist_bos.dot", "hist_bos.png"]
    assert all(p.stat().st_size > 0 for p in paths)
