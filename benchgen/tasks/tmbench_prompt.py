"""Provides TMBench's one-shot prompt, character for character as its `src/prompt.py` renders it."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

_INTRO = (
    "Simulate a m-tag system. Your task is to simulate each transition step-by-step and provide the "
    "queue's state at each step. Follow the rules and examples closely, and stop upon reaching the halt "
    "condition or {steps} steps. Do not generate additional examples or new problems. No code.\n\n")

_RULES_AND_EXAMPLE = """## Rules for Simulation:
1. In each transition, the machine performs the following steps:
   - If the queue length is less than m, halt
   - Read the head symbol of queue
   - Append symbols to the tail based on the head symbol and the corresponding transition rule
   - Delete m symbols from the head of the queue

2. The machine halt if:
   - The queue's length is less than m.

## Example:
m: 2
Alphabet: {A, B, C}
Init: [B C A]
Transition rules:
A : C A C
B : A
C : B
Simulation steps:
### step 0:
   - Action: Init
   - Queue State: [B C A]

### step 1:
   - Head Symbol: B
   - Action: Append A to the end of the queue. Remove B C from the head.
   - Queue State: [A A]

### step 2:
   - Head Symbol: A
   - Action: Append C A C to the end of the queue. Remove A A from the head.
   - Queue State: [C A C]

### step 3:
   - Head Symbol: C
   - Action: Append B to the end of the queue. Remove C A from the head.
   - Queue State: [C B]

### step 4:
   - Head Symbol: C
   - Action: Append B to the end of the queue. Remove C B from the head.
   - Queue State: [B] <halt>

---

## The Only Problem to Solve:
"""


def tmbench_prompt(m: int, rule: Mapping[str, str], init: Sequence[str], steps: int) -> str:
    """The prompt for one instance: alphabet as the sorted rule keys, rules in their own order."""
    rules = "".join(f"{symbol} : {' '.join(production)}\n" for symbol, production in rule.items())
    return (_preamble(steps) + f"m: {m}\nAlphabet: {{{', '.join(sorted(rule))}}}\nInit: [{' '.join(init)}]\n"
            + f"Transition Rules:\n{rules}Simulation steps:\n")


@functools.cache
def _preamble(steps: int) -> str:
    """The instructions and the worked example, the same for every instance of a dataset."""
    return _INTRO.format(steps=steps) + _RULES_AND_EXAMPLE
