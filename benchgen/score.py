"""Provides the per-item scoring of a model's answer against the exact trace, and `score_answer`.

`score_item` compares the states an answer shows with the gold states step by step (step 0, the
initial state, included) and records what the metrics aggregate: correct steps, first error, one-step
correctness from the model's own previous state, halting, the kind of the first error, and the
edit-distance credit of every step.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchgen.item import Item
from benchgen.parsers import MAX_ANSWER_CHARS, Mode, gold_states, parse_answer
from benchgen.successors import Successor, successor_for
from benchgen.taxonomy import classify, similarity, tokens


@dataclass(frozen=True, slots=True)
class ItemScore:
    """The scoring of one answer. `correct[i]` judges gold step i against the gold state."""

    id: str
    correct: tuple[bool, ...]
    parsed: bool
    first_error: int | None
    error_kind: str | None
    one_step: tuple[int, int] | None
    """(right, judged) transitions from the model's own previous state; None: not defined for the task."""
    halting: str
    """'ok', 'missed_halt' (gold halts, the answer does not stop there), 'early_halt' (stops or marks a
    halt before the gold trace ends) or 'after_halt' (steps written after the gold halt)."""
    extra_steps: int
    final_correct: bool
    credit: float
    """Mean over gold steps of 1 - normalised edit distance."""
    cut_off: bool
    oversized: bool
    usage: Mapping[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(self.correct)


@dataclass(frozen=True, slots=True)
class Gold:
    """What scoring needs of an item, computed once for all of its answers."""

    states: tuple[str, ...]
    successor: Successor | None
    halted: bool
    answer: str
    alternatives: dict[int, dict[str, str] | None] = field(default_factory=dict)
    """Wrong successors of gold step i - 1 by kind, filled as first errors at step i are met."""

    @classmethod
    def of(cls, item: Item) -> Gold:
        return cls(gold_states(item), successor_for(item.metadata), bool(item.metadata.get("halted")),
                   item.answer.strip())

    def alternatives_at(self, step: int) -> dict[str, str] | None:
        if step not in self.alternatives:
            self.alternatives[step] = None if self.successor is None or step == 0 else \
                self.successor.alternatives(tokens(self.states[step - 1]))
        return self.alternatives[step]


def score_item(item: Item, answer: str, mode: Mode = "robust", *, finish_reason: str | None = None,
               usage: Mapping[str, Any] | None = None, gold: Gold | None = None) -> ItemScore:
    """Scores `answer` (a completion for `item`); `finish_reason` 'length' marks a cut-off answer.
    `gold` is `Gold.of(item)`, passed when the item has many answers."""
    gold = gold or Gold.of(item)
    parsed = parse_answer(answer, item, mode)
    golds, shown = gold.states, parsed.states
    predicted = shown[:len(golds)] + (None,) * (len(golds) - len(shown))
    correct = tuple(map(operator.eq, predicted, golds))
    first_error = correct.index(False) if False in correct else None
    right = len(golds) if first_error is None else first_error  # steps before the first error
    cut_off = finish_reason == "length"
    successor = gold.successor
    kind = None
    if first_error is not None:
        kind = classify(predicted[first_error], golds[first_error], gold.alternatives_at(first_error),
                        cut_off and first_error >= len(shown))
    one_step = None
    if successor is not None:
        # a transition between two right states is right; only the others need the machine
        start = max(right - 1, 0)
        judged = [(a, b, ok and next_ok) for a, b, ok, next_ok
                  in zip(predicted[start:], predicted[start + 1:], correct[start:], correct[start + 1:],
                         strict=False) if a is not None]
        one_step = (start + sum(ok or successor.next_state(a) == b for a, b, ok in judged),
                    start + len(judged))
    extra = max(0, len(shown) - len(golds))
    if parsed.halted is not None and parsed.halted and len(shown) < len(golds):
        halting = "early_halt"
    elif gold.halted and extra:
        halting = "after_halt"
    elif gold.halted and parsed.halted is False:
        halting = "missed_halt"
    else:
        halting = "ok"
    # the right prefix adds exactly 1.0 per step, so summing from it gives the same float
    credit = sum(map(similarity, predicted[right:], golds[right:]), float(right)) / len(golds) \
        if golds else 0.0
    return ItemScore(item.id, correct, parsed.readable, first_error, kind, one_step, halting, extra,
                     parsed.final is not None and parsed.final == gold.answer, credit, cut_off,
                     len(answer) > MAX_ANSWER_CHARS, usage or {})


def score_answer(answer: str | None, item: Item) -> float:
    """reasoning-gym style reward in [0, 1]: the share of gold steps reproduced exactly, and 1.0
    only when every step and the final answer are right (None scores 0)."""
    if not answer:
        return 0.0
    scored = score_item(item, answer)
    if scored.passed and scored.final_correct:
        return 1.0
    return min(sum(scored.correct) / len(scored.correct), 0.99) if scored.correct else 0.0


Pair = tuple[Item, str, str | None, Mapping[str, Any] | None]
"""(item, answer, finish_reason, usage)"""


_PAIRS: Sequence[Pair] = ()  # what forked scoring workers read (inherited, never pickled)
_GOLDS: dict[int, Gold] = {}  # Gold of each item of _PAIRS, by id


def _score_range(args: tuple[int, int, Mode]) -> list[ItemScore]:
    start, stop, mode = args
    scores = []
    for item, answer, finish, usage in _PAIRS[start:stop]:
        gold = _GOLDS.get(id(item))  # ids are stable while _PAIRS holds the items
        if gold is None:
            gold = _GOLDS[id(item)] = Gold.of(item)
        scores.append(score_item(item, answer, mode, finish_reason=finish, usage=usage, gold=gold))
    return scores


def score_all(pairs: Sequence[Pair], mode: Mode = "robust", *, workers: int = 1,
              progress: Callable[[int], None] | None = None, chunk: int = 2000) -> list[ItemScore]:
    """Scores every (item, answer, finish_reason, usage) in order, in `workers` forked processes when
    there are enough of them; `progress(n)` is told how many more are done."""
    global _PAIRS
    import multiprocessing

    ranges = [(i, min(i + chunk, len(pairs)), mode) for i in range(0, len(pairs), chunk)]
    scores: list[ItemScore] = []
    _PAIRS = pairs
    try:
        if workers > 1 and len(ranges) > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                parts = pool.imap(_score_range, ranges)
                for part in parts:
                    scores += part
                    if progress:
                        progress(len(part))
            return scores
        for part in map(_score_range, ranges):
            scores += part
            if progress:
                progress(len(part))
        return scores
    finally:
        _PAIRS = ()
        _GOLDS.clear()
