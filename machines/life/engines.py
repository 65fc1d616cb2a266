"""Provides the choice of a Life engine for a rule, its topology and the number of generations."""

from __future__ import annotations

from typing import Protocol

from machines.life.dense import DenseLife
from machines.life.errors import RuleError
from machines.life.hashlife import Hashlife
from machines.life.pattern import Pattern
from machines.life.rule import Rule
from machines.life.sparse import SparseLife

ENGINES = {"dense": DenseLife, "sparse": SparseLife, "hashlife": Hashlife}
HASHLIFE_FROM = 16384
"""On the plane, runs of at least this many generations go to Hashlife, shorter ones to the sparse engine
(pure-Python Hashlife pays off on regular patterns; chaotic ones like acorn are faster stepped)."""


class Engine(Protocol):
    """What every engine offers: a generation counter, stepping, and reading the cells."""

    name: str
    rule: Rule
    generation: int

    @property
    def population(self) -> int: ...

    def step(self) -> None: ...

    def advance(self, generations: int) -> None: ...

    def pattern(self) -> Pattern: ...


def choose_engine(rule: Rule, generations: int) -> str:
    """'dense' for a torus or bounded plane, else 'hashlife' for long runs and 'sparse' for short ones."""
    if rule.topology.is_finite:
        return "dense"
    return "hashlife" if generations >= HASHLIFE_FROM else "sparse"


def make_engine(name: str, rule: Rule, pattern: Pattern, *, generations: int = 0) -> Engine:
    """An engine called `name` ('auto' picks one with `choose_engine`) holding `pattern` at generation 0."""
    if name == "auto":
        name = choose_engine(rule, generations)
    if name not in ENGINES:
        raise RuleError(f"engine={name!r} is not one of {['auto', *ENGINES]}")
    return ENGINES[name](rule, pattern)
