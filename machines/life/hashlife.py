"""Provides Hashlife: a memoised quadtree of canonical nodes that jumps to any generation.

A node of level k is a 2^k x 2^k square. Equal squares are the same object (hash-consed), so a
node's future is computed once: `_successor(node, j)` is its centre square 2^j generations later.
Advancing by n takes one jump per set bit of n, padding the universe so nothing leaves it.
"""

from __future__ import annotations

from machines.life.errors import PatternError, RuleError
from machines.life.pattern import Box, Pattern
from machines.life.rule import Rule


class Node:
    """A square of 2^level x 2^level cells; level 0 nodes are single cells."""

    __slots__ = ("future", "level", "ne", "nw", "population", "se", "sw")

    def __init__(self, level: int, nw: Node | None, ne: Node | None, sw: Node | None, se: Node | None,
                 population: int) -> None:
        self.level, self.nw, self.ne, self.sw, self.se = level, nw, ne, sw, se
        self.population = population
        self.future: dict[int, Node] | None = None
        """Memo of `Hashlife._successor`: j -> the centre 2^j generations on (rule-specific, so
        nodes are never shared between Hashlife instances)."""


# Bit i of a 4x4 square is the cell (i % 4, i // 4); these masks pick the eight neighbours of each
# of the four centre cells (5, 6, 9, 10), in the order nw, ne, sw, se.
_CENTRE = (5, 6, 9, 10)
_AROUND = tuple(sum(1 << (c + dy * 4 + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy)
                for c in _CENTRE)


class Hashlife:
    """A Life-like universe on the unbounded plane, advanced with Hashlife."""

    name = "hashlife"

    def __init__(self, rule: Rule, pattern: Pattern, *, max_cells: int = 10_000_000) -> None:
        if rule.topology.is_finite:
            raise RuleError(f"hashlife runs on the unbounded plane, not a {rule.topology.describe()}")
        rule.require_plane_engine()
        self.rule = rule
        self.generation = 0
        self.max_cells = max_cells
        self._joined: dict[tuple[Node, Node, Node, Node], Node] = {}
        self._dead, self._alive = Node(0, None, None, None, None, 0), Node(0, None, None, None, None, 1)
        self._empty: list[Node] = [self._dead]
        self._born = sum(1 << n for n in rule.birth)
        self._kept = sum(1 << n for n in rule.survival)
        self._extent: dict[Node, tuple[int, int, int, int] | None] = {}
        box = pattern.box or Box(0, 0, 1, 1)
        level = max(3, (max(box.width, box.height) - 1).bit_length())
        self._x, self._y = box.x, box.y
        self.root = self._build(list(pattern.cells), box.x, box.y, level)

    # -- canonical nodes ---------------------------------------------------------------------

    def _join(self, nw: Node, ne: Node, sw: Node, se: Node) -> Node:
        key = (nw, ne, sw, se)
        node = self._joined.get(key)
        if node is None:
            node = Node(nw.level + 1, nw, ne, sw, se,
                        nw.population + ne.population + sw.population + se.population)
            self._joined[key] = node
        return node

    def _empty_node(self, level: int) -> Node:
        while len(self._empty) <= level:
            e = self._empty[-1]
            self._empty.append(self._join(e, e, e, e))
        return self._empty[level]

    def _build(self, cells: list[tuple[int, int]], x: int, y: int, level: int) -> Node:
        if not cells:
            return self._empty_node(level)
        if level == 0:
            return self._alive
        half = 1 << (level - 1)
        quads: tuple[list, list, list, list] = ([], [], [], [])
        for cx, cy in cells:
            quads[(cy >= y + half) * 2 + (cx >= x + half)].append((cx, cy))
        return self._join(self._build(quads[0], x, y, level - 1),
                          self._build(quads[1], x + half, y, level - 1),
                          self._build(quads[2], x, y + half, level - 1),
                          self._build(quads[3], x + half, y + half, level - 1))

    def _centre(self, n: Node) -> Node:
        return self._join(n.nw.se, n.ne.sw, n.sw.ne, n.se.nw)

    def _pad(self) -> None:
        """Doubles the universe around the root, keeping the root's cells in the middle."""
        r = self.root
        e = self._empty_node(r.level - 1)
        self.root = self._join(self._join(e, e, e, r.nw), self._join(e, e, r.ne, e),
                               self._join(e, r.sw, e, e), self._join(r.se, e, e, e))
        self._x -= 1 << (r.level - 1)
        self._y -= 1 << (r.level - 1)

    # -- evolution ---------------------------------------------------------------------------

    def _base(self, n: Node) -> Node:
        """The centre 2x2 of a 4x4 node after one generation (neighbours counted with bit masks)."""
        bits = 0
        for offset, q in ((0, n.nw), (2, n.ne), (8, n.sw), (10, n.se)):
            bits |= (q.nw.population | q.ne.population << 1 | q.sw.population << 4
                     | q.se.population << 5) << offset
        out = []
        for centre, around in zip(_CENTRE, _AROUND, strict=True):
            rule = self._kept if bits >> centre & 1 else self._born
            out.append(self._alive if rule >> (bits & around).bit_count() & 1 else self._dead)
        return self._join(*out)

    def _successor(self, n: Node, j: int) -> Node:
        """The centre of `n` (level k >= 2) after 2^j generations, 0 <= j <= k - 2."""
        future = n.future
        if future is not None and j in future:
            return future[j]
        if n.population == 0:
            return self._empty_node(n.level - 1)
        if n.level == 2:
            result = self._base(n)
        else:
            join = self._join
            nw, ne, sw, se = n.nw, n.ne, n.sw, n.se
            parts = [nw, join(nw.ne, ne.nw, nw.se, ne.sw), ne,
                     join(nw.sw, nw.se, sw.nw, sw.ne), join(nw.se, ne.sw, sw.ne, se.nw),
                     join(ne.sw, ne.se, se.nw, se.ne),
                     sw, join(sw.ne, se.nw, sw.se, se.sw), se]
            full = j == n.level - 2
            # Full speed: both halves advance 2^(k-3); otherwise only the second half advances.
            a = [self._successor(p, n.level - 3) if full else self._centre(p) for p in parts]
            step = n.level - 3 if full else j
            result = join(self._successor(join(a[0], a[1], a[3], a[4]), step),
                          self._successor(join(a[1], a[2], a[4], a[5]), step),
                          self._successor(join(a[3], a[4], a[6], a[7]), step),
                          self._successor(join(a[4], a[5], a[7], a[8]), step))
        if future is None:
            n.future = future = {}
        future[j] = result
        return result

    def _is_padded(self, j: int) -> bool:
        """True if every live cell is in the middle sixteenth, so 2^j generations stay inside."""
        r = self.root
        if r.level < j + 3:
            return False
        inner = self._join(r.nw.se.se, r.ne.sw.sw, r.sw.ne.ne, r.se.nw.nw)
        return inner.population == r.population

    def advance(self, generations: int) -> None:
        """Advances `generations` generations (any non-negative number, done in log steps)."""
        if generations < 0:
            raise ValueError(f"generations={generations!r} must not be negative")
        for j in range(generations.bit_length()):
            if generations >> j & 1:
                self.jump(j)

    def jump(self, j: int) -> None:
        """Advances 2^j generations."""
        while not self._is_padded(j):
            self._pad()
        quarter = 1 << (self.root.level - 2)
        self.root = self._successor(self.root, j)
        self._x += quarter
        self._y += quarter
        self.generation += 1 << j

    def step(self) -> None:
        """Advances one generation."""
        self.jump(0)

    # -- reading the universe ------------------------------------------------------------------

    @property
    def population(self) -> int:
        return self.root.population

    def _node_extent(self, n: Node) -> tuple[int, int, int, int] | None:
        """The live cells' (x0, y0, x1, y1) inside `n`, relative to its corner (x1, y1 exclusive)."""
        if n.population == 0:
            return None
        if n.level == 0:
            return (0, 0, 1, 1)
        if n in self._extent:
            return self._extent[n]
        half = 1 << (n.level - 1)
        parts = [(e[0] + ox, e[1] + oy, e[2] + ox, e[3] + oy)
                 for q, ox, oy in ((n.nw, 0, 0), (n.ne, half, 0), (n.sw, 0, half), (n.se, half, half))
                 if (e := self._node_extent(q)) is not None]
        extent = (min(p[0] for p in parts), min(p[1] for p in parts),
                  max(p[2] for p in parts), max(p[3] for p in parts))
        self._extent[n] = extent
        return extent

    @property
    def box(self) -> Box | None:
        """The bounding box of the live cells, found without listing them."""
        e = self._node_extent(self.root)
        return None if e is None else Box(self._x + e[0], self._y + e[1], e[2] - e[0], e[3] - e[1])

    def pattern(self) -> Pattern:
        """The live cells; PatternError if there are more than `max_cells` of them."""
        if self.population > self.max_cells:
            raise PatternError(f"{self.population} live cells are too many to list "
                               f"(max_cells={self.max_cells}); use the population or a picture")
        cells: list[tuple[int, int]] = []
        stack = [(self.root, self._x, self._y)]
        while stack:
            n, x, y = stack.pop()
            if n.population == 0:
                continue
            if n.level == 0:
                cells.append((x, y))
                continue
            half = 1 << (n.level - 1)
            stack += [(n.nw, x, y), (n.ne, x + half, y), (n.sw, x, y + half), (n.se, x + half, y + half)]
        return Pattern(frozenset(cells))

    def density(self, box: Box, level: int) -> list[list[int]]:
        """Live-cell counts of the 2^level squares tiling `box` (aligned to the root's grid), for
        drawing patterns too large to list; rows are y."""
        size = 1 << level
        x0 = self._x + ((box.x - self._x) // size) * size
        y0 = self._y + ((box.y - self._y) // size) * size
        cols = -(-(box.right - x0) // size)
        rows = -(-(box.bottom - y0) // size)
        grid = [[0] * cols for _ in range(rows)]
        stack = [(self.root, self._x, self._y)]
        while stack:
            n, x, y = stack.pop()
            span = 1 << n.level
            if n.population == 0 or x + span <= x0 or y + span <= y0 or x >= x0 + cols * size \
                    or y >= y0 + rows * size:
                continue
            if n.level == level:
                grid[(y - y0) // size][(x - x0) // size] += n.population
                continue
            half = span >> 1
            stack += [(n.nw, x, y), (n.ne, x + half, y), (n.sw, x, y + half), (n.se, x + half, y + half)]
        return grid

