"""Every file in examples/tag, and the `turingbox compile` command."""

import re
import runpy

from machines.cli import main
from machines.core import Outcome, run
from machines.files import read_text
from machines.formats import load_text
from machines.tag.text import dump_lag
from machines.tag.tm_to_lag import tm_to_lag
from tests.common.paths import EXAMPLES

TAG = EXAMPLES / "tag"


def _load(name):
    path = TAG / name
    return load_text(read_text(path), path=path)


def test_collatz_example():
    loaded = _load("collatz.tag")
    trace = run(loaded.machine, loaded.input, max_steps=1_000)
    assert (trace.outcome, trace.steps, trace.final.config.render()) == (Outcome.HALTED, 24, "a")


def test_tmbench_example_matches_the_prompt():
    loaded = _load("tmbench.tag")
    trace = run(loaded.machine, loaded.input, max_steps=30)
    assert [s.config.render() for s in trace] == ["BCA", "AA", "CAC", "CB", "B"]
    assert trace.outcome is Outcome.HALTED


def test_bb2_lag_example_is_the_compiled_busy_beaver():
    bb2 = _load("../turing/bb2.bb").machine
    simulation = tm_to_lag(bb2)
    assert read_text(TAG / "bb2.lag") == dump_lag(simulation.system, input=simulation.encode(bb2.initial("")))
    loaded = _load("bb2.lag")
    trace = run(loaded.machine, loaded.input, max_steps=1_000)
    assert (trace.outcome, trace.steps) == (Outcome.HALTED, 31)
    assert simulation.decode(trace.final.config).tape.cells == ("1", "1", "1", "1")


def test_u15_2_script(capsys):
    script = runpy.run_path(str(TAG / "u15_2.py"), run_name="example")
    assert script["main"](["--max-steps", "150"]) == 0
    out = capsys.readouterr().out
    assert "549 rules" in out and re.search(r"every step agrees\s+│ yes", out)


def test_compile_command_checks_every_step(tmp_path, capsys):
    out = tmp_path / "bb3.tag"
    assert main(["compile", str(EXAMPLES / "turing" / "bb3.bb"), str(out), "--check"]) == 0
    assert re.search(r"decodes to the machine's\s+│ yes", capsys.readouterr().out)
    loaded = load_text(out.read_text(), path=out)
    assert loaded.input[0] == "A.A" and run(loaded.machine, loaded.input, max_steps=10_000).outcome \
        is Outcome.HALTED


def test_compile_command_rejects_what_cocke_minsky_cannot_take(tmp_path, capsys):
    out = tmp_path / "add.tag"
    assert main(["compile", str(EXAMPLES / "turing" / "binary_add.tm"), str(out)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Cocke–Minsky needs a one-tape machine over 2 symbols; machine 'binary addition' has 1 tape(s) " \
        "and 4 symbols" in err
    assert not out.exists()


def test_run_command_on_a_tag_file(capsys):
    assert main(["run", str(TAG / "collatz.tag")]) == 0
    assert "24" in capsys.readouterr().out


def test_queue_diagram_command_writes_a_png(tmp_path, capsys):
    out = tmp_path / "collatz.png"
    assert main(["queue-diagram", str(TAG / "collatz.tag"), "--input", "aaaaaaa", "--out", str(out),
                 "--cell", "2"]) == 0
    assert "128 steps (halted)" in capsys.readouterr().out
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == (26 * 2, 129 * 2)  # longest queue 26, 129 snapshots


def test_queue_diagram_refuses_a_turing_machine(tmp_path, capsys):
    out = tmp_path / "bb2.png"
    assert main(["queue-diagram", str(EXAMPLES / "turing" / "bb2.bb"), "--out", str(out)]) == 2
    assert "not a tag or lag system" in " ".join(capsys.readouterr().err.split())
    assert not out.exists()


def test_run_command_reports_a_bad_tag_file_with_its_location(tmp_path, capsys):
    bad = tmp_path / "bad.tag"
    bad.write_text("m: 2\na -> bc\nb -> [a\n")
    assert main(["run", str(bad)]) == 2
    err = capsys.readouterr().err
    squeezed = "".join(err.split())  # the console may wrap a long path anywhere
    assert f"{bad}:3:6:unbalancedbracketsinword'[a'b->[a^" in squeezed and "Traceback" not in err
