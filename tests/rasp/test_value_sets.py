"""Value-set inference: exact by enumeration, and propagation over-approximates it."""

import math

import pytest
from hypothesis import given, settings

from rasp.errors import RaspValueError
from rasp.session import Session
from rasp.value_sets import infer_value_sets, input_count
from tests.rasp.test_interpreter import numeric_sops

PROGRAMS = """
frac = aggregate(select(indices, indices, <=), indicator(tokens == "a"));
hist = selector_width(select(tokens, tokens, ==));
rev = aggregate(select(indices, length - indices - 1, ==), tokens);
shifted = aggregate(select(indices, indices + 1, ==), tokens, "-");
"""


@pytest.fixture(scope="module")
def session():
    session = Session()
    session.run(PROGRAMS)
    return session


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("frac", {0, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1}),
        ("hist", {1, 2, 3, 4}),
        ("rev", {"a", "b"}),
        ("shifted", {"a", "b", "-"}),
    ],
)
def test_exhaustive_sets_are_exact(session, name, expected):
    sop = session.value(name)
    assert infer_value_sets(sop, "ab", 4)[id(sop)] == expected


@pytest.mark.parametrize("name", ["frac", "hist", "rev", "shifted"])
def test_propagation_contains_the_exact_sets(session, name):
    sop = session.value(name)
    exact = infer_value_sets(sop, "ab", 4)
    propagated = infer_value_sets(sop, "ab", 4, exhaustive_limit=0)
    assert all(exact[key] <= propagated[key] for key in exact)


def test_counts_and_bad_arguments():
    assert input_count("ab", 3) == 2 + 4 + 8
    with pytest.raises(RaspValueError):
        infer_value_sets(Session().value("indices"), "", 3)


def _covered(value, candidates):
    return value in candidates or (
        isinstance(value, float)
        and any(
            isinstance(c, float) and math.isclose(value, c, rel_tol=1e-12, abs_tol=1e-12) for c in candidates
        )
    )


@settings(max_examples=20, deadline=None)
@given(numeric_sops())
def test_propagation_is_sound_on_random_programs(sop):
    try:
        exact = infer_value_sets(sop, [0, 1, 2], 3)
        propagated = infer_value_sets(sop, [0, 1, 2], 3, exhaustive_limit=0)
    except RaspValueError:
        return  # too many combinations for the propagation: refused with a clear error
    for key, values in exact.items():
        assert all(_covered(v, propagated[key]) for v in values)
