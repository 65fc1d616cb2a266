"""Provides the Textual app and `make_app`, the factory shared by the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.errors import TuiError
from tui.screens import PickerScreen, StepperScreen
from tui.source import DEFAULT_MAX_STEPS, Source, load_source

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class TuringboxApp(App):
    """The stepper app: opens on a machine's run, or on a picker over the examples."""

    CSS_PATH = "tui.tcss"
    TITLE = "turingbox"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, source: Source | None, *, examples: Path, max_steps: int,
                 dataset: tuple[list, dict, str] | None = None) -> None:
        super().__init__()
        self.source = source
        self.dataset = dataset
        self.examples = examples
        self.max_steps = max_steps

    def get_default_screen(self) -> Screen:
        if self.dataset is not None:
            from tui.dataset_view import DatasetScreen

            items, responses, title = self.dataset
            return DatasetScreen(items, responses, title=title)
        if self.source is None:
            return PickerScreen(self.examples, max_steps=self.max_steps)
        return StepperScreen(self.source, max_steps=self.max_steps)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every action of the screen's keys, besides Textual's own commands."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, StepperScreen):
            view = screen.query_one("#view")
            for binding in screen.all_bindings():
                target = view if binding in view.BINDINGS else screen
                yield SystemCommand(binding.description, f"{binding.action} ({binding.key})",
                                    partial(target.run_action, binding.action))


def make_app(path: str | Path | None = None, *, machine: Any = None, input: Any = None, title: str = "",
             format: str | None = None, examples: str | Path | None = None,
             max_steps: int = DEFAULT_MAX_STEPS, dataset: str | Path | None = None,
             responses: str | Path | None = None) -> TuringboxApp:
    """The app on a machine file (`path`), on a machine built in code, on a benchgen `dataset` (with
    a model's `responses`), or on the examples picker.

    A bad file raises its error here, before any screen is drawn.
    """
    if dataset is not None:
        from tui.dataset_view import load_dataset

        items, answers = load_dataset(dataset, responses)
        return TuringboxApp(None, examples=EXAMPLES, max_steps=max_steps,
                            dataset=(items, answers, Path(dataset).name))
    if machine is not None:
        source = Source.of(machine, input, title)
    elif path is not None:
        source = load_source(path, format=format, input=input)
    else:
        source = None
    folder = Path(examples) if examples else EXAMPLES
    if source is None and not folder.is_dir():
        raise TuiError(f"examples folder {str(folder)!r} does not exist: give a FILE or --examples DIR")
    return TuringboxApp(source, examples=folder, max_steps=max_steps)


async def screenshot(app: TuringboxApp, keys: list[str], *, size: tuple[int, int] = (100, 30)) -> str:
    """Runs `app` headless, presses `keys` (waiting for any run they start) and returns an SVG."""
    async with app.run_test(size=size) as pilot:
        for key in keys:
            await pilot.press(key)
            running = [w for w in app.workers if w.group == "run"]
            if running:
                await app.workers.wait_for_complete(running)
        await pilot.pause()
        return app.export_screenshot()
