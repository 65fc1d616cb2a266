"""Provides the dense engine: a numpy grid for the torus and the bounded plane.

Each generation sums the 3x3 box around every cell separably (a row sum, then a column sum of
it) in preallocated buffers, on a grid with a one-cell border that is the wrapped edge on a torus
and stays dead on a bounded plane.
"""

from __future__ import annotations

import numpy as np

from machines.life.errors import RuleError
from machines.life.pattern import Box, Pattern
from machines.life.rule import Kind, Rule


def _terms(rule: Rule) -> list[tuple[int, bool | None]]:
    """The rule as (box sum, needed state) pairs: with the 3x3 box sum s (the cell included), a
    cell lives next if s - 1 is in survival (alive) or s is in birth (dead). None = either state."""
    terms = []
    for s in range(10):
        born, survives = s in rule.birth, (s - 1) in rule.survival
        if born or survives:
            terms.append((s, None if born and survives else survives))
    return terms


class DenseLife:
    """A Life-like universe on a finite grid (torus or bounded plane) held as a numpy array."""

    name = "dense"

    def __init__(self, rule: Rule, pattern: Pattern) -> None:
        top = rule.topology
        if not top.is_finite:
            raise RuleError("the dense engine needs a torus or a bounded plane (a :T or :P suffix)")
        self.rule = rule
        self.generation = 0
        self._torus = top.kind is Kind.TORUS
        self._box = Box(0, 0, top.width, top.height)
        self._grid = np.zeros((top.height + 2, top.width + 2), dtype=np.uint8)
        self._grid[1:-1, 1:-1] = pattern.on(top).to_array(self._box)
        self._rows = np.empty((top.height + 2, top.width), dtype=np.uint8)
        self._sums = np.empty((top.height, top.width), dtype=np.uint8)
        self._hit = np.empty((top.height, top.width), dtype=bool)
        self._next = np.empty((top.height, top.width), dtype=bool)
        self._terms = _terms(rule)

    @property
    def cells(self) -> np.ndarray:
        """The grid (rows are y), 1 for live cells; a view, not a copy."""
        return self._grid[1:-1, 1:-1]

    @property
    def population(self) -> int:
        return int(np.count_nonzero(self.cells))

    def pattern(self) -> Pattern:
        return Pattern.from_array(self.cells)

    def step(self) -> None:
        """Advances one generation."""
        g = self._grid
        if self._torus:
            g[0, 1:-1] = g[-2, 1:-1]
            g[-1, 1:-1] = g[1, 1:-1]
            g[:, 0] = g[:, -2]
            g[:, -1] = g[:, 1]
        rows, sums, hit, nxt = self._rows, self._sums, self._hit, self._next
        np.add(g[:, :-2], g[:, 1:-1], out=rows)
        rows += g[:, 2:]
        np.add(rows[:-2], rows[1:-1], out=sums)
        sums += rows[2:]
        alive = self.cells.view(bool)
        nxt.fill(False)
        for s, state in self._terms:
            np.equal(sums, s, out=hit)
            if state is True:
                hit &= alive
            elif state is False:
                hit &= ~alive
            nxt |= hit
        np.copyto(self.cells, nxt)
        self.generation += 1

    def advance(self, generations: int) -> None:
        """Advances `generations` generations."""
        for _ in range(generations):
            self.step()
