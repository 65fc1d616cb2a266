"""One small machine per family for the tui tests, each with a state to break at and a second input."""

from dataclasses import dataclass
from typing import Any

from machines.fsm import make_divisibility, regex_to_nfa
from machines.fsm.transducer import Mealy
from machines.life.eca import Boundary, ElementaryCA
from machines.life.machine import LifeMachine
from machines.life.pattern import Pattern
from machines.tag.lag import LagSystem
from machines.tag.tag import TagSystem
from tests.tui.machines import BB3, COPY2
from tui.rasp_run import compile_rasp

GLIDER = Pattern.from_rows([".O.", "..O", "OOO"])
BLINKER = Pattern.from_rows(["OOO"])
XOR_SCAN = Mealy(("e", "o"), ("0", "1"), ("0", "1"),
                 {("e", "0"): ("e", "0"), ("e", "1"): ("o", "1"),
                  ("o", "0"): ("o", "1"), ("o", "1"): ("e", "0")}, "e", "xor-scan")
"""Writes the parity of the 1s read so far."""
FRAC_PREVS, _ = compile_rasp(
    'prevs = select(indices, indices, <=);\nfrac_prevs = aggregate(prevs, indicator(tokens == "l"));\n')
"""tracr's frac_prevs: for each position, the fraction of the tokens so far that are "l"."""


@dataclass(frozen=True)
class Case:
    """A machine and input; `state` is hit first at step `state_step`; `edited` is typed as a new input."""

    id: str
    machine: Any
    input: Any
    state: str | None
    state_step: int | None
    edited: str
    edited_input: Any
    max_steps: int = 200


CASES = [
    Case("turing", BB3, "", "C", 2, "11", "11"),
    Case("turing-2tape", COPY2, "ab", "H", 3, "bba", ("bba",)),
    Case("tag", TagSystem(2, {"a": "bc", "b": "a", "c": "aaa"}, name="collatz"), "aaa", "c", 2,
         "aaaaa", "aaaaa"),
    Case("lag", LagSystem(2, {("a", "b"): ("b",), ("b", "a"): ("a", "b"), ("b", "b"): ("a",)}, name="lag"),
         "abb", "a", 4, "bab", "bab"),
    Case("dfa", make_divisibility(3), "1011", "r2", 2, "1001", "1001"),
    Case("nfa", regex_to_nfa("(ab|a)*b"), "aabab", "s13", 3, "ab", "ab"),
    Case("mealy", XOR_SCAN, "0110", "o", 2, "11", "11"),
    Case("rasp", FRAC_PREVS, "hello", "frac_prevs", 5, "ll", "ll"),
    Case("life", LifeMachine(pattern=GLIDER, name="glider"), None, None, None, "OOO", BLINKER),
    Case("eca", ElementaryCA(30, Boundary.RING, 31, name="rule30"), None, None, None,
         "0" * 15 + "11" + "0" * 14, "0" * 15 + "11" + "0" * 14),
]
