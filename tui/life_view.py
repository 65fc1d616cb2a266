"""Provides the cellular-automaton views: a Life grid with zoom and pan, and an ECA space-time diagram.

Cells are drawn with half blocks, two cells per character vertically. Zoom level 0 shows one
cell per half block; level k > 0 shows 2**k x 2**k cells per half block (alive if any is);
level -1 shows each cell as two full blocks.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget

from machines.core import Snapshot
from machines.errors import InvalidInputError
from machines.life.eca import ElementaryCA, Row
from machines.life.machine import LifeMachine
from machines.life.pattern import Pattern
from tui.history import History
from tui.view import Lines, MachineView

_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
MIN_ZOOM, MAX_ZOOM = -1, 6
PAN_BINDINGS: list[BindingType] = [
    Binding("w", "pan(0, -1)", "Pan ↑", show=False, id="pan-up"),
    Binding("s", "pan(0, 1)", "Pan ↓", show=False, id="pan-down"),
    Binding("a", "pan(-1, 0)", "Pan ←", show=False, id="pan-left"),
    Binding("d", "pan(1, 0)", "Pan →", show=False, id="pan-right"),
]


class LifeGrid(Widget):
    """A window onto an unbounded grid of cells: `left`, `top` in cells, `zoom` as above."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pattern = Pattern.EMPTY
        self.left = self.top = 0
        self.zoom = 0
        self.fitted = False
        """False until the first fit; a new size fits again until the user zooms or pans."""

    def show(self, pattern: Pattern) -> None:
        """Draws `pattern`, fitting the view to it the first time."""
        self.pattern = pattern
        if not self.fitted and self.size.width and self.size.height:
            self.fit(pattern)
        self.refresh()

    def on_resize(self) -> None:
        if not self.fitted and self.size.width and self.size.height:
            self.fit(self.pattern)

    @property
    def cell_box(self) -> tuple[int, int]:
        """(columns, rows) of cells per character at this zoom."""
        if self.zoom < 0:
            return 1, 1
        side = 2 ** self.zoom
        return side, 2 * side

    def viewport(self) -> tuple[int, int]:
        """(width, height) of the window in cells."""
        per_x, per_y = self.cell_box
        chars = max(1, self.size.width // (2 if self.zoom < 0 else 1))
        return chars * per_x, max(1, self.size.height) * per_y

    def fit(self, pattern: Pattern) -> None:
        """Zooms and pans so the whole pattern is in view (Golly's Auto Fit)."""
        self.fitted = True
        box = pattern.box
        if box is None:
            self.left, self.top = 0, 0
            return
        self.zoom = MIN_ZOOM
        while self.zoom < MAX_ZOOM and (box.width > self.viewport()[0] or box.height > self.viewport()[1]):
            self.zoom += 1
        width, height = self.viewport()
        self.left = box.x - (width - box.width) // 2
        self.top = box.y - (height - box.height) // 2
        self.refresh()

    def render(self) -> Text:
        per_x, per_y = self.cell_box
        width, height = self.viewport()
        live = {(x, y) for x, y in self.pattern.cells
                if self.left <= x < self.left + width and self.top <= y < self.top + height}
        if self.zoom > 0:  # a half block stands for a square of cells
            side = 2 ** self.zoom
            live = {((x - self.left) // side * side + self.left, (y - self.top) // side * side + self.top)
                    for x, y in live}
        text = Text()
        for row in range(self.size.height):
            line = []
            for col in range(width // per_x):
                x = self.left + col * per_x
                y = self.top + row * per_y
                if self.zoom < 0:
                    line.append("██" if (x, y) in live else "··")
                else:
                    half = per_y // 2
                    line.append(_HALVES[((x, y) in live, (x, y + half) in live)])
            text.append("".join(line) + ("\n" if row < self.size.height - 1 else ""))
        return text


class LifeView(MachineView):
    """A Life-like CA: the grid (z/x zoom, w/a/s/d pan, f fit), generation and population."""

    family = "life"
    default_input = None
    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *PAN_BINDINGS,
        Binding("z", "zoom(-1)", "Zoom+", id="zoom-in"),
        Binding("x", "zoom(1)", "Zoom-", id="zoom-out"),
        Binding("f", "fit", "Fit", id="fit"),
    ]

    def compose(self) -> ComposeResult:
        yield Lines(id="life-label", classes="event")
        yield LifeGrid(id="grid")

    def on_mount(self) -> None:
        self.focus()

    def show(self, snapshot: Snapshot, history: History) -> None:
        self.query_one(LifeGrid).show(snapshot.config)
        self._label(snapshot)

    def _label(self, snapshot: Snapshot) -> None:
        grid, pattern = self.query_one(LifeGrid), snapshot.config
        width, height = grid.viewport()
        self.query_one("#life-label", Lines).update(Text(
            f"rule {self.machine.rule.render()} · generation {snapshot.step}"
            f" · population {pattern.population}"
            f" · view x {grid.left}..{grid.left + width - 1}, y {grid.top}..{grid.top + height - 1}"
            f" · zoom {grid.zoom}"))

    def action_pan(self, dx: int, dy: int) -> None:
        grid = self.query_one(LifeGrid)
        width, height = grid.viewport()
        grid.left += dx * max(1, width // 4)
        grid.top += dy * max(1, height // 4)
        grid.fitted = True
        self._relabel()

    def action_zoom(self, change: int) -> None:
        grid = self.query_one(LifeGrid)
        width, height = grid.viewport()
        centre = (grid.left + width // 2, grid.top + height // 2)
        grid.zoom = min(MAX_ZOOM, max(MIN_ZOOM, grid.zoom + change))
        grid.fitted = True
        width, height = grid.viewport()
        grid.left, grid.top = centre[0] - width // 2, centre[1] - height // 2
        self._relabel()

    def action_fit(self) -> None:
        self.query_one(LifeGrid).fit(self.screen.stepper.current.config)
        self._relabel()

    def _relabel(self) -> None:
        self.query_one(LifeGrid).refresh()
        self._label(self.screen.stepper.current)

    @staticmethod
    def state_of(config: Any) -> None:
        return None

    @staticmethod
    def input_text(input: Any) -> str:
        """Rows of '.' and 'O' separated by '/' (the pattern's offset is not kept)."""
        return input if isinstance(input, str) else "/".join(input.to_rows()) if input else ""

    @classmethod
    def parse_input(cls, machine: LifeMachine, text: str) -> Pattern | None:
        """Rows of '.' and 'O' separated by '/', placed at (0, 0); empty text restarts from the file's
        pattern."""
        if not text.strip():
            return None
        rows = text.strip().split("/")
        for number, row in enumerate(rows, start=1):
            bad = set(row) - set(".O*")
            if bad:
                raise InvalidInputError(f"row {number} of input {text!r} has {sorted(bad)}: use '.' and 'O'")
        return Pattern.from_rows(rows)

    @classmethod
    def metrics(cls, machine: LifeMachine, snapshot: Snapshot) -> dict[str, int | float | str]:
        return {"step": snapshot.step, "generation": snapshot.step, "population": snapshot.config.population}


class EcaView(MachineView):
    """An elementary CA: the space-time diagram of the generations up to the current one, newest last."""

    family = "eca"
    default_input = None
    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = PAN_BINDINGS[2:]

    def compose(self) -> ComposeResult:
        yield Lines(id="eca-label", classes="event")
        yield Lines(id="spacetime")

    def on_mount(self) -> None:
        self.focus()
        self.offset_x = 0

    def show(self, snapshot: Snapshot, history: History) -> None:
        area = self.query_one("#spacetime", Lines)
        height = max(1, area.size.height) * 2
        width = max(1, area.size.width)
        first = max(0, snapshot.step - height + 1)
        rows: list[Row] = [history.get(step).config for step in range(first, snapshot.step + 1)]
        lo = min((r.start for r in rows if r.cells), default=0)
        hi = max((r.start + len(r.cells) for r in rows if r.cells), default=1)
        left = (lo + hi) // 2 - width // 2 + self.offset_x if hi - lo > width else lo + self.offset_x
        live = [{r.start + i for i, c in enumerate(r.cells) if c == "1"} for r in rows]
        if len(live) % 2:
            live.append(set())
        text = Text()
        for top, bottom in zip(live[::2], live[1::2], strict=True):
            text.append("".join(_HALVES[(x in top, x in bottom)] for x in range(left, left + width)) + "\n")
        area.update(text)
        row: Row = snapshot.config
        self.query_one("#eca-label", Lines).update(Text(
            f"rule {self.machine.rule} ({self.machine.boundary.value}) · generation {snapshot.step} · "
            f"population {row.population} · generations {first}..{snapshot.step} · cells {left}.."
            f"{left + width - 1}"))

    def action_pan(self, dx: int, dy: int) -> None:
        self.offset_x += dx * 8
        self.show(self.screen.stepper.current, self.screen.stepper.history)

    @staticmethod
    def state_of(config: Any) -> None:
        return None

    @staticmethod
    def input_text(input: Any) -> str:
        return "" if input is None else input if isinstance(input, str) else input.cells

    @classmethod
    def parse_input(cls, machine: ElementaryCA, text: str) -> str | None:
        """A row of '0' and '1'; empty text starts from one live cell."""
        return text.strip() or None

    @classmethod
    def metrics(cls, machine: ElementaryCA, snapshot: Snapshot) -> dict[str, int | float | str]:
        return {"step": snapshot.step, "generation": snapshot.step, "population": snapshot.config.population}
