"""The `turingbox life` and `turingbox eca` commands, and Life files through `run` and `convert`."""

import io

import pytest
from PIL import Image

from machines.cli import main
from machines.life import rle
from machines.life.pattern import Pattern
from tests.common.paths import EXAMPLES

LIFE_DIR = EXAMPLES / "life"


def test_life_writes_png_gif_and_rle(tmp_path, capsys):
    png, gif, out = tmp_path / "g.png", tmp_path / "g.gif", tmp_path / "g.rle"
    status = main(["life", str(LIFE_DIR / "glider.rle"), "--gens", "8", "--png", str(png), "--gif", str(gif),
                   "--rle", str(out)])
    assert status == 0
    text = capsys.readouterr().out
    assert "spaceship, period 4, moves (+1, +1)" in text
    assert "5 → 5" in text
    assert Image.open(png).format == "PNG"
    assert Image.open(gif).n_frames == 9
    again = rle.parse(out.read_text())
    assert again.pattern == Pattern.from_rows([".O.", "..O", "OOO"], 2, 2)
    assert again.name == "Glider at generation 8"


def test_life_hashlife_jump(capsys):
    assert main(["life", str(LIFE_DIR / "gosper_glider_gun.rle"), "--gens", str(30 * 2**35)]) == 0
    text = capsys.readouterr().out
    assert "hashlife" in text and f"{36 + 5 * 2**35:,}" in text


def test_life_huge_png_is_a_density_picture(tmp_path):
    png = tmp_path / "gun.png"
    gun = str(LIFE_DIR / "gosper_glider_gun.rle")
    assert main(["life", gun, "--gens", "1000000", "--png", str(png)]) == 0
    assert max(Image.open(png).size) <= 1024


@pytest.mark.parametrize(("args", "expected"), [
    (["diehard.rle", "--rule", "B36/S23", "--gens", "119"], "extinct"),
    (["r_pentomino.rle", "--rule", "B3/S23:T64,64", "--gens", "1103"], "5 → 113"),
    (["pentadecathlon.lif", "--gens", "15", "--engine", "hashlife"], "oscillator, period 15"),
    (["soup32.lifegpt", "--gens", "3"], "32x32 torus"),
    (["noahs_ark.cells", "--gens", "20", "--engine", "dense"], "torus or a bounded plane"),
])
def test_life_summaries(args, expected, capsys):
    status = main(["life", str(LIFE_DIR / args[0]), *args[1:]])
    captured = capsys.readouterr()
    assert expected in captured.out + captured.err
    assert status == (2 if "torus or" in expected else 0)


def test_bad_file_gives_one_error_with_line_and_column_and_no_output(tmp_path, capsys):
    bad, png = tmp_path / "bad.rle", tmp_path / "out.png"
    bad.write_text("x = 3, y = 3\nbo$2bz$3o!\n")
    assert main(["life", str(bad), "--gens", "5", "--png", str(png)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2:6: 'z' is not an RLE tag" in err
    assert "Traceback" not in err
    assert not png.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--gens", "3", "--png", "x.jpg"], "must end in .png"),
    (["--gens", "3", "--rule", "B3/S23:K3,3"], "not supported"),
])
def test_bad_options(args, message, capsys):
    assert main(["life", str(LIFE_DIR / "glider.rle"), *args]) == 2
    assert message in capsys.readouterr().err


def test_life_refuses_other_machines(capsys):
    tm = next((EXAMPLES / "turing").glob("*.tm"), None)
    if tm is None:
        pytest.fail("examples/turing holds no .tm file to try")
    assert main(["life", str(tm), "--gens", "3"]) == 2
    assert "not a Life pattern" in capsys.readouterr().err


def test_eca(tmp_path, capsys):
    png = tmp_path / "r30.png"
    assert main(["eca", "30", "--steps", "10", "--width", "21", "--png", str(png)]) == 0
    out = capsys.readouterr().out
    assert "ring of 21 cells" in out and "1 → " in out
    assert Image.open(io.BytesIO(png.read_bytes())).format == "PNG"
    assert main(["eca", "110", "--line", "--steps", "5"]) == 0
    assert "unbounded line" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [(["1", "--line"], "000 into 1"), (["300"], "0..255"),
                                               (["30", "--init", "0120"], "'0' and '1'")])
def test_eca_errors(args, message, capsys):
    assert main(["eca", *args]) == 2
    assert message in capsys.readouterr().err


def test_run_and_convert_understand_life_files(tmp_path, capsys):
    assert main(["run", str(LIFE_DIR / "blinker.rle"), "--max-steps", "5", "--detect-cycles"]) == 0
    assert "cycle" in capsys.readouterr().out
    target = tmp_path / "glider.cells"
    assert main(["convert", str(LIFE_DIR / "glider.rle"), str(target)]) == 0
    assert target.read_text().splitlines()[-3:] == [".O.", "..O", "OOO"]


def test_png_of_a_wide_sparse_pattern_is_shaded(tmp_path):
    wide, png = tmp_path / "wide.lif", tmp_path / "wide.png"
    wide.write_text("#Life 1.06\n0 0\n1 0\n2 0\n3000 0\n3001 0\n3002 0\n")
    assert main(["life", str(wide), "--gens", "3", "--png", str(png)]) == 0
    assert max(Image.open(png).size) <= 1024


def test_engine_choices_are_the_engines_and_start_up_leaves_them_unimported():
    import subprocess
    import sys

    from machines.life.commands import ENGINE_NAMES
    from machines.life.engines import ENGINES

    assert tuple(ENGINES) == ENGINE_NAMES
    code = ("import sys; from machines.cli import main\n"
            "try: main(['life', '--help'])\nexcept SystemExit: pass\n"
            "print('machines.life.engines' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False"
    assert "{auto,dense,sparse,hashlife}" in out
