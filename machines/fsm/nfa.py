"""Provides nondeterministic finite automata with epsilon moves, and their set-of-states configurations."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import MachineSyntaxError, Span, UnknownStateError, UnknownSymbolError
from machines.fsm.errors import raise_problems
from machines.fsm.words import (
    EPSILON,
    check_state,
    check_symbol,
    endpoint_problems,
    render_word,
    split_config,
    to_word,
    unique,
)


def render_states(states: Iterable[str]) -> str:
    """A set of states as '{q0,q1}' (sorted, so equal sets render equally)."""
    return "{" + ",".join(sorted(states)) + "}"


@dataclass(frozen=True, slots=True)
class SubsetStep:
    """One move of an NFA run: from the set `sources`, reading `symbol`, to the set `targets`."""

    sources: frozenset[str]
    symbol: str
    targets: frozenset[str]

    def __str__(self) -> str:
        return f"{render_states(self.sources)} -{self.symbol}-> {render_states(self.targets)}"


@dataclass(frozen=True, slots=True)
class NFAConfig:
    """An NFA's configuration: the set of states it may be in, the input word, and the symbols read."""

    states: frozenset[str]
    word: tuple[str, ...]
    position: int

    def render(self) -> str:
        """Canonical one-line text: '{q0,q2} @ 1 | a b'."""
        return f"{render_states(self.states)} @ {self.position} | {render_word(self.word)}".rstrip()

    @classmethod
    def parse(cls, text: str) -> NFAConfig:
        """Reads what `render` writes."""
        states, position, word = split_config(text)
        if not (states.startswith("{") and states.endswith("}")):
            raise MachineSyntaxError("expected a set of states '{q0,q1}'", span=Span(1, 1), source=text)
        inner = states[1:-1]
        return cls(frozenset(inner.split(",")) if inner else frozenset(), word, position)


@dataclass(frozen=True, slots=True)
class NFA:
    """A nondeterministic finite automaton; `transitions` maps (state, symbol) to a set of states.

    The symbol EPSILON ('') marks epsilon (lambda) moves. A run tracks the set of states reachable
    after each symbol, closed under epsilon moves.
    """

    states: tuple[str, ...]
    alphabet: tuple[str, ...]
    transitions: Mapping[tuple[str, str], frozenset[str]]
    start: str
    accepting: frozenset[str]
    name: str = ""
    _closures: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "states", unique(map(check_state, self.states), "states"))
        set_(self, "alphabet", unique(map(check_symbol, self.alphabet), "alphabet"))
        set_(self, "accepting", frozenset(self.accepting))
        table = {key: frozenset(targets) for key, targets in self.transitions.items() if targets}
        set_(self, "transitions", MappingProxyType(table))
        states, symbols = set(self.states), set(self.alphabet)
        problems = endpoint_problems(self.states, self.start, self.accepting)
        for (source, symbol), targets in table.items():
            for q in sorted({source, *targets} - states):
                problems.append((UnknownStateError, f"transition from {source!r} on {symbol!r} uses state "
                                                    f"{q!r}, not in {list(self.states)!r}"))
            if symbol != EPSILON and symbol not in symbols:
                problems.append((UnknownSymbolError, f"transition from {source!r} reads {symbol!r}, not in "
                                                     f"alphabet {list(self.alphabet)!r}"))
        raise_problems(problems)
        set_(self, "_closures", MappingProxyType({q: self._close(q) for q in self.states}))

    def _close(self, state: str) -> frozenset[str]:
        seen, todo = {state}, [state]
        while todo:
            for target in self.transitions.get((todo.pop(), EPSILON), ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return frozenset(seen)

    @classmethod
    def from_dict(cls, table: Mapping[str, Mapping[str, Iterable[str]]], *, start: str,
                  accepting: Iterable[str], alphabet: Sequence[str] | None = None, name: str = "") -> NFA:
        """An NFA from {state: {symbol: targets}} ('' for epsilon); states in order of first appearance."""
        states = dict.fromkeys([start, *table])
        for row in table.values():
            for targets in row.values():
                states.update(dict.fromkeys(targets))
        states.update(dict.fromkeys(accepting))
        symbols = alphabet if alphabet is not None else dict.fromkeys(
            s for row in table.values() for s in row if s != EPSILON)
        transitions = {(q, s): frozenset(t) for q, row in table.items() for s, t in row.items()}
        return cls(tuple(states), tuple(symbols), transitions, start, frozenset(accepting), name)

    @property
    def has_epsilon_moves(self) -> bool:
        return any(symbol == EPSILON for _, symbol in self.transitions)

    def closure(self, states: Iterable[str]) -> frozenset[str]:
        """The states reachable from `states` by epsilon moves (including themselves)."""
        return frozenset().union(*(self._closures[q] for q in states))

    def move(self, states: Iterable[str], symbol: str) -> frozenset[str]:
        """The epsilon-closed set of states after reading `symbol` from any of `states`."""
        targets = frozenset().union(*(self.transitions.get((q, symbol), ()) for q in states))
        return self.closure(targets)

    def word(self, input: str | Sequence[str]) -> tuple[str, ...]:
        """`input` as a tuple of this NFA's symbols (InvalidInputError on a foreign symbol)."""
        return to_word(input, self.alphabet)

    def accepts(self, input: str | Sequence[str]) -> bool:
        """Whether some run of the NFA on `input` ends in an accepting state."""
        current = self._closures[self.start]
        for symbol in self.word(input):
            current = self.move(current, symbol)
            if not current:
                return False
        return not current.isdisjoint(self.accepting)

    # The stepping protocol of machines.core.

    def initial(self, input: str | Sequence[str] = "") -> NFAConfig:
        """The epsilon closure of the start state, before any symbol."""
        return NFAConfig(self._closures[self.start], self.word(input), 0)

    def classify(self, config: NFAConfig) -> Outcome:
        """ACCEPTED/REJECTED once the input is read or no state is left, else RUNNING."""
        if config.position == len(config.word):
            return Outcome.REJECTED if config.states.isdisjoint(self.accepting) else Outcome.ACCEPTED
        return Outcome.RUNNING if config.states else Outcome.REJECTED

    def step(self, config: NFAConfig) -> tuple[NFAConfig, SubsetStep]:
        """Reads the next symbol from every current state at once."""
        symbol = config.word[config.position]
        targets = self.move(config.states, symbol)
        event = SubsetStep(config.states, symbol, targets)
        return NFAConfig(targets, config.word, config.position + 1), event
