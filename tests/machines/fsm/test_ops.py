"""Automata algorithms checked by brute-force enumeration of words, and minimisation against automata-lib."""

import itertools

from hypothesis import given, settings

from machines.fsm import (
    DFA,
    NFA,
    complement,
    count_words,
    determinize,
    difference,
    find_counterexample,
    intersection,
    is_empty,
    is_equivalent,
    is_finite,
    make_divisibility,
    minimize,
    regex_to_nfa,
    shortest_word,
    symmetric_difference,
    union,
    words,
    words_of_length,
)
from tests.machines.fsm.strategies import dfas, nfas

MAX = 6
ALL_WORDS = ["".join(w) for n in range(MAX + 1) for w in itertools.product("ab", repeat=n)]


def language(automaton, length=MAX):
    """The accepted words up to `length`, by running the automaton on every word."""
    return {w for w in ALL_WORDS if len(w) <= length and automaton.accepts(w)}


@settings(max_examples=50)
@given(nfas())
def test_minimised_accepts_the_same_words(nfa):
    assert language(minimize(nfa)) == language(nfa)


@given(dfas(max_states=6))
def test_minimised_size_matches_automata_lib(dfa):
    from automata.fa.dfa import DFA as LibDFA

    complete = dfa.complete()
    table = {q: {s: complete.transitions[(q, s)] for s in complete.alphabet} for q in complete.states}
    reference = LibDFA(states=set(complete.states), input_symbols=set(complete.alphabet), transitions=table,
                       initial_state=complete.start, final_states=set(complete.accepting)).minify()
    assert len(minimize(dfa).states) == len(reference.states)


@given(dfas(max_states=6))
def test_minimising_twice_changes_nothing(dfa):
    once = minimize(dfa)
    assert len(minimize(once).states) == len(once.states)


@settings(max_examples=60)
@given(nfas(max_states=4), dfas(max_states=4))
def test_boolean_operations_match_set_operations(a, b):
    la, lb = language(a), language(b)
    assert language(union(a, b)) == la | lb
    assert language(intersection(a, b)) == la & lb
    assert language(difference(a, b)) == la - lb
    assert language(symmetric_difference(a, b)) == la ^ lb
    assert language(complement(a)) == set(ALL_WORDS) - la


@settings(max_examples=60)
@given(dfas(max_states=4), dfas(max_states=4))
def test_counterexample_is_a_shortest_word_in_the_difference(a, b):
    witness = find_counterexample(a, b)
    differing = sorted(language(a) ^ language(b), key=len)
    if witness is None:
        assert not differing and is_equivalent(a, b)
    else:
        word = "".join(witness)
        assert a.accepts(word) != b.accepts(word)
        # the product has at most 25 states, so a difference shows up within length 6 if at all
        assert len(word) == len(differing[0])


@settings(max_examples=50)
@given(nfas(max_states=4))
def test_emptiness_and_shortest_word(nfa):
    found = language(nfa)
    assert is_empty(nfa) is (not found and not language(nfa, MAX))
    word = shortest_word(nfa)
    if word is not None:
        assert nfa.accepts(word) and len(word) == min(len(w) for w in found)


@given(dfas(max_states=4))
def test_finiteness_by_pumping_bound(dfa):
    # With n states a language is infinite iff it has a word of length between n and 2n - 1.
    n = len(dfa.states)
    long_words = [w for w in words(dfa, max_length=2 * n - 1) if len(w) >= n]
    assert is_finite(dfa) is (not long_words)


@settings(max_examples=50)
@given(nfas(max_states=4))
def test_enumeration_matches_brute_force(nfa):
    listed = ["".join(w) for w in words(nfa, max_length=5)]
    assert listed == sorted(language(nfa, 5), key=lambda w: (len(w), w))
    assert all(count_words(nfa, n) == sum(1 for w in listed if len(w) == n) for n in range(6))


def test_enumeration_order_for_multiples_of_three():
    listed = ["".join(w) for w in words(make_divisibility(3), max_length=4)]
    assert listed == ["", "0", "00", "11", "000", "011", "110",
                      "0000", "0011", "0110", "1001", "1100", "1111"]
    assert list(words_of_length(make_divisibility(3), -1)) == []


def test_equivalent_regexes():
    assert is_equivalent(regex_to_nfa("(a|b)*", alphabet="ab"), regex_to_nfa("(a*b*)*", alphabet="ab"))
    assert find_counterexample(regex_to_nfa("a*"), regex_to_nfa("a+")) == ()
    assert find_counterexample(regex_to_nfa("(ab)*", alphabet="ab"), regex_to_nfa("a*b*")) == ("a",)


def test_minimal_dfa_of_ends_with_abb_has_four_states():
    dfa = minimize(regex_to_nfa("(a|b)*abb"))
    assert len(dfa.states) == 4 and dfa.is_complete


def test_operations_widen_to_the_union_of_alphabets():
    only_a = DFA.from_dict({"s": {"a": "s"}}, start="s", accepting=["s"])
    only_b = NFA.from_dict({"s": {"b": ["s"]}}, start="s", accepting=["s"])
    both = union(only_a, only_b)
    assert set(both.alphabet) == {"a", "b"}
    assert both.accepts("aaa") and both.accepts("bb") and not both.accepts("ab")
    assert determinize(only_b).accepts("bb")


def test_constructions_stop_at_their_state_budget():
    import pytest

    from machines.errors import BudgetError
    from machines.fsm.ops import product

    # (a|b)*a(a|b){8} remembers the last nine symbols: its minimal DFA has 2**9 states
    nfa = regex_to_nfa("(a|b)*a(a|b){8}")
    assert len(minimize(nfa).states) == 512
    with pytest.raises(BudgetError, match="max_states=100"):
        determinize(nfa, max_states=100)
    with pytest.raises(BudgetError, match="product construction"):
        product(make_divisibility(7), make_divisibility(11), lambda x, y: x and y, max_states=20)
