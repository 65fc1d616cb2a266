"""Provides the prompt of Turing-machine emulation items: the machine, its initial configuration, and
the chain-of-thought format shown on a small example run in the requested style."""

from __future__ import annotations

import functools

from benchgen.cot import tm_styles
from benchgen.cot.tm_run import TMRun, final_answer
from machines.core import run
from machines.turing.machine import Move, Rule, TMConfig, TuringMachine

ANSWER_PREFIX = "Final answer: "


@functools.cache
def example_run(tapes: int) -> TMRun:
    """A three-step halting run of a small machine with `tapes` tapes, to show a style's format."""
    def rule(state, read, write, move, next_state):
        return Rule(state, (read,) * tapes, (write,) * tapes, (move,) * tapes, next_state)

    machine = TuringMachine(("A", "B", "H"), ("_", "1"), "_", "A", frozenset({"H"}), (
        rule("A", "_", "1", Move.R, "B"), rule("B", "_", "_", Move.L, "A"), rule("A", "1", "1", Move.S, "H")),
        tapes=tapes, name="example")
    return TMRun.from_trace(machine, run(machine, "" if tapes == 1 else [""] * tapes, max_steps=10))


@functools.cache
def example_text(style: str, tapes: int) -> str:
    """The example machine's rules and its run in `style` (the same for every prompt)."""
    example = example_run(tapes)
    return f"{machine_text(example.machine)}\n\n{tm_styles.render(style, example)}"


def machine_text(machine: TuringMachine) -> str:
    """The rules, one per line, and the halt states."""
    halts = " ".join(s for s in machine.states if s in machine.halt_states) or "(none)"
    return "\n".join([*(str(r) for r in machine.rules), f"halt states: {halts}"])


LAST_CONFIGURATION = "the last configuration, and ' (halted)' if the machine halted"


def tm_prompt(machine: TuringMachine, initial: TMConfig, max_steps: int, style: str, *, purpose: str = "",
              answer: str = LAST_CONFIGURATION, example_answer: str | None = None) -> str:
    """The emulation prompt for `machine` from `initial` with the CoT format of `style`.

    `purpose` opens the prompt (what the machine computes); `answer` says what follows the final
    answer prefix, and `example_answer` is the example run's (default: its last configuration).
    """
    tapes = "1 tape" if machine.tapes == 1 else f"{machine.tapes} tapes"
    return (
        f"{purpose}"
        f"Simulate the Turing machine below step by step from its initial configuration, for at most "
        f"{max_steps} steps or until it halts. It halts in a halt state, or when no rule applies to its "
        f"state and the symbols under its heads.\n\n"
        f"Machine ({tapes}, blank symbol {machine.blank}; a rule reads STATE SYMBOLS -> WRITE MOVES NEXT, "
        f"with moves L, R or S, one symbol and move per tape):\n{machine_text(machine)}\n\n"
        f"Initial configuration: {initial.render()}\n"
        f"(A configuration is written STATE | START: CELLS for each tape, where START is the position of "
        f"the first cell shown and the head's cell is in brackets.)\n\n"
        f"Write the simulation in exactly this format, shown for this example machine:\n"
        f"{example_text(style, machine.tapes)}\n"
        f"{ANSWER_PREFIX}{example_answer or final_answer(example_run(machine.tapes))}\n\n"
        f"End with a line '{ANSWER_PREFIX}' followed by {answer}.\n")
