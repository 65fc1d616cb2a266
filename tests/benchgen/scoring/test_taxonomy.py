"""Error taxonomy cases and the bit-parallel edit distance against the textbook table."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen.taxonomy import classify, levenshtein, similarity


def table_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[:], i
        for j, y in enumerate(b, start=1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
    return row[-1]


@settings(max_examples=400, deadline=None)
@given(st.text("ABCD", max_size=70), st.text("ABCD", max_size=70))
def test_levenshtein_matches_the_dynamic_programming_table(a, b):
    assert levenshtein(a, b) == table_distance(a, b)


CASES = [
    (None, "ABC", {}, False, "missing"),
    (None, "ABC", {}, True, "cut_off"),
    ("ABD", "ABC", {}, False, "substituted"),
    ("AB", "ABC", {}, False, "dropped"),
    ("AC", "ABCD", {}, False, "dropped"),
    ("ABCC", "ABC", {}, False, "inserted"),
    ("BAC", "ABC", {}, False, "swapped"),
    ("CAB", "ABC", {}, False, "substituted"),
    ("XY", "ABC", {}, False, "mixed"),
    ("CAB", "ABC", {"CAB": "wrong_rule"}, False, "wrong_rule"),
    ("[A_1 B]", "[A_1 B C]", {}, False, "dropped"),
    ("B | 0: [1] 0", "A | 0: [1] 0", {}, False, "state"),
    ("A | 0: 1 [0]", "A | 0: [1] 0", {}, False, "head"),
    ("A | 0: [1] 1", "A | 0: [1] 0", {}, False, "substituted"),
]


@pytest.mark.parametrize(("predicted", "gold", "alternatives", "cut_off", "kind"), CASES)
def test_error_kinds(predicted, gold, alternatives, cut_off, kind):
    assert classify(predicted, gold, alternatives, cut_off) == kind


@pytest.mark.parametrize(("predicted", "gold", "expected"),
                         [("ABC", "ABC", 1.0), (None, "ABC", 0.0), ("AB", "ABCD", 0.5), ("XYZ", "ABC", 0.0)])
def test_similarity_is_one_minus_normalised_distance(predicted, gold, expected):
    assert similarity(predicted, gold) == expected
