"""Queue CoT styles (TMBench step blocks, rule steps): parse inverts render on random tag-system runs."""

from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen.cot import rule_steps, tmbench_blocks
from machines.core import Outcome, run
from machines.tag.tag import TagSystem

SYMBOLS = "abcd"


@settings(max_examples=40)
@given(m=st.integers(1, 3), words=st.lists(st.text(SYMBOLS, max_size=4), min_size=4, max_size=4),
       init=st.text(SYMBOLS, min_size=1, max_size=8), steps=st.integers(1, 25))
def test_parse_inverts_render(m, words, init, steps):
    system = TagSystem(m, dict(zip(SYMBOLS, words, strict=True)))
    trace = run(system, init, max_steps=steps)
    queues = tuple(c.queue for c in trace.configs)
    halted = trace.outcome is Outcome.HALTED
    text = tmbench_blocks.render(tmbench_blocks.QueueTrace(queues, m, system.productions, halted))
    assert tmbench_blocks.parse(text) == (queues, halted)


@settings(max_examples=40)
@given(m=st.integers(1, 3), words=st.lists(st.text(SYMBOLS, max_size=4), min_size=4, max_size=4),
       init=st.text(SYMBOLS, min_size=1, max_size=8), steps=st.integers(1, 25))
def test_queues_as_strings_render_as_queues_as_tuples(m, words, init, steps):
    system = TagSystem(m, dict(zip(SYMBOLS, words, strict=True)))
    trace = run(system, init, max_steps=steps)
    halted = trace.outcome is Outcome.HALTED
    as_tuples = tmbench_blocks.QueueTrace(tuple(c.queue for c in trace.configs), m, system.productions,
                                          halted)
    as_strings = tmbench_blocks.QueueTrace(tuple(c.render() for c in trace.configs), m,
                                           dict(zip(SYMBOLS, words, strict=True)), halted)
    assert tmbench_blocks.render(as_strings) == tmbench_blocks.render(as_tuples)


@settings(max_examples=40)
@given(m=st.integers(1, 3), words=st.lists(st.text(SYMBOLS, max_size=4), min_size=4, max_size=4),
       init=st.text(SYMBOLS, min_size=1, max_size=8), steps=st.integers(1, 25))
def test_rule_steps_parse_inverts_render(m, words, init, steps):
    system = TagSystem(m, dict(zip(SYMBOLS, words, strict=True)))
    trace = run(system, init, max_steps=steps)
    rules = tuple(((s.event.symbol,), s.event.word) for s in trace.snapshots[1:])
    queues = tuple(c.queue for c in trace.configs)
    halted = trace.outcome is Outcome.HALTED
    text = rule_steps.render(rule_steps.RuleTrace(queues, rules, halted))
    assert rule_steps.parse(text + "\nFinal answer: x") == (queues, halted)
