"""Provides fast engines for tag and lag systems: symbols as small integers in a bytearray ring.

They give the same outcome, step count and final queue as stepping `TagSystem` or `LagSystem`
one configuration at a time, but append to one buffer and only advance a head index, so a step
costs O(|appended word|) instead of a copy of the whole queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from machines.core import Outcome, Snapshot
from machines.errors import check_budget
from machines.tag.lag import LagSystem
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
    """A system compiled to integer codes.

    For a tag system `prods[code]` is the production (None where the system halts); for a lag
    system `windows[bytes(window)]` is the rule's word.
    """

    def __init__(self, system: TagSystem | LagSystem) -> None:
        self.symbols = system.alphabet
        self.code = {s: i for i, s in enumerate(self.symbols)}
        self.buffer_type = bytearray if len(self.symbols) <= 256 else list
        if isinstance(system, TagSystem):
            self.prods = [None if s not in system.productions else self.word(system.productions[s])
                          for s in self.symbols]
            self.m = system.m
        else:
            self.windows = {self.key(w): self.word(word) for w, word in system.rules.items()
                            if w[0] not in system.halt_symbols}
            self.m = system.width

    def word(self, symbols):
        return self.buffer_type(self.code[s] for s in symbols)

    def key(self, symbols):
        codes = tuple(self.code[s] for s in symbols)
        return bytes(codes) if self.buffer_type is bytearray else codes

    def encode(self, config: TagConfig):
        return self.word(config.queue)

    def window_key(self, buffer, head: int):
        window = buffer[head: head + self.m]
        return bytes(window) if self.buffer_type is bytearray else tuple(window)

    def decode(self, buffer, head: int) -> TagConfig:
        return TagConfig(tuple(self.symbols[c] for c in buffer[head:]))

    def result(self, buffer, head: int, steps: int, longest: int) -> FastRun:
        size = len(buffer) - head
        if hasattr(self, "prods"):
            halted = size < self.m or self.prods[buffer[head]] is None
        else:
            halted = size < self.m or self.window_key(buffer, head) not in self.windows
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


def run_lag_fast(system: LagSystem, input: str | Sequence[str], *, max_steps: int) -> FastRun:
    """Runs a lag system like `run_fast` runs a tag system."""
    for result in watch_lag(system, input, symbols=(), max_steps=max_steps):
        if isinstance(result, FastRun):
            return result
    raise AssertionError("unreachable: watch_lag always ends with a FastRun")


def watch_lag(system: LagSystem, input: str | Sequence[str], *, symbols: Iterable[str],
              max_steps: int) -> Iterator[Snapshot[TagConfig] | FastRun]:
    """`watch` for lag systems: a Snapshot whenever one of `symbols` is at the head, then the FastRun."""
    check_budget("max_steps", max_steps)
    engine = _Engine(system)
    buffer = engine.encode(system.initial(input))
    wanted = set(symbols)
    watched = [s in wanted for s in engine.symbols]
    windows, width = engine.windows, engine.m
    as_key = bytes if engine.buffer_type is bytearray else tuple
    head, steps, longest = 0, 0, len(buffer)
    while True:
        if len(buffer) > head and watched[buffer[head]]:
            yield Snapshot(steps, engine.decode(buffer, head))
        word = windows.get(as_key(buffer[head: head + width]))
        if steps == max_steps or word is None or len(buffer) - head < width:
            break
        buffer += word
        head += 1
        steps += 1
        longest = max(longest, len(buffer) - head)
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    yield engine.result(buffer, head, steps, longest)
