"""LifeMachine under the core protocol: run, cycles, prefixes, outcomes, and `turingbox run`-style loading."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.life.errors import RuleError
from machines.life.machine import LifeMachine
from machines.life.pattern import Pattern
from machines.life.rule import LIFE, Rule

from .reference import reference_step
from .strategies import life_worlds

BLINKER = Pattern.from_rows(["OOO"])


def test_generations_are_steps():
    trace = run(LifeMachine(LIFE, BLINKER), None, max_steps=3)
    assert trace.outcome is Outcome.STEP_LIMIT
    upright = Pattern.from_rows(["O", "O", "O"], 1, -1)
    assert [s.config for s in trace] == [BLINKER, upright, BLINKER, upright]
    assert trace.final.event == "B3/S23"


def test_cycle_detection_finds_oscillators():
    trace = run(LifeMachine(LIFE, BLINKER), None, max_steps=100, detect_cycles=True)
    assert (trace.outcome, trace.cycle_period) == (Outcome.CYCLE, 2)


def test_dying_pattern_halts():
    trace = run(LifeMachine(LIFE, Pattern.from_rows(["OO"])), None, max_steps=10)
    assert (trace.outcome, trace.steps) == (Outcome.HALTED, 1)


def test_b0_on_a_torus_keeps_running():
    machine = LifeMachine(Rule.parse("B0/S:T4,4"))
    assert run(machine, None, max_steps=3).outcome is Outcome.STEP_LIMIT


def test_b0_on_the_plane_is_refused_before_running():
    with pytest.raises(RuleError, match="B0"):
        run(LifeMachine(Rule.parse("B0/S8")), None, max_steps=3)


def test_input_can_be_rendered_text_and_is_wrapped_on_a_torus():
    machine = LifeMachine(Rule.parse("B3/S23:T5,5"))
    assert machine.initial("#P 4 4\nOO") == Pattern.of([(4, 4), (0, 4)])


@settings(max_examples=25)
@given(life_worlds(size=6), st.integers(1, 6))
def test_run_is_a_prefix_of_a_longer_run_and_matches_the_reference(soup, k):
    machine = LifeMachine(LIFE, soup)
    short, longer = run(machine, None, max_steps=k), run(machine, None, max_steps=k + 1)
    assert longer.configs[: len(short)] == short.configs
    expected = soup
    for snapshot in short.snapshots[1:]:
        expected = reference_step(LIFE, expected)
        assert snapshot.config == expected
