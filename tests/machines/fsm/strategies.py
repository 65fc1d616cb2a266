"""Hypothesis strategies for finite automata: random DFAs (complete or partial) and NFAs."""

from hypothesis import strategies as st

from machines.fsm import DFA, EPSILON, NFA


@st.composite
def dfas(draw, *, max_states: int = 5, alphabet: str = "ab", partial: bool = True) -> DFA:
    """Random DFAs with states q0.. over `alphabet`; with `partial`, some moves are missing."""
    n = draw(st.integers(1, max_states))
    states = [f"q{i}" for i in range(n)]
    table = {}
    for q in states:
        for s in alphabet:
            if partial and draw(st.integers(0, 5)) == 0:
                continue
            table[(q, s)] = draw(st.sampled_from(states))
    accepting = draw(st.sets(st.sampled_from(states)))
    return DFA(tuple(states), tuple(alphabet), table, "q0", frozenset(accepting))


@st.composite
def nfas(draw, *, max_states: int = 5, alphabet: str = "ab", epsilon: bool = True) -> NFA:
    """Random NFAs with states q0.. over `alphabet`, some with epsilon moves."""
    n = draw(st.integers(1, max_states))
    states = [f"q{i}" for i in range(n)]
    symbols = [*alphabet, EPSILON] if epsilon else list(alphabet)
    table = {}
    for q in states:
        for s in symbols:
            targets = draw(st.sets(st.sampled_from(states), max_size=2))
            if targets:
                table[(q, s)] = frozenset(targets)
    accepting = draw(st.sets(st.sampled_from(states)))
    return NFA(tuple(states), tuple(alphabet), table, "q0", frozenset(accepting))


def words_over(alphabet: str = "ab", max_size: int = 8):
    """Random words over `alphabet` as strings."""
    return st.text(alphabet=alphabet, max_size=max_size)
