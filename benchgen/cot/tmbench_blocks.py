"""Provides TMBench's step blocks for queue (tag-system) traces, exactly as in its one-shot example.

    ### step 1:
       - Head Symbol: B
       - Action: Append A to the end of the queue. Remove B C from the head.
       - Queue State: [A A]

Step 0 has `- Action: Init`; a halting final state ends with ` <halt>`. Symbols are space-separated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchgen.errors import CotParseError

HALT = " <halt>"


@dataclass(frozen=True, slots=True)
class QueueTrace:
    """The queues of a run (step 0 first), its deletion number m, productions, and whether it halted."""

    states: tuple[tuple[str, ...], ...]
    m: int
    productions: Mapping[str, tuple[str, ...]]
    halted: bool


def queue_text(queue: Sequence[str]) -> str:
    """'[A B C]'."""
    return "[" + " ".join(queue) + "]"


def render(trace: QueueTrace) -> str:
    """The step blocks of `trace`, separated by blank lines, with no trailing newline."""
    states, m = trace.states, trace.m
    shown = [" ".join(q) for q in states]  # each queue is written once (the hot path of big datasets)
    appended = {symbol: " ".join(word) for symbol, word in trace.productions.items()}
    blocks = [f"### step 0:\n   - Action: Init\n   - Queue State: [{shown[0]}]"]
    blocks += [f"### step {i}:\n   - Head Symbol: {states[i - 1][0]}\n"
               f"   - Action: Append {appended[states[i - 1][0]]} to the end of the queue. "
               f"Remove {' '.join(states[i - 1][:m])} from the head.\n"
               f"   - Queue State: [{shown[i]}]" for i in range(1, len(states))]
    if trace.halted:
        blocks[-1] += HALT
    return "\n\n".join(blocks)


_HEADER = re.compile(r"^### step (\d+):$", re.MULTILINE)
_STATE = re.compile(r"^   - Queue State: \[(.*?)\]( <halt>)?$", re.MULTILINE)


def parse(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """The queue states of step blocks (in step order) and whether the last is marked halting."""
    headers = list(_HEADER.finditer(text))
    states, halted = [], False
    for n, header in enumerate(headers):
        if int(header.group(1)) != n:
            raise CotParseError(f"step {header.group(1)} found where step {n} was expected")
        end = headers[n + 1].start() if n + 1 < len(headers) else len(text)
        found = list(_STATE.finditer(text, header.end(), end))
        if not found:
            raise CotParseError(f"step {n} has no Queue State line")
        states.append(tuple(found[-1].group(1).split()))
        halted = found[-1].group(2) is not None
    if not states:
        raise CotParseError("no '### step N:' block found")
    return tuple(states), halted
