"""The `turingbox fsm` subcommands: output, files written atomically, one clean error on bad input."""

import pytest

from machines.cli import main as turingbox
from machines.formats import load_text
from machines.fsm import is_equivalent, regex_to_nfa
from tests.common.paths import EXAMPLES

DIV3 = str(EXAMPLES / "fsm" / "div3.fsm")
ABB = str(EXAMPLES / "fsm" / "ends_with_abb.regex")
NFA_FILE = str(EXAMPLES / "fsm" / "ab_plus_or_a_plus_b.fsm")


def test_info(capsys):
    assert turingbox(["fsm", "info", ABB]) == 0
    out = capsys.readouterr().out
    assert "minimal DFA states │ 4" in out and "'abb'" in out and "infinite" in out


def test_regex_minimize_prints_a_loadable_dfa(capsys):
    assert turingbox(["fsm", "regex", "(a|b)*abb", "--minimize"]) == 0
    dfa = load_text(capsys.readouterr().out, path="out.fsm").machine
    assert dfa.states == ("q0", "q1", "q2", "q3") and is_equivalent(dfa, regex_to_nfa("(a|b)*abb"))


@pytest.mark.parametrize(("suffix", "check"), [
    (".fsm", lambda data: data.startswith(b"dfa\n")),
    (".jff", lambda data: b"<type>fa</type>" in data),
    (".dot", lambda data: data.startswith(b"digraph")),
    (".mmd", lambda data: data.startswith(b"flowchart LR")),
    (".png", lambda data: data.startswith(b"\x89PNG")),
])
def test_minimize_writes_each_output_kind(tmp_path, capsys, suffix, check):
    out = tmp_path / f"min{suffix}"
    assert turingbox(["fsm", "minimize", DIV3, "--out", str(out)]) == 0
    assert check(out.read_bytes()) and f"wrote {out}" in capsys.readouterr().out


def test_equiv_reports_a_shortest_difference(capsys):
    assert turingbox(["fsm", "equiv", ABB, NFA_FILE]) == 1
    assert capsys.readouterr().out == f"not equivalent: 'ab' is accepted by {NFA_FILE} only\n"
    assert turingbox(["fsm", "equiv", DIV3, DIV3]) == 0
    assert capsys.readouterr().out == "equivalent\n"


def test_words_stop_at_the_limit(capsys):
    assert turingbox(["fsm", "words", DIV3, "--max-length", "4", "--limit", "4"]) == 0
    assert capsys.readouterr().out.splitlines() == ["''", "'0'", "'00'", "'11'", "... (stopped at --limit 4)"]


def test_diagram_of_a_mealy_machine(tmp_path):
    out = tmp_path / "inc.dot"
    assert turingbox(["fsm", "diagram", str(EXAMPLES / "fsm" / "increment.fsm"), "--out", str(out)]) == 0
    assert 'label="1/0"' in out.read_text()


@pytest.mark.parametrize(("argv", "message"), [
    (["fsm", "regex", "(ab"], "<input>:1:3: missing ')' to close a group"),
    (["fsm", "diagram", DIV3, "--out", "x.txt"], "a diagram is written as .png, .dot, .mmd"),
    (["fsm", "minimize", str(EXAMPLES / "fsm" / "increment.fsm")], "is not one of ['DFA', 'NFA']"),
    (["fsm", "info", "/nonexistent.fsm"], "/nonexistent.fsm: No such file or directory"),
])
def test_errors_are_one_message(capsys, argv, message):
    assert turingbox(argv) == 2
    err = capsys.readouterr().err
    assert message in " ".join(err.split()) and "Traceback" not in err


def test_failed_write_leaves_no_file(tmp_path):
    out = tmp_path / "bad.fsm"
    assert turingbox(["fsm", "minimize", str(EXAMPLES / "fsm" / "increment.fsm"), "--out", str(out)]) == 2
    assert list(tmp_path.iterdir()) == []


def test_convert_between_fsm_and_jflap(tmp_path):
    jff, back = tmp_path / "div3.jff", tmp_path / "div3.fsm"
    assert turingbox(["convert", DIV3, str(jff)]) == 0
    assert turingbox(["convert", str(jff), str(back)]) == 0
    original = load_text((EXAMPLES / "fsm" / "div3.fsm").read_text(), path="div3.fsm").machine
    assert is_equivalent(load_text(back.read_text(), path=str(back)).machine, original)


def test_unknown_output_extension_is_one_error(tmp_path, capsys):
    assert turingbox(["fsm", "minimize", DIV3, "--out", str(tmp_path / "x.tm")]) == 2
    assert "write an automaton as .fsm or .jff" in " ".join(capsys.readouterr().err.split())
    assert list(tmp_path.iterdir()) == []
