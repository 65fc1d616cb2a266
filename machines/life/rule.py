"""Provides Life-like outer-totalistic rules (B/S and S/B rulestrings) and their topologies.

Topologies follow Golly's suffixes: none is the unbounded plane, `:T64,64` a 64x64 torus and
`:P64,64` a 64x64 bounded plane whose outside is always dead.

B0 rules (a dead cell with no live neighbour is born) are handled exactly on the torus and on the
bounded plane, where the whole finite grid simply fills in. On the unbounded plane they would need
infinitely many live cells, which no engine here represents, so `Rule.parse` accepts them but every
plane engine rejects them with a RuleError naming the rule.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from machines.life.errors import RuleError


class Kind(enum.Enum):
    """The shape of the universe; the value is Golly's suffix letter ('' for the plane)."""

    PLANE = ""
    TORUS = "T"
    BOUNDED = "P"


@dataclass(frozen=True, slots=True)
class Topology:
    """Where the cells live: the unbounded plane or a width x height grid (cells 0 <= x < width)."""

    kind: Kind = Kind.PLANE
    width: int = 0
    height: int = 0

    def __post_init__(self) -> None:
        if self.kind is Kind.PLANE and (self.width or self.height):
            raise RuleError("the unbounded plane has no width or height")
        if self.kind is not Kind.PLANE and (self.width < 1 or self.height < 1):
            raise RuleError(f"a {self.kind.name.lower()} needs a positive width and height, "
                            f"not {self.width}x{self.height}")

    @classmethod
    def torus(cls, width: int, height: int) -> Topology:
        return cls(Kind.TORUS, width, height)

    @classmethod
    def bounded(cls, width: int, height: int) -> Topology:
        return cls(Kind.BOUNDED, width, height)

    @property
    def is_finite(self) -> bool:
        return self.kind is not Kind.PLANE

    def contains(self, x: int, y: int) -> bool:
        """True if the cell (x, y) is part of this universe."""
        return not self.is_finite or (0 <= x < self.width and 0 <= y < self.height)

    def render(self) -> str:
        """Golly's suffix: '' for the plane, ':T64,64' for a torus, ':P64,64' for a bounded plane."""
        return f":{self.kind.value}{self.width},{self.height}" if self.is_finite else ""

    def describe(self) -> str:
        """Words for people: 'unbounded plane', '64x64 torus', '64x64 bounded plane'."""
        if not self.is_finite:
            return "unbounded plane"
        return f"{self.width}x{self.height} {'torus' if self.kind is Kind.TORUS else 'bounded plane'}"

    @classmethod
    def parse(cls, suffix: str) -> Topology:
        """Reads a Golly suffix without its colon: 'T64,64' or 'P64,64' (case-insensitive)."""
        match = re.fullmatch(r"([TtPp])(\d+),(\d+)", suffix.strip())
        if not match:
            raise RuleError(f"topology suffix {suffix!r} is not supported: use T<width>,<height> "
                            "(torus) or P<width>,<height> (bounded plane)")
        width, height = int(match[2]), int(match[3])
        if width == 0 or height == 0:
            raise RuleError(f"topology suffix {suffix!r}: infinite tubes and strips (a 0 size) "
                            "are not supported")
        return cls(Kind(match[1].upper()), width, height)


PLANE = Topology()
_DIGITS = frozenset(range(9))


@dataclass(frozen=True, slots=True)
class Rule:
    """A Life-like rule: a dead cell with n live neighbours is born if n is in `birth`, a live
    one survives if n is in `survival`; the universe is `topology`."""

    birth: frozenset[int]
    survival: frozenset[int]
    topology: Topology = PLANE

    def __post_init__(self) -> None:
        for name in ("birth", "survival"):
            extra = sorted(set(getattr(self, name)) - _DIGITS)
            if extra:
                raise RuleError(f"{name} counts {extra} are not neighbour counts 0..8")

    @property
    def has_b0(self) -> bool:
        """True if empty space comes alive (needs a finite topology to simulate)."""
        return 0 in self.birth

    def on(self, topology: Topology) -> Rule:
        """The same rule on another topology."""
        return Rule(self.birth, self.survival, topology)

    def next_state(self, alive: bool, neighbours: int) -> bool:
        """Whether a cell is alive next generation."""
        return neighbours in (self.survival if alive else self.birth)

    def require_plane_engine(self) -> None:
        """Raises RuleError if this rule cannot run on the unbounded plane (it is a B0 rule)."""
        if self.has_b0:
            raise RuleError(f"rule {self.render()} has B0 (empty space is born), which needs "
                            "infinitely many cells on the unbounded plane; add a topology such as "
                            ":T64,64 or :P64,64")

    def render(self) -> str:
        """The canonical B/S rulestring with the topology suffix, e.g. 'B36/S23:T64,64'."""
        born = "".join(map(str, sorted(self.birth)))
        survive = "".join(map(str, sorted(self.survival)))
        return f"B{born}/S{survive}{self.topology.render()}"

    def __str__(self) -> str:
        return self.render()

    @classmethod
    def parse(cls, text: str) -> Rule:
        """Reads 'B3/S23', 'b3/s23', 'S23/B3', the S/B form '23/3', or a name like 'HighLife',
        optionally followed by a Golly topology suffix such as ':T64,64'."""
        body, colon, suffix = text.strip().partition(":")
        topology = Topology.parse(suffix) if colon else PLANE
        key = re.sub(r"[\s&_-]", "", body).lower()
        if key in NAMED:
            return NAMED[key].on(topology)
        birth = survival = None
        if match := re.fullmatch(r"b(\d*)/s(\d*)", key):
            birth, survival = match[1], match[2]
        elif match := re.fullmatch(r"s?(\d*)/b?(\d*)", key):  # S/B order, as in '23/3'
            survival, birth = match[1], match[2]
        if birth is None or survival is None:
            raise RuleError(f"rule {text!r} is not a Life-like rulestring such as 'B3/S23' or '23/3' "
                            f"(named rules: {', '.join(sorted(NAMES))})")
        for digits in (birth, survival):
            if "9" in digits:
                raise RuleError(f"rule {text!r}: neighbour counts go from 0 to 8")
        return cls(frozenset(map(int, birth)), frozenset(map(int, survival)), topology)


def _rule(birth: str, survival: str) -> Rule:
    return Rule(frozenset(map(int, birth)), frozenset(map(int, survival)))


LIFE = _rule("3", "23")
HIGHLIFE = _rule("36", "23")
SEEDS = _rule("2", "")
DAY_AND_NIGHT = _rule("3678", "34678")
NAMES = {"Life": LIFE, "HighLife": HIGHLIFE, "Seeds": SEEDS, "DayAndNight": DAY_AND_NIGHT}
NAMED = {name.lower(): rule for name, rule in NAMES.items()}
