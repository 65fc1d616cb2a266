"""Tests Morphett's format: every sample program of his simulator runs as there; wildcards, halting,
breakpoints, initial tapes, errors and round trips."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import MachineSyntaxError
from machines.files import read_text
from machines.formats import detect_format
from machines.turing import Move, Rule
from machines.turing.errors import ConflictingRulesError
from machines.turing.morphett import dump, initial_tape, load, sniff
from tests.common.paths import shared
from tests.common.strategies import turing_machines


def _tape(config) -> str:
    return "".join(config.tape.cells).strip("_")


# (file, its $INITIAL_TAPE as a turingbox input, final state, final tape without outer blanks).
# Each result is what the program is written to compute on its own sample input.
SAMPLES = [
    ("4statebeaver.txt", "", "halt", "1_111111111111"),  # 13 ones; 107 steps + Morphett's spare first step
    ("bin2dec.txt", "10110", "halt", "22"),  # 10110 is 22
    ("binaryadd.txt", "110110_101011", "halt", "1100001"),  # 54 + 43 = 97
    ("binarymult.txt", "1101_11010", "halt", "101010010"),  # 13 * 26 = 338
    ("concatenate.txt", "11110011111", "halt", "xxxx00111111111"),  # the four 1s appended to the five
    ("palindrome.txt", "1001001", "halt-accept", ":)"),
    ("parentheses.txt", "12(2+(3^(4-1)))", "halt-accept", ":)"),  # balanced
    ("primetest.txt", "101", "halt", "101_is_prime!"),  # 5 is prime
    ("reversepolishboolean.txt", "10~1&|0|", "halt", "1"),  # 1 | ((~0) & 1) | 0 = 1
    ("universal.txt", "[_L+,0R.,1R.!1L+,1L+,0L.:,0L.,1L.:]1011", "halt",
     "[_L+,0R.,1R.:1L+,1L+,0L.:,0L.,1L.!]_1100"),  # the simulated incrementer: 1011 + 1 = 1100
    ("palindrome2.txt", "", "halt-accept", ""),  # no $INITIAL_TAPE: the empty word is a palindrome
]


@pytest.mark.parametrize(("name", "input", "state", "tape"), SAMPLES)
def test_sample_programs_compute_what_they_are_written_for(name, input, state, tape):
    loaded = load(read_text(shared("formats", "morphett", name)))
    assert loaded.input == input
    trace = run(loaded.machine, loaded.input, max_steps=100_000, retention=None)
    assert trace.outcome is Outcome.HALTED
    assert trace.final.config.state == state
    assert _tape(trace.final.config) == tape


def test_busy_beaver_counts_steps_as_morphett_does():
    loaded = load(read_text(shared("formats", "morphett", "4statebeaver.txt")))
    trace = run(loaded.machine, loaded.input, max_steps=1000)
    assert (trace.steps, loaded.machine.non_blank(trace.final.config)) == (108, 13)


def test_turings_sequence_never_halts_and_prints_his_digits():
    loaded = load(read_text(shared("formats", "morphett", "turingsequence.txt")))
    trace = run(loaded.machine, loaded.input, max_steps=3000, retention=None)
    assert trace.outcome is Outcome.STEP_LIMIT and trace.steps == 3000
    # Turing 1936: 0 0 1 0 1 1 0 1 1 1 ... on every other cell, after the two 'e' marks.
    expected = "0" + "".join("0" + "1" * k for k in range(1, 30))
    cells = trace.final.config.tape.cells
    assert cells[:2] == ("e", "e")
    printed = "".join(cells[2::2]).rstrip("_")
    assert len(printed) > 20 and expected.startswith(printed)


def test_unfinished_factorial_runs_cleanly_within_any_budget():
    loaded = load(read_text(shared("formats", "morphett", "factorial.txt")))
    assert run(loaded.machine, "11", max_steps=50).outcome is Outcome.STEP_LIMIT
    trace = run(loaded.machine, "11", max_steps=10_000)
    # It ends in its clean-up state 92 without computing 3! = 110: the multiplication is missing.
    assert trace.outcome is Outcome.HALTED and str(trace.final.event) == "92 1 -> 1 S halt"
    assert _tape(trace.final.config) == "11"


@pytest.mark.parametrize("path", sorted(p.name for p in shared("formats", "morphett").glob("*.txt")))
def test_every_sample_loads_detects_and_round_trips(path):
    text = read_text(shared("formats", "morphett", path))
    assert "\r\n" in text
    assert detect_format(path, text).name == "morphett"
    loaded = load(text)
    again = load(dump(loaded.machine, loaded.input))
    assert _canonical(again.machine) == _canonical(loaded.machine)
    assert again.input == loaded.input


WILDCARDS = """\
0 1 w r halt
0 * z r halt
* 1 y r halt
* * x r halt
0 2 2 r q
0 3 * l *
"""


def test_wildcard_lookup_order_and_blank():
    machine = load(WILDCARDS).machine
    write = {(s, x): machine.rule_for(s, (x,)).write[0] for s in ("0", "q") for x in ("1", "w", "_")}
    assert write == {("0", "1"): "w", ("0", "w"): "z", ("0", "_"): "z",
                     ("q", "1"): "y", ("q", "w"): "x", ("q", "_"): "x"}
    assert machine.rule_for("0", ("3",)) == Rule("0", ("3",), ("3",), (Move.L,), "0")


def test_halt_states_start_with_halt_in_any_case():
    machine = load("0 _ 1 r HALT-done\n0 1 1 r Halting\n").machine
    assert machine.halt_states == {"HALT-done", "Halting"}
    trace = run(machine, "", max_steps=10)
    assert (trace.steps, trace.final.config.state) == (1, "HALT-done")


def test_a_missing_rule_halts_after_one_counted_step():
    trace = run(load("0 1 1 r 0\n").machine, "1", max_steps=10)
    assert (trace.outcome, trace.steps, trace.final.config.state) == (Outcome.HALTED, 2, "halt")
    assert _tape(trace.final.config) == "1"


def test_breakpoints_comments_and_crlf():
    machine = load("; a comment\r\n0 _ ! r 1 !   ; '!' writes, then breaks\r\n1 _ 1 * halt\r\n").machine
    assert machine.rule_for("0", ("_",)).breakpoint
    assert machine.rule_for("0", ("_",)).write == ("!",)
    assert not machine.rule_for("1", ("_",)).breakpoint


@pytest.mark.parametrize(("text", "tape"), [
    ("0 _ 1 r halt\n; $INITIAL_TAPE: 1 1", "1_1"),
    ("0 _ 1 r halt\n;$INITIAL_TAPE:101", "101"),
    ("0 _ 1 r halt\n; $INITIAL_TAPE 11", "11"),
    ("0 _ 1 r halt\n; a blank tape. $INITIAL_TAPE: ", ""),
    ("0 _ 1 r halt\n; $INITIAL_TAPE: *10", "10"),
    ("; $INITIAL_TAPE: 11\n0 _ 1 r halt\n", ""),  # Morphett only reads it from the last line
])
def test_initial_tape(text, tape):
    assert load(text).input == tape


def test_initial_tape_line_is_removed_from_the_program():
    tape, program = initial_tape("0 _ 1 r halt\n0 1 1 r 0 ; $INITIAL_TAPE: 1")
    assert tape == "1" and "0 1 1 r 0" not in program


def test_a_head_marker_names_the_start_cell():
    loaded = load("0 _ 1 r halt\n; $INITIAL_TAPE: 1 *01*")
    assert (loaded.input, loaded.metadata["head"]) == ("1_01", 2)
    assert "head" not in load("0 _ 1 r halt\n; $INITIAL_TAPE: *01").metadata


ERRORS = [
    ("0\n", 1, 2, "missing <current symbol>"),
    ("0 1\n", 1, 4, "missing <new symbol>"),
    ("0 1 1\n", 1, 6, "missing <direction>"),
    ("0 1 1 r\n", 1, 8, "missing <new state>"),
    ("0 11 1 r 0\n", 1, 3, "<current symbol> '11' should be a single character"),
    ("0 1 11 r 0\n", 1, 5, "<new symbol> '11' should be a single character"),
    ("0 1 1 x 0\n", 1, 7, "<direction> 'x' should be 'l', 'r' or '*'"),
    ("\n0 1 1 r 0 x\n", 2, 11, "too many entries"),
    ("0 1 1 r 0 ! x\n", 1, 13, "too many entries"),
]


@pytest.mark.parametrize(("text", "line", "column", "message"), ERRORS)
def test_syntax_errors_point_at_the_field(text, line, column, message):
    with pytest.raises(MachineSyntaxError) as caught:
        load(text)
    assert (caught.value.span.line, caught.value.span.column) == (line, column)
    assert message in caught.value.message


def test_two_rules_for_one_state_and_symbol_conflict():
    with pytest.raises(ConflictingRulesError) as caught:
        load("0 1 1 r 0\n0 1 0 l 0\n")
    assert (caught.value.span.line, caught.value.span.column) == (2, 1)
    assert "first is on line 1" in caught.value.message


def test_sniffing():
    assert sniff("; comment\n0 _ 1 r halt ; x\n")
    assert not sniff("A 0 -> 1 R B\n")
    assert not sniff("; only comments\n")


def _canonical(machine):
    return (set(machine.states), set(machine.alphabet), machine.blank, machine.start, machine.halt_states,
            set(machine.rules))


@given(turing_machines(max_states=4))
def test_round_trip_and_behaviour(machine):
    converted = load(dump(machine)).machine
    assert _canonical(load(dump(converted)).machine) == _canonical(converted)
    # Same run, the blank '0' written '_'; halting for want of a rule costs Morphett one more step.
    original, morphett = run(machine, "", max_steps=200), run(converted, "", max_steps=200)
    missing = original.outcome is Outcome.HALTED and original.final.config.state not in machine.halt_states
    assert morphett.steps == original.steps + (1 if missing and original.steps < 200 else 0) or \
        (original.outcome is Outcome.STEP_LIMIT and morphett.steps == 200)
    tape = ["0" if c == "_" else c for c in morphett.final.config.tape.cells]
    assert "".join(tape).strip("0") == "".join(original.final.config.tape.cells).strip("0")


@given(st.text(alphabet="ab01_*;! \n\rlrLRhalt$INITIAL_TAPE:", max_size=60))
def test_any_text_loads_or_raises_our_syntax_error(text):
    try:
        load(text)
    except MachineSyntaxError as error:
        assert error.span is not None
