"""Provides a fast tag-system engine: symbols as small integers in a bytearray used as a ring.

It gives the same outcome, step count and final queue as stepping `TagSystem` one configuration
at a time, but appends to one buffer and only advances a head index, so a step costs O(|P(x)|)
instead of a copy of the whole queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from machines.core import Outcome, Snapshot
from machines.errors import check_budget
from machines.tag.tag import TagConfig, TagSystem

_COMPACT_AT = 1 << 16  # drop consumed symbols once this many have piled up at the front


@dataclass(frozen=True, slots=True)
class FastRun:
    """The result of `run_fast`: how the run ended, after how many steps, and the final queue."""

    outcome: Outcome
    steps: int
    final: TagConfig
    longest: int
    """The greatest queue length seen during the run."""


class _Engine:
    """The system compiled to integer codes; `prods[code]` is None where the system halts."""

    def __init__(self, system: TagSystem) -> None:
        self.symbols = system.alphabet
        self.code = {s: i for i, s in enumerate(self.symbols)}
        self.buffer_type = bytearray if len(self.symbols) <= 256 else list
        self.prods = [None if s not in system.productions
                      else self.buffer_type(self.code[t] for t in system.productions[s])
                      for s in self.symbols]
        self.m = system.m

    def encode(self, config: TagConfig):
        return self.buffer_type(self.code[s] for s in config.queue)

    def decode(self, buffer, head: int) -> TagConfig:
        return TagConfig(tuple(self.symbols[c] for c in buffer[head:]))

    def result(self, buffer, head: int, steps: int, longest: int) -> FastRun:
        size = len(buffer) - head
        halted = size < self.m or self.prods[buffer[head]] is None
        return FastRun(Outcome.HALTED if halted else Outcome.STEP_LIMIT, steps, self.decode(buffer, head),
                       longest)


def run_fast(system: TagSystem, input: str | Sequence[str], *, max_steps: int) -> FastRun:
    """Runs `system` on `input` for at most `max_steps` steps (STEP_LIMIT if it has not halted)."""
    check_budget("max_steps", max_steps)
    engine = _Engine(system)
    buffer = engine.encode(system.initial(input))
    prods, m = engine.prods, engine.m
    head, steps, longest = 0, 0, len(buffer)
    while steps < max_steps and len(buffer) - head >= m:
        production = prods[buffer[head]]
        if production is None:
            break
        buffer += production
        head += m
        steps += 1
        longest = max(longest, len(buffer) - head)
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    return engine.result(buffer, head, steps, longest)


def watch(system: TagSystem, input: str | Sequence[str], *, symbols: Iterable[str],
          max_steps: int) -> Iterator[Snapshot[TagConfig] | FastRun]:
    """Runs like `run_fast` but yields a Snapshot whenever one of `symbols` is at the head
    (step 0 included), then the FastRun. Compilers use it to decode their synchronisation points."""
    check_budget("max_steps", max_steps)
    engine = _Engine(system)
    buffer = engine.encode(system.initial(input))
    wanted = set(symbols)
    watched = [s in wanted for s in engine.symbols]
    prods, m = engine.prods, engine.m
    head, steps, longest = 0, 0, len(buffer)
    while True:
        if len(buffer) > head and watched[buffer[head]]:
            yield Snapshot(steps, engine.decode(buffer, head))
        if steps == max_steps or len(buffer) - head < m or prods[buffer[head]] is None:
            break
        buffer += prods[buffer[head]]
        head += m
        steps += 1
        longest = max(longest, len(buffer) - head)
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    yield engine.result(buffer, head, steps, longest)
