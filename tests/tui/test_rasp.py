"""The RASP view: source highlighting, values per position, and the compiled residual stream."""

from textual.widgets import DataTable

from tests.tui.driving import settle
from tests.tui.families import FRAC_PREVS
from tui.app import make_app
from tui.rasp_run import RaspState


async def test_values_fill_in_as_the_program_steps():
    app = make_app(machine=FRAC_PREVS, input="hello")
    async with app.run_test() as pilot:
        table = app.screen.query_one("#values", DataTable)
        assert [str(c) for c in table.get_row_at(5)] == ["frac_prevs", "·", "·", "·", "·", "·"]
        await pilot.press("c")
        await settle(pilot)
        state: RaspState = app.screen.stepper.current.config
        assert state.frame.name == "frac_prevs"
        assert [str(c) for c in table.get_row_at(5)] == ["frac_prevs", "0", "0.0", repr(1 / 3), "0.5", "0.4"]


async def test_compiled_residual_stream_agrees_with_the_interpreter():
    app = make_app(machine=FRAC_PREVS, input="hello")
    async with app.run_test() as pilot:
        await pilot.press("m")
        compiling = [w for w in app.workers if w.group == "compile"]
        await app.workers.wait_for_complete(compiling)
        await pilot.pause()
        table = app.screen.query_one("#residual", DataTable)
        assert table.display
        rows = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)[1:]]
                for i in range(table.row_count)}
        assert rows["one"] == ["·", "1", "1", "1", "1", "1"]
        assert rows["frac_prevs"][1:] == ["·", "·", "0.333", "0.5", "0.4"]
