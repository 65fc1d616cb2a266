"""The finite-automaton view in the app: the diagram follows the terminal's width."""

from machines.fsm import make_divisibility
from tui.app import make_app
from tui.view import Lines


def _diagram(app) -> str:
    return app.screen.query_one("#diagram", Lines).text.plain


async def test_states_listed_when_the_terminal_is_too_narrow_and_drawn_when_wide_again():
    app = make_app(machine=make_divisibility(3), input="1011")
    async with app.run_test(size=(80, 24)) as pilot:
        assert _diagram(app).startswith("state diagram") and "╔═══╧═══╗" in _diagram(app)
        await pilot.resize_terminal(30, 24)
        await pilot.pause()
        assert _diagram(app).startswith("3 states, too many to draw in 26 columns")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert _diagram(app).startswith("state diagram")
