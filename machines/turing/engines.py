"""Provides the registry of Turing-machine engines and `run_engine`, which runs any of them to a summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from machines import core
from machines.core import Outcome
from machines.errors import check_budget
from machines.turing import accelerated, plain
from machines.turing.engine_errors import UnknownEngineError, UnsupportedMachineError
from machines.turing.machine import Rule, TMConfig, TuringMachine

EngineRun = Callable[..., tuple[Outcome, int, TMConfig]]
"""`run(tm, config, *, max_steps, on_progress) -> (outcome, steps, final configuration)`."""


@dataclass(frozen=True, slots=True)
class EngineResult:
    """The summary of an engine run."""

    outcome: Outcome
    """HALTED or STEP_LIMIT (CYCLE where the engine detects it)."""
    steps: int
    """Exact step count: a rule into a halt state counts, an undefined transition does not."""
    non_blank: int
    """Non-blank cells at the end, on all tapes."""
    final: TMConfig
    """The final configuration (normal form)."""


@dataclass(frozen=True, slots=True)
class Engine:
    """A named engine: what it is good for, and its run function."""

    name: str
    summary: str
    run: EngineRun
    max_tapes: int | None = None
    """The most tapes it can run (None: any number)."""
    detects_cycles: bool = False
    """Whether `run` takes `detect_cycles=True` (stop with CYCLE at the first repeated configuration)."""


_PROGRESS_EVERY = 100_000


def _run_reference(tm: TuringMachine, config: TMConfig, *, max_steps: int,
                   on_progress: Callable[[int], None] | None = None,
                   detect_cycles: bool = False) -> tuple[Outcome, int, TMConfig]:
    trace = core.run(_FromConfig(tm, config, on_progress), None, max_steps=max_steps,
                     detect_cycles=detect_cycles, retention=core.Retention.ends(0, 0))
    return trace.outcome, trace.steps, trace.final.config


@dataclass(slots=True)
class _FromConfig:
    """The machine `tm` started in `config`, reporting progress now and then (for the reference stepper)."""

    tm: TuringMachine
    config: TMConfig
    on_progress: Callable[[int], None] | None
    steps: int = 0

    @property
    def name(self) -> str:
        return self.tm.name

    def initial(self, input: Any) -> TMConfig:
        return self.config

    def step(self, config: TMConfig) -> tuple[TMConfig, Rule]:
        self.steps += 1
        if self.on_progress is not None and self.steps % _PROGRESS_EVERY == 0:
            self.on_progress(self.steps)
        return self.tm.step(config)

    def classify(self, config: TMConfig) -> Outcome:
        return self.tm.classify(config)


ENGINES: dict[str, Engine] = {
    e.name: e for e in (
        Engine("reference", "the trace-model stepper (machines.core.run); slow, the oracle", _run_reference,
               detects_cycles=True),
        Engine("plain", "integer tables and bytearray tapes in a tight loop; any number of tapes", plain.run),
        Engine("accelerated", "run-length-encoded block macro machine with chain steps; one tape",
               accelerated.run, max_tapes=1),
    )
}


def get_engine(name: str) -> Engine:
    """The engine called `name`, or UnknownEngineError listing the known ones."""
    try:
        return ENGINES[name]
    except KeyError:
        raise UnknownEngineError(f"engine={name!r} is not one of {sorted(ENGINES)}") from None


def run_engine(tm: TuringMachine, input: Any = "", *, engine: str = "plain", max_steps: int,
               on_progress: Callable[[int], None] | None = None, detect_cycles: bool = False) -> EngineResult:
    """Runs `tm` on `input` with the named engine for at most `max_steps` steps.

    `on_progress(steps_so_far)` is called now and then during long runs. `detect_cycles` (reference
    engine only) ends the run with Outcome.CYCLE at the first repeated configuration.
    """
    return run_engine_from(tm, tm.initial(input), engine=engine, max_steps=max_steps,
                           on_progress=on_progress, detect_cycles=detect_cycles)


def run_engine_from(tm: TuringMachine, config: TMConfig, *, engine: str = "plain", max_steps: int,
                    on_progress: Callable[[int], None] | None = None,
                    detect_cycles: bool = False) -> EngineResult:
    """Like `run_engine`, from a given configuration of `tm` instead of an input."""
    chosen = get_engine(engine)
    check_budget("max_steps", max_steps)
    if chosen.max_tapes is not None and tm.tapes > chosen.max_tapes:
        raise UnsupportedMachineError(f"engine={engine!r} runs machines with at most {chosen.max_tapes} "
                                      f"tape(s); this one has {tm.tapes}: use engine='plain'")
    if detect_cycles and not chosen.detects_cycles:
        raise UnsupportedMachineError(f"engine={engine!r} does not detect cycles: use engine='reference'")
    options = {"detect_cycles": True} if detect_cycles else {}
    outcome, steps, final = chosen.run(tm, config, max_steps=max_steps, on_progress=on_progress, **options)
    return EngineResult(outcome, steps, tm.non_blank(final), final)
