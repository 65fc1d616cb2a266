"""Known answers: every row of shared/data/vectors/life/life_expected.tsv, written into our own tables
and checked on the example patterns (examples/life) with more than one engine."""

import time

import numpy as np
import pytest

from machines.formats import load_text
from machines.life.analysis import extinction, find_period, period_in_box, population_series, stabilisation
from machines.life.dense import DenseLife
from machines.life.engines import make_engine
from machines.life.hashlife import Hashlife
from machines.life.rule import Rule
from tests.common.paths import EXAMPLES

from .reference import rolled_step


def pattern_of(name: str):
    path = EXAMPLES / "life" / name
    return load_text(path.read_text(), path=path).machine.pattern


# (pattern, rule, period, displacement after one period): rows glider, lwss, blinker, pulsar.
PERIODS = [
    ("glider.rle", "B3/S23", 4, (1, 1)),
    ("lwss.rle", "B3/S23", 4, (-2, 0)),
    ("blinker.rle", "B3/S23", 2, (0, 0)),
    ("pulsar.rle", "B3/S23", 3, (0, 0)),
    ("glider.rle", "B3/S23:T8,8", 32, (0, 0)),  # row "glider on an 8x8 torus": back after 32 gens
]


@pytest.mark.parametrize(("name", "rule", "period", "moved", "engine"),
                         [(*row, engine) for row in PERIODS for engine in ("auto", "hashlife")
                          if engine == "auto" or ":" not in row[1]])
def test_periods_and_displacements(name, rule, period, moved, engine):
    rule = Rule.parse(rule)
    pattern = pattern_of(name)
    if rule.topology.is_finite:
        pattern = pattern.centred_in(rule.topology)
    found = find_period(make_engine(engine, rule, pattern), max_period=64)
    assert (found.period, (found.dx, found.dy)) == (period, moved)


# (pattern, rule, {generation: population}): rows glider, lwss, pulsar, Gosper gun, R-pentomino,
# acorn and diehard, with the populations the table gives.
POPULATIONS = [
    ("glider.rle", "B3/S23", dict.fromkeys(range(9), 5)),
    ("lwss.rle", "B3/S23", {0: 9, 1: 12, 2: 9, 3: 12, 4: 9}),
    ("pulsar.rle", "B3/S23", {0: 48, 1: 56, 2: 72, 3: 48}),
    ("gosper_glider_gun.rle", "B3/S23", {0: 36, 30: 41, 60: 46, 90: 51, 120: 56}),
    ("r_pentomino.rle", "B3/S23", {821: 319, 1102: 118, 1103: 116}),
    ("diehard.rle", "B3/S23", {129: 2, 130: 0}),
]


@pytest.mark.parametrize(("name", "rule", "expected"), POPULATIONS)
def test_populations(name, rule, expected):
    pattern, rule = pattern_of(name), Rule.parse(rule)
    series = population_series(make_engine("sparse", rule, pattern), max(expected))
    assert {g: series[g] for g in expected} == expected
    for generation, population in expected.items():
        if generation > 200:
            continue  # stepping chaotic patterns far is slow in Hashlife; the next test jumps once
        jumped = Hashlife(rule, pattern)
        jumped.advance(generation)
        assert jumped.population == population


def test_r_pentomino_peak():
    engine = make_engine("sparse", Rule.parse("B3/S23"), pattern_of("r_pentomino.rle"))
    series = population_series(engine, 1103)
    assert (max(series), series.index(max(series))) == (319, 821)


# (pattern, generation it stabilises at, population then): rows R-pentomino and acorn.
STABILISATION = [
    ("r_pentomino.rle", 1103, 116),
    pytest.param("acorn.rle", 5206, 633, marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("name", "generation", "population"), STABILISATION)
def test_methuselahs_stabilise(name, generation, population):
    life = Rule.parse("B3/S23")
    engine = make_engine("sparse", life, pattern_of(name))
    assert stabilisation(engine, max_generations=6000) == generation
    jumped = Hashlife(life, pattern_of(name))
    jumped.advance(generation)
    assert jumped.population == population


@pytest.mark.slow
def test_acorn_peak():
    engine = make_engine("sparse", Rule.parse("B3/S23"), pattern_of("acorn.rle"))
    series = population_series(engine, 5206)
    assert (max(series), series.index(max(series)), series[5205], series[5206]) == (1057, 4408, 635, 633)


# (pattern, rule, first generation with no live cells): rows diehard in Life and in HighLife.
EXTINCTION = [
    ("diehard.rle", "B3/S23", 130),
    ("diehard.rle", "B36/S23", 119),
]


@pytest.mark.parametrize(("name", "rule", "generation"), EXTINCTION)
@pytest.mark.parametrize("engine", ["sparse", "hashlife"])
def test_diehard_dies(name, rule, generation, engine):
    universe = make_engine(engine, Rule.parse(rule), pattern_of(name))
    assert extinction(universe, max_generations=200) == generation


def test_gosper_gun_period_and_growth():
    gun = pattern_of("gosper_glider_gun.rle")
    assert period_in_box(make_engine("sparse", Rule.parse("B3/S23"), gun), max_period=100) == 30


def test_hashlife_gosper_gun_at_30_times_2_to_the_35():
    started = time.perf_counter()
    engine = Hashlife(Rule.parse("B3/S23"), pattern_of("gosper_glider_gun.rle"))
    engine.advance(30 * 2**35)
    assert engine.population == 36 + 5 * 2**35
    assert time.perf_counter() - started < 10


def test_r_pentomino_on_a_64x64_torus():
    # Row "R-pentomino on a 64x64 torus, box at (30,30)": 113 cells at generation 1103, which the
    # table marks as self-computed; here the dense engine and the rolled numpy step agree on it.
    rule = Rule.parse("B3/S23:T64,64")
    pattern = pattern_of("r_pentomino.rle").centred_in(rule.topology)
    assert (pattern.box.x, pattern.box.y) == (30, 30)
    dense = DenseLife(rule, pattern)
    dense.advance(1103)
    grid = pattern.to_array(dense.pattern().box.__class__(0, 0, 64, 64))
    for _ in range(1103):
        grid = rolled_step(grid)
    assert dense.population == int(grid.sum()) == 113
    assert np.array_equal(dense.cells, grid)
