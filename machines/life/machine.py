"""Provides LifeMachine: a Life-like rule with a starting pattern, as a machine of the core protocol.

The configuration is the Pattern of one generation and a step is one generation, so `machines.core.run`
works on Life (with cycle detection finding still lifes and oscillators exactly). An empty pattern
of a rule without B0 stays empty for ever, so it counts as halted.
"""

from __future__ import annotations

from dataclasses import dataclass

from machines.core import Outcome
from machines.life.dense import DenseLife
from machines.life.pattern import Pattern
from machines.life.rule import LIFE, Rule
from machines.life.sparse import SparseLife


@dataclass(frozen=True, slots=True)
class LifeMachine:
    """A Life-like universe as read from a pattern file: its rule, pattern, name and comments."""

    rule: Rule = LIFE
    pattern: Pattern = Pattern.EMPTY
    name: str = ""
    comments: tuple[str, ...] = ()

    def initial(self, input: Pattern | str | None = None) -> Pattern:
        """The starting generation: `input` (a Pattern or its rendered text), else the file's pattern."""
        pattern = self.pattern if input is None else input
        if isinstance(pattern, str):
            pattern = Pattern.parse(pattern)
        if self.rule.topology.is_finite:
            return pattern.on(self.rule.topology)
        self.rule.require_plane_engine()
        return pattern

    def step(self, config: Pattern) -> tuple[Pattern, str]:
        engine = (DenseLife if self.rule.topology.is_finite else SparseLife)(self.rule, config)
        engine.step()
        return engine.pattern(), self.rule.render()

    def classify(self, config: Pattern) -> Outcome:
        return Outcome.HALTED if not config.cells and not self.rule.has_b0 else Outcome.RUNNING
