"""Every file in examples/life is exercised: the ones not covered by the known-answer tables here."""

import numpy as np
import pytest

from machines.formats import load_text
from machines.life.analysis import find_period
from machines.life.dense import DenseLife
from machines.life.engines import make_engine
from machines.life.hashlife import Hashlife
from machines.life.lifegpt import to_string
from machines.life.pattern import Box
from machines.life.rule import Rule
from machines.life.sparse import SparseLife
from tests.common.paths import EXAMPLES

from .reference import rolled_step

LIFE_DIR = EXAMPLES / "life"
# Where each example is checked.
EXERCISED = {
    "acorn.rle": "test_known_answers (stabilisation, peak)",
    "blinker.rle": "test_known_answers (period)",
    "diehard.rle": "test_known_answers (extinction in Life and HighLife)",
    "glider.rle": "test_known_answers (period, displacement, torus)",
    "gosper_glider_gun.rle": "test_known_answers (period, growth, Hashlife jump)",
    "lwss.rle": "test_known_answers (period, displacement, populations)",
    "pulsar.rle": "test_known_answers (period, populations)",
    "r_pentomino.rle": "test_known_answers (stabilisation, torus)",
    "noahs_ark.cells": "here",
    "pentadecathlon.lif": "here",
    "soup32.lifegpt": "here",
    "elementary.py": "test_eca",
}


def load(name: str):
    path = LIFE_DIR / name
    return load_text(path.read_text(), path=path).machine


def test_every_example_is_exercised():
    assert {p.name for p in LIFE_DIR.iterdir() if p.is_file()} == set(EXERCISED)


def test_noahs_ark_is_a_c12_diagonal_puffer_of_period_1344():
    # LifeWiki: "a diagonal period 1344 c/12 puffer": after 1344 generations the puffer has moved
    # 112 cells diagonally (up and left), leaving debris behind.
    machine = load("noahs_ark.cells")
    sparse, hashlife = SparseLife(machine.rule, machine.pattern), Hashlife(machine.rule, machine.pattern)
    sparse.advance(1344)
    hashlife.advance(1344)
    assert sparse.pattern() == hashlife.pattern()
    assert machine.pattern.translated(-112, -112).cells <= hashlife.pattern().cells
    assert hashlife.population == 502


@pytest.mark.slow
def test_noahs_ark_growth_per_period():
    # Its debris grows by the same 560 cells every period (self-computed: the two engines agree on
    # the first period above, and Hashlife on the second here), so Hashlife jumps 1024 periods at once.
    machine = load("noahs_ark.cells")
    hashlife = Hashlife(machine.rule, machine.pattern)
    hashlife.advance(2 * 1344)
    assert hashlife.population == 502 + 560
    far = Hashlife(machine.rule, machine.pattern)
    far.advance(1344 * 2**10)
    assert far.population == 502 + 560 * (2**10 - 1)


def test_pentadecathlon_has_period_15():
    machine = load("pentadecathlon.lif")
    assert machine.pattern.population == 12
    assert find_period(make_engine("sparse", machine.rule, machine.pattern), max_period=20).period == 15


def test_lifegpt_soup_steps_like_the_rolled_torus():
    machine = load("soup32.lifegpt")
    assert machine.rule == Rule.parse("B3/S23:T32,32")
    grid = machine.pattern.to_array(Box(0, 0, 32, 32))
    assert 0.35 < grid.mean() < 0.65
    dense = DenseLife(machine.rule, machine.pattern)
    for _ in range(20):
        dense.step()
        grid = rolled_step(grid)
        assert to_string(dense.pattern(), 32, 32) == "".join("".join(map(str, row)) for row in grid.tolist())
    assert np.array_equal(dense.cells, grid)
