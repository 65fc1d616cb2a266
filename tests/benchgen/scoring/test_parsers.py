"""Answer parsers: every style reads the gold chain of thought back; TMBench official vs robust."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen.parsers import (
    _BRACKETS,
    STYLES,
    _last_brackets,
    gold_states,
    official_tmbench,
    parse_answer,
    robust_tmbench,
)
from benchgen.registry import create_dataset

STYLE_CASES = [
    ("tmbench", {}), ("tag", {}), ("tag", {"style": "tmbench_blocks"}), ("lag", {}), ("fsm", {}),
    ("rasp", {}), ("life", {}), ("life", {"prompt": "text", "width": 6, "height": 6, "steps": 3}),
    ("arith", {}),
    *[("turing", {"style": s}) for s in ("tm_blocks", "turing_program", "tail_minimal", "tail_styled",
                                         "caef", "changes")],
]


@pytest.mark.parametrize(("task", "knobs"), STYLE_CASES)
def test_every_style_reads_its_gold_chain_of_thought(task, knobs):
    for item in create_dataset(task, size=4, seed=2, **knobs):
        assert item.metadata["style"] in STYLES
        parsed = parse_answer(item.cot, item)
        assert parsed.states == gold_states(item)
        assert parsed.final == item.answer


CUT_CASES = [("turing", {"style": "caef"}), ("turing", {"style": "tail_styled"}), ("fsm", {}), ("rasp", {}),
             ("tag", {})]


@pytest.mark.parametrize(("task", "knobs"), CUT_CASES)
def test_a_cut_answer_keeps_the_steps_before_the_cut(task, knobs):
    item = create_dataset(task, size=1, seed=5, **knobs)[0]
    lines = item.cot.splitlines()
    parsed = parse_answer("\n".join(lines[: len(lines) // 2]), item)
    shown = [s for s in parsed.states if s is not None]
    assert shown == list(gold_states(item)[: len(shown)])
    assert len(shown) < len(gold_states(item))


BLOCK = "### step {n}:\n   - Head Symbol: A\n   - Action: ...\n   - Queue State: [{q}]\n"

# (answer, official states, robust states): the published parser's quirks, and the robust reading
TMBENCH_CASES = [
    # plain blocks: both agree
    (BLOCK.format(n=0, q="A B") + BLOCK.format(n=1, q="C"), ["AB", "C"], ["AB", "C"]),
    # Chinese headers: English-only anchors read nothing (TMBench's sample 59)
    ("### 步骤 0:\n   - 队列状态: [A B]\n### 步骤 1:\n   - 队列状态: [C]", [], ["AB", "C"]),
    # the previous queue restated first: official takes the first Queue State (sample 73)
    ("### step 0:\n - Queue State: [A B]\n### step 1:\n - Queue State: [A B]\n - Head Symbol: A\n"
     " - Queue State: [C]", ["AB", "AB"], ["AB", "C"]),
    # a block without its Queue State line borrows the next block's state under DOTALL
    ("### step 0:\n - Queue State: [A B]\n### step 1:\n - Head Symbol: A\n### step 2:\n - Queue State: [D]",
     ["AB", "D"], ["AB", None, "D"]),
    # a step number written twice: both keep the last
    (BLOCK.format(n=0, q="A") + BLOCK.format(n=0, q="B"), ["B"], ["B"]),
    # lowercase symbols match the class under (?i) and are kept as written
    (BLOCK.format(n=0, q="a b"), ["ab"], ["ab"]),
    # commas between symbols are dropped by both
    (BLOCK.format(n=0, q="A, B, C"), ["ABC"], ["ABC"]),
    # symbols outside the published class (F) end the official match; robust reads them
    (BLOCK.format(n=0, q="A F"), [], ["AF"]),
    # a stray unclosed bracket after the state
    ("### step 0:\n - Queue State: [A B]\n - note [unclosed", ["AB"], ["AB"]),
    # bold markdown headers in another case
    ("**Step 0:**\nQueue State: [A]\n**STEP 1:**\nQueue State: [B] <halt>", ["A", "B"], ["A", "B"]),
]


@pytest.mark.parametrize(("answer", "official", "robust"), TMBENCH_CASES)
def test_tmbench_official_and_robust_parsers(answer, official, robust):
    assert official_tmbench(answer)[0] == official
    assert robust_tmbench(answer)[0] == robust


def test_robust_reads_the_halt_mark_of_the_last_block():
    assert robust_tmbench(BLOCK.format(n=0, q="A B") + "### step 1:\n - Queue State: [B] <halt>")[1] is True
    assert robust_tmbench(BLOCK.format(n=0, q="A B"))[1] is False


@pytest.mark.parametrize(("task", "knobs"), [("tmbench", {}), ("turing", {"style": "tm_blocks"})])
def test_an_answer_without_step_headers_reads_no_state(task, knobs):
    item = create_dataset(task, size=1, seed=3, **knobs)[0]
    assert parse_answer("no step headers here", item).states == ()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#step0123: []ABC-\n<halt>步骤,")), max_size=300))
def test_parsers_read_any_text_without_raising(text):
    item = create_dataset("tmbench", size=1, seed=1)[0]
    for mode in ("official", "robust"):
        parsed = parse_answer(text, item, mode)
        assert all(s is None or isinstance(s, str) for s in parsed.states)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "\n", " ", "A", "B C", "<halt>", ","]), max_size=30).map("".join))
def test_last_brackets_fast_path_agrees_with_the_bracket_pattern(block):
    found = _BRACKETS.findall(block)
    assert _last_brackets(block) == (found[-1] if found else (None, None))
