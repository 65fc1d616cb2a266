"""Provides the plaintext `.cells` format: `!` comment lines, then rows of `.` (dead) and `O` (alive).

Older files use `*` for alive, leave trailing dead cells out or leave dead rows blank; all are read.
The format has no rule or position: it is always Life on the plane, top-left at (0, 0).
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


def parse(text: str) -> LifeMachine:
    """Reads plaintext into a LifeMachine (Life on the plane)."""
    name, comments, rows = "", [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("!"):
            if line.startswith("!Name:"):
                name = line[len("!Name:"):].strip()
            elif line[1:].strip():
                comments.append(line[1:].strip())
            continue
        bad = re.search(r"[^.O*]", line.rstrip())
        if bad:
            raise PatternSyntaxError(f"{bad[0]!r} is not a cell: use '.' (dead) or 'O' (alive)",
                                     span=Span(number, bad.start() + 1), source=text)
        rows.append(line.rstrip())
    return LifeMachine(LIFE, Pattern.from_rows(rows), name, tuple(comments))


def render(machine: LifeMachine, *, input: Pattern | None = None) -> str:
    """Plaintext for a pattern of Life on the plane, moved to the top-left corner.
    `input`, when given, replaces the machine's pattern."""
    if input is not None:
        machine = replace(machine, pattern=input)
    if machine.rule != LIFE:
        raise ConversionError(f"plaintext cannot record the rule {machine.rule}; write RLE instead")
    head = [f"!Name: {machine.name}"] if machine.name else []
    head += [f"! {c}" for c in machine.comments]
    return "\n".join(head + machine.pattern.normalized().to_rows()) + "\n"


def load(text: str) -> Loaded:
    """The `load` of the 'cells' entry of machines.formats.FORMATS."""
    machine = parse(text)
    return Loaded(machine, machine.pattern, metadata={"name": machine.name, "comments": machine.comments})


def sniff(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("!") or re.fullmatch(r"[.O*]+\s*", line) for line in lines)
