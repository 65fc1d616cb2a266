"""Independent oracles for the engine tests: a per-cell Life step and the plain rolled numpy step."""

import numpy as np

from machines.life.pattern import Pattern
from machines.life.rule import Kind, Rule


def reference_step(rule: Rule, pattern: Pattern) -> Pattern:
    """One generation computed cell by cell from the definition (slow; small grids only)."""
    top = rule.topology
    cells = pattern.cells
    if top.is_finite:
        candidates = {(x, y) for x in range(top.width) for y in range(top.height)}
    else:
        candidates = {(x + dx, y + dy) for x, y in cells for dx in (-1, 0, 1) for dy in (-1, 0, 1)}

    def alive(x, y):
        if top.kind is Kind.TORUS:
            return (x % top.width, y % top.height) in cells
        return (x, y) in cells  # outside a bounded plane nothing is ever alive

    nxt = set()
    for x, y in candidates:
        n = sum(alive(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy)
        if rule.next_state((x, y) in cells, n):
            nxt.add((x, y))
    return Pattern(frozenset(nxt))


def rolled_step(grid: np.ndarray) -> np.ndarray:
    """Life (B3/S23) on a torus: the sum of the eight rolled neighbour grids, then the rule."""
    n = sum(np.roll(grid, (dy, dx), axis=(0, 1)) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy)
    return ((n == 3) | ((n == 2) & (grid == 1))).astype(np.uint8)
