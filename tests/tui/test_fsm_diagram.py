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
    graph = to_networkx(machine)
    assert traced_edges(lines) == {(u, v): data["label"] for u, v, data in graph.edges(data=True) if u != v}


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


def _box_at(middle: str, col: int) -> str:
    left = max(middle.rfind("│", 0, col), middle.rfind("║", 0, col))
    return middle[left + 1:].split()[0]


def _walk(grid: list[str], row: int, col: int, step: int) -> int:
    while grid[row][col] in "│┼":
        row += step
    return row


def traced_edges(lines) -> dict[tuple[str, str], str]:
    """Reads the edges back off a drawing by following each arc from its arrowhead to its source port."""
    grid = [line.plain for line in lines]
    width = max(map(len, grid))
    grid = [row.ljust(width + 1) for row in grid]
    middle = next(row for row in grid if "→" in row)
    found = {}
    for row, line in enumerate(grid):
        for col, char in enumerate(line):
            if char not in "▼▲":
                continue
            step = -1 if char == "▼" else 1
            track = _walk(grid, row + step, col, step)
            corner = grid[track][col]
            if corner in "┌└":
                other = next(c for c in range(col + 1, width) if grid[track][c] in "┐┘")
                low, high = col, other
            else:
                other = next(c for c in range(col - 1, -1, -1) if grid[track][c] in "┌└")
                low, high = other, col
            assert grid[_walk(grid, track - step, other, -step)][other] in "┴╧┬╤"
            label = grid[track][low + 1:high].strip("─┼") or grid[track][high + 2:].split()[0]
            found[_box_at(middle, other), _box_at(middle, col)] = label
    return found


@st.composite
def nfas(draw_from):
    states = [f"q{i}" for i in range(draw_from(st.integers(1, 6)))]
    targets = st.sets(st.sampled_from(states), min_size=1)
    table = {q: {s: sorted(draw_from(targets)) for s in draw_from(st.sets(st.sampled_from(["a", "b", ""])))}
             for q in states}
    return NFA.from_dict(table, start=states[0], accepting=draw_from(st.sets(st.sampled_from(states))))


@settings(max_examples=60)
@given(st.one_of(dfas(), nfas()), st.integers(20, 120))
def test_any_drawing_fits_and_its_arcs_lead_back_to_the_edges(machine, width):
    graph = to_networkx(machine)
    lines = draw(graph, width=width)
    if lines is None:
        return
    assert all(len(line) <= width for line in lines)
    plain = "\n".join(line.plain for line in lines)
    for q in graph:
        assert sum(word.startswith(q) and word[len(q):] in ("", "│", "║") for word in plain.split()) == 1
    assert traced_edges(lines) == {(u, v): data["label"] for u, v, data in graph.edges(data=True) if u != v}
    assert plain.count("╔") == sum(data["accepting"] for _, data in graph.nodes(data=True))
    assert plain.count("→") == 1


def test_layers_follow_networkx_bfs():
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    nx.set_node_attributes(graph, False, "start")
    assert layers(graph, "a") == [["a"], ["b", "c"]]
