"""Provides the snapshot history of one run: stepping back and forth without guessing.

The history consumes `machines.core.trace` lazily. It keeps a checkpoint every `every` steps and an
LRU window of recent snapshots; a snapshot that has left the window is recomputed exactly by
re-tracing from the checkpoint before it. Memory stays bounded however long the run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any

from machines.core import Outcome, Snapshot, machine_name, trace
from machines.errors import TuringboxError, check_budget


@dataclass(frozen=True, slots=True)
class _Resumed:
    """A machine that starts from a given configuration, so `trace` can resume at a checkpoint."""

    machine: Any
    config: Hashable

    def initial(self, input: Any) -> Hashable:
        return self.config

    def step(self, config: Hashable) -> tuple[Hashable, Hashable | None]:
        return self.machine.step(config)

    def classify(self, config: Hashable) -> Outcome:
        return self.machine.classify(config)


class History:
    """The snapshots of `machine` on `input`, computed on demand up to `max_steps` steps.

    Thread-safe: a worker may advance the run while the screen reads snapshots.
    With `detect_cycles`, cycle detection is exact (configurations are compared as values) for
    the first `cycle_memory` steps.
    """

    def __init__(self, machine: Any, input: Any, *, max_steps: int, every: int = 256,
                 window: int = 65_536, cycle_memory: int = 1_000_000, detect_cycles: bool = True) -> None:
        check_budget("max_steps", max_steps)
        check_budget("every", every)
        check_budget("window", window)
        self.machine = machine
        self.input = input
        self.max_steps = max_steps
        self.name = machine_name(machine)
        self._every = every
        self._window = window
        self._cycle_memory = cycle_memory
        self._lock = threading.RLock()
        self._live: Iterator[Snapshot] = trace(machine, input, max_steps=max_steps)
        first = next(self._live)
        self._frontier = first
        self._exhausted = False
        self._checkpoints: list[Snapshot] = [first]
        self._recent: OrderedDict[int, Snapshot] = OrderedDict({0: first})
        self.detect_cycles = detect_cycles
        self._seen: dict[Hashable, int] | None = {first.config: 0} if detect_cycles else None
        self.cycle_start: int | None = None
        """The earlier step that the configuration at `cycle_end` repeats, once a cycle is seen."""
        self.cycle_end: int | None = None
        self.error: TuringboxError | None = None
        """The error the machine raised past the frontier, if it did."""

    @property
    def frontier(self) -> int:
        """The last step computed so far."""
        return self._frontier.step

    @property
    def finished(self) -> bool:
        """True once the run has stopped by itself or used up its budget."""
        return self._exhausted

    @property
    def outcome(self) -> Outcome:
        """The outcome at the frontier: RUNNING until the run has stopped (CYCLE once one is seen)."""
        if self._exhausted:
            outcome = self.machine.classify(self._frontier.config)
            return Outcome.STEP_LIMIT if outcome is Outcome.RUNNING else outcome
        return Outcome.CYCLE if self.cycle_start is not None else Outcome.RUNNING

    @property
    def cycle_checked_to(self) -> int | None:
        """The last step covered by cycle detection, when it stopped short of the frontier."""
        gave_up = self._seen is None and self.detect_cycles and self.cycle_start is None
        return self._cycle_memory if gave_up else None

    def outcome_at(self, step: int) -> Outcome:
        """RUNNING before the last step; the run's outcome at it."""
        with self._lock:
            if step < self.frontier or not self._exhausted:
                if self.cycle_end is not None and step >= self.cycle_end:
                    return Outcome.CYCLE
                return Outcome.RUNNING
            return self.outcome

    def is_last(self, step: int) -> bool:
        """True if no snapshot follows `step`."""
        with self._lock:
            return self._exhausted and step >= self.frontier

    def advance(self) -> Snapshot | None:
        """Computes one more snapshot past the frontier, or returns None if the run has stopped.

        A machine's error (a TuringboxError from its `step`) ends the run; it is raised again by
        every later attempt to go past the frontier.
        """
        with self._lock:
            if self.error is not None:
                raise self.error
            if self._exhausted:
                return None
            try:
                snapshot = next(self._live, None)
            except TuringboxError as error:
                self.error = error
                self._exhausted = True
                raise
            if snapshot is None:
                self._exhausted = True
                return None
            self._frontier = snapshot
            if snapshot.step % self._every == 0:
                self._checkpoints.append(snapshot)
            self._remember(snapshot)
            self._check_cycle(snapshot)
            return snapshot

    def get(self, step: int) -> Snapshot:
        """The snapshot at `step`, computing forward as needed (clamped to the last step)."""
        with self._lock:
            step = max(0, step)
            while step > self.frontier and self.advance() is not None:
                pass
            step = min(step, self.frontier)
            found = self._recent.get(step)
            if found is not None:
                self._recent.move_to_end(step)
                return found
            return self._recompute(step)

    def _recompute(self, step: int) -> Snapshot:
        checkpoint = self._checkpoints[step // self._every]
        block = trace(_Resumed(self.machine, checkpoint.config), None, max_steps=self._every)
        wanted = checkpoint
        for resumed in block:
            snapshot = checkpoint if resumed.step == 0 else Snapshot(
                checkpoint.step + resumed.step, resumed.config, resumed.event)
            if snapshot.step > self.frontier:
                break
            self._remember(snapshot)
            if snapshot.step == step:
                wanted = snapshot
        return wanted

    def _remember(self, snapshot: Snapshot) -> None:
        self._recent[snapshot.step] = snapshot
        self._recent.move_to_end(snapshot.step)
        while len(self._recent) > self._window:
            self._recent.popitem(last=False)

    def _check_cycle(self, snapshot: Snapshot) -> None:
        if self._seen is None or self.cycle_start is not None:
            return
        earlier = self._seen.setdefault(snapshot.config, snapshot.step)
        if earlier != snapshot.step:
            self.cycle_start, self.cycle_end = earlier, snapshot.step
            self._seen = {}  # a deterministic run repeats from here on; nothing more to learn
        elif len(self._seen) >= self._cycle_memory:
            self._seen = None
