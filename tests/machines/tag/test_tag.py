"""Known answers for tag systems (tag_vectors.tsv, TMBench's traces) on the reference stepper and
the fast engine."""

import json

import pytest

from machines.core import Outcome, Retention, run
from machines.errors import InvalidInputError, InvalidMachineError
from machines.tag.fast import run_fast
from machines.tag.tag import Production, TagConfig, TagSystem
from tests.common.paths import shared

COLLATZ = TagSystem(2, {"a": "bc", "b": "a", "c": "aaa"}, name="de_mol_collatz")
ESOLANG = TagSystem(2, {"1": "3321H", "2": "331", "3": "33"}, halt_symbols={"H"}, name="esolang_example")

# (system, start, steps to halt, final word, longest word) from tag_vectors.tsv / OEIS A351850.
VECTORS = [
    (ESOLANG, "211", 5, "H3333331", 8),
    (COLLATZ, "a" * 3, 24, "a", 8),
    (COLLATZ, "a" * 4, 6, "a", 4),
    (COLLATZ, "a" * 7, 128, "a", 26),
    (COLLATZ, "a" * 27, 40_656, "a", 4_616),
]


@pytest.mark.parametrize(("system", "start", "steps", "final", "longest"), VECTORS)
def test_known_answers_reference(system, start, steps, final, longest):
    trace = run(system, start, max_steps=100_000, retention=Retention.ends(0, 1))
    assert (trace.outcome, trace.steps, trace.final.config.render()) == (Outcome.HALTED, steps, final)


@pytest.mark.parametrize(("system", "start", "steps", "final", "longest"), VECTORS)
def test_known_answers_fast(system, start, steps, final, longest):
    result = run_fast(system, start, max_steps=100_000)
    assert (result.outcome, result.steps, result.final.render(), result.longest) == \
        (Outcome.HALTED, steps, final, longest)


def test_esolang_trace_and_events():
    trace = run(ESOLANG, "211", max_steps=10)
    assert [s.config.render() for s in trace] == ["211", "1331", "313321H", "3321H33", "21H3333", "H3333331"]
    assert [str(s.event) for s in trace][1:3] == ["2 -> 331", "1 -> 3321H"]
    assert trace.snapshots[1].event == Production("2", ("3", "3", "1"))


def test_collatz_trace_prefix_from_reference_table():
    trace = run(COLLATZ, "aaa", max_steps=100)
    expected = ["aaa", "abc", "cbc", "caaa", "aaaaa", "aaabc", "abcbc", "cbcbc", "cbcaaa", "caaaaaa",
                "aaaaaaaa"]
    assert [s.config.render() for s in trace][: len(expected)] == expected
    assert [s.config.render() for s in trace][-7:] == ["aaaa", "aabc", "bcbc", "bca", "aa", "bc", "a"]


@pytest.mark.parametrize(("n", "steps"), [(n, n if n % 2 == 0 else n + 1) for n in (2, 4, 6, 10, 12)]
                         + [(n, None) for n in (5, 9)])
def test_collatz_all_a_words_follow_T(n, steps):
    """The all-a words visited are a^(T^k(n)); even n needs n steps and odd n needs n+1 to the next."""
    trace = run(COLLATZ, "a" * n, max_steps=100_000)
    seen = [len(s.config) for s in trace if set(s.config.queue) == {"a"}]
    expected = [n]
    while expected[-1] > 1:
        k = expected[-1]
        expected.append(k // 2 if k % 2 == 0 else (3 * k + 1) // 2)
    assert seen == expected
    if steps is not None:
        second = next(s.step for s in trace if s.step and set(s.config.queue) == {"a"})
        assert second == steps


# Halting cases: (system, queue, outcome)
HALT_CASES = [
    (COLLATZ, "a", Outcome.HALTED),         # shorter than m
    (COLLATZ, "", Outcome.HALTED),          # empty
    (ESOLANG, "H33", Outcome.HALTED),       # halt symbol at the head
    (TagSystem(1, {"a": "b"}), "ba", Outcome.HALTED),  # head without a production
    (COLLATZ, "ab", Outcome.RUNNING),
]


@pytest.mark.parametrize(("system", "queue", "outcome"), HALT_CASES)
def test_classify(system, queue, outcome):
    assert system.classify(TagConfig.parse(queue)) is outcome


BAD_SYSTEMS = [
    (dict(m=0, productions={"a": "b"}), "m=0 must be a positive integer"),
    (dict(m=True, productions={"a": "b"}), "m=True"),
    (dict(m=2, productions={}), "non-empty mapping"),
    (dict(m=2, productions={"a b": "x"}), "production symbol 'a b'"),
    (dict(m=2, productions={"": "x"}), "production symbol ''"),
    (dict(m=2, productions={"a": ["x", ""]}), "symbol ''"),
    (dict(m=2, productions={"a": "x"}, halt_symbols={"a"}), "halt symbol 'a' also has a production"),
]


@pytest.mark.parametrize(("kwargs", "message"), BAD_SYSTEMS)
def test_invalid_systems(kwargs, message):
    with pytest.raises(InvalidMachineError, match=message):
        TagSystem(**kwargs)


def test_invalid_input():
    with pytest.raises(InvalidInputError, match=r"\['z'\]"):
        COLLATZ.initial("az")


WORDS = [("abc", ("a", "b", "c")), ("", ()), ("[ab c]", ("ab", "c")), ("[ab]", ("ab",)),
         ("a bb c", ("a", "bb", "c"))]


@pytest.mark.parametrize(("text", "queue"), WORDS)
def test_config_parse(text, queue):
    assert TagConfig.parse(text).queue == queue


@pytest.mark.parametrize("file", ["TMBench.json", "TMBenchGreek.json", "TMBenchNumber.json",
                                  "TMBenchSpecial.json"])
def test_tmbench_traces_are_reproduced(file):
    """Every published trace of TMBench (100 instances, 30 steps or fewer when they halt)."""
    data = json.loads(shared("tmbench", file).read_text(encoding="utf-8"))
    assert len(data["samples"]) == 100
    for sample in data["samples"]:
        system = TagSystem(sample["delete_count"], sample["rule"])
        steps = data["max_step"] - 1
        trace = run(system, sample["init_str"], max_steps=steps)
        assert [s.config.render() for s in trace] == sample["step_results"], sample["id"]
        fast = run_fast(system, sample["init_str"], max_steps=steps)
        assert (fast.steps, fast.final.render()) == (trace.steps, sample["step_results"][-1])
