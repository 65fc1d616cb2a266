"""Provides elementary cellular automata: Wolfram rules 0-255 on a ring of cells or an unbounded line.

A cell's next state is bit (4*left + 2*self + right) of the rule number. The configuration is a Row
in absolute coordinates: the whole ring, or on the line the stretch from the first to the last live
cell. Rules with an odd number turn 000 into 1, which would fill the unbounded line; they are
rejected there and work on a ring.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

import numpy as np

from machines.core import Outcome
from machines.errors import InvalidInputError, InvalidMachineError, Span
from machines.life.errors import PatternSyntaxError


class Boundary(enum.Enum):
    """Where the row lives: a ring of fixed width, or an unbounded line of dead cells."""

    RING = "ring"
    LINE = "line"


@dataclass(frozen=True, slots=True)
class Row:
    """One generation: `cells` ('0'/'1') starting at position `start`; trimmed to live cells on a line."""

    start: int
    cells: str

    @property
    def population(self) -> int:
        return self.cells.count("1")

    def render(self) -> str:
        """'start:cells', e.g. '-1:111'."""
        return f"{self.start}:{self.cells}"

    @classmethod
    def parse(cls, text: str) -> Row:
        match = re.fullmatch(r"(-?\d+):([01]*)", text.strip())
        if not match:
            raise PatternSyntaxError("a row is 'start:cells' with cells of '0' and '1'", span=Span(1, 1),
                                     source=text)
        return cls(int(match[1]), match[2])

    def __str__(self) -> str:
        return self.render()


def _trimmed(start: int, bits: np.ndarray) -> Row:
    live = np.flatnonzero(bits)
    if live.size == 0:
        return Row(0, "")
    first, last = int(live[0]), int(live[-1])
    return Row(start + first, "".join("1" if b else "0" for b in bits[first:last + 1].tolist()))


@dataclass(frozen=True, slots=True)
class ElementaryCA:
    """Wolfram's elementary cellular automaton `rule` on a ring of `width` cells or on the line."""

    rule: int
    boundary: Boundary = Boundary.RING
    width: int = 0
    name: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.rule, bool) or not isinstance(self.rule, int) or not 0 <= self.rule <= 255:
            raise InvalidMachineError(f"rule={self.rule!r} is not a Wolfram rule number 0..255")
        if self.boundary is Boundary.RING and self.width < 1:
            raise InvalidMachineError(f"width={self.width!r}: a ring needs at least one cell")
        if self.boundary is Boundary.LINE and self.rule & 1:
            raise InvalidMachineError(f"rule {self.rule} turns 000 into 1, which fills the unbounded line "
                                      "with infinitely many live cells; use a ring")

    @property
    def table(self) -> np.ndarray:
        """Next states indexed by 4*left + 2*self + right."""
        return np.array([(self.rule >> i) & 1 for i in range(8)], dtype=np.uint8)

    def initial(self, input: str | Row | None = None) -> Row:
        """The first row: a string of '0'/'1' (placed at 0), a Row, or None for one live cell in the
        middle of the ring (at 0 on the line)."""
        if input is None:
            input = "1" if self.boundary is Boundary.LINE else "0" * (self.width // 2) + "1" + \
                "0" * (self.width - self.width // 2 - 1)
        row = input if isinstance(input, Row) else Row(0, input)
        if set(row.cells) - {"0", "1"}:
            raise InvalidInputError(f"input={row.cells!r} must be made of '0' and '1'")
        if self.boundary is Boundary.RING:
            if (row.start, len(row.cells)) != (0, self.width):
                raise InvalidInputError(f"input {row.render()!r} must cover the ring: {self.width} cells "
                                        "from position 0")
            return row
        return _trimmed(row.start, np.frombuffer(row.cells.encode(), dtype=np.uint8) - 48)

    def step(self, config: Row) -> tuple[Row, str]:
        bits = np.frombuffer(config.cells.encode(), dtype=np.uint8) - 48
        table = self.table
        if self.boundary is Boundary.RING:
            nxt = table[4 * np.roll(bits, 1) + 2 * bits + np.roll(bits, -1)]
            return Row(0, "".join("1" if b else "0" for b in nxt.tolist())), f"rule {self.rule}"
        padded = np.concatenate([np.zeros(2, np.uint8), bits, np.zeros(2, np.uint8)])
        nxt = table[4 * padded[:-2] + 2 * padded[1:-1] + padded[2:]]
        return _trimmed(config.start - 1, nxt), f"rule {self.rule}"

    def classify(self, config: Row) -> Outcome:
        """An empty line stays empty (even rules), so it counts as halted; a ring always runs."""
        return Outcome.HALTED if self.boundary is Boundary.LINE and not config.cells else Outcome.RUNNING

    def spacetime(self, input: str | Row | None, *, max_steps: int) -> tuple[int, np.ndarray]:
        """The rows of `max_steps` steps as a (max_steps + 1) x width uint8 grid, with the position
        of its first column; on the line the grid spans every live cell of the run."""
        rows = [self.initial(input)]
        for _ in range(max_steps):
            rows.append(self.step(rows[-1])[0])
        live = [r for r in rows if r.cells]
        left = min((r.start for r in live), default=0)
        right = max((r.start + len(r.cells) for r in live), default=1)
        grid = np.zeros((len(rows), right - left), dtype=np.uint8)
        for y, r in enumerate(rows):
            if r.cells:
                grid[y, r.start - left:r.start - left + len(r.cells)] = \
                    np.frombuffer(r.cells.encode(), dtype=np.uint8) - 48
        return left, grid
