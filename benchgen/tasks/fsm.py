"""Provides the `fsm` task: state tracking and regular-language membership on finite automata — random
DFAs, the S5 word problem, parity, modular counters and divisibility — with the per-symbol state
trace as the chain of thought."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot import state_trace
from benchgen.errors import ConfigError
from benchgen.item import Item, content_id
from benchgen.registry import Task, item_rng, register_task
from machines.core import Outcome, run
from machines.errors import TuringboxError
from machines.files import read_text
from machines.formats import load_text
from machines.fsm.dfa import DFA
from machines.fsm.generators import (
    make_divisibility,
    make_modular_counter,
    make_parity,
    make_symmetric_group,
    random_dfa,
)
from machines.fsm.ops import minimize
from machines.fsm.regex import regex_to_nfa

ANSWER_PREFIX = "Final answer: "
TABLE_LIMIT = 300
"""Automata with more transitions than this are described in words instead of by their table."""


@dataclass(frozen=True)
class FSMConfig(TaskConfig):
    """Knobs of finite-automaton state tracking and membership."""

    task = "fsm"
    automaton: Literal["random", "s5", "parity", "counter", "divisibility", "regex"] = "random"
    machine: str | None = None
    """A DFA file (.fsm, .jff); overrides `automaton`."""
    states: int = 5
    """States of a random DFA."""
    alphabet_size: int = 2
    """Symbols of a random DFA or a counter (0, 1, ...)."""
    modulus: int = 3
    """Modulus of a counter, divisor of a divisibility checker."""
    base: int = 2
    """Digit base of a divisibility checker."""
    generators: tuple[str, ...] | None = None
    """S5 generators in one-line notation (default: all 120 permutations)."""
    regex: str = "(0|1)*11"
    """The language of automaton `regex`, over the symbols 0, 1, ... (its minimal DFA is tracked)."""
    question: Literal["state", "membership"] = "state"
    """Ask for the final state, or whether the word is accepted."""
    input_min_length: int = 1
    input_max_length: int = 20

    def problems(self) -> Iterator[str]:
        if not 1 <= self.states <= 1000:
            yield f"states={self.states!r} must be between 1 and 1000"
        if not 1 <= self.alphabet_size <= 10:
            yield f"alphabet_size={self.alphabet_size!r} must be between 1 and 10"
        if not 1 <= self.modulus <= 1000:
            yield f"modulus={self.modulus!r} must be between 1 and 1000"
        if not 2 <= self.base <= 36:
            yield f"base={self.base!r} must be between 2 and 36"
        if self.generators is not None and not self.generators:
            yield "generators=[] must not be empty"
        yield from check_range("input_min_length", self.input_min_length, "input_max_length",
                               self.input_max_length, 0)


@functools.cache
def fixed_automaton(config: FSMConfig) -> DFA:
    """The automaton of every item (all kinds but random DFAs)."""
    if config.machine:
        machine = load_text(read_text(config.machine), path=config.machine).machine
        if not isinstance(machine, DFA):
            raise ConfigError(f"machine={config.machine!r} holds a {type(machine).__name__}, not a DFA")
        return machine
    if config.automaton == "s5":
        try:
            return make_symmetric_group(5, generators=config.generators)
        except ValueError as error:
            raise ConfigError(f"generators: {error}") from None
    if config.automaton == "parity":
        return make_parity()
    if config.automaton == "regex":
        try:
            return minimize(regex_to_nfa(config.regex, alphabet=[str(i) for i in range(config.alphabet_size)],
                                         name=f"regex {config.regex}"))
        except TuringboxError as error:
            raise ConfigError(f"regex={config.regex!r}: {error}") from None
    if config.automaton == "counter":
        return make_modular_counter(config.modulus, alphabet=[str(i) for i in range(config.alphabet_size)])
    return make_divisibility(config.modulus, base=config.base)


def describe(dfa: DFA, kind: str) -> str:
    """The automaton for the prompt: its table when small, else what its states and moves mean."""
    if len(dfa.transitions) > TABLE_LIMIT and kind == "s5":
        return ("The states are the permutations of 0..4 in one-line notation (the images of 0, 1, 2, 3, 4); "
                "the start state is 01234. Reading a symbol g (also a permutation) moves from state p to "
                "the composition g after p, whose image of i is g[p[i]]. The accepting state is 01234.")
    lines = [f"{t[0]} -{t[1]}-> {target}" for t, target in dfa.transitions.items()]
    return (f"Start state: {dfa.start}. Accepting states: {' '.join(sorted(dfa.accepting)) or '(none)'}.\n"
            f"Transitions (STATE -SYMBOL-> NEXT):\n" + "\n".join(lines))


def automaton_id(dfa: DFA) -> str:
    """A content hash of the automaton's table, start and accepting states."""
    table = "\n".join(f"{q} {s} {t}" for (q, s), t in sorted(dfa.transitions.items()))
    return content_id("fsm", table, dfa.start, *sorted(dfa.accepting))


def make_item(config: FSMConfig, knobs: dict[str, Any], seed: int, index: int, fixed_id: str = "") -> Item:
    """Item `index`; `fixed_id` is the id of the automaton every item shares (empty for random DFAs)."""
    rng = item_rng("fsm", seed, index)
    if config.machine or config.automaton != "random":
        dfa = fixed_automaton(config)
    else:
        dfa = random_dfa(config.states, alphabet=[str(i) for i in range(config.alphabet_size)],
                         seed=rng.getrandbits(64))
    word = tuple(rng.choices(dfa.alphabet, k=rng.randint(config.input_min_length, config.input_max_length)))
    trace = run(dfa, word, max_steps=len(word) + 1)
    states = [c.state for c in trace.configs]
    accepted = trace.outcome is Outcome.ACCEPTED
    membership = config.question == "membership"
    answer = ("accept" if accepted else "reject") if membership else states[-1]
    kind = "file" if config.machine else config.automaton
    shown = state_trace.render(("q0", "q1", "q1"), ("a", "b"), True if membership else None)
    asked = "whether the automaton accepts the word (accept or reject)" if membership else \
        "the state the automaton is in after reading the whole word"
    language = f"\nIt is the minimal DFA of the regular expression {config.regex}: it accepts exactly " \
        "the words the expression matches." if kind == "regex" else ""
    question = (f"Track the state of this finite automaton as it reads the word below, one symbol at a "
                f"time, and give {asked}.\n\n{describe(dfa, kind)}{language}\n\nWord: {' '.join(word)}\n\n"
                f"Write one line per symbol read, in exactly this format (shown for an example word a b):\n"
                f"{shown}\n{ANSWER_PREFIX}{'accept' if membership else 'q1'}\n\n"
                f"End with a line '{ANSWER_PREFIX}' followed by "
                f"{'accept or reject' if membership else 'the final state'}.\n")
    cot = state_trace.render(states, word[: len(states) - 1], accepted if membership else None)
    return Item.make("fsm", question, answer, f"{cot}\n{ANSWER_PREFIX}{answer}", {
        "task": "fsm", "index": index, "seed": seed, "style": "state_trace", "automaton": kind,
        "machine": dfa.name or kind,
        "machine_id": fixed_id if fixed_id else automaton_id(dfa),
        "input": list(word), "states": states, "steps": len(states) - 1, "accepted": accepted,
        "halted": True, "outcome": trace.outcome.value,
        "difficulty": {**knobs, "input_length": len(word), "automaton_states": len(dfa.states)}})


def build(config: FSMConfig, seed: int) -> Callable[[int], Item]:
    fixed_id = automaton_id(fixed_automaton(config)) if config.machine or config.automaton != "random" else ""
    knobs = config.to_dict()
    return lambda i: make_item(config, knobs, seed, i, fixed_id)


register_task(Task("fsm", FSMConfig, build,
                   "finite-automaton state tracking and membership (random DFAs, S5, parity, counters)"))
