"""Regression tests for each way tracr silently miscompiles (reference §4.7), with known answers."""

import pytest

from rasp.compiler.checking import check_compiled
from rasp.compiler.compiling import compile_program
from rasp.compiler.lib import make_frac_prevs, make_length, make_shuffle_dyck, make_sum, shift_by
from rasp.dialect import TRACR
from rasp.embedding import Aggregate, Map, Select, SelectorWidth, SequenceMap, indices, numerical, tokens
from rasp.sops import Comparison, Tokens

INTS = Tokens("int", name="tokens")


@pytest.mark.parametrize("max_len", [10, 20, 50])
def test_length_is_exact_at_every_length(max_len):
    # tracr: widths >= 10 decode as width - 1 (11/20 wrong at 20, 41/50 at 50)
    model = compile_program(make_length(), "ab", max_len, dialect=TRACR)
    for n in range(1, max_len + 1):
        assert model.run(["a" * n]) == [[n] * n]


def test_shuffle_dyck3_accepts_balanced_inputs_at_length_10():
    # tracr at max_seq_len 10: False for every balanced input
    model = compile_program(
        make_shuffle_dyck(["()", "{}", "[]"]), "(){}[]", 10, dialect=TRACR, values="abstract"
    )
    cases = {"()": True, "([{}])": True, "({)}": True, "(()": False, "())(": False, "([)]}": False}
    for text, balanced in cases.items():
        assert model.run([text]) == [[balanced] * len(text)], text


@pytest.mark.parametrize(("fn", "expected"), [(lambda x: -x, [-1, -2, -3]), (lambda x: x - 2, [-1, 0, 1])])
def test_negative_numerical_maps(fn, expected):
    # tracr clips negative results of a categorical-to-numerical map to 0 (ReLU)
    model = compile_program(numerical(Map(fn, INTS)), [1, 2, 3], 3)
    assert model.run([[1, 2, 3]]) == [expected]


def test_empty_aggregate_gives_the_default():
    # tracr: shift_by(1) gives 'a' (the first vocab value) instead of None at position 0
    model = compile_program(shift_by(1, tokens), "abcd", 5, dialect=TRACR)
    assert model.run(["dcba", "abcd"]) == [[None, "d", "c", "b"], [None, "a", "b", "c"]]


@pytest.mark.parametrize("default", [7, "-", None])
def test_any_default(default):
    sop = tokens if isinstance(default, str) or default is None else indices
    shifted = Aggregate(Select(indices, Map(lambda i: i + 1, indices), Comparison.EQ), sop, default)
    model = compile_program(shifted, "abc", 4, dialect=TRACR)
    expected = ["b", "c", default] if sop is tokens else [1, 2, default]
    assert model.run(["abc"]) == [expected]


def test_issue_25_nested_aggregate_with_none():
    # tracr compiles Aggregate(sel, Aggregate(sel, indices)) to [2, 3, 0, 1]; RASP gives [2, 3, None, None]
    sel = Select(indices, Map(lambda i: i + 2, indices), Comparison.EQ)
    program = Aggregate(sel, Aggregate(sel, indices))
    model = compile_program(program, "abcd", 4, dialect=TRACR)
    assert model.run(["abcd"]) == [[None, None, None, None]]
    inner = compile_program(Aggregate(sel, indices), "abcd", 4, dialect=TRACR)
    assert inner.run(["abcd"]) == [[2, 3, None, None]]
    assert check_compiled(model).ok


def test_issue_11_categorical_mean():
    # tracr: [3, 4, 3, 4] (a mean of one-hots); RASP gives [3, 5, 6, 7]
    prefix_mean = Aggregate(Select(indices, indices, Comparison.LEQ), INTS)
    program = SequenceMap(lambda x, y: x * y, prefix_mean, Map(lambda i: i + 1, indices))
    model = compile_program(program, [1, 2, 3], 4, dialect=TRACR)
    assert model.run([[3, 2, 1, 1]]) == [[3, 5, 6, 7]]
    assert check_compiled(model).ok


def test_selector_and_of_different_sops():
    # tracr: AttributeError 'SelectorAnd' object has no attribute 'queries'
    program = SelectorWidth(Select(tokens, tokens, Comparison.EQ) & Select(indices, indices, Comparison.LT))
    model = compile_program(program, "ab", 6)
    assert model.run(["abaab"]) == [[0, 0, 1, 2, 1]]
    assert len(model.layers) == 1 and check_compiled(model).ok


def test_selector_or_and_not():
    either = Select(tokens, tokens, Comparison.EQ) | ~Select(indices, indices, Comparison.GEQ)
    result = check_compiled(SelectorWidth(either), "ab", 5)
    assert result.exhaustive and result.ok


def test_frac_prevs_is_exact_at_length_60():
    # tracr (float32): max abs error 1.8e-3 at 60
    program = make_frac_prevs(Map(lambda x: x == "a", tokens))
    model = compile_program(program, "ab", 60, dialect=TRACR)
    text = "ab" * 30
    expected = [sum(c == "a" for c in text[: i + 1]) / (i + 1) for i in range(60)]
    assert model.run([text]) == [expected]


@pytest.mark.parametrize(("reduction", "expected"), [("max", [3, 3, 3, 4]), ("min", [3, 1, 1, 1])])
def test_max_and_min_aggregates(reduction, expected):
    program = Aggregate(Select(indices, indices, Comparison.LEQ), INTS, reduction=reduction)
    model = compile_program(program, [1, 2, 3, 4], 4)
    assert model.run([[3, 1, 2, 4]]) == [expected]
    assert check_compiled(model).ok


def test_sum_aggregate_is_exact():
    # tracr issue #6: a sum needs 'multiply by length first', slow and imprecise
    program = make_sum(Select(indices, indices, Comparison.LEQ), INTS)
    model = compile_program(program, [1, 2, 5], 12, values="abstract")
    assert model.run([[5, 1, 2, 5, 5, 1, 2, 5, 5, 1, 2, 5]]) == [
        [5, 6, 8, 13, 18, 19, 21, 26, 31, 32, 34, 39]
    ]
    assert check_compiled(model, samples=50).ok


def test_a_one_hot_mean_read_by_a_map_compiles_and_the_check_names_it():
    # a categorical aggregate of several keys copies one value (as in tracr): the Map reading it
    # was once planned over the means value inference first listed (KeyError: 0.125)
    first = Map(lambda i: int(i == 0), indices, name="first")
    share = Aggregate(Select(indices, indices, Comparison.LEQ), first, name="share")
    model = compile_program(
        Map(lambda x: x == 1, share, name="alone"), "ab", 8, dialect=TRACR, values="abstract"
    )
    result = check_compiled(model)
    assert not result.ok and result.mismatch.node == "share"
