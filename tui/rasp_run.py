"""Provides a RASP program as something the stepper can step: one s-op of its traced evaluation per step.

The values come from `rasp.interpreter.evaluate_traced` (the TUI never evaluates RASP itself);
stepping walks through that trace, so every machine and program is stepped through one History.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from machines.core import Outcome, Snapshot, Trace
from machines.errors import Span
from machines.files import read_text
from rasp.dialect import ORIGINAL, Dialect
from rasp.errors import RaspError
from rasp.interpreter import RaspFrame, evaluate_traced
from rasp.results import Failed, Named
from rasp.session import Session
from rasp.sops import SOp, topological


@dataclass(frozen=True, slots=True)
class RaspState:
    """How far the stepper is through one traced evaluation: frame `index` of `trace`."""

    index: int
    trace: Trace[RaspFrame] = field(compare=False, hash=False)
    input: tuple = field(compare=False, hash=False)

    @property
    def frame(self) -> RaspFrame:
        """The s-op or selector evaluated last."""
        return self.trace.snapshots[self.index].config

    def render(self) -> str:
        return self.frame.render()


@dataclass(frozen=True, eq=False)
class RaspProgram:
    """A RASP program's s-op `sop`, with the source it came from (for highlighting)."""

    sop: SOp
    source: str = ""
    dialect: Dialect = ORIGINAL
    name: str = ""

    @property
    def nodes(self) -> list[Any]:
        """The nodes in the order the trace evaluates them (dependencies first, `sop` last)."""
        return topological(self.sop)

    def span(self, index: int) -> Span | None:
        """Where in the source the node of frame `index` is written, if known."""
        return getattr(self.nodes[index], "span", None)

    def initial(self, input: Any) -> RaspState:
        items = tuple(input)
        return RaspState(0, evaluate_traced(self.sop, list(items), dialect=self.dialect), items)

    def step(self, config: RaspState) -> tuple[RaspState, Any]:
        following: Snapshot = config.trace.snapshots[config.index + 1]
        return RaspState(config.index + 1, config.trace, config.input), following.event

    def classify(self, config: RaspState) -> Outcome:
        return Outcome.RUNNING if config.index < len(config.trace.snapshots) - 1 else config.trace.outcome


def load_rasp(path: str | Path, *, sop: str | None = None) -> tuple[RaspProgram, Any]:
    """The program in a .rasp file and its running example (see `compile_rasp`)."""
    return compile_rasp(read_text(path), filename=str(path), sop=sop, folder=Path(path).parent)


def compile_rasp(text: str, *, filename: str = "<input>", sop: str | None = None,
                 folder: Path = Path(".")) -> tuple[RaspProgram, Any]:
    """The program's last assigned s-op (or the one named `sop`) and the session's running example,
    which is the input the stepper starts on."""
    session = Session(search_paths=(Path("."), folder))
    results = session.run(text, filename=filename)
    failed = next((r.error for r in results if isinstance(r, Failed)), None)
    if failed is not None:
        raise failed
    if sop is not None:
        chosen = session.value(sop)
        if not isinstance(chosen, SOp):
            raise RaspError(f"{sop!r} is not an s-op in {filename}")
    else:
        assigned = [r.value for r in results if isinstance(r, Named) and isinstance(r.value, SOp)]
        if not assigned:
            raise RaspError(f"{filename} assigns no s-op")
        chosen = assigned[-1]
    return RaspProgram(chosen, text, session.dialect, chosen.display_name), session.examples.sequence
