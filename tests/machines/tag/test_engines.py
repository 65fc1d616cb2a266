"""The fast engines against the reference steppers, and the lag system's semantics."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machines.core import Outcome, Retention, run
from machines.errors import BudgetError, InvalidInputError, InvalidMachineError
from machines.tag.fast import run_fast, run_lag_fast, trace_fast, trace_words, watch
from machines.tag.lag import LagRule, LagSystem
from machines.tag.tag import TagConfig, TagSystem

ALPHABET = "abcd"
WORDS = st.lists(st.sampled_from(ALPHABET), max_size=5).map("".join)


@st.composite
def tag_systems(draw):
    heads = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, unique=True))
    halts = frozenset(draw(st.sets(st.sampled_from(ALPHABET).filter(lambda s: s not in heads))))
    return TagSystem(draw(st.integers(1, 3)), {h: draw(WORDS) for h in heads}, halts)


@st.composite
def lag_systems(draw):
    width = draw(st.integers(1, 3))
    windows = draw(st.lists(st.lists(st.sampled_from("ab"), min_size=width, max_size=width).map("".join),
                            min_size=1, unique=True))
    halts = frozenset(draw(st.sets(st.sampled_from("cd"))))
    return LagSystem(width, {w: draw(WORDS) for w in windows}, halts)


def _reference(system, input, max_steps):
    trace = run(system, input, max_steps=max_steps, retention=Retention.ends(0, 1))
    return trace.outcome, trace.steps, trace.final.config


@given(tag_systems(), st.text(alphabet=ALPHABET, max_size=8), st.integers(1, 300))
@settings(max_examples=150)
def test_fast_tag_engine_agrees_with_the_reference(system, input, max_steps):
    input = "".join(s for s in input if s in system.alphabet)
    fast = run_fast(system, input, max_steps=max_steps)
    assert (fast.outcome, fast.steps, fast.final) == _reference(system, input, max_steps)


@given(tag_systems(), st.text(alphabet=ALPHABET, max_size=8), st.integers(1, 60))
@settings(max_examples=150)
def test_fast_trace_has_every_reference_queue(system, input, max_steps):
    input = "".join(s for s in input if s in system.alphabet)
    reference = run(system, input, max_steps=max_steps)
    outcome, queues = trace_fast(system, input, max_steps=max_steps)
    assert (outcome, queues) == (reference.outcome, [s.config.render() for s in reference])


TRACE_CASES = [  # (m, productions, halts, input, max_steps, outcome, queues)
    (2, {"a": "bc", "b": "a", "c": "aaa"}, "", "aaa", 3, Outcome.STEP_LIMIT, ["aaa", "abc", "cbc", "caaa"]),
    (2, {"a": "bc", "b": "a", "c": "aaa"}, "", "baa", 5, Outcome.HALTED, ["baa", "aa", "bc", "a"]),
    (1, {"a": "h"}, "h", "a", 9, Outcome.HALTED, ["a", "h"]),            # a halt symbol at the head
    (1, {"a": ""}, "", "a", 1, Outcome.HALTED, ["a", ""]),               # halts right at the budget
    (3, {"a": "b"}, "", "ab", 9, Outcome.HALTED, ["ab"]),               # shorter than m from the start
]


@pytest.mark.parametrize(("m", "productions", "halts", "input", "max_steps", "outcome", "queues"),
                         TRACE_CASES)
def test_fast_trace_cases(m, productions, halts, input, max_steps, outcome, queues):
    system = TagSystem(m, productions, frozenset(halts))
    assert trace_fast(system, input, max_steps=max_steps) == (outcome, queues)
    words = {symbol: word for symbol, word in productions.items() if symbol not in halts}
    assert trace_words(m, words, input, max_steps=max_steps) == (outcome, queues)


def test_fast_trace_needs_one_character_symbols_and_a_budget():
    with pytest.raises(InvalidMachineError, match=r"one-character symbols, not \['bb'\]"):
        trace_fast(TagSystem(2, {"a": ["bb"], "bb": "a"}), "aa", max_steps=5)
    with pytest.raises(BudgetError, match="max_steps=0"):
        trace_fast(TagSystem(2, {"a": "b"}), "aa", max_steps=0)
    with pytest.raises(BudgetError, match="max_steps=0"):
        trace_words(2, {"a": "b"}, "aa", max_steps=0)


@given(lag_systems(), st.text(alphabet="abcd", max_size=8), st.integers(1, 300))
@settings(max_examples=150)
def test_fast_lag_engine_agrees_with_the_reference(system, input, max_steps):
    input = "".join(s for s in input if s in system.alphabet)
    fast = run_lag_fast(system, input, max_steps=max_steps)
    assert (fast.outcome, fast.steps, fast.final) == _reference(system, input, max_steps)


@given(tag_systems(), st.text(alphabet=ALPHABET, max_size=8))
@settings(max_examples=60)
def test_watch_yields_exactly_the_reference_snapshots_with_a_watched_head(system, input):
    input = "".join(s for s in input if s in system.alphabet)
    reference = [(s.step, s.config) for s in run(system, input, max_steps=100)
                 if s.config.queue and s.config.queue[0] in {"a", "b"}]
    watched = [(s.step, s.config) for s in watch(system, input, symbols={"a", "b"}, max_steps=100)
               if hasattr(s, "config")]
    assert watched == reference


@given(tag_systems(), st.text(alphabet=ALPHABET, max_size=8))
@settings(max_examples=60)
def test_a_one_symbol_window_lag_system_is_a_one_tag_system(system, input):
    one_tag = TagSystem(1, system.productions, system.halt_symbols)
    lag = LagSystem(1, {(s,): w for s, w in system.productions.items()}, system.halt_symbols)
    input = "".join(s for s in input if s in system.alphabet)
    assert _reference(one_tag, input, 50) == _reference(lag, input, 50)


def test_engines_take_a_budget():
    system = TagSystem(1, {"a": "aa"})
    assert run_fast(system, "a", max_steps=1_000).outcome is Outcome.STEP_LIMIT
    with pytest.raises(BudgetError, match="max_steps=0"):
        run_fast(system, "a", max_steps=0)


def test_fast_engine_compacts_long_runs():
    """A 2-tag run that consumes far more than the compaction threshold still ends right."""
    system = TagSystem(2, {"a": "ab", "b": "ba"})
    result = run_fast(system, "ab" * 10, max_steps=300_000)
    assert (result.steps, result.final.render(), result.longest) == (300_000, "ab" * 10, 20)


# A width-2 lag system: (queue, outcome, next queue, rule fired)
LAG = LagSystem(2, {"ab": "b", "ba": "ab", "bb": ""}, halt_symbols={"h"})
LAG_CASES = [
    ("ab", Outcome.RUNNING, "bb", LagRule(("a", "b"), ("b",))),
    ("bab", Outcome.RUNNING, "abab", LagRule(("b", "a"), ("a", "b"))),
    ("bb", Outcome.RUNNING, "b", LagRule(("b", "b"), ())),
    ("b", Outcome.HALTED, None, None),     # shorter than the window
    ("aa", Outcome.HALTED, None, None),    # no rule for the window
    ("hab", Outcome.HALTED, None, None),   # a halt symbol at the head
]


@pytest.mark.parametrize(("queue", "outcome", "after", "rule"), LAG_CASES)
def test_lag_steps(queue, outcome, after, rule):
    config = TagConfig.parse(queue)
    assert LAG.classify(config) is outcome
    if after is not None:
        assert LAG.step(config) == (TagConfig.parse(after), rule)


def test_lag_rule_reads_well():
    assert str(LagRule(("b", "b"), ())) == "bb -> ε"
    assert str(LagRule(("A.1", "x"), ("y",))) == "[A.1 x] -> y"


BAD_LAGS = [
    (dict(width=0, rules={"a": "b"}), "width=0"),
    (dict(width=2, rules={}), "non-empty mapping"),
    (dict(width=2, rules={"abc": "b"}), "window 'abc' has 3 symbols, not width=2"),
    (dict(width=1, rules={"a": ["b", "c d"]}), "symbol 'c d'"),
]


@pytest.mark.parametrize(("kwargs", "message"), BAD_LAGS)
def test_invalid_lag_systems(kwargs, message):
    with pytest.raises(InvalidMachineError, match=message):
        LagSystem(**kwargs)


@pytest.mark.parametrize("system", [LAG, TagSystem(2, {"a": "b"})])
def test_input_must_be_a_word(system):
    with pytest.raises(InvalidInputError, match="input=None is not a word"):
        system.initial(None)


def test_lag_input_must_use_its_alphabet():
    with pytest.raises(InvalidInputError, match=r"\['z'\]"):
        LAG.initial("abz")
