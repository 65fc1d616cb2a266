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


# ---- more of tracr's lib.py, ported, against tracr's expected outputs (reference §3) ------------


def equals(sop, value):
    return rasp.Map(lambda x: x == value, sop)


def make_frac_prevs(bools):
    prevs = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    return rasp.numerical(rasp.Aggregate(prevs, rasp.numerical(bools), default=0)).named("frac_prevs")


def make_pair_balance(sop, open_token, close_token):
    opens = make_frac_prevs(equals(sop, open_token))
    closes = make_frac_prevs(equals(sop, close_token))
    return rasp.numerical(rasp.LinearSequenceMap(opens, closes, 1, -1)).named("pair_balance")


def tracr_length():
    return rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)).named("length")


def make_shuffle_dyck(pairs):
    balances = [make_pair_balance(rasp.tokens, pair[0], pair[1]) for pair in pairs]
    any_negative = balances[0] < 0
    for balance in balances[1:]:
        any_negative = any_negative | (balance < 0)
    any_negative = rasp.numerical(rasp.Map(lambda x: x, any_negative))
    select_all = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE)
    has_neg = rasp.numerical(rasp.Aggregate(select_all, any_negative, default=0))
    all_zero = equals(balances[0], 0)
    for balance in balances[1:]:
        all_zero = all_zero & equals(balance, 0)
    select_last = rasp.Select(rasp.indices, tracr_length() - 1, rasp.Comparison.EQ)
    last_zero = rasp.Aggregate(select_last, all_zero)
    return (last_zero & ~has_neg).named("shuffle_dyck")


def make_sort(vals, keys, *, max_seq_len, min_key):
    keys = rasp.SequenceMap(lambda x, i: x + min_key * i / max_seq_len, keys, rasp.indices)
    return make_sort_unique(vals, keys)


def make_sort_freq(max_seq_len):
    hist = -1 * make_hist()
    return make_sort(rasp.tokens, hist, max_seq_len=max_seq_len, min_key=1).named("sort_freq")


def detect_pattern(sop, pattern):
    detectors = []
    for i, element in enumerate(reversed(pattern)):
        detector = equals(sop, element)
        if i != 0:
            detector = rasp.Aggregate(
                rasp.Select(rasp.indices, rasp.indices, lambda k, q, i=i: q == k + i), detector, default=None
            )
        detectors.append(detector)
    detected = detectors.pop()
    while detectors:
        detected = detected & detectors.pop()
    return detected


def make_count_less_freq(n):
    hist = make_hist()
    return rasp.SelectorWidth(rasp.Select(hist, hist, lambda x, y: x <= n))


def make_count(sop, token):
    return rasp.SelectorWidth(rasp.Select(sop, sop, lambda k, q: k == token))


def make_nary_sequencemap(f, *sops):
    values, *rest = sops
    for sop in rest:
        values = rasp.SequenceMap(lambda x, y: (*x, y) if isinstance(x, tuple) else (x, y), values, sop)
    return rasp.Map(lambda args: f(*args), values)


INTS = rasp.Map(int, rasp.tokens)

TRACR_CASES = [
    (lambda: make_pair_balance(rasp.tokens, "(", ")"), "a()b(c))", [0, 1 / 2, 0, 0, 1 / 5, 1 / 6, 0, -1 / 8]),
    (lambda: make_shuffle_dyck(["()", "{}"]), "({)}", [True] * 4),
    (lambda: make_shuffle_dyck(["()", "{}"]), "(){)}", [False] * 5),
    (lambda: make_shuffle_dyck(["()", "{}"]), "{}(", [False] * 3),
    (lambda: make_shuffle_dyck(["()", "{}", "[]"]), "({)[}]", [True] * 6),
    (lambda: make_shuffle_dyck(["()", "{}", "[]"]), "(){)}", [False] * 5),
    (lambda: make_shuffle_dyck(["()", "{}", "[]"]), "{}[(]", [False] * 5),
    (lambda: make_sort(INTS, INTS, max_seq_len=5, min_key=1), [2, 4, 1, 2], [1, 2, 2, 4]),
    (lambda: make_sort_freq(5), [2, 4, 2, 1], ["2", "2", "4", "1"]),
    (lambda: make_count_less_freq(2), "aaabbc", [3] * 6),
    (lambda: make_count_less_freq(2), "aacbbc", [6] * 6),
    (lambda: make_count(rasp.tokens, "a"), "cabc", [1] * 4),
    (lambda: make_count(rasp.tokens, "a"), "bbc", [0] * 3),
    (
        lambda: make_nary_sequencemap(lambda x, y, z: x + y - z, INTS, INTS, rasp.indices),
        [1, 2, 3],
        [2, 3, 4],
    ),
    (lambda: detect_pattern(rasp.tokens, "abc"), "abcabc", [None, None, True, False, False, True]),
    (lambda: detect_pattern(rasp.tokens, "ab"), "aaba", [None, False, True, False]),
]


@pytest.mark.parametrize(("build", "input", "expected"), TRACR_CASES)
def test_tracr_lib_programs_give_tracrs_outputs(build, input, expected):
    value = rasp.evaluate(build(), input, dialect=TRACR)
    assert list(value.values) == expected


def test_causal_selector_width():
    everything = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE))
    assert rasp.evaluate(everything, "abcd", dialect=rasp.RASP_L).values == (1, 2, 3, 4)
