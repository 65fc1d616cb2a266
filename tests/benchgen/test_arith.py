"""The `arith` task: answers read off real machines' tapes equal the arithmetic, for every length class."""

import pytest

from benchgen import create_dataset
from benchgen.cot import tm_styles
from benchgen.errors import ConfigError
from machines.core import Outcome, run
from machines.files import read_text
from machines.formats import load_text
from tests.common.paths import EXAMPLES

OPERATIONS = [("add", lambda a, b: a + b), ("mul", lambda a, b: a * b)]


@pytest.mark.parametrize(("operation", "function"), OPERATIONS)
@pytest.mark.parametrize("length", ["short", "medium", "long"])
def test_answer_is_the_machine_result_and_equals_the_arithmetic(operation, function, length):
    digits = {"short": (1, 4), "medium": (5, 8), "long": (9, 16)}[length]
    for item in create_dataset("arith", size=4, seed=7, operation=operation, lengths=[length]):
        a, b = item.metadata["operands"]
        assert int(item.answer, 2) == function(int(a, 2), int(b, 2))
        assert all(digits[0] <= len(o) <= digits[1] for o in (a, b))
        assert item.metadata["length"] == length
        assert item.cot.endswith(f"Final answer: {item.answer}")


@pytest.mark.parametrize("style", sorted(tm_styles.STYLES))
def test_every_style_parses_back_to_the_gold_states(style):
    item = create_dataset("arith", size=1, seed=1, operation="mul", style=style)[0]
    m = item.metadata
    parsed = tm_styles.parse(style, item.cot, m["window_starts"], m["blank"])
    assert [c.render() for c in parsed] == m["states"]


def test_lengths_cycle_for_length_generalisation_splits():
    items = list(create_dataset("arith", size=6, lengths=["short", "medium", "long"]))
    assert [i.metadata["length"] for i in items] == ["short", "medium", "long"] * 2


def test_multiplication_example_machine_multiplies():
    # The bundled three-tape multiplier on its own input, and on products checked by hand.
    path = EXAMPLES / "turing" / "binary_multiply_3tape.tm"
    loaded = load_text(read_text(path), path=path)
    cases = [(loaded.input[:2], "1000010"), (("0", "1"), "0"), (("1", "0"), "0"), (("111", "111"), "110001")]
    for (a, b), product in cases:
        trace = run(loaded.machine, [a, b, ""], max_steps=10_000)
        assert trace.outcome is Outcome.HALTED
        assert "".join(trace.final.config.tapes[2].cells).strip("_") == product


@pytest.mark.parametrize(("knobs", "message"), [
    ({"operation": "div"}, "operation='div' must be one of"),
    ({"lengths": ["tiny"]}, "'tiny' is not one of short, medium, long"),
    ({"short": [3, 1]}, "short[1]=1 must be at least short[0]=3"),
    ({"long": [0, 4]}, "long[0]=0 must be at least 1"),
    ({"medium": [4]}, "medium=[4] must be [min_digits, max_digits]"),
])
def test_bad_knob(knobs, message):
    with pytest.raises(ConfigError) as info:
        create_dataset("arith", **knobs)
    assert message in str(info.value)
