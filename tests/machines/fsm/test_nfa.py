"""NFAs with epsilon moves: closures, traces, configurations and the subset construction."""

import pytest
from hypothesis import given

from machines.core import Outcome, run
from machines.errors import UnknownStateError, UnknownSymbolError
from machines.fsm import NFA, NFAConfig, SubsetStep, determinize
from tests.machines.fsm.strategies import nfas, words_over

# (ab)+ | a+b, as in JFLAP's NFAexample2 (epsilon moves from the start and from q5 back to q1).
AB = NFA.from_dict({"q0": {"": ["q1", "q2"]}, "q1": {"a": ["q3"]}, "q3": {"b": ["q5"]}, "q5": {"": ["q1"]},
                    "q2": {"a": ["q4"]}, "q4": {"a": ["q4"], "b": ["q6"]}},
                   start="q0", accepting=["q5", "q6"])


@pytest.mark.parametrize(("word", "accepted"), [
    ("ab", True), ("abab", True), ("aab", True), ("aaab", True), ("", False), ("a", False), ("b", False),
    ("aabab", False), ("aba", False),
])
def test_language(word, accepted):
    assert AB.accepts(word) is accepted
    assert (run(AB, word, max_steps=50).outcome is Outcome.ACCEPTED) is accepted


def test_trace_is_the_epsilon_closed_set_after_each_symbol():
    trace = run(AB, "abab", max_steps=10)
    assert [s.config.render() for s in trace] == [
        "{q0,q1,q2} @ 0 | a b a b", "{q3,q4} @ 1 | a b a b", "{q1,q5,q6} @ 2 | a b a b",
        "{q3} @ 3 | a b a b", "{q1,q5} @ 4 | a b a b"]
    assert str(trace.snapshots[1].event) == "{q0,q1,q2} -a-> {q3,q4}"
    assert isinstance(trace.snapshots[1].event, SubsetStep)


def test_empty_set_rejects_early():
    trace = run(AB, "bab", max_steps=10)
    assert trace.outcome is Outcome.REJECTED and trace.steps == 1 and trace.final.config.states == frozenset()


def test_closure_follows_chains_and_cycles():
    nfa = NFA.from_dict({"a": {"": ["b"]}, "b": {"": ["c", "a"]}, "c": {"x": ["a"]}}, start="a", accepting=[])
    assert nfa.closure(["a"]) == {"a", "b", "c"} and nfa.has_epsilon_moves


@pytest.mark.parametrize(("kwargs", "error"), [
    (dict(states=("a",), alphabet=("x",), transitions={("a", "x"): {"b"}}, start="a", accepting=()),
     UnknownStateError),
    (dict(states=("a",), alphabet=("x",), transitions={("a", "y"): {"a"}}, start="a", accepting=()),
     UnknownSymbolError),
    (dict(states=("a",), alphabet=("x",), transitions={}, start="q", accepting=()), UnknownStateError),
])
def test_bad_definitions(kwargs, error):
    with pytest.raises(error):
        NFA(**kwargs)


@given(nfas(), words_over())
def test_config_round_trip(nfa, word):
    for snapshot in run(nfa, word, max_steps=20):
        assert NFAConfig.parse(snapshot.config.render()) == snapshot.config


@given(nfas(), words_over())
def test_subset_construction_agrees_with_the_nfa(nfa, word):
    assert determinize(nfa).accepts(word) is nfa.accepts(word)


def test_subset_states_are_named_after_their_members():
    dfa = determinize(AB)
    assert dfa.start == "q0+q1+q2" and "q3+q4" in dfa.states
