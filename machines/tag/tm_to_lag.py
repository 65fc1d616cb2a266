"""Provides the pass from a one-tape Turing machine to a lag system of window 3.

The word is `⊢ c1 … ck ⊣`: the tape's cells between two end markers, the scanned cell written as
the pair `q:a` of state and symbol. A Turing step is a local rule on cells (the new content of a
cell depends on it and its two neighbours), and a lag step reads three symbols, deletes one and
appends a word; so while it deletes cell i it appends the new content of cell i+1, and the
markers append the cells that lie beyond the ends (the tape grows when the head walks off it).
One pass over the word is one Turing step; a step is complete each time `⊢` is at the head.

When the head's state has no rule (or is a halt state) the pass runs on, unchanged, until the
head cell reaches the front, where no lag rule matches and the lag system halts.

Rules are generated only for windows that can occur in a run from the start state: at most one
head cell, and no head beside a cell it cannot be beside (a state entered only by left moves
that all write w has w on its right, and symmetrically; a state never entered has no head).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from machines.errors import ConversionError
from machines.tag.lag import LagSystem
from machines.tag.tag import TagConfig, Word, is_symbol
from machines.turing import Move, Tape, TMConfig, TuringMachine

LEFT, RIGHT = "⊢", "⊣"


def head_cell(state: str, symbol: str) -> str:
    """The lag symbol of the scanned cell: state and symbol joined by ':'."""
    return f"{state}:{symbol}"


class _Cells:
    """The cell vocabulary of a machine and the local rule of one Turing step on it."""

    def __init__(self, machine: TuringMachine) -> None:
        self.machine = machine
        self.heads = {head_cell(q, a): (q, a) for q in machine.states for a in machine.alphabet}
        entries: dict[str, set[tuple[Move, str]]] = {}
        for rule in machine.rules:
            entries.setdefault(rule.next_state, set()).add((rule.moves[0], rule.write[0]))
        entries.pop(machine.start, None)  # the start state begins next to anything
        self.entries = entries

    def is_possible(self, window: Sequence[str]) -> bool:
        """False if a head cell in `window` cannot have these neighbours in a run from the start state.

        A state entered only by left moves that all write w has w on its right (and symmetrically
        for right moves); a state never entered holds no head after step 0.
        """
        for i, symbol in enumerate(window):
            if symbol not in self.heads:
                continue
            state = self.heads[symbol][0]
            if state == self.machine.start:
                continue
            entries = self.entries.get(state, set())
            if not entries:
                return False
            moves, writes = {m for m, _ in entries}, {w for _, w in entries}
            if len(writes) == 1 and moves in ({Move.L}, {Move.R}):
                j = i + 1 if moves == {Move.L} else i - 1
                if 0 <= j < len(window) and window[j] not in writes:
                    return False
        return True

    def move(self, cell: str) -> tuple[str, Move, str] | None:
        """(written symbol, move, next state) if `cell` is a head cell with a rule, else None."""
        pair = self.heads.get(cell)
        if pair is None or pair[0] in self.machine.halt_states:
            return None
        rule = self.machine.rule_for(pair[0], (pair[1],))
        return None if rule is None else (rule.write[0], rule.moves[0], rule.next_state)

    def new(self, left: str, cell: str, right: str) -> str:
        """The new content of `cell` between `left` and `right` (blanks beyond the tape's ends)."""
        own = self.move(cell)
        if own is not None:
            write, move, state = own
            return head_cell(state, write) if move is Move.S else write
        if cell in self.heads:
            return cell  # a head that has stopped stays where it is
        for neighbour, arriving in ((left, Move.R), (right, Move.L)):
            rule = self.move(neighbour)
            if rule is not None and rule[1] is arriving:
                return head_cell(rule[2], cell)
        return cell

    def grown(self, cell: str, towards: Move) -> tuple[str, ...]:
        """The new cell beyond the tape's end if the head in `cell` walks off it towards `towards`."""
        rule = self.move(cell)
        return (head_cell(rule[2], self.machine.blank),) if rule and rule[1] is towards else ()


def tm_to_lag(machine: TuringMachine) -> LagSimulation:
    """Compiles a one-tape Turing machine into a lag system of window 3."""
    if machine.tapes != 1:
        raise ConversionError(f"machine has {machine.tapes} tapes; the lag construction takes one")
    cells = _Cells(machine)
    heads = cells.heads
    plain = list(machine.alphabet)
    clashes = sorted(set(plain) & (set(heads) | {LEFT, RIGHT}))
    bad = [s for s in heads if not is_symbol(s)]
    if clashes or bad or len(heads) != len(machine.states) * len(machine.alphabet):
        raise ConversionError(f"symbols {clashes + bad!r} would be ambiguous in the lag system's words")
    everything = plain + list(heads)
    blank = machine.blank
    rules: dict[Word, Word] = {}

    def occurs(*window: str) -> bool:
        return sum(s in heads for s in window) <= 1 and cells.is_possible(window)

    for y in everything:
        for z in [*everything, RIGHT]:
            if occurs(LEFT, y, z):
                z_cell = blank if z == RIGHT else z
                rules[(LEFT, y, z)] = (LEFT, *cells.grown(y, Move.L), cells.new(blank, y, z_cell))
    for x in everything:
        if x in heads and cells.move(x) is None:
            continue  # a stopped head at the front: no rule, the lag system halts
        for y in everything:
            for z in [*everything, RIGHT]:
                if occurs(x, y, z):
                    rules[(x, y, z)] = (cells.new(x, y, blank if z == RIGHT else z),)
        if occurs(x, RIGHT, LEFT):
            rules[(x, RIGHT, LEFT)] = cells.grown(x, Move.R)
    for y in everything:
        if occurs(RIGHT, LEFT, y):
            rules[(RIGHT, LEFT, y)] = (RIGHT,)
    system = LagSystem(3, rules, name=f"{machine.name or 'tm'} (lag, window 3)")
    return LagSimulation(machine, system)


@dataclass(frozen=True, slots=True)
class LagSimulation:
    """A Turing machine and the lag system simulating it, with the encoding between them."""

    machine: TuringMachine
    system: LagSystem

    @property
    def sync_symbols(self) -> frozenset[str]:
        """The symbol at the head exactly when a Turing step is complete."""
        return frozenset({LEFT})

    def encode(self, config: TMConfig) -> Word:
        """The lag word of a configuration in the start state (the rules cover runs from there)."""
        if config.state != self.machine.start:
            raise ConversionError(f"the lag system runs from the start state {self.machine.start!r}, "
                                  f"not from {config.state!r}")
        tape = config.tape
        cells = list(tape.cells)
        cells[tape.head - tape.start] = head_cell(config.state, tape.symbol)
        return (LEFT, *cells, RIGHT)

    def decode(self, config: TagConfig) -> TMConfig:
        """The Turing configuration a word stands for, the head at position 0.

        The word starts with `⊢` after each complete step; a halted word starts with the stopped
        head cell and holds the tape once more after it.
        """
        queue = config.queue
        if queue and queue[0] != LEFT:
            rest = queue[1:]
            if LEFT not in rest:
                raise ConversionError(f"word {config.render()!r} holds no tape")
            i = rest.index(LEFT)
            queue = rest[i:] + rest[:i]
        if not queue or RIGHT not in queue:
            raise ConversionError(f"word {config.render()!r} holds no tape")
        heads = _Cells(self.machine).heads
        cells = list(queue[1: queue.index(RIGHT)])
        at = [i for i, c in enumerate(cells) if c in heads]
        if len(at) != 1:
            raise ConversionError(f"word {config.render()!r} has {len(at)} head cells, not 1")
        state, cells[at[0]] = heads[cells[at[0]]]
        return TMConfig(state, (Tape.normal(cells, -at[0], 0, self.machine.blank),))
