"""Every Turing-machine CoT style: parse inverts render on random machines, and known renderings."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchgen.cot import tm_styles
from benchgen.cot.tm_run import TMRun
from benchgen.errors import CotParseError
from benchgen.tasks.tm_prompt import example_run
from machines.core import run
from tests.common.strategies import turing_machines

STYLES = sorted(tm_styles.STYLES)


def _run(machine, contents, steps):
    input = contents[0] if machine.tapes == 1 else contents
    return TMRun.from_trace(machine, run(machine, input, max_steps=steps))


def _parse(style, text, tm_run):
    return tm_styles.parse(style, text, [lo for lo, _ in tm_run.windows()], tm_run.machine.blank)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("tapes", [1, 2])
@settings(max_examples=25)
@given(data=st.data())
def test_parse_inverts_render(style, tapes, data):
    machine = data.draw(turing_machines(tapes=tapes))
    contents = [data.draw(st.text(alphabet="".join(machine.alphabet), max_size=5)) for _ in range(tapes)]
    tm_run = _run(machine, contents, data.draw(st.integers(1, 30)))
    assert _parse(style, tm_styles.render(style, tm_run), tm_run) == tm_run.configs


# The example run of the prompts (A _ -> 1 R B, B _ -> _ L A, A 1 -> 1 S H) in every style.
EXAMPLE = {
    "tm_blocks": """### step 0:
   - Action: Init
   - Configuration: A | 0: [_]

### step 1:
   - State: A
   - Read: _
   - Action: Write 1, move R, go to B.
   - Configuration: B | 0: 1 [_]

### step 2:
   - State: B
   - Read: _
   - Action: Write _, move L, go to A.
   - Configuration: A | 0: [1]

### step 3:
   - State: A
   - Read: 1
   - Action: Write 1, move S, go to H.
   - Configuration: H | 0: [1] <halt>""",
    "turing_program": "$ [A]_ _\n$ 1 [B]_\n$ [A]1 _\n$ [H]1 _",
    "tail_minimal": """init: A | 0: [_]
step 1: q=A h=0
fetch: c[0]=_ @0; A _ -> 1 R B
set: c[0]=1 h=1 q=B
step 2: q=B h=1
fetch: c[1]=_ @0; B _ -> _ L A
set: c[1]=_ h=0 q=A
step 3: q=A h=0
fetch: c[0]=1 @1; A 1 -> 1 S H
set: c[0]=1 h=0 q=H
halt: q=H c[0]=1""",
    "tail_styled": """Initial configuration: A | 0: [_]

Step 1. The machine is in state A with the head on cell 0. Memory fetch: cell 0 holds _ (on the initial \
tape), and the rule for state A reading _ says: write 1, move right, go to state B. So cell 0 becomes 1, \
the head moves to cell 1; and the machine is now in state B.

Step 2. The machine is in state B with the head on cell 1. Memory fetch: cell 1 holds _ (on the initial \
tape), and the rule for state B reading _ says: write _, move left, go to state A. So cell 1 becomes _, \
the head moves to cell 0; and the machine is now in state A.

Step 3. The machine is in state A with the head on cell 0. Memory fetch: cell 0 holds 1 (written at step \
1), and the rule for state A reading 1 says: write 1, stay, go to state H. So cell 0 becomes 1, the head \
stays on cell 0; and the machine is now in state H.

Step 4. The machine is in state H, and cell 0 holds 1. No rule applies, so the machine halts.""",
    "caef": """TM, A, [HEAD]|_|_
CMD: [WRITE] 1, [HEAD] RIGHT, B
TM, B, |1[HEAD]|_
CMD: [WRITE] _, [HEAD] LEFT, A
TM, A, [HEAD]|1|_
CMD: [WRITE] 1, [HEAD] STAY, H
TM, H, [HEAD]|1|_
No command to execute. Halt state.""",
    "changes": "0: A | 0: [_]\n1: c[0]=1 h=1 q=B\n2: h=0 q=A\n3: q=H\nhalt",
}


@pytest.mark.parametrize("style", STYLES)
def test_known_rendering_of_the_example(style):
    assert tm_styles.render(style, example_run(1)) == EXAMPLE[style]


def test_two_tape_names_each_tape():
    tm_run = example_run(2)
    assert tm_styles.render("caef", tm_run).splitlines()[1] == \
        "CMD: [WRITE1] 1, [HEAD1] RIGHT, [WRITE2] 1, [HEAD2] RIGHT, B"
    assert tm_styles.render("tail_minimal", tm_run).splitlines()[3] == "set: c0[0]=1 c1[0]=1 h=1,1 q=B"
    assert tm_styles.render("changes", tm_run).splitlines()[1] == "1: c0[0]=1 h0=1 c1[0]=1 h1=1 q=B"


@pytest.mark.parametrize(("style", "text", "message"), [
    ("tm_blocks", "no blocks here", "no '### step N:' block"),
    ("tm_blocks", "### step 1:\n   - Configuration: A | 0: [_]", "step 1 found where step 0"),
    ("tm_blocks", "### step 0:\n   - Action: Init", "step 0 has no Configuration line"),
    ("turing_program", "1 0 1", "no tape line"),
    ("turing_program", "$ 1 0 1", "exactly one '[STATE]symbol' cell"),
    ("tail_minimal", "step 1: q=A", "no 'init:' line"),
    ("tail_minimal", "init: A | 0: [_]\nset: c[5]=1 h=1 q=B", "is not the cell under the head"),
    ("tail_styled", "Step 1.", "no 'Initial configuration:' line"),
    ("caef", "TM, A, |1|0", "needs exactly one [HEAD]"),
    ("changes", "1: h=1", "no '0: CONFIGURATION' line"),
    ("changes", "0: A | 0: [_]\n1: x=3", "cannot read 'x=3'"),
])
def test_malformed_text_is_a_cot_parse_error(style, text, message):
    with pytest.raises(CotParseError) as info:
        tm_styles.parse(style, text, [0], "_")
    assert message in str(info.value)
