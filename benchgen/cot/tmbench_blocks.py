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
    """The queues of a run (step 0 first), its deletion number m, productions, and whether it halted.

    Queues and words are sequences of symbols: all tuples, or all strings of one-character symbols.
    """

    states: tuple[Sequence[str], ...]
    m: int
    productions: Mapping[str, Sequence[str]]
    halted: bool


def queue_text(queue: Sequence[str]) -> str:
    """'[A B C]'."""
    return "[" + " ".join(queue) + "]"


_TO_STATE = " from the head.\n   - Queue State: ["
_STEP_STARTS: list[str] = []  # "]\n\n### step i:\n" for i = 1, 2, ...: made once, not once per item


def _step_starts(count: int) -> list[str]:
    while len(_STEP_STARTS) < count:
        _STEP_STARTS.append(f"]\n\n### step {len(_STEP_STARTS) + 1}:\n")
    return _STEP_STARTS


def render(trace: QueueTrace) -> str:
    """The step blocks of `trace`, separated by blank lines, with no trailing newline."""
    # This is the hot path of big datasets. Each queue is spaced out once, and what a step removes is
    # cut from its spaced text; the text is the spaced queues joined, in one pass, with what lies
    # between two queue states: the end of one block and the start of the next.
    states, m = trace.states, trace.m
    # A block's head and action lines up to the removed symbols depend on its head symbol alone.
    heads = {symbol: f"   - Head Symbol: {symbol}\n   - Action: Append {' '.join(word)} to the end of the "
             "queue. Remove " for symbol, word in trace.productions.items()}
    starts = _step_starts(len(states))
    if isinstance(states[0], str):  # one-character symbols: 'ABC'.replace gives ' A B C '
        shown = [q.replace("", " ")[1:-1] for q in states]
        width = 2 * m - 1
        between = [f"{start}{heads[text[0]]}{text[:width]}{_TO_STATE}"
                   for start, text in zip(starts, shown[:-1], strict=False)]
    else:
        shown = [" ".join(q) for q in states]
        between = [f"{start}{heads[q[0]]}{' '.join(q[:m])}{_TO_STATE}"
                   for start, q in zip(starts, states[:-1], strict=False)]
    parts = ["### step 0:\n   - Action: Init\n   - Queue State: ["] * (2 * len(states) + 1)
    parts[1::2] = shown
    parts[2:-1:2] = between
    parts[-1] = "]" + HALT if trace.halted else "]"
    return "".join(parts)


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
