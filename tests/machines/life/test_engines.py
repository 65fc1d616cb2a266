"""Differential tests: the dense, sparse and Hashlife engines agree with each other and with a
per-cell reference on every topology they share, for random soups and random rules."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.life.dense import DenseLife
from machines.life.engines import HASHLIFE_FROM, choose_engine, make_engine
from machines.life.errors import PatternError, RuleError
from machines.life.hashlife import Hashlife
from machines.life.pattern import Box, Pattern
from machines.life.rule import LIFE, Rule, Topology
from machines.life.sparse import SparseLife

from .reference import reference_step, rolled_step
from .strategies import life_rules, life_worlds


@settings(max_examples=40)
@given(life_rules(), life_worlds(size=10, x=-5, y=-3), st.integers(0, 40))
def test_sparse_and_hashlife_agree_on_the_plane(rule, soup, generations):
    sparse, hashlife = SparseLife(rule, soup), Hashlife(rule, soup)
    sparse.advance(generations)
    hashlife.advance(generations)
    assert hashlife.pattern() == sparse.pattern()
    assert hashlife.population == sparse.population
    assert hashlife.box == sparse.pattern().box
    assert hashlife.generation == sparse.generation == generations


@settings(max_examples=30)
@given(life_rules(), life_worlds(size=8))
def test_sparse_matches_the_reference_step(rule, soup):
    sparse = SparseLife(rule, soup)
    expected = soup
    for _ in range(4):
        sparse.step()
        expected = reference_step(rule, expected)
        assert sparse.pattern() == expected


@settings(max_examples=30)
@given(life_rules(allow_b0=True), life_worlds(size=9), st.sampled_from(["T", "P"]),
       st.integers(5, 11), st.integers(5, 11))
def test_dense_matches_the_reference_step_on_finite_grids(rule, soup, kind, width, height):
    rule = rule.on(Topology.parse(f"{kind}{width},{height}"))
    soup = soup.within(Box(0, 0, width, height))
    dense = DenseLife(rule, soup)
    expected = soup
    for _ in range(4):
        dense.step()
        expected = reference_step(rule, expected)
        assert dense.pattern() == expected
        assert dense.population == expected.population


@settings(max_examples=25)
@given(life_rules(), life_worlds(size=10, x=15, y=15), st.sampled_from(["T", "P"]), st.integers(0, 14))
def test_all_engines_agree_while_the_pattern_is_away_from_the_edges(rule, soup, kind, generations):
    # A pattern grows at most one cell per generation, so in 14 generations a soup in the middle of a
    # 40x40 grid never meets the edge: torus, bounded plane and unbounded plane must agree.
    finite = rule.on(Topology.parse(f"{kind}40,40"))
    engines = [DenseLife(finite, soup), SparseLife(rule, soup), Hashlife(rule, soup)]
    for engine in engines:
        engine.advance(generations)
    first = engines[0].pattern()
    assert all(engine.pattern() == first for engine in engines)
    assert len({engine.population for engine in engines}) == 1


def test_dense_torus_matches_the_rolled_numpy_step():
    rng = np.random.default_rng(7)
    grid = (rng.random((64, 48)) < 0.4).astype(np.uint8)
    dense = DenseLife(LIFE.on(Topology.torus(48, 64)), Pattern.from_array(grid))
    for _ in range(30):
        grid = rolled_step(grid)
        dense.step()
    assert np.array_equal(dense.cells, grid)


def test_b0_rules_fill_finite_grids():
    # B0/S8: every cell of an empty torus is born, then each has 8 live neighbours and survives.
    # B0/S on a bounded plane: all born, then all die (no survival, and no dead cell to be born).
    rule = Rule.parse("B0/S8:T6,6")
    dense = DenseLife(rule, Pattern.EMPTY)
    dense.step()
    assert dense.population == 36
    dense.step()
    assert dense.population == 36
    bounded = DenseLife(Rule.parse("B0/S:P4,4"), Pattern.EMPTY)
    bounded.step()
    assert bounded.population == 16
    bounded.step()
    assert bounded.population == 0


@pytest.mark.parametrize(("engine", "rule", "message"), [
    (SparseLife, "B3/S23:T8,8", "unbounded plane"),
    (Hashlife, "B3/S23:P8,8", "unbounded plane"),
    (DenseLife, "B3/S23", "torus or a bounded plane"),
    (SparseLife, "B0/S23", "B0"),
    (Hashlife, "B03/S23", "B0"),
])
def test_engines_refuse_topologies_they_do_not_simulate(engine, rule, message):
    with pytest.raises(RuleError, match=message):
        engine(Rule.parse(rule), Pattern.EMPTY)


def test_engine_choice():
    assert choose_engine(Rule.parse("B3/S23:T8,8"), 10**9) == "dense"
    assert choose_engine(LIFE, HASHLIFE_FROM - 1) == "sparse"
    assert choose_engine(LIFE, HASHLIFE_FROM) == "hashlife"
    assert make_engine("auto", LIFE, Pattern.EMPTY, generations=10).name == "sparse"
    with pytest.raises(RuleError, match="engine='quick'"):
        make_engine("quick", LIFE, Pattern.EMPTY)


def test_hashlife_jumps_match_single_steps():
    soup = Pattern.from_rows(["OO.O", ".OOO", "O..O"])
    jumped, stepped = Hashlife(LIFE, soup), Hashlife(LIFE, soup)
    jumped.advance(100)
    for _ in range(100):
        stepped.step()
    assert jumped.pattern() == stepped.pattern()


def test_hashlife_refuses_to_list_too_many_cells():
    engine = Hashlife(LIFE, Pattern.from_rows(["OO", "OO"]), max_cells=3)
    with pytest.raises(PatternError, match="too many"):
        engine.pattern()
    assert engine.population == 4


def test_hashlife_density_counts_every_cell():
    soup = Pattern.of((x * 3, y * 5) for x in range(10) for y in range(7))
    engine = Hashlife(LIFE, soup)
    grid = engine.density(engine.box, 2)
    assert sum(map(sum, grid)) == soup.population
