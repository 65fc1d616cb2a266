"""Sessions: run-time errors carry the statement's location and name the failing s-op; budgets
stop runaway programs; loads, functions, loops and scoping behave as in the original."""

import pytest

from rasp.errors import (
    RaspBudgetError,
    RaspEvaluationError,
    RaspLoadError,
    RaspNameError,
    RaspTypeError,
    RaspValueError,
    ReservedNameError,
)
from rasp.results import DrawRequest, Named
from rasp.session import Session


@pytest.mark.parametrize(
    ("source", "error", "line", "column", "words"),
    [
        ("a = 1;\nb = c + 1;", RaspNameError, 2, 5, "Undefined variable: c"),
        ("length = 3;", ReservedNameError, 1, 1, "reserved name: length"),
        (
            "x = 1;\nbad = aggregate(select(indices, indices, <=), tokens);",
            RaspTypeError,
            2,
            7,
            "non-numbers",
        ),
        ("s = aggregate(select(indices, indices + 1, ==), tokens);", RaspTypeError, 1, 5, "different types"),
        ('d = {"a": 1};\ny = d[tokens];', RaspEvaluationError, 2, 5, 'index [ "h" ] not in dict'),
        ("x = tokens[indices];", RaspValueError, 1, 5, "has to be integer"),
        ("a, b = 1, 2, 3;", RaspTypeError, 1, 1, "expected 2 values"),
        ('load "no_such_file";', RaspLoadError, 1, 1, "could not find file: no_such_file.rasp"),
        ("def f(x) { return x; }\ny = f(1, 2);", RaspTypeError, 2, 5, "wrong number of args for f"),
    ],
)
def test_runtime_errors_carry_line_column_and_what_failed(source, error, line, column, words):
    with pytest.raises(error) as caught:
        Session().run(source, filename="prog.rasp")
    assert (caught.value.span.line, caught.value.span.column) == (line, column)
    assert words in caught.value.message
    assert str(caught.value).startswith(f"prog.rasp:{line}:{column}: ")


def test_type_errors_name_the_sop_and_where_it_was_defined():
    with pytest.raises(RaspTypeError) as caught:
        Session().run("x = 1;\ns = aggregate(select(indices, indices, <=), tokens);")
    assert (
        "evaluation of 'aggregate(select(indices, indices, <=), tokens)' (defined at line 2, column 5)"
        in caught.value.message
    )


def test_budget_stops_long_loops_and_recursion():
    with pytest.raises(RaspBudgetError, match="max_steps=100"):
        Session(max_steps=100).run("a = 0; for i in range(1000) { a = a + 1; }")
    with pytest.raises(RaspBudgetError, match="recursion"):
        Session().run("def f(x) { return f(x); } y = f(1);")


def test_input_length_limit():
    session = Session(max_length=10)
    with pytest.raises(RaspValueError, match="max_length=10"):
        session.apply(session.value("indices"), "x" * 11)


def test_values_not_references_and_functions_return_tuples():
    session = Session()
    results = session.run("a = 4; b = a; a = 3; def foo(x, y) { return x + y, 5; } e, f = foo(6, 7);")
    assert (session.value("b"), session.value("e"), session.value("f")) == (4, 13, 5)
    assert [r.name for r in results if isinstance(r, Named)] == ["a", "b", "a", "foo", "e", "f"]


def test_lazy_atom_conditional_allows_compile_time_branching():
    session = Session()
    session.run("x = 0; for i in range(5) { x = x + (i if i % 2 == 0 else 0); }")
    assert session.value("x") == 6


def test_draw_returns_a_request_with_the_value():
    session = Session()
    (request,) = session.run('draw(indices + 1, "abc");')
    assert isinstance(request, DrawRequest) and request.value.values == (1, 2, 3)


def test_new_sops_are_checked_on_the_running_example():
    session = Session()
    with pytest.raises(RaspEvaluationError, match="cannot read the input as tokens_int"):
        session.run("x = tokens_int + 1;")
    session.run("set example [1, 2]\nx = tokens_int + 1;")
    assert session.apply(session.value("x"), [5]).values == (6,)


@pytest.mark.parametrize("source", ["x = 99 ^ 9999999;", 'x = "ab" * 100000000;', "x = [1] * 10000000;"])
def test_huge_atoms_are_refused_quickly(source):
    with pytest.raises(RaspValueError, match="too large"):
        Session().run(source)


def test_library_names_can_be_shadowed_inside_functions_only():
    session = Session()
    session.run("def f(x) { max = x + 1; return max; } y = f(indices);")
    assert session.apply(session.value("y"), "abc").values == (1, 2, 3)
    with pytest.raises(ReservedNameError):
        session.run("max = 3;")
