"""The numpy engines: monoid scan and batch runner agree with the plain acceptor."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.fsm import (
    DFA,
    TransitionMonoid,
    accepts_batch,
    accepts_scan,
    final_states_batch,
    make_divisibility,
    make_parity,
    make_symmetric_group,
    states_batch,
)
from tests.machines.fsm.strategies import dfas, words_over


@pytest.mark.parametrize(("dfa", "size"), [
    (make_parity(), 2), (make_divisibility(3), 6), (make_symmetric_group(5), 120),
    (make_symmetric_group(3, generators=["102", "120"]), 6),
])
def test_monoid_sizes(dfa, size):
    assert TransitionMonoid.of(dfa).size == size


def test_monoid_too_large_is_none():
    assert TransitionMonoid.of(make_symmetric_group(5), max_size=100) is None


@given(dfas(max_states=4), words_over(max_size=40))
def test_scan_agrees_with_accepts(dfa, word):
    assert accepts_scan(dfa, word) is dfa.accepts(word)


@given(dfas(max_states=4), st.lists(words_over(max_size=10), max_size=20))
def test_batch_agrees_with_accepts(dfa, words):
    expected = [dfa.accepts(w) for w in words]
    assert accepts_batch(dfa, words).tolist() == expected
    assert accepts_batch(dfa, [list(w) for w in words]).tolist() == expected


def test_batch_marks_stuck_inputs():
    dfa = DFA.from_dict({"a": {"x": "b"}}, start="a", accepting=["b"], alphabet=["x", "y"])
    assert final_states_batch(dfa, ["x", "xx", "y", ""]).tolist() == [1, -1, -1, 0]
    assert accepts_batch(dfa, []).shape == (0,)


def test_scan_on_s5_matches_multiplying_permutations():
    s5 = make_symmetric_group(5)
    rng = np.random.default_rng(0)
    word = [s5.alphabet[i] for i in rng.integers(0, 120, 3001)]
    state = s5.start
    for symbol in word:
        state = s5.transitions[(state, symbol)]
    monoid = TransitionMonoid.of(s5)
    from machines.fsm.fast import encode

    assert monoid.final_state(encode(s5, word)) == state


@given(dfas(max_states=4), st.lists(words_over(max_size=10), min_size=1, max_size=10))
def test_state_sequences_are_the_traces_of_runs(dfa, words):
    from machines.core import run

    table = states_batch(dfa, words)
    for row, word in zip(table.tolist(), words, strict=True):
        trace = [dfa.states.index(s.config.state) for s in run(dfa, word, max_steps=20)]
        expected = trace + [-1] * (table.shape[1] - len(trace))
        assert row == expected
