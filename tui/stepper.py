"""Provides the Stepper: the position in a run's History, moved by keys or by worker threads.

Single steps happen on the UI thread (they cost one machine step or a lookup). Playing, running
to a breakpoint and jumping far ahead happen in `@work(thread=True)` workers, which report back
with messages, so the screen never freezes.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from machines.core import Snapshot
from machines.errors import TuringboxError
from tui.breakpoints import Breakpoint, marked_rule
from tui.history import History

FRAME = 0.05
"""Seconds between frames while playing at speed 0 or faster."""
SLOWEST, FASTEST = -4, 16
"""Speed exponents: 2**speed steps per frame, or a frame every 2**-speed FRAMEs below 0 (Golly)."""
PROGRESS_EVERY = 0.1
"""Seconds between progress reports of an unpaced run."""


class Stepper(Widget):
    """Holds the History of one run and the step shown; posts `Moved` whenever the step changes."""

    DEFAULT_CSS = "Stepper { display: none; }"

    @dataclass
    class Moved(Message):
        """The step shown changed; `reason` says why a run stopped ('' for a plain move)."""

        snapshot: Snapshot
        reason: str = ""

    @dataclass
    class Progress(Message):
        """A long run has reached `step` and goes on."""

        step: int

    def __init__(self, machine: Any, input: Any, *, max_steps: int,
                 state_of: Callable[[Any], Any], metrics: Callable[[Any, Snapshot], dict],
                 detect_cycles: bool = True) -> None:
        super().__init__()
        self.max_steps = max_steps
        self.detect_cycles = detect_cycles
        self.state_of = state_of
        self.metrics = metrics
        self.breakpoints: list[Breakpoint] = []
        self.speed = 0
        self.playing = False
        self.running = False
        """True while a worker moves the position (playing, seeking or running to a breakpoint)."""
        self._lock = threading.Lock()
        self.history = History(machine, input, max_steps=max_steps, detect_cycles=detect_cycles)
        self.position = 0

    @property
    def current(self) -> Snapshot:
        """The snapshot shown."""
        return self.history.get(self.position)

    def restart(self, machine: Any, input: Any) -> None:
        """Starts over on a new machine or input (breakpoints are kept)."""
        self.stop()
        self.history = History(machine, input, max_steps=self.max_steps, detect_cycles=self.detect_cycles)
        self.position = 0
        self._announce()

    def reset(self) -> None:
        """Back to step 0 of the same run; the computed history is kept."""
        self.goto(0)

    def step(self, count: int = 1) -> None:
        """Moves `count` steps forward (negative: back), stopping at either end."""
        self.goto(self.position + count)

    def goto(self, step: int) -> None:
        """Shows `step`: at once if computed, else by a worker that computes up to it."""
        self.stop()
        step = max(0, step)
        if step <= self.history.frontier or self.history.finished or step - self.history.frontier < 64:
            self.position = self.history.get(step).step
            self._announce()
        else:
            self.running = True
            self._run(target=step, paced=False, stop_at_breakpoints=False)

    def toggle_play(self) -> None:
        """Plays at the current speed (stopping at breakpoints and at the end), or pauses."""
        if self.playing:
            self.stop()
        elif not self.history.is_last(self.position):
            self.playing = self.running = True
            self._run(target=None, paced=True, stop_at_breakpoints=True)

    def run_to_breakpoint(self) -> None:
        """Runs at full speed until a breakpoint, a cycle or the end of the run."""
        self.stop()
        if not self.history.is_last(self.position):
            self.running = True
            self._run(target=None, paced=False, stop_at_breakpoints=True)

    def faster(self) -> None:
        self.speed = min(FASTEST, self.speed + 1)

    def slower(self) -> None:
        self.speed = max(SLOWEST, self.speed - 1)

    def stop(self) -> None:
        """Cancels any run in progress; the position stays where the run had got to."""
        with self._lock:
            self.workers.cancel_group(self, "run")
            self.playing = False
            self.running = False

    def add_breakpoint(self, text: str) -> Breakpoint:
        """Parses and adds a breakpoint; raises BreakpointSyntaxError when it cannot apply."""
        breakpoint = Breakpoint.parse(text)
        breakpoint.check(self.metrics(self.history.machine, self.current))
        if breakpoint not in self.breakpoints:
            self.breakpoints.append(breakpoint)
        return breakpoint

    def hit(self, snapshot: Snapshot) -> str:
        """Why the run should stop at `snapshot` ('' if it should not)."""
        if marked_rule(snapshot):
            return f"breakpoint ! on rule {snapshot.event}"
        if self.breakpoints:
            state = self.state_of(snapshot.config)
            metrics = self.metrics(self.history.machine, snapshot)
            for breakpoint in self.breakpoints:
                if breakpoint.hits(snapshot, state, metrics):
                    return f"breakpoint {breakpoint}"
        return ""

    def _announce(self, reason: str = "") -> None:
        self.post_message(self.Moved(self.current, reason))

    @work(thread=True, exclusive=True, group="run")
    def _run(self, *, target: int | None, paced: bool, stop_at_breakpoints: bool) -> None:
        worker = get_current_worker()
        history, step, reason = self.history, self.position, ""
        cycle_known = history.cycle_end is not None
        reported = time.monotonic()
        while not reason and not worker.is_cancelled:
            stride = 2 ** max(0, self.speed) if paced else 1024
            for _ in range(stride):
                try:
                    snapshot = history.get(step + 1)
                except TuringboxError as error:  # a machine's own error stops the run, not the app
                    reason = f"error after step {step}: {error}"
                    break
                if snapshot.step == step:
                    reason = f"end of run: {history.outcome.value.replace('_', ' ')}"
                    break
                step += 1
                if step == target:
                    reason = "arrived"
                elif stop_at_breakpoints:
                    reason = self.hit(snapshot)
                    if not cycle_known and history.cycle_end == step:
                        reason = reason or f"cycle: step {step} repeats step {history.cycle_start}"
                if reason:
                    break
            # The history only grows during a run, and full collections over it stall every thread
            # (the screen too) for hundreds of ms: move what exists now out of the collector's sight.
            gc.freeze()
            if not self._settle(worker, step, "" if reason == "arrived" else reason, final=bool(reason)):
                return
            if paced and not reason:
                time.sleep(FRAME * 2 ** max(0, -self.speed))
            elif time.monotonic() - reported > PROGRESS_EVERY:
                reported = time.monotonic()
                self.post_message(self.Progress(step))

    def _settle(self, worker: Any, step: int, reason: str, *, final: bool) -> bool:
        """Publishes the worker's position unless it was cancelled; returns False if it was."""
        with self._lock:
            if worker.is_cancelled:
                return False
            if final or self.playing:
                self.position = step
                self._announce(reason)
            if final:
                self.playing = False
                self.running = False
            return True
