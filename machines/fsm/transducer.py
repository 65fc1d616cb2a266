"""Provides finite-state transducers: Mealy and Moore machines, with their configurations.

A Mealy machine writes on its transitions, a Moore machine on the states it enters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import (
    InvalidInputError,
    InvalidMachineError,
    MachineSyntaxError,
    Span,
    UnknownStateError,
    UnknownSymbolError,
)
from machines.fsm.errors import raise_problems
from machines.fsm.words import (
    check_state,
    check_symbol,
    endpoint_problems,
    render_word,
    split_config,
    to_word,
    unique,
)

_ARROW = "->"


@dataclass(frozen=True, slots=True)
class OutputTransition:
    """One move of a transducer: in `source` reading `symbol`, go to `target` and write `output`."""

    source: str
    symbol: str
    target: str
    output: str

    def __str__(self) -> str:
        return f"{self.source} -{self.symbol}/{self.output}-> {self.target}"


@dataclass(frozen=True, slots=True)
class TransducerConfig:
    """A transducer's configuration: state, input word, symbols read, and the output written so far."""

    state: str
    word: tuple[str, ...]
    position: int
    output: tuple[str, ...]

    def render(self) -> str:
        """Canonical one-line text: 'q1 @ 2 | a b a -> x y'."""
        head = f"{self.state} @ {self.position} | {render_word(self.word)}"
        return f"{head} {_ARROW} {render_word(self.output)}".rstrip()

    @classmethod
    def parse(cls, text: str) -> TransducerConfig:
        """Reads what `render` writes."""
        tokens = text.split()
        if _ARROW not in tokens:
            raise MachineSyntaxError("expected 'STATE @ POSITION | INPUT -> OUTPUT'", span=Span(1, 1),
                                     source=text)
        cut = len(tokens) - 1 - tokens[::-1].index(_ARROW)
        state, position, word = split_config(" ".join(tokens[:cut]))
        return cls(state, word, position, tuple(tokens[cut + 1:]))


def _check_alphabets(states, alphabet, outputs) -> tuple[tuple[str, ...], ...]:
    states = unique(map(check_state, states), "states")
    alphabet = unique(map(check_symbol, alphabet), "alphabet")
    outputs = unique(map(check_symbol, outputs), "outputs")
    if _ARROW in alphabet or _ARROW in outputs:
        raise InvalidMachineError(f"{_ARROW!r} cannot be a transducer symbol (it separates input and output)")
    return states, alphabet, outputs


def _transition_problems(machine, targets: Mapping[tuple[str, str], str]) -> list:
    states, symbols = set(machine.states), set(machine.alphabet)
    problems = endpoint_problems(machine.states, machine.start, frozenset())
    for (source, symbol), target in targets.items():
        for q in sorted({source, target} - states):
            problems.append((UnknownStateError, f"transition {source} -{symbol}-> {target} uses state {q!r}, "
                                                f"not in {list(machine.states)!r}"))
        if symbol not in symbols:
            problems.append((UnknownSymbolError, f"transition {source} -{symbol}-> {target} reads "
                                                 f"{symbol!r}, not in alphabet {list(machine.alphabet)!r}"))
    return problems


def _transduce(machine: Mealy | Moore, input: str | Sequence[str]) -> tuple[str, ...]:
    """The output for `input` (InvalidInputError where no transition applies)."""
    config = machine.initial(input)
    state, written = config.state, list(config.output)
    for i, symbol in enumerate(config.word):
        moved = machine.move(state, symbol)
        if moved is None:
            raise InvalidInputError(f"no transition from {state!r} on {symbol!r} (input position {i})")
        state, output = moved
        written.append(output)
    return tuple(written)


def _classify(machine: Mealy | Moore, config: TransducerConfig) -> Outcome:
    """HALTED at the end of the input, REJECTED where no transition applies, else RUNNING."""
    if config.position == len(config.word):
        return Outcome.HALTED
    if machine.move(config.state, config.word[config.position]) is None:
        return Outcome.REJECTED
    return Outcome.RUNNING


def _step(machine: Mealy | Moore, config: TransducerConfig) -> tuple[TransducerConfig, OutputTransition]:
    """Reads one symbol, moves and writes."""
    symbol = config.word[config.position]
    target, output = machine.move(config.state, symbol)
    event = OutputTransition(config.state, symbol, target, output)
    return TransducerConfig(target, config.word, config.position + 1, (*config.output, output)), event


@dataclass(frozen=True, slots=True)
class Mealy:
    """A Mealy machine: `transitions` maps (state, symbol) to (next state, output symbol).

    A run halts at the end of the input; reading a symbol with no transition rejects.
    """

    states: tuple[str, ...]
    alphabet: tuple[str, ...]
    outputs: tuple[str, ...]
    transitions: Mapping[tuple[str, str], tuple[str, str]]
    start: str
    name: str = ""

    def __post_init__(self) -> None:
        states, alphabet, outputs = _check_alphabets(self.states, self.alphabet, self.outputs)
        object.__setattr__(self, "states", states)
        object.__setattr__(self, "alphabet", alphabet)
        object.__setattr__(self, "outputs", outputs)
        table = {key: (target, output) for key, (target, output) in self.transitions.items()}
        object.__setattr__(self, "transitions", MappingProxyType(table))
        problems = _transition_problems(self, {key: target for key, (target, _) in table.items()})
        for (source, symbol), (target, output) in table.items():
            if output not in outputs:
                problems.append((UnknownSymbolError, f"transition {source} -{symbol}-> {target} writes "
                                                     f"{output!r}, not in outputs {list(outputs)!r}"))
        raise_problems(problems)

    def move(self, state: str, symbol: str) -> tuple[str, str] | None:
        """The next state and the symbol written, or None where no transition applies."""
        return self.transitions.get((state, symbol))

    def initial(self, input: str | Sequence[str] = "") -> TransducerConfig:
        """The start configuration on `input`, nothing written."""
        return TransducerConfig(self.start, to_word(input, self.alphabet), 0, ())

    transduce = _transduce
    classify = _classify
    step = _step


@dataclass(frozen=True, slots=True)
class Moore:
    """A Moore machine: `transitions` maps (state, symbol) to a state, `output` maps states to symbols.

    The output starts with the start state's symbol and gains the symbol of each state entered.
    """

    states: tuple[str, ...]
    alphabet: tuple[str, ...]
    outputs: tuple[str, ...]
    transitions: Mapping[tuple[str, str], str]
    output: Mapping[str, str]
    start: str
    name: str = ""

    def __post_init__(self) -> None:
        states, alphabet, outputs = _check_alphabets(self.states, self.alphabet, self.outputs)
        object.__setattr__(self, "states", states)
        object.__setattr__(self, "alphabet", alphabet)
        object.__setattr__(self, "outputs", outputs)
        object.__setattr__(self, "transitions", MappingProxyType(dict(self.transitions)))
        object.__setattr__(self, "output", MappingProxyType(dict(self.output)))
        problems = _transition_problems(self, self.transitions)
        for q in states:
            if q not in self.output:
                problems.append((InvalidMachineError, f"state {q!r} has no output symbol"))
            elif self.output[q] not in outputs:
                problems.append((UnknownSymbolError, f"state {q!r} writes {self.output[q]!r}, not in outputs "
                                                     f"{list(outputs)!r}"))
        for q in sorted(set(self.output) - set(states)):
            problems.append((UnknownStateError, f"output given for {q!r}, not in states {list(states)!r}"))
        raise_problems(problems)

    def move(self, state: str, symbol: str) -> tuple[str, str] | None:
        """The next state and the symbol written (the next state's), or None where no transition applies."""
        target = self.transitions.get((state, symbol))
        return None if target is None else (target, self.output[target])

    def initial(self, input: str | Sequence[str] = "") -> TransducerConfig:
        """The start configuration on `input`, the start state's symbol written."""
        return TransducerConfig(self.start, to_word(input, self.alphabet), 0, (self.output[self.start],))

    transduce = _transduce
    classify = _classify
    step = _step
