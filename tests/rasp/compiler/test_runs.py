"""Fused MLP nodes planned along runs of their linear coordinates, and the value tables behind them."""

import math

import numpy as np
import pytest

from rasp.compiler import nodes as N
from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.infer_values import (
    FAILED,
    combinations,
    evaluate_rows,
    evaluate_split,
    infer_values,
    node_table,
)
from rasp.compiler.lib import LIBRARY, make_pair_balance
from rasp.compiler.program_to_graph import program_to_graph
from rasp.compiler.runs import plan_runs
from rasp.dialect import ORIGINAL, TRACR
from rasp.embedding import Map, SequenceMap, numerical, tokens

PROGRAMS = {p.name: p for p in LIBRARY}

# (program, length, layers): RASP's analyser needs 2. shuffle_dyck3's `any_negative` over three
# balances steps at every pair of its second and third balances' values: over the product of their
# value sets too many runs from length 20, so it is planned over the points the balances take
# together (rasp.compiler.feasible: 2,503 steps at 20). At 40 those would be 18,777 steps over
# 494,500 points (the grid is over MAX_CELLS), so its last OR waits a layer.
LAYERS = [
    ("shuffle_dyck2", 5, 2),  # every input (1,364)
    ("shuffle_dyck3", 4, 2),  # every input (1,554)
    ("shuffle_dyck2", 10, 2),
    ("shuffle_dyck2", 20, 2),
    ("shuffle_dyck2", 40, 2),
    ("shuffle_dyck3", 5, 2),
    ("shuffle_dyck3", 10, 2),
    ("shuffle_dyck3", 20, 2),
    ("shuffle_dyck3", 40, 3),
]


@pytest.mark.parametrize(("name", "length", "layers"), LAYERS)
def test_dyck_layers_and_exactness(name, length, layers):
    program = PROGRAMS[name]
    model = compile_program(program.build(length), program.vocab, length, dialect=TRACR, values="abstract")
    assert len(model.layers) == layers
    result = check_compiled(model, samples=30, seed=1)
    assert result.checked >= 30 and result.ok, str(result)


# known answers: 1 where the input is a shuffle of balanced () and {} (interleaving allowed)
DYCK2 = [
    ("({)}", 1),
    ("({})" * 10, 1),
    ("(" * 20 + ")" * 20, 1),
    ("{" * 20 + "}" * 19 + "(", 0),
    (")(", 0),
    ("(" * 39 + "}", 0),
    ("{}" * 19 + "}{", 0),
]


@pytest.mark.parametrize(("text", "expected"), DYCK2)
def test_shuffle_dyck2_at_length_40_known_answers(text, expected):
    program = PROGRAMS["shuffle_dyck2"]
    model = compile_program(program.build(40), program.vocab, 40, dialect=TRACR, values="abstract")
    assert model.decode(model.forward(model.encode([list(text)])))[0][-1] == expected


def _balances(max_len: int, inner, outer):
    """outer(inner(b0), b1) of two bracket balances, and the compiled model's graph."""
    b0 = make_pair_balance(tokens, "(", ")")
    b1 = make_pair_balance(tokens, "{", "}")
    program = SequenceMap(outer, Map(inner, b0, name="inner"), b1, name="out")
    model = compile_program(program, tuple("(){}"), max_len, dialect=TRACR, values="abstract")
    graph = model.notes["graph"]
    gid = next(g for g, d in graph.nodes(data=True) if d[N.NAME] == "out")
    return model, graph, gid


@pytest.mark.parametrize("max_len", [10, 20])
def test_a_chain_of_two_balances_is_planned_along_runs(max_len):
    model, graph, gid = _balances(max_len, lambda b: b < 0, lambda a, b: a or b < 0)
    runs = plan_runs(graph, gid)
    assert runs is not None and len(runs.coordinates) == 2
    # one step into and one out of each cluster of the slower balance holding negative b0
    assert runs.steps <= 2 * len(runs.coordinates[1].groups)
    assert check_compiled(model, samples=30, seed=2).ok


# (inner of b0, outer of inner and b1): flags, counts and numbers, operator-only or not, some raising
CHAINS = [
    (lambda b: b < 0, lambda a, b: a or b < 0),
    (lambda b: b == 0, lambda a, b: a and b == 0),
    (lambda b: b > 0.5, lambda a, b: a != (b < -0.25)),
    (lambda b: b <= 0, lambda a, b: a + (b > 0)),
    (lambda b: round(b * 4), lambda a, b: a - b),
    (lambda b: 1 / b if b else -1, lambda a, b: a > b),
    (lambda b: b // 0.25, lambda a, b: min(a, b * 4)),
]


@pytest.mark.parametrize(("inner", "outer"), CHAINS)
def test_chains_of_two_balances_match_the_interpreter(inner, outer):
    model, _, _ = _balances(9, inner, outer)
    result = check_compiled(model, samples=60, seed=4)
    assert result.ok, str(result)


def test_near_equal_values_split_by_a_function_are_not_grouped():
    # 2/3 - 1/3 and 1/3 differ in the last bit: a function telling them apart cannot share a step
    model, graph, gid = _balances(10, lambda b: b < 0, lambda a, b: a or b == 1 / 3)
    assert plan_runs(graph, gid) is None
    assert check_compiled(model, samples=60, seed=3).ok


def _brute_means(max_len: int) -> set:
    rows = {(0, 0)} | {(a, b) for a in (False, True) for b in (False, True)}
    for width in range(2, max_len + 1):
        rows |= {(a * 1.0 / width, b * 1.0 / width) for a in range(width + 1) for b in range(width + 1)}
    return rows


@pytest.mark.parametrize("max_len", [2, 3, 7, 12])
def test_joint_means_in_lowest_terms_are_every_combination(max_len):
    program = numerical(make_pair_balance(tokens, "(", ")"))
    model = compile_program(program, tuple("()a"), max_len, dialect=TRACR, values="abstract")
    graph = model.notes["graph"]
    opens, closes = (
        next(g for g, d in graph.nodes(data=True) if d[N.NAME] == n) for n in ("opens", "closes")
    )
    rows = combinations(graph, [opens, closes])
    assert len(rows) == len(set(rows))
    assert set(rows) == _brute_means(max_len)


def _div(a, b):
    return a / b


# (function, rows): the vectorised path (operators only, numbers, 64 rows or more) and the plain
# one give the same results; rows where Python raises are FAILED
NUMBERS = [(x / 8, y / 4) for x in range(-8, 9) for y in range(-4, 5)]
EVALUATIONS = [
    (lambda a, b: a - b, NUMBERS),
    (lambda a, b: a < b, NUMBERS),
    (lambda a, b: (a > 0) + (b > 0), NUMBERS),  # numpy would add the flags as `or`
    (lambda a, b: ~(a > b), NUMBERS),
    (lambda a, b: a / b, NUMBERS),  # y == 0 rows raise
    (lambda a, b: a if a > b else b, NUMBERS),  # numpy refuses the truth of an array
    (lambda a, b: a or b < 0, NUMBERS),
    (lambda a, b: round(a - b, 2), NUMBERS),  # a call: never vectorised
    (_div, NUMBERS),
    (lambda a, b: a * 1.5 + b, [(True, 1), (False, 2.5)] * 40),
    (lambda a, b: a + b, [("x", "y"), ("1", "2")] * 40),
]


def _plain(fn, rows):
    out = []
    for row in rows:
        try:
            out.append(fn(*row))
        except Exception:
            out.append(FAILED)
    return out


@pytest.mark.parametrize(("fn", "rows"), EVALUATIONS)
def test_evaluated_rows_equal_plain_calls(fn, rows):
    got = evaluate_rows(fn, rows, ORIGINAL)
    expected = _plain(fn, rows)
    assert [g is FAILED for g in got] == [e is FAILED for e in expected]
    assert all(g == e or (g is FAILED and e is FAILED) for g, e in zip(got, expected, strict=True))
    assert all(type(g) is type(e) or isinstance(e, (int, float)) for g, e in zip(got, expected, strict=True))


# (function, flags): one call per flag with the balances as an array, or None where numpy cannot
SPLITS = [
    (lambda a, b: a or b < 0, True),
    (lambda a, b: a and b == 0, True),
    (lambda a, b: a + (b > 0.25), False),  # numpy adds flags as `or`: never vectorised
    (lambda a, b: a * (b > 0.25) - b, True),
    (lambda a, b: b / a, False),  # the flag False divides by zero
    (lambda a, b: round(b) if a else b, False),  # a call: never vectorised
]


@pytest.mark.parametrize(("fn", "split"), SPLITS)
def test_split_evaluation_equals_plain_calls(fn, split):
    balances = [x / 7 - y / 5 for x in range(8) for y in range(6)]
    rows = [(a, b) for a in (False, True) for b in balances]
    columns = [np.array([r[k] for r in rows], dtype=object) for k in range(2)]
    got = evaluate_split(fn, columns, 1, np.repeat([0, 1], len(balances)))
    assert (got is not None) == split
    if got is not None:
        assert got == _plain(fn, rows)
        assert [type(g) for g in got] == [type(e) for e in _plain(fn, rows)]  # Python bools and floats


def test_none_propagates_in_tracr_tables():
    rows = [(None, 1.0), (2.0, 1.0)] * 40
    assert evaluate_rows(lambda a, b: a + b, rows, TRACR)[:2] == [None, 3.0]
    assert math.isnan(evaluate_rows(lambda a, b: a * b, [(math.nan, 1.0)] * 70, ORIGINAL)[0])


def _show(value):
    return str(value)


# value sets equal under == but not alike: Maps of one function share a table only over alike ones
SHOWN = [
    ("ints", lambda x: int(x == "b"), ["0", "1"]),
    ("floats", lambda x: float(x == "b"), ["0.0", "1.0"]),
    ("flags", lambda x: x == "b", ["False", "True"]),
    ("negative_zero", lambda x: (x == "b") * -1.0, ["-1.0", "-0.0"]),
    ("zero", lambda x: (x == "b") - 1.0, ["-1.0", "0.0"]),
    ("ones_and_twos", lambda x: 1 + (x == "b"), ["1", "2"]),
    ("float_ones_and_twos", lambda x: 1.0 + (x == "b"), ["1.0", "2.0"]),
]


def test_maps_of_one_function_share_a_table_only_over_alike_value_sets():
    sources = [Map(fn, tokens, name=name) for name, fn, _ in SHOWN]
    shown = [Map(_show, s, name=f"show_{name}") for s, (name, _, _) in zip(sources, SHOWN, strict=True)]
    again = Map(_show, sources[0], name="show_ints_again")
    root = again
    for sop in shown:
        root = SequenceMap(lambda a, b: (a, b), root, sop)
    graph = program_to_graph(root)
    infer_values(graph, ["a", "b"], 3, TRACR, "abstract")
    ids = {d[N.NAME]: gid for gid, d in graph.nodes(data=True)}
    tables = {name: node_table(graph, ids[f"show_{name}"]) for name, _, _ in SHOWN}
    for name, _, expected in SHOWN:
        assert tables[name].results == expected
    assert len({id(t) for t in tables.values()}) == len(SHOWN)
    assert node_table(graph, ids["show_ints_again"]) is tables["ints"]
