"""Provides the finite-automaton view: the input and position, the current state(s), the state diagram.

Works for DFAs, NFAs (a set of current states, epsilon moves shown as ε) and Mealy and Moore
transducers (with the output written so far). The diagram is drawn by `tui.fsm_diagram`; an automaton
too large to draw in the terminal's width is listed instead, each state with its outgoing edges. Either
way the current states and the edges that just fired are highlighted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from machines.core import Snapshot
from machines.fsm.dfa import Transition
from machines.fsm.graph import to_networkx
from machines.fsm.nfa import SubsetStep
from machines.fsm.transducer import OutputTransition
from tui.fsm_diagram import draw
from tui.history import History
from tui.view import Lines, MachineView

Edge = tuple[str, str, str, str]
"""(source, symbol, target, output); output is '' for acceptors."""


def edges(machine: Any) -> Iterator[Edge]:
    """Every transition of a DFA, NFA, Mealy or Moore machine, in table order."""
    for (source, symbol), target in machine.transitions.items():
        if isinstance(target, frozenset):
            for t in sorted(target):
                yield source, symbol, t, ""
        elif isinstance(target, tuple):
            yield source, symbol, target[0], target[1]
        else:
            yield source, symbol, target, ""


def fired(event: Any, edge: Edge) -> bool:
    """True if `edge` is one of the moves the step `event` made."""
    source, symbol, target, _ = edge
    if isinstance(event, Transition | OutputTransition):
        return (event.source, event.symbol, event.target) == (source, symbol, target)
    if isinstance(event, SubsetStep):
        return source in event.sources and symbol == event.symbol and target in event.targets
    return False


def current_states(config: Any) -> frozenset[str]:
    """The state of a deterministic configuration, or the set of an NFA's."""
    states = getattr(config, "states", None)
    return states if states is not None else frozenset({config.state})


class FsmView(MachineView):
    """A finite automaton or transducer reading its input."""

    family = "fsm"

    def compose(self) -> ComposeResult:
        yield Lines(id="word", classes="panel")
        yield Lines(id="fired", classes="event")
        with VerticalScroll(id="diagram-box"):
            yield Lines(id="diagram")

    def show(self, snapshot: Snapshot, history: History) -> None:
        config = snapshot.config
        self.query_one("#word", Lines).update(self._word(config))
        event = "start" if snapshot.event is None else f"read: {snapshot.event}"
        self.query_one("#fired", Lines).update(Text(event))
        self.query_one("#diagram", Lines).update(self._diagram(snapshot))

    def on_resize(self) -> None:
        self.show(self.screen.stepper.current, self.screen.stepper.history)  # the diagram fits the width

    def _word(self, config: Any) -> Text:
        text = Text("input  ", style="dim")
        for i, symbol in enumerate(config.word):
            style = "dim" if i < config.position else "bold reverse" if i == config.position else ""
            text.append(symbol, style=style)
            text.append(" ")
        if config.position == len(config.word):
            text.append("⊣", style="bold reverse")
        text.append(f"\nread {config.position} of {len(config.word)} · ", style="dim")
        states = current_states(config)
        text.append("states " if len(states) != 1 else "state ", style="dim")
        text.append("{" + ", ".join(sorted(states)) + "}" if len(states) != 1 else next(iter(states)),
                    style="bold")
        output = getattr(config, "output", None)
        if output is not None:
            text.append("\noutput ", style="dim")
            text.append(" ".join(output) or "(none yet)")
        return text

    def _diagram(self, snapshot: Snapshot) -> Text:
        current = current_states(snapshot.config)
        just_fired = {(e[0], e[2]) for e in edges(self.machine) if fired(snapshot.event, e)}
        width = self.app.size.width - 4  # the box's padding and its scrollbar
        lines = draw(to_networkx(self.machine), current, just_fired, width=width)
        if lines is not None:
            heading = Text.styled("state diagram (→ start, double border accepting, ↻ self-loop)\n", "dim")
            return Text.assemble(heading, Text("\n").join(lines))
        return self._listing(snapshot, width)

    def _listing(self, snapshot: Snapshot, columns: int) -> Text:
        machine, current = self.machine, current_states(snapshot.config)
        accepting = getattr(machine, "accepting", frozenset())
        moore = getattr(machine, "output", None)
        by_source: dict[str, list[Edge]] = {state: [] for state in machine.states}
        for edge in edges(machine):
            by_source[edge[0]].append(edge)
        width = max(len(s) for s in machine.states) + 2
        text = Text.styled(f"{len(machine.states)} states, too many to draw in {columns} columns: listed"
                           " (→ start, ◎ accepting)\n", "dim")
        for state in machine.states:
            text.append("→ " if state == machine.start else "  ")
            text.append("◎ " if state in accepting else "○ ")
            name = state + (f"/{moore[state]}" if moore else "")
            text.append(name.ljust(width), style="bold reverse" if state in current else "bold")
            for edge in by_source[state]:
                _, symbol, target, output = edge
                label = (symbol or "ε") + (f"/{output}" if output else "")
                style = "bold yellow" if fired(snapshot.event, edge) else ""
                text.append(f"  ─{label}→ {target}", style=style)
            text.append("\n")
        return text

    @staticmethod
    def state_of(config: Any) -> frozenset[str]:
        return current_states(config)

    @staticmethod
    def input_text(input: Any) -> str:
        return input if isinstance(input, str) else " ".join(input)

    @classmethod
    def metrics(cls, machine: Any, snapshot: Snapshot) -> dict[str, int | float | str]:
        config = snapshot.config
        return {"step": snapshot.step, "position": config.position,
                "states": len(current_states(config))}
