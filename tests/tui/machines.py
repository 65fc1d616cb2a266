"""Small machines built in code for the tui tests (known answers from the busy-beaver literature)."""

from machines.turing.machine import Move, Rule, TuringMachine

BB2 = TuringMachine.from_rules(
    [("A", "0", "1", "R", "B"), ("A", "1", "1", "L", "B"),
     ("B", "0", "1", "L", "A"), ("B", "1", "1", "R", "H")],
    start="A", blank="0", halt_states=["H"], name="bb2")
"""The 2-state busy beaver: halts after 6 steps with four 1s."""

BB3 = TuringMachine.from_rules(
    [("A", "0", "1", "R", "B"), ("A", "1", "1", "R", "H"), ("B", "0", "0", "R", "C"),
     ("B", "1", "1", "R", "B"), ("C", "0", "1", "L", "C"), ("C", "1", "1", "L", "A")],
    start="A", blank="0", halt_states=["H"], name="bb3")
"""The 3-state busy beaver (bbchallenge 1RB1RZ_0RC1RB_1LC1LA): halts after 14 steps with six 1s."""

SWEEPER = TuringMachine.from_rules(
    [("A", "0", "0", "R", "B"), ("B", "0", "0", "L", "A")], start="A", blank="0", name="sweeper")
"""Moves right and left forever: configuration 0 comes back at step 2."""

COUNTER = TuringMachine.from_rules(
    [("A", "0", "1", "R", "A")], start="A", blank="0", name="counter")
"""Writes 1s to the right forever without repeating a configuration."""

MARKED = TuringMachine(
    ("A", "B", "H"), ("0", "1"), "0", "A", frozenset({"H"}),
    (Rule("A", ("0",), ("1",), (Move.R,), "B"), Rule("B", ("0",), ("1",), (Move.R,), "A", breakpoint=True),
     Rule("A", ("1",), ("1",), (Move.S,), "H")), name="marked")
"""Writes 1s forever; its rule from B carries Morphett's `!` breakpoint."""

COPY2 = TuringMachine(
    ("A", "H"), ("_", "a", "b"), "_", "A", frozenset({"H"}),
    tuple(Rule("A", (s, "_"), (s, s), (Move.R, Move.R), "A") for s in "ab")
    + (Rule("A", ("_", "_"), ("_", "_"), (Move.L, Move.L), "H"),), tapes=2, name="copy2")
"""A two-tape machine that copies tape 1 onto tape 2."""
