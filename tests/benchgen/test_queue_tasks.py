"""The `tag` and `lag` tasks: rule-application chains of thought parse to the gold queues, files, knobs."""

import pytest

from benchgen import create_dataset
from benchgen.cot import rule_steps, tmbench_blocks
from benchgen.errors import ConfigError
from machines.tag.tag import parse_word, render_word
from tests.common.paths import EXAMPLES


def _states(item):
    if item.metadata["style"] == "tmbench_blocks":
        queues, halted = tmbench_blocks.parse(item.cot)
    else:
        queues, halted = rule_steps.parse(item.cot)
    assert halted is item.metadata["halted"]
    return [render_word(q) for q in queues]


@pytest.mark.parametrize(("task", "knobs"), [
    ("tag", {}), ("tag", {"style": "tmbench_blocks"}), ("tag", {"m": 3, "alphabet_size": 5}),
    ("lag", {}), ("lag", {"width": 3, "alphabet_size": 3}),
    ("lag", {"machine": str(EXAMPLES / "tag" / "bb2.lag"), "input_min_length": 0, "input_max_length": 0,
             "input_alphabet": ["⊢"]}),
])
def test_cot_parses_to_the_gold_states(task, knobs):
    for item in create_dataset(task, size=6, seed=3, **knobs):
        assert _states(item) == item.metadata["states"]
        assert item.cot.endswith(f"Final answer: {item.answer}")
        assert item.metadata["difficulty"]["steps"] == item.metadata["steps"]


def test_collatz_tag_file_passes_through_the_collatz_sequence():
    # De Mol's system: from a^n it passes through a^T(n), a^T(T(n)), ... (T(n) = n/2 or (3n+1)/2).
    path = str(EXAMPLES / "tag" / "collatz.tag")
    for item in create_dataset("tag", size=5, seed=1, machine=path, input_alphabet=["a"], max_steps=400,
                               input_min_length=2, input_max_length=9):
        n = len(item.metadata["input"])
        unary = [len(s) for s in item.metadata["states"] if set(parse_word(s)) == {"a"}]
        expected = [n]
        while expected[-1] > 1 and len(expected) < len(unary):
            k = expected[-1]
            expected.append(k // 2 if k % 2 == 0 else (3 * k + 1) // 2)
        assert unary == expected[: len(unary)]


@pytest.mark.parametrize(("task", "halting"), [("tag", "halting"), ("tag", "non_halting"),
                                               ("lag", "halting"), ("lag", "non_halting")])
def test_halting_knob(task, halting):
    items = create_dataset(task, size=5, seed=2, halting=halting)
    assert all(i.metadata["halted"] == (halting == "halting") for i in items)


@pytest.mark.parametrize(("task", "knobs", "message"), [
    ("tag", {"m": 0}, "m=0 must be at least 1"),
    ("tag", {"alphabet_size": 0}, "alphabet_size=0"),
    ("tag", {"style": "prose"}, "style='prose' must be one of"),
    ("lag", {"width": 9}, "width=9 must be between 1 and 4"),
    ("lag", {"word_min_length": 3, "word_max_length": 1}, "word_max_length=1 must be at least"),
    ("tag", {"machine": str(EXAMPLES / "tag" / "bb2.lag")}, "holds a LagSystem, not a TagSystem"),
])
def test_bad_knob(task, knobs, message):
    with pytest.raises(ConfigError) as info:
        create_dataset(task, size=1, **knobs)
    assert message in str(info.value)
