"""A Turing machine inside a transformer: its tape after every step equals the engine's."""

import pytest

from machines.errors import InvalidMachineError
from machines.formats import load_text
from machines.turing.machine import TuringMachine
from rasp.compiler.turing import render_tape, run_in_transformer, tm_step_program
from rasp.interpreter import evaluate
from tests.common.paths import EXAMPLES as ALL_EXAMPLES

EXAMPLES = ALL_EXAMPLES / "turing"

# machine file, steps, final tape (known answers: BB(2) 6 steps 4 ones, the 21-step BB(3)
# candidate, BB(4) 107 steps 13 ones, 1011 + 1 = 1100)
CASES = [
    ("bb2.bb", 6, "1 1 [Z:1] 1"),
    ("bb3.bb", 21, "1 1 [Z:1] 1 1"),
    ("bb4.tm", 107, "1 [Z:0] 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("increment.tm", 8, "1 [done:1] 0 0 _"),
]


@pytest.mark.parametrize(("name", "steps", "final"), CASES)
def test_transformer_tape_equals_the_engine_at_every_step(name, steps, final):
    loaded = load_text((EXAMPLES / name).read_text(), path=name)
    result = run_in_transformer(loaded.machine, loaded.input or "", max_steps=1_000)
    assert result.steps == steps and result.first_difference is None
    assert render_tape(result.transformer[-1]) == final
    assert len(result.model.layers) == 1


def test_the_step_program_is_rasp_the_interpreter_runs():
    tm = TuringMachine.from_rules(
        [("A", "0", "1", "R", "B"), ("B", "0", "1", "L", "H")], start="A", blank="0", halt_states=["H"]
    )
    step = tm_step_program(tm)
    assert list(evaluate(step, ["0|", "0|A", "0|"]).values) == ["0|", "1|", "0|B"]


def test_multi_tape_machines_are_refused():
    tm = TuringMachine(("A", "H"), ("0",), "0", "A", frozenset({"H"}), (), tapes=2)
    with pytest.raises(InvalidMachineError, match="one-tape"):
        run_in_transformer(tm, "", max_steps=5)
