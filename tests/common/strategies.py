"""Hypothesis strategies shared across the test suite (plural names: one per type)."""

from hypothesis import strategies as st

from machines.turing import Move, Rule, TuringMachine

STATE_NAMES = "ABCDEFGH"


@st.composite
def turing_machines(draw, *, max_states: int = 4, max_symbols: int = 3, tapes: int = 1,
                    allow_stay: bool = True) -> TuringMachine:
    """Random deterministic machines: some transitions undefined, some into the halt state 'Z'."""
    n = draw(st.integers(1, max_states))
    k = draw(st.integers(2, max_symbols))
    states = (*STATE_NAMES[:n], "Z")
    symbols = tuple(str(i) for i in range(k))
    moves = [Move.L, Move.R] + ([Move.S] if allow_stay else [])
    rules = []
    for state in states[:-1]:
        for reads in _products(symbols, tapes):
            if draw(st.integers(0, 9)) == 0:
                continue  # undefined: halts without a step
            write = tuple(draw(st.sampled_from(symbols)) for _ in range(tapes))
            move = tuple(draw(st.sampled_from(moves)) for _ in range(tapes))
            target = draw(st.sampled_from(states))
            rules.append(Rule(state, reads, write, move, target))
    return TuringMachine(states, symbols, "0", "A", frozenset({"Z"}), tuple(rules), tapes=tapes)


def _products(symbols, tapes):
    if tapes == 0:
        return [()]
    return [(s, *rest) for s in symbols for rest in _products(symbols, tapes - 1)]
