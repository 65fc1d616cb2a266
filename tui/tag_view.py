"""Provides the tag- and lag-system view: the queue, the part read and deleted next, the productions."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from machines.core import Snapshot
from machines.tag.lag import LagRule, LagSystem
from machines.tag.tag import Production, TagConfig, TagSystem, render_word
from tui.history import History
from tui.view import Lines, MachineView, RuleTable


def _reads(machine: TagSystem | LagSystem) -> tuple[int, int]:
    """(symbols read, symbols deleted) by one step: a tag system reads 1 and deletes m,
    a lag system reads its window and deletes 1."""
    return (1, machine.m) if isinstance(machine, TagSystem) else (machine.width, 1)


class QueueView(Lines):
    """The queue, head first: the symbols read next in reverse, those deleted next underlined,
    and the word the last production appended in green."""

    def show(self, machine: TagSystem | LagSystem, snapshot: Snapshot) -> None:
        """Draws the queue of `snapshot`."""
        queue: tuple[str, ...] = snapshot.config.queue
        read, deleted = _reads(machine)
        appended = len(snapshot.event.word) if snapshot.event is not None else 0
        sep = "" if all(len(s) == 1 for s in queue) else " "
        text = Text()
        for i, symbol in enumerate(queue):
            style = ("bold reverse" if i < read else "underline" if i < deleted
                     else "green" if i >= len(queue) - appended else "")
            text.append(symbol, style=style)
            if sep and i < len(queue) - 1:
                text.append(sep)
        self.update(text if queue else Text("(empty queue)", style="dim"))


class TagView(MachineView):
    """A tag or lag system: the queue, the production applied, the table of productions."""

    family = "tag"
    state_label = "head"

    def compose(self) -> ComposeResult:
        yield Lines(id="queue-label", classes="event")
        with VerticalScroll(id="queue-box"):
            yield QueueView(id="queue")
        yield Lines(id="applied", classes="event")
        if isinstance(self.machine, TagSystem):
            rows = [(Production(s, w), (s, render_word(w) or "ε"))
                    for s, w in self.machine.productions.items()]
            yield RuleTable(("head", f"append (then delete {self.machine.m})"), rows, id="rules")
        else:
            rows = [(LagRule(v, w), (render_word(v), render_word(w) or "ε"))
                    for v, w in self.machine.rules.items()]
            yield RuleTable((f"window ({self.machine.width})", "append (then delete 1)"), rows, id="rules")

    def show(self, snapshot: Snapshot, history: History) -> None:
        config: TagConfig = snapshot.config
        read, deleted = _reads(self.machine)
        self.query_one("#queue-label", Lines).update(Text(
            f"queue: {len(config)} symbols · reads {read}, deletes {deleted}"))
        self.query_one(QueueView).show(self.machine, snapshot)
        applied = "start" if snapshot.event is None else f"applied: {snapshot.event}"
        self.query_one("#applied", Lines).update(Text(applied))
        self.query_one(RuleTable).show(snapshot)

    @staticmethod
    def state_of(config: TagConfig) -> str | None:
        """The head symbol: `state a` stops when `a` is at the head of the queue."""
        return config.head

    @staticmethod
    def input_text(input: Any) -> str:
        return input if isinstance(input, str) else render_word(input)

    @classmethod
    def metrics(cls, machine: TagSystem | LagSystem, snapshot: Snapshot) -> dict[str, int | float | str]:
        return {"step": snapshot.step, "length": len(snapshot.config)}
