"""Breakpoint and go-to-step syntax, and when breakpoints stop a run."""

import pytest

from machines.core import Snapshot
from machines.turing.machine import Move, Rule, TMConfig
from tui.breakpoints import Breakpoint, marked_rule
from tui.dialogs import target_step
from tui.errors import BreakpointSyntaxError, StepSyntaxError

CONFIG = TMConfig.parse("B | -1: 1 [1] 0")
RULE = Rule("A", ("0",), ("1",), (Move.L,), "B")
SNAPSHOT = Snapshot(7, CONFIG, RULE)
METRICS = {"step": 7, "head": 0, "nonblank": 2}


@pytest.mark.parametrize(("text", "expected"), [
    ("state H", Breakpoint("state", "H")),
    ("  rule A 0 -> 1 L B ", Breakpoint("rule", "A 0 -> 1 L B")),
    ("contains 1 1", Breakpoint("contains", "1 1")),
    ("head < -3", Breakpoint("condition", "head < -3")),
    ("population==0", Breakpoint("condition", "population==0")),
    ("state", BreakpointSyntaxError),
    ("head <", BreakpointSyntaxError),
    ("head ~ 3", BreakpointSyntaxError),
    ("", BreakpointSyntaxError),
])
def test_parse(text, expected):
    if isinstance(expected, type):
        with pytest.raises(expected):
            Breakpoint.parse(text)
    else:
        assert Breakpoint.parse(text) == expected


@pytest.mark.parametrize(("text", "hits"), [
    ("state B", True),
    ("state A", False),
    ("rule A 0 -> 1 L B", True),
    ("rule -> 1 L", True),
    ("rule B 1", False),
    ("contains 1 [1]", True),
    ("contains 0 0", False),
    ("head == 0", True),
    ("head != 0", False),
    ("step >= 7", True),
    ("step > 7", False),
    ("nonblank <= 1", False),
])
def test_hits(text, hits):
    assert Breakpoint.parse(text).hits(SNAPSHOT, CONFIG.state, METRICS) is hits


def test_state_set_hits_when_one_state_matches():
    assert Breakpoint.parse("state q1").hits(SNAPSHOT, frozenset({"q0", "q1"}), METRICS)
    assert not Breakpoint.parse("state q2").hits(SNAPSHOT, frozenset({"q0", "q1"}), METRICS)


def test_condition_on_unknown_metric_is_rejected():
    with pytest.raises(BreakpointSyntaxError, match="'population' is not one of"):
        Breakpoint.parse("population == 0").check(METRICS)


def test_marked_rule():
    assert not marked_rule(SNAPSHOT)
    assert marked_rule(Snapshot(1, CONFIG, Rule("A", ("0",), ("1",), (Move.L,), "B", breakpoint=True)))
    assert not marked_rule(Snapshot(0, CONFIG))


@pytest.mark.parametrize(("text", "current", "expected"), [
    ("12", 5, 12),
    ("+3", 5, 8),
    ("-3", 5, 2),
    ("-9", 5, 0),
    (" 1_000 ", 0, 1000),
    ("ten", 0, StepSyntaxError),
    ("+", 0, StepSyntaxError),
    ("1.5", 0, StepSyntaxError),
])
def test_target_step(text, current, expected):
    if isinstance(expected, type):
        with pytest.raises(expected):
            target_step(text, current)
    else:
        assert target_step(text, current) == expected
