"""Provides the batch engine: many one-tape machines run in lockstep with numpy, for dataset generation.

Each machine is a table of integer codes (blank 0). An undefined transition is coded as a rule that
rewrites the symbol it reads, stays, keeps the state and is not counted, so a halted machine simply
stops changing and no per-step masking is needed. Machines that have halted are dropped from the
working set every round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from machines.core import Outcome
from machines.errors import InvalidInputError, InvalidMachineError, check_budget
from machines.turing.machine import Move, Rule, Tape, TMConfig, TuringMachine
from machines.turing.plain import Coding

ROUND = 64
"""Lockstep steps between two compactions of the working set (and two progress reports)."""

CHUNK = 2048
"""Machines run together at a time (bounds the memory of the tapes)."""

_MOVES = (Move.L, Move.S, Move.R)


@dataclass(frozen=True, slots=True)
class BatchTables:
    """Rule tables of `n` machines: arrays of shape (n, states, symbols).

    `nexts` holds the next state's index, or -1 for an undefined transition (which halts without a
    step); a state whose row is all -1 is a halt state. State 0 starts; symbol 0 is the blank.
    """

    writes: np.ndarray
    moves: np.ndarray
    nexts: np.ndarray
    state_names: tuple[tuple[str, ...], ...] | None = None
    """Per machine, the name of each state index (None: 'A', 'B', ... with the last one 'Z')."""
    symbol_names: tuple[tuple[str, ...], ...] | None = None
    """Per machine, the symbol of each code (None: '0', '1', ...)."""

    def __post_init__(self) -> None:
        shapes = {a.shape for a in (self.writes, self.moves, self.nexts)}
        if len(shapes) != 1 or self.nexts.ndim != 3 or 0 in self.nexts.shape:
            raise InvalidMachineError(f"writes, moves and nexts must share one non-empty shape "
                                      f"(n, states, symbols), got {sorted(shapes)}")
        _, states, symbols = self.nexts.shape
        bounds = (("writes", self.writes, range(symbols)), ("moves", self.moves, range(-1, 2)),
                  ("nexts", self.nexts, range(-1, states)))
        problems = [f"{name} outside {allowed}" for name, array, allowed in bounds
                    if array.min() < allowed.start or array.max() >= allowed.stop]
        if problems:
            raise InvalidMachineError(f"bad batch tables: {', '.join(problems)}")

    def __len__(self) -> int:
        return self.nexts.shape[0]

    def names(self, i: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The state names and symbols of machine `i`."""
        _, states, symbols = self.nexts.shape
        state_names = (self.state_names[i] if self.state_names is not None
                       else (*"ABCDEFGHIJKLMNOPQRSTUVWXY"[:states - 1], "Z"))
        symbol_names = (self.symbol_names[i] if self.symbol_names is not None
                        else tuple(str(s) for s in range(symbols)))
        return state_names, symbol_names

    def machine(self, i: int) -> TuringMachine:
        """Machine `i` as a TuringMachine."""
        state_names, symbol_names = self.names(i)
        rules = []
        for q, row in enumerate(self.nexts[i]):
            for s, nxt in enumerate(row):
                if nxt >= 0:
                    move = _MOVES[int(self.moves[i, q, s]) + 1]
                    rules.append(Rule(state_names[q], (symbol_names[s],),
                                      (symbol_names[int(self.writes[i, q, s])],), (move,), state_names[nxt]))
        halts = frozenset(state_names[q] for q, row in enumerate(self.nexts[i]) if (row < 0).all() and q)
        return TuringMachine(state_names, symbol_names, symbol_names[0], state_names[0], halts, tuple(rules))

    @classmethod
    def from_machines(cls, machines: Sequence[TuringMachine]) -> BatchTables:
        """The tables of one-tape machines (padded to the largest state count and alphabet)."""
        if not machines:
            raise InvalidMachineError("no machines given")
        if any(tm.tapes != 1 for tm in machines):
            raise InvalidMachineError("the batch engine runs one-tape machines only")
        codings = [Coding(tm) for tm in machines]
        states = max(len(tm.states) for tm in machines)
        symbols = max(c.sentinel for c in codings)
        shape = (len(machines), states, symbols)
        writes, moves = np.zeros(shape, np.uint8), np.zeros(shape, np.int8)
        nexts = np.full(shape, -1, np.int16)
        for i, (tm, coding) in enumerate(zip(machines, codings, strict=True)):
            for rule in tm.rules:
                q, s = coding.state_index[rule.state], coding.code[rule.read[0]]
                writes[i, q, s] = coding.code[rule.write[0]]
                moves[i, q, s] = rule.moves[0].value
                nexts[i, q, s] = coding.state_index[rule.next_state]
        return cls(writes, moves, nexts, tuple(tm.states for tm in machines),
                   tuple(c.symbols for c in codings))


def random_tables(count: int, *, states: int = 5, symbols: int = 2, seed: int = 0,
                  halt_probability: float = 0.1) -> BatchTables:
    """`count` random machines with `states` states (plus the halt state Z) over `symbols` symbols.

    Each transition goes to Z with probability `halt_probability`, else to a random working state.
    """
    check_budget("count", count)
    if not 1 <= states <= 25 or symbols < 1 or not 0 <= halt_probability <= 1:
        raise InvalidMachineError(f"states={states!r} must be 1..25, symbols={symbols!r} at least 1 and "
                                  f"halt_probability={halt_probability!r} within 0..1")
    rng = np.random.default_rng(seed)
    shape = (count, states + 1, symbols)
    writes = rng.integers(0, symbols, shape, dtype=np.uint8)
    moves = rng.choice(np.array([-1, 1], np.int8), shape)
    nexts = rng.integers(0, states, shape, dtype=np.int16)
    nexts[rng.random(shape) < halt_probability] = states
    nexts[:, states, :] = -1
    return BatchTables(writes, moves, nexts)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Per machine: whether it halted, its steps, non-blank cells, final state and tape (codes)."""

    halted: np.ndarray
    steps: np.ndarray
    non_blank: np.ndarray
    states: np.ndarray
    heads: np.ndarray
    """The head's absolute position."""
    starts: np.ndarray
    """The absolute position of each final tape's first cell."""
    tapes: list[bytes]
    """Each final tape in normal form, as symbol codes."""

    def outcome(self, i: int) -> Outcome:
        """Machine `i`'s outcome: HALTED or STEP_LIMIT."""
        return Outcome.HALTED if self.halted[i] else Outcome.STEP_LIMIT

    def config(self, tables: BatchTables, i: int) -> TMConfig:
        """Machine `i`'s final configuration."""
        state_names, symbol_names = tables.names(i)
        cells = [symbol_names[c] for c in self.tapes[i]]
        tape = Tape(tuple(cells), int(self.starts[i]), int(self.heads[i]))
        return TMConfig(state_names[int(self.states[i])], (tape,))


def run_tables(tables: BatchTables, *, max_steps: int, inputs: Sequence[bytes] | None = None,
               on_progress: Callable[[int], None] | None = None) -> BatchResult:
    """Runs every machine of `tables` for at most `max_steps` steps, in lockstep.

    `inputs` gives each machine's input as symbol codes, written from cell 0 where the head starts
    (None: blank tapes).
    """
    check_budget("max_steps", max_steps)
    if inputs is not None and len(inputs) != len(tables):
        raise InvalidInputError(f"{len(inputs)} inputs given for {len(tables)} machines")
    parts = [_run_chunk(tables, lo, min(lo + CHUNK, len(tables)), max_steps,
                        None if inputs is None else inputs[lo:lo + CHUNK], on_progress)
             for lo in range(0, len(tables), CHUNK)]
    tapes = [t for part in parts for t in part.tapes]
    return BatchResult(*(np.concatenate([getattr(p, name) for p in parts])
                         for name in ("halted", "steps", "non_blank", "states", "heads", "starts")), tapes)


def run_machines(machines: Sequence[TuringMachine], inputs: Sequence[str | Sequence[str]] | None = None, *,
                 max_steps: int) -> tuple[BatchTables, BatchResult]:
    """Runs one-tape machines in lockstep, on `inputs` (one per machine; None: blank tapes).

    Also returns their tables, which `BatchResult.config` needs.
    """
    tables = BatchTables.from_machines(machines)
    codes = None
    if inputs is not None:
        if len(inputs) != len(machines):
            raise InvalidInputError(f"{len(inputs)} inputs given for {len(machines)} machines")
        codes = []
        for tm, symbols, given in zip(machines, tables.symbol_names or (), inputs, strict=True):
            tape = tm.initial(given).tape  # checks the symbols
            code = {s: i for i, s in enumerate(symbols)}
            codes.append(bytes(code[tape.at(x, tm.blank)] for x in range(len(given))))
    return tables, run_tables(tables, max_steps=max_steps, inputs=codes)


def _run_chunk(tables: BatchTables, lo: int, hi: int, max_steps: int, inputs: Sequence[bytes] | None,
               on_progress: Callable[[int], None] | None) -> BatchResult:
    n = hi - lo
    _, states, symbols = tables.nexts.shape
    nexts = tables.nexts[lo:hi].astype(np.intp)
    defined = nexts >= 0
    reads = np.arange(symbols, dtype=np.intp)[None, None, :]
    own = np.arange(states, dtype=np.intp)[None, :, None]
    flat_writes = np.where(defined, tables.writes[lo:hi], reads).astype(np.uint8).ravel()
    flat_moves = np.where(defined, tables.moves[lo:hi], 0).astype(np.intp).ravel()
    # next entries are absolute: the machine's table offset plus next state * symbols
    offsets = np.arange(n, dtype=np.intp)[:, None, None] * (states * symbols)
    flat_nexts = (offsets + np.where(defined, nexts, own) * symbols).ravel()
    counted = defined.astype(np.intp).ravel()

    longest = max(map(len, inputs), default=0) if inputs is not None else 0
    origin = ROUND + 1  # the column of absolute position 0
    width = 2 * origin + longest
    tape = np.zeros((n, width), np.uint8)
    for row, given in enumerate(inputs or ()):
        tape[row, origin:origin + len(given)] = np.frombuffer(given, np.uint8)
    state = offsets.ravel().copy()  # absolute, like the next entries
    head = np.full(n, origin, np.intp)  # a column of the tape
    steps = np.zeros(n, np.int64)

    active = np.arange(n, dtype=np.intp)
    cell = active * width + origin  # the head as an index into the flattened tape
    q, done_steps = state.copy(), steps.copy()
    done = 0
    while done < max_steps and active.size:
        column = cell - active * width
        if column.min() < ROUND or column.max() >= width - ROUND:
            pad = width // 2
            tape = np.pad(tape, ((0, 0), (pad, pad)))
            head += pad
            origin += pad
            width = tape.shape[1]
            cell = active * width + column + pad
        flat = tape.reshape(-1)
        for _ in range(min(ROUND, max_steps - done)):
            k = q + flat[cell]
            flat[cell] = flat_writes[k]
            cell += flat_moves[k]
            q = flat_nexts[k]
            done_steps += counted[k]
        done += min(ROUND, max_steps - done)
        running = counted[q + flat[cell]].astype(bool)
        stopped = ~running
        finished = active[stopped]
        state[finished], steps[finished] = q[stopped], done_steps[stopped]
        head[finished] = cell[stopped] - finished * width
        active, q, cell, done_steps = (a[running] for a in (active, q, cell, done_steps))
        if on_progress is not None:
            on_progress(done)
    state[active], head[active], steps[active] = q, cell - active * width, done_steps
    state -= offsets.ravel()
    state //= symbols
    halted = counted.reshape(n, -1)[np.arange(n), state * symbols + tape[np.arange(n), head]] == 0
    non_blank = np.count_nonzero(tape, axis=1)
    tapes, starts = [], np.empty(n, np.int64)
    nonzero = tape != 0
    firsts = np.where(nonzero.any(axis=1), nonzero.argmax(axis=1), head)
    lasts = np.where(nonzero.any(axis=1), width - 1 - nonzero[:, ::-1].argmax(axis=1), head)
    firsts, lasts = np.minimum(firsts, head), np.maximum(lasts, head)
    for i in range(n):
        tapes.append(tape[i, firsts[i]:lasts[i] + 1].tobytes())
    starts[:] = firsts - origin
    return BatchResult(halted, steps, non_blank, state, head - origin, starts, tapes)
