"""Provides RASP evaluation traces as chain of thought: one line per s-op (and optionally selector),
in dependency order, with its value at every position, as `rasp.RaspFrame` renders it.

    s-op indices = [0, 1, 2]
    s-op length - 1 - indices = [2, 1, 0]
    s-op reverse = ['c', 'b', 'a']
"""

from __future__ import annotations

from collections.abc import Sequence

from benchgen.errors import CotParseError
from rasp import RaspFrame

KINDS = ("s-op ", "selector ")


def render(frames: Sequence[RaspFrame]) -> str:
    return "\n".join(f.render() for f in frames)


def parse(text: str) -> tuple[RaspFrame, ...]:
    """The frames of the lines that start with `s-op ` or `selector `."""
    frames = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(KINDS):
            try:
                frames.append(RaspFrame.parse(line))
            except (ValueError, SyntaxError):
                raise CotParseError(f"line {number}: cannot read the values of {line!r}") from None
    if not frames:
        raise CotParseError("no 's-op NAME = [...]' line found")
    return tuple(frames)
