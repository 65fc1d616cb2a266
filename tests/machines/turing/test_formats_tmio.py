"""Tests the turingmachine.io YAML format: the site's 15 examples, its YAML pitfalls, errors, round trips."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import MachineSyntaxError
from machines.files import read_text
from machines.formats import detect_format
from machines.turing import Move, Rule
from machines.turing.errors import ConflictingRulesError, UndefinedStateError
from machines.turing.tmio import SPACE, dump, load, sniff
from tests.common.paths import shared
from tests.common.strategies import turing_machines

NAMES = ["binaryAdd", "binaryIncrement", "binaryMult", "busyBeaver3", "busyBeaver4", "copy1s", "divisibleBy3",
         "divisibleBy3Base10", "lengthMult", "matchBinaryStrings", "matchThreeLengths", "palindrome",
         "powersOfTwo", "repeat01", "unaryMult"]


def _example(name: str, source: bool = False) -> str:
    parts = ("formats", "turingmachineio", *(("source",) if source else ()), f"{name}.yaml")
    return read_text(shared(*parts))


def _tape(config) -> str:
    return "".join(config.tape.cells).replace(SPACE, " ").strip(" ")


# (example, input (None: the file's), final state, final tape without outer blanks) — what each
# example's comments say it computes.
RESULTS = [
    ("binaryAdd", None, "done", "100100 11001"),  # 1011 + 11001 is 11 + 25 = 36, b is kept
    ("binaryAdd", "11+1", "done", "100 1"),  # the file's own example
    ("binaryIncrement", None, "done", "1100"),
    ("binaryMult", None, "done", "1111"),  # 3 * 5
    ("binaryMult", "111*110", "done", "101010"),  # the file's own example: 7 * 6 = 42
    ("copy1s", None, "H", "1110111"),
    ("divisibleBy3", None, "accept", "1001"),  # 9
    ("divisibleBy3", "10100", "q2", "10100"),  # 20 leaves remainder 2: no accept
    ("divisibleBy3Base10", None, "accept", "4728"),
    ("divisibleBy3Base10", "1337", "q2", "1337"),
    ("lengthMult", None, "accept", "bbbCCCCCC"),  # 2 * 3 = 6
    ("lengthMult", "aabcc", "accept", "bCC"),  # 2 * 1 = 2
    ("lengthMult", "aabccc", "scan", "bCCc"),  # 2 * 1 != 3: an unmarked c is left, no accept
    ("matchBinaryStrings", None, "accept", "#xxxxx"),
    ("matchThreeLengths", None, "accept", "AABBCC"),
    ("matchThreeLengths", "aabcbc", "qB", "AABCbc"),  # no b after the first c: no accept
    ("palindrome", None, "accept", ""),
    ("palindrome", "babab", "accept", ""),
    ("palindrome", "ab", "reject", "b"),
    ("powersOfTwo", None, "accept", "xxx"),
    ("powersOfTwo", "000", "reject", "x0"),
    ("unaryMult", None, "done", "||*||| ||||||"),  # 2 * 3
]


@pytest.mark.parametrize(("name", "input", "state", "tape"), RESULTS)
def test_examples_compute_what_their_comments_say(name, input, state, tape):
    loaded = load(_example(name))
    given_input = loaded.input if input is None else input.replace(" ", SPACE)
    trace = run(loaded.machine, given_input, max_steps=100_000, retention=None)
    assert trace.outcome is Outcome.HALTED
    assert (trace.final.config.state, _tape(trace.final.config)) == (state, tape)


@pytest.mark.parametrize(("name", "steps", "ones"), [("busyBeaver3", 13, 6), ("busyBeaver4", 107, 13)])
def test_busy_beavers_match_their_comments(name, steps, ones):
    loaded = load(_example(name))
    trace = run(loaded.machine, loaded.input, max_steps=1000)
    assert (trace.final.config.state, trace.steps) == ("H", steps)
    assert loaded.machine.non_blank(trace.final.config) == ones


def test_repeat01_never_halts_and_writes_0_1():
    loaded = load(_example("repeat01"))
    trace = run(loaded.machine, loaded.input, max_steps=400, retention=None)
    assert trace.outcome is Outcome.STEP_LIMIT
    assert _tape(trace.final.config) == " ".join("01" * 100)  # four steps per pair


@pytest.mark.parametrize("name", NAMES)
def test_document_and_source_files_give_the_same_machine_and_round_trip(name):
    document, source = load(_example(name)), load(_example(name, source=True))
    assert _canonical(document.machine) == _canonical(source.machine)
    assert document.input == source.input
    assert document.machine.name and not source.machine.name
    assert detect_format(f"{name}.yaml", _example(name)).name == "turingmachine.io"
    again = load(dump(document.machine, document.input))
    assert _canonical(again.machine) == _canonical(document.machine)
    assert again.input == document.input


def test_the_template_is_rejected_with_a_place():
    with pytest.raises(MachineSyntaxError) as caught:
        load(read_text(shared("formats", "turingmachineio", "invalid", "_template.yaml")))
    assert (caught.value.span.line, caught.value.span.column) == (2, 8)
    assert "blank='${3: }' must be one character" in caught.value.message


PITFALLS = """\
blank: 0
start state: 1
input: 0110
table:
  1:
    [0,1]: R
    ' ': {L: 2}
  2:
    0: {write: 1, L}
    1: {write: 0, N: 3}
    yes: R
    [on, ~]: L
    [x,',']: R
  3:
"""


def test_yaml_pitfalls_are_read_as_the_sites_javascript_reads_them():
    loaded = load(PITFALLS)
    machine = loaded.machine
    assert (machine.blank, machine.start, loaded.input) == ("0", "1", "0110")
    assert machine.states == ("1", "2", "3") and machine.halt_states == {"3"}
    assert machine.rule_for("1", ("0",)) == Rule("1", ("0",), ("0",), (Move.R,), "1")
    assert machine.rule_for("1", (SPACE,)) == Rule("1", (SPACE,), (SPACE,), (Move.L,), "2")
    assert machine.rule_for("2", ("0",)) == Rule("2", ("0",), ("1",), (Move.L,), "2")
    assert machine.rule_for("2", ("1",)).moves == (Move.S,)
    assert machine.rule_for("2", (",",)) is not None
    assert machine.rule_for("2", ("yes",)) is not None  # never a boolean
    assert machine.rule_for("2", ("on",)) is not None
    assert ("" not in machine.alphabet) and machine.rule_for("2", ("x",)) is not None  # '~' adds no symbol


def _error(text):
    with pytest.raises(MachineSyntaxError) as caught:
        load(text)
    return caught.value


HEAD = "blank: ' '\nstart state: a\ntable:\n"
ERRORS = [
    ("", MachineSyntaxError, 1, 1, "the document is empty"),
    ("start state: a\ntable:\n  a:\n", MachineSyntaxError, 1, 1, "no 'blank' was given"),
    ("blank: '01'\nstart state: a\n", MachineSyntaxError, 1, 8, "must be one character"),
    ("blank: ' '\ntable:\n  a:\n", MachineSyntaxError, 1, 1, "no 'start state' was given"),
    ("blank: ' '\nstart state: a\n", MachineSyntaxError, 1, 1, "no 'table' was given"),
    (HEAD + "  a: {0: {R: b}}\n", UndefinedStateError, 4, 14, "undeclared state 'b'"),
    ("blank: ' '\nstart state: z\ntable:\n  a:\n", UndefinedStateError, 2, 14, "start state 'z'"),
    (HEAD + "  a: {0: {L: a, R: a}}\n", MachineSyntaxError, 4, 10, "conflicting tape movements"),
    (HEAD + "  a: {0: {write: 1}}\n", MachineSyntaxError, 4, 10, "missing movement direction"),
    (HEAD + "  a: {0: {move: L}}\n", MachineSyntaxError, 4, 11, "unrecognized key 'move'"),
    (HEAD + "  a: {0: {write: 10, L}}\n", MachineSyntaxError, 4, 18, "write='10' must be one character"),
    (HEAD + "  a: {0: left}\n", MachineSyntaxError, 4, 10, "unrecognized instruction 'left'"),
    (HEAD + "  a: {0: L, '0': R}\n", MachineSyntaxError, 4, 13, "duplicated key '0'"),
    (HEAD + "  a: {[0,1]: L, 1: R}\n", ConflictingRulesError, 4, 17, "two instructions for symbol '1'"),
    (HEAD + "  a: {0: L\n", MachineSyntaxError, 5, 1, "YAML"),
    (HEAD + "  a: 5\n", MachineSyntaxError, 4, 6, "must be a mapping"),
    (HEAD + "  a:\n    &k [*k]: L\n", MachineSyntaxError, 5, 5, "contains itself"),
    ("- 1\n", MachineSyntaxError, 1, 1, "the machine must be a mapping"),
    ("blank: ' '\nstart state: a\nsynonyms:\n  go: go\ntable:\n  a:\n", MachineSyntaxError, 4, 7,
     "a synonym cannot use another synonym"),
    ("name: x\nsource code: |\n  blank: ' '\n  start state: a\n  table:\n    a: {0: {R: b}}\n",
     UndefinedStateError, 6, 16, "undeclared state 'b'"),
]


@pytest.mark.parametrize(("text", "kind", "line", "column", "message"), ERRORS)
def test_mistakes_are_located(text, kind, line, column, message):
    error = _error(text)
    assert type(error) is kind
    assert (error.span.line, error.span.column) == (line, column)
    assert message in error.message


def test_sniffing():
    assert sniff("blank: 0\nstart state: A\ntable:\n  A:\n")
    assert sniff("name: x\nsource code: |\n  blank: 0\n")
    assert not sniff("0 _ 1 r halt\n")


def _canonical(machine):
    return (set(machine.states), set(machine.alphabet), machine.blank, machine.start, machine.halt_states,
            set(machine.rules))


@given(turing_machines(max_states=4))
def test_round_trip(machine):
    input = "".join(reversed(machine.alphabet))
    loaded = load(dump(machine, input))
    assert _canonical(loaded.machine) == _canonical(machine)
    assert loaded.input == input


@given(st.text(alphabet="ab01 \n:{}[],'\"&*!-|>#~LRNwrite", max_size=60))
def test_any_text_loads_or_raises_our_syntax_error(tail):
    try:
        load("blank: ' '\nstart state: a\ntable:\n  a:\n" + tail)
    except MachineSyntaxError as error:
        assert error.span is not None
