"""Provides numpy engines for DFAs: a parallel scan over the transition monoid and a batch runner.

A word's effect on a DFA is a function from states to states; these functions form the DFA's
transition monoid. When that monoid is small (parity: 2 elements, a mod-3 counter: 3, S5: 120), a
long word is reduced by composing neighbouring elements pairwise, one table lookup per pair, so the
work is numpy indexing of halving arrays instead of a Python loop over symbols.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from machines.errors import check_budget
from machines.fsm.dfa import DFA


@dataclass(frozen=True, slots=True)
class TransitionMonoid:
    """The functions Q -> Q that words induce on a complete DFA, numbered, with their composition table.

    `functions[e][q]` is the state index element `e` sends state index `q` to; `compose[a, b]` is
    the element for "a, then b"; `identity` is the empty word's element and `symbols[c]` symbol c's.
    """

    dfa: DFA
    functions: np.ndarray
    compose: np.ndarray
    identity: int
    symbols: np.ndarray

    @classmethod
    def of(cls, dfa: DFA, *, max_size: int = 1024) -> TransitionMonoid | None:
        """The monoid of `dfa` (completed), or None if it has more than `max_size` elements."""
        check_budget("max_size", max_size)
        dfa = dfa.complete()
        index = {q: i for i, q in enumerate(dfa.states)}
        identity = tuple(range(len(dfa.states)))
        generators = [tuple(index[dfa.transitions[(q, s)]] for q in dfa.states) for s in dfa.alphabet]
        numbers: dict[tuple[int, ...], int] = {}
        for f in (identity, *generators):
            numbers.setdefault(f, len(numbers))
        if len(numbers) > max_size:
            return None
        elements = list(numbers)
        i = 0
        while i < len(elements):
            for g in generators:
                h = tuple(g[q] for q in elements[i])
                if h not in numbers:
                    if len(numbers) >= max_size:
                        return None
                    numbers[h] = len(numbers)
                    elements.append(h)
            i += 1
        functions = np.array(elements, dtype=np.int64).reshape(len(elements), len(dfa.states))
        compose = np.empty((len(elements), len(elements)), dtype=np.int32)
        for a in range(len(elements)):
            then = functions[:, functions[a]]  # row b: b applied after a
            compose[a] = [numbers[tuple(row)] for row in then.tolist()]
        return cls(dfa, functions, compose, numbers[identity],
                   np.array([numbers[g] for g in generators], dtype=np.int32))

    @property
    def size(self) -> int:
        return len(self.functions)

    def element(self, codes: np.ndarray) -> int:
        """The element a word (an array of symbol codes 0..k-1) induces, by pairwise reduction."""
        # The smallest element type keeps the halving arrays in cache; the table is indexed flat.
        dtype = np.uint8 if self.size <= 256 else np.uint16 if self.size <= 65536 else np.int64
        flat = self.compose.astype(dtype).ravel()
        x = self.symbols.astype(dtype)[codes] if len(codes) else np.array([self.identity], dtype=dtype)
        identity = dtype(self.identity)
        while len(x) > 1:
            if len(x) % 2:
                x = np.append(x, identity)
            x = flat[x[0::2].astype(np.intp) * self.size + x[1::2]]
        return int(x[0])

    def final_state(self, codes: np.ndarray) -> str:
        """The state the DFA ends in after reading the coded word from its start state."""
        start = self.dfa.states.index(self.dfa.start)
        return self.dfa.states[self.functions[self.element(codes), start]]

    def accepts(self, input: str | Sequence[str]) -> bool:
        """Whether the DFA accepts `input` (build the monoid once, then scan many long words)."""
        return self.final_state(encode(self.dfa, input)) in self.dfa.accepting


def encode(dfa: DFA, input: str | Sequence[str]) -> np.ndarray:
    """A word as a uint8/int32 array of symbol codes (the alphabet's order)."""
    codes = dfa.codes(input)
    if isinstance(codes, bytes):
        return np.frombuffer(codes, dtype=np.uint8)
    return np.asarray(codes, dtype=np.int32)


def accepts_scan(dfa: DFA, input: str | Sequence[str], *, max_size: int = 1024) -> bool:
    """Whether `dfa` accepts `input`, by a monoid scan if the monoid is small, else by `dfa.accepts`."""
    monoid = TransitionMonoid.of(dfa, max_size=max_size)
    return dfa.accepts(input) if monoid is None else monoid.accepts(input)


@dataclass(frozen=True, slots=True)
class _Batch:
    """Inputs coded for a lock-step run: a premultiplied flat table and position-major columns."""

    flat: np.ndarray
    start: int
    columns: np.ndarray
    lengths: np.ndarray
    stride: int
    states: int

    @classmethod
    def of(cls, dfa: DFA, inputs: Sequence[str | Sequence[str]]) -> _Batch:
        complete = dfa.complete()
        n, k = len(complete.states), len(complete.alphabet)
        index = {q: i for i, q in enumerate(complete.states)}
        table = np.empty((n, k + 1), dtype=np.int32)
        for (q, s), t in complete.transitions.items():
            table[index[q], complete.alphabet.index(s)] = index[t]
        table[:, k] = np.arange(n)  # the padding symbol leaves every state unchanged
        if complete.byte_coded and all(isinstance(word, str) for word in inputs):
            codes = encode(complete, "".join(inputs))  # one C-level pass over all the inputs
            lengths = np.fromiter(map(len, inputs), dtype=np.int64, count=len(inputs))
        else:
            coded = [encode(complete, word) for word in inputs]
            codes = np.concatenate([np.zeros(0, np.int32), *coded])
            lengths = np.fromiter(map(len, coded), dtype=np.int64, count=len(coded))
        width = int(lengths.max(initial=0))
        words = np.full((len(inputs), width), k, dtype=np.int32)
        words[np.arange(width) < lengths[:, None]] = codes  # row-major order is the concatenation's order
        return cls((table * (k + 1)).ravel(), index[complete.start] * (k + 1),
                   np.ascontiguousarray(words.T), lengths, k + 1, len(dfa.states))

    def run(self):
        """Yields the premultiplied state of every input before the first and after each position."""
        q = np.full(len(self.lengths), self.start, dtype=np.int32)
        yield q
        for column in self.columns:  # one add and one gather per position
            q = self.flat[q + column]
            yield q


def final_states_batch(dfa: DFA, inputs: Sequence[str | Sequence[str]]) -> np.ndarray:
    """The final state index of each input in `dfa.states` (-1 where a partial DFA got stuck).

    All inputs advance together, one numpy gather per position; shorter inputs are padded with a
    symbol that leaves every state unchanged.
    """
    batch = _Batch.of(dfa, inputs)
    *_, q = batch.run()
    q = q // batch.stride
    return np.where(q >= batch.states, -1, q)


def states_batch(dfa: DFA, inputs: Sequence[str | Sequence[str]]) -> np.ndarray:
    """The state index of each input before and after each symbol: a (inputs, longest + 1) int array.

    Row i holds len(inputs[i]) + 1 states (the trace a run records), then -1; -1 also marks the
    positions after a partial DFA got stuck.
    """
    batch = _Batch.of(dfa, inputs)
    states = np.stack(list(batch.run()), axis=1) // batch.stride
    beyond = np.arange(states.shape[1]) > batch.lengths[:, None]
    return np.where(beyond | (states >= batch.states), -1, states)


def accepts_batch(dfa: DFA, inputs: Sequence[str | Sequence[str]]) -> np.ndarray:
    """A boolean array: whether `dfa` accepts each input (see `final_states_batch`)."""
    accepting = np.array([q in dfa.accepting for q in dfa.states] + [False])
    return accepting[final_states_batch(dfa, inputs)]
