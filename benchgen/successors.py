"""Provides the one-step successor of a written state: queue tasks (TMBench, tag and lag systems)
and Turing-machine tasks (turing, arith).

The scorer uses it to judge each step from the model's own previous state (one slip does not zero
every later step) and, for queues, to recognise a wrong rule or deletion count in the error taxonomy.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from benchgen.cot.rule_steps import EMPTY
from machines.core import Outcome
from machines.errors import MachineSyntaxError
from machines.formats import load_text
from machines.tag.tag import parse_word, render_word
from machines.turing.machine import TMConfig, TuringMachine

Word = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QueueRules:
    """A queue machine: the head window of `width` symbols selects a word to append, then `delete`
    symbols leave the head (m-tag: width 1, delete m; lag: width N, delete 1)."""

    width: int
    delete: int
    rules: Mapping[Word, Word]

    def next_word(self, queue: Word) -> Word | None:
        """The queue after one step, or None when the machine halts on `queue`."""
        if len(queue) < max(self.width, self.delete):
            return None
        word = self.rules.get(queue[: self.width])
        return None if word is None else queue[self.delete:] + word

    def next_state(self, state: str) -> str | None:
        """`next_word` on canonical state text (None when halting or unreadable)."""
        try:
            # compact words (one character per symbol) are the common case: skip the general reader
            word = tuple(state) if "[" not in state and " " not in state else parse_word(state)
            following = self.next_word(word)
        except MachineSyntaxError:
            return None
        return None if following is None else _text(following)

    def alternatives(self, queue: Word) -> dict[str, str]:
        """Wrong successors of `queue` by kind: another head's word, or another deletion count."""
        found: dict[str, str] = {}
        right = self.rules.get(queue[: self.width])
        for word in self.rules.values():
            if word != right:
                found.setdefault(_text(queue[self.delete:] + word), "wrong_rule")
        if right is not None:
            for delete in range(0, len(queue) + 1):
                if delete != self.delete:
                    found.setdefault(_text(queue[delete:] + right), "wrong_deletion")
        return found


def _text(word: Word) -> str:
    joined = "".join(word)
    return joined if len(joined) == len(word) else render_word(word)


def queue_rules(metadata: Mapping[str, Any]) -> QueueRules | None:
    """The rules of a queue task's item, or None for other tasks."""
    task = metadata.get("task")
    if task == "tmbench":
        machine = metadata["machine"]
        return QueueRules(1, machine["m"], {(s,): tuple(w) for s, w in machine["rule"].items()})
    if task in ("tag", "lag"):
        rules = {}
        for line in metadata["machine"].splitlines():
            window, _, word = line.partition(" -> ")
            rules[tuple(window.split())] = () if word.strip() == EMPTY else tuple(word.split())
        width = len(next(iter(rules))) if rules else 1
        return QueueRules(width, metadata["m"] if task == "tag" else 1, rules)
    return None


class Successor(Protocol):
    """What the scorer needs of a machine: the next state of a written state, and the wrong
    successors it can name (queue machines only)."""

    def next_state(self, state: str) -> str | None: ...
    def alternatives(self, queue: Word) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class TMRules:
    """A Turing machine stepping configurations written as `TMConfig.render` text."""

    machine: TuringMachine

    def next_state(self, state: str) -> str | None:
        """The configuration after one step, or None when halted or unreadable."""
        try:
            config = TMConfig.parse(state)
            if self.machine.classify(config) is not Outcome.RUNNING:
                return None
            return self.machine.step(config)[0].render()
        except (MachineSyntaxError, ValueError, KeyError):
            return None

    def alternatives(self, queue: Word) -> dict[str, str]:
        return {}


@functools.lru_cache(maxsize=256)
def _turing_machine(rules: str, blank: str, tapes: int) -> TuringMachine:
    body, _, halts = rules.rpartition("\nhalt states: ")
    text = f"{body}\nblank: {blank}\ntapes: {tapes}" + ("" if halts == "(none)" else f"\nhalt: {halts}")
    return load_text(text, format="tm").machine


def successor_for(metadata: Mapping[str, Any]) -> Successor | None:
    """The one-step successor of an item's machine, or None where the task has none here."""
    rules = queue_rules(metadata)
    if rules is not None:
        return rules
    if metadata.get("task") in ("turing", "arith"):
        tapes = len(metadata["window_starts"])
        return TMRules(_turing_machine(metadata["machine"], metadata["blank"], tapes))
    return None
