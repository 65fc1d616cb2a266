"""Patterns: bounding boxes, placement on finite grids, and the render/parse codec."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machines.life.errors import PatternError, PatternSyntaxError
from machines.life.pattern import Box, Pattern
from machines.life.rule import Topology

GLIDER = Pattern.from_rows([".O.", "..O", "OOO"])


def test_box_and_population():
    assert GLIDER.population == 5
    assert GLIDER.box == Box(0, 0, 3, 3)
    assert GLIDER.translated(-4, 7).box == Box(-4, 7, 3, 3)
    assert Pattern.EMPTY.box is None


def test_render_shows_position_and_rows():
    assert GLIDER.translated(5, -2).render() == "#P 5 -2\n.O.\n..O\nOOO"
    assert Pattern.EMPTY.render() == "#P 0 0"


@given(st.frozensets(st.tuples(st.integers(-50, 50), st.integers(-50, 50)), max_size=40))
def test_render_parse_round_trip(cells):
    pattern = Pattern(cells)
    assert Pattern.parse(pattern.render()) == pattern


@pytest.mark.parametrize(("text", "line", "column"), [
    ("", 1, 1),
    ("P 0 0\n.O", 1, 1),
    ("#P 0 0\n.O.\n.x.", 3, 2),
])
def test_parse_errors_point_at_the_mistake(text, line, column):
    with pytest.raises(PatternSyntaxError) as caught:
        Pattern.parse(text)
    assert (caught.value.span.line, caught.value.span.column) == (line, column)


def test_finite_placement():
    torus = Topology.torus(8, 8)
    assert GLIDER.translated(6, 6).on(torus).cells == {(7, 6), (0, 7), (6, 0), (7, 0), (0, 0)}
    assert GLIDER.centred_in(Topology.torus(64, 64)).box == Box(30, 30, 3, 3)
    with pytest.raises(PatternError, match="outside"):
        GLIDER.translated(9, 0).on(Topology.bounded(10, 10))
    with pytest.raises(PatternError, match="does not fit"):
        GLIDER.centred_in(Topology.bounded(2, 2))


@given(st.frozensets(st.tuples(st.integers(0, 9), st.integers(0, 6)), max_size=30))
def test_array_round_trip(cells):
    pattern = Pattern(cells)
    assert Pattern.from_array(pattern.to_array(Box(0, 0, 10, 7))) == pattern
