"""Provides deterministic finite automata (complete or partial), their configurations and a fast acceptor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import UnknownStateError, UnknownSymbolError
from machines.fsm.errors import raise_problems
from machines.fsm.words import (
    check_state,
    check_symbol,
    endpoint_problems,
    fresh_name,
    render_word,
    split_config,
    to_word,
    unique,
)


@dataclass(frozen=True, slots=True)
class Transition:
    """One move of a deterministic automaton: in `source` reading `symbol`, go to `target`."""

    source: str
    symbol: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} -{self.symbol}-> {self.target}"


@dataclass(frozen=True, slots=True)
class DFAConfig:
    """A DFA's configuration: its state, the whole input word, and how many symbols it has read."""

    state: str
    word: tuple[str, ...]
    position: int

    def render(self) -> str:
        """Canonical one-line text: 'q1 @ 2 | 0 1 1'."""
        return f"{self.state} @ {self.position} | {render_word(self.word)}".rstrip()

    @classmethod
    def parse(cls, text: str) -> DFAConfig:
        """Reads what `render` writes."""
        state, position, word = split_config(text)
        return cls(state, word, position)


@dataclass(frozen=True, slots=True)
class DFA:
    """A deterministic finite automaton; `transitions` maps (state, symbol) to a state.

    The table may be partial: reading a symbol with no transition rejects the input.

    Example:
        >>> parity = DFA.from_dict({"e": {"1": "o", "0": "e"}, "o": {"1": "e", "0": "o"}},
        ...                        start="e", accepting=["e"])
        >>> parity.accepts("1001")
        True
    """

    states: tuple[str, ...]
    alphabet: tuple[str, ...]
    transitions: Mapping[tuple[str, str], str]
    start: str
    accepting: frozenset[str]
    name: str = ""
    _flat: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _codes: Mapping[str, int] = field(init=False, repr=False, compare=False)
    _lut: bytes | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "states", unique(map(check_state, self.states), "states"))
        set_(self, "alphabet", unique(map(check_symbol, self.alphabet), "alphabet"))
        set_(self, "accepting", frozenset(self.accepting))
        set_(self, "transitions", MappingProxyType(dict(self.transitions)))
        states, symbols = set(self.states), set(self.alphabet)
        problems = endpoint_problems(self.states, self.start, self.accepting)
        for (source, symbol), target in self.transitions.items():
            for q in (source, target):
                if q not in states:
                    problems.append((UnknownStateError, f"transition {source} -{symbol}-> {target} uses "
                                                        f"state {q!r}, not in {list(self.states)!r}"))
            if symbol not in symbols:
                problems.append((UnknownSymbolError, f"transition {source} -{symbol}-> {target} reads "
                                                     f"{symbol!r}, not in alphabet {list(self.alphabet)!r}"))
        raise_problems(problems)
        set_(self, "_codes", MappingProxyType({s: i for i, s in enumerate(self.alphabet)}))
        set_(self, "_flat", self._flat_table())
        set_(self, "_lut", self._byte_codes())

    def _flat_table(self) -> tuple[int, ...]:
        # Row i (offset i*k) holds the premultiplied next row for each symbol; row n is a dead trap.
        k, n = max(1, len(self.alphabet)), len(self.states)
        index = {q: i for i, q in enumerate(self.states)}
        flat = [n * k] * ((n + 1) * k)
        for (source, symbol), target in self.transitions.items():
            flat[index[source] * k + self._codes[symbol]] = index[target] * k
        return tuple(flat)

    def _byte_codes(self) -> bytes | None:
        # Maps the latin-1 byte of each one-character symbol to its code, every other byte to 255.
        if len(self.alphabet) > 255 or any(len(s) != 1 or ord(s) > 255 for s in self.alphabet):
            return None
        lut = bytearray([255] * 256)
        for symbol, code in self._codes.items():
            lut[ord(symbol)] = code
        return bytes(lut)

    @classmethod
    def from_dict(cls, table: Mapping[str, Mapping[str, str]], *, start: str, accepting: Iterable[str],
                  alphabet: Sequence[str] | None = None, name: str = "") -> DFA:
        """A DFA from {state: {symbol: target}}; states in order of first appearance."""
        states = dict.fromkeys([start, *table])
        for row in table.values():
            states.update(dict.fromkeys(row.values()))
        states.update(dict.fromkeys(accepting))
        if alphabet is None:
            alphabet = tuple(dict.fromkeys(s for row in table.values() for s in row))
        transitions = {(q, s): t for q, row in table.items() for s, t in row.items()}
        return cls(tuple(states), tuple(alphabet), transitions, start, frozenset(accepting), name)

    @property
    def is_complete(self) -> bool:
        """True if every state has a transition on every symbol."""
        return len(self.transitions) == len(self.states) * len(self.alphabet)

    def next_state(self, state: str, symbol: str) -> str | None:
        """The state after reading `symbol` in `state`, or None where the table is partial."""
        return self.transitions.get((state, symbol))

    def complete(self, *, alphabet: Sequence[str] | None = None, trap: str = "trap") -> DFA:
        """This DFA with missing transitions sent to a new rejecting trap state (if any are missing).

        With `alphabet`, the DFA is first widened to it (the new symbols lead to the trap).
        """
        symbols = tuple(dict.fromkeys([*self.alphabet, *(alphabet or ())]))
        if len(self.transitions) == len(self.states) * len(symbols):
            return self if symbols == self.alphabet else DFA(self.states, symbols, self.transitions,
                                                              self.start, self.accepting, self.name)
        trap = fresh_name(trap, self.states)
        states = (*self.states, trap)
        table = {(q, s): self.transitions.get((q, s), trap) for q in states for s in symbols}
        return DFA(states, symbols, table, self.start, self.accepting, self.name)

    def word(self, input: str | Sequence[str]) -> tuple[str, ...]:
        """`input` as a tuple of this DFA's symbols (InvalidInputError on a foreign symbol)."""
        return to_word(input, self.alphabet)

    def accepts(self, input: str | Sequence[str]) -> bool:
        """Whether the DFA accepts `input`: a tight loop over a byte-coded word and a flat integer table."""
        codes = self.codes(input)
        flat, q = self._flat, self.states.index(self.start) * max(1, len(self.alphabet))
        for c in codes:
            q = flat[q + c]
        index = q // max(1, len(self.alphabet))
        return index < len(self.states) and self.states[index] in self.accepting

    @property
    def byte_coded(self) -> bool:
        """True if every symbol is one character below 256, so string inputs are coded by bytes.translate."""
        return self._lut is not None

    def codes(self, input: str | Sequence[str]) -> bytes | list[int]:
        """The input as symbol codes (indices into `alphabet`); InvalidInputError on a foreign symbol."""
        if isinstance(input, str):
            if self._lut is not None:
                try:
                    coded = input.encode("latin-1").translate(self._lut)
                except UnicodeEncodeError:
                    coded = b"\xff"
                if coded.find(255) >= 0:
                    to_word(input, self.alphabet)  # raises, naming the first foreign symbol
                return coded
            input = self.word(input)
        try:
            return [self._codes[s] for s in input]
        except (KeyError, TypeError):
            to_word(input, self.alphabet)  # raises, naming the first foreign symbol
            raise

    # The stepping protocol of machines.core.

    def initial(self, input: str | Sequence[str] = "") -> DFAConfig:
        """The start configuration on `input`."""
        return DFAConfig(self.start, self.word(input), 0)

    def classify(self, config: DFAConfig) -> Outcome:
        """ACCEPTED/REJECTED once the input is read or no transition applies, else RUNNING."""
        if config.position == len(config.word):
            return Outcome.ACCEPTED if config.state in self.accepting else Outcome.REJECTED
        if (config.state, config.word[config.position]) not in self.transitions:
            return Outcome.REJECTED
        return Outcome.RUNNING

    def step(self, config: DFAConfig) -> tuple[DFAConfig, Transition]:
        """Reads the next symbol."""
        symbol = config.word[config.position]
        target = self.transitions[(config.state, symbol)]
        return DFAConfig(target, config.word, config.position + 1), Transition(config.state, symbol, target)
