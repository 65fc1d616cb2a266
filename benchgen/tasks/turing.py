"""Provides the `turing` task: emulate a Turing machine (a random one of a given size, or a machine
file) on a random input, with the exact trace rendered in one of the CoT styles of `tm_styles`."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot import tm_styles
from benchgen.cot.tm_run import TMRun, final_answer
from benchgen.errors import BenchgenError, ConfigError
from benchgen.item import Item, content_id
from benchgen.registry import Task, item_rng, register_task
from benchgen.tasks.tm_prompt import ANSWER_PREFIX, machine_text, tm_prompt
from machines.core import run
from machines.errors import TuringboxError
from machines.files import read_text
from machines.formats import load_text
from machines.turing.machine import Move, Rule, TuringMachine

Style = Literal["tm_blocks", "turing_program", "tail_minimal", "tail_styled", "caef", "changes"]
STATE_NAMES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HALT = "Z"


@dataclass(frozen=True)
class TuringConfig(TaskConfig):
    """Knobs of Turing-machine emulation."""

    task = "turing"
    machine: str | None = None
    """A machine file (any format turingbox reads); None draws a random machine per item."""
    states: int = 3
    """States of a random machine (besides its halt state Z)."""
    symbols: int = 2
    """Symbols of a random machine: 0 (the blank), 1, ..."""
    halt_transitions: int = 1
    """Transitions of a random machine that go to the halt state."""
    input_alphabet: tuple[str, ...] | None = None
    """Input symbols (default: every symbol of a random machine, the non-blank ones of a file's)."""
    input_min_length: int = 0
    input_max_length: int = 6
    max_steps: int = 40
    min_steps: int = 1
    """Reject runs shorter than this."""
    halting: Literal["any", "halting", "non_halting"] = "any"
    style: Style = "tm_blocks"
    max_attempts: int = 10_000

    def problems(self) -> Iterator[str]:
        if not 1 <= self.states <= len(STATE_NAMES) - 1:
            yield f"states={self.states!r} must be between 1 and {len(STATE_NAMES) - 1}"
        if not 2 <= self.symbols <= 10:
            yield f"symbols={self.symbols!r} must be between 2 and 10"
        if not 0 <= self.halt_transitions <= self.states * self.symbols:
            yield f"halt_transitions={self.halt_transitions!r} must be between 0 and states * symbols"
        if self.input_alphabet is not None and not self.input_alphabet:
            yield "input_alphabet=[] must not be empty"
        yield from check_range("input_min_length", self.input_min_length, "input_max_length",
                               self.input_max_length, 0)
        if not 1 <= self.max_steps <= 100_000:
            yield f"max_steps={self.max_steps!r} must be between 1 and 100000"
        if not 0 <= self.min_steps <= self.max_steps:
            yield f"min_steps={self.min_steps!r} must be between 0 and max_steps"
        if self.max_attempts < 1:
            yield f"max_attempts={self.max_attempts!r} must be at least 1"


@functools.cache
def load_machine(path: str) -> TuringMachine:
    """The Turing machine in a file (loaded once per process)."""
    loaded = load_text(read_text(path), path=path)
    if not isinstance(loaded.machine, TuringMachine):
        raise ConfigError(f"machine={path!r} holds a {type(loaded.machine).__name__}, not a Turing machine")
    return loaded.machine


def random_machine(config: TuringConfig, rng: random.Random) -> TuringMachine:
    """A machine with `states` states over `symbols` symbols, `halt_transitions` of its rules halting."""
    states = tuple(STATE_NAMES[: config.states])
    symbols = tuple(str(i) for i in range(config.symbols))
    keys = [(s, a) for s in states for a in symbols]
    halting = set(rng.sample(range(len(keys)), config.halt_transitions))
    rules = tuple(Rule(s, (a,), (rng.choice(symbols),), (rng.choice((Move.L, Move.R)),),
                       HALT if n in halting else rng.choice(states)) for n, (s, a) in enumerate(keys))
    return TuringMachine((*states, HALT), symbols, "0", "A", frozenset({HALT}), rules)


def input_symbols(config: TuringConfig, machine: TuringMachine) -> tuple[str, ...]:
    if config.input_alphabet is not None:
        unknown = [s for s in config.input_alphabet if s not in machine.alphabet]
        if unknown:
            raise ConfigError(f"input_alphabet symbols {unknown!r} are not in the machine's alphabet "
                              f"{list(machine.alphabet)!r}")
        return config.input_alphabet
    if config.machine is None:
        return machine.alphabet
    return tuple(s for s in machine.alphabet if s != machine.blank)


def emulation_item(task: str, machine: TuringMachine, tm_run: TMRun, input: Any, style: str,
                   max_steps: int, metadata: dict[str, Any], question: str | None = None,
                   answer: str | None = None) -> Item:
    """The item of one exact run: prompt, CoT in `style` ending with the final answer, and metadata.

    The question and answer default to plain emulation's (the last configuration).
    """
    answer = final_answer(tm_run) if answer is None else answer
    cot = f"{tm_styles.render(style, tm_run)}\n{ANSWER_PREFIX}{answer}"
    if question is None:
        question = tm_prompt(machine, tm_run.configs[0], max_steps, style)
    windows = tm_run.windows()
    rules = machine_text(machine)
    return Item.make(task, question, answer, cot, {
        **metadata,
        "style": style,
        "machine": rules,
        "machine_id": content_id("turing", rules, machine.blank, machine.start),
        "input": input,
        "blank": machine.blank,
        "window_starts": [lo for lo, _ in windows],
        "states": [c.render() for c in tm_run.configs],
        "steps": len(tm_run.rules),
        "halted": tm_run.halted,
        "outcome": "halted" if tm_run.halted else "step_limit",
        "tape_width": max(hi - lo + 1 for lo, hi in windows),
    })


def make_item(config: TuringConfig, knobs: dict[str, Any], seed: int, index: int) -> Item:
    rng = item_rng("turing", seed, index)
    for _ in range(config.max_attempts):
        machine = load_machine(config.machine) if config.machine else random_machine(config, rng)
        alphabet = input_symbols(config, machine)
        contents = tuple(tuple(rng.choices(alphabet, k=rng.randint(config.input_min_length,
                                                                    config.input_max_length)))
                         for _ in range(machine.tapes))
        input = contents[0] if machine.tapes == 1 else contents
        try:
            trace = run(machine, input, max_steps=config.max_steps)
        except TuringboxError as error:
            raise ConfigError(f"machine={config.machine!r}: {error}") from None
        tm_run = TMRun.from_trace(machine, trace)
        if len(tm_run.rules) < config.min_steps:
            continue
        if config.halting != "any" and tm_run.halted != (config.halting == "halting"):
            continue
        plain = [list(c) for c in contents] if machine.tapes > 1 else list(contents[0])
        return emulation_item("turing", machine, tm_run, plain, config.style, config.max_steps, {
            "task": "turing", "index": index, "seed": seed,
            "difficulty": {**knobs, "steps": len(tm_run.rules), "input_length": sum(map(len, contents))}})
    raise BenchgenError(f"no acceptable turing item in max_attempts={config.max_attempts} draws "
                        f"(halting={config.halting!r}, min_steps={config.min_steps}); relax the knobs")


def build(config: TuringConfig, seed: int) -> Callable[[int], Item]:
    if config.machine is not None:
        load_machine(config.machine)  # a bad file fails now, before anything is written
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i)


register_task(Task("turing", TuringConfig, build,
                   "Turing-machine emulation (random machines or a machine file) in six CoT styles"))
