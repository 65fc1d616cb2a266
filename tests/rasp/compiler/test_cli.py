"""`turingbox rasp compile` and `turingbox rasp tm`: output, exit status, files, errors."""

import numpy as np
import pytest

from machines.cli import main
from tests.common.paths import EXAMPLES


def test_compile_prints_size_and_check_and_saves_npz(tmp_path, capsys):
    out = tmp_path / "model.npz"
    status = main(
        [
            "rasp",
            "compile",
            str(EXAMPLES / "rasp" / "frac_prevs.rasp"),
            "--vocab",
            "hel",
            "--max-len",
            "5",
            "--out",
            str(out),
        ]
    )
    text = capsys.readouterr().out
    assert status == 0
    assert "frac_prevs: 1 layers" in text and "363 all inputs" in text and "no mismatch" in text
    assert "labels" in np.load(out).files


def test_compile_draws_the_residual_stream(tmp_path, capsys):
    picture = tmp_path / "frac_prevs.png"
    source = str(EXAMPLES / "rasp" / "frac_prevs.rasp")
    status = main(["rasp", "compile", source, "--vocab", "hel", "--max-len", "4", "--png", str(picture),
                   "--input", "hell"])
    assert status == 0 and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"wrote {picture}" in capsys.readouterr().out


def test_compile_min_depth_reaches_the_compiler(monkeypatch, capsys):
    import rasp.compiler.compiling as compiling

    asked = []
    real = compiling.compile_program

    def spy(*args, **options):
        asked.append(options["min_depth"])
        return real(*args, **options)

    monkeypatch.setattr(compiling, "compile_program", spy)
    source = str(EXAMPLES / "rasp" / "frac_prevs.rasp")
    for extra in ([], ["--min-depth"]):
        assert main(["rasp", "compile", source, "--vocab", "hel", "--max-len", "3", *extra]) == 0
    assert asked == [False, True] and "no mismatch" in capsys.readouterr().out


def test_compile_sop_and_json_vocab(capsys):
    status = main(
        [
            "rasp",
            "compile",
            str(EXAMPLES / "rasp" / "busy_beaver.rasp"),
            "--sop",
            "one_step",
            "--vocab",
            '["0_", "0A", "1_", "1B"]',
            "--max-len",
            "3",
        ]
    )
    assert status == 0 and "no mismatch" in capsys.readouterr().out


def test_compile_error_is_one_message(tmp_path, capsys):
    source = tmp_path / "bad.rasp"
    source.write_text(
        "set example [0.1, 0.2]\nx = aggregate(select(indices, indices, <=), tokens_float);\ny = x > 0.5;\n"
    )
    status = main(
        [
            "rasp",
            "compile",
            str(source),
            "--vocab",
            "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9]",
            "--max-len",
            "40",
            "--values",
            "abstract",
            "--sop",
            "y",
        ]
    )
    err = capsys.readouterr().err
    assert status == 2 and "cannot compile" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "last"), [("bb2.bb", "agree at all 6 steps"), ("increment.tm", "agree at all 8 steps")]
)
def test_tm(name, last, capsys):
    status = main(["rasp", "tm", str(EXAMPLES / "turing" / name)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0 and last in lines[-1] and lines[0].split()[0] == "0"
