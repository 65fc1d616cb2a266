"""Provides a decider for translated cyclers (Lin recurrence): runs that repeat themselves, shifted.

An exact cycle check on absolute configurations never fires for such machines, because each repeat
happens further along the tape. Here a repeat is the same state with the same cells on the part of
the tape the head can still reach: for a shift to the right, every cell from the leftmost one the
head visited during the period onwards (the mirror image for a shift to the left; for no shift, the
cells it visited). Such a run repeats forever, so the machine never halts.
"""

from __future__ import annotations

from dataclasses import dataclass

from machines.errors import check_budget
from machines.turing.engine_errors import UnsupportedMachineError
from machines.turing.machine import TMConfig, TuringMachine
from machines.turing.plain import Coding


@dataclass(frozen=True, slots=True)
class TranslatedCycle:
    """From step `start` on, every `period` steps the run repeats itself shifted by `shift` cells."""

    start: int
    period: int
    shift: int


def _segment(cells: bytes | bytearray, origin: int, lo: int, hi: int) -> bytes:
    """The cells at absolute positions lo..hi-1 of a tape stored from `origin` (blank outside it)."""
    start, end = lo - origin, hi - origin
    inside = bytes(cells[max(0, start):max(0, min(end, len(cells)))])
    return bytes(max(0, min(-start, hi - lo))) + inside + bytes(max(0, end - max(start, len(cells))))


class _Stepper:
    """A one-tape run on a bytearray tape grown on demand, stepped one step at a time."""

    def __init__(self, tm: TuringMachine, config: TMConfig) -> None:
        coding = Coding(tm)
        self.rules = {(coding.state_index[r.state], coding.code[r.read[0]]):
                      (coding.code[r.write[0]], r.moves[0].value, coding.state_index[r.next_state])
                      for r in tm.rules}
        self.cells, origin, head = coding.encode_tape(config.tape)
        self.cells[0] = self.cells[-1] = 0  # no sentinels here: growth is checked on each move
        self.origin, self.state, self.head = origin, coding.state_index[config.state], origin + head

    def step(self) -> bool:
        """Does one step; False if the machine halts instead."""
        i = self.head - self.origin
        rule = self.rules.get((self.state, self.cells[i]))
        if rule is None:
            return False
        self.cells[i], move, self.state = rule
        i += move
        if i < 0:
            grown = len(self.cells)
            self.cells[:0] = bytes(grown)
            self.origin -= grown
        elif i >= len(self.cells):
            self.cells.extend(bytes(len(self.cells)))
        self.head += move
        return True

    def save(self) -> tuple[int, int, bytes, int]:
        """The state, head, a copy of the tape, and the tape's origin."""
        return self.state, self.head, bytes(self.cells), self.origin

    def repeats(self, saved: tuple[int, int, bytes, int], low: int, high: int) -> bool:
        """True if the run now repeats the `saved` one shifted; the head stayed in low..high in between."""
        state, head, cells, origin = saved
        if self.state != state:
            return False
        shift = self.head - head
        if shift > 0:  # every cell from the leftmost one visited onwards
            lo, hi = low, max(origin + len(cells), self.origin + len(self.cells) - shift)
        elif shift < 0:  # every cell up to the rightmost one visited
            lo, hi = min(origin, self.origin - shift), high + 1
        else:
            lo, hi = low, high + 1
        return _segment(cells, origin, lo, hi) == _segment(self.cells, self.origin, lo + shift, hi + shift)


def find_translated_cycle(tm: TuringMachine, input: object = "", *, max_steps: int) -> TranslatedCycle | None:
    """The earliest translated cycle (Lin recurrence) of a run within `max_steps` steps, or None.

    None means the machine halted, or no repeat was found within the budget. A shift of 0 is an
    ordinary cycle.
    """
    check_budget("max_steps", max_steps)
    if tm.tapes != 1:
        raise UnsupportedMachineError(f"translated cycles are found for one-tape machines; this one has "
                                      f"{tm.tapes} tapes")
    config = tm.initial(input)
    found = _some_repeat(tm, config, max_steps)
    if found is None:
        return None
    # a repeat from step t implies one from step t + 1, so the earliest start is found by bisection
    lo, hi, period, shift = 0, *found
    while lo < hi:
        mid = (lo + hi) // 2
        mid_shift = _repeat_from(tm, config, mid, period)
        if mid_shift is None:
            lo = mid + 1
        else:
            hi, shift = mid, mid_shift
    return TranslatedCycle(hi, period, shift)


def _some_repeat(tm: TuringMachine, config: TMConfig, max_steps: int) -> tuple[int, int, int] | None:
    """Some (start, period, shift) of a repeat, saving the run at steps 0, 1, 3, 7, ... (Brent's doubling)."""
    run = _Stepper(tm, config)
    saved_at = 0
    while saved_at < max_steps:
        saved = run.save()
        low = high = run.head
        for t in range(saved_at + 1, min(2 * saved_at + 1, max_steps) + 1):
            if not run.step():
                return None
            low, high = min(low, run.head), max(high, run.head)
            if run.repeats(saved, low, high):
                return saved_at, t - saved_at, run.head - saved[1]
        saved_at = 2 * saved_at + 1
    return None


def _repeat_from(tm: TuringMachine, config: TMConfig, start: int, period: int) -> int | None:
    """The shift if the run repeats from step `start` after `period` steps, else None."""
    run = _Stepper(tm, config)
    for _ in range(start):
        run.step()
    saved = run.save()
    low = high = run.head
    for _ in range(period):
        run.step()
        low, high = min(low, run.head), max(high, run.head)
    return run.head - saved[1] if run.repeats(saved, low, high) else None
