"""Provides the screens: the stepper over one machine's run, and the file picker over examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DirectoryTree, Footer, Header, Label

from machines.core import Outcome
from machines.errors import TuringboxError
from tui.dialogs import HelpScreen, PromptScreen, target_step
from tui.families import view_for
from tui.source import Source, load_source
from tui.stepper import Stepper
from tui.view import Lines


class StepperScreen(Screen):
    """Steps through one machine's run: the family's view, a status bar and the keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n", "step(1)", "Step", key_display="→", id="step"),
        Binding("left,p", "step(-1)", "Back", key_display="←", id="back"),
        Binding("shift+right", "step(100)", "Step 100", show=False, id="step-100"),
        Binding("shift+left", "step(-100)", "Back 100", show=False, id="back-100"),
        Binding("space", "play", "Run", key_display="space", id="play"),
        Binding("plus,equals_sign", "faster", "Faster", key_display="+", show=False, id="faster"),
        Binding("minus", "slower", "Slower", key_display="-", show=False, id="slower"),
        Binding("g", "goto", "Go to", id="goto"),
        Binding("b", "breakpoint", "Break", id="breakpoint"),
        Binding("c", "continue", "Cont", id="continue"),
        Binding("r", "reset", "Reset", id="reset"),
        Binding("i", "edit_input", "Input", id="input"),
        Binding("escape", "stop", "Stop", show=False, id="stop"),
        Binding("o", "open", "Open", show=False, id="open"),
        Binding("f1,question_mark", "help", "Help", key_display="F1", id="help"),
    ]

    def __init__(self, source: Source, *, max_steps: int) -> None:
        super().__init__()
        self.view_class = view_for(source.machine)
        if source.input is None:
            source = Source(source.machine, self.view_class.default_input, source.title)
        self.source = source
        self.stepper = Stepper(source.machine, source.input, max_steps=max_steps,
                               state_of=self.view_class.state_of, metrics=self.view_class.metrics,
                               detect_cycles=self.view_class.detect_cycles)
        self.reason = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield self.view_class(self.source.machine, id="view")
        yield Lines(id="status")
        yield Footer(compact=True, show_command_palette=False)
        yield self.stepper

    def on_mount(self) -> None:
        self.describe()

    def describe(self) -> None:
        """Titles the screen with the source and its input, and draws the current snapshot."""
        self.title = self.source.title
        text = self.view_class.input_text(self.source.input)
        shown = repr(text) if len(text) <= 24 else f"of {len(text)} characters"
        self.sub_title = f"{self.view_class.family} · input {shown}"
        self.redraw()

    def redraw(self) -> None:
        """Draws the current snapshot and the status bar."""
        self.query_one("#view").show(self.stepper.current, self.stepper.history)
        self.update_status()

    def update_status(self, step: int | None = None) -> None:
        """Writes the status bar; `step` is a long run's progress, shown while the view waits."""
        stepper, history = self.stepper, self.stepper.history
        snapshot = stepper.current
        parts = [f"step {snapshot.step}"]
        parts.append(f"computed {history.frontier}" + ("" if history.finished else "+"))
        state = self.view_class.state_of(snapshot.config)
        if state is not None:
            shown = state if isinstance(state, str) else "{" + ",".join(sorted(state)) + "}"
            parts.append(f"{self.view_class.state_label} {shown}")
        outcome = history.outcome_at(snapshot.step)
        if history.error is not None and history.is_last(snapshot.step):
            parts.append("ERROR")
        elif outcome is not Outcome.RUNNING:
            parts.append(outcome.value.replace("_", " ").upper())
        if history.cycle_start is not None:
            period = history.cycle_end - history.cycle_start
            parts.append(f"cycle: step {history.cycle_end} = step {history.cycle_start} (period {period})")
        if history.cycle_checked_to is not None:
            parts.append(f"cycles checked to step {history.cycle_checked_to:,}")
        if step is not None:
            parts.append(f"running… at step {step}")
        elif stepper.playing:
            parts.append("▶ playing")
        speed = f"{2 ** stepper.speed}" if stepper.speed >= 0 else f"1/{2 ** -stepper.speed}"
        parts.append(f"speed ×{speed}")
        if stepper.breakpoints:
            parts.append("breaks: " + "; ".join(str(b) for b in stepper.breakpoints))
        if self.reason:
            parts.append(self.reason)
        self.query_one("#status", Lines).update(Text(" · ".join(parts)))

    @on(Stepper.Moved)
    def moved(self, event: Stepper.Moved) -> None:
        self.reason = event.reason
        self.redraw()

    @on(Stepper.Progress)
    def progress(self, event: Stepper.Progress) -> None:
        self.update_status(event.step)

    def action_step(self, count: int) -> None:
        self._try(lambda: self.stepper.step(count))

    def action_play(self) -> None:
        self.stepper.toggle_play()
        self.update_status()

    def action_faster(self) -> None:
        self.stepper.faster()
        self.update_status()

    def action_slower(self) -> None:
        self.stepper.slower()
        self.update_status()

    def action_stop(self) -> None:
        self.stepper.stop()
        self.redraw()

    def action_reset(self) -> None:
        self.reason = ""
        self.stepper.reset()

    def action_continue(self) -> None:
        self.stepper.run_to_breakpoint()
        self.update_status()

    def action_goto(self) -> None:
        def go(text: str | None) -> None:
            if text:
                self._try(lambda: self.stepper.goto(target_step(text, self.stepper.position)))

        self.app.push_screen(PromptScreen("Go to step", placeholder="N, +N or -N"), go)

    def action_breakpoint(self) -> None:
        def add(text: str | None) -> None:
            if text and text.strip() == "clear":
                self.stepper.breakpoints.clear()
            elif text:
                self._try(lambda: self.stepper.add_breakpoint(text))
            self.update_status()

        current = "; ".join(str(b) for b in self.stepper.breakpoints) or "none"
        self.app.push_screen(PromptScreen(
            "Break at", placeholder="state H | rule TEXT | contains TEXT | METRIC OP N",
            hint=f"now: {current} · 'clear' removes all · metrics: "
                 + ", ".join(self.view_class.metrics(self.source.machine, self.stepper.current))), add)

    def action_edit_input(self) -> None:
        def restart(text: str | None) -> None:
            if text is not None:
                self._try(lambda: self._restart(self.view_class.parse_input(self.source.machine, text)))

        self.app.push_screen(PromptScreen("Input (enter restarts)",
                                          self.view_class.input_text(self.source.input)), restart)

    def _restart(self, input: Any) -> None:
        self.stepper.restart(self.source.machine, input)
        self.source = Source(self.source.machine, input, self.source.title)
        self.reason = ""
        self.describe()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.all_bindings()))

    def action_open(self) -> None:
        """Back to the file picker (or to a new one when the app started on a file)."""
        self.stepper.stop()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, PickerScreen):
            self.app.pop_screen()
        else:
            self.app.push_screen(PickerScreen(self.app.examples, max_steps=self.stepper.max_steps))

    def all_bindings(self) -> list[Binding]:
        """The keys of the screen, of the view (pan, zoom) and of the app."""
        return [b for b in (*self.BINDINGS, *self.view_class.BINDINGS, *self.app.BINDINGS)
                if isinstance(b, Binding)]

    def _try(self, action: Any) -> None:
        try:
            action()
        except TuringboxError as error:
            self.notify(str(error), title="error", severity="error")


class PickerScreen(Screen):
    """Chooses a machine file under the examples folder, then steps through it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", key_display="F1", id="help"),
    ]

    def __init__(self, folder: Path, *, max_steps: int) -> None:
        super().__init__()
        self.folder = folder
        self.max_steps = max_steps

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"Pick a machine file under {self.folder.name}/ (enter opens it)", classes="hint")
        yield MachineTree(self.folder, id="files")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "turingbox"
        tree = self.query_one(MachineTree)
        tree.root.set_label(f"{self.folder.name}/")
        tree.focus()

    @on(DirectoryTree.FileSelected)
    def open_file(self, event: DirectoryTree.FileSelected) -> None:
        try:
            source = load_source(event.path)
        except (TuringboxError, OSError) as error:
            self.notify(str(error), title="cannot open", severity="error")
            return
        self.app.push_screen(StepperScreen(source, max_steps=self.max_steps))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen([*StepperScreen.BINDINGS, *self.app.BINDINGS]))


class MachineTree(DirectoryTree):
    """A directory tree that lists only folders and files in a known machine format."""

    def filter_paths(self, paths: Any) -> list[Path]:
        from machines.formats import FORMATS

        extensions = {e for f in FORMATS for e in f.extensions} | {".rasp"}
        return sorted((p for p in paths if (p.is_dir() and not p.name.startswith(("_", ".")))
                       or p.suffix.lower() in extensions), key=lambda p: (p.is_file(), p.name))
