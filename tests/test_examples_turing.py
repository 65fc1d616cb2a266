"""Runs every Turing machine in examples/turing and checks its exact result."""

import itertools

import pytest

from machines.core import Outcome, run
from machines.files import read_text
from machines.formats import load_text
from machines.turing.engines import run_engine
from tests.common.paths import EXAMPLES

TURING = EXAMPLES / "turing"


def _load(name: str):
    path = TURING / name
    return load_text(read_text(path), path=path)


def _tapes(config, blank: str) -> tuple[str, ...]:
    return tuple("".join(t.cells).strip(blank) for t in config.tapes)


# (file, final state, steps (None: not a published figure), non-blank cells, tapes without outer
# blanks), on the file's own input.
EXAMPLES_TABLE = [
    ("bb2.bb", "Z", 6, 4, ("1111",)),
    ("bb3.bb", "Z", 21, 5, ("11111",)),
    ("bb4.tm", "Z", 107, 13, ("1" + "0" + "1" * 12,)),
    ("bb5.bb", "Z", 47_176_870, 4_098, None),
    ("increment.tm", "done", 8, 4, ("1100",)),  # 11 + 1
    ("unary_add.tm", "done", 8, 5, ("11111",)),  # 3 + 2
    ("unary_add_2tape.tm", "done", 7, 7, ("11111", "11")),
    ("binary_add.tm", "done", 425, 6, ("100100",)),  # 11 + 25 = 36
    ("binary_add_2tape.tm", "done", 12, 11, ("100100", "11001")),
    ("binary_multiply_3tape.tm", "done", None, 14, ("1011", "110", "1000010")),  # 11 * 6 = 66
    ("palindrome.tm", "accept", 36, 0, ("",)),
    ("copy.tm", "done", 32, 6, ("abb_abb",)),
    ("decrement.txt", "halt", 8, 4, ("1011",)),  # 12 - 1 in Morphett's format
    ("complement.yaml", "done", 6, 5, ("01001",)),  # turingmachine.io's format
]


def test_the_table_covers_every_example():
    assert {row[0] for row in EXAMPLES_TABLE} == {p.name for p in TURING.iterdir()}


@pytest.mark.parametrize(("name", "state", "steps", "non_blank", "tapes"), EXAMPLES_TABLE)
def test_example(name, state, steps, non_blank, tapes):
    loaded = _load(name)
    machine = loaded.machine
    engine = "accelerated" if machine.tapes == 1 else "plain"
    result = run_engine(machine, loaded.input or "", engine=engine, max_steps=100_000_000)
    assert result.outcome is Outcome.HALTED
    assert (result.final.state, result.non_blank) == (state, non_blank)
    assert steps is None or result.steps == steps
    if tapes is not None:
        assert _tapes(result.final, machine.blank) == tapes


def _binary_runs(name: str, inputs):
    machine = _load(name).machine
    for input in inputs:
        trace = run(machine, input, max_steps=100_000, retention=None)
        assert trace.outcome is Outcome.HALTED
        yield input, trace.final.config.state, _tapes(trace.final.config, machine.blank)


PAIRS = [(a, b) for a in range(9) for b in range(9)]


def test_binary_addition_one_tape():
    inputs = [f"{a:b}+{b:b}" for a, b in PAIRS]
    for (a, b), (_, _, (tape,)) in zip(PAIRS, _binary_runs("binary_add.tm", inputs), strict=True):
        assert int(tape, 2) == a + b


def test_binary_addition_two_tapes():
    inputs = [(f"{a:b}", f"{b:b}") for a, b in PAIRS]
    for (a, b), (_, _, tapes) in zip(PAIRS, _binary_runs("binary_add_2tape.tm", inputs), strict=True):
        assert int(tapes[0], 2) == a + b


def test_binary_multiplication_three_tapes():
    inputs = [(f"{a:b}", f"{b:b}", "") for a, b in PAIRS]
    for (a, b), (_, _, tapes) in zip(PAIRS, _binary_runs("binary_multiply_3tape.tm", inputs), strict=True):
        assert int(tapes[2] or "0", 2) == a * b


@pytest.mark.parametrize(("name", "two_tapes"), [("unary_add.tm", False), ("unary_add_2tape.tm", True)])
def test_unary_addition(name, two_tapes):
    inputs = [("1" * a, "1" * b) if two_tapes else "1" * a + "+" + "1" * b for a, b in PAIRS]
    for (a, b), (_, _, tapes) in zip(PAIRS, _binary_runs(name, inputs), strict=True):
        assert tapes[0] == "1" * (a + b)


def test_increment():
    for n, (_, _, (tape,)) in enumerate(_binary_runs("increment.tm", [f"{n:b}" for n in range(64)])):
        assert int(tape, 2) == n + 1


def test_palindromes():
    words = ["".join(w) for k in range(7) for w in itertools.product("01", repeat=k)]
    for word, state, _ in _binary_runs("palindrome.tm", words):
        assert state == ("accept" if word == word[::-1] else "reject")


def test_copy():
    words = ["".join(w) for k in range(5) for w in itertools.product("ab", repeat=k)]
    for word, _, (tape,) in _binary_runs("copy.tm", words):
        assert tape == (f"{word}_{word}" if word else "")
