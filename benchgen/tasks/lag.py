"""Provides the `lag` task: emulate a lag system (Wang; Schuurmans 2024) — a random one or a `.lag`
file — on a random input; each step of the chain of thought applies the rule of the window read."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot import rule_steps
from benchgen.errors import BenchgenError
from benchgen.item import Item
from benchgen.registry import Task, item_rng, register_task
from benchgen.tasks.queue_task import (
    ANSWER_PREFIX,
    load_system,
    queue_item,
    queue_run,
    random_input,
    rules_text,
)
from machines.tag.lag import LagSystem

SYMBOLS = "abcdefghij"


@dataclass(frozen=True)
class LagConfig(TaskConfig):
    """Knobs of lag-system emulation."""

    task = "lag"
    machine: str | None = None
    """A `.lag` file; None draws a random system per item."""
    width: int = 2
    alphabet_size: int = 2
    word_min_length: int = 0
    word_max_length: int = 2
    input_alphabet: tuple[str, ...] | None = None
    """Input symbols (default: the system's alphabet)."""
    input_min_length: int = 2
    input_max_length: int = 8
    max_steps: int = 30
    halting: Literal["any", "halting", "non_halting"] = "any"
    max_attempts: int = 10_000

    def problems(self) -> Iterator[str]:
        if not 1 <= self.width <= 4:
            yield f"width={self.width!r} must be between 1 and 4"
        if not 1 <= self.alphabet_size <= len(SYMBOLS):
            yield f"alphabet_size={self.alphabet_size!r} must be between 1 and {len(SYMBOLS)}"
        yield from check_range("word_min_length", self.word_min_length, "word_max_length",
                               self.word_max_length, 0)
        yield from check_range("input_min_length", self.input_min_length, "input_max_length",
                               self.input_max_length, 0)
        if self.input_alphabet is not None and not self.input_alphabet:
            yield "input_alphabet=[] must not be empty"
        if not 1 <= self.max_steps <= 1_000_000:
            yield f"max_steps={self.max_steps!r} must be between 1 and 1000000"
        if self.max_attempts < 1:
            yield f"max_attempts={self.max_attempts!r} must be at least 1"


@functools.cache
def example() -> tuple[str, rule_steps.RuleTrace]:
    """A width-2 lag system from [a b], to show the format."""
    system = LagSystem(2, {"ab": "b", "ba": "ab", "bb": ""})
    trace, _ = queue_run(system, "ab", 10)
    return rules_text(system), trace


def lag_prompt(system: LagSystem, input: tuple[str, ...], max_steps: int) -> str:
    rules, trace = example()
    halts = f", or its first symbol is a halt symbol ({' '.join(sorted(system.halt_symbols))})" \
        if system.halt_symbols else ""
    return (
        f"Simulate this lag system of width {system.width} step by step, for at most {max_steps} steps or "
        f"until it halts. Each step reads the first {system.width} symbols of the queue, appends the word "
        f"of the rule for that window to the end, and deletes the first symbol. It halts when the queue "
        f"has fewer than {system.width} symbols, or no rule matches its first {system.width}{halts}.\n\n"
        f"Rules (WINDOW -> WORD, ε is the empty word):\n{rules_text(system)}\n\n"
        f"Initial queue: [{' '.join(input)}]\n\n"
        f"Write the simulation in exactly this format, shown for this example system from [a b]:\n"
        f"{rules}\n\n{rule_steps.render(trace)}\n{ANSWER_PREFIX}[{' '.join(trace.queues[-1])}]\n\n"
        f"End with a line '{ANSWER_PREFIX}' followed by the last queue in brackets.\n")


def random_system(config: LagConfig, rng) -> LagSystem:
    symbols = SYMBOLS[: config.alphabet_size]
    return LagSystem(config.width, {
        window: tuple(rng.choices(symbols, k=rng.randint(config.word_min_length, config.word_max_length)))
        for window in itertools.product(symbols, repeat=config.width)})


def make_item(config: LagConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("lag", seed, index)
    for _ in range(config.max_attempts):
        system = load_system(config.machine, LagSystem) if config.machine else random_system(config, rng)
        alphabet = config.input_alphabet or system.alphabet
        input = random_input(rng, alphabet, config.input_min_length, config.input_max_length)
        trace, _ = queue_run(system, input, config.max_steps)
        if config.halting != "any" and trace.halted != (config.halting == "halting"):
            continue
        return queue_item("lag", system, trace, "rule_steps", lag_prompt(system, input, config.max_steps), {
            "task": "lag", "index": index, "seed": seed, "width": system.width,
            "difficulty": {**knobs, "steps": len(trace.rules), "input_length": len(input)}}, m=system.width)
    raise BenchgenError(f"no acceptable lag item in max_attempts={config.max_attempts} draws "
                        f"(halting={config.halting!r}); relax the knobs")


def build(config: LagConfig, seed: int) -> Callable[[int], Item]:
    if config.machine:
        load_system(config.machine, LagSystem)
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("lag", LagConfig, build,
                   "lag-system emulation (random systems or a .lag file), one rule application per step",
                   answer_regex=r"Final answer: (\[.*\])"))
