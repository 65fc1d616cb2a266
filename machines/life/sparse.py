"""Provides the sparse engine: a set of live cells on the unbounded plane, stepped with a neighbour count."""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from operator import add

from machines.life.errors import RuleError
from machines.life.pattern import Pattern
from machines.life.rule import Rule

# A cell (x, y) is kept as one int, (y + _OFFSET) * _STRIDE + x + _OFFSET, so that a neighbour is
# an addition and counting runs in C (Counter.update over map/add) rather than in Python loops.
_STRIDE = 1 << 32
_OFFSET = 1 << 31
_DELTAS = tuple(dy * _STRIDE + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy)


def _encode(x: int, y: int) -> int:
    return (y + _OFFSET) * _STRIDE + x + _OFFSET


def _decode(key: int) -> tuple[int, int]:
    y, x = divmod(key, _STRIDE)
    return x - _OFFSET, y - _OFFSET


class SparseLife:
    """A Life-like universe on the unbounded plane held as the set of its live cells."""

    name = "sparse"

    def __init__(self, rule: Rule, pattern: Pattern) -> None:
        if rule.topology.is_finite:
            raise RuleError("the sparse engine runs on the unbounded plane, "
                            f"not a {rule.topology.describe()}")
        rule.require_plane_engine()
        limit = _OFFSET // 2
        if any(abs(x) >= limit or abs(y) >= limit for x, y in pattern.cells):
            raise RuleError(f"the sparse engine keeps coordinates below {limit} in size")
        self.rule = rule
        self.generation = 0
        self._live = {_encode(x, y) for x, y in pattern.cells}
        self._birth = rule.birth
        self._survival = rule.survival

    @property
    def population(self) -> int:
        return len(self._live)

    def pattern(self) -> Pattern:
        return Pattern(frozenset(map(_decode, self._live)))

    def step(self) -> None:
        """Advances one generation."""
        live, birth, survival = self._live, self._birth, self._survival
        counts: Counter[int] = Counter()
        for delta in _DELTAS:
            counts.update(map(add, live, repeat(delta)))
        nxt = {cell for cell, n in counts.items() if (n in survival if cell in live else n in birth)}
        if 0 in survival:
            nxt.update(cell for cell in live if cell not in counts)
        self._live = nxt
        self.generation += 1

    def advance(self, generations: int) -> None:
        """Advances `generations` generations, one at a time."""
        for _ in range(generations):
            self.step()
