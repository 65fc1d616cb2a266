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
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
