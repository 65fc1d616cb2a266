"""Provides LifeGPT's grid strings: a torus as row-major '0'/'1' characters (arXiv 2409.12182).

LifeGPT trains on 32x32 tori, one string of 1024 characters per generation. A file holds one
string (then the grid is square) or one line per row (then its lines give the width and height).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from machines.errors import ConversionError, Span
from machines.formats import Loaded
from machines.life.errors import PatternError, PatternSyntaxError
from machines.life.machine import LifeMachine
from machines.life.pattern import Box, Pattern
from machines.life.rule import LIFE, Kind, Topology


def to_string(pattern: Pattern, width: int, height: int) -> str:
    """The grid of a width x height torus as one row-major string of '0' and '1'."""
    return "".join(pattern.to_rows(Box(0, 0, width, height), alive="1", dead="0"))


def from_string(state: str, width: int, height: int) -> Pattern:
    """The pattern of a row-major '0'/'1' string of a width x height grid."""
    if len(state) != width * height or set(state) - {"0", "1"}:
        raise PatternError(f"a {width}x{height} grid string has {width * height} characters '0' or '1'")
    return Pattern.from_rows([state[i:i + width] for i in range(0, len(state), width)], alive="1")


def parse(text: str) -> LifeMachine:
    """Reads a grid file into Life on the torus of its size."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for number, line in enumerate(text.splitlines(), start=1):
        bad = re.search(r"[^01\s]", line)
        if bad:
            raise PatternSyntaxError(f"{bad[0]!r} is not a cell: use '0' (dead) or '1' (alive)",
                                     span=Span(number, bad.start() + 1), source=text)
    if not lines:
        raise PatternSyntaxError("the grid is empty", span=Span(1, 1), source=text)
    if len(lines) == 1:
        side = math.isqrt(len(lines[0]))
        if side * side != len(lines[0]):
            raise PatternSyntaxError(f"a one-line grid must be square, but {len(lines[0])} cells is not "
                                     "a square number", span=Span(1, 1), source=text)
        width = height = side
    else:
        width, height = len(lines[0]), len(lines)
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and len(line.strip()) != width:
                raise PatternSyntaxError(f"every row must have {width} cells, this one has "
                                         f"{len(line.strip())}", span=Span(number, 1), source=text)
    pattern = from_string("".join(lines), width, height)
    return LifeMachine(LIFE.on(Topology.torus(width, height)), pattern)


def render(machine: LifeMachine, *, input: Pattern | None = None) -> str:
    """The grid as one line (LifeGPT's form); only Life on a torus can be written.
    `input`, when given, replaces the machine's pattern."""
    if input is not None:
        machine = replace(machine, pattern=input)
    top = machine.rule.topology
    if top.kind is not Kind.TORUS or machine.rule.on(LIFE.topology) != LIFE:
        raise ConversionError(f"LifeGPT grids hold Life on a torus, not {machine.rule}")
    return to_string(machine.pattern, top.width, top.height) + "\n"


def load(text: str) -> Loaded:
    """The `load` of the 'lifegpt' entry of machines.formats.FORMATS."""
    machine = parse(text)
    return Loaded(machine, machine.pattern, metadata={"name": machine.name, "comments": machine.comments})


def sniff(text: str) -> bool:
    return bool(text.strip()) and re.fullmatch(r"[01\s]+", text) is not None
