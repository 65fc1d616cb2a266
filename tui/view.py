"""Provides the base of the machine views and the fallback view that shows a configuration's text."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from machines.core import Snapshot


class MachineView(Widget):
    """A widget that draws one snapshot of a machine's run; one subclass per machine family.

    The class methods tell the stepper what a breakpoint can refer to: the state(s) of a
    configuration and the named numbers (`metrics`) a condition like `head < 0` compares.
    """

    family: ClassVar[str] = "machine"

    def __init__(self, machine: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.machine = machine

    def show(self, snapshot: Snapshot) -> None:
        """Draws `snapshot`."""
        raise NotImplementedError

    @staticmethod
    def state_of(config: Any) -> str | frozenset[str] | None:
        """The state (or set of states) a breakpoint `state NAME` is compared with."""
        return getattr(config, "state", None)

    @staticmethod
    def input_text(input: Any) -> str:
        """The input as the user edits it."""
        return input if isinstance(input, str) else " | ".join(map(str, input))

    @classmethod
    def parse_input(cls, machine: Any, text: str) -> Any:
        """Reads an edited input (the machine checks it when the run restarts)."""
        return text

    @classmethod
    def metrics(cls, machine: Any, snapshot: Snapshot) -> dict[str, int | float | str]:
        """Named numbers for breakpoint conditions and the status bar."""
        return {"step": snapshot.step}


class TextView(MachineView):
    """Any machine: the configuration's canonical text (`render()`) and the rule that fired."""

    family = "text"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="config-text")
        yield Static(id="event-text", classes="event")

    def show(self, snapshot: Snapshot) -> None:
        self.query_one("#config-text", Static).update(Text(snapshot.config.render()))
        event = "start" if snapshot.event is None else f"applied: {snapshot.event}"
        self.query_one("#event-text", Static).update(Text(event))
