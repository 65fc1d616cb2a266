"""Provides the `arith` task: binary addition and multiplication carried out by real Turing machines
(`examples/turing/binary_add_2tape.tm` and `binary_multiply_3tape.tm`), with the machine's exact
trace as the chain of thought and short, medium and long operand lengths for length generalisation
(train on short, test on longer: `--split-by metadata:length`).

The answer is read off the machine's final tape, never computed in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot.tm_run import TMRun
from benchgen.errors import BenchgenError
from benchgen.item import Item
from benchgen.registry import Task, item_rng, register_task
from benchgen.tasks.tm_prompt import tm_prompt
from benchgen.tasks.turing import Style, emulation_item, load_machine
from machines.core import run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "turing"
MACHINES = {"add": "binary_add_2tape.tm", "mul": "binary_multiply_3tape.tm"}
RESULT_TAPE = {"add": 0, "mul": 2}
SYMBOL = {"add": "+", "mul": "*"}
LENGTHS = ("short", "medium", "long")


@dataclass(frozen=True)
class ArithConfig(TaskConfig):
    """Knobs of machine arithmetic."""

    task = "arith"
    operation: Literal["add", "mul"] = "add"
    lengths: tuple[str, ...] = ("short",)
    """Length classes, used in turn: item i has lengths[i % len(lengths)]. Repeat a class to weight it
    (TAIL's 8:1:1 mix is eight 'short', one 'medium', one 'long')."""
    short: tuple[int, ...] = (1, 4)
    """Digits of each operand in a short item (inclusive range)."""
    medium: tuple[int, ...] = (5, 8)
    long: tuple[int, ...] = (9, 16)
    style: Style = "tail_minimal"
    machine: str | None = None
    """The machine file (default: the bundled example for the operation)."""
    max_steps: int = 1_000_000

    def problems(self) -> Iterator[str]:
        if not self.lengths:
            yield "lengths=[] must name at least one of short, medium, long"
        for name in self.lengths:
            if name not in LENGTHS:
                yield f"lengths: {name!r} is not one of short, medium, long"
        for name in LENGTHS:
            bounds = getattr(self, name)
            if len(bounds) != 2:
                yield f"{name}={list(bounds)!r} must be [min_digits, max_digits]"
            else:
                yield from check_range(f"{name}[0]", bounds[0], f"{name}[1]", bounds[1], 1)
        if self.max_steps < 1:
            yield f"max_steps={self.max_steps!r} must be at least 1"

    @property
    def machine_path(self) -> str:
        return self.machine or str(EXAMPLES / MACHINES[self.operation])


def make_item(config: ArithConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("arith", seed, index)
    length = config.lengths[index % len(config.lengths)]
    lo, hi = getattr(config, length)
    operands = ["1" + "".join(rng.choices("01", k=rng.randint(lo, hi) - 1)) for _ in range(2)]
    machine = load_machine(config.machine_path)
    contents = [*operands, *[""] * (machine.tapes - 2)]
    trace = run(machine, contents, max_steps=config.max_steps)
    tm_run = TMRun.from_trace(machine, trace)
    if not tm_run.halted:
        raise BenchgenError(f"{config.machine_path} did not halt on {operands} within "
                            f"max_steps={config.max_steps}")
    result = "".join(tm_run.configs[-1].tapes[RESULT_TAPE[config.operation]].cells).strip(machine.blank)
    expression = f" {SYMBOL[config.operation]} ".join(operands)
    purpose = (f"Compute {expression} (binary numbers) by running a Turing machine that "
               f"{'adds' if config.operation == 'add' else 'multiplies'} the numbers on its first two tapes "
               f"and leaves the result on tape {RESULT_TAPE[config.operation]}.\n\n")
    question = tm_prompt(machine, tm_run.configs[0], config.max_steps, config.style, purpose=purpose,
                         answer=f"the result read off tape {RESULT_TAPE[config.operation]} (binary digits)",
                         example_answer="1")
    return emulation_item("arith", machine, tm_run, contents, config.style, config.max_steps, {
        "task": "arith", "index": index, "seed": seed, "operation": config.operation, "operands": operands,
        "length": length, "digits": [len(o) for o in operands],
        "difficulty": {**knobs, "length": length, "digits": max(map(len, operands)),
                       "steps": len(tm_run.rules)}},
        question=question, answer=result)


def build(config: ArithConfig, seed: int) -> Callable[[int], Item]:
    load_machine(config.machine_path)  # a missing or bad file fails now, before anything is written
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("arith", ArithConfig, build,
                   "binary addition and multiplication by real Turing machines, short/medium/long operands"))
