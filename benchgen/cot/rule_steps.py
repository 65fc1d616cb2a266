"""Provides rule-application steps for queue (tag and lag system) traces, after Schuurmans (2024):
each step names the rule it applies (the window it read and the word it appends) and the queue
that results; symbols are space-separated, so longer symbols such as `A:0` are fine.

    0: [a a a]
    1: a -> b c; [a b c]
    2: a -> b c; [c b c]
    halt
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from benchgen.errors import CotParseError

HALT = "halt"
EMPTY = "ε"


@dataclass(frozen=True, slots=True)
class RuleTrace:
    """The queues of a run (step 0 first), the rule (window, word) of each step, and whether it halted."""

    queues: tuple[tuple[str, ...], ...]
    rules: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    halted: bool


def words(symbols: Sequence[str]) -> str:
    return " ".join(symbols) or EMPTY


def render(trace: RuleTrace) -> str:
    """Line 0 with the initial queue, one line per step, and `halt` if the run halted."""
    lines = [f"0: [{' '.join(trace.queues[0])}]"]
    for i, ((window, word), queue) in enumerate(zip(trace.rules, trace.queues[1:], strict=True), start=1):
        lines.append(f"{i}: {words(window)} -> {words(word)}; [{' '.join(queue)}]")
    if trace.halted:
        lines.append(HALT)
    return "\n".join(lines)


_LINE = re.compile(r"^(\d+): (?:.* -> .*; )?\[(.*)\]$", re.MULTILINE)


def parse(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """The queues of the step lines, in order, and whether a `halt` line follows them."""
    queues = []
    for n, line in enumerate(_LINE.finditer(text)):
        if int(line.group(1)) != n:
            raise CotParseError(f"step {line.group(1)} found where step {n} was expected")
        queues.append(tuple(line.group(2).split()))
    if not queues:
        raise CotParseError("no '0: [QUEUE]' line found")
    return tuple(queues), re.search(f"^{HALT}$", text, re.MULTILINE) is not None
