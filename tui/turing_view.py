"""Provides the Turing-machine view: the tapes with their heads, the state, and the rule table."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget

from machines.core import Snapshot
from machines.turing.machine import Rule, TMConfig, TuringMachine
from tui.history import History
from tui.view import Lines, MachineView, RuleTable

_MARGIN = 3
"""Cells kept between the head and the edge of the viewport before the tape scrolls."""


class TapeView(Widget):
    """The tapes of a configuration, one track per tape, scrolling to keep each head in view."""

    def __init__(self, machine: TuringMachine, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.machine = machine
        self.cell = max(len(s) for s in machine.alphabet) + 2
        self.config: TMConfig | None = None
        self.left: list[int | None] = [None] * machine.tapes

    def show(self, config: TMConfig) -> None:
        """Draws `config`."""
        self.config = config
        self.refresh()

    def _follow(self, index: int, head: int, cells: int) -> int:
        left = self.left[index]
        if left is None or not (left + _MARGIN <= head < left + cells - _MARGIN):
            left = head - cells // 2
        self.left[index] = left
        return left

    def render(self) -> Text:
        if self.config is None:
            return Text()
        blank, width = self.machine.blank, self.cell
        cells = max(1, (self.size.width - 2) // width)
        text = Text()
        for index, tape in enumerate(self.config.tapes):
            left = self._follow(index, tape.head, cells)
            label = f"tape {index + 1}" if self.machine.tapes > 1 else "tape"
            text.append(f"{label}: cells {left}..{left + cells - 1}, head at {tape.head}\n", style="dim")
            for position in range(left, left + cells):
                symbol = tape.at(position, blank)
                style = "tape.head" if position == tape.head else ("tape.blank" if symbol == blank else "")
                text.append(symbol.center(width), style=_STYLES.get(style, ""))
            text.append("\n")
            marker = " " * ((tape.head - left) * width + width // 2) + "▲ " + self.config.state
            text.append(marker + "\n", style="bold")
        return text


_STYLES = {"tape.head": "bold reverse", "tape.blank": "dim"}


def _cells(rule: Rule) -> tuple[str, ...]:
    moves = " ".join(m.name for m in rule.moves)
    return (rule.state, " ".join(rule.read), " ".join(rule.write), moves, rule.next_state,
            "!" if rule.breakpoint else "")


class TuringView(MachineView):
    """A Turing machine: tapes with heads above, rule table below."""

    family = "turing"

    def compose(self) -> ComposeResult:
        yield TapeView(self.machine, id="tape")
        yield Lines(id="fired", classes="event")
        rows = [(rule, _cells(rule)) for rule in self.machine.rules]
        yield RuleTable(("state", "read", "write", "move", "next", "!"), rows, id="rules")

    def show(self, snapshot: Snapshot, history: History) -> None:
        self.query_one(TapeView).show(snapshot.config)
        fired = "start" if snapshot.event is None else f"fired: {snapshot.event}"
        self.query_one("#fired", Lines).update(Text(fired))
        self.query_one(RuleTable).show(snapshot)

    @classmethod
    def parse_input(cls, machine: TuringMachine, text: str) -> str | tuple[str, ...]:
        """One string per tape, separated by '|', for a multi-tape machine."""
        return tuple(part.strip() for part in text.split("|")) if machine.tapes > 1 else text.strip()

    @classmethod
    def metrics(cls, machine: TuringMachine, snapshot: Snapshot) -> dict[str, int | float | str]:
        config: TMConfig = snapshot.config
        return {"step": snapshot.step, "head": config.tape.head, "nonblank": machine.non_blank(config),
                "width": sum(len(t.cells) for t in config.tapes)}
