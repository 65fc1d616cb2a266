"""DFAs: validation, runs and traces, configurations, and agreement with automata-lib."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.core import Outcome, run
from machines.errors import InvalidInputError, InvalidMachineError, UnknownStateError, UnknownSymbolError
from machines.fsm import DFA, DFAConfig, Transition, make_divisibility
from tests.machines.fsm.strategies import dfas, words_over

DIV3 = make_divisibility(3)

BAD_DEFINITIONS = [
    (dict(states=("a", "a"), alphabet=("x",), transitions={}, start="a", accepting=()), InvalidMachineError),
    (dict(states=("a",), alphabet=("x",), transitions={}, start="b", accepting=()), UnknownStateError),
    (dict(states=("a",), alphabet=("x",), transitions={}, start="a", accepting=("z",)), UnknownStateError),
    (dict(states=("a",), alphabet=("x",), transitions={("a", "x"): "b"}, start="a", accepting=()),
     UnknownStateError),
    (dict(states=("a",), alphabet=("x",), transitions={("a", "y"): "a"}, start="a", accepting=()),
     UnknownSymbolError),
    (dict(states=("a b",), alphabet=("x",), transitions={}, start="a b", accepting=()), InvalidMachineError),
    (dict(states=("a",), alphabet=("",), transitions={}, start="a", accepting=()), InvalidMachineError),
    (dict(states=("a,b",), alphabet=("x",), transitions={}, start="a,b", accepting=()), InvalidMachineError),
]


@pytest.mark.parametrize(("kwargs", "error"), BAD_DEFINITIONS)
def test_bad_definitions_raise_specific_errors(kwargs, error):
    with pytest.raises(error):
        DFA(**kwargs)


def test_all_problems_are_reported_at_once():
    with pytest.raises(UnknownStateError) as info:
        DFA(("a",), ("x",), {("a", "x"): "c"}, "z", frozenset({"y"}))
    message = str(info.value)
    assert "start='z'" in message and "'y'" in message and "'c'" in message


@pytest.mark.parametrize(("word", "accepted"), [
    ("", True), ("0", True), ("11", True), ("110", True), ("1001", True), ("1", False), ("10", False),
    ("111", False), ("10000", False), ("1111011", True),
])
def test_divisibility_by_three(word, accepted):
    assert DIV3.accepts(word) is accepted
    assert run(DIV3, word, max_steps=100).outcome is (Outcome.ACCEPTED if accepted else Outcome.REJECTED)


def test_trace_has_the_state_after_each_symbol():
    trace = run(DIV3, "110", max_steps=10)
    assert [s.config.render() for s in trace] == [
        "r0 @ 0 | 1 1 0", "r1 @ 1 | 1 1 0", "r0 @ 2 | 1 1 0", "r0 @ 3 | 1 1 0"]
    assert [str(s.event) for s in trace][1:] == ["r0 -1-> r1", "r1 -1-> r0", "r0 -0-> r0"]
    assert trace.steps == 3 and trace.outcome is Outcome.ACCEPTED


def test_step_budget_stops_a_long_input():
    trace = run(DIV3, "1" * 50, max_steps=10)
    assert trace.outcome is Outcome.STEP_LIMIT and trace.steps == 10


def test_partial_dfa_rejects_where_a_move_is_missing():
    dfa = DFA.from_dict({"a": {"x": "b"}}, start="a", accepting=["b"], alphabet=["x", "y"])
    trace = run(dfa, "xx", max_steps=10)
    assert trace.outcome is Outcome.REJECTED and trace.steps == 1
    assert not dfa.accepts("xx") and dfa.accepts("x") and not dfa.accepts("y")


def test_complete_adds_a_trap_only_when_needed():
    dfa = DFA.from_dict({"a": {"x": "b"}}, start="a", accepting=["b"], alphabet=["x", "y"])
    complete = dfa.complete()
    assert complete.is_complete and complete.states == ("a", "b", "trap")
    assert DIV3.complete() is DIV3


@pytest.mark.parametrize("bad", ["012", "1 0", "x"])
def test_foreign_input_symbols_are_rejected_with_their_position(bad):
    with pytest.raises(InvalidInputError, match="position"):
        DIV3.accepts(bad)
    with pytest.raises(InvalidInputError):
        DIV3.initial(bad)


def test_multi_character_symbols_split_on_whitespace():
    dfa = DFA.from_dict({"s": {"ab": "t"}, "t": {"cd": "s"}}, start="s", accepting=["s"])
    assert dfa.accepts("ab cd") and dfa.accepts(["ab", "cd"]) and not dfa.accepts("ab")


@given(dfas(), words_over())
def test_config_render_parse_round_trip(dfa, word):
    for snapshot in run(dfa, word, max_steps=20):
        assert DFAConfig.parse(snapshot.config.render()) == snapshot.config


@given(dfas(), words_over())
def test_fast_acceptor_agrees_with_the_stepping_protocol(dfa, word):
    assert dfa.accepts(word) is (run(dfa, word, max_steps=20).outcome is Outcome.ACCEPTED)


def _automata_lib(dfa: DFA):
    from automata.fa.dfa import DFA as LibDFA

    table = {q: {s: dfa.transitions[(q, s)] for s in dfa.alphabet if (q, s) in dfa.transitions}
             for q in dfa.states}
    return LibDFA(states=set(dfa.states), input_symbols=set(dfa.alphabet), transitions=table,
                  initial_state=dfa.start, final_states=set(dfa.accepting), allow_partial=True)


@given(dfas(max_states=8, alphabet="abc"), st.lists(words_over("abc", 12), min_size=1, max_size=10))
def test_agrees_with_automata_lib(dfa, words):
    reference = _automata_lib(dfa)
    for word in words:
        assert dfa.accepts(word) is reference.accepts_input(word)


def test_transition_reads_well():
    assert str(Transition("q0", "a", "q1")) == "q0 -a-> q1"
