"""Provides the `tag` task: emulate an m-tag system (a random one, or a `.tag` file) on a random
input, the chain of thought applying one rule per step (or in TMBench's step blocks)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot import rule_steps, tmbench_blocks
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
from machines.tag.tag import TagSystem

SYMBOLS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class TagConfig(TaskConfig):
    """Knobs of tag-system emulation."""

    task = "tag"
    machine: str | None = None
    """A `.tag` file; None draws a random system per item."""
    m: int = 2
    alphabet_size: int = 3
    rule_min_length: int = 1
    rule_max_length: int = 4
    input_alphabet: tuple[str, ...] | None = None
    """Input symbols (default: the system's symbols that have a rule)."""
    input_min_length: int = 2
    input_max_length: int = 8
    max_steps: int = 30
    halting: Literal["any", "halting", "non_halting"] = "any"
    style: Literal["rule_steps", "tmbench_blocks"] = "rule_steps"
    max_attempts: int = 10_000

    def problems(self) -> Iterator[str]:
        if self.m < 1:
            yield f"m={self.m!r} must be at least 1"
        if not 1 <= self.alphabet_size <= len(SYMBOLS):
            yield f"alphabet_size={self.alphabet_size!r} must be between 1 and 26"
        yield from check_range("rule_min_length", self.rule_min_length, "rule_max_length",
                               self.rule_max_length, 0)
        yield from check_range("input_min_length", self.input_min_length, "input_max_length",
                               self.input_max_length, 0)
        if self.input_alphabet is not None and not self.input_alphabet:
            yield "input_alphabet=[] must not be empty"
        if not 1 <= self.max_steps <= 1_000_000:
            yield f"max_steps={self.max_steps!r} must be between 1 and 1000000"
        if self.max_attempts < 1:
            yield f"max_attempts={self.max_attempts!r} must be at least 1"


@functools.cache
def example() -> tuple[str, str]:
    """TMBench's worked example system (m = 2, from [B C A]) as rules and its run, to show the format."""
    system = TagSystem(2, {"A": "CAC", "B": "A", "C": "B"})
    trace, _ = queue_run(system, "BCA", 10)
    return rules_text(system), trace


def tag_prompt(system: TagSystem, input: tuple[str, ...], max_steps: int, style: str) -> str:
    rules, trace = example()
    shown = rule_steps.render(trace) if style == "rule_steps" else tmbench_blocks.render(
        tmbench_blocks.QueueTrace(trace.queues, 2, {"A": tuple("CAC"), "B": ("A",), "C": ("B",)}, True))
    halts = f", or its first symbol is a halt symbol ({' '.join(sorted(system.halt_symbols))})" \
        if system.halt_symbols else ""
    return (
        f"Simulate this {system.m}-tag system step by step, for at most {max_steps} steps or until it "
        f"halts. Each step reads the first symbol of the queue, appends the word of that symbol's rule "
        f"to the end, and deletes the first {system.m} symbols. It halts when the queue has fewer than "
        f"{system.m} symbols, or its first symbol has no rule{halts}.\n\n"
        f"Rules (SYMBOL -> WORD, ε is the empty word):\n{rules_text(system)}\n\n"
        f"Initial queue: [{' '.join(input)}]\n\n"
        f"Write the simulation in exactly this format, shown for this example 2-tag system from [B C A]:\n"
        f"{rules}\n\n{shown}\n{ANSWER_PREFIX}[B]\n\n"
        f"End with a line '{ANSWER_PREFIX}' followed by the last queue in brackets.\n")


def random_system(config: TagConfig, rng) -> TagSystem:
    symbols = SYMBOLS[: config.alphabet_size]
    return TagSystem(config.m, {s: tuple(rng.choices(symbols, k=rng.randint(config.rule_min_length,
                                                                            config.rule_max_length)))
                                for s in symbols})


def make_item(config: TagConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("tag", seed, index)
    for _ in range(config.max_attempts):
        system = load_system(config.machine, TagSystem) if config.machine else random_system(config, rng)
        alphabet = config.input_alphabet or tuple(system.productions)
        input = random_input(rng, alphabet, config.input_min_length, config.input_max_length)
        trace, _ = queue_run(system, input, config.max_steps)
        if config.halting != "any" and trace.halted != (config.halting == "halting"):
            continue
        question = tag_prompt(system, input, config.max_steps, config.style)
        return queue_item("tag", system, trace, config.style, question, {
            "task": "tag", "index": index, "seed": seed, "m": system.m,
            "difficulty": {**knobs, "steps": len(trace.rules), "input_length": len(input)}}, m=system.m)
    raise BenchgenError(f"no acceptable tag item in max_attempts={config.max_attempts} draws "
                        f"(halting={config.halting!r}); relax the knobs")


def build(config: TagConfig, seed: int) -> Callable[[int], Item]:
    if config.machine:
        load_system(config.machine, TagSystem)
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("tag", TagConfig, build,
                   "m-tag-system emulation (random systems or a .tag file), one rule application per step",
                   answer_regex=r"Final answer: (\[.*\])"))
