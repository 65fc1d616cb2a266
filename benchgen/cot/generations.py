"""Provides cellular-automaton generations as chain of thought: one line per generation after the
first, each the whole grid (or row) as a row-major '0'/'1' string.

    State 2: 0110...
    State 3: 0011...
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchgen.errors import CotParseError


def render(states: Sequence[str], first: int = 2) -> str:
    """`states` numbered from `first` (LifeGPT numbers its initial grid State 1)."""
    return "\n".join(f"State {n}: {s}" for n, s in enumerate(states, start=first))


_LINE = re.compile(r"^State (\d+): ([01]*)$", re.MULTILINE)


def parse(text: str, first: int = 2) -> tuple[str, ...]:
    """The states of the lines, checked to be numbered from `first` in order."""
    states = []
    for n, line in enumerate(_LINE.finditer(text), start=first):
        if int(line.group(1)) != n:
            raise CotParseError(f"State {line.group(1)} found where State {n} was expected")
        states.append(line.group(2))
    if not states:
        raise CotParseError(f"no 'State {first}: CELLS' line found")
    return tuple(states)
