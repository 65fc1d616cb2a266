"""Provides CAEF-style state/command pairs for Turing-machine runs (Executing Arithmetic, 2410.07896).

A state line shows the state and each tape's window as `|`-separated cells with a head token
before the head's cell (`[HEAD]`, or `[HEAD1]`, `[HEAD2]`... on a multi-tape machine, tapes
separated by spaces); a command line says what the step does; a halting run ends with CAEF's
sentence:

    TM, A, [HEAD]|1|0
    CMD: [WRITE] 0, [HEAD] RIGHT, B
    TM, B, |0[HEAD]|0
    No command to execute. Halt state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchgen.cot.tm_run import TMRun, cells_over
from benchgen.errors import CotParseError
from machines.turing.machine import Move, Tape, TMConfig

HALT = "No command to execute. Halt state."
MOVE_WORDS = {Move.L: "LEFT", Move.R: "RIGHT", Move.S: "STAY"}


def head_token(tape: int, tapes: int) -> str:
    return "[HEAD]" if tapes == 1 else f"[HEAD{tape + 1}]"


def state_line(config: TMConfig, windows: Sequence[tuple[int, int]], blank: str) -> str:
    """'TM, STATE, TAPES' with each head token before its cell."""
    groups = []
    for t, (tape, (lo, hi)) in enumerate(zip(config.tapes, windows, strict=True)):
        cells = [f"|{c}" for c in cells_over(tape, lo, hi, blank)]
        cells[tape.head - lo] = head_token(t, len(windows)) + cells[tape.head - lo]
        groups.append("".join(cells))
    return f"TM, {config.state}, {' '.join(groups)}"


def render(run: TMRun) -> str:
    """Alternating state and command lines over the run's tape windows."""
    windows, blank, k = run.windows(), run.machine.blank, run.machine.tapes
    lines = [state_line(run.configs[0], windows, blank)]
    for rule, config in zip(run.rules, run.configs[1:], strict=True):
        actions = [f"[WRITE{'' if k == 1 else t + 1}] {w}, {head_token(t, k)} {MOVE_WORDS[m]}"
                   for t, (w, m) in enumerate(zip(rule.write, rule.moves, strict=True))]
        lines += [f"CMD: {', '.join(actions)}, {rule.next_state}", state_line(config, windows, blank)]
    if run.halted:
        lines.append(HALT)
    return "\n".join(lines)


_STATE = re.compile(r"^TM, (\S+), (.*)$", re.MULTILINE)


def parse(text: str, starts: Sequence[int], blank: str) -> tuple[TMConfig, ...]:
    """The configurations of the state lines; `starts` are the windows' first positions."""
    configs = []
    for found in _STATE.finditer(text):
        state, groups = found.group(1), found.group(2).split(" ")
        if len(groups) != len(starts):
            raise CotParseError(f"state line {len(configs)}: {len(groups)} tapes, expected {len(starts)}")
        tapes = []
        for t, (group, start) in enumerate(zip(groups, starts, strict=True)):
            token = head_token(t, len(starts))
            if group.count(token) != 1:
                raise CotParseError(f"state line {len(configs)} needs exactly one {token}")
            before, after = group.split(token)
            left, right = before.split("|")[1:], after.split("|")[1:]
            if not right:
                raise CotParseError(f"state line {len(configs)}: {token} is not before a cell")
            tapes.append(Tape.normal(left + right, start, start + len(left), blank))
        configs.append(TMConfig(state, tuple(tapes)))
    if not configs:
        raise CotParseError("no 'TM, STATE, TAPE' line found")
    return tuple(configs)
