"""The Python embedding builds the same graphs as RASP source: ported tracr lib.py programs give
tracr's expected outputs (reference §3, tracr's test_cases.py) and match the source versions."""

import pytest

import rasp
from rasp.dialect import TRACR
from rasp.errors import RaspTypeError
from rasp.parser import parse_expression
from rasp.session import Session


def make_reverse(sop):
    opp_idx = (rasp.length - rasp.indices).named("opp_idx")
    opp_idx = (opp_idx - 1).named("opp_idx-1")
    return rasp.Aggregate(rasp.Select(rasp.indices, opp_idx, rasp.Comparison.EQ), sop).named("reverse")


def make_hist():
    same = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    return rasp.SelectorWidth(same).named("hist")


def make_sort_unique(vals, keys):
    smaller = rasp.Select(keys, keys, rasp.Comparison.LT).named("smaller")
    target_pos = rasp.SelectorWidth(smaller).named("target_pos")
    sel_new = rasp.Select(target_pos, rasp.indices, rasp.Comparison.EQ)
    return rasp.Aggregate(sel_new, vals).named("sort")


def shift_by(offset, sop):
    select_off_by_offset = rasp.Select(rasp.indices + offset, rasp.indices, rasp.Comparison.EQ)
    return rasp.Aggregate(select_off_by_offset, sop).named(f"shift_by({offset})")


def test_reverse():
    assert "".join(rasp.evaluate(make_reverse(rasp.tokens), "abcd", dialect=TRACR).values) == "dcba"


def test_length():
    assert rasp.evaluate(rasp.length, "abc").values == (3, 3, 3)


def test_hist():
    assert rasp.evaluate(make_hist(), "abac").values == (2, 1, 2, 1)


def test_sort_unique():
    ints = rasp.Map(int, rasp.tokens)
    assert rasp.evaluate(make_sort_unique(ints, ints), [2, 4, 3, 1]).values == (1, 2, 3, 4)
    backwards = rasp.Map(lambda i: 1 - i, rasp.indices)
    assert "".join(rasp.evaluate(make_sort_unique(rasp.tokens, backwards), "abcd").values) == "dcba"


def test_shift_by():
    assert rasp.evaluate(shift_by(1, rasp.tokens), "abcd", dialect=TRACR).values == (None, "a", "b", "c")
    assert rasp.evaluate(shift_by(2, rasp.tokens), "abcd", dialect=TRACR).values == (None, None, "a", "b")


def test_numerical_and_categorical_are_annotations():
    frac = rasp.numerical(
        rasp.Aggregate(
            rasp.Select(rasp.indices, rasp.indices, "<="),
            rasp.numerical(rasp.Map(lambda t: 1 if t == "l" else 0, rasp.tokens)),
        )
    )
    assert frac.encoding is rasp.Encoding.NUMERICAL
    assert rasp.categorical(frac).encoding is rasp.Encoding.CATEGORICAL
    assert rasp.evaluate(frac, "hello").values == (0, 0.0, 1 / 3, 0.5, 0.4)


@pytest.mark.parametrize(
    ("source", "built"),
    [
        ("select(indices, indices, <)", lambda: rasp.select(rasp.indices, rasp.indices, "<")),
        (
            "aggregate(select(indices, 0, ==), tokens)",
            lambda: rasp.aggregate(rasp.select(rasp.indices, 0, "=="), rasp.tokens),
        ),
        (
            "selector_width(select(tokens, tokens, ==))",
            lambda: rasp.selector_width(rasp.select(rasp.tokens, rasp.tokens, "==")),
        ),
    ],
)
def test_embedding_and_source_agree(source, built):
    session = Session()
    from_source = session.evaluate_expression(parse_expression(source))
    for text in ("hello", "abcab", "z"):
        assert rasp.evaluate(built(), text) == rasp.evaluate(from_source, text)


def test_bad_arguments_are_named():
    with pytest.raises(RaspTypeError, match="op='<>'"):
        rasp.select(rasp.indices, rasp.indices, "<>")
    with pytest.raises(RaspTypeError, match="selector="):
        rasp.aggregate(rasp.indices, rasp.tokens)
