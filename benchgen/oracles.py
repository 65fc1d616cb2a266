"""Provides built-in reference models: the oracle (the exact trace) and noisy oracles, as in the TInt
study: static noise corrupts states after the trace is computed (later steps stay right), dynamic
noise corrupts a state and runs the machine on from it (the error propagates). The same tool writes
noised training datasets (`noise_items`).

Noise is one random symbol edit per corrupted step (substitute, drop, insert or swap), at `rate` per
step from step 1 on, drawn from a generator seeded by the item id, so runs are reproducible.
Noisy oracles need the machine to rerun and rerender a trace: queue tasks (TMBench, tag, lag).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Literal

from benchgen.cot import rule_steps, tmbench_blocks
from benchgen.errors import ConfigError
from benchgen.item import Item
from benchgen.responses import Response
from benchgen.successors import QueueRules, queue_rules
from machines.tag.tag import parse_word

Noise = Literal["static", "dynamic"]
ORACLES = ("oracle", "static", "dynamic")
ANSWER_PREFIX = "Final answer: "


def oracle_responses(items: Iterable[Item], model: str = "oracle", *, rate: float = 0.0,
                     seed: int = 0) -> Iterator[Response]:
    """The responses of `model` ('oracle', 'static' or 'dynamic' noise at `rate`) to `items`."""
    if model not in ORACLES:
        raise ConfigError(f"model={model!r} is not a built-in model; choose one of {', '.join(ORACLES)}")
    for item in items:
        text = item.cot if model == "oracle" else noisy_cot(item, model, rate, seed)
        yield Response(item.id, text, "stop", {"completion_tokens": len(text.split())})


def noise_items(items: Iterable[Item], kind: Noise, rate: float, seed: int = 0) -> Iterator[Item]:
    """`items` with noised chains of thought (the metadata keeps the exact trace)."""
    for item in items:
        yield replace(item, cot=noisy_cot(item, kind, rate, seed))


def noisy_cot(item: Item, kind: str, rate: float, seed: int = 0) -> str:
    """The item's chain of thought with `kind` noise at `rate` per step."""
    if not 0 <= rate <= 1:
        raise ConfigError(f"rate={rate!r} must be between 0 and 1")
    rules = queue_rules(item.metadata)
    style = item.metadata.get("style")
    if rules is None or style not in ("tmbench_blocks", "rule_steps"):
        raise ConfigError(f"noisy oracles need a queue task (tmbench, tag, lag); item {item.id} is "
                          f"{item.metadata.get('task')!r} in style {style!r}")
    rng = random.Random(f"noise:{kind}:{rate}:{seed}:{item.id}")
    gold = [parse_word(s) for s in item.metadata["states"]]
    symbols = sorted({s for q in gold for s in q} | {s for w in rules.rules.values() for s in w})
    states = [gold[0]]
    difficulty = item.metadata.get("difficulty") or {}
    budget = len(gold) - 1
    if kind == "dynamic" and item.metadata.get("halted"):
        budget = difficulty.get("steps") or difficulty.get("max_steps") or budget
    for i in range(1, budget + 1):
        state = gold[i] if kind == "static" else rules.next_word(states[-1])
        if state is None:
            break  # the corrupted run halts
        states.append(_corrupt(state, symbols, rng) if rng.random() < rate else state)
    halted = bool(item.metadata.get("halted")) if kind == "static" else rules.next_word(states[-1]) is None
    return _render(item, rules, states, halted)


def _corrupt(queue: Sequence[str], symbols: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    """One random edit that changes `queue` and never empties it."""
    q = list(queue)
    while True:
        kind = rng.choice(("substitute", "drop", "insert", "swap"))
        i = rng.randrange(len(q)) if q else 0
        if kind == "substitute" and q:
            choices = [s for s in symbols if s != q[i]]
            if choices:
                return (*q[:i], rng.choice(choices), *q[i + 1:])
        elif kind == "drop" and len(q) > 1:
            return (*q[:i], *q[i + 1:])
        elif kind == "insert":
            return (*q[:i], rng.choice(symbols), *q[i:])
        elif kind == "swap" and len(q) > 1 and i + 1 < len(q) and q[i] != q[i + 1]:
            return (*q[:i], q[i + 1], q[i], *q[i + 2:])


def _render(item: Item, rules: QueueRules, states: list[tuple[str, ...]], halted: bool) -> str:
    if item.metadata["style"] == "tmbench_blocks":
        productions = {window[0]: word for window, word in rules.rules.items()}
        body = tmbench_blocks.render(tmbench_blocks.QueueTrace(tuple(states), rules.delete, productions,
                                                               halted))
        if item.metadata["task"] == "tmbench":
            return body  # TMBench's answer is the last Queue State line
    else:
        applied = tuple((q[: rules.width], rules.rules.get(q[: rules.width], ())) for q in states[:-1])
        body = rule_steps.render(rule_steps.RuleTrace(tuple(states), applied, halted))
    return f"{body}\n{ANSWER_PREFIX}[{' '.join(states[-1])}]"
