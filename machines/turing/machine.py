"""Provides deterministic k-tape Turing machines, their configurations and their text codec."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from machines.core import Outcome
from machines.errors import (
    InvalidInputError,
    InvalidMachineError,
    MachineSyntaxError,
    NondeterministicRuleError,
    Span,
    UnknownStateError,
    UnknownSymbolError,
)


class Move(enum.Enum):
    """A head move; its value is the change of the head position."""

    L = -1
    S = 0
    R = 1

    @classmethod
    def parse(cls, text: str) -> Move:
        """Reads 'L', 'R' or 'S' (also 'N' and '*' for stay)."""
        try:
            return {"L": cls.L, "R": cls.R, "S": cls.S, "N": cls.S, "*": cls.S}[text.upper()]
        except KeyError:
            raise InvalidMachineError(f"move={text!r} is not one of L, R, S") from None


_TAPE_START = re.compile(r"-?\d+:")


@dataclass(frozen=True, slots=True)
class Rule:
    """One transition: in `state` reading `read` (one symbol per tape), write, move, go to `next_state`."""

    state: str
    read: tuple[str, ...]
    write: tuple[str, ...]
    moves: tuple[Move, ...]
    next_state: str
    breakpoint: bool = field(default=False, compare=False)
    """Morphett's `!`: a stepper should pause after this rule fires."""

    def __str__(self) -> str:
        read, write = " ".join(self.read), " ".join(self.write)
        moves = " ".join(m.name for m in self.moves)
        return f"{self.state} {read} -> {write} {moves} {self.next_state}"


@dataclass(frozen=True, slots=True)
class Tape:
    """One tape in absolute coordinates: `cells[i]` is at position `start + i`.

    Normal form: the cells cover the head and every non-blank cell, and nothing else, so equal
    tapes are equal values (which makes cycle detection exact).
    """

    cells: tuple[str, ...]
    start: int
    head: int

    @property
    def symbol(self) -> str:
        """The symbol under the head."""
        return self.cells[self.head - self.start]

    def at(self, position: int, blank: str) -> str:
        """The symbol at an absolute position."""
        i = position - self.start
        return self.cells[i] if 0 <= i < len(self.cells) else blank

    def non_blank(self, blank: str) -> int:
        """The number of non-blank cells."""
        return sum(1 for c in self.cells if c != blank)

    @classmethod
    def normal(cls, cells: Sequence[str], start: int, head: int, blank: str) -> Tape:
        """The normal form of a tape holding `cells` from `start` with the head at `head`."""
        cells = list(cells)
        if head < start:
            cells[:0] = [blank] * (start - head)
            start = head
        if head >= start + len(cells):
            cells.extend([blank] * (head - start - len(cells) + 1))
        lo, hi = 0, len(cells)
        while lo < head - start and cells[lo] == blank:
            lo += 1
        while hi - 1 > head - start and cells[hi - 1] == blank:
            hi -= 1
        return cls(tuple(cells[lo:hi]), start + lo, head)

    def written(self, symbol: str, move: Move, blank: str) -> Tape:
        """This tape after writing `symbol` under the head and moving it, in normal form.

        Only the two ends can need trimming or growing, so this is one tuple copy per step.
        """
        i, start = self.head - self.start, self.start
        cells = (*self.cells[:i], symbol, *self.cells[i + 1:])
        head = self.head + move.value
        if head < start:
            cells, start = (blank, *cells), head
        elif head >= start + len(cells):
            cells = (*cells, blank)
        # Only the cell just left can have become a blank end: the head is now its neighbour.
        j = self.head - start
        if cells[j] == blank and j != head - start:
            if j == 0:
                cells, start = cells[1:], start + 1
            elif j == len(cells) - 1:
                cells = cells[:-1]
        return Tape(cells, start, head)

    def render(self) -> str:
        """'start: a b [c] d', the head's cell in brackets."""
        tokens = [f"[{c}]" if self.start + i == self.head else c for i, c in enumerate(self.cells)]
        return f"{self.start}: " + " ".join(tokens)


@dataclass(frozen=True, slots=True)
class TMConfig:
    """A configuration of a k-tape machine: its state and its tapes."""

    state: str
    tapes: tuple[Tape, ...]

    @property
    def tape(self) -> Tape:
        """The first (for one-tape machines, the only) tape."""
        return self.tapes[0]

    def render(self) -> str:
        """Canonical one-line text: 'A | 0: 1 [0] 1' (one '| start: cells' group per tape)."""
        return " | ".join([self.state, *(t.render() for t in self.tapes)])

    @classmethod
    def parse(cls, text: str) -> TMConfig:
        """Reads what `render` writes."""
        tokens = text.split()
        if len(tokens) < 3 or tokens[1] != "|" or not _TAPE_START.fullmatch(tokens[2]):
            raise MachineSyntaxError("expected 'STATE | START: CELLS'", span=Span(1, 1), source=text)
        groups: list[list[str]] = []
        for i, token in enumerate(tokens[2:], start=2):
            if _TAPE_START.fullmatch(token) and tokens[i - 1] == "|":
                if groups:
                    groups[-1].pop()  # the '|' separator
                groups.append([token])
            else:
                groups[-1].append(token)
        tapes = []
        for group in groups:
            start = int(group[0][:-1])
            cells, heads = [], []
            for i, token in enumerate(group[1:]):
                if len(token) >= 3 and token[0] == "[" and token[-1] == "]":
                    heads.append(start + i)
                    token = token[1:-1]
                cells.append(token)
            if len(heads) != 1:
                raise MachineSyntaxError(f"a tape needs exactly one head cell '[x]', found {len(heads)}",
                                         span=Span(1, 1), source=text)
            tapes.append(Tape(tuple(cells), start, heads[0]))
        return cls(tokens[0], tuple(tapes))


def _check_symbol(symbol: object, what: str) -> str:
    if not isinstance(symbol, str) or not symbol or any(ch.isspace() for ch in symbol):
        raise InvalidMachineError(f"{what}={symbol!r} must be a non-empty string without whitespace")
    if len(symbol) > 1 and (_TAPE_START.fullmatch(symbol) or (symbol[0] == "[" and symbol[-1] == "]")):
        raise InvalidMachineError(f"{what}={symbol!r} would be ambiguous in rendered tapes")
    return symbol


@dataclass(frozen=True, slots=True)
class TuringMachine:
    """A deterministic Turing machine with `tapes` tapes (k >= 1) over a finite alphabet.

    A configuration whose state is in `halt_states`, or for which no rule is defined, halts
    without a further step (bbchallenge's `---` convention; `1RZ`-style halts are rules whose
    `next_state` is a halt state).

    Example:
        >>> tm = TuringMachine.from_rules(
        ...     [("A", "0", "1", "R", "H")], start="A", blank="0", halt_states=["H"])
        >>> tm.step(tm.initial(""))[0].render()
        'H | 0: 1 [0]'
    """

    states: tuple[str, ...]
    alphabet: tuple[str, ...]
    blank: str
    start: str
    halt_states: frozenset[str]
    rules: tuple[Rule, ...]
    tapes: int = 1
    name: str = ""
    _table: Mapping[tuple[str, tuple[str, ...]], Rule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("states", "alphabet", "rules"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "halt_states", frozenset(self.halt_states))
        if isinstance(self.tapes, bool) or not isinstance(self.tapes, int) or self.tapes < 1:
            raise InvalidMachineError(f"tapes={self.tapes!r} must be a positive integer")
        for s in self.alphabet:
            _check_symbol(s, "symbol")
        for s in self.states:
            _check_symbol(s, "state")
        if len(set(self.alphabet)) != len(self.alphabet):
            raise InvalidMachineError(f"alphabet={list(self.alphabet)!r} has duplicates")
        if len(set(self.states)) != len(self.states):
            raise InvalidMachineError(f"states={list(self.states)!r} has duplicates")
        if self.blank not in self.alphabet:
            raise UnknownSymbolError(f"blank={self.blank!r} is not in alphabet {list(self.alphabet)!r}")
        states, symbols = set(self.states), set(self.alphabet)
        if self.start not in states:
            raise UnknownStateError(f"start={self.start!r} is not in states {list(self.states)!r}")
        for h in self.halt_states:
            if h not in states:
                raise UnknownStateError(f"halt state {h!r} is not in states {list(self.states)!r}")
        table: dict[tuple[str, tuple[str, ...]], Rule] = {}
        for rule in self.rules:
            if rule.state not in states or rule.next_state not in states:
                bad = rule.state if rule.state not in states else rule.next_state
                raise UnknownStateError(f"rule {rule} uses state {bad!r}, not in {list(self.states)!r}")
            if rule.state in self.halt_states:
                raise InvalidMachineError(f"rule {rule} leaves halt state {rule.state!r}")
            if not len(rule.read) == len(rule.write) == len(rule.moves) == self.tapes:
                raise InvalidMachineError(f"rule {rule} does not have one symbol and move per tape "
                                          f"(tapes={self.tapes})")
            for s in (*rule.read, *rule.write):
                if s not in symbols:
                    raise UnknownSymbolError(f"rule {rule} uses symbol {s!r}, not in alphabet "
                                             f"{list(self.alphabet)!r}")
            key = (rule.state, rule.read)
            if key in table and table[key] != rule:
                raise NondeterministicRuleError(f"rules {table[key]} and {rule} both apply in state "
                                                f"{rule.state!r} reading {' '.join(rule.read)!r}")
            table[key] = rule
        object.__setattr__(self, "_table", MappingProxyType(table))

    @classmethod
    def from_rules(cls, rules: Iterable[tuple[str, str, str, str, str]], *, start: str, blank: str,
                   halt_states: Iterable[str] = (), name: str = "") -> TuringMachine:
        """A one-tape machine from (state, read, write, move, next_state) tuples.

        States and symbols are collected from the rules, in order of first appearance.
        """
        built, states, symbols = [], {start: None}, {blank: None}
        for state, read, write, move, next_state in rules:
            states.update({state: None, next_state: None})
            symbols.update({read: None, write: None})
            built.append(Rule(state, (read,), (write,), (Move.parse(move),), next_state))
        states.update({h: None for h in halt_states})
        return cls(tuple(states), tuple(symbols), blank, start, frozenset(halt_states), tuple(built),
                   name=name)

    def rule_for(self, state: str, read: tuple[str, ...]) -> Rule | None:
        """The rule that applies in `state` reading `read`, or None."""
        return self._table.get((state, read))

    def initial(self, input: str | Sequence[str] | Sequence[Sequence[str]] = "") -> TMConfig:
        """The start configuration, head at cell 0 of each tape.

        For a one-tape machine `input` is the tape's content: a string of one-character symbols
        or a sequence of symbols. For a k-tape machine a string fills the first tape, and a
        sequence gives up to k tape contents, one per tape.
        """
        contents = [input] if self.tapes == 1 or isinstance(input, str) else list(input)
        if len(contents) > self.tapes:
            raise InvalidInputError(f"{len(contents)} tape contents given to a {self.tapes}-tape machine")
        contents += [""] * (self.tapes - len(contents))
        symbols = set(self.alphabet)
        tapes = []
        for content in contents:
            cells = list(content)
            for s in cells:
                if s not in symbols:
                    raise InvalidInputError(f"input symbol {s!r} is not in alphabet {list(self.alphabet)!r}")
            tapes.append(Tape.normal(cells, 0, 0, self.blank))
        return TMConfig(self.start, tuple(tapes))

    def classify(self, config: TMConfig) -> Outcome:
        """HALTED in a halt state or where no rule applies, else RUNNING."""
        if config.state in self.halt_states:
            return Outcome.HALTED
        key = (config.state, tuple(t.symbol for t in config.tapes))
        return Outcome.RUNNING if key in self._table else Outcome.HALTED

    def step(self, config: TMConfig) -> tuple[TMConfig, Rule]:
        """Applies the rule for `config` (which must be RUNNING)."""
        rule = self._table[(config.state, tuple(t.symbol for t in config.tapes))]
        tapes = []
        for tape, write, move in zip(config.tapes, rule.write, rule.moves, strict=True):
            tapes.append(tape.written(write, move, self.blank))
        return TMConfig(rule.next_state, tuple(tapes)), rule

    def non_blank(self, config: TMConfig) -> int:
        """Non-blank cells on all tapes of `config`."""
        return sum(t.non_blank(self.blank) for t in config.tapes)
