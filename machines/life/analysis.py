"""Provides measurements of a Life run: population series, periods and displacements, stabilisation,
extinction. Each takes an engine (at any generation) and a generation budget."""

from __future__ import annotations

from dataclasses import dataclass

from machines.errors import check_budget
from machines.life.engines import Engine


@dataclass(frozen=True, slots=True)
class Periodicity:
    """A pattern that comes back after `period` generations, moved by (dx, dy)."""

    period: int
    dx: int = 0
    dy: int = 0

    @property
    def is_still_life(self) -> bool:
        return self.period == 1 and not self.is_spaceship

    @property
    def is_oscillator(self) -> bool:
        return self.period > 1 and not self.is_spaceship

    @property
    def is_spaceship(self) -> bool:
        return (self.dx, self.dy) != (0, 0)

    def __str__(self) -> str:
        if self.is_spaceship:
            return f"spaceship, period {self.period}, moves ({self.dx:+d}, {self.dy:+d})"
        return "still life" if self.is_still_life else f"oscillator, period {self.period}"


def population_series(engine: Engine, generations: int) -> list[int]:
    """The population now and after each of the next `generations` generations."""
    series = [engine.population]
    for _ in range(generations):
        engine.step()
        series.append(engine.population)
    return series


def find_period(engine: Engine, *, max_period: int) -> Periodicity | None:
    """The smallest p <= max_period after which the current pattern recurs, exactly or (on the
    unbounded plane) moved; None if it does not (an empty pattern has period 1)."""
    check_budget("max_period", max_period)
    start = engine.pattern()
    box = start.box
    shape = start.normalized()
    plane = not engine.rule.topology.is_finite
    for period in range(1, max_period + 1):
        engine.step()
        now = engine.pattern()
        if now == start:
            return Periodicity(period)
        if plane and box is not None and now.population == start.population and now.normalized() == shape:
            moved = now.box
            return Periodicity(period, moved.x - box.x, moved.y - box.y)
    return None


def period_in_box(engine: Engine, *, max_period: int) -> int | None:
    """The smallest p <= max_period after which the cells inside the current bounding box are as they
    are now: the period of a gun, whose body recurs while the gliders it emits move away."""
    check_budget("max_period", max_period)
    start = engine.pattern()
    if start.box is None:
        return 1
    for period in range(1, max_period + 1):
        engine.step()
        if engine.pattern().within(start.box) == start:
            return period
    return None


def stabilisation(engine: Engine, *, max_generations: int, window: int = 60) -> int | None:
    """The generation from which the population is 2-periodic (pop(t) == pop(t + 2) for every t
    checked, `window` generations on) but was not one generation earlier; None if that is not
    seen within `max_generations` generations. Escaping gliders keep counting on the plane."""
    check_budget("max_generations", max_generations)
    series = [engine.population]
    start = engine.generation
    for _ in range(max_generations):
        engine.step()
        series.append(engine.population)
        t = len(series) - 3
        if t < 0:
            continue
        if series[t] != series[t + 2]:
            start = engine.generation - 1
        elif engine.generation - 2 - start >= window:
            return start
    return None


def extinction(engine: Engine, *, max_generations: int) -> int | None:
    """The first generation with no live cells, or None if there is none within the budget."""
    check_budget("max_generations", max_generations)
    for _ in range(max_generations + 1):
        if engine.population == 0:
            return engine.generation
        engine.step()
    return None
