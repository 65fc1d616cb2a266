"""The `fsm` and `life` tasks: traces against independent computations, known answers, knobs."""

import itertools
import re

import numpy as np
import pytest

from benchgen import create_dataset
from benchgen.cot import generations, state_trace
from benchgen.errors import ConfigError
from benchgen.tasks.life import LifeConfig, life_states


@pytest.mark.parametrize("automaton", ["random", "s5", "parity", "counter", "divisibility", "regex"])
@pytest.mark.parametrize("question", ["state", "membership"])
def test_fsm_trace_parses_to_the_gold_states(automaton, question):
    for item in create_dataset("fsm", size=5, seed=1, automaton=automaton, question=question):
        assert list(state_trace.parse(item.cot)) == item.metadata["states"]
        expected = ("accept" if item.metadata["accepted"] else "reject") if question == "membership" \
            else item.metadata["states"][-1]
        assert item.answer == expected


def _compose(p, g):
    return "".join(g[int(c)] for c in p)


def test_s5_states_are_products_of_the_word():
    for item in create_dataset("fsm", size=5, seed=2, automaton="s5"):
        state = "01234"
        for g in item.metadata["input"]:
            state = _compose(state, g)
        assert item.answer == state


@pytest.mark.parametrize(("knobs", "meaning"), [
    ({"automaton": "parity"}, lambda word: f"c{word.count('1') % 2}"),
    ({"automaton": "counter", "modulus": 5, "alphabet_size": 3},
     lambda word: f"c{sum(map(int, word)) % 5}"),
    ({"automaton": "divisibility", "modulus": 7, "base": 10}, lambda word: f"r{int(''.join(word)) % 7}"),
])
def test_fsm_answers_mean_what_the_automaton_computes(knobs, meaning):
    for item in create_dataset("fsm", size=8, seed=3, **knobs):
        assert item.answer == meaning(item.metadata["input"])


def test_regex_membership_agrees_with_python_re():
    for item in create_dataset("fsm", size=12, seed=4, automaton="regex", regex="(0|1)*1(0|1)(0|1)",
                               question="membership", input_max_length=8):
        matches = re.fullmatch("(0|1)*1(0|1)(0|1)", "".join(item.metadata["input"])) is not None
        assert item.answer == ("accept" if matches else "reject")


def _torus_step(grid: np.ndarray) -> np.ndarray:
    # An independent B3/S23 torus step (numpy rolls), to check machines.life through the task.
    neighbours = sum(np.roll(np.roll(grid, dy, 0), dx, 1)
                     for dy, dx in itertools.product((-1, 0, 1), repeat=2) if (dy, dx) != (0, 0))
    return ((neighbours == 3) | (grid & (neighbours == 2))).astype(np.uint8)


def test_life_lifegpt_items_match_an_independent_torus_step():
    for item in create_dataset("life", size=4, seed=5, density=None):
        assert item.question == f"@PredictNextState<{item.metadata['input']}> ["
        assert item.cot == f"{item.answer}]$"
        grid = np.array([int(c) for c in item.metadata["input"]], np.uint8).reshape(32, 32)
        assert item.answer == "".join(map(str, _torus_step(grid).ravel()))


def test_life_glider_on_a_torus_moves_one_cell_diagonally_in_four_generations():
    # LifeWiki: the glider has period 4 and moves (+1, +1); on a 8x8 torus it keeps its shape.
    rows = [".O......", "..O.....", "OOO.....", *["........"] * 5]
    cells = "".join(r.replace(".", "0").replace("O", "1") for r in rows)
    shifted = [r[-1] + r[:-1] for r in [rows[-1], *rows[:-1]]]  # one down, one right
    moved = "".join(shifted).replace(".", "0").replace("O", "1")
    assert life_states(LifeConfig(width=8, height=8, steps=4, prompt="text"), cells)[-1] == moved


def test_eca_rows_follow_the_rule_number():
    item = create_dataset("life", size=1, kind="eca", eca_rule=90, width=21, steps=5, prompt="text")[0]
    rows = [item.metadata["input"], *generations.parse(item.cot)]
    for before, after in itertools.pairwise(rows):
        expected = "".join(str(int(before[i - 1]) ^ int(before[(i + 1) % 21])) for i in range(21))
        assert after == expected  # rule 90: left XOR right
    assert item.answer == rows[-1]


def test_life_text_prompt_with_other_rule_and_steps():
    item = create_dataset("life", size=1, rule="B36/S23", width=10, height=6, steps=3, prompt="text")[0]
    assert "rule B36/S23 on a 10x6 torus" in item.question
    assert list(generations.parse(item.cot)) == item.metadata["states"][1:]


@pytest.mark.parametrize(("task", "knobs", "message"), [
    ("fsm", {"states": 0}, "states=0 must be between 1 and 1000"),
    ("fsm", {"automaton": "s5", "generators": ["99999"]}, "generators:"),
    ("fsm", {"input_min_length": 5, "input_max_length": 2}, "input_max_length=2 must be at least"),
    ("fsm", {"automaton": "regex", "regex": "(0|"}, "regex='(0|'"),
    ("life", {"rule": "B9/S23"}, "rule='B9/S23'"),
    ("life", {"density": 1.5}, "density=1.5 must be between 0 and 1"),
    ("life", {"steps": 3}, "prompt='lifegpt' predicts one Life step"),
    ("life", {"width": 0}, "width=0 must be between 1 and 1024"),
])
def test_bad_knob(task, knobs, message):
    with pytest.raises(ConfigError) as info:
        create_dataset(task, size=1, **knobs)[0]
    assert message in str(info.value)
