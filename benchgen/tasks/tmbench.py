"""Provides the `tmbench` task: TMBench's m-tag-system emulation, bit-exact with its published set.

With the defaults (seed 1, the `stream` sampler) items 0..99 are the 100 instances of TMBench's
`data/TMBench.json`, in order, with the same ids and step results; `relabel` gives the Greek, digit
and special-character files. The `stream` sampler replays TMBench's generator (one `random.seed`,
rule then initial queue, skip duplicate ids and traces with a fixed point), so item i needs the
items before it; the `indexed` sampler draws each item from its own string-seeded generator and
scales to millions of items. Traces come from `machines.tag`.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from benchgen.config import TaskConfig, check_range
from benchgen.cot import tmbench_blocks
from benchgen.errors import BenchgenError
from benchgen.item import Item, content_id
from benchgen.registry import Task, item_rng, register_task
from benchgen.tasks.tmbench_prompt import tmbench_prompt
from machines.core import Outcome
from machines.tag.fast import trace_words

LABELS = {
    "latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψω",
    "digits": "1234567890",
    "special": "@#$%&*+=!?~^",
}


@dataclass(frozen=True)
class TMBenchConfig(TaskConfig):
    """TMBench's knobs; the defaults are the published set's."""

    task = "tmbench"
    m: int = 2
    """Symbols deleted from the head per step (TMBench's delete_count)."""
    alphabet: tuple[str, ...] = ("A", "B", "C", "D", "E")
    """Single-character symbols, in rule order."""
    alphabet_size: int | None = None
    """If set, the alphabet is the first this many Latin capitals (instead of `alphabet`)."""
    rule_min_length: int = 1
    rule_max_length: int = 5
    init_min_length: int | None = None
    """Shortest initial queue (default m)."""
    init_max_length: int | None = None
    """Longest initial queue (default m + 7)."""
    steps: int = 30
    """Transitions simulated at most (TMBench's max_step - 1)."""
    halting: Literal["any", "halting", "non_halting"] = "any"
    """Keep every trace, only traces that halt within `steps`, or only those that do not."""
    reject_fixed_points: bool = True
    """Reject traces with two equal consecutive states (TMBench does)."""
    relabel: Literal["none", "greek", "digits", "special"] = "none"
    """Rename the alphabet's i-th symbol to the i-th of this label set (ids keep the original labels)."""
    sampler: Literal["stream", "indexed"] = "stream"
    max_attempts: int = 100_000
    """Rejected draws allowed per item before giving up."""

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(LABELS["latin"][: self.alphabet_size]) if self.alphabet_size else self.alphabet

    @property
    def init_range(self) -> tuple[int, int]:
        lo = self.m if self.init_min_length is None else self.init_min_length
        return lo, self.m + 7 if self.init_max_length is None else self.init_max_length

    def problems(self) -> Iterator[str]:
        if self.m < 1:
            yield f"m={self.m!r} must be at least 1"
        if self.alphabet_size is not None:
            if not 1 <= self.alphabet_size <= len(LABELS["latin"]):
                yield f"alphabet_size={self.alphabet_size!r} must be between 1 and 26"
            if self.alphabet != TMBenchConfig.alphabet:
                yield "give alphabet or alphabet_size, not both"
        symbols = self.symbols
        if not symbols:
            yield "alphabet=[] must not be empty"
        for s in symbols:
            if len(s) != 1 or s.isspace() or s in "[]":
                yield f"alphabet symbol {s!r} must be one character, not a space or bracket"
        if len(set(symbols)) != len(symbols):
            yield f"alphabet={list(symbols)!r} has duplicates"
        if self.relabel != "none" and len(symbols) > len(LABELS[self.relabel]):
            yield (f"relabel={self.relabel!r} has only {len(LABELS[self.relabel])} labels "
                   f"for {len(symbols)} symbols")
        yield from check_range("rule_min_length", self.rule_min_length, "rule_max_length",
                               self.rule_max_length, 0)
        lo, hi = self.init_range
        yield from check_range("init_min_length", lo, "init_max_length", hi, 0)
        if not 1 <= self.steps <= 1_000_000:
            yield f"steps={self.steps!r} must be between 1 and 1000000"
        if self.max_attempts < 1:
            yield f"max_attempts={self.max_attempts!r} must be at least 1"


@dataclass(frozen=True, slots=True)
class Instance:
    """One TMBench instance in its original labels: its id, rule, initial queue, queues and halting.

    Symbols are single characters, so each queue (step 0 first) is a string, as TMBench writes it.
    """

    id: str
    rule: dict[str, str]
    init: str
    states: tuple[str, ...]
    halted: bool
    rule_json: str
    """The sorted-key JSON of the rule (what the ids hash)."""


_sorted_json = json.JSONEncoder(sort_keys=True).encode  # json.dumps(x, sort_keys=True), made once


def tmbench_id(init: str, rule_json: str) -> str:
    """TMBench's instance id: sha256 of the initial queue and the sorted-key JSON of the rule."""
    return hashlib.sha256((init + rule_json).encode()).hexdigest()


def _queue_states(m: int, rule: dict[str, str], init: str, steps: int) -> tuple[tuple[str, ...], bool]:
    """The queues of a run (step 0 first) and whether it halted, by machines.tag's string-slicing trace."""
    outcome, queues = trace_words(m, rule, init, max_steps=steps)
    return tuple(queues), outcome is Outcome.HALTED


def _draw(config: TMBenchConfig, rng: random.Random) -> tuple[dict[str, str], str]:
    # TMBench's draw order: every rule (alphabet order), then the initial queue, each
    # `"".join(rng.choices(symbols, k=rng.randint(lo, hi)))`. Both calls are spelled out as CPython
    # makes them (randint: getrandbits(n.bit_length()) until below n; choices: symbols[floor(random()
    # * n)]), the same draws at a fraction of the cost; test_stream_sampler_matches_tmbench_loop
    # checks them against the real calls.
    symbols = config.symbols
    count = float(len(symbols))
    random, getrandbits = rng.random, rng.getrandbits

    def word(lo: int, hi: int) -> str:
        n = hi - lo + 1
        bits = n.bit_length()
        r = getrandbits(bits)
        while r >= n:
            r = getrandbits(bits)
        return "".join([symbols[int(random() * count)] for _ in range(lo + r)])

    rule = {s: word(config.rule_min_length, config.rule_max_length) for s in symbols}
    return rule, word(*config.init_range)


def _accept(config: TMBenchConfig, rng: random.Random, seen: set[str] | None) -> Instance:
    for _ in range(config.max_attempts):
        rule, init = _draw(config, rng)
        rule_json = _sorted_json(rule)
        instance_id = tmbench_id(init, rule_json)
        if seen is not None and instance_id in seen:
            continue
        states, halted = _queue_states(config.m, rule, init, config.steps)
        # A queue equal to the next one repeats to the end of the run, so the last two tell.
        if config.reject_fixed_points and len(states) > 1 and states[-1] == states[-2]:
            continue
        if config.halting != "any" and halted != (config.halting == "halting"):
            continue
        if seen is not None:
            seen.add(instance_id)
        return Instance(instance_id, rule, init, states, halted, rule_json)
    raise BenchgenError(f"no acceptable tmbench instance in max_attempts={config.max_attempts} draws "
                        f"(halting={config.halting!r}); relax the knobs or raise max_attempts")


class _Stream:
    """TMBench's sequential generator, replayed lazily: item i is the i-th accepted draw.

    Only each accepted draw's rule and initial queue are kept (a trace is rerun when an earlier
    item is asked for again), so memory stays small for big streams.
    """

    def __init__(self, config: TMBenchConfig, seed: int) -> None:
        self.config = config
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self.draws: list[tuple[str, dict[str, str], str]] = []
        self.last: Instance | None = None

    def __getitem__(self, index: int) -> Instance:
        while len(self.draws) <= index:
            self.last = _accept(self.config, self.rng, self.seen)
            self.draws.append((self.last.id, self.last.rule, self.last.init))
        if self.last is not None and self.last.id == self.draws[index][0]:
            return self.last
        instance_id, rule, init = self.draws[index]
        return Instance(instance_id, rule, init, *_queue_states(self.config.m, rule, init, self.config.steps),
                        _sorted_json(rule))


def relabelled(instance: Instance, config: TMBenchConfig) -> Instance:
    """`instance` with its symbols renamed by `config.relabel` (the id stays the original one)."""
    if config.relabel == "none":
        return instance
    names = dict(zip(config.symbols, LABELS[config.relabel], strict=False))
    table = str.maketrans(names)
    rule = {k.translate(table): v.translate(table) for k, v in instance.rule.items()}
    return Instance(instance.id, rule, instance.init.translate(table),
                    tuple(queue.translate(table) for queue in instance.states), instance.halted,
                    _sorted_json(rule))


def make_item(config: TMBenchConfig, knobs: dict[str, Any], seed: int, index: int,
              original: Instance) -> Item:
    """The benchmark item of one instance: TMBench's prompt, its step blocks, the final queue."""
    instance = relabelled(original, config)
    cot = tmbench_blocks.render(tmbench_blocks.QueueTrace(instance.states, config.m, instance.rule,
                                                          instance.halted))
    question = tmbench_prompt(config.m, instance.rule, instance.init, config.steps)
    states = list(instance.states)
    lengths = list(map(len, states))
    metadata: dict[str, Any] = {
        "task": "tmbench", "index": index, "seed": seed, "style": "tmbench_blocks",
        "tmbench_id": instance.id,
        "machine": {"m": config.m, "rule": instance.rule},
        "machine_id": content_id("tag", str(config.m), instance.rule_json),
        "input": instance.init,
        "states": states,
        "steps": len(states) - 1,
        "halted": instance.halted,
        "outcome": "halted" if instance.halted else "step_limit",
        "difficulty": {**knobs, "trace_length": len(states), "max_queue_length": max(lengths),
                       "trace_symbols": sum(lengths)},
    }
    return Item.make("tmbench", question, tmbench_blocks.queue_text(instance.states[-1]), cot, metadata)


def build(config: TMBenchConfig, seed: int) -> Callable[[int], Item]:
    """item(i) for a dataset with `config` and `seed`."""
    knobs = config.to_dict()
    if config.sampler == "stream":
        stream = _Stream(config, seed)
        return lambda i: make_item(config, knobs, seed, i, stream[i])
    return lambda i: make_item(config, knobs, seed, i, _accept(config, item_rng("tmbench", seed, i), None))


def tmbench_json(config: TMBenchConfig, instances: list[Instance]) -> str:
    """The instances as a TMBench data file, byte for byte in its serialisation (indent 1, ASCII escapes)."""
    lo, hi = config.init_range
    labelled = [relabelled(i, config) for i in instances]
    data = {
        "symbol_set": list(config.symbols) if config.relabel == "none"
        else list(LABELS[config.relabel][: len(config.symbols)]),
        "rule_min_length": config.rule_min_length, "rule_max_length": config.rule_max_length,
        "str_min_length": lo, "str_max_length": hi, "max_step": config.steps + 1, "delete_count": config.m,
        "samples": [{"id": i.id, "init_str": i.init, "rule": i.rule, "delete_count": config.m,
                     "step_results": list(i.states)} for i in labelled],
    }
    return json.dumps(data, indent=1)


def published_instances(config: TMBenchConfig, seed: int, size: int) -> list[Instance]:
    """The first `size` instances of the dataset (original labels), for `tmbench_json`."""
    if config.sampler == "stream":
        stream = _Stream(config, seed)
        return [stream[i] for i in range(size)]
    return [_accept(config, item_rng("tmbench", seed, i), None) for i in range(size)]


register_task(Task("tmbench", TMBenchConfig, build,
                   "TMBench m-tag-system emulation (bit-exact with the published set by default)",
                   answer_regex=r"Queue State: (\[[^\]]*\])", default_size=100, default_seed=1))
