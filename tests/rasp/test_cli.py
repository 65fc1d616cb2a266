"""The `turingbox rasp` commands: run, analyse, repl; errors are one message with a location."""

import pytest

from machines.cli import main

PROGRAM = """# the fraction of earlier tokens that are "l"
frac_prevs = aggregate(select(indices, indices, <=), indicator(tokens == "l"));
"""


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "frac.rasp"
    path.write_text(PROGRAM)
    return path


def test_run_applies_the_last_sop_to_each_input(program, tmp_path, capsys):
    inputs = tmp_path / "inputs.txt"
    inputs.write_text("hey\n[1, 2]\n")
    assert main(["rasp", "run", str(program), "--input", "hello", "--inputs", str(inputs)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        'frac_prevs("hello") = [0, 0.0, 0.333, 0.5, 0.4] (floats)',
        'frac_prevs("hey") = [0]*3 (floats)',
        "frac_prevs([1, 2]) = [0]*2 (floats)",
    ]


def test_run_trace_prints_every_node(program, capsys):
    assert main(["rasp", "run", str(program), "--input", "ab", "--trace"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "    s-op indices = [0, 1]"
    assert lines[-1] == "    s-op frac_prevs = [0, 0.0]"


def test_run_checks_tracr_encodings_before_printing(program, tmp_path, capsys):
    assert main(["rasp", "run", str(program), "--input", "a", "--input", "hello", "--dialect", "tracr",
                 "--check-encodings"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 s-op(s) break tracr's encoding rules on input 'hello':" in captured.err
    assert "'frac_prevs' (defined at line 2, column 14): a categorical aggregate averages" in captured.err
    moved = tmp_path / "shift.rasp"
    moved.write_text("shifted = aggregate(select(indices, indices - 1, ==), tokens);\n")
    assert main(["rasp", "run", str(moved), "--input", "abc", "--dialect", "tracr", "--check-encodings"]) == 0
    assert capsys.readouterr().out == 'shifted("abc") = [None, a, b] (values)\n'


def test_analyse_prints_layers_and_writes_the_flow(program, tmp_path, capsys):
    out = tmp_path / "flow.png"
    assert main(["rasp", "analyse", str(program), "--out", str(out)]) == 0
    assert "frac_prevs: 1 layers, heads per layer: 1 (max 1)" in capsys.readouterr().out
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x = 1;\ny = indices != 2;\n", "bad.rasp:2:13: '!=' only exists inside select"),
        ("x = 1;\ny = z;\n", "bad.rasp:2:5: Error: Undefined variable: z"),
    ],
)
def test_errors_are_one_message_with_file_line_and_column(tmp_path, capsys, text, expected):
    path = tmp_path / "bad.rasp"
    path.write_text(text)
    assert main(["rasp", "run", str(path), "--input", "ab"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_bare_rasp_command_prints_help(capsys):
    assert main(["rasp"]) == 0
    assert "run" in capsys.readouterr().out


def test_repl_reads_statements_and_draws(program, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    lines = iter(["x = indices +", "1;", 'x("ab");', 'draw(x, "abc");', "y = nope;", "exit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))
    assert main(["rasp", "repl", str(program)]) == 0
    out = capsys.readouterr().out
    assert "     s-op: frac_prevs" in out
    assert "\t =  [1, 2] (ints)" in out
    assert "Error: Undefined variable: nope" in out
    assert (tmp_path / "x.png").exists() and (tmp_path / "x.dot").exists()


def test_errors_in_loaded_files_are_reported(tmp_path, capsys):
    (tmp_path / "lib.rasp").write_text("ok = 1;\nbroken = nowhere;\n")
    main_file = tmp_path / "main.rasp"
    main_file.write_text('load "lib";\ny = indices;\n')
    assert main(["rasp", "run", str(main_file)]) == 2
    assert "lib.rasp:2:10: Error: Undefined variable: nowhere" in capsys.readouterr().err


def test_run_writes_the_flow_of_draw_statements(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "drawing.rasp"
    path.write_text('x = indices + 1;\ndraw(x, "abc");\n')
    assert main(["rasp", "run", str(path), "--input", "ab"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "\t =  [1, 2, 3] (ints)", "\twrote x.dot, x.png", 'x("ab") = [1, 2] (ints)']
    assert (tmp_path / "x.png").read_bytes()[:4] == b"\x89PNG"
