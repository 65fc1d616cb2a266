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
from operator import itemgetter

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


_TEMPLATES: dict[int, list[str | None]] = {}  # per trace length: the text around what each step fills in


def _template(count: int) -> list[str | None]:
    """The fixed text of `count` blocks, with a None slot for each state, head line and removed symbols.

    Step i (i >= 1) takes slots 5i - 2 (head lines), 5i - 1 (removed symbols) and 5i + 1 (its state).
    """
    template = _TEMPLATES.get(count)
    if template is None:
        template = ["### step 0:\n   - Action: Init\n   - Queue State: [", None]
        for step in range(1, count):
            template += [f"]\n\n### step {step}:\n   - Head Symbol: ", None, None,
                         " from the head.\n   - Queue State: [", None]
        template.append("]")
        _TEMPLATES[count] = template
    return template


_first = itemgetter(0)


def _spaced(states: Sequence[str]) -> list[str]:
    """Each one-character-symbol queue spaced out ('ABC' -> 'A B C'), by one replace over them all."""
    joined = "\n".join(states)
    if not states[-1] or joined.count("\n") != len(states) - 1:  # an empty last queue, or '\n' symbols
        return [q.replace("", " ")[1:-1] for q in states]
    return joined.replace("", " ")[1:-1].split(" \n ")


def render(trace: QueueTrace) -> str:
    """The step blocks of `trace`, separated by blank lines, with no trailing newline."""
    # The hot path of big datasets: the per-step work is done by C-level maps and one join into
    # the cached text around it.
    states, m = trace.states, trace.m
    # A block's head and action lines up to the removed symbols depend on its head symbol alone.
    heads = {symbol: f"{symbol}\n   - Action: Append {' '.join(word)} to the end of the queue. Remove "
             for symbol, word in trace.productions.items()}
    parts = _template(len(states)).copy()
    if isinstance(states[0], str):
        shown = _spaced(states)
        removed = map(itemgetter(slice(0, 2 * m - 1)), shown[:-1])
    else:
        shown = [" ".join(q) for q in states]
        removed = (" ".join(q[:m]) for q in states[:-1])
    parts[1::5] = shown
    parts[3::5] = map(heads.__getitem__, map(_first, states[:-1]))
    parts[4::5] = removed
    if trace.halted:
        parts[-1] = "]" + HALT
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
