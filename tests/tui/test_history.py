"""The stepper's History against `machines.core.run`: the same snapshots, in any order of access."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import BudgetError
from tests.common.strategies import turing_machines
from tests.tui.machines import BB2, BB3, COUNTER, SWEEPER
from tui.history import History


@settings(max_examples=40, deadline=None)
@given(turing_machines(), st.lists(st.integers(0, 60), max_size=30))
def test_random_access_matches_run(machine, steps):
    """Tiny checkpoint stride and window force recomputation; every snapshot must still be exact."""
    expected = run(machine, "", max_steps=50)
    history = History(machine, "", max_steps=50, every=4, window=3)
    for step in [*steps, *range(60, -1, -1)]:
        snapshot = history.get(step)
        assert snapshot == expected.snapshots[min(step, expected.steps)]
    assert history.finished
    assert history.frontier == expected.steps


@settings(max_examples=40, deadline=None)
@given(turing_machines())
def test_outcome_and_cycle_match_run(machine):
    expected = run(machine, "", max_steps=40, detect_cycles=True)
    history = History(machine, "", max_steps=40)
    while history.advance() is not None and history.cycle_start is None:
        pass
    assert history.cycle_start == expected.cycle_start
    if expected.outcome is Outcome.CYCLE:
        assert history.outcome is Outcome.CYCLE
        assert history.cycle_end == expected.steps
    else:
        assert history.outcome is expected.outcome


@pytest.mark.parametrize(("machine", "outcome", "last"), [
    (BB2, Outcome.HALTED, 6),
    (BB3, Outcome.HALTED, 14),
    (COUNTER, Outcome.STEP_LIMIT, 30),
])
def test_end_of_run(machine, outcome, last):
    history = History(machine, "", max_steps=30)
    assert history.get(10_000).step == last
    assert history.outcome is outcome
    assert history.is_last(last) and not history.is_last(last - 1)
    assert history.outcome_at(last - 1) is Outcome.RUNNING
    assert history.outcome_at(last) is outcome


def test_cycle_found_while_running_on():
    history = History(SWEEPER, "", max_steps=100)
    assert history.get(7).step == 7
    assert (history.cycle_start, history.cycle_end) == (0, 2)
    assert history.outcome is Outcome.CYCLE
    assert history.outcome_at(1) is Outcome.RUNNING
    assert history.outcome_at(5) is Outcome.CYCLE


def test_cycle_memory_is_bounded():
    history = History(COUNTER, "", max_steps=100, cycle_memory=10)
    history.get(50)
    assert history.cycle_checked_to == 10
    assert history.cycle_start is None


def test_budget_is_checked():
    with pytest.raises(BudgetError):
        History(BB2, "", max_steps=0)


def test_a_machine_error_ends_the_run_and_is_raised_again():
    from machines.errors import InvalidInputError
    from tests.tui.test_turing_controls import _Failing

    history = History(_Failing(), None, max_steps=10)
    with pytest.raises(InvalidInputError):
        history.get(5)
    assert history.frontier == 2 and history.finished
    assert history.get(1).step == 1
    with pytest.raises(InvalidInputError):
        history.get(3)


def test_cycle_detection_can_be_off():
    history = History(SWEEPER, "", max_steps=100, detect_cycles=False)
    assert history.get(10).step == 10
    assert history.cycle_start is None and history.cycle_checked_to is None
    assert history.outcome is Outcome.RUNNING
