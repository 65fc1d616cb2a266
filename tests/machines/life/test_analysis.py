"""Analysis: period classification, budgets and the "not found" answers."""

import pytest

from machines.errors import BudgetError
from machines.life.analysis import Periodicity, extinction, find_period, period_in_box, stabilisation
from machines.life.engines import make_engine
from machines.life.pattern import Pattern
from machines.life.rule import LIFE

BLOCK = Pattern.from_rows(["OO", "OO"])
GLIDER = Pattern.from_rows([".O.", "..O", "OOO"])


@pytest.mark.parametrize(("pattern", "expected", "words"), [
    (BLOCK, Periodicity(1), "still life"),
    (Pattern.from_rows(["OOO"]), Periodicity(2), "oscillator, period 2"),
    (GLIDER, Periodicity(4, 1, 1), "spaceship, period 4, moves (+1, +1)"),
    (Pattern.EMPTY, Periodicity(1), "still life"),
])
def test_find_period(pattern, expected, words):
    found = find_period(make_engine("sparse", LIFE, pattern), max_period=10)
    assert found == expected
    assert str(found) == words


def test_classification_flags():
    assert Periodicity(1).is_still_life and not Periodicity(1).is_oscillator
    assert Periodicity(15).is_oscillator
    assert Periodicity(4, -2, 0).is_spaceship and not Periodicity(4, -2, 0).is_still_life


def test_not_found_within_the_budget():
    r_pentomino = Pattern.from_rows([".OO", "OO.", ".O."])
    assert find_period(make_engine("sparse", LIFE, r_pentomino), max_period=20) is None
    assert stabilisation(make_engine("sparse", LIFE, r_pentomino), max_generations=200) is None
    assert extinction(make_engine("sparse", LIFE, BLOCK), max_generations=50) is None
    assert period_in_box(make_engine("sparse", LIFE, r_pentomino), max_period=10) is None


def test_stabilisation_of_a_still_life_is_now():
    assert stabilisation(make_engine("sparse", LIFE, BLOCK), max_generations=100, window=10) == 0


@pytest.mark.parametrize("budget", [0, -1, 1.5])
def test_budgets_are_checked(budget):
    with pytest.raises(BudgetError):
        find_period(make_engine("sparse", LIFE, BLOCK), max_period=budget)
