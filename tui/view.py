"""Provides the base of the machine views and the fallback view that shows a configuration's text."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable

from machines.core import Snapshot
from tui.history import History


class Lines(Widget):
    """Text that redraws without a new layout unless its height changes (a layout per step is slow)."""

    DEFAULT_CSS = "Lines { height: auto; }"

    def __init__(self, text: Text | str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.text = Text(text) if isinstance(text, str) else text
        self._height = -1

    def update(self, text: Text | str) -> None:
        """Shows `text`."""
        self.text = Text(text) if isinstance(text, str) else text
        width = max(1, self.size.width)
        height = sum(max(1, -(-len(line) // width)) for line in self.text.plain.split("\n"))
        self.refresh(layout=height != self._height)
        self._height = height

    def render(self) -> Text:
        return self.text


class MachineView(Widget):
    """A widget that draws one snapshot of a machine's run; one subclass per machine family.

    The class methods tell the stepper what a breakpoint can refer to: the state(s) of a
    configuration and the named numbers (`metrics`) a condition like `head < 0` compares.
    """

    family: ClassVar[str] = "machine"
    state_label: ClassVar[str] = "state"
    detect_cycles: ClassVar[bool] = True
    """False where equal configurations do not mean a loop (a replayed RASP evaluation)."""
    """What the status bar calls `state_of(config)`."""
    default_input: ClassVar[Any] = ""
    """The input when none is given (None: the machine's own, e.g. a pattern file's pattern)."""

    def __init__(self, machine: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.machine = machine

    def show(self, snapshot: Snapshot, history: History) -> None:
        """Draws `snapshot`; `history` gives earlier snapshots to views that show them."""
        raise NotImplementedError

    @staticmethod
    def state_of(config: Any) -> str | frozenset[str] | None:
        """The state (or set of states) a breakpoint `state NAME` is compared with."""
        return getattr(config, "state", None)

    @staticmethod
    def input_text(input: Any) -> str:
        """The input as the user edits it."""
        return "" if input is None else input if isinstance(input, str) else " | ".join(map(str, input))

    @classmethod
    def parse_input(cls, machine: Any, text: str) -> Any:
        """Reads an edited input (the machine checks it when the run restarts)."""
        return text

    @classmethod
    def metrics(cls, machine: Any, snapshot: Snapshot) -> dict[str, int | float | str]:
        """Named numbers for breakpoint conditions and the status bar."""
        return {"step": snapshot.step}


class RuleTable(DataTable):
    """A machine's rules, one row each; the cursor sits on the rule that fired last."""

    can_focus = False  # a display: the arrow keys belong to the stepper

    def __init__(self, columns: Sequence[str], rows: Sequence[tuple[Hashable, Sequence[str]]],
                 **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.columns_text = tuple(columns)
        self.rows_text = [cells for _, cells in rows]
        self.row_of = {event: i for i, (event, _) in enumerate(rows)}

    def on_mount(self) -> None:
        self.add_columns(*self.columns_text)
        for cells in self.rows_text:
            self.add_row(*cells)

    def show(self, snapshot: Snapshot) -> None:
        """Puts the cursor on the rule that produced `snapshot` (hidden at step 0)."""
        row = self.row_of.get(snapshot.event)
        self.show_cursor = row is not None
        if row is not None:
            self.move_cursor(row=row, animate=False)


class TextView(MachineView):
    """Any machine: the configuration's canonical text (`render()`) and the rule that fired."""

    family = "text"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Lines(id="config-text")
        yield Lines(id="event-text", classes="event")

    def show(self, snapshot: Snapshot, history: History) -> None:
        self.query_one("#config-text", Lines).update(Text(snapshot.config.render()))
        event = "start" if snapshot.event is None else f"applied: {snapshot.event}"
        self.query_one("#event-text", Lines).update(Text(event))
