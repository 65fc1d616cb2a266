"""Provides the trace model shared by every machine family: the protocol, snapshots, traces, outcomes.

A machine is anything with `initial`, `step` and `classify` (structural typing, no base class).
`trace` and `run` are written once on top of that protocol and always take a step budget.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from machines.errors import BudgetError, check_budget

C = TypeVar("C", bound=Hashable)


class Outcome(enum.Enum):
    """How a run ended (or that it has not)."""

    RUNNING = "running"
    HALTED = "halted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STEP_LIMIT = "step_limit"
    CYCLE = "cycle"

    @property
    def is_final(self) -> bool:
        """True for outcomes a machine reaches by itself (not RUNNING, STEP_LIMIT or CYCLE)."""
        return self in (Outcome.HALTED, Outcome.ACCEPTED, Outcome.REJECTED)


@dataclass(frozen=True, slots=True)
class Snapshot(Generic[C]):
    """One configuration of a run: `step` rules have fired to reach `config`."""

    step: int
    config: C
    event: Hashable | None = None
    """The rule that fired to reach this configuration (None for step 0); its str() reads well."""


class Machine(Protocol[C]):
    """The stepping protocol every machine family satisfies.

    `step` is only called on configurations that `classify` reports as RUNNING, and is pure.
    """

    def initial(self, input: Any) -> C:
        """The configuration the machine starts in on `input`."""
        ...

    def step(self, config: C) -> tuple[C, Hashable | None]:
        """The next configuration and the rule that produced it."""
        ...

    def classify(self, config: C) -> Outcome:
        """RUNNING if a rule applies to `config`, else the final outcome it stands for."""
        ...


@dataclass(frozen=True, slots=True)
class Retention:
    """Which snapshots a `run` keeps. Step 0 and the last snapshot are always kept.

    Keep every `every`-th step, or (when `first`/`last` are given) only the first `first` and the
    last `last` snapshots.
    """

    every: int = 1
    first: int | None = None
    last: int | None = None

    def __post_init__(self) -> None:
        check_budget("every", self.every)
        for name in ("first", "last"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise BudgetError(f"{name}={value!r} must be a non-negative integer")

    @classmethod
    def all(cls) -> Retention:
        """Keep every snapshot (the default)."""
        return cls()

    @classmethod
    def stride(cls, every: int) -> Retention:
        """Keep every `every`-th snapshot."""
        return cls(every=every)

    @classmethod
    def ends(cls, first: int, last: int) -> Retention:
        """Keep the first `first` and the last `last` snapshots."""
        return cls(first=first, last=last)

    @property
    def keeps_all(self) -> bool:
        return self.every == 1 and self.first is None and self.last is None


@dataclass(frozen=True, slots=True)
class Trace(Generic[C]):
    """The result of `run`: the kept snapshots of a run and how it ended."""

    machine: str
    snapshots: tuple[Snapshot[C], ...]
    outcome: Outcome
    steps: int
    """Steps taken in all (the step number of the final snapshot)."""
    dropped: int = 0
    """Snapshots not kept by the retention policy."""
    cycle_start: int | None = None
    """With Outcome.CYCLE: the step whose configuration the final one repeats."""

    @property
    def initial(self) -> Snapshot[C]:
        return self.snapshots[0]

    @property
    def final(self) -> Snapshot[C]:
        return self.snapshots[-1]

    @property
    def configs(self) -> tuple[C, ...]:
        return tuple(s.config for s in self.snapshots)

    @property
    def cycle_period(self) -> int | None:
        return None if self.cycle_start is None else self.steps - self.cycle_start

    def __len__(self) -> int:
        return len(self.snapshots)

    def __iter__(self) -> Iterator[Snapshot[C]]:
        return iter(self.snapshots)


def machine_name(machine: object) -> str:
    """A short name for a machine: its `name` attribute if it has one, else its type's name."""
    name = getattr(machine, "name", None)
    return name if isinstance(name, str) and name else type(machine).__name__


def trace(machine: Machine[C], input: Any, *, max_steps: int) -> Iterator[Snapshot[C]]:
    """Yields the snapshots of a run, from step 0, until the machine stops or `max_steps` steps."""
    check_budget("max_steps", max_steps)
    config = machine.initial(input)
    yield Snapshot(0, config)
    for n in range(1, max_steps + 1):
        if machine.classify(config) is not Outcome.RUNNING:
            return
        config, event = machine.step(config)
        yield Snapshot(n, config, event)


@dataclass(slots=True)
class _Keeper(Generic[C]):
    """Applies a Retention policy to a stream of snapshots."""

    policy: Retention
    kept: list[Snapshot[C]] = field(default_factory=list)
    tail: deque[Snapshot[C]] = field(default_factory=deque)
    seen: int = 0
    last: Snapshot[C] | None = None

    def add(self, snapshot: Snapshot[C]) -> None:
        self.seen += 1
        self.last = snapshot
        p = self.policy
        if p.first is None and p.last is None:
            if snapshot.step % p.every == 0:
                self.kept.append(snapshot)
        elif snapshot.step == 0 or len(self.kept) < (p.first or 0):
            self.kept.append(snapshot)
        elif p.last:
            self.tail.append(snapshot)
            if len(self.tail) > p.last:
                self.tail.popleft()

    def result(self) -> tuple[tuple[Snapshot[C], ...], int]:
        kept = self.kept + list(self.tail)
        if self.last is not None and kept[-1] is not self.last:
            kept.append(self.last)
        return tuple(kept), self.seen - len(kept)


def run(machine: Machine[C], input: Any, *, max_steps: int, detect_cycles: bool = False,
        retention: Retention | None = None) -> Trace[C]:
    """Runs `machine` on `input` for at most `max_steps` steps and returns its Trace.

    With `detect_cycles`, the run stops with Outcome.CYCLE at the first configuration that
    repeats an earlier one (configurations are hashable values, so this is exact).
    """
    keeper: _Keeper[C] = _Keeper(retention or Retention())
    seen: dict[C, int] = {}
    cycle_start = None
    last: Snapshot[C] | None = None
    for snapshot in trace(machine, input, max_steps=max_steps):
        keeper.add(snapshot)
        last = snapshot
        if detect_cycles:
            earlier = seen.setdefault(snapshot.config, snapshot.step)
            if earlier != snapshot.step:
                cycle_start = earlier
                break
    assert last is not None  # trace always yields step 0
    if cycle_start is not None:
        outcome = Outcome.CYCLE
    else:
        outcome = machine.classify(last.config)
        if outcome is Outcome.RUNNING:
            outcome = Outcome.STEP_LIMIT
    snapshots, dropped = keeper.result()
    return Trace(machine_name(machine), snapshots, outcome, last.step, dropped, cycle_start)
