"""Hypothesis strategies for cellular automata: rules, soups (random patterns) and rows."""

import random

from hypothesis import strategies as st

from machines.life.pattern import Pattern
from machines.life.rule import Rule


@st.composite
def life_rules(draw, *, allow_b0: bool = False) -> Rule:
    """Random Life-like rules (B0 only if allowed)."""
    births = draw(st.frozensets(st.integers(0 if allow_b0 else 1, 8)))
    survivals = draw(st.frozensets(st.integers(0, 8)))
    return Rule(births, survivals)


@st.composite
def life_worlds(draw, *, size: int = 12, x: int = 0, y: int = 0) -> Pattern:
    """Random soups in a size x size square whose top-left is (x, y)."""
    density = draw(st.sampled_from([0.1, 0.3, 0.5]))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    return Pattern(frozenset((x + i, y + j) for i in range(size) for j in range(size)
                             if rng.random() < density))
