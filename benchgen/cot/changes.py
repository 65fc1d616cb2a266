"""Provides changes-only chain of thought for Turing-machine runs: after the initial configuration,
each step lists only what it changes (a written cell whose symbol changes, a head that moves, the
state if it changes); `-` marks a step that changes nothing. Cells and heads are named as in
`tail_minimal` (`c[p]`, `h=p`; `c1[p]`, `h1=p` on tape 1 of a multi-tape machine).

    0: A | 0: [1] 0
    1: c[0]=0 h=1 q=B
    2: h=0
    halt
"""

from __future__ import annotations

import re

from benchgen.cot.tm_run import TMRun, apply_edit, cell_ref
from benchgen.errors import CotParseError
from machines.errors import MachineSyntaxError
from machines.turing.machine import TMConfig

HALT = "halt"


def _head_ref(tape: int, tapes: int) -> str:
    return "h" if tapes == 1 else f"h{tape}"


def render(run: TMRun) -> str:
    """The initial configuration and one line of changes per step; `halt` if the run halted."""
    k = run.machine.tapes
    lines = [f"0: {run.configs[0].render()}"]
    for i, rule in enumerate(run.rules, start=1):
        parts = []
        for t, (old, new, read, write) in enumerate(zip(run.configs[i - 1].tapes, run.configs[i].tapes,
                                                        rule.read, rule.write, strict=True)):
            if write != read:
                parts.append(f"{cell_ref(t, old.head, k)}={write}")
            if new.head != old.head:
                parts.append(f"{_head_ref(t, k)}={new.head}")
        if rule.next_state != rule.state:
            parts.append(f"q={rule.next_state}")
        lines.append(f"{i}: {' '.join(parts) or '-'}")
    if run.halted:
        lines.append(HALT)
    return "\n".join(lines)


_LINE = re.compile(r"^(\d+): (.+)$", re.MULTILINE)
_PART = re.compile(r"c(\d*)\[(-?\d+)\]=(\S+)|h(\d*)=(-?\d+)|q=(\S+)|-")


def parse(text: str, blank: str) -> tuple[TMConfig, ...]:
    """The configurations: line 0's, then each line's changes applied in turn."""
    lines = list(_LINE.finditer(text))
    if not lines or lines[0].group(1) != "0":
        raise CotParseError("no '0: CONFIGURATION' line found")
    try:
        configs = [TMConfig.parse(lines[0].group(2))]
    except MachineSyntaxError as error:
        raise CotParseError(f"line 0: {error.message}") from None
    for n, line in enumerate(lines[1:], start=1):
        if int(line.group(1)) != n:
            raise CotParseError(f"step {line.group(1)} found where step {n} was expected")
        config = configs[-1]
        writes = [t.symbol for t in config.tapes]
        heads = [t.head for t in config.tapes]
        state = config.state
        for part in line.group(2).split():
            found = _PART.fullmatch(part)
            if not found:
                raise CotParseError(f"step {n}: cannot read {part!r}")
            cell_tape, position, write, head_tape, head, new_state = found.groups()
            if write is not None:
                t = int(cell_tape or 0)
                if t >= len(heads) or int(position) != config.tapes[t].head:
                    raise CotParseError(f"step {n}: {part!r} is not a cell under a head")
                writes[t] = write
            elif head is not None:
                t = int(head_tape or 0)
                if t >= len(heads):
                    raise CotParseError(f"step {n}: {part!r} names no tape of the machine")
                heads[t] = int(head)
            elif new_state is not None:
                state = new_state
        configs.append(apply_edit(config, tuple(writes), tuple(heads), state, blank))
    return tuple(configs)
