"""The terminal state diagram of finite automata, drawn without Textual."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.fsm import DFA, NFA, make_divisibility
from machines.fsm.graph import to_networkx
from tests.tui.families import XOR_SCAN
from tui.fsm_diagram import CURRENT, FIRED, draw, layers

MOD3 = make_divisibility(3)

GOLDEN = [
    pytest.param(MOD3, [
        "      ┌────1─────┐ ┌────0─────┐",
        "      │          ▼ │          ▼",
        "  ╔═══╧═══╗    ┌───┴─┐    ┌───────┐",
        "→ ║ r0 ↻0 ║    │  r1 │    │ r2 ↻1 │",
        "  ╚═══════╝    └─┬───┘    └───┬───┘",
        "      ▲          │ ▲          │",
        "      └────1─────┘ └────0─────┘",
    ], id="divisible-by-3"),
    pytest.param(XOR_SCAN, [
        "      ┌─────1/1─────┐",
        "      │             ▼",
        "  ┌───┴────┐    ┌────────┐",
        "→ │ e ↻0/0 │    │ o ↻0/1 │",
        "  └────────┘    └───┬────┘",
        "      ▲             │",
        "      └─────1/0─────┘",
    ], id="xor-scan-mealy"),
]


@pytest.mark.parametrize(("machine", "expected"), GOLDEN)
def test_golden_drawings(machine, expected):
    lines = draw(to_networkx(machine), width=80)
    assert [line.plain for line in lines] == expected


@pytest.mark.parametrize(("machine", "expected"), [
    pytest.param(MOD3, [["r0"], ["r1"], ["r2"]], id="chain"),
    pytest.param(NFA.from_dict({"a": {"x": ["c", "b"]}, "b": {}, "c": {}, "d": {"x": ["a"]}},
                               start="a", accepting=["c"]),
                 [["a"], ["b", "c"], ["d"]], id="unreachable-last"),
])
def test_bfs_layers(machine, expected):
    graph = to_networkx(machine)
    assert layers(graph, machine.start) == expected


def _styles_of(lines, char):
    return {span.style for line in lines for span in line.spans
            if char in line.plain[span.start:span.end]}


def test_current_states_reversed_and_fired_edges_yellow():
    lines = draw(to_networkx(MOD3), current={"r1"}, fired={("r1", "r2")}, width=80)
    middle = lines[3]
    r1 = middle.plain.index("r1")
    assert {s.style for s in middle.spans if s.start <= r1 < s.end} == {CURRENT}
    r0 = middle.plain.index("r0")
    assert {s.style for s in middle.spans if s.start <= r0 < s.end} == {"bold"}
    top = lines[0]
    zero = top.plain.index("0")
    assert {s.style for s in top.spans if s.start <= zero < s.end} == {FIRED}
    one = top.plain.index("1")
    assert FIRED not in {s.style for s in top.spans if s.start <= one < s.end}


def test_too_wide_is_refused():
    assert draw(to_networkx(MOD3), width=80) is not None
    assert draw(to_networkx(MOD3), width=30) is None


@st.composite
def dfas(draw_from):
    states = [f"q{i}" for i in range(draw_from(st.integers(1, 6)))]
    table = {q: {s: draw_from(st.sampled_from(states)) for s in draw_from(st.sets(st.sampled_from("ab")))}
             for q in states}
    return DFA.from_dict(table, start=states[0], accepting=draw_from(st.sets(st.sampled_from(states))))


@settings(max_examples=60)
@given(dfas(), st.integers(20, 120))
def test_any_drawing_fits_and_shows_every_state_and_edge(machine, width):
    graph = to_networkx(machine)
    lines = draw(graph, width=width)
    if lines is None:
        return
    assert all(len(line) <= width for line in lines)
    plain = "\n".join(line.plain for line in lines)
    for q in graph:
        assert sum(word.startswith(q) and word[len(q):] in ("", "│", "║") for word in plain.split()) == 1
    loops = [(u, v) for u, v in graph.edges if u != v]
    assert plain.count("▼") + plain.count("▲") == len(loops)
    assert plain.count("╔") == sum(data["accepting"] for _, data in graph.nodes(data=True))
    assert plain.count("→") == 1


def test_layers_follow_networkx_bfs():
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    nx.set_node_attributes(graph, False, "start")
    assert layers(graph, "a") == [["a"], ["b", "c"]]
