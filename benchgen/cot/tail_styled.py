"""Provides TAIL-style natural-language chain of thought for Turing-machine runs.

The same atomic states and memory fetches as `tail_minimal`, written out in sentences:

    Step 1. The machine is in state A with the head on cell 0. Memory fetch: cell 0 holds 1
    (on the initial tape), and the rule for state A reading 1 says: write 0, move right, go to
    state B. So cell 0 becomes 0, the head moves to cell 1, and the machine is now in state B.

On a multi-tape machine each clause names its tape ('tape 1 cell 4', 'the tape 1 head').
"""

from __future__ import annotations

import re

from benchgen.cot.tm_run import TMRun, apply_edit, last_writes
from benchgen.errors import CotParseError
from machines.errors import MachineSyntaxError
from machines.turing.machine import Move, TMConfig

MOVE_WORDS = {Move.L: "move left", Move.R: "move right", Move.S: "stay"}


def _cell(tape: int, position: int, tapes: int) -> str:
    return f"cell {position}" if tapes == 1 else f"tape {tape} cell {position}"


def _head(tape: int, tapes: int) -> str:
    return "the head" if tapes == 1 else f"the tape {tape} head"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def render(run: TMRun) -> str:
    """One paragraph per step, after the initial configuration."""
    k = run.machine.tapes
    paragraphs = [f"Initial configuration: {run.configs[0].render()}"]
    for i, (rule, sources) in enumerate(zip(run.rules, last_writes(run), strict=True), start=1):
        before, after = run.configs[i - 1], run.configs[i]
        where = _join([f"{_head(t, k)} on {_cell(t, tape.head, k)}" for t, tape in enumerate(before.tapes)])
        fetched = _join([
            f"{_cell(t, tape.head, k)} holds {read} "
            f"({'on the initial tape' if source == 0 else f'written at step {source}'})"
            for t, (tape, read, source) in enumerate(zip(before.tapes, rule.read, sources, strict=True))])
        does = _join([f"write {w}, {MOVE_WORDS[m]}" for w, m in zip(rule.write, rule.moves, strict=True)])
        effects = []
        for t, (old, new, write) in enumerate(zip(before.tapes, after.tapes, rule.write, strict=True)):
            travel = "stays on" if new.head == old.head else "moves to"
            effects.append(f"{_cell(t, old.head, k)} becomes {write}, {_head(t, k)} {travel} cell {new.head}")
        paragraphs.append(
            f"Step {i}. The machine is in state {rule.state} with {where}. Memory fetch: {fetched}, "
            f"and the rule for state {rule.state} reading {' '.join(rule.read)} says: {does}, go to state "
            f"{rule.next_state}. So {'; '.join(effects)}; and the machine is now in state {rule.next_state}.")
    final = run.configs[-1]
    if run.halted:
        holds = _join([f"{_cell(t, tape.head, k)} holds {tape.symbol}" for t, tape in enumerate(final.tapes)])
        paragraphs.append(f"Step {len(run.configs)}. The machine is in state {final.state}, and {holds}. "
                          "No rule applies, so the machine halts.")
    return "\n\n".join(paragraphs)


_INIT = re.compile(r"^Initial configuration: (.+)$", re.MULTILINE)
_EFFECTS = re.compile(r" So (.+); and the machine is now in state (\S+)\.$", re.MULTILINE)
_EFFECT = re.compile(r"(?:tape \d+ )?cell (-?\d+) becomes (\S+), "
                     r"the (?:tape \d+ )?head (?:moves to|stays on) cell (-?\d+)")


def parse(text: str, blank: str) -> tuple[TMConfig, ...]:
    """The configurations: the initial one, then one per step's effect sentence, replayed."""
    found = _INIT.search(text)
    if not found:
        raise CotParseError("no 'Initial configuration:' line found")
    try:
        configs = [TMConfig.parse(found.group(1))]
    except MachineSyntaxError as error:
        raise CotParseError(f"initial configuration: {error.message}") from None
    for sentence in _EFFECTS.finditer(text, found.end()):
        config, step = configs[-1], len(configs)
        effects = [_EFFECT.fullmatch(e) for e in sentence.group(1).split("; ")]
        if len(effects) != len(config.tapes) or not all(effects):
            raise CotParseError(f"step {step}: cannot read {sentence.group(1)!r}")
        for tape, effect in zip(config.tapes, effects, strict=True):
            if int(effect.group(1)) != tape.head:
                raise CotParseError(f"step {step} writes cell {effect.group(1)}, "
                                    f"but the head is on {tape.head}")
        configs.append(apply_edit(config, tuple(e.group(2) for e in effects),
                                  tuple(int(e.group(3)) for e in effects), sentence.group(2), blank))
    return tuple(configs)
