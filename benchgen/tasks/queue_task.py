"""Provides what the `tag` and `lag` tasks share: running a queue system from machines.tag, random
inputs, and the item with its rule-application (or TMBench block) chain of thought."""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from typing import Any

from benchgen.cot import rule_steps, tmbench_blocks
from benchgen.errors import ConfigError
from benchgen.item import Item, content_id
from machines.core import Outcome, run
from machines.files import read_text
from machines.formats import load_text
from machines.tag.tag import render_word

ANSWER_PREFIX = "Final answer: "


@functools.cache
def load_system(path: str, kind: type) -> Any:
    """The tag or lag system in a file (loaded once per process)."""
    loaded = load_text(read_text(path), path=path)
    if not isinstance(loaded.machine, kind):
        raise ConfigError(f"machine={path!r} holds a {type(loaded.machine).__name__}, not a {kind.__name__}")
    return loaded.machine


def random_input(rng: random.Random, alphabet: Sequence[str], lo: int, hi: int) -> tuple[str, ...]:
    return tuple(rng.choices(alphabet, k=rng.randint(lo, hi)))


def queue_run(system: Any, input: Sequence[str], max_steps: int) -> tuple[rule_steps.RuleTrace, Any]:
    """The exact run of a tag or lag system as a RuleTrace, and its machines.core Trace."""
    trace = run(system, input, max_steps=max_steps)
    rules = []
    for snapshot in trace.snapshots[1:]:
        event = snapshot.event
        window = (event.symbol,) if hasattr(event, "symbol") else event.window
        rules.append((tuple(window), tuple(event.word)))
    queues = tuple(c.queue for c in trace.configs)
    return rule_steps.RuleTrace(queues, tuple(rules), trace.outcome is Outcome.HALTED), trace


def rules_text(system: Any) -> str:
    """One rule per line, `WINDOW -> WORD`, symbols space-separated (ε for the empty word)."""
    table = system.rules if hasattr(system, "rules") else {(s,): w for s, w in system.productions.items()}
    return "\n".join(f"{rule_steps.words(window)} -> {rule_steps.words(word)}"
                     for window, word in table.items())


def queue_item(task: str, system: Any, trace: rule_steps.RuleTrace, style: str, question: str,
               metadata: dict[str, Any], m: int = 0) -> Item:
    """The item of one run in `style` (rule_steps, or tmbench_blocks for tag systems)."""
    if style == "tmbench_blocks":
        body = tmbench_blocks.render(tmbench_blocks.QueueTrace(trace.queues, m, dict(system.productions),
                                                              trace.halted))
    else:
        body = rule_steps.render(trace)
    answer = f"[{' '.join(trace.queues[-1])}]"
    rules = rules_text(system)
    return Item.make(task, question, answer, f"{body}\n{ANSWER_PREFIX}{answer}", {
        **metadata,
        "style": style,
        "machine": rules,
        "machine_id": content_id(task, rules, str(m)),
        "input": list(trace.queues[0]),
        "states": [render_word(q) for q in trace.queues],
        "steps": len(trace.rules),
        "halted": trace.halted,
        "outcome": "halted" if trace.halted else "step_limit",
        "max_queue_length": max(len(q) for q in trace.queues),
    })
