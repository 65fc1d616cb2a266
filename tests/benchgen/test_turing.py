"""The `turing` task: random machines and machine files, every style, knobs and their errors."""

import pytest

from benchgen import create_dataset
from benchgen.cot import tm_styles
from benchgen.errors import ConfigError
from machines.turing.machine import TMConfig
from tests.common.paths import EXAMPLES

STYLES = sorted(tm_styles.STYLES)


def _configs(item):
    m = item.metadata
    return [c.render() for c in tm_styles.parse(m["style"], item.cot, m["window_starts"], m["blank"])]


@pytest.mark.parametrize("style", STYLES)
def test_cot_parses_to_the_gold_states_and_ends_with_the_answer(style):
    for item in create_dataset("turing", size=6, seed=4, style=style):
        assert _configs(item) == item.metadata["states"]
        assert item.cot.endswith(f"\nFinal answer: {item.answer}")
        assert item.answer.startswith(item.metadata["states"][-1])
        assert "Write the simulation in exactly this format" in item.question


def test_machine_file_runs_the_real_machine():
    path = str(EXAMPLES / "turing" / "increment.tm")
    for item in create_dataset("turing", size=5, machine=path, max_steps=200, input_min_length=1):
        digits = "".join(item.metadata["input"])
        final = TMConfig.parse(item.metadata["states"][-1])
        assert item.metadata["halted"]
        assert int("".join(final.tape.cells).strip("_"), 2) == int(digits, 2) + 1


def test_two_tape_machine_file_in_caef_style():
    path = str(EXAMPLES / "turing" / "binary_add_2tape.tm")
    item = create_dataset("turing", size=1, machine=path, style="caef", max_steps=100)[0]
    assert "[HEAD2]" in item.cot
    assert _configs(item) == item.metadata["states"]


@pytest.mark.parametrize(("knobs", "check"), [
    ({"states": 5, "symbols": 3}, lambda m: "E 2 ->" in m["machine"]),
    ({"halting": "halting", "max_steps": 100}, lambda m: m["halted"]),
    ({"halting": "non_halting"}, lambda m: not m["halted"] and m["steps"] == 40),
    ({"min_steps": 10}, lambda m: m["steps"] >= 10),
    ({"input_min_length": 4, "input_max_length": 4}, lambda m: len(m["input"]) == 4),
    ({"input_alphabet": ["1"]}, lambda m: set(m["input"]) <= {"1"}),
])
def test_knob(knobs, check):
    items = list(create_dataset("turing", size=6, seed=2, **knobs))
    assert all(check(i.metadata) for i in items)
    assert all(i.metadata["difficulty"][k] == v for i in items for k, v in knobs.items())


@pytest.mark.parametrize(("knobs", "message"), [
    ({"states": 0}, "states=0 must be between 1 and 25"),
    ({"symbols": 1}, "symbols=1 must be between 2 and 10"),
    ({"style": "poetry"}, "style='poetry' must be one of"),
    ({"max_steps": 0}, "max_steps=0"),
    ({"input_alphabet": []}, "input_alphabet=[] must not be empty"),
    ({"machine": str(EXAMPLES / "turing" / "missing.tm")}, "missing.tm"),
    ({"machine": str(EXAMPLES / "turing" / "increment.tm"), "input_alphabet": ["7"]}, "['7'] are not in"),
])
def test_bad_knob(knobs, message):
    with pytest.raises((ConfigError, OSError)) as info:
        create_dataset("turing", size=1, **knobs)[0]
    assert message in str(info.value)
