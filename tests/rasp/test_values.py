"""Sequence values: the original's typing rule and printing (Support.py's lazy_type_check and
Sequence.__str__)."""

import pytest

from rasp.errors import RaspTypeError
from rasp.values import UNTYPED, Selection, Sequence

# (values, type, printed)
CASES = [
    ([0, 1, 2], "ints", "[0, 1, 2] (ints)"),
    ([5, 5, 5], "ints", "[5]*3 (ints)"),
    ([7], "ints", "[7] (ints)"),
    ([0, 0.0, 1 / 3, 0.5, 0.4], "floats", "[0, 0.0, 0.333, 0.5, 0.4] (floats)"),
    ([0, 0.0], "floats", "[0]*2 (floats)"),
    ([2.0, 2.0], "floats", "[2.0]*2 (floats)"),
    ([True, False], "bools", "[T, F] (bools)"),
    ([True, 1, 2], "ints", "[T, 1, 2] (ints)"),
    ([True, 1.5], "floats", "[T, 1.5] (floats)"),
    (["h", "e"], "strings", "[h, e] (strings)"),
    (["a", "a"], "strings", "[a]*2 (strings)"),
    ([2 / 3, 1e-9], "floats", "[0.667, 0.0] (floats)"),
]


@pytest.mark.parametrize(("values", "kind", "printed"), CASES)
def test_types_and_printing(values, kind, printed):
    sequence = Sequence(tuple(values))
    assert (sequence.type, str(sequence)) == (kind, printed)


@pytest.mark.parametrize(("values", "words"), [
    (["a", 1], "different types"),
    ([[1, 2]], "illegal val types"),
    ([None, "a", 3], "different types"),
])
def test_mixed_or_illegal_values_are_refused(values, words):
    with pytest.raises(RaspTypeError, match=words):
        Sequence(tuple(values))


def test_untyped_sequences_hold_anything():
    assert Sequence(((1, 2), None), UNTYPED).type == UNTYPED


def test_selections_compare_by_matrix():
    a = Selection([[True, False], [False, True]])
    assert a == Selection([[1, 0], [0, 1]]) and hash(a) == hash(Selection([[1, 0], [0, 1]]))
    assert a.widths == (1, 1) and a.rows == ((True, False), (False, True))
    assert not a.matrix.flags.writeable
