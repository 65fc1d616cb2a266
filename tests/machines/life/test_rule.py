"""Rulestrings: B/S and S/B notation, names, Golly topology suffixes, and the errors for bad ones."""

import pytest
from hypothesis import given

from machines.life.errors import RuleError
from machines.life.rule import DAY_AND_NIGHT, HIGHLIFE, LIFE, PLANE, SEEDS, Kind, Rule, Topology

from .strategies import life_rules

PARSED = [
    ("B3/S23", "B3/S23"),
    ("b3/s23", "B3/S23"),
    ("23/3", "B3/S23"),
    ("S23/B3", "B3/S23"),
    ("B36/S23", "B36/S23"),
    ("B2/S", "B2/S"),
    ("/2", "B2/S"),
    ("B3678/S34678", "B3678/S34678"),
    ("34678/3678", "B3678/S34678"),
    ("B0/S8", "B0/S8"),
    ("HighLife", "B36/S23"),
    ("B3/S23:T64,64", "B3/S23:T64,64"),
    ("b3/s23:t8,8", "B3/S23:T8,8"),
    ("23/3:P30,20", "B3/S23:P30,20"),
    (" B63/S32 ", "B36/S23"),
]


@pytest.mark.parametrize(("text", "canonical"), PARSED)
def test_rulestrings_parse_to_their_canonical_form(text, canonical):
    assert Rule.parse(text).render() == canonical


BAD = [
    ("B3/S23/C6", "not a Life-like rulestring"),
    ("B2-a/S12", "not a Life-like rulestring"),
    ("B39/S23", "0 to 8"),
    ("life!", "not a Life-like rulestring"),
    ("B3/S23:T30+5,20", "not supported"),
    ("B3/S23:K30*,20", "not supported"),
    ("B3/S23:T0,20", "infinite tubes"),
    ("B3/S23:S30", "not supported"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_rulestrings_raise_rule_error(text, message):
    with pytest.raises(RuleError, match=message):
        Rule.parse(text)


def test_named_rules():
    assert (LIFE.render(), HIGHLIFE.render(), SEEDS.render(), DAY_AND_NIGHT.render()) == (
        "B3/S23", "B36/S23", "B2/S", "B3678/S34678")


def test_topologies():
    torus = Rule.parse("B3/S23:T64,32").topology
    assert (torus.kind, torus.width, torus.height) == (Kind.TORUS, 64, 32)
    assert torus.describe() == "64x32 torus"
    assert Rule.parse("B3/S23:P10,10").topology == Topology.bounded(10, 10)
    assert Rule.parse("B3/S23").topology == PLANE
    assert not PLANE.is_finite and PLANE.describe() == "unbounded plane"


def test_b0_is_rejected_on_the_plane_with_a_clear_message():
    with pytest.raises(RuleError, match=r"B0.*:T64,64"):
        Rule.parse("B0/S8").require_plane_engine()


@given(life_rules(allow_b0=True))
def test_render_parse_round_trip(rule):
    assert Rule.parse(rule.render()) == rule
