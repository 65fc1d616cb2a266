"""The interpreter: dialects, traces, and random well-typed programs checked against a plain-Python
reference evaluator (the original's Support.py semantics, one position at a time, no numpy)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasp.embedding as r
from machines.core import Outcome
from rasp.dialect import ORIGINAL, RASP_L, TRACR
from rasp.errors import RaspError, RaspTypeError, RaspValueError
from rasp.interpreter import RaspFrame, evaluate, evaluate_traced
from rasp.sops import (
    Aggregate,
    Comparison,
    Constant,
    Indices,
    Map,
    Reduction,
    Select,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorWidth,
    Tokens,
)


def frac_prevs(token):
    hits = r.numerical(r.Map(lambda t: 1 if t == token else 0, r.tokens))
    return r.numerical(r.Aggregate(r.Select(r.indices, r.indices, "<="), hits, default=0))


def test_traced_run_records_every_node_in_dependency_order():
    trace = evaluate_traced(frac_prevs("l"), "hello")
    assert trace.outcome is Outcome.HALTED
    frames = [snapshot.config for snapshot in trace]
    assert frames[-1].values == (0, 0.0, 1 / 3, 0.5, 0.4)
    assert frames[0] == RaspFrame("indices", "s-op", (0, 1, 2, 3, 4))
    selector = next(f for f in frames if f.kind == "selector")
    assert selector.values[1] == (True, True, False, False, False)
    assert [s.step for s in trace] == list(range(len(frames)))


@given(
    st.lists(
        st.one_of(
            st.integers(-5, 5),
            st.text(max_size=3),
            st.booleans(),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        max_size=5,
    ),
    st.sampled_from(["s-op", "selector"]),
    st.text(alphabet="abc_( )", min_size=1, max_size=8),
)
def test_frames_render_and_parse_back(values, kind, name):
    if kind == "selector":
        values = [tuple(bool(v) for v in values)] * len(values)
    frame = RaspFrame(name.strip() or "x", kind, tuple(values))
    assert RaspFrame.parse(frame.render()) == frame


# tracr's evaluator outputs from its test_cases.py (reference §3), in the tracr dialect.
def test_tracr_dialect_defaults_to_none_and_propagates_it():
    shifted = r.Aggregate(r.Select(r.indices + 1, r.indices, "=="), r.tokens)
    assert evaluate(shifted, "abcd", dialect=TRACR).values == (None, "a", "b", "c")
    doubled = r.Map(lambda t: t + t, shifted)
    assert evaluate(doubled, "abcd", dialect=TRACR).values == (None, "aa", "bb", "cc")
    assert evaluate(frac_prevs("("), "a()b(c))", dialect=TRACR).values == (
        0,
        1 / 2,
        1 / 3,
        1 / 4,
        2 / 5,
        2 / 6,
        2 / 7,
        2 / 8,
    )


def test_tracr_dialect_averages_bools_and_original_refuses():
    bools = r.Aggregate(r.Select(r.indices, r.indices, "<="), r.Map(lambda t: t == "l", r.tokens))
    assert evaluate(bools, "hello", dialect=TRACR).values[2:] == (1 / 3, 0.5, 0.4)
    with pytest.raises(RaspTypeError, match="non-numbers"):
        evaluate(bools, "hello", dialect=ORIGINAL)


def test_rasp_l_is_causal_with_integer_means_and_max_aggregates():
    everything = r.Select(r.indices, r.indices, "true")
    assert evaluate(r.SelectorWidth(everything), "abcd", dialect=RASP_L).values == (1, 2, 3, 4)
    assert evaluate(r.SelectorWidth(everything), "abcd").values == (4, 4, 4, 4)
    assert evaluate(r.Aggregate(everything, r.indices), "abcd", dialect=RASP_L).values == (0, 0, 1, 1)
    running_max = r.Aggregate(everything, r.Map(lambda t: ord(t), r.tokens), reduction="max")
    assert evaluate(running_max, "adbc", dialect=RASP_L).values == (97, 100, 100, 100)
    assert evaluate(running_max, "adbc").values == (100,) * 4


@pytest.mark.parametrize(
    ("sop", "input", "error"),
    [
        (Aggregate(r.Select(r.indices, r.indices, "true"), r.tokens), "ab", RaspTypeError),
        (Map(lambda a, b: a + b, (r.tokens, r.indices)), "ab", RaspError),
        (Tokens("int"), "ab", RaspError),
        (r.indices, "", RaspValueError),
    ],
)
def test_evaluation_errors_are_ours_and_name_the_node(sop, input, error):
    with pytest.raises(error) as caught:
        evaluate(sop, input)
    if input:
        assert "evaluation of '" in str(caught.value)


# ---- random well-typed programs against a plain-Python reference evaluator --------------------

NUMERIC_FUNCTIONS = [
    ("{0} + 1", lambda x: x + 1),
    ("{0} * 2", lambda x: x * 2),
    ("-{0}", lambda x: -x),
    ("{0} % 3", lambda x: x % 3),
    ("round({0} / 2)", lambda x: round(x / 2)),
]
COMPARISONS = [c for c in Comparison]


def numeric_sops():
    leaves = st.sampled_from([Indices(), Tokens("int"), Constant(2)])

    def extend(inner):
        selectors = selectors_over(inner)
        return st.one_of(
            st.builds(lambda f, a: Map(f[1], (a,), op=f[0]), st.sampled_from(NUMERIC_FUNCTIONS), inner),
            st.builds(lambda a, b: Map(lambda x, y: x - y, (a, b), op="{0} - {1}"), inner, inner),
            st.builds(lambda a: Map(lambda x: 1 if x > 0 else 0, (a,), op="indicator({0} > 0)"), inner),
            st.builds(lambda s, v, d: Aggregate(s, v, d), selectors, inner, st.sampled_from([0, 5])),
            st.builds(SelectorWidth, selectors),
        )

    return st.recursive(leaves, extend, max_leaves=8)


def selectors_over(sops):
    base = st.builds(Select, sops, sops, st.sampled_from(COMPARISONS))
    return st.recursive(
        base,
        lambda inner: st.one_of(
            st.builds(SelectorAnd, inner, inner),
            st.builds(SelectorOr, inner, inner),
            st.builds(SelectorNot, inner),
        ),
        max_leaves=3,
    )


def reference(node, items):
    """Values per position computed the slow, obvious way (independent of the numpy interpreter)."""
    n = len(items)
    match node:
        case Tokens(cast=cast):
            return [{"int": int, "str": str}[cast](v) for v in items]
        case Indices():
            return list(range(n))
        case Constant(value=value):
            return [value] * n
        case Map(fn=fn, args=args):
            columns = [reference(a, items) for a in args]
            return [fn(*row) for row in zip(*columns, strict=True)]
        case Select(keys=keys, queries=queries, comparison=comparison):
            k, q = reference(keys, items), reference(queries, items)
            return [[comparison(k[j], q[i]) for j in range(n)] for i in range(n)]
        case SelectorAnd(left=a, right=b) | SelectorOr(left=a, right=b):
            ma, mb = reference(a, items), reference(b, items)
            both = isinstance(node, SelectorAnd)
            return [
                [(x and y) if both else (x or y) for x, y in zip(ra, rb, strict=True)]
                for ra, rb in zip(ma, mb, strict=True)
            ]
        case SelectorNot(inner=inner):
            return [[not x for x in row] for row in reference(inner, items)]
        case SelectorWidth(selector=selector):
            return [sum(row) for row in reference(selector, items)]
        case Aggregate(selector=selector, sop=sop, default=default):
            matrix, values = reference(selector, items), reference(sop, items)
            out = []
            for row in matrix:
                chosen = [v for v, on in zip(values, row, strict=True) if on]
                out.append(
                    default
                    if not chosen
                    else chosen[0]
                    if len(chosen) == 1
                    else sum(chosen) * 1.0 / len(chosen)
                )
            return out
    raise AssertionError(node)


@settings(max_examples=60, deadline=None)
@given(numeric_sops(), st.lists(st.integers(-9, 9), min_size=1, max_size=7))
def test_random_programs_match_the_reference_evaluator(sop, items):
    value = evaluate(sop, items)
    expected = reference(sop, items)
    assert [(type(v), v) for v in value.values] == [(type(v), v) for v in expected]


@settings(max_examples=30, deadline=None)
@given(numeric_sops(), st.lists(st.integers(-9, 9), min_size=1, max_size=6))
def test_random_programs_trace_in_every_dialect(sop, items):
    for dialect in (ORIGINAL, TRACR, RASP_L):
        trace = evaluate_traced(sop, items, dialect=dialect)
        assert trace.final.config.kind == "s-op"
        assert len(trace.final.config.values) == len(items)


def test_reduction_names_are_an_enum():
    assert Reduction("max") is Reduction.MAX
