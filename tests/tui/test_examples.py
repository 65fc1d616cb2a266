"""Every machine file under examples/ opens in the stepper with its family's view and runs.

Opening each in the app costs a second under load, so that part is marked slow."""

import pytest

from machines.formats import FORMATS
from tests.common.paths import EXAMPLES
from tests.tui.driving import settle
from tui.app import make_app
from tui.families import view_for
from tui.screens import StepperScreen
from tui.source import load_source
from tui.view import TextView

EXTENSIONS = {e for f in FORMATS for e in f.extensions} | {".rasp"}
FILES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in EXTENSIONS)


def test_there_are_examples():
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(EXAMPLES)) for p in FILES])
def test_example_has_its_family_view(path):
    assert view_for(load_source(path).machine) is not TextView


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(EXAMPLES)) for p in FILES])
async def test_example_opens_and_runs(path):
    app = make_app(path, max_steps=300)
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, StepperScreen)
        assert not isinstance(screen.query_one("#view"), TextView)
        await pilot.press("c")
        await settle(pilot)
        assert screen.stepper.position == screen.stepper.history.frontier
        assert screen.stepper.history.finished or screen.stepper.history.cycle_end is not None
