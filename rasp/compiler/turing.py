"""Provides a Turing machine inside a transformer: one TM step compiled from RASP, run step by step.

Each token is one tape cell, 'symbol|state' under the head and 'symbol|' elsewhere (reference §8).
One step is a RASP program of one layer: two heads read the left and right neighbours' cells
(selects on equal indices: width one, one-hot), and the MLP applies the transition table to
(left, cell, right). The compiled model runs autoregressively: its decoded output is its next input.
The tape window is the span of cells the engine's own run visits, so the head never leaves it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from machines.core import Outcome, run
from machines.errors import InvalidMachineError
from machines.turing.machine import TMConfig, TuringMachine
from rasp.compiler.compiling import compile_program
from rasp.compiler.model import CompiledModel
from rasp.embedding import Aggregate, Select, indices, tokens
from rasp.sops import Comparison, Map, SOp

SEPARATOR = "|"


def cell_token(symbol: str, state: str = "") -> str:
    """The token of a cell: its symbol and, under the head, the machine's state."""
    return f"{symbol}{SEPARATOR}{state}"


def _split(token: str) -> tuple[str, str]:
    symbol, _, state = token.rpartition(SEPARATOR)
    return symbol, state


def _check(machine: TuringMachine) -> None:
    if machine.tapes != 1:
        raise InvalidMachineError(f"tapes={machine.tapes}: only one-tape machines run inside a transformer")
    clashing = [s for s in (*machine.alphabet, *machine.states) if SEPARATOR in s]
    if clashing:
        raise InvalidMachineError(f"symbols or states {clashing!r} contain {SEPARATOR!r}")


def tm_step_program(machine: TuringMachine) -> SOp:
    """The RASP program of one step of `machine` on a window of cells."""
    _check(machine)
    edge = cell_token(machine.blank)

    def next_cell(left: str, cell: str, right: str) -> str:
        symbol, state = _split(cell)
        if state:
            rule = None if state in machine.halt_states else machine.rule_for(state, (symbol,))
            if rule is None:
                return cell
            return cell_token(rule.write[0], rule.next_state if rule.moves[0].value == 0 else "")
        for neighbour, direction in ((left, 1), (right, -1)):
            n_symbol, n_state = _split(neighbour)
            rule = (
                None
                if not n_state or n_state in machine.halt_states
                else machine.rule_for(n_state, (n_symbol,))
            )
            if rule is not None and rule.moves[0].value == direction:
                return cell_token(symbol, rule.next_state)
        return cell

    before = Map(lambda i: i - 1, (indices,), op="{0} - 1", name="left_index")
    after = Map(lambda i: i + 1, (indices,), op="{0} + 1", name="right_index")
    left = Aggregate(Select(indices, before, Comparison.EQ, name="from_left"), tokens, edge, name="left")
    right = Aggregate(Select(indices, after, Comparison.EQ, name="from_right"), tokens, edge, name="right")
    return Map(next_cell, (left, tokens, right), op="next_cell", name="next_cell")


def vocabulary(machine: TuringMachine) -> list[str]:
    """Every cell token of `machine`."""
    return [cell_token(s, q) for s in machine.alphabet for q in ("", *machine.states)]


def window_tokens(machine: TuringMachine, config: TMConfig, start: int, width: int) -> list[str]:
    """The cells start .. start + width - 1 of a configuration as tokens."""
    tape = config.tape
    return [
        cell_token(tape.at(p, machine.blank), config.state if p == tape.head else "")
        for p in range(start, start + width)
    ]


@dataclass(frozen=True)
class TransformerRun:
    """A run of the compiled step beside the engine's: tapes per step and the first disagreement."""

    model: CompiledModel
    start: int
    engine: tuple[tuple[str, ...], ...]
    transformer: tuple[tuple[str, ...], ...]
    outcome: Outcome

    @property
    def steps(self) -> int:
        return len(self.engine) - 1

    @property
    def first_difference(self) -> int | None:
        """The first step whose tapes differ (None: they agree at every step)."""
        for step, (a, b) in enumerate(zip(self.engine, self.transformer, strict=True)):
            if a != b:
                return step
        return None


def run_in_transformer(
    machine: TuringMachine,
    input: object = "",
    *,
    max_steps: int,
    on_step: Callable[[int, int], None] | None = None,
) -> TransformerRun:
    """Runs `machine` for at most `max_steps` steps in the engine and, on the same window, as the
    compiled step applied to its own output; returns both tapes at every step. `on_step(done,
    total)` is called after each transformer step (for progress displays)."""
    _check(machine)
    trace = run(machine, input, max_steps=max_steps)
    configs = [s.config for s in trace.snapshots]
    lows = [min(c.tape.start, c.tape.head) for c in configs]
    highs = [max(c.tape.start + len(c.tape.cells) - 1, c.tape.head) for c in configs]
    start, width = min(lows), max(highs) - min(lows) + 1
    model = compile_program(tm_step_program(machine), vocabulary(machine), width, values="abstract")
    engine = [tuple(window_tokens(machine, c, start, width)) for c in configs]
    tape = list(engine[0])
    transformer = [tuple(tape)]
    for step in range(1, len(configs)):
        tape = model.run([tape])[0]
        transformer.append(tuple(tape))
        if on_step is not None:
            on_step(step, len(configs) - 1)
    return TransformerRun(model, start, tuple(engine), tuple(transformer), trace.outcome)


def render_tape(tape: tuple[str, ...]) -> str:
    """A tape of tokens as 'a b [q:c] d', the head's cell showing its state."""
    cells = []
    for token in tape:
        symbol, state = _split(token)
        cells.append(f"[{state}:{symbol}]" if state else symbol)
    return " ".join(cells)
