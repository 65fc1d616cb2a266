"""Tests turingbox's .tm format: the grammar, its table of friendly mistakes, semantic errors, round trips."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from machines.core import Outcome, run
from machines.errors import (
    InvalidInputError,
    MachineSyntaxError,
    NondeterministicRuleError,
    UnknownStateError,
    UnknownSymbolError,
)
from machines.formats import detect_format
from machines.turing import Move, Rule
from machines.turing.errors import (
    ConflictingRulesError,
    InputSymbolError,
    UndefinedStateError,
    UndefinedSymbolError,
)
from machines.turing.tm_format import MISTAKES, dump, load, parser, sniff
from tests.common.strategies import turing_machines

INCREMENT = """\
# binary increment
name: binary increment
blank: _
start: right
halt: done
input: 1011

right 0 -> 0 R right
right 1 -> 1 R right
right _ -> _ L carry
carry 1 -> 0 L carry   # carry on
carry 0 -> 1 S done
carry _ -> 1 S done
"""


def test_a_machine_reads_and_runs():
    loaded = load(INCREMENT)
    machine = loaded.machine
    assert machine.name == "binary increment"
    assert (machine.blank, machine.start, machine.halt_states) == ("_", "right", {"done"})
    assert machine.states == ("right", "carry", "done")
    assert loaded.input == "1011"
    trace = run(machine, loaded.input, max_steps=100)
    assert trace.outcome is Outcome.HALTED
    assert "".join(trace.final.config.tape.cells).strip("_") == "1100"


def test_two_tapes_quotes_breakpoints_and_crlf():
    text = ("tapes: 2\r\nstart: s\r\nhalt: h\r\ninput: '1#' | a\r\n"
            "s 1 a -> '#' b R L s !\r\ns '#' b -> 1 _ S S h\r\n")
    loaded = load(text)
    machine = loaded.machine
    assert machine.tapes == 2
    assert loaded.input == ("1#", "a")
    first = machine.rule_for("s", ("1", "a"))
    assert first == Rule("s", ("1", "a"), ("#", "b"), (Move.R, Move.L), "s")
    assert first.breakpoint and not machine.rule_for("s", ("#", "b")).breakpoint


@pytest.mark.parametrize(("message", "example"), [(m, e) for m, es in MISTAKES.items() for e in es])
def test_each_known_mistake_gets_its_message(message, example):
    with pytest.raises(MachineSyntaxError) as caught:
        load(example)
    assert caught.value.message == message
    assert caught.value.span is not None


# (text, error class, line, column, part of the message)
SEMANTIC_MISTAKES = [
    ("blnk: _\nA 0 -> 1 R A\n", MachineSyntaxError, 1, 1, "unknown setting 'blnk' (did you mean 'blank'?)"),
    ("colour: red\nA 0 -> 1 R A\n", MachineSyntaxError, 1, 1, "settings are name, tapes"),
    ("start: A\nstart: B\nA 0 -> 1 R A\n", MachineSyntaxError, 2, 1, "given twice"),
    ("blank: _ 0\nA 0 -> 1 R A\n", MachineSyntaxError, 1, 1, "takes one value, found 2"),
    ("A 0 -> 1 X A\n", MachineSyntaxError, 1, 10, "move 'X' is not L, R or S"),
    ("A 0 -> 1 R\n", MachineSyntaxError, 1, 8, "found 2 item(s)"),
    ("tapes: 2\nA 0 -> 1 R A\n", MachineSyntaxError, 2, 1, "rule reads 1 symbol(s) but the machine has 2"),
    ("tapes: zero\nA 0 -> 1 R A\n", MachineSyntaxError, 1, 8, "must be a positive integer"),
    ("A 0 -> 1 R B\n", UndefinedStateError, 1, 12, "state 'B' has no rules and is not a halt state"),
    ("start: Q\nA 0 -> 1 R A\n", UndefinedStateError, 1, 8, "state 'Q' has no rules"),
    ("states: A\nA 0 -> 1 R H\nhalt: H\n", UndefinedStateError, 2, 12, "state 'H' is not in 'states:'"),
    ("alphabet: 0 1\nA 2 -> 1 R A\n", UndefinedSymbolError, 1, 1, "the blank '_' is not in 'alphabet:'"),
    ("blank: 0\nalphabet: 0 1\nA 2 -> 1 R A\n", UndefinedSymbolError, 3, 3, "symbol '2' is not in"),
    ("A 0 -> 1 R A\nA 0 -> 0 L A\n", ConflictingRulesError, 2, 1, "a second rule for state 'A' reading '0'"),
    ("halt: H\nH 0 -> 1 R H\nA 0 -> 1 R H\n", MachineSyntaxError, 2, 1, "halt state 'H' cannot have rules"),
    ("input: 102\nA 0 -> 1 R A\n", InputSymbolError, 1, 8, "input symbol '2' is not in the alphabet"),
    ("tapes: 2\ninput: 1 | 1 | 1\nA 1 1 -> 1 1 R R A\n", MachineSyntaxError, 2, 1, "3 tape contents"),
    ("", MachineSyntaxError, 1, 1, "no rules and no 'start:' setting"),
    ("A 'x -> 1 R A\n", MachineSyntaxError, 1, 3, "closing quote"),
    ("A 0 -> 1 R A\n$\n", MachineSyntaxError, 2, 2, "'->'"),
    ("A 0 1 R B   # a comment\n", MachineSyntaxError, 1, 10, "'->'"),
]


@pytest.mark.parametrize(("text", "kind", "line", "column", "message"), SEMANTIC_MISTAKES)
def test_semantic_mistakes_are_located(text, kind, line, column, message):
    with pytest.raises(kind) as caught:
        load(text)
    error = caught.value
    assert type(error) is kind
    assert (error.span.line, error.span.column) == (line, column)
    assert message in error.message
    assert str(error).startswith(f"<input>:{line}:{column}: ")


def test_located_errors_are_also_the_machine_error_kinds():
    assert issubclass(UndefinedStateError, UnknownStateError)
    assert issubclass(UndefinedSymbolError, UnknownSymbolError)
    assert issubclass(ConflictingRulesError, NondeterministicRuleError)
    assert issubclass(InputSymbolError, InvalidInputError)


def test_every_problem_is_reported_at_once():
    with pytest.raises(MachineSyntaxError) as caught:
        load("A 0 -> 1 X A\nA 1 -> 1 Y A\n")
    assert "also line 2:10: move 'Y'" in caught.value.message


def _inputs(machine):
    symbols = st.sampled_from([s for s in machine.alphabet if len(s) == 1])
    word = st.lists(symbols, max_size=6).map("".join)
    return word if machine.tapes == 1 else st.tuples(*[word] * machine.tapes)


@given(st.data(), st.integers(1, 3))
def test_round_trip(data, tapes):
    machine = data.draw(turing_machines(tapes=tapes, max_states=3))
    input = data.draw(_inputs(machine))
    loaded = load(dump(machine, input))
    assert loaded.machine == machine
    assert [r.breakpoint for r in loaded.machine.rules] == [r.breakpoint for r in machine.rules]
    assert loaded.input == (input or None)


def test_awkward_names_round_trip():
    machine = load("name: odd names\nblank: '#'\nstart: 'a:'\nhalt: '->'\n"
                   "'a:' '#' -> \"'\" R '->' !\n'a:' \"'\" -> '|' L 'a:'\n").machine
    assert load(dump(machine)).machine == machine
    assert machine.rule_for("a:", ("#",)).next_state == "->"


@given(st.text(alphabet="AB01_ ->:#'\"!\n|xyz", max_size=80))
def test_any_text_parses_or_raises_our_syntax_error(text):
    try:
        load(text)
    except MachineSyntaxError as error:
        assert error.span is not None


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(from_lark(parser(), start="start"))
def test_grammatical_text_loads_or_raises_our_syntax_error(text):
    try:
        load(text)
    except MachineSyntaxError as error:
        assert error.span is not None


def test_detection():
    assert detect_format("increment.tm", "").name == "tm"
    assert detect_format("increment", INCREMENT).name == "tm"
    assert sniff(INCREMENT) and not sniff("0 _ 1 r halt\n") and not sniff("# A 0 -> 1 R B\n")
