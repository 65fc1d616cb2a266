"""The .fsm text format: round trips, the table of common mistakes, and located semantic errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from machines.errors import ConversionError
from machines.formats import detect_format, dump_text, load_text
from machines.fsm import DFA, NFA, FsmSyntaxError, Mealy, Moore, make_divisibility, regex_to_nfa
from machines.fsm.fsm_format import MISTAKES, _parser, dump, load, sniff
from tests.machines.fsm.strategies import dfas, nfas

DIV3_TEXT = """\
# Binary numbers that are multiples of three
dfa
name: multiples of 3
alphabet: 0 1
start: r0
accept: r0

r0 0 -> r0   # 2k is a multiple when k is
r0 1 -> r1
r1 0 -> r2
r1 1 -> r0
r2 0 -> r1
r2 1 -> r2
input: 1 1 0
"""


def test_reads_a_commented_file():
    loaded = load_text(DIV3_TEXT, path="div3.fsm")
    assert loaded.format == "fsm" and loaded.input == "110"
    dfa = loaded.machine
    assert dfa.name == "multiples of 3" and dfa.accepts(loaded.input)
    assert dfa == DFA(make_divisibility(3).states, ("0", "1"), make_divisibility(3).transitions, "r0",
                      frozenset({"r0"}), "multiples of 3")


@given(dfas())
def test_dfa_round_trip(dfa):
    assert load(dump(dfa)).machine == dfa


@settings(max_examples=50)
@given(nfas())
def test_nfa_round_trip(nfa):
    assert load(dump(nfa)).machine == nfa


def test_transducers_round_trip_with_input():
    mealy = Mealy(("s", "t"), ("a", "b"), ("0", "1"), {("s", "a"): ("t", "1"), ("t", "b"): ("s", "0")}, "s")
    moore = Moore(("s", "t"), ("a",), ("x", "y"), {("s", "a"): "t", ("t", "a"): "s"}, {"s": "x", "t": "y"},
                  "s", "toggle")
    for machine in (mealy, moore):
        loaded = load(dump(machine, input="a"))
        assert loaded.machine == machine and loaded.input == "a"


def test_epsilon_is_written_and_read_as_epsilon_or_lambda():
    nfa = regex_to_nfa("a*")
    assert " ε -> " in dump(nfa)
    assert load(dump(nfa).replace("ε", "λ")).machine == nfa


@pytest.mark.parametrize(("message", "example"), [(m, e) for m, cases in MISTAKES.items() for e in cases])
def test_table_of_common_mistakes(message, example):
    with pytest.raises(FsmSyntaxError) as info:
        load(example)
    assert info.value.message == message


@pytest.mark.parametrize(("text", "message", "line", "column"), [
    ("dfa\nstart: q0\nq0 a -> q1\nq0 a -> q2\n",
     "state 'q0' already has a transition on 'a' (line 3); a dfa is deterministic", 4, 1),
    ("mealy\nstart: q\nq a -> q\n", "a mealy transition ends with '/ OUTPUT'", 3, 8),
    ("dfa\nstart: q\nq a -> q / x\n", "a dfa transition has no output", 3, 12),
    ("dfa\nalphabet: a\nstart: q\nq b -> q\n", "symbol 'b' is not in the alphabet ['a']", 4, 3),
    ("dfa\nstart: q\nq ε -> q\n", "only an nfa has epsilon moves, this is a dfa", 3, 3),
    ("dfa\nstart: q\nq a -> q r\n", "a dfa moves to one state; only an nfa lists several targets", 3, 10),
    ("dfa\nstart: q\nstart: r\n", "'start:' is given twice", 3, 1),
    ("dfa\naccept: q\n", "no 'start:' line names the start state", 1, 1),
    ("mealy\nstart: q\naccept: q\n", "a mealy has no 'accept:' line", 3, 1),
    ("dfa\nstart: q\noutputs: x\n", "a dfa has no 'outputs:' line", 3, 1),
    ("moore\nstart: q\nq a -> r\nq / x\n", "state 'r' has no output line 'r / OUTPUT'", 1, 1),
    ("moore\nstart: q\nq / x\nq / y\n", "state 'q' already has an output", 4, 1),
    ("dfa\nstart: q\nq / x\n", "'STATE / OUTPUT' lines belong to moore machines, not to a dfa", 3, 1),
    ("dfa\nalphabet: a\nstart: q\ninput: a b\n",
     "input symbol 'b' at position 1 is not in alphabet ['a']", 4, 10),
    ("dfa\nstart: q\nq a -> q\n\n\nq a b -> q\n", "a transition reads 'STATE SYMBOL -> TARGET'", 6, 5),
    ("dfa\nstates: q\nstart: q\nq a -> r\n", "state 'r' is used but not listed in 'states:'", 2, 1),
])
def test_semantic_errors_point_at_the_line(text, message, line, column):
    with pytest.raises(FsmSyntaxError) as info:
        load_text(text, path="bad.fsm")
    error = info.value
    assert (error.message, error.span.line, error.span.column) == (message, line, column)
    assert str(error).startswith(f"bad.fsm:{line}:{column}: ")


def test_detection_by_extension_and_by_sniffing():
    assert detect_format("x.fsm", DIV3_TEXT).name == "fsm"
    assert sniff(DIV3_TEXT) and sniff("\n# c\nnfa\n") and not sniff("alphabet: a\n") and not sniff("")


def test_only_automata_can_be_written():
    with pytest.raises(ConversionError):
        dump_text(object(), "fsm")


def test_dump_lists_nfa_targets_in_state_order():
    nfa = NFA.from_dict({"s": {"a": ["u", "t"]}}, start="s", accepting=["u"], alphabet=["a"])
    nfa = NFA(("s", "t", "u"), nfa.alphabet, nfa.transitions, "s", nfa.accepting)
    assert "s a -> t u" in dump(nfa)


@settings(max_examples=40)
@given(from_lark(_parser()))
def test_generated_files_load_or_raise_our_error(text):
    try:
        loaded = load(text)
    except FsmSyntaxError as error:
        assert error.span is not None and error.span.line >= 1
    else:
        assert loaded.machine.start in loaded.machine.states


@settings(max_examples=100)
@given(st.text(alphabet="dfa nmely\n#:->/εq01ab", max_size=40))
def test_arbitrary_text_loads_or_raises_our_error(text):
    try:
        loaded = load(text)
    except FsmSyntaxError as error:
        assert error.span is not None
    else:
        assert sniff(text) and loaded.format == "fsm"


@pytest.mark.parametrize("symbol", ["#", "->", "/", "ε", "start:"])
def test_symbols_that_read_as_syntax_cannot_be_written(symbol):
    dfa = DFA(("q",), (symbol,), {}, "q", frozenset())
    with pytest.raises(ConversionError, match=r"cannot be written in a \.fsm file"):
        dump(dfa)


NAMES = st.text(alphabet="aq0:-/>#εx.{}+", min_size=1, max_size=4).filter(lambda n: "," not in n)


@settings(max_examples=100)
@given(st.lists(NAMES, min_size=1, max_size=3, unique=True), st.lists(NAMES, min_size=1, max_size=2,
                                                                       unique=True))
def test_unusual_names_round_trip_or_are_refused(states, symbols):
    table = {(q, s): states[(i + j) % len(states)]
             for i, q in enumerate(states) for j, s in enumerate(symbols)}
    dfa = DFA(tuple(states), tuple(symbols), table, states[0], frozenset(states[-1:]))
    try:
        text = dump(dfa)
    except ConversionError:
        return
    assert load(text).machine == dfa
