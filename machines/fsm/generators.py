"""Provides automata for benchmarks: seeded random DFAs, state-tracking automata and divisibility.

The state-tracking automata are those of the chain-of-thought literature: composition in the
symmetric group S5, parity and modular counters.
"""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Sequence

from machines.errors import InvalidMachineError, check_budget
from machines.fsm.dfa import DFA

DIGITS = string.digits + string.ascii_lowercase


def random_dfa(size: int, *, alphabet: Sequence[str] = ("0", "1"), seed: int,
               accept_probability: float = 0.5) -> DFA:
    """A complete DFA with states q0..q{size-1}, start q0, uniformly random moves; the same seed gives
    the same DFA."""
    check_budget("size", size)
    if not 0 <= accept_probability <= 1:
        raise InvalidMachineError(f"accept_probability={accept_probability!r} must be between 0 and 1")
    rng = random.Random(seed)
    states = tuple(f"q{i}" for i in range(size))
    table = {(q, s): rng.choice(states) for q in states for s in alphabet}
    accepting = frozenset(q for q in states if rng.random() < accept_probability)
    return DFA(states, tuple(alphabet), table, states[0], accepting, f"random-{size}-seed-{seed}")


def make_divisibility(divisor: int, *, base: int = 2) -> DFA:
    """The DFA reading a number's digits (most significant first) that accepts multiples of `divisor`.

    State r{k} means "the digits so far are k modulo divisor"; the empty word reads as 0.
    """
    check_budget("divisor", divisor)
    if not 2 <= base <= len(DIGITS):
        raise InvalidMachineError(f"base={base!r} must be between 2 and {len(DIGITS)}")
    states = tuple(f"r{k}" for k in range(divisor))
    table = {(f"r{k}", DIGITS[d]): f"r{(k * base + d) % divisor}"
             for k in range(divisor) for d in range(base)}
    return DFA(states, tuple(DIGITS[:base]), table, "r0", frozenset({"r0"}),
               f"base-{base} multiples of {divisor}")


def make_modular_counter(modulus: int, *, alphabet: Sequence[str] = ("0", "1")) -> DFA:
    """The counter that adds each symbol's value (its index in `alphabet`) modulo `modulus`.

    State c{k} holds the running sum k; words whose sum is 0 modulo `modulus` are accepted.
    """
    check_budget("modulus", modulus)
    states = tuple(f"c{k}" for k in range(modulus))
    table = {(f"c{k}", s): f"c{(k + v) % modulus}" for k in range(modulus) for v, s in enumerate(alphabet)}
    return DFA(states, tuple(alphabet), table, "c0", frozenset({"c0"}), f"sum modulo {modulus}")


def make_parity() -> DFA:
    """Parity of the number of 1s in a binary word (c0: even, c1: odd); even words are accepted."""
    counter = make_modular_counter(2)
    return DFA(counter.states, counter.alphabet, counter.transitions, counter.start, counter.accepting,
               "parity")


def permutation_name(permutation: Sequence[int]) -> str:
    """One-line notation: the images of 0, 1, ... as digits, e.g. '10234' swaps 0 and 1."""
    return "".join(DIGITS[i] for i in permutation)


def make_symmetric_group(degree: int = 5, *, generators: Sequence[str] | None = None) -> DFA:
    """The word problem of the symmetric group S_degree as a DFA (S5, degree 5, has 120 states).

    States and symbols are permutations in one-line notation (`permutation_name`); reading a symbol
    applies it after the current state, so the state is the product of the word read so far.
    Symbols are all the group's elements unless `generators` names some; the identity is accepting.
    """
    check_budget("degree", degree)
    if degree > len(DIGITS):
        raise InvalidMachineError(f"degree={degree!r} is above {len(DIGITS)}")
    elements = [tuple(p) for p in itertools.permutations(range(degree))]
    names = [permutation_name(p) for p in elements]
    symbols = list(generators) if generators is not None else names
    unknown = sorted(set(symbols) - set(names))
    if unknown:
        raise InvalidMachineError(f"generators {unknown!r} are not permutations of {degree} points")
    by_name = dict(zip(names, elements, strict=True))
    table = {}
    for state, p in zip(names, elements, strict=True):
        for symbol in symbols:
            g = by_name[symbol]
            table[(state, symbol)] = permutation_name(tuple(g[p[i]] for i in range(degree)))
    identity = permutation_name(range(degree))
    return DFA(tuple(names), tuple(symbols), table, identity, frozenset({identity}),
               f"S{degree} word problem")
