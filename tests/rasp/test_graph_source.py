"""Computation graphs (built with the Python embedding) print as RASP source that parses and gives the
graph's values on every input over the vocabulary up to the longest length."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasp
from rasp.errors import GraphSourceError
from rasp.graph_source import graph_to_source
from rasp.interpreter import evaluate
from rasp.parser import parse
from rasp.session import Session
from tests.rasp.test_interpreter import numeric_sops


def _printed(root, vocabulary, max_seq_len):
    """The node the printed source's last statement assigns, evaluated in a fresh session."""
    source = graph_to_source(root, vocabulary, max_seq_len)
    parse(source)
    session = Session()
    return session, session.run(source)[-1].value


def _same_values(root, vocabulary, max_seq_len, inputs):
    session, printed = _printed(root, vocabulary, max_seq_len)
    for word in inputs:
        try:
            expected = evaluate(root, list(word))
        except rasp.RaspError:
            with pytest.raises(rasp.RaspError):
                session.apply(printed, list(word))
            continue
        got = session.apply(printed, list(word))
        assert [(_kind(v), v) for v in got.values] == [(_kind(v), v) for v in expected.values], word


def _kind(value):
    """A value's type, with int and float as one: RASP's lookup tables (dicts, as Python's) cannot
    tell 1 from 1.0, so a table over a sequence holding both gives one type for both."""
    return "number" if type(value) in (int, float) else type(value)


def make_reverse():
    opp_idx = (rasp.length - rasp.indices).named("opp_idx")
    opp_idx = (opp_idx - 1).named("opp_idx-1")
    flip = rasp.Select(rasp.indices, opp_idx, rasp.Comparison.EQ)
    return rasp.Aggregate(flip, rasp.tokens).named("reverse")


def make_frac_prevs():
    is_l = rasp.numerical(rasp.Map(lambda x: x == "l", rasp.tokens, name="is_l"))
    prevs = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    return rasp.numerical(rasp.Aggregate(prevs, rasp.Map(int, is_l), 0, name="frac_prevs"))


def make_sort_unique():
    smaller = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.LT).named("smaller")
    target_pos = rasp.SelectorWidth(smaller).named("target_pos")
    return rasp.Aggregate(rasp.Select(target_pos, rasp.indices, rasp.Comparison.EQ), rasp.tokens, "-",
                          name="sort")


def make_pairs():
    both = rasp.Select(rasp.tokens, rasp.tokens, "==") & ~rasp.Select(rasp.indices, rasp.indices, "==")
    either = both | rasp.Select(rasp.indices, 0, rasp.Comparison.EQ)
    return rasp.SequenceMap(lambda w, t: f"{t}{w}", rasp.SelectorWidth(either), rasp.tokens, name="pairs")


@pytest.mark.parametrize(
    ("make", "vocabulary", "max_seq_len"),
    [(make_reverse, "abc", 4), (make_frac_prevs, "hel", 5), (make_sort_unique, "abcd", 4),
     (make_pairs, "ab", 4)],
)
def test_library_programs_print_as_source_with_the_same_values(make, vocabulary, max_seq_len):
    words = [w for n in range(1, max_seq_len + 1) for w in itertools.product(vocabulary, repeat=n)]
    _same_values(make(), vocabulary, max_seq_len, words)


def test_the_printed_source_names_nodes_by_their_names():
    source = graph_to_source(make_reverse(), "abc", 3)
    assert "opp_idx = " in source and source.splitlines()[-1].startswith("reverse = aggregate(")
    assert "length = " not in source  # a reserved name: the library's length is rebuilt under another


@pytest.mark.parametrize(
    ("program", "words"),
    [
        (rasp.Select(rasp.tokens, rasp.tokens, lambda k, q: k < q), "custom predicate"),
        (rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, "<="), rasp.indices, reduction="max"),
         "the max"),
        (rasp.Map(lambda x: '"', rasp.tokens), "no RASP literal"),
        (rasp.Map(lambda x: 1 / 0, rasp.tokens), "fails on every input"),
    ],
)
def test_graphs_without_rasp_source_are_refused(program, words):
    with pytest.raises(GraphSourceError, match=words):
        graph_to_source(program, "ab", 2)


VOCABULARY = [-1, 0, 2]


@settings(max_examples=40, deadline=None)
@given(numeric_sops(), st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3), max_size=4))
def test_random_embedded_programs_round_trip(sop, inputs):
    try:
        graph_to_source(sop, VOCABULARY, 3)
    except GraphSourceError as error:
        assert "fails on every input" in str(error) or "entries (limit" in str(error)
        return
    _same_values(sop, VOCABULARY, 3, inputs)
