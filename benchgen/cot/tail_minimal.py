"""Provides TAIL-style minimal chain of thought for Turing-machine runs.

Each step is one atomic state: where the machine is, a memory fetch that copies the operands it
needs from earlier context (each symbol under a head, with the step that last wrote it, and the
rule from the table), and the writes it makes. Cells are `c[p]` (`c1[p]` for tape 1 of a
multi-tape machine), heads `h=p` (`h=p0,p1`):

    init: A | 0: [1] 0
    step 1: q=A h=0
    fetch: c[0]=1 @0; A 1 -> 0 R B
    set: c[0]=0 h=1 q=B
    halt: q=B c[1]=0
"""

from __future__ import annotations

import re

from benchgen.cot.tm_run import TMRun, apply_edit, cell_ref, heads_text, last_writes
from benchgen.errors import CotParseError
from machines.errors import MachineSyntaxError
from machines.turing.machine import TMConfig


def render(run: TMRun) -> str:
    """The atomic states of `run`, one line per part."""
    k = run.machine.tapes
    lines = [f"init: {run.configs[0].render()}"]
    for i, (rule, sources) in enumerate(zip(run.rules, last_writes(run), strict=True), start=1):
        before, after = run.configs[i - 1], run.configs[i]
        fetched = " ".join(f"{cell_ref(t, tape.head, k)}={read} @{source}" for t, (tape, read, source)
                           in enumerate(zip(before.tapes, rule.read, sources, strict=True)))
        written = " ".join(f"{cell_ref(t, tape.head, k)}={write}"
                           for t, (tape, write) in enumerate(zip(before.tapes, rule.write, strict=True)))
        lines += [f"step {i}: q={rule.state} h={heads_text(before)}",
                  f"fetch: {fetched}; {rule}",
                  f"set: {written} h={heads_text(after)} q={rule.next_state}"]
    final = run.configs[-1]
    if run.halted:
        under = " ".join(f"{cell_ref(t, tape.head, k)}={tape.symbol}" for t, tape in enumerate(final.tapes))
        lines.append(f"halt: q={final.state} {under}")
    return "\n".join(lines)


_INIT = re.compile(r"^init: (.+)$", re.MULTILINE)
_SET = re.compile(r"^set: (.+) h=(\S+) q=(\S+)$", re.MULTILINE)
_CELL = re.compile(r"c\d*\[(-?\d+)\]=(\S+)")


def parse(text: str, blank: str) -> tuple[TMConfig, ...]:
    """The configurations: the `init` line, then one per `set` line, replayed."""
    found = _INIT.search(text)
    if not found:
        raise CotParseError("no 'init:' line found")
    try:
        configs = [TMConfig.parse(found.group(1))]
    except MachineSyntaxError as error:
        raise CotParseError(f"init line: {error.message}") from None
    for edit in _SET.finditer(text, found.end()):
        configs.append(replay(configs[-1], edit.group(1).split(), edit.group(2), edit.group(3), blank,
                              len(configs)))
    return tuple(configs)


def replay(config: TMConfig, cells: list[str], heads: str, state: str, blank: str, step: int) -> TMConfig:
    """`config` after writing `cells` ('c[p]=x' per tape), moving to `heads` ('p0,p1'), entering `state`."""
    writes, positions = [], heads.split(",")
    if len(cells) != len(config.tapes) or len(positions) != len(config.tapes):
        raise CotParseError(f"step {step}: expected one cell and one head per tape ({len(config.tapes)})")
    for tape, cell in zip(config.tapes, cells, strict=True):
        found = _CELL.fullmatch(cell)
        if not found or int(found.group(1)) != tape.head:
            raise CotParseError(f"step {step}: {cell!r} is not the cell under the head ({tape.head})")
        writes.append(found.group(2))
    try:
        return apply_edit(config, tuple(writes), tuple(int(p) for p in positions), state, blank)
    except ValueError:
        raise CotParseError(f"step {step}: heads {heads!r} are not positions") from None
