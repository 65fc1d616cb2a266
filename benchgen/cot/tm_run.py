"""Provides `TMRun`, a Turing-machine run as the CoT renderers see it: configurations and fired rules."""

from __future__ import annotations

from dataclasses import dataclass

from machines.core import Outcome, Trace
from machines.turing.machine import Rule, Tape, TMConfig, TuringMachine


@dataclass(frozen=True, slots=True)
class TMRun:
    """Configurations from step 0, the rule that produced each later one, and whether the run halted."""

    machine: TuringMachine
    configs: tuple[TMConfig, ...]
    rules: tuple[Rule, ...]
    halted: bool

    @classmethod
    def from_trace(cls, machine: TuringMachine, trace: Trace) -> TMRun:
        """The run of a full trace (every snapshot kept)."""
        return cls(machine, trace.configs, tuple(s.event for s in trace.snapshots[1:]),
                   trace.outcome is Outcome.HALTED)

    def window(self, tape: int = 0) -> tuple[int, int]:
        """The first and last cell any configuration of the run covers on `tape`."""
        tapes = [c.tapes[tape] for c in self.configs]
        return min(t.start for t in tapes), max(t.start + len(t.cells) - 1 for t in tapes)

    def windows(self) -> tuple[tuple[int, int], ...]:
        return tuple(self.window(k) for k in range(self.machine.tapes))


def cells_over(tape: Tape, lo: int, hi: int, blank: str) -> list[str]:
    """The symbols of `tape` from position `lo` to `hi` inclusive."""
    return [tape.at(p, blank) for p in range(lo, hi + 1)]


def apply_edit(config: TMConfig, writes: tuple[str, ...], heads: tuple[int, ...], state: str,
               blank: str) -> TMConfig:
    """`config` with each tape's head cell overwritten, the heads moved to `heads`, in `state`."""
    tapes = []
    for tape, write, head in zip(config.tapes, writes, heads, strict=True):
        cells = list(tape.cells)
        cells[tape.head - tape.start] = write
        tapes.append(Tape.normal(cells, tape.start, head, blank))
    return TMConfig(state, tuple(tapes))


def final_answer(run: TMRun) -> str:
    """The answer of an emulation item: the final configuration, with `(halted)` if the run halted."""
    return run.configs[-1].render() + (" (halted)" if run.halted else "")


def cell_ref(tape: int, position: int, tapes: int) -> str:
    """'c[5]' on a one-tape machine, 'c1[5]' for tape 1 of a multi-tape one."""
    return f"c[{position}]" if tapes == 1 else f"c{tape}[{position}]"


def heads_text(config: TMConfig) -> str:
    """The head positions, comma-separated: '3' or '3,0'."""
    return ",".join(str(t.head) for t in config.tapes)


def last_writes(run: TMRun) -> list[tuple[int, ...]]:
    """For each step i >= 1 and each tape, the step that last wrote the cell under its head (0: never)."""
    written: dict[tuple[int, int], int] = {}
    sources = []
    for i, config in enumerate(run.configs[: len(run.rules)], start=1):
        heads = [(k, t.head) for k, t in enumerate(config.tapes)]
        sources.append(tuple(written.get(h, 0) for h in heads))
        written.update(dict.fromkeys(heads, i))
    return sources
