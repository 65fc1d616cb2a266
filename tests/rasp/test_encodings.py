"""tracr's dynamic encoding check: numerical s-ops hold numbers, categorical aggregates do not
average, numerical aggregates average only 0s and 1s, and an aggregate keeps its input's encoding;
one error names every offending s-op."""

import pytest

import rasp
from rasp.encodings import check_encodings, encoding_problems
from rasp.errors import EncodingError
from rasp.session import Session

LEQ = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
SHIFT = rasp.Select(rasp.indices, rasp.indices - 1, rasp.Comparison.EQ)
IS_L = rasp.numerical(rasp.Map(lambda x: x == "l", rasp.tokens, name="is_l"))
ONES = rasp.numerical(rasp.Map(lambda x: 1, rasp.tokens, name="ones"))

# (program, input, {offending s-op name: words of its problem}); {} means it passes.
CASES = [
    (rasp.numerical(rasp.Aggregate(LEQ, IS_L, 0, name="frac_prevs")), "hello", {}),
    (rasp.Aggregate(SHIFT, rasp.tokens, name="shift"), "abcd", {}),
    (rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ), rasp.Map(ord, rasp.tokens),
                    name="same"), "aab", {}),
    (rasp.numerical(rasp.Map(lambda x: x, rasp.tokens, name="chars")), "ab",
     {"chars": "non-numbers {'a', 'b'}"}),
    (rasp.Aggregate(LEQ, rasp.indices, name="mean"), "abc", {"mean": "categorical aggregate averages"}),
    (rasp.numerical(rasp.Aggregate(LEQ, rasp.numerical(rasp.indices + 0), 0, name="sum")), "abc",
     {"sum": "other than 0 and 1: {0, 1, 2}"}),
    (rasp.numerical(rasp.Aggregate(LEQ, rasp.Map(lambda x: 1, rasp.tokens), 0, name="mixed")), "ab",
     {"mixed": "numerical aggregate of a categorical s-op"}),
    (rasp.numerical(rasp.Aggregate(SHIFT, ONES, name="no_default")), "ab", {"no_default": "{None}"}),
]


@pytest.mark.parametrize(("program", "input", "expected"), CASES)
def test_encoding_rules(program, input, expected):
    found = {node.name: "; ".join(problems) for node, problems in encoding_problems(program, input).items()}
    assert set(found) == set(expected)
    for name, words in expected.items():
        assert words in found[name]
    if expected:
        with pytest.raises(EncodingError):
            check_encodings(program, input)
    else:
        check_encodings(program, input)


def test_one_error_names_every_offending_sop():
    chars = rasp.numerical(rasp.Map(lambda x: x, rasp.tokens, name="chars"))
    mean = rasp.Aggregate(LEQ, rasp.indices, name="mean")
    program = rasp.SequenceMap(lambda a, b: 0, chars, mean, name="both")
    with pytest.raises(EncodingError) as caught:
        check_encodings(program, "ab")
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 s-op(s) break tracr's encoding rules on input 'ab':"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["'chars'", "'mean'"]


def test_source_programs_are_named_with_their_location():
    session = Session()
    session.run('bad = aggregate(select(indices, indices, <=), indicator(tokens == "l"));')
    where = r"'bad' \(defined at line 1, column 7\): a categorical aggregate"
    with pytest.raises(EncodingError, match=where):
        check_encodings(session.value("bad"), "hello")
