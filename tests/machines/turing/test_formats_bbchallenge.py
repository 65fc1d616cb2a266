"""Tests the bbchallenge standard text format: both halt conventions, errors, dump refusals, round trips."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import ConversionError, MachineSyntaxError
from machines.formats import detect_format
from machines.turing import Move, Rule, TuringMachine
from machines.turing.bbchallenge import dump, load, sniff
from tests.common.strategies import turing_machines
from tests.common.vectors import BB_VECTORS

# The rows of bb.tsv short enough for the reference stepper.
KNOWN = [row for row in BB_VECTORS if row[1] <= 10_000]


@pytest.mark.parametrize(("text", "steps", "non_blank"), KNOWN)
def test_known_machines_halt_with_their_published_figures(text, steps, non_blank):
    machine = load(text).machine
    trace = run(machine, "", max_steps=10_000, retention=None)
    assert (trace.outcome, trace.steps, machine.non_blank(trace.final.config)) == (
        Outcome.HALTED, steps, non_blank)


def test_undefined_halt_takes_no_step_and_halt_letter_does():
    # BB(4) halts by writing a 1 on a 0: with '---' in its place, one step and one 1 fewer (as
    # bb.tsv's BB(5) pair 47,176,870/4,098 and 47,176,869/4,097).
    defined = load("1RB1LB_1LA0LC_1RZ1LD_1RD0RA").machine
    undefined = load("1RB1LB_1LA0LC_---1LD_1RD0RA").machine
    a, b = run(defined, "", max_steps=1000), run(undefined, "", max_steps=1000)
    assert (a.steps, defined.non_blank(a.final.config)) == (107, 13)
    assert (b.steps, undefined.non_blank(b.final.config)) == (106, 12)
    assert a.final.config.state == "Z" and b.final.config.state == "C"


def test_any_letter_past_the_states_halts():
    machine = load("1RB1LB_1LA1RH").machine
    assert machine.halt_states == {"H"}
    assert load("1RC---").machine.halt_states == {"C"}


def test_loaded_machine_shape():
    machine = load("1RB2LB1RZ_2LA2RB1LB\n").machine
    assert machine.states == ("A", "B", "Z")
    assert machine.alphabet == ("0", "1", "2")
    assert (machine.blank, machine.start) == ("0", "A")
    assert machine.rule_for("A", ("1",)) == Rule("A", ("1",), ("2",), (Move.L,), "B")


SYNTAX_ERRORS = [
    ("", 1, 1, "empty file"),
    ("1RB1LB_1LA", 1, 8, "has 1 transitions, the first row has 2"),
    ("1RB1XB_1LA1RZ", 1, 4, "is not a transition"),
    ("1RB1LB__1LA1RZ", 1, 8, "empty row"),
    ("1RB1L_1LA1RZ", 1, 1, "3-character transitions"),
    ("1RB2LB_1LA1RZ", 1, 4, "writes symbol '2'"),
    ("1RB1LB_1LA1RZ\n1RB---", 2, 1, "one machine on one line"),
    ("  1rb1LB_1LA1RZ", 1, 3, "is not a transition"),
]


@pytest.mark.parametrize(("text", "line", "column", "message"), SYNTAX_ERRORS)
def test_syntax_errors_point_at_the_mistake(text, line, column, message):
    with pytest.raises(MachineSyntaxError) as caught:
        load(text)
    error = caught.value
    assert (error.span.line, error.span.column) == (line, column)
    assert message in error.message
    if text:
        assert "^" in str(error)


def _machine(rules, *, alphabet=("0", "1"), blank="0", tapes=1, states=("A", "B", "Z")):
    return TuringMachine(states, alphabet, blank, "A", frozenset({"Z"}), tuple(rules), tapes=tapes)


REFUSALS = [
    (_machine([Rule("A", ("0",), ("1",), (Move.S,), "Z")]), "stay in place"),
    (_machine([Rule("A", ("0",), ("x",), (Move.R,), "Z")], alphabet=("0", "x")), "are not digits"),
    (_machine([], alphabet=("_", "1"), blank="_"), "its blank is '_'"),
    (_machine([Rule("A", ("0", "0"), ("1", "1"), (Move.R, Move.R), "Z")], tapes=2), "2 tapes"),
    (_machine([], alphabet=tuple(str(i) for i in range(10)) + ("10",)), "are not digits"),
    (_machine([], states=tuple(f"q{i}" for i in range(26)) + ("A", "Z")), "at most 25"),
]


@pytest.mark.parametrize(("machine", "reason"), REFUSALS)
def test_dump_says_why_a_machine_cannot_be_written(machine, reason):
    with pytest.raises(ConversionError, match=reason):
        dump(machine)


def test_dump_refuses_an_input():
    with pytest.raises(ConversionError, match="blank tape"):
        dump(load("1RB1LB_1LA1RZ").machine, input="11")


def test_dump_renames_states_start_first():
    machine = TuringMachine(("q1", "start", "stop"), ("0", "1"), "0", "start", frozenset({"stop"}),
                            (Rule("start", ("0",), ("1",), (Move.R,), "q1"),
                             Rule("q1", ("0",), ("1",), (Move.L,), "stop")))
    assert dump(machine) == "1RB---_1LZ---\n"


def _behaviour(machine):
    return machine.start, machine.blank, set(machine.rules), {r.next_state for r in machine.rules} & \
        machine.halt_states


@given(turing_machines(max_states=5, max_symbols=4, allow_stay=False))
def test_round_trip(machine):
    text = dump(machine)
    loaded = load(text).machine
    assert _behaviour(loaded) == _behaviour(machine)
    assert dump(loaded) == text


def test_detection_by_extension_and_by_sniffing():
    assert detect_format("bb5.bb", "").name == "bbchallenge"
    assert sniff("1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA\n")
    assert not sniff("0 _ 1 r 1\n")
    assert detect_format("machine", "1RB1LB_1LA1RZ").name == "bbchallenge"


@given(st.text(alphabet="ABZ012LR-_ \n", max_size=30))
def test_any_text_loads_or_raises_our_syntax_error(text):
    try:
        load(text)
    except MachineSyntaxError as error:
        assert error.span is not None
