"""Provides the per-symbol state trace of a finite-automaton run: one transition per symbol read,
then the verdict.

    start: q0
    1: q0 -0-> q3
    2: q3 -1-> q1
    end: q1 accept
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchgen.errors import CotParseError


def render(states: Sequence[str], word: Sequence[str], accepted: bool | None) -> str:
    """`states` has one more entry than `word`; `accepted` None leaves the verdict out."""
    lines = [f"start: {states[0]}"]
    moves = zip(states[:-1], word, states[1:], strict=True)
    lines += [f"{i}: {a} -{s}-> {b}" for i, (a, s, b) in enumerate(moves, start=1)]
    verdict = "" if accepted is None else " accept" if accepted else " reject"
    lines.append(f"end: {states[-1]}{verdict}")
    return "\n".join(lines)


_START = re.compile(r"^start: (\S+)$", re.MULTILINE)
_MOVE = re.compile(r"^(\d+): (\S+) -(\S+)-> (\S+)$", re.MULTILINE)


def parse(text: str) -> tuple[str, ...]:
    """The states of a trace: the start state, then the target of each numbered transition."""
    start = _START.search(text)
    if not start:
        raise CotParseError("no 'start: STATE' line found")
    states = [start.group(1)]
    for n, move in enumerate(_MOVE.finditer(text, start.end()), start=1):
        if int(move.group(1)) != n:
            raise CotParseError(f"step {move.group(1)} found where step {n} was expected")
        if move.group(2) != states[-1]:
            raise CotParseError(f"step {n} leaves {move.group(2)}, but the automaton is in {states[-1]}")
        states.append(move.group(4))
    return tuple(states)
