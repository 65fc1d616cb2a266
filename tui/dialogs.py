"""Provides the modal dialogs: help, go to step, breakpoints, and editing the input."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.errors import StepSyntaxError

_STEP = re.compile(r"([+-]?)\s*(\d[\d_]*)")


def target_step(text: str, current: int) -> int:
    """Reads 'N' (absolute) or '+N'/'-N' (relative to `current`), as Golly's Set Generation does."""
    match = _STEP.fullmatch(text.strip())
    if match is None:
        raise StepSyntaxError(f"step {text!r} is not a number N, +N or -N")
    sign, digits = match.groups()
    value = int(digits.replace("_", ""))
    return max(0, current + value if sign == "+" else current - value if sign == "-" else value)


_KEY_NAMES = {"right": "→", "left": "←", "shift+right": "shift+→", "shift+left": "shift+←", "plus": "+",
              "equals_sign": "=", "minus": "-", "question_mark": "?", "f1": "F1"}


class HelpScreen(ModalScreen[None]):
    """The keys of the stepper and what they do."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q,question_mark", "dismiss", "Close")]

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.bindings = list(bindings)

    def compose(self) -> ComposeResult:
        keys = Table.grid(padding=(0, 2))
        cells = [(Text(" ".join(_KEY_NAMES.get(k, k) for k in b.key.split(",")), style="bold"), b.description)
                 for b in self.bindings]
        half = (len(cells) + 1) // 2
        for left, right in zip(cells[:half], [*cells[half:], ("", "")], strict=False):
            keys.add_row(*left, *right)
        with Vertical(id="dialog"):
            yield Label("Keys", classes="title")
            yield Static(keys)
            yield Static(
                "Breakpoints: 'state H', 'rule A 1 -> 0 L B' (any part of a rule), 'contains TEXT', "
                "or 'METRIC OP N' such as 'head < -3'. Rules marked ! in a Morphett file always stop "
                "a run. ctrl+p opens the command palette. escape closes this.", classes="hint")


class PromptScreen(ModalScreen[str | None]):
    """One line of text; dismissed with the text on enter, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", *, hint: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt")
            if self.hint:
                yield Static(self.hint, classes="hint", markup=False)

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
