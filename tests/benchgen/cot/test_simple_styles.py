"""State traces (automata) and generations (cellular automata): parse inverts render; bad text errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen.cot import generations, state_trace
from benchgen.errors import CotParseError

NAMES = st.text("qrs0123", min_size=1, max_size=4)


@settings(max_examples=50)
@given(data=st.data(), verdict=st.sampled_from([None, True, False]))
def test_state_trace_round_trip(data, verdict):
    word = data.draw(st.lists(st.text("ab01", min_size=1, max_size=3), max_size=8))
    states = data.draw(st.lists(NAMES, min_size=len(word) + 1, max_size=len(word) + 1))
    assert state_trace.parse(state_trace.render(states, word, verdict)) == tuple(states)


@settings(max_examples=50)
@given(states=st.lists(st.text("01", max_size=12), min_size=1, max_size=6), first=st.integers(1, 3))
def test_generations_round_trip(states, first):
    assert generations.parse(generations.render(states, first), first) == tuple(states)


@pytest.mark.parametrize(("parse", "text", "message"), [
    (state_trace.parse, "1: q0 -a-> q1", "no 'start: STATE' line"),
    (state_trace.parse, "start: q0\n1: q1 -a-> q2", "leaves q1, but the automaton is in q0"),
    (state_trace.parse, "start: q0\n2: q0 -a-> q2", "step 2 found where step 1"),
    (generations.parse, "State 3: 0101", "State 3 found where State 2"),
    (generations.parse, "nothing", "no 'State 2: CELLS' line"),
])
def test_bad_text(parse, text, message):
    with pytest.raises(CotParseError) as info:
        parse(text)
    assert message in str(info.value)
