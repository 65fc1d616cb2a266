"""Every file in examples/fsm loads, runs to the expected outcome, and runs through `turingbox run`."""

import pytest

from machines.cli import main as turingbox
from machines.core import Outcome, run
from machines.files import read_text
from machines.formats import load_text
from machines.fsm import DFA, NFA, Mealy, RegexSyntaxError, is_equivalent, minimize, regex_to_nfa
from tests.common.paths import EXAMPLES

FSM = EXAMPLES / "fsm"

# file, machine class, input, outcome, final state (or set of states)
CASES = [
    ("div3.fsm", DFA, None, Outcome.ACCEPTED, "r0"),  # its own input: 1001 = 9
    ("div3.fsm", DFA, "111", Outcome.REJECTED, "r1"),  # 7
    ("ab_plus_or_a_plus_b.fsm", NFA, None, Outcome.ACCEPTED, frozenset({"q1", "q5"})),
    ("ab_plus_or_a_plus_b.fsm", NFA, "aab", Outcome.ACCEPTED, frozenset({"q6"})),
    ("ab_plus_or_a_plus_b.fsm", NFA, "aba", Outcome.REJECTED, frozenset({"q3"})),
    ("increment.fsm", Mealy, None, Outcome.HALTED, "copy"),
    ("ends_with_abb.regex", NFA, "babb", Outcome.ACCEPTED, None),
    ("ends_with_abb.regex", NFA, "abba", Outcome.REJECTED, None),
]


def test_every_example_is_covered():
    assert {p.name for p in FSM.iterdir()} == {row[0] for row in CASES}


@pytest.mark.parametrize(("name", "kind", "input", "outcome", "final"), CASES)
def test_examples_run(name, kind, input, outcome, final):
    path = FSM / name
    loaded = load_text(read_text(path), path=path)
    assert type(loaded.machine) is kind
    trace = run(loaded.machine, loaded.input if input is None else input, max_steps=1000)
    assert trace.outcome is outcome
    config = trace.final.config
    if final is not None:
        assert (config.states if kind is NFA else config.state) == final


def test_increment_example_adds_one():
    mealy = load_text(read_text(FSM / "increment.fsm"), path="increment.fsm").machine
    for n in range(16):
        bits = format(n, "05b")[::-1]
        assert "".join(mealy.transduce(bits)) == format(n + 1, "05b")[::-1]


def test_regex_example_is_the_classic_four_state_dfa():
    nfa = load_text(read_text(FSM / "ends_with_abb.regex"), path="ends_with_abb.regex").machine
    assert len(minimize(nfa).states) == 4 and is_equivalent(nfa, regex_to_nfa("[ab]*abb"))


def test_regex_file_errors_point_into_the_file(tmp_path):
    path = tmp_path / "bad.regex"
    path.write_text("# comment\nalphabet: ab\n  (a|b*abb\n")
    with pytest.raises(RegexSyntaxError) as info:
        load_text(read_text(path), path=path)
    assert (info.value.span.line, info.value.span.column) == (3, 10)


@pytest.mark.parametrize(("name", "input", "expected"), [
    ("div3.fsm", None, "accepted"), ("div3.fsm", "10", "rejected"),
    ("ab_plus_or_a_plus_b.fsm", "ab", "accepted"), ("increment.fsm", None, "halted"),
    ("ends_with_abb.regex", "aabb", "accepted"),
])
def test_examples_through_the_cli(capsys, name, input, expected):
    argv = ["run", str(FSM / name)] + ([] if input is None else ["--input", input])
    assert turingbox(argv) == 0
    assert expected in capsys.readouterr().out
