"""Provides fast engines for tag and lag systems: symbols as small integers in a bytearray ring.

They give the same outcome, step count and final queue as stepping `TagSystem` or `LagSystem`
one configuration at a time, but append to one buffer and only advance a head index, so a step
costs O(|appended word|) instead of a copy of the whole queue. `trace_fast` keeps every queue
instead, as a string, for short runs whose every step is wanted (benchmark traces).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from machines.core import Outcome, Snapshot
from machines.errors import InvalidMachineError, check_budget
from machines.tag.lag import LagSystem
from machines.tag.tag import TagConfig, TagSystem, Word

_COMPACT_AT = 1 << 16  # drop consumed symbols once this many have piled up at the front


@dataclass(frozen=True, slots=True)
class FastRun:
    """The result of a fast run: how it ended, after how many steps, and the final queue."""

    outcome: Outcome
    steps: int
    final: TagConfig
    longest: int
    """The greatest queue length seen during the run."""


class _Codes:
    """A system's symbols as codes 0..n-1, held in a bytearray (a list past 256 symbols)."""

    def __init__(self, alphabet: Word) -> None:
        self.symbols = alphabet
        self.code = {s: i for i, s in enumerate(alphabet)}
        self.buffer_type = bytearray if len(alphabet) <= 256 else list

    def buffer(self, word: Sequence[str]):
        return self.buffer_type(self.code[s] for s in word)

    def config(self, buffer, head: int) -> TagConfig:
        return TagConfig(tuple(self.symbols[c] for c in buffer[head:]))


def run_fast(system: TagSystem, input: str | Sequence[str], *, max_steps: int) -> FastRun:
    """Runs a tag system on `input` for at most `max_steps` steps (STEP_LIMIT if it has not halted)."""
    check_budget("max_steps", max_steps)
    codes = _Codes(system.alphabet)
    buffer = codes.buffer(system.initial(input).queue)
    prods = [codes.buffer(system.productions[s]) if s in system.productions else None
             for s in codes.symbols]
    m = system.m
    head, steps, longest, halted = 0, 0, len(buffer), False
    while steps < max_steps:
        size = len(buffer) - head
        if size > longest:
            longest = size
        production = prods[buffer[head]] if size >= m else None
        if production is None:
            halted = True
            break
        buffer += production
        head += m
        steps += 1
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    else:
        halted = len(buffer) - head < m or prods[buffer[head]] is None
    longest = max(longest, len(buffer) - head)
    outcome = Outcome.HALTED if halted else Outcome.STEP_LIMIT
    return FastRun(outcome, steps, codes.config(buffer, head), longest)


def trace_fast(system: TagSystem, input: str | Sequence[str], *,
               max_steps: int) -> tuple[Outcome, list[str]]:
    """How a run ends (HALTED or STEP_LIMIT) and every queue of it as a string, step 0 first.

    The queues are `run`'s configurations rendered (`TagConfig.render`), made by string slicing
    with no object per step; every symbol of the system must be one character.
    """
    long = [s for s in system.alphabet if len(s) != 1]
    if long:
        raise InvalidMachineError(f"trace_fast needs one-character symbols, not {long!r}")
    productions = {s: "".join(w) for s, w in system.productions.items()}
    return trace_words(system.m, productions, "".join(system.initial(input).queue), max_steps=max_steps)


def trace_words(m: int, productions: Mapping[str, str], queue: str, *,
                max_steps: int) -> tuple[Outcome, list[str]]:
    """`trace_fast` on plain strings: a tag system given as m and one-character-symbol productions.

    For callers that hold rules as strings already (benchmark generators tracing millions of small
    systems), it skips building a `TagSystem`: nothing is validated but the budget.
    """
    check_budget("max_steps", max_steps)
    queues = [queue]
    production, keep = productions.get, queues.append
    for _ in range(max_steps):
        word = production(queue[0]) if len(queue) >= m else None
        if word is None:
            return Outcome.HALTED, queues
        queue = queue[m:] + word
        keep(queue)
    halted = len(queue) < m or queue[0] not in productions
    return Outcome.HALTED if halted else Outcome.STEP_LIMIT, queues


def watch(system: TagSystem, input: str | Sequence[str], *, symbols: Iterable[str],
          max_steps: int) -> Iterator[Snapshot[TagConfig] | FastRun]:
    """Runs like `run_fast` but yields a Snapshot whenever one of `symbols` is at the head
    (step 0 included), then the FastRun. Compilers use it to decode their synchronisation points."""
    check_budget("max_steps", max_steps)
    codes = _Codes(system.alphabet)
    buffer = codes.buffer(system.initial(input).queue)
    prods = [codes.buffer(system.productions[s]) if s in system.productions else None
             for s in codes.symbols]
    wanted = set(symbols)
    watched = [s in wanted for s in codes.symbols]
    m = system.m
    head, steps, longest = 0, 0, len(buffer)
    while True:
        size = len(buffer) - head
        longest = max(longest, size)
        if size and watched[buffer[head]]:
            yield Snapshot(steps, codes.config(buffer, head))
        production = prods[buffer[head]] if size >= m else None
        if production is None or steps == max_steps:
            break
        buffer += production
        head += m
        steps += 1
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    outcome = Outcome.HALTED if production is None else Outcome.STEP_LIMIT
    yield FastRun(outcome, steps, codes.config(buffer, head), longest)


def run_lag_fast(system: LagSystem, input: str | Sequence[str], *, max_steps: int) -> FastRun:
    """Runs a lag system like `run_fast` runs a tag system."""
    for item in watch_lag(system, input, symbols=(), max_steps=max_steps):
        if isinstance(item, FastRun):
            return item
    raise AssertionError("unreachable: watch_lag always ends with a FastRun")


def watch_lag(system: LagSystem, input: str | Sequence[str], *, symbols: Iterable[str],
              max_steps: int) -> Iterator[Snapshot[TagConfig] | FastRun]:
    """`watch` for lag systems: a Snapshot whenever one of `symbols` is at the head, then the FastRun.

    The window is kept as a number in base |alphabet| and rolled one symbol per step, so finding
    the rule costs one dictionary lookup and no slicing.
    """
    check_budget("max_steps", max_steps)
    codes = _Codes(system.alphabet)
    buffer = codes.buffer(system.initial(input).queue)
    base, width = len(codes.symbols), system.width
    top = base ** (width - 1)

    def number(window: Sequence[int]) -> int:
        value = 0
        for c in window:
            value = value * base + c
        return value

    rules = {number(codes.buffer(w)): codes.buffer(word) for w, word in system.rules.items()
             if w[0] not in system.halt_symbols}
    wanted = set(symbols)
    watched = [s in wanted for s in codes.symbols]
    head, steps, longest = 0, 0, len(buffer)
    window = number(buffer[:width]) if len(buffer) >= width else None
    while True:
        size = len(buffer) - head
        longest = max(longest, size)
        if size and watched[buffer[head]]:
            yield Snapshot(steps, codes.config(buffer, head))
        word = rules.get(window) if window is not None else None
        if word is None or steps == max_steps:
            break
        buffer += word
        if len(buffer) - head > width:
            window = (window - buffer[head] * top) * base + buffer[head + width]
        else:
            window = None  # fewer than `width` symbols are left
        head += 1
        steps += 1
        if head >= _COMPACT_AT and head * 2 >= len(buffer):
            del buffer[:head]
            head = 0
    outcome = Outcome.HALTED if word is None else Outcome.STEP_LIMIT
    yield FastRun(outcome, steps, codes.config(buffer, head), longest)
