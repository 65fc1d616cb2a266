"""Elementary CA: known sequences (OEIS), the definition as an oracle for every rule, ring vs line,
the machine protocol and the row codec."""

import runpy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import InvalidInputError, InvalidMachineError
from machines.life.eca import Boundary, ElementaryCA, Row
from machines.life.errors import PatternSyntaxError
from tests.common.paths import EXAMPLES


def reference_ring_step(rule: int, cells: str) -> str:
    """One step from the definition: bit (4*left + 2*self + right) of the rule number."""
    n = len(cells)
    return "".join(str(rule >> (4 * int(cells[i - 1]) + 2 * int(cells[i]) + int(cells[(i + 1) % n])) & 1)
                   for i in range(n))


# OEIS A051023 (rule 30's centre column) and A070952 (rule 30's live cells), from one live cell.
RULE_30_CENTRE = [1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1]
RULE_30_POPULATION = [1, 3, 3, 6, 4, 9, 5, 12, 7, 12, 11, 14, 12, 19, 13, 22, 15, 19]


def test_rule_30_known_sequences():
    left, grid = ElementaryCA(30, Boundary.LINE).spacetime(None, max_steps=19)
    assert [int(row[-left]) for row in grid] == RULE_30_CENTRE
    assert [int(row.sum()) for row in grid[:18]] == RULE_30_POPULATION


def test_rule_90_is_gould_sequence():
    # Rule 90 from one cell draws Pascal's triangle mod 2: 2^(number of 1 bits of t) cells (A001316).
    _, grid = ElementaryCA(90, Boundary.LINE).spacetime(None, max_steps=64)
    assert [int(row.sum()) for row in grid] == [2 ** bin(t).count("1") for t in range(65)]


def test_rule_110_grows_to_the_left():
    eca = ElementaryCA(110, Boundary.LINE)
    rows = [eca.initial(None)]
    for _ in range(4):
        rows.append(eca.step(rows[-1])[0])
    assert [r.render() for r in rows] == ["0:1", "-1:11", "-2:111", "-3:1101", "-4:11111"]


@given(st.integers(0, 255), st.text("01", min_size=3, max_size=24))
def test_ring_matches_the_definition(rule, cells):
    eca = ElementaryCA(rule, Boundary.RING, len(cells))
    row = eca.initial(cells)
    for _ in range(5):
        expected = reference_ring_step(rule, row.cells)
        row = eca.step(row)[0]
        assert row.cells == expected


@given(st.integers(0, 127).map(lambda r: 2 * r), st.text("01", min_size=1, max_size=12))
def test_line_matches_a_wide_enough_ring(rule, cells):
    # On a ring wider than the light cone, nothing wraps: it is the line with dead cells around.
    steps, pad = 6, 8
    ring = ElementaryCA(rule, Boundary.RING, len(cells) + 2 * pad)
    line = ElementaryCA(rule, Boundary.LINE)
    ring_row, line_row = ring.initial("0" * pad + cells + "0" * pad), line.initial(Row(pad, cells))
    for _ in range(steps):
        ring_row, line_row = ring.step(ring_row)[0], line.step(line_row)[0]
    ones = {i for i, c in enumerate(ring_row.cells) if c == "1"}
    assert ones == {line_row.start + i for i, c in enumerate(line_row.cells) if c == "1"}


def test_rule_184_conserves_cars_on_a_ring():
    eca = ElementaryCA(184, Boundary.RING, 20)
    trace = run(eca, "11010011100010110000", max_steps=30)
    assert {s.config.population for s in trace} == {9}


def test_machine_protocol():
    trace = run(ElementaryCA(0, Boundary.LINE), "101", max_steps=10)
    assert (trace.outcome, trace.steps, trace.final.event) == (Outcome.HALTED, 1, "rule 0")
    ring = run(ElementaryCA(90, Boundary.RING, 8), None, max_steps=50, detect_cycles=True)
    assert ring.outcome is Outcome.CYCLE


@given(st.integers(-20, 20), st.text("01", max_size=10))
def test_row_round_trip(start, cells):
    row = Row(start, cells)
    assert Row.parse(row.render()) == row


@pytest.mark.parametrize(("build", "error", "message"), [
    (lambda: ElementaryCA(256), InvalidMachineError, "0..255"),
    (lambda: ElementaryCA(30, Boundary.RING, 0), InvalidMachineError, "at least one cell"),
    (lambda: ElementaryCA(1, Boundary.LINE), InvalidMachineError, "000 into 1"),
    (lambda: ElementaryCA(30, Boundary.RING, 4).initial("101"), InvalidInputError, "cover the ring"),
    (lambda: ElementaryCA(30, Boundary.LINE).initial("12"), InvalidInputError, "'0' and '1'"),
    (lambda: Row.parse("x:01"), PatternSyntaxError, "start:cells"),
])
def test_errors(build, error, message):
    with pytest.raises(error, match=message):
        build()


def test_elementary_examples(capsys):
    example = runpy.run_path(str(EXAMPLES / "life" / "elementary.py"), run_name="example")
    _, grid = example["RULE_30"].spacetime(None, max_steps=31)
    assert grid.shape == (32, 63) and int(grid[0].sum()) == 1
    left, grid = example["RULE_110"].spacetime(None, max_steps=31)
    assert left == -31 and grid[:, -1].all()  # the rightmost cell stays alive; growth is leftward
    example["main"]()
    assert "rule 110 on the unbounded line" in capsys.readouterr().out
