"""Every file in examples/rasp runs and gives its known answers."""

import runpy

from machines.cli import main
from tests.common.paths import EXAMPLES

RASP_EXAMPLES = EXAMPLES / "rasp"
TAPE = '["0_","0_","0A","0_","0_"]'


def test_every_example_is_exercised():
    assert {p.name for p in RASP_EXAMPLES.iterdir() if p.is_file()} == {
        "busy_beaver.rasp", "frac_prevs.rasp", "reverse_embedded.py"}


def test_busy_beaver_halts_with_four_ones_in_six_one_head_layers(capsys):
    path = str(RASP_EXAMPLES / "busy_beaver.rasp")
    assert main(["rasp", "run", path, "--input", TAPE]) == 0
    assert main(["rasp", "run", path, "--sop", "one_step", "--input", TAPE]) == 0
    assert main(["rasp", "analyse", path]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "six_steps(['0_', '0_', '0A', '0_', '0_']) = [1_, 1_, 1H, 1_, 0_] (strings)",
        "one_step(['0_', '0_', '0A', '0_', '0_']) = [0_, 0_, 1_, 0B, 0_] (strings)",
        "six_steps: 6 layers, heads per layer: 1, 1, 1, 1, 1, 1 (max 1)",
    ]


def test_frac_prevs(capsys):
    assert main(["rasp", "run", str(RASP_EXAMPLES / "frac_prevs.rasp"), "--input", "hello"]) == 0
    assert capsys.readouterr().out == 'frac_prevs("hello") = [0, 0.0, 0.333, 0.5, 0.4] (floats)\n'


def test_reverse_embedded(capsys):
    runpy.run_path(str(RASP_EXAMPLES / "reverse_embedded.py"), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["reverse('hello') = [o, l, l, e, h] (strings)", "layers: 2, heads per layer: [1, 1]"]
    assert out[-1] == "  s-op reverse = ['c', 'b', 'a']"
