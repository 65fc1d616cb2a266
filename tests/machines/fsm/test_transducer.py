"""Mealy and Moore machines: outputs, traces, configurations and validation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import InvalidInputError, InvalidMachineError, UnknownSymbolError
from machines.fsm import Mealy, Moore, OutputTransition, TransducerConfig

# Binary increment, least significant bit first: carry state c adds one, d copies.
INCREMENT = Mealy(("c", "d"), ("0", "1"), ("0", "1"),
                  {("c", "0"): ("d", "1"), ("c", "1"): ("c", "0"),
                   ("d", "0"): ("d", "0"), ("d", "1"): ("d", "1")},
                  "c", "increment (LSB first)")
# Parity of the ones seen so far, emitted on every state.
PARITY = Moore(("e", "o"), ("0", "1"), ("E", "O"), {("e", "0"): "e", ("e", "1"): "o", ("o", "0"): "o",
                                                    ("o", "1"): "e"}, {"e": "E", "o": "O"}, "e", "parity")


@pytest.mark.parametrize(("number", "width"), [(0, 3), (5, 4), (6, 4), (11, 5), (254, 8)])
def test_mealy_increments_binary_numbers(number, width):
    bits = format(number, f"0{width}b")[::-1]
    assert "".join(INCREMENT.transduce(bits)) == format(number + 1, f"0{width}b")[::-1][:width]


def test_moore_writes_one_symbol_more_than_it_reads():
    assert PARITY.transduce("0110") == ("E", "E", "O", "E", "E")
    assert PARITY.transduce("") == ("E",)


def test_trace_shows_output_growing():
    trace = run(INCREMENT, "110", max_steps=10)
    assert [s.config.render() for s in trace] == [
        "c @ 0 | 1 1 0 ->", "c @ 1 | 1 1 0 -> 0", "c @ 2 | 1 1 0 -> 0 0", "d @ 3 | 1 1 0 -> 0 0 1"]
    assert trace.outcome is Outcome.HALTED
    assert str(trace.final.event) == "c -0/1-> d" and isinstance(trace.final.event, OutputTransition)


def test_missing_transition_rejects():
    partial = Mealy(("s",), ("a", "b"), ("x",), {("s", "a"): ("s", "x")}, "s")
    assert run(partial, "ab", max_steps=5).outcome is Outcome.REJECTED
    with pytest.raises(InvalidInputError, match="no transition"):
        partial.transduce("ab")


@given(st.text(alphabet="01", max_size=10))
def test_config_round_trip(word):
    for machine in (INCREMENT, PARITY):
        for snapshot in run(machine, word, max_steps=20):
            assert TransducerConfig.parse(snapshot.config.render()) == snapshot.config


@pytest.mark.parametrize(("build", "error"), [
    (lambda: Mealy(("s",), ("a",), ("x",), {("s", "a"): ("s", "y")}, "s"), UnknownSymbolError),
    (lambda: Moore(("s", "t"), ("a",), ("x",), {("s", "a"): "t"}, {"s": "x"}, "s"), InvalidMachineError),
    (lambda: Moore(("s",), ("a",), ("x",), {}, {"s": "z"}, "s"), UnknownSymbolError),
    (lambda: Mealy(("s",), ("->",), ("x",), {}, "s"), InvalidMachineError),
])
def test_bad_definitions(build, error):
    with pytest.raises(error):
        build()
