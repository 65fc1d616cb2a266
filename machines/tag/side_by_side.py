"""Provides the check of a compiled system: run a Turing machine and its tag or lag simulation
side by side and decode the simulation at its synchronisation points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from machines.core import Outcome
from machines.errors import check_budget
from machines.tag.fast import FastRun, watch, watch_lag
from machines.tag.lag import LagSystem
from machines.tag.tag import TagConfig, TagSystem, Word
from machines.turing import Tape, TMConfig, TuringMachine


class Simulation(Protocol):
    """What `tm_to_tag` and `tm_to_lag` return."""

    machine: TuringMachine
    system: TagSystem | LagSystem
    sync_symbols: frozenset[str]

    def encode(self, config: TMConfig) -> Word: ...

    def decode(self, config: TagConfig) -> TMConfig: ...


def at_head_origin(config: TMConfig) -> TMConfig:
    """The same configuration moved so that its (first) head is at position 0.

    Queue encodings of a tape do not record where cell 0 was, so decoded configurations are
    compared with the Turing machine's in this frame.
    """
    return TMConfig(config.state, tuple(Tape(t.cells, t.start - t.head, 0) for t in config.tapes))


@dataclass(frozen=True, slots=True)
class SideBySide:
    """A Turing run, and the same run decoded from its simulation (both with the head at 0)."""

    expected: tuple[TMConfig, ...]
    decoded: tuple[TMConfig, ...]
    machine_outcome: Outcome
    system: FastRun | None
    """The simulation's run if it ended by itself or by its budget (None when it was cut short
    after the last Turing step that was checked)."""
    final: TMConfig | None
    """The configuration decoded from the simulation's halted word."""

    @property
    def agree(self) -> bool:
        """True when every Turing configuration was reproduced, in order, and both halted alike."""
        if self.decoded != self.expected:
            return False
        if self.machine_outcome is Outcome.HALTED:
            return self.system is not None and self.system.outcome is Outcome.HALTED \
                and self.final == self.expected[-1]
        return True


def side_by_side(simulation: Simulation, start: TMConfig, *, max_steps: int,
                 max_system_steps: int) -> SideBySide:
    """Runs the machine from `start` for `max_steps` steps and its simulation until it has shown
    as many (or for `max_system_steps` steps), decoding every synchronisation point."""
    machine = simulation.machine
    check_budget("max_steps", max_steps)
    configs = [start]
    while len(configs) <= max_steps and machine.classify(configs[-1]) is Outcome.RUNNING:
        configs.append(machine.step(configs[-1])[0])
    outcome = Outcome.HALTED if machine.classify(configs[-1]) is Outcome.HALTED else Outcome.STEP_LIMIT
    expected = tuple(at_head_origin(c) for c in configs)
    engine = watch if isinstance(simulation.system, TagSystem) else watch_lag
    words = engine(simulation.system, simulation.encode(start), symbols=simulation.sync_symbols,
                   max_steps=max_system_steps)
    decoded: list[TMConfig] = []
    result, final = None, None
    for item in words:
        if isinstance(item, FastRun):
            result = item
            if item.outcome is Outcome.HALTED:
                final = simulation.decode(item.final)
            break
        decoded.append(simulation.decode(item.config))
        if len(decoded) == len(expected) and outcome is not Outcome.HALTED:
            break  # every step the machine took has been checked
    return SideBySide(expected, tuple(decoded), outcome, result, final)
