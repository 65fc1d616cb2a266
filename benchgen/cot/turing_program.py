"""Provides Turing-Program scratchpads (Hou et al.): one full tape copy per step, the head marked.

Every line shows the same window of each tape (every cell the run ever covers), so each line is
the previous one with O(1) local edits. The head cell is written `[STATE]symbol`; tapes of a
multi-tape machine are separated by ` | `:

    $ 1 [B]0 _
"""

from __future__ import annotations

from collections.abc import Sequence

from benchgen.cot.tm_run import TMRun, cells_over
from benchgen.errors import CotParseError
from machines.turing.machine import Tape, TMConfig

LEFT_END = "$"


def render_config(config: TMConfig, windows: Sequence[tuple[int, int]], blank: str) -> str:
    """One line: each tape's window with `[STATE]` before the head's symbol."""
    groups = []
    for tape, (lo, hi) in zip(config.tapes, windows, strict=True):
        cells = cells_over(tape, lo, hi, blank)
        cells[tape.head - lo] = f"[{config.state}]{cells[tape.head - lo]}"
        groups.append(" ".join([LEFT_END, *cells]))
    return " | ".join(groups)


def render(run: TMRun) -> str:
    """One line per configuration of `run`."""
    windows, blank = run.windows(), run.machine.blank
    return "\n".join(render_config(c, windows, blank) for c in run.configs)


def parse(text: str, starts: Sequence[int], blank: str) -> tuple[TMConfig, ...]:
    """The configurations of the lines; `starts` are the windows' first positions (one per tape)."""
    configs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith(LEFT_END):
            continue
        groups = line.split(" | ")
        if len(groups) != len(starts):
            raise CotParseError(f"line {number}: {len(groups)} tapes, expected {len(starts)}")
        state, tapes = None, []
        for group, start in zip(groups, starts, strict=True):
            tokens = group.split()[1:]
            heads = [i for i, t in enumerate(tokens) if t.startswith("[") and "]" in t[1:]]
            if len(heads) != 1:
                raise CotParseError(f"line {number}: a tape needs exactly one '[STATE]symbol' cell")
            token = tokens[heads[0]]
            close = token.index("]", 1)
            if state not in (None, token[1:close]):
                raise CotParseError(f"line {number}: tapes disagree on the state")
            state = token[1:close]
            tokens[heads[0]] = token[close + 1:]
            tapes.append(Tape.normal(tokens, start, start + heads[0], blank))
        configs.append(TMConfig(state, tuple(tapes)))
    if not configs:
        raise CotParseError(f"no tape line (starting with {LEFT_END!r}) found")
    return tuple(configs)
