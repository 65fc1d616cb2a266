"""Helpers to drive the stepper app in Pilot tests."""

from textual.widgets import Input

from tui.view import Lines


def status(app) -> str:
    """The status bar's text."""
    return app.screen.query_one("#status", Lines).text.plain


def position(app) -> int:
    return app.screen.stepper.position


async def prompt(pilot, key: str, text: str) -> None:
    """Opens the dialog bound to `key`, enters `text` and submits it."""
    await pilot.press(key)
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")


async def settle(pilot) -> None:
    """Waits until the stepper's workers are done and their messages are handled."""
    running = [w for w in pilot.app.workers if w.group == "run"]
    if running:  # an empty list would mean every worker, the picker's endless loader too
        await pilot.app.workers.wait_for_complete(running)
    await pilot.pause()


async def tree_loaded(pilot) -> None:
    """Waits until the picker's directory tree lists its folder (its loader worker never ends)."""
    tree = pilot.app.screen.query_one("#files")
    for _ in range(200):
        if tree.root.children:
            break
        await pilot.pause(0.01)
    await pilot.pause()
