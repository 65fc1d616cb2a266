"""Provides the Life 1.06 format: a `#Life 1.06` line, then one `x y` line per live cell.

Coordinates are absolute, so positions survive a round trip; the format has no rule (Life on the plane).
Later `#` lines are read as comments (`#N` as the name), as Life 1.05-style tools write them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from machines.errors import ConversionError, Span
from machines.formats import Loaded
from machines.life.errors import PatternSyntaxError
from machines.life.machine import LifeMachine
from machines.life.pattern import Pattern
from machines.life.rule import LIFE

HEADER = "#Life 1.06"


def parse(text: str) -> LifeMachine:
    """Reads Life 1.06 text into a LifeMachine (Life on the plane)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER:
        raise PatternSyntaxError(f"a Life 1.06 file starts with the line {HEADER!r}", span=Span(1, 1),
                                 source=text)
    name, comments, cells = "", [], []
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("#"):
            if line.startswith("#N"):
                name = line[2:].strip()
            else:
                comments.append(line[2:].strip())
            continue
        if not line.strip():
            continue
        match = re.fullmatch(r"\s*(-?\d+)\s+(-?\d+)\s*", line)
        if not match:
            column = len(line) - len(line.lstrip()) + 1
            raise PatternSyntaxError("expected a cell as two integers 'x y'", span=Span(number, column),
                                     source=text)
        cells.append((int(match[1]), int(match[2])))
    return LifeMachine(LIFE, Pattern.of(cells), name, tuple(comments))


def render(machine: LifeMachine, *, input: Pattern | None = None) -> str:
    """Life 1.06 text for a pattern of Life on the plane, cells in reading order.
    `input`, when given, replaces the machine's pattern."""
    if input is not None:
        machine = replace(machine, pattern=input)
    if machine.rule != LIFE:
        raise ConversionError(f"Life 1.06 cannot record the rule {machine.rule}; write RLE instead")
    head = [HEADER] + ([f"#N {machine.name}"] if machine.name else []) + [f"#D {c}" for c in machine.comments]
    cells = sorted(machine.pattern.cells, key=lambda c: (c[1], c[0]))
    return "\n".join(head + [f"{x} {y}" for x, y in cells]) + "\n"


def load(text: str) -> Loaded:
    """The `load` of the 'life106' entry of machines.formats.FORMATS."""
    machine = parse(text)
    return Loaded(machine, machine.pattern, metadata={"name": machine.name, "comments": machine.comments})


def sniff(text: str) -> bool:
    return text.lstrip().startswith(HEADER)
