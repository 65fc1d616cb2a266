"""Provides the plain engine: integer-coded rule tables and bytearray tapes in a tight loop, no snapshots."""

from __future__ import annotations

from collections.abc import Callable

from machines.core import Outcome
from machines.turing.machine import Tape, TMConfig, TuringMachine

CHUNK = 1 << 20
"""Steps between two progress reports (and between two checks of the budget)."""

_HALT = -1  # table entry for an undefined transition: stop without a step
_GROW = -2  # table entry for reading the sentinel at a tape end: grow that tape and go on


class Coding:
    """Integer codes of a machine: the blank is 0, the other symbols 1..k-1, the sentinel k."""

    def __init__(self, tm: TuringMachine) -> None:
        self.symbols = (tm.blank, *(s for s in tm.alphabet if s != tm.blank))
        self.code = {s: i for i, s in enumerate(self.symbols)}
        self.sentinel = len(self.symbols)
        self.states = tm.states
        self.state_index = {s: i for i, s in enumerate(tm.states)}

    def encode_tape(self, tape: Tape, margin: int = 32) -> tuple[bytearray, int, int]:
        """A bytearray with `margin` blanks and a sentinel at each end, the position of its index 0,
        and the head's index."""
        pad = bytearray(margin)
        cells = bytearray([self.sentinel]) + pad + bytearray(self.code[c] for c in tape.cells) + pad
        cells.append(self.sentinel)
        origin = tape.start - 1 - margin
        return cells, origin, tape.head - origin

    def decode_tape(self, cells: bytearray, origin: int, head: int) -> Tape:
        """The normal-form Tape of a sentinel-ended bytearray (the sentinels read as blanks)."""
        inner = bytes(cells[1:-1])
        first = min(len(inner) - len(inner.lstrip(b"\0")), head - 1)
        end = max(len(inner.rstrip(b"\0")), head)
        symbols = self.symbols
        # from the first non-blank cell (or the head) to the last one (or the head): normal form
        return Tape(tuple([symbols[c] for c in inner[first:end]]), origin + 1 + first, origin + head)


def _grow(cells: bytearray, pos: int, sentinel: int) -> tuple[bytearray, int, int]:
    """Doubles a tape whose head stands on a sentinel; returns the tape, head index and origin shift."""
    size = len(cells)
    if pos == 0:
        return bytearray([sentinel]) + bytearray(size) + cells[1:], pos + size, size
    return cells[:-1] + bytearray(size) + bytearray([sentinel]), pos, 0


def run(tm: TuringMachine, config: TMConfig, *, max_steps: int,
        on_progress: Callable[[int], None] | None = None) -> tuple[Outcome, int, TMConfig]:
    """Runs `tm` from `config` for at most `max_steps` steps: (outcome, steps, final configuration)."""
    if tm.tapes == 1:
        return _run_one(tm, config, max_steps, on_progress)
    return _run_many(tm, Coding(tm), config, max_steps, on_progress)


_compiled: dict[int, tuple[TuringMachine, Coding, list[int], list[int], list[int]]] = {}
"""Tables of recently run one-tape machines by id (holding the machine keeps its id from being reused)."""


def _one_tape_tables(tm: TuringMachine) -> tuple[Coding, list[int], list[int], list[int]]:
    """The coding and the flat write, move and next-state tables of a one-tape machine (cached)."""
    found = _compiled.get(id(tm))
    if found is not None and found[0] is tm:
        return found[1:]
    coding = Coding(tm)
    width = coding.sentinel + 1
    size = len(tm.states) * width
    writes, moves, nexts = [0] * size, [0] * size, [_HALT] * size
    for q in range(len(tm.states)):
        nexts[q * width + coding.sentinel] = _GROW
    for rule in tm.rules:
        i = coding.state_index[rule.state] * width + coding.code[rule.read[0]]
        writes[i], moves[i] = coding.code[rule.write[0]], rule.moves[0].value
        nexts[i] = coding.state_index[rule.next_state] * width
    if len(_compiled) >= 64:  # repeated runs of the same few machines are what the cache is for
        _compiled.clear()
    _compiled[id(tm)] = (tm, coding, writes, moves, nexts)
    return coding, writes, moves, nexts


def _run_one(tm: TuringMachine, config: TMConfig, max_steps: int,
             on_progress: Callable[[int], None] | None) -> tuple[Outcome, int, TMConfig]:
    coding, writes, moves, nexts = _one_tape_tables(tm)
    width = coding.sentinel + 1
    cells, origin, pos = coding.encode_tape(config.tape)
    q = coding.state_index[config.state] * width  # a halt state's row is all _HALT
    steps = 0
    while steps < max_steps:
        chunk = min(CHUNK, max_steps - steps)
        for i in range(chunk):  # noqa: B007 - i counts the steps done when the loop breaks
            j = q + cells[pos]
            nq = nexts[j]
            if nq < 0:
                break
            cells[pos] = writes[j]
            pos += moves[j]
            q = nq
        else:
            steps += chunk
            if on_progress is not None:
                on_progress(steps)
            continue
        steps += i
        if nq == _HALT:
            break
        cells, pos, shift = _grow(cells, pos, coding.sentinel)
        origin -= shift
    if nexts[q + cells[pos]] == _GROW:
        cells, pos, shift = _grow(cells, pos, coding.sentinel)
        origin -= shift
    outcome = Outcome.HALTED if nexts[q + cells[pos]] == _HALT else Outcome.STEP_LIMIT
    tape = coding.decode_tape(cells, origin, pos)
    return outcome, steps, TMConfig(coding.states[q // width], (tape,))


def _run_many(tm: TuringMachine, coding: Coding, config: TMConfig, max_steps: int,
              on_progress: Callable[[int], None] | None) -> tuple[Outcome, int, TMConfig]:
    k, width = tm.tapes, coding.sentinel + 1
    weights = [width**t for t in range(k)]
    per_state = width**k
    table: dict[int, tuple[tuple[int, ...], tuple[int, ...], int]] = {}
    for rule in tm.rules:
        key = coding.state_index[rule.state] * per_state + sum(
            coding.code[s] * w for s, w in zip(rule.read, weights, strict=True))
        table[key] = (tuple(coding.code[s] for s in rule.write), tuple(m.value for m in rule.moves),
                      coding.state_index[rule.next_state] * per_state)
    encoded = [coding.encode_tape(t) for t in config.tapes]
    tapes = [e[0] for e in encoded]
    origins = [e[1] for e in encoded]
    heads = [e[2] for e in encoded]
    tape_ids = range(k)
    q = coding.state_index[config.state] * per_state  # a halt state has no rules
    steps = 0
    halted = False
    while not halted:
        for t in tape_ids:
            if tapes[t][heads[t]] == coding.sentinel:
                tapes[t], heads[t], shift = _grow(tapes[t], heads[t], coding.sentinel)
                origins[t] -= shift
        rule = table.get(q + sum(tapes[t][heads[t]] * weights[t] for t in tape_ids))
        if rule is None:
            halted = True
        elif steps == max_steps:
            break
        else:
            writes, moves, q = rule
            for t in tape_ids:
                tapes[t][heads[t]] = writes[t]
                heads[t] += moves[t]
            steps += 1
            if on_progress is not None and steps % CHUNK == 0:
                on_progress(steps)
    final = TMConfig(coding.states[q // per_state],
                     tuple(coding.decode_tape(tapes[t], origins[t], heads[t]) for t in tape_ids))
    return (Outcome.HALTED if halted else Outcome.STEP_LIMIT), steps, final
