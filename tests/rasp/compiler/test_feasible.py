"""The points a staircase's coordinates take together, against brute force and the interpreter."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasp.analysis import schedule
from rasp.compiler import nodes as N
from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.feasible import _reach, feasible_indices
from rasp.compiler.lib import LIBRARY
from rasp.compiler.runs import _gap, _leaf_coordinate, _linear_coordinate, _span, radix_weights
from rasp.dialect import TRACR
from rasp.interpreter import evaluate_all

PROGRAMS = {p.name: p for p in LIBRARY}

vectors = st.lists(
    st.lists(st.integers(-2, 2), min_size=2, max_size=2), min_size=1, max_size=4, unique_by=tuple
)


@settings(max_examples=60, deadline=None)
@given(vectors, st.integers(1, 5))
def test_reach_is_every_sum_of_width_vectors(rows, max_len):
    reach = _reach(np.array(rows), max_len, 1)
    for w in range(max_len + 1):
        expected = {
            tuple(np.sum(combo, axis=0).tolist()) if w else (0, 0)
            for combo in itertools.combinations_with_replacement(rows, w)
        }
        assert {tuple(s) for s in reach[w].tolist()} == expected


def _balances(max_len: int):
    """The compiled shuffle_dyck3's graph and its three balances as runs coordinates, in radix order."""
    program = PROGRAMS["shuffle_dyck3"]
    model = compile_program(program.build(max_len), program.vocab, max_len, dialect=TRACR, values="abstract")
    graph = model.notes["graph"]
    names = {d[N.NAME]: g for g, d in graph.nodes(data=True)}
    coordinates = []
    for name in ("balance_()", "balance_{}", "balance_[]"):
        node = names[name]
        leaves = set(graph.nodes[node][N.ARGS])
        coordinates.append(_linear_coordinate(graph, node, leaves))
    return program, graph, coordinates


def test_balances_take_together_exactly_what_the_interpreter_meets():
    max_len = 5
    program, graph, coordinates = _balances(max_len)
    sizes = [len(c.groups) for c in coordinates]
    strides = np.cumprod([1, *sizes[:-1]])
    points = set(feasible_indices(graph, coordinates, strides).tolist())
    sop = graph.nodes[graph.graph["root"]][N.EXPR]
    met = set()
    for n in range(1, max_len + 1):
        for text in itertools.product(program.vocab, repeat=n):
            values = evaluate_all(sop, list(text), dialect=TRACR)
            for position in range(n):
                index = 0
                for c, stride in zip(coordinates, strides.tolist(), strict=True):
                    value = values[id(graph.nodes[c.node][N.EXPR])][1].values[position]
                    index += stride * int(np.argmin(np.abs(c.positions - value)))
                met.add(index)
    # every point met is listed, and nothing else: width 0 (all defaults) is the balanced (0, 0, 0)
    assert points == met
    assert len(points) < 0.05 * np.prod(sizes)


def test_points_are_refused_past_the_grid_limit():
    _, graph, coordinates = _balances(40)
    sizes = [len(c.groups) for c in coordinates]
    assert feasible_indices(graph, coordinates, np.cumprod([1, *sizes[:-1]])) is None  # 81³ cells


def test_a_leaf_of_the_length_has_no_points():
    _, graph, coordinates = _balances(5)
    names = {d[N.NAME]: g for g, d in graph.nodes(data=True)}
    last = _leaf_coordinate(graph, names["last"])  # length - 1: neither position nor token
    assert feasible_indices(graph, [coordinates[0], last], np.array([1, len(coordinates[0].groups)])) is None


# known answers at length 20, where any_negative is one staircase over the balances' points
DYCK3 = [
    ("([{}])" * 3 + "()", 1),
    ("({[)}]" * 3, 1),
    ("(" * 10 + "]" + ")" * 9, 0),
    ("[" * 10 + "]" * 10, 1),
    ("{}[]()" * 3 + "}{", 0),
    ("(((((((((((((((((((" + ")", 0),
    ("()" * 9 + ")(", 0),
]


@pytest.mark.parametrize(("text", "expected"), DYCK3)
def test_shuffle_dyck3_at_length_20_known_answers(text, expected):
    program = PROGRAMS["shuffle_dyck3"]
    model = compile_program(program.build(20), program.vocab, 20, dialect=TRACR, values="abstract")
    assert len(model.layers) == 2
    assert model.decode(model.forward(model.encode([list(text)])))[0][-1] == expected


def test_radix_weights_order_points_as_their_indices():
    _, graph, coordinates = _balances(6)
    fastest, weights = radix_weights([(_span(c), _gap(c)) for c in coordinates])
    assert fastest == [0, 1, 2]  # three balances alike: in the order given
    sizes = [len(c.groups) for c in coordinates]
    strides = np.cumprod([1, *sizes[:-1]])
    points = feasible_indices(graph, coordinates, strides)
    where = (points[:, None] // strides[None, :]) % np.array(sizes)[None, :]
    z = sum(w * c.positions[where[:, k]] for k, (w, c) in enumerate(zip(weights, coordinates, strict=True)))
    assert np.all(np.diff(z) > 0)


def test_min_depth_compiles_shuffle_dyck3_at_length_40_in_two_layers():
    program = PROGRAMS["shuffle_dyck3"]
    sop = program.build(40)
    model = compile_program(sop, program.vocab, 40, dialect=TRACR, values="abstract", min_depth=True)
    assert len(model.layers) == 2 and model.d_mlp > 30_000  # one staircase of 18,777 steps
    texts = [("([{}])" * 6 + "()()", 1), ("({[" * 13 + "]", 0), ("(" * 20 + ")" * 20, 1), ("{" * 39 + "]", 0)]
    decoded = model.decode(model.forward(model.encode([list(t) for t, _ in texts])))
    assert [row[-1] for row in decoded] == [expected for _, expected in texts]
    result = check_compiled(model, samples=40, seed=4)
    assert result.checked >= 40 and result.ok, str(result)


# the RASP paper's Dyck programs count brackets as round((indices + 1) * mean): with a prefix
# selector the width fixes the position (and the query's own token is one of the keys)
PTF = [
    ("dyck1_ptf", "()", {"()": "PT", "(()": "PPP", "())(": "PTFF", "(())()": "PPPTPT", ")(": "FF"}),
    ("dyck2_ptf", "(){}", {"({})": "PPPT", "({)}": "PPFF", "(){}": "PTPT", "{(}": "PPF"}),
]


@pytest.mark.parametrize(("name", "vocab", "answers"), PTF)
def test_paper_dyck_programs_at_the_analysers_depth(paper_session, name, vocab, answers):
    sop = paper_session.value(name)
    model = compile_program(sop, vocab, 16, values="abstract")
    assert len(model.layers) == schedule(sop).layers  # 2 and 4 (were 3 and 5)
    for text, expected in answers.items():
        assert model.run([list(text)]) == [list(expected)]
    result = check_compiled(model, samples=100, seed=6)
    assert result.ok and result.checked >= 100, str(result)


@pytest.mark.parametrize(("name", "vocab", "max_len"), [("dyck1_ptf", "()", 7), ("dyck2_ptf", "(){}", 5)])
def test_paper_dyck_programs_exact_on_every_input(paper_session, name, vocab, max_len):
    # abstract value sets, every input: a point the enumeration missed would show here
    model = compile_program(paper_session.value(name), vocab, max_len, values="abstract", keep_all=True)
    result = check_compiled(model)
    assert result.exhaustive and result.ok, str(result)
