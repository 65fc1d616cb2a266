"""Provides the RASP view: the program source with the current s-op highlighted, and every s-op's values."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from machines.core import Snapshot
from rasp.cli import parse_input
from rasp.interpreter import RaspFrame
from tui.history import History
from tui.rasp_run import RaspProgram, RaspState
from tui.view import Lines, MachineView


def _cell(frame: RaspFrame, position: int) -> str:
    """An s-op's value at a position, or for a selector how many keys the query selects."""
    value = frame.values[position]
    return f"{sum(value)} sel" if frame.kind == "selector" else repr(value)


class RaspView(MachineView):
    """A RASP program evaluated on an input, one s-op (or selector) per step; `m` compiles it
    (rasp.compiler) and shows the compiled model's final residual stream, labelled by dimension."""

    family = "rasp"
    state_label = "s-op"
    detect_cycles = False
    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("m", "compile", "Compile", id="compile")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="source-box"):
            yield Lines(id="source")
        yield Lines(id="fired", classes="event")
        table = DataTable(id="values", cursor_type="row", zebra_stripes=True)
        table.can_focus = False
        yield table
        residual = DataTable(id="residual", zebra_stripes=True)
        residual.can_focus = False
        residual.display = False
        yield residual

    def on_mount(self) -> None:
        self.focus()

    def action_compile(self) -> None:
        state: RaspState = self.screen.stepper.current.config
        self.notify("compiling…", title="rasp")
        self._compile(list(state.input))

    @work(thread=True, exclusive=True, group="compile")
    def _compile(self, tokens: list) -> None:
        from rasp.compiler.compiling import compile_program
        from rasp.errors import RaspError

        program: RaspProgram = self.machine
        try:
            model = compile_program(program.sop, sorted(set(tokens), key=repr), len(tokens),
                                    dialect=program.dialect)
            residual = model.forward(model.encode([tokens]))[0]
        except (RaspError, ValueError) as error:
            self.app.call_from_thread(self.notify, str(error), title="cannot compile", severity="error")
            return
        self.app.call_from_thread(self._show_residual, model.labels, residual, tokens)

    def _show_residual(self, labels: tuple[str, ...], residual: np.ndarray, tokens: list) -> None:
        """Fills the residual table: one row per dimension, one column per position (BOS first)."""
        table = self.query_one("#residual", DataTable)
        table.clear(columns=True)
        table.add_columns("dimension", "bos", *(f"{p}:{t}" for p, t in enumerate(tokens)))
        for label, row in zip(labels, residual.T, strict=True):
            table.add_row(label, *("·" if abs(v) < 1e-9 else f"{v:.3g}" for v in row))
        table.display = True

    def show(self, snapshot: Snapshot, history: History) -> None:
        state: RaspState = snapshot.config
        program: RaspProgram = self.machine
        self.query_one("#source", Lines).update(self._source(program, state.index))
        fired = f"{state.frame.kind} {state.frame.name}" + (f": {snapshot.event}" if snapshot.event else "")
        self.query_one("#fired", Lines).update(Text(fired))
        table = self.query_one("#values", DataTable)
        table.clear(columns=True)
        table.add_column("s-op")
        for position, token in enumerate(state.input):
            table.add_column(f"{position}:{token}")
        for index, frame_snapshot in enumerate(state.trace.snapshots):
            frame: RaspFrame = frame_snapshot.config
            cells = [_cell(frame, p) if index <= state.index else "·" for p in range(len(state.input))]
            table.add_row(frame.name, *cells)
        table.move_cursor(row=state.index, animate=False)

    @staticmethod
    def _source(program: RaspProgram, index: int) -> Text:
        span = program.span(index)
        text = Text()
        for number, line in enumerate(program.source.splitlines(), start=1):
            row = Text(f"{number:3} {line}\n")
            if span is not None and span.line <= number <= (span.end_line or span.line):
                start = span.column - 1 if number == span.line else 0
                end = (span.end_column - 1 if number == span.end_line and span.end_column else len(line))
                row.stylize("bold reverse", 4 + start, 4 + end)
            text.append_text(row)
        return text

    @staticmethod
    def state_of(config: RaspState) -> str:
        """The name of the s-op just evaluated: `state frac_prevs` stops there."""
        return config.frame.name

    @staticmethod
    def input_text(input: Any) -> str:
        return input if isinstance(input, str) else repr(list(input))

    @classmethod
    def parse_input(cls, machine: Any, text: str) -> Any:
        """Characters, or a JSON list when the text starts with '['."""
        return parse_input(text)

    @classmethod
    def metrics(cls, machine: Any, snapshot: Snapshot) -> dict[str, int | float | str]:
        return {"step": snapshot.step, "length": len(snapshot.config.input)}
