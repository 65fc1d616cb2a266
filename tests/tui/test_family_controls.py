"""The stepper's controls on one machine of every family, checked against `machines.core.run`.

Pilot needs about a tenth of a second per key, so the full matrix is marked slow; the Turing
machine's controls are covered in depth by test_turing_controls in the default run.
"""

import pytest

from machines.core import run
from tests.tui.driving import position, prompt, settle, status
from tests.tui.families import CASES
from tui.app import make_app
from tui.dialogs import HelpScreen
from tui.families import view_for
from tui.view import TextView


def _start(case):
    return view_for(case.machine).default_input if case.input is None else case.input


@pytest.fixture(params=CASES, ids=[c.id for c in CASES])
def case(request):
    return request.param


def test_every_family_has_its_own_view(case):
    assert view_for(case.machine) is not TextView


@pytest.mark.slow
async def test_step_back_goto_reset_end_help(case):
    expected = run(case.machine, _start(case), max_steps=case.max_steps, detect_cycles=True)
    app = make_app(machine=case.machine, input=case.input, max_steps=case.max_steps)
    async with app.run_test() as pilot:
        await pilot.press("right", "right", "right", "left")
        assert app.screen.stepper.current == expected.snapshots[2]
        await prompt(pilot, "g", "+1")
        assert app.screen.stepper.current == expected.snapshots[3]
        await pilot.press("r")
        assert position(app) == 0
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.stepper.current == expected.final
        assert expected.outcome.value.replace("_", " ").upper() in status(app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.slow
async def test_breakpoints_play_and_edit_input(case):
    expected = run(case.machine, case.edited_input, max_steps=case.max_steps)
    app = make_app(machine=case.machine, input=case.input, max_steps=case.max_steps)
    async with app.run_test() as pilot:
        await prompt(pilot, "b", "step >= 2" if case.state is None else f"state {case.state}")
        await pilot.press("c")
        await settle(pilot)
        assert position(app) == (2 if case.state is None else case.state_step)
        assert "breakpoint" in status(app)
        await prompt(pilot, "b", "clear")
        await pilot.press("minus", "space")
        await pilot.pause(0.3)
        await pilot.press("space")
        await settle(pilot)
        assert not app.screen.stepper.playing
        await prompt(pilot, "i", case.edited)
        assert position(app) == 0
        assert app.screen.stepper.current == expected.snapshots[0]
        await pilot.press("right")
        assert app.screen.stepper.current == expected.snapshots[1]
