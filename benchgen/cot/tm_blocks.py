"""Provides TMBench-like step blocks for Turing-machine runs: each block names the rule and the whole
configuration after it; a halting last block ends with ` <halt>`.

    ### step 1:
       - State: A
       - Read: 0
       - Action: Write 1, move R, go to B.
       - Configuration: B | 0: 1 [0]
"""

from __future__ import annotations

import re

from benchgen.cot.tm_run import TMRun
from benchgen.errors import CotParseError
from machines.errors import MachineSyntaxError
from machines.turing.machine import TMConfig

HALT = " <halt>"


def render(run: TMRun) -> str:
    """The step blocks of `run`, separated by blank lines."""
    blocks = [f"### step 0:\n   - Action: Init\n   - Configuration: {run.configs[0].render()}"]
    for i, rule in enumerate(run.rules, start=1):
        blocks.append(
            f"### step {i}:\n   - State: {rule.state}\n   - Read: {' '.join(rule.read)}\n"
            f"   - Action: Write {' '.join(rule.write)}, move {' '.join(m.name for m in rule.moves)}, "
            f"go to {rule.next_state}.\n   - Configuration: {run.configs[i].render()}")
    if run.halted:
        blocks[-1] += HALT
    return "\n\n".join(blocks)


_HEADER = re.compile(r"^### step (\d+):$", re.MULTILINE)
_CONFIG = re.compile(r"^   - Configuration: (.*?)( <halt>)?$", re.MULTILINE)


def parse(text: str) -> tuple[tuple[TMConfig, ...], bool]:
    """The configurations of step blocks, in step order, and whether the last is marked halting."""
    headers = list(_HEADER.finditer(text))
    if not headers:
        raise CotParseError("no '### step N:' block found")
    configs, halted = [], False
    for n, header in enumerate(headers):
        if int(header.group(1)) != n:
            raise CotParseError(f"step {header.group(1)} found where step {n} was expected")
        end = headers[n + 1].start() if n + 1 < len(headers) else len(text)
        found = list(_CONFIG.finditer(text, header.end(), end))
        if not found:
            raise CotParseError(f"step {n} has no Configuration line")
        try:
            configs.append(TMConfig.parse(found[-1].group(1)))
        except MachineSyntaxError as error:
            raise CotParseError(f"step {n}: {error.message}") from None
        halted = found[-1].group(2) is not None
    return tuple(configs), halted
