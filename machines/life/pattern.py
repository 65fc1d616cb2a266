"""Provides Pattern, a frozen set of live cells in absolute coordinates, and its text codec.

x grows to the right and y downwards, as in RLE. `render` writes a `#P x y` line (the top-left
corner of the bounding box) and then rows of `.` (dead) and `O` (alive); `parse` reads it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from machines.errors import Span
from machines.life.errors import PatternError, PatternSyntaxError
from machines.life.rule import Kind, Topology

Cell = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle of cells: top-left (x, y), then width and height."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        """One past the last column."""
        return self.x + self.width

    @property
    def bottom(self) -> int:
        """One past the last row."""
        return self.y + self.height

    def union(self, other: Box) -> Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def __str__(self) -> str:
        return f"{self.width}x{self.height} at ({self.x}, {self.y})"


@dataclass(frozen=True, slots=True)
class Pattern:
    """The live cells of one generation, as a frozenset of (x, y)."""

    cells: frozenset[Cell]
    EMPTY: ClassVar[Pattern]

    @classmethod
    def of(cls, cells: Iterable[Cell]) -> Pattern:
        return cls(frozenset((int(x), int(y)) for x, y in cells))

    @property
    def population(self) -> int:
        return len(self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    def __contains__(self, cell: object) -> bool:
        return cell in self.cells

    @property
    def box(self) -> Box | None:
        """The bounding box of the live cells (None when there are none)."""
        if not self.cells:
            return None
        xs = [x for x, _ in self.cells]
        ys = [y for _, y in self.cells]
        return Box(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    def translated(self, dx: int, dy: int) -> Pattern:
        return Pattern(frozenset((x + dx, y + dy) for x, y in self.cells))

    def normalized(self) -> Pattern:
        """The same shape with its bounding box's top-left corner at (0, 0)."""
        box = self.box
        return self if box is None else self.translated(-box.x, -box.y)

    def within(self, box: Box) -> Pattern:
        """The live cells inside `box`."""
        return Pattern(frozenset((x, y) for x, y in self.cells
                                 if box.x <= x < box.right and box.y <= y < box.bottom))

    def on(self, topology: Topology) -> Pattern:
        """This pattern in a finite universe: wrapped on a torus; on a bounded plane every cell must
        already be inside (PatternError otherwise)."""
        if topology.kind is Kind.TORUS:
            return Pattern(frozenset((x % topology.width, y % topology.height) for x, y in self.cells))
        outside = [c for c in self.cells if not topology.contains(*c)]
        if outside:
            raise PatternError(f"cell {min(outside)} lies outside the {topology.describe()}")
        return self

    def centred_in(self, topology: Topology) -> Pattern:
        """Moved so that its bounding box sits in the middle of a finite grid (as Golly places files)."""
        box = self.box
        if box is None or not topology.is_finite:
            return self
        if box.width > topology.width or box.height > topology.height:
            raise PatternError(f"a {box.width}x{box.height} pattern does not fit the {topology.describe()}")
        return self.translated((topology.width - box.width) // 2 - box.x,
                               (topology.height - box.height) // 2 - box.y)

    def to_array(self, box: Box) -> np.ndarray:
        """A uint8 grid of `box` (rows are y), 1 for live cells; cells outside `box` are left out."""
        grid = np.zeros((box.height, box.width), dtype=np.uint8)
        inside = self.within(box).cells
        if inside:
            xs, ys = zip(*inside, strict=True)
            grid[np.array(ys) - box.y, np.array(xs) - box.x] = 1
        return grid

    @classmethod
    def from_array(cls, grid: np.ndarray, x: int = 0, y: int = 0) -> Pattern:
        """The live (non-zero) cells of a grid whose top-left cell is (x, y)."""
        ys, xs = np.nonzero(grid)
        return cls(frozenset(zip((xs + x).tolist(), (ys + y).tolist(), strict=True)))

    def to_rows(self, box: Box | None = None, *, alive: str = "O", dead: str = ".") -> list[str]:
        """The rows of `box` (default: the bounding box) as strings of `alive`/`dead`."""
        box = box or self.box
        if box is None:
            return []
        return ["".join(alive if (x, y) in self.cells else dead for x in range(box.x, box.right))
                for y in range(box.y, box.bottom)]

    @classmethod
    def from_rows(cls, rows: Iterable[str], x: int = 0, y: int = 0, *, alive: str = "O*") -> Pattern:
        """The cells marked with a character of `alive` in rows of text whose top-left is (x, y)."""
        return cls(frozenset((x + i, y + j) for j, row in enumerate(rows)
                             for i, char in enumerate(row) if char in alive))

    def render(self) -> str:
        box = self.box
        head = f"#P {box.x} {box.y}" if box else "#P 0 0"
        return "\n".join([head, *self.to_rows(box)])

    @classmethod
    def parse(cls, text: str) -> Pattern:
        """Reads `render`'s text: a `#P x y` line, then rows of `.` and `O`."""
        lines = text.splitlines()
        match = re.fullmatch(r"#P (-?\d+) (-?\d+)", lines[0].strip()) if lines else None
        if not match:
            raise PatternSyntaxError("a pattern starts with '#P x y'", span=Span(1, 1), source=text)
        for number, line in enumerate(lines[1:], start=2):
            bad = re.search(r"[^.O]", line)
            if bad:
                raise PatternSyntaxError(f"{bad[0]!r} is not a cell: use '.' or 'O'",
                                         span=Span(number, bad.start() + 1), source=text)
        return cls.from_rows(lines[1:], int(match[1]), int(match[2]), alive="O")

    def __str__(self) -> str:
        return self.render()


Pattern.EMPTY = Pattern(frozenset())
