"""The `rasp` task: every s-op's values from the interpreter, checked against what the programs compute."""

import ast
from collections import Counter

import pytest

from benchgen import create_dataset
from benchgen.cot import rasp_frames
from benchgen.errors import ConfigError

PROGRAMS = [
    ("reverse", None, lambda tokens: tokens[::-1]),
    ("hist_nobos", None, lambda tokens: [Counter(tokens)[t] for t in tokens]),
    ("sort_bos", "§", lambda tokens: ["§", *sorted(tokens[1:])]),
]


@pytest.mark.parametrize(("program", "bos", "meaning"), PROGRAMS)
def test_answer_is_what_the_program_computes(program, bos, meaning):
    for item in create_dataset("rasp", size=5, seed=2, program=program, bos=bos):
        assert ast.literal_eval(item.answer) == meaning(item.metadata["input"])


@pytest.mark.parametrize("selectors", [False, True])
def test_cot_parses_to_the_gold_frames(selectors):
    item = create_dataset("rasp", size=1, seed=4, selectors=selectors)[0]
    frames = rasp_frames.parse(item.cot)
    assert [f.render() for f in frames] == item.metadata["states"]
    assert any(f.kind == "selector" for f in frames) is selectors
    assert frames[-1].name == "reverse"


def test_program_from_a_file(tmp_path):
    path = tmp_path / "double.rasp"
    path.write_text("doubled = indices + indices;\n")
    item = create_dataset("rasp", size=1, program="doubled", file=str(path), input_min_length=3,
                          input_max_length=3)[0]
    assert item.answer == "[0, 2, 4]"


@pytest.mark.parametrize(("knobs", "message"), [
    ({"program": "nonesuch"}, "program='nonesuch'"),
    ({"input_alphabet": []}, "input_alphabet=[] must not be empty"),
    ({"input_min_length": 0}, "input_min_length=0 must be at least 1"),
])
def test_bad_knob(knobs, message):
    with pytest.raises(ConfigError) as info:
        create_dataset("rasp", size=1, **knobs)
    assert message in str(info.value)
