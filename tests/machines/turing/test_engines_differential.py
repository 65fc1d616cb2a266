"""Differential tests: every Turing engine agrees with the reference stepper on random machines."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome
from machines.errors import MachineError
from machines.turing import accelerated, batch
from machines.turing.bbchallenge import load
from machines.turing.engines import run_engine, run_engine_from
from tests.common.strategies import turing_machines


@st.composite
def runs(draw, *, tapes: int = 1):
    """A random machine, an input over its alphabet and a step budget."""
    tm = draw(turing_machines(tapes=tapes))
    symbols = st.sampled_from(tm.alphabet)
    if tapes == 1:
        tape_input = draw(st.lists(symbols, max_size=6))
    else:
        tape_input = [draw(st.lists(symbols, max_size=4)) for _ in range(draw(st.integers(1, tapes)))]
    return tm, tape_input, draw(st.integers(1, 400))


@given(runs())
def test_plain_and_accelerated_agree_with_the_reference(run):
    tm, tape_input, budget = run
    expected = run_engine(tm, tape_input, engine="reference", max_steps=budget)
    assert run_engine(tm, tape_input, engine="plain", max_steps=budget) == expected
    assert run_engine(tm, tape_input, engine="accelerated", max_steps=budget) == expected


@given(runs(), st.sampled_from(["plain", "accelerated"]))
def test_a_budget_one_larger_is_one_more_step(run, engine):
    tm, tape_input, budget = run
    shorter = run_engine(tm, tape_input, engine=engine, max_steps=budget)
    longer = run_engine(tm, tape_input, engine=engine, max_steps=budget + 1)
    if shorter.outcome is Outcome.HALTED:
        assert longer == shorter
    else:
        one_more = run_engine_from(tm, shorter.final, engine="reference", max_steps=1)
        assert (longer.outcome, longer.steps) == (one_more.outcome, budget + one_more.steps)
        assert (longer.final, longer.non_blank) == (one_more.final, one_more.non_blank)


@given(runs(), st.integers(0, 50))
def test_engines_agree_from_any_configuration(run, warmup):
    # start where a run left off: the head anywhere, cells on both sides of it
    tm, tape_input, budget = run
    config = run_engine(tm, tape_input, engine="plain", max_steps=warmup + 1).final
    expected = run_engine_from(tm, config, engine="reference", max_steps=budget)
    for engine in ("plain", "accelerated"):
        assert run_engine_from(tm, config, engine=engine, max_steps=budget) == expected


@given(runs(), st.integers(1, 5), st.integers(-4, 4))
def test_accelerated_agrees_for_every_block_size_and_alignment(run, block_size, offset):
    tm, tape_input, budget = run
    expected = run_engine(tm, tape_input, engine="plain", max_steps=budget)
    outcome, steps, final = accelerated.run(tm, tm.initial(tape_input), max_steps=budget,
                                            block_size=block_size, offset=offset)
    assert (outcome, steps, final) == (expected.outcome, expected.steps, expected.final)


@settings(max_examples=50)
@given(st.data())
def test_long_budgets_cut_mid_sweep_agree(data):
    # budgets in the thousands let chain steps cover long runs before the budget cuts one short
    tm = data.draw(turing_machines(max_states=3, max_symbols=2, allow_stay=False))
    budget = data.draw(st.integers(1_000, 20_000))
    expected = run_engine(tm, "", engine="plain", max_steps=budget)
    assert run_engine(tm, "", engine="accelerated", max_steps=budget) == expected


SWEEPERS = [  # halters from bb.tsv whose tapes hold long uniform runs that chain steps sweep through
    "1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA",
    "1RB2LA1RA1RA_1LB1LA3RB1RZ",
    "1RB1RZ2RB_1LC0LB1RA_1RA2LC1RC",
    "1RB2RA2RC_1LC1RZ1LA_1RA2LB1LC",
]


@settings(max_examples=40)
@given(st.sampled_from(SWEEPERS), st.integers(1, 150_000), st.sampled_from([None, 1, 2, 3]))
def test_budgets_cutting_long_sweeps_agree(machine, budget, block_size):
    tm = load(machine).machine
    expected = run_engine(tm, "", engine="plain", max_steps=budget)
    outcome, steps, final = accelerated.run(tm, tm.initial(""), max_steps=budget, block_size=block_size)
    assert (outcome, steps, final) == (expected.outcome, expected.steps, expected.final)


@settings(max_examples=50)
@given(st.sampled_from([2, 3]).flatmap(lambda k: runs(tapes=k)))
def test_plain_agrees_with_the_reference_on_multi_tape_machines(run):
    tm, tape_input, budget = run
    expected = run_engine(tm, tape_input, engine="reference", max_steps=budget)
    assert run_engine(tm, tape_input, engine="plain", max_steps=budget) == expected


@settings(max_examples=20)
@given(st.lists(runs(), min_size=1, max_size=20), st.integers(1, 300))
def test_batch_agrees_with_plain_on_random_machines(drawn, budget):
    machines = [tm for tm, _, _ in drawn]
    inputs = [tape_input for _, tape_input, _ in drawn]
    tables, result = batch.run_machines(machines, inputs, max_steps=budget)
    for i, (tm, tape_input) in enumerate(zip(machines, inputs, strict=True)):
        expected = run_engine(tm, tape_input, engine="plain", max_steps=budget)
        got = (result.outcome(i), int(result.steps[i]), int(result.non_blank[i]), result.config(tables, i))
        assert got == (expected.outcome, expected.steps, expected.non_blank, expected.final)


@settings(max_examples=5)
@given(st.integers(0, 2**32), st.integers(2, 5), st.integers(2, 3))
def test_batch_agrees_with_plain_on_random_tables(seed, states, symbols):
    tables = batch.random_tables(300, states=states, symbols=symbols, seed=seed)
    result = batch.run_tables(tables, max_steps=500)
    for i in range(len(tables)):
        expected = run_engine(tables.machine(i), "", engine="plain", max_steps=500)
        assert result.outcome(i) is expected.outcome
        assert (int(result.steps[i]), int(result.non_blank[i])) == (expected.steps, expected.non_blank)
        assert result.config(tables, i) == expected.final


def test_batch_tables_round_trip_through_machines():
    tables = batch.random_tables(50, seed=7)
    again = batch.BatchTables.from_machines([tables.machine(i) for i in range(len(tables))])
    result, again_result = (batch.run_tables(t, max_steps=200) for t in (tables, again))
    assert np.array_equal(result.steps, again_result.steps)
    assert result.tapes == again_result.tapes
    assert {result.outcome(i) for i in range(50)} == {Outcome.HALTED, Outcome.STEP_LIMIT}


@pytest.mark.parametrize(("call", "message"), [
    (lambda: batch.random_tables(10, states=26), "states=26"),
    (lambda: batch.random_tables(0), "count=0"),
    (lambda: batch.BatchTables.from_machines([]), "no machines"),
    (lambda: batch.BatchTables(np.zeros((1, 2, 2), np.uint8), np.full((1, 2, 2), 2, np.int8),
                               np.zeros((1, 2, 2), np.int16)), "moves outside"),
    (lambda: batch.BatchTables(np.zeros((1, 2, 2), np.uint8), np.zeros((1, 2, 2), np.int8),
                               np.full((1, 2, 2), 2, np.int16)), "nexts outside"),
])
def test_bad_batch_requests_raise_one_clear_error(call, message):
    with pytest.raises(MachineError, match=message):
        call()
