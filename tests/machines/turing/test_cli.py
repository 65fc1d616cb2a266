"""Tests `turingbox run`, `convert` and `diagram` through machines.cli.main: results and clean errors."""

import dataclasses
import io
import json

import pytest

from machines import formats
from machines.cli import main
from machines.core import Outcome
from machines.formats import Format, Loaded, load_text
from machines.turing import diagram
from tests.common.paths import EXAMPLES

BB2 = "1RB1LB_1LA1RZ\n"
TWO_TAPES = "tapes: 2\nstart: A\nhalt: H\nA 1 _ -> 1 1 R R A\nA _ _ -> _ _ S S H\n"


def turingbox(*argv: str) -> int:
    try:
        return main([str(a) for a in argv])
    except SystemExit as exit:  # argparse's own usage errors
        return exit.code


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# (file name, file text, arguments after the file, what stderr says, output file the command must not leave)
BAD_INPUT = [
    ("m.xyz", "hello\n", ["run"], ["m.xyz: cannot tell the format", "--format"], None),
    ("m.tm", "A 0 1 R B\n", ["run"], ["m.tm:1:10: a rule needs '->'", "A 0 1 R B", "^"], None),
    ("m.tm", "A 0 -> 1 R B\n", ["run"], ["m.tm:1:12: state 'B' has no rules"], None),
    ("m.tm", "alphabet: _ 0\nA 1 -> 1 R A\n", ["run"], ["m.tm:2:3: symbol '1' is not in 'alphabet:'"], None),
    ("m.tm", "A 0 -> 1 R A\nA 0 -> 0 L A\n", ["run"], ["m.tm:2:1: a second rule for state 'A'"], None),
    ("m.bb", "1RB1LB_1LA1XZ\n", ["run"], ["m.bb:1:11: '1XZ' is not a transition"], None),
    ("m.txt", "0 1 1 x halt\n", ["run"], ["m.txt:1:7: <direction> 'x'"], None),
    ("m.yaml", "blank: ' '\nstart state: a\ntable:\n  a: {0: {R: b}}\n", ["run"],
     ["m.yaml:4:14: undeclared state 'b'"], None),
    ("m.yaml", "blank: [\n", ["run"], ["m.yaml:2:1: YAML"], None),
    ("m.bb", BB2, ["run", "--max-steps", "0"], ["'0' is not a positive integer"], None),
    ("m.bb", BB2, ["run", "--max-steps", "-5"], ["'-5' is not a positive integer"], None),
    ("m.bb", BB2, ["run", "--max-steps", "many"], ["'many' is not a positive integer"], None),
    ("m.bb", BB2, ["run", "--input", "012"], ["--input '012': input symbol '2' is not in alphabet"], None),
    ("m.bb", BB2, ["run", "--engine", "warp"], ["engine='warp' is not one of"], None),
    ("m.bb", BB2, ["run", "--format", "klingon"], ["format='klingon' is not one of"], None),
    ("m.tm", TWO_TAPES, ["convert", "{tmp}/out.bb"], ["cannot write this machine in the bbchallenge format",
                                                      "it has 2 tapes"], "out.bb"),
    ("m.tm", TWO_TAPES, ["convert", "{tmp}/out.yaml"], ["it has 2 tapes (turingmachine.io has one)"],
     "out.yaml"),
    ("m.bb", BB2, ["convert", "{tmp}/out.xyz"], ["cannot tell the target format", "--to"], "out.xyz"),
    ("m.tm", "A 0 1 R B\n", ["convert", "{tmp}/out.bb"], ["m.tm:1:10:"], "out.bb"),
    ("m.bb", BB2, ["diagram", "--out", "{tmp}/out.gif"], ["a diagram is one of .png"], "out.gif"),
    ("m.tm", "A 0 1 R B\n", ["diagram", "--out", "{tmp}/out.png"], ["m.tm:1:10:"], "out.png"),
    ("m.bb", BB2, ["diagram", "--out", "{tmp}/out.png", "--input", "7"], ["input symbol '7'"], "out.png"),
]


@pytest.mark.parametrize(("name", "text", "args", "messages", "output"), BAD_INPUT)
def test_bad_input_gives_one_clear_message_and_status_2(tmp_path, capsys, name, text, args, messages, output):
    path = write(tmp_path, name, text)
    command, *rest = args
    status = turingbox(command, path, *(a.format(tmp=tmp_path) for a in rest))
    captured = capsys.readouterr()
    assert status == 2
    err = " ".join(captured.err.split())  # rich may wrap long lines
    for message in messages:
        assert " ".join(message.split()) in err
    assert "Traceback" not in captured.err + captured.out
    if command == "run":
        assert captured.out == ""
    if output:
        assert not (tmp_path / output).exists()
        assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left either


def test_missing_file(tmp_path, capsys):
    assert turingbox("run", tmp_path / "absent.tm") == 2
    assert "absent.tm: No such file or directory" in " ".join(capsys.readouterr().err.split())


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "m.tm"
    path.write_bytes(b"\xff\xfe\x00")
    assert turingbox("run", path) == 2
    assert "not a UTF-8 text file" in " ".join(capsys.readouterr().err.split())


def test_run_shows_tape_and_summary(tmp_path, capsys):
    assert turingbox("run", write(tmp_path, "bb2.bb", BB2)) == 0
    out = capsys.readouterr().out
    assert "tape 11[1]1" in out
    for fact in ("halted", "steps", "6", "non-blank cells", "4", "bbchallenge", "plain"):
        assert fact in out


@pytest.mark.parametrize("engine", ["reference", "plain", "accelerated"])
def test_run_json_on_each_engine(tmp_path, capsys, engine):
    assert turingbox("run", write(tmp_path, "bb2.bb", BB2), "--json", "--engine", engine) == 0
    result = json.loads(capsys.readouterr().out)
    assert {k: result[k] for k in ("outcome", "steps", "non_blank", "final", "engine", "format")} == {
        "outcome": "halted", "steps": 6, "non_blank": 4, "final": "Z | -2: 1 1 [1] 1", "engine": engine,
        "format": "bbchallenge"}


def test_run_trace_prints_every_configuration(tmp_path, capsys):
    assert turingbox("run", write(tmp_path, "bb2.bb", BB2), "--trace", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert [s["config"] for s in result["trace"]] == [
        "A | 0: [0]", "B | 0: 1 [0]", "A | 0: [1] 1", "B | -1: [0] 1 1", "A | -2: [0] 1 1 1",
        "B | -2: 1 [1] 1 1", "Z | -2: 1 1 [1] 1"]
    assert result["trace"][1]["rule"] == "A 0 -> 1 R B"
    assert turingbox("run", tmp_path / "bb2.bb", "--trace") == 0
    out = capsys.readouterr().out
    assert "B | -2: 1 [1] 1 1" in out and "(B 1 -> 1 R Z)" in out


def test_run_detects_cycles(tmp_path, capsys):
    assert turingbox("run", write(tmp_path, "loop.bb", "0RB---_0LA---\n"), "--detect-cycles", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["outcome"], result["steps"], result["cycle_start"]) == ("cycle", 2, 0)


def test_run_stops_at_the_step_limit(tmp_path, capsys):
    assert turingbox("run", write(tmp_path, "loop.bb", "0RB---_0LA---\n"), "--max-steps", "1_000",
                     "--json") == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "step_limit"


def test_run_input_for_two_tapes_and_spaces_for_morphett(tmp_path, capsys):
    assert turingbox("run", write(tmp_path, "m.tm", TWO_TAPES), "--input", "111|", "--json") == 0
    assert json.loads(capsys.readouterr().out)["final"] == "H | 0: 1 1 1 [_] | 0: 1 1 1 [_]"
    morphett = write(tmp_path, "add.txt", "0 _ _ r 1\n0 1 1 r 0\n1 1 1 r 1\n1 _ _ * halt\n")
    assert turingbox("run", morphett, "--input", "1 1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["final"] == "halt | 0: 1 _ 1 [_]"


CONVERSIONS = [
    ("bb4.tm", "bb4.bb", "bbchallenge"),
    ("bb2.bb", "bb2.tm", "tm"),
    ("bb3.bb", "bb3.txt", "morphett"),
    ("increment.tm", "increment.yaml", "turingmachine.io"),
    ("decrement.txt", "decrement.tm", "tm"),
    ("complement.yaml", "complement.tm", "tm"),
    ("copy.tm", "copy.txt", "morphett"),
]


@pytest.mark.parametrize(("source", "target", "format"), CONVERSIONS)
def test_convert_keeps_the_run(tmp_path, capsys, source, target, format):
    assert turingbox("convert", EXAMPLES / "turing" / source, tmp_path / target) == 0
    assert f"({format})" in capsys.readouterr().out
    results = []
    for path in (EXAMPLES / "turing" / source, tmp_path / target):
        assert turingbox("run", path, "--json") == 0
        results.append(json.loads(capsys.readouterr().out))
    before, after = results
    assert after["outcome"] == before["outcome"]
    assert after["non_blank"] == before["non_blank"]
    # Morphett counts one more step where no rule applies; renaming symbols keeps the tape's shape.
    assert after["steps"] - before["steps"] in ((0, 1) if format == "morphett" else (0,))


def test_convert_with_an_explicit_target_format(tmp_path, capsys):
    assert turingbox("convert", EXAMPLES / "turing" / "bb2.bb", tmp_path / "bb2", "--to", "tm") == 0
    text = (tmp_path / "bb2").read_text(encoding="utf-8")
    assert load_text(text, format="tm").machine == load_text(BB2, format="bbchallenge").machine


def test_diagrams(tmp_path, capsys):
    source = write(tmp_path, "bb2.bb", BB2)
    for suffix in (".png", ".svg", ".txt", ".dot", ".mmd"):
        assert turingbox("diagram", source, "--out", tmp_path / f"d{suffix}", "--cell", "2") == 0
    out = capsys.readouterr().out
    assert "space-time diagram of 6 steps (halted)" in out and "state graph of 3 states" in out
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "<svg" in (tmp_path / "d.svg").read_text(encoding="utf-8")
    graph = diagram.state_graph(load_text(BB2, format="bbchallenge").machine)
    assert (tmp_path / "d.dot").read_text(encoding="utf-8") == diagram.to_dot(graph)
    assert (tmp_path / "d.mmd").read_text(encoding="utf-8") == diagram.to_mermaid(graph)
    text = (tmp_path / "d.txt").read_text(encoding="utf-8").splitlines()
    assert text[0] == "0 A  .  . [.] ." and text[-1] == "6 Z  1  1 [1] 1"


def test_long_runs_show_a_progress_bar_short_ones_do_not(tmp_path, capsys, monkeypatch):
    import machines.commands as commands

    reports = []
    monkeypatch.setattr(commands._progress, "report", lambda self, steps: reports.append(steps))
    loop = write(tmp_path, "loop.bb", "0RB---_0LA---\n")
    assert turingbox("run", loop, "--max-steps", "1_000_000") == 0
    assert reports and reports[-1] <= 1_000_000 and reports == sorted(reports)
    reports.clear()
    assert turingbox("run", loop, "--max-steps", "1_000_000", "--json") == 0
    assert turingbox("run", loop, "--max-steps", "999_999") == 0
    assert reports == []
    capsys.readouterr()


def test_the_progress_bar_draws_on_stderr():
    from rich.console import Console

    from machines.commands import _progress

    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with _progress(console, 1_000_000, quiet=False) as on_progress:
        on_progress(500_000)
        console.file.flush()
    assert "running" in console.file.getvalue() and "500,000 steps" in console.file.getvalue()


def test_long_space_time_diagrams_keep_every_kth_row(tmp_path, capsys):
    from PIL import Image

    out = tmp_path / "bb5.png"
    assert turingbox("diagram", EXAMPLES / "turing" / "bb5.bb", "--out", out, "--max-steps", "5000",
                     "--cell", "1") == 0
    assert "5000 steps (step_limit), a row every 5 steps" in capsys.readouterr().out
    assert Image.open(out).size[1] == 5000 // 5 + 1


@dataclasses.dataclass(frozen=True)
class _Count:
    """A configuration of the countdown machine below."""

    left: int

    def render(self) -> str:
        return f"{self.left} left"


class _Countdown:
    """Another family's machine: counts its input down to zero."""

    name = "countdown"

    def initial(self, input):
        return _Count(int(input or 3))

    def step(self, config):
        return _Count(config.left - 1), "tick"

    def classify(self, config):
        return Outcome.HALTED if config.left == 0 else Outcome.RUNNING


def load_countdown(text):
    return Loaded(_Countdown(), text.strip())


def test_run_is_generic_over_machine_families(tmp_path, capsys, monkeypatch):
    countdown = Format("countdown", "counters", (".count",), f"{__name__}:load_countdown")
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, countdown))
    path = write(tmp_path, "c.count", "4\n")
    assert turingbox("run", path, "--json", "--trace") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["outcome"], result["steps"], result["final"], result["non_blank"]) == (
        "halted", 4, "0 left", None)
    assert [s["config"] for s in result["trace"]][:2] == ["4 left", "3 left"]
    assert turingbox("run", path, "--input", "2") == 0
    assert "0 left" in capsys.readouterr().out
    assert turingbox("run", path, "--engine", "plain") == 2
    assert "--engine applies to Turing machines" in capsys.readouterr().err
    assert turingbox("diagram", path, "--out", tmp_path / "c.png") == 2
    assert "diagram draws Turing machines" in capsys.readouterr().err


def test_the_caret_stays_under_the_column_of_a_long_line(tmp_path, capsys):
    line = "A 2 1 L A" + " " * 100 + "# a long comment"
    assert turingbox("run", write(tmp_path, "long.tm", f"start: A\n{line}\n")) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-2] == line and err[-1] == " " * 9 + "^"
    assert err[0].endswith("long.tm:2:10: a rule needs '->' between the state and symbols it reads and what "
                           "it does: STATE READ -> WRITE MOVE NEXT")


def test_morphett_head_marker_in_the_file_and_in_input(tmp_path, capsys):
    path = write(tmp_path, "m.txt", "0 0 x * halt\n0 1 y * halt\n; $INITIAL_TAPE: 1*01")
    assert turingbox("run", path, "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["final"], result["steps"]) == ("halt | 0: 1 [x] 1", 1)
    for engine in ("reference", "plain", "accelerated"):
        assert turingbox("run", path, "--input", "11*0", "--json", "--engine", engine) == 0
        assert json.loads(capsys.readouterr().out)["final"] == "halt | 0: 1 1 [x]"
    assert turingbox("run", path, "--input", "1*1", "--trace") == 0
    assert "     0  0 | 0: 1 [1]" in capsys.readouterr().out
    assert turingbox("diagram", path, "--out", tmp_path / "m.txt.txt") == 0
    lines = (tmp_path / "m.txt.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["0 0     1 [0] 1", "1 halt  1 [x] 1"]
