"""Provides the accelerated engine: a block macro machine on a run-length-encoded tape with chain steps.

The tape is cut into blocks of `b` cells, aligned at a fixed offset, and stored as two stacks of
runs `[block, count]` on either side of the head, which stands between two blocks facing one of
them. A macro step runs the machine inside one block until the head leaves it (memoised per state,
facing and block). When a macro step leaves state and facing unchanged, the head sweeps through
the whole run it faces, so one chain step does all of it: `count` macro steps in O(1). Step and
cell counts stay exact; a budget that ends inside a block is finished cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from machines.core import Outcome
from machines.errors import check_budget
from machines.turing.engine_errors import TapeTooLongError
from machines.turing.machine import Tape, TMConfig, TuringMachine
from machines.turing.plain import Coding

EXIT, HALT, LOOP, STOPPED = 0, 1, 2, 3
"""How a block run ends: the head left the block; no rule applies; it loops in it forever; budget spent."""

RIGHT, LEFT = 1, 0

PROGRESS_EVERY = 1 << 16
"""Macro steps between two progress reports."""

MAX_FINAL_CELLS = 10**7
"""The longest final tape written out as a configuration (run-length tapes can be far longer)."""


@dataclass(frozen=True, slots=True)
class BlockRun:
    """What the machine does inside one block from one entry: how it ends and after how many steps."""

    kind: int
    block: int
    state: int
    steps: int
    position: int
    """The head's cell in the block at the end: -1 or the block size if it left the block."""

    @property
    def side(self) -> int:
        """RIGHT or LEFT: the side the head left by (EXIT only)."""
        return LEFT if self.position < 0 else RIGHT


class BlockMachine:
    """The macro machine of `tm` for blocks of `size` cells: memoised block runs."""

    def __init__(self, tm: TuringMachine, coding: Coding, size: int) -> None:
        self.size = size
        self.base = coding.sentinel
        self.table: dict[tuple[int, int], tuple[int, int, int]] = {}
        for rule in tm.rules:
            self.table[coding.state_index[rule.state], coding.code[rule.read[0]]] = (
                coding.code[rule.write[0]], rule.moves[0].value, coding.state_index[rule.next_state])
        self.memo: dict[tuple[int, int, int], BlockRun] = {}

    def decode(self, block: int) -> list[int]:
        """The cells of a block, left to right."""
        cells = []
        for _ in range(self.size):
            block, c = divmod(block, self.base)
            cells.append(c)
        return cells

    def encode(self, cells: list[int]) -> int:
        """The block holding `cells`, left to right."""
        block = 0
        for c in reversed(cells):
            block = block * self.base + c
        return block

    def step(self, state: int, facing: int, block: int) -> BlockRun:
        """The memoised run of `state` entering `block` from the side opposite to `facing`."""
        key = (state, facing, block)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.run(state, block, 0 if facing == RIGHT else self.size - 1)
        return found

    def run(self, state: int, block: int, position: int, limit: int | None = None) -> BlockRun:
        """Runs the machine inside `block` from `position` until it leaves, halts, loops or spends `limit`.

        Without a limit an endless run is reported as LOOP. With one, the first repeated
        configuration cuts the remaining budget modulo the loop's period, so huge budgets cost nothing.
        """
        cells = self.decode(block)
        table, size = self.table, self.size
        seen: dict[tuple[int, int, tuple[int, ...]], int] | None = {}
        steps = 0
        while 0 <= position < size:
            rule = table.get((state, cells[position]))
            if rule is None:
                return BlockRun(HALT, self.encode(cells), state, steps, position)
            if steps == limit:
                return BlockRun(STOPPED, self.encode(cells), state, steps, position)
            if seen is not None:
                earlier = seen.setdefault((state, position, tuple(cells)), steps)
                if earlier != steps:
                    if limit is None:
                        return BlockRun(LOOP, self.encode(cells), state, steps, position)
                    limit = steps + (limit - steps) % (steps - earlier)
                    seen = None
                    continue
            cells[position], move, state = rule
            position += move
            steps += 1
        return BlockRun(EXIT, self.encode(cells), state, steps, position)


def _push(stack: list[list[int]], block: int, count: int) -> None:
    """Puts `count` copies of `block` on a stack of runs, merging with an equal top run."""
    if stack and stack[-1][0] == block:
        stack[-1][1] += count
    else:
        stack.append([block, count])


def run(tm: TuringMachine, config: TMConfig, *, max_steps: int,
        on_progress: Callable[[int], None] | None = None, block_size: int | None = None,
        offset: int = 0) -> tuple[Outcome, int, TMConfig]:
    """Runs one-tape `tm` from `config` for at most `max_steps` steps: (outcome, steps, final configuration).

    `block_size` (default: chosen by `pick_block_size`, with offset 0) and `offset` set how the tape
    is cut into blocks: block boundaries sit at the positions congruent to `offset` modulo the size.
    """
    if config.state in tm.halt_states:
        return Outcome.HALTED, 0, config
    coding = Coding(tm)
    if block_size is None:
        machine = pick_block_size(tm, config, max_steps)
    else:
        check_budget("block_size", block_size)
        machine = BlockMachine(tm, coding, block_size)
    simulation = _Simulation(tm, coding, machine, config, offset)
    steps, final = simulation.run(max_steps, on_progress)
    outcome = Outcome.HALTED if tm.classify(final) is Outcome.HALTED else Outcome.STEP_LIMIT
    return outcome, steps, final


BLOCK_SIZES = (1, 2, 3, 4, 6, 8, 12)
"""The block sizes `pick_block_size` tries."""

PROBE_MACRO_STEPS = 4000
"""How many macro steps each block size is tried for."""


def pick_block_size(tm: TuringMachine, config: TMConfig, max_steps: int) -> BlockMachine:
    """The block machine that covers the most steps per macro step on a short probe of the run.

    Any block size gives exact results; this only picks the fastest, so a heuristic is fine.
    """
    coding = Coding(tm)

    def rate(machine: BlockMachine) -> float:
        probe = _Simulation(tm, coding, machine, config, 0)
        steps, _ = probe.run(max_steps, None, max_macro=PROBE_MACRO_STEPS)
        return steps / max(1, probe.macro_steps)

    return max((BlockMachine(tm, coding, size) for size in BLOCK_SIZES), key=rate)


class _Simulation:
    """One run of a block machine: the two stacks of runs, the head's place and state."""

    def __init__(self, tm: TuringMachine, coding: Coding, machine: BlockMachine, config: TMConfig,
                 offset: int) -> None:
        self.tm, self.coding, self.machine = tm, coding, machine
        b = machine.size
        tape = config.tape
        first = tape.start - (tape.start - offset) % b
        end = max(tape.start + len(tape.cells), tape.head + 1)
        count = -(-(end - first) // b)
        codes = [coding.code[tape.at(first + i, tm.blank)] for i in range(count * b)]
        blocks = [machine.encode(codes[i * b:(i + 1) * b]) for i in range(count)]
        head_block = (tape.head - first) // b
        self.left: list[list[int]] = []
        self.right: list[list[int]] = []
        for block in blocks[:head_block]:
            _push(self.left, block, 1)
        for block in reversed(blocks[head_block + 1:]):
            _push(self.right, block, 1)
        self.block = blocks[head_block]
        self.block_start = first + head_block * b
        self.position = tape.head - self.block_start
        self.state = coding.state_index[config.state]
        self.macro_steps = 0

    def run(self, max_steps: int, on_progress: Callable[[int], None] | None,
            max_macro: int | None = None) -> tuple[int, TMConfig]:
        """Runs for at most `max_steps` steps (and `max_macro` macro steps): (steps, final configuration)."""
        machine = self.machine
        b = machine.size
        first = machine.run(self.state, self.block, self.position, max_steps)
        if first.kind != EXIT:
            return self._settle(first, self.block_start, 0, max_steps)
        steps, state, facing = first.steps, first.state, first.side
        left, right = self.left, self.right
        x = self.block_start  # the boundary the head stands on: the position of the cell right of it
        if facing == RIGHT:
            _push(left, first.block, 1)
            x += b
        else:
            _push(right, first.block, 1)
        memo = machine.memo
        macro = 0
        while macro != max_macro:
            macro += 1
            if on_progress is not None and macro % PROGRESS_EVERY == 0:
                on_progress(steps)
            source = right if facing == RIGHT else left
            if source:
                top = source[-1]
                block, count = top
            else:
                block, count = 0, max_steps  # the endless blank run (more than the budget can use)
            step = memo.get((state, facing, block)) or machine.step(state, facing, block)
            cost = step.steps
            if step.kind != EXIT or steps + cost > max_steps:
                break
            exits_right = step.position >= b
            # same state, same direction: the head sweeps through the whole run (a chain step)
            n = min(count, (max_steps - steps) // cost) if (
                step.state == state and exits_right == (facing == RIGHT)) else 1
            if source:
                if n == count:
                    source.pop()
                else:
                    top[1] -= n
            if facing == LEFT:
                x -= n * b
            if exits_right:
                if step.block or left:
                    _push(left, step.block, n)
                x += n * b
                facing = RIGHT
            else:
                if step.block or right:
                    _push(right, step.block, n)
                facing = LEFT
            steps += n * cost
            state = step.state
        self.macro_steps = macro
        return self._finish(state, facing, x, steps, max_steps)

    def _finish(self, state: int, facing: int, x: int, steps: int, max_steps: int) -> tuple[int, TMConfig]:
        """Takes the faced block off its stack and runs the rest of the budget inside it cell by cell."""
        b = self.machine.size
        source = self.right if facing == RIGHT else self.left
        block = 0
        if source:
            block = source[-1][0]
            if source[-1][1] == 1:
                source.pop()
            else:
                source[-1][1] -= 1
        start = x if facing == RIGHT else x - b
        result = self.machine.run(state, block, 0 if facing == RIGHT else b - 1, max_steps - steps)
        return self._settle(result, start, steps, max_steps)

    def _settle(self, result: BlockRun, start: int, steps: int, max_steps: int) -> tuple[int, TMConfig]:
        """The step count and final configuration once `result` ran in the block at `start`."""
        steps = max_steps if result.kind == STOPPED else steps + result.steps
        length = self.machine.size * (1 + sum(count for _, count in (*self.left, *self.right)))
        if length > MAX_FINAL_CELLS:
            raise TapeTooLongError(f"after {steps:,} steps the tape spans {length:,} cells, more than "
                                   f"{MAX_FINAL_CELLS:,} to write out: give a smaller max_steps")
        decode = self.machine.decode
        cells: list[int] = []
        for block, count in self.left:
            cells += decode(block) * count
        before = len(cells)
        cells += decode(result.block)
        for block, count in reversed(self.right):
            cells += decode(block) * count
        symbols = self.coding.symbols
        origin = start - before
        tape = Tape.normal([symbols[c] for c in cells], origin, start + result.position, self.tm.blank)
        return steps, TMConfig(self.coding.states[result.state], (tape,))
