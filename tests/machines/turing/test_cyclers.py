"""Tests of the translated-cycler decider: known cyclers, halters, exact cycles against the reference."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines import core
from machines.core import Outcome
from machines.errors import BudgetError
from machines.turing import (
    TranslatedCycle,
    TuringMachine,
    UnsupportedMachineError,
    find_translated_cycle,
    run_engine,
)
from machines.turing.bbchallenge import load
from tests.common.strategies import turing_machines
from tests.machines.turing.test_engines import TRANSLATED_CYCLERS


@pytest.mark.parametrize(("machine", "start", "period"), TRANSLATED_CYCLERS)
def test_known_translated_cyclers(machine, start, period):
    found = find_translated_cycle(load(machine).machine, max_steps=100_000)
    assert found is not None and (found.start, found.period) == (start, period)
    assert found.shift != 0


@pytest.mark.parametrize(("machine", "max_steps", "expected"), [
    ("0RB---_0LA---", 10, TranslatedCycle(0, 2, 0)),  # an exact cycle: shift 0
    ("1RA---", 10, TranslatedCycle(0, 1, 1)),  # marches right over blanks
    ("1LB---_0LA---", 10, TranslatedCycle(0, 2, -2)),  # marches left, leaving 1 0 1 0 ...
    ("1RB1LB_1LA1RZ", 100, None),  # BB(2) halts
    ("1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 1_000, None),  # BB(4) halts
    ("1RB1RZ_0RC1LB_1LA0RB", 15, None),  # its repeat (9 + 10 steps) is past the budget
])
def test_cases(machine, max_steps, expected):
    assert find_translated_cycle(load(machine).machine, max_steps=max_steps) == expected


def test_bad_requests():
    with pytest.raises(BudgetError, match="max_steps="):
        find_translated_cycle(load("1RB1LB_1LA1RZ").machine, max_steps=0)
    with pytest.raises(UnsupportedMachineError, match="one-tape"):
        find_translated_cycle(TuringMachine(("A",), ("0",), "0", "A", frozenset(), (), tapes=2), max_steps=9)


@settings(max_examples=60)
@given(turing_machines(max_states=3, max_symbols=2))
def test_found_cycles_never_halt_and_exact_ones_match_the_reference(tm):
    found = find_translated_cycle(tm, max_steps=300)
    if found is None:
        return
    budget = found.start + 4 * found.period
    assert run_engine(tm, "", engine="plain", max_steps=budget).outcome is Outcome.STEP_LIMIT
    exact = core.run(tm, "", max_steps=budget, detect_cycles=True, retention=core.Retention.ends(0, 0))
    if found.shift == 0:
        assert (exact.outcome, exact.cycle_start, exact.cycle_period) == (Outcome.CYCLE, found.start,
                                                                          found.period)
    else:
        assert exact.outcome is Outcome.STEP_LIMIT


@settings(max_examples=30)
@given(turing_machines(max_states=3, max_symbols=2), st.integers(1, 200))
def test_runs_with_a_repeat_found_later_have_none_before_it(tm, budget):
    found = find_translated_cycle(tm, max_steps=2_000)
    if found is not None and found.start + found.period > budget:
        assert find_translated_cycle(tm, max_steps=budget) is None
